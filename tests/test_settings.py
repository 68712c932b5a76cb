"""Settings files: found from the data directory upward, checked key by key, overridden by flags."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plan272.settings import KEYS, SettingsError, find, read, resolve


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_nearest_file_upward_wins(tmp_path: Path) -> None:
    data = tmp_path / "repo" / "plans" / "data"
    data.mkdir(parents=True)
    assert find(data) is None
    top = write(tmp_path / "repo" / "pyproject.toml", '[tool.plan272]\nselect = ["SEC"]\n')
    assert find(data) == top.resolve()
    # a pyproject.toml without [tool.plan272] is passed over; a plan272.toml is taken as it is
    write(tmp_path / "repo" / "plans" / "pyproject.toml", '[project]\nname = "x"\n')
    assert find(data) == top.resolve()
    near = write(tmp_path / "repo" / "plans" / "plan272.toml", 'fail-on = "warning"\n')
    assert find(data) == near.resolve()
    # in one directory plan272.toml comes first
    same = write(tmp_path / "repo" / "plans" / "data" / "plan272.toml", "")
    write(tmp_path / "repo" / "plans" / "data" / "pyproject.toml", '[tool.plan272]\nselect = ["SUM"]\n')
    assert find(data) == same.resolve()


def test_values_are_checked_and_paths_are_relative_to_the_file(tmp_path: Path) -> None:
    file = write(
        tmp_path / "pyproject.toml",
        "[tool.plan272]\n"
        'select = ["SEC", "SUM001"]\nignore = "TXT"\nfail-on = "warning"\nformat = "sarif"\n'
        'baseline = "ci/baseline.json"\nlanguage = "vi"\nroot = "."\n',
    )
    values = read(file)
    assert values == {
        "select": ["SEC", "SUM001"],
        "ignore": ["TXT"],
        "fail-on": "warning",
        "format": "sarif",
        "baseline": tmp_path / "ci" / "baseline.json",
        "language": "vi",
        "root": tmp_path / ".",
    }
    assert set(values) == set(KEYS)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('selcet = ["SEC"]\n', "error.settings.unknown-key"),
        ('fail-on = "fatal"\n', "error.settings.value"),
        ("select = [1, 2]\n", "error.settings.value"),
        ('language = ""\n', "error.settings.value"),
        ("baseline = 3\n", "error.settings.value"),
        ("select = [\n", "error.settings.toml"),
    ],
)
def test_a_bad_setting_is_an_error_naming_file_and_key(tmp_path: Path, text: str, key: str) -> None:
    file = write(tmp_path / "plan272.toml", text)
    with pytest.raises(SettingsError) as caught:
        read(file)
    assert caught.value.message.key == key
    assert file.as_posix() in str(caught.value)
    assert caught.value.message.render("vi") != caught.value.message.render("en")


def test_a_file_that_is_not_utf8_or_too_large(tmp_path: Path) -> None:
    bad = tmp_path / "plan272.toml"
    bad.write_bytes(b'select = ["\xff"]\n')
    with pytest.raises(SettingsError) as caught:
        read(bad)
    assert caught.value.message.key == "error.settings.encoding"
    bad.write_bytes(b"#" * (1024 * 1024 + 1))
    with pytest.raises(SettingsError) as caught:
        read(bad)
    assert caught.value.message.key == "error.settings.too-large"


def test_flags_override_the_file_which_overrides_the_defaults(tmp_path: Path) -> None:
    write(tmp_path / "plan272.toml", 'select = ["SEC"]\nfail-on = "warning"\n')
    settings = resolve({"fail-on": "info", "select": None}, tmp_path, {"fail-on": "error", "format": "text"})
    assert settings["fail-on"] == "info" and settings.origin("fail-on") == "command line"
    assert (
        settings["select"] == ["SEC"]
        and settings.origin("select") == (tmp_path / "plan272.toml").resolve().as_posix()
    )
    assert settings["format"] == "text" and settings.origin("format") == "default"
    assert settings["baseline"] is None


@given(st.lists(st.sampled_from(["SEC", "SUM001", "KPI", "TXT001"]), max_size=4))
def test_codes_round_trip_through_toml(codes: list[str]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        file = write(Path(tmp) / "plan272.toml", f"select = {codes!r}\n".replace("'", '"'))
        assert read(file) == {"select": codes}


def test_a_pyproject_that_cannot_hold_the_settings_is_passed_over_unparsed(tmp_path: Path) -> None:
    # broken TOML that names no plan272: it cannot hold [tool.plan272], so it is not parsed
    write(tmp_path / "pyproject.toml", "[project\nname = 'x'\n")
    assert find(tmp_path) is None
    # broken TOML that may hold them (the name, or an escape a quoted key could spell it with): an error
    for text in ("[tool.plan272\nselect = 1\n", '[tool."plan\\u0032\\u0037\\u0032"\n'):
        write(tmp_path / "pyproject.toml", text)
        with pytest.raises(SettingsError) as caught:
            find(tmp_path)
        assert caught.value.message.key == "error.settings.toml"
    # spelt with escapes, the table is found
    write(tmp_path / "pyproject.toml", '[tool."plan\\u0032\\u0037\\u0032"]\nselect = ["SEC"]\n')
    assert find(tmp_path) == (tmp_path / "pyproject.toml").resolve()
    assert read(tmp_path / "pyproject.toml")["select"] == ["SEC"]
    # not UTF-8: an error, whatever it names
    (tmp_path / "pyproject.toml").write_bytes(b"name = '\xff'\n")
    with pytest.raises(SettingsError) as caught:
        find(tmp_path)
    assert caught.value.message.key == "error.settings.encoding"
