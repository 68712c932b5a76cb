"""Settings in a file, so that a repository states once how its plan is checked: ``[tool.plan272]`` in
a ``pyproject.toml``, or the top level of a ``plan272.toml``, found from the data directory upward (as
ruff finds its configuration). In one directory ``plan272.toml`` comes before ``pyproject.toml``; a
``pyproject.toml`` without a ``[tool.plan272]`` table is passed over. Flags on the command line
override the file; what is in neither has its default. :func:`resolve` says where each value came
from (``plan272 validate --show-settings``).

Keys: ``select`` and ``ignore`` (lists of rule codes or prefixes), ``fail-on`` (error, warning,
info), ``format`` (a validate format), ``baseline`` and ``root`` (paths, relative to the file that
names them), ``language`` (en, vi). Anything else, or a value of the wrong kind, is an error naming
the file and the key: a setting is never silently ignored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from plan272.messages import Each, Invalid, Message

FILES = ("plan272.toml", "pyproject.toml")
Kind = Literal["codes", "choice", "text", "path"]
#: the keys a settings file may hold, and the kind of their values
KEYS: dict[str, Kind] = {
    "select": "codes",
    "ignore": "codes",
    "fail-on": "choice",
    "format": "text",
    "baseline": "path",
    "language": "choice",
    "root": "path",
}
CHOICES: dict[str, tuple[str, ...]] = {"fail-on": ("error", "warning", "info"), "language": ("en", "vi")}
#: a settings file larger than this is not one (a pyproject.toml is a few KiB)
LIMIT = 1024 * 1024

Value = str | list[str] | Path


class SettingsError(Invalid):
    """A settings file that cannot be used: unreadable, not TOML, an unknown key, a wrong value."""


@dataclass(frozen=True)
class Setting:
    """A value in force and where it came from: ``flag`` (the command line), ``file`` (the settings
    file), or ``default``."""

    value: Value | None
    source: Literal["flag", "file", "default", "detected"]


@dataclass(frozen=True)
class Settings:
    """What is in force for a run: every key of :data:`KEYS`, and the file read (if any)."""

    file: Path | None
    values: Mapping[str, Setting]

    def __getitem__(self, key: str) -> Value | None:
        return self.values[key].value

    def origin(self, key: str) -> str:
        """Where ``key``'s value came from, for people: ``command line``, the file's path (and its
        table), or ``default``."""
        setting = self.values[key]
        if setting.source == "file" and self.file is not None:
            table = "[tool.plan272]" if self.file.name == "pyproject.toml" else ""
            return f"{self.file.as_posix()} {table}".rstrip()
        words = {"flag": "command line", "default": "default", "file": "file", "detected": "detected"}
        return words[setting.source]


def find(start: Path) -> Path | None:
    """The settings file for a plan in ``start`` (a directory): the nearest ``plan272.toml``, or
    ``pyproject.toml`` with a ``[tool.plan272]`` table, in ``start`` or a directory above it
    (:class:`SettingsError` for a pyproject.toml on the way that cannot be read)."""
    directory = start.resolve()
    for folder in (directory, *directory.parents):
        for name in FILES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name == "plan272.toml" or _has_table(candidate):
                return candidate
    return None


def _has_table(pyproject: Path) -> bool:
    """Whether a pyproject.toml holds ``[tool.plan272]``. One that cannot be read is an error
    (:class:`SettingsError`), not passed over: it may hold the settings, and a run must not silently
    go on without them. One whose text names no ``plan272`` (nor escapes a character, which a quoted
    key could spell it with) cannot hold them: it is passed over without parsing its TOML."""
    text = _text(pyproject)
    if "plan272" not in text and "\\" not in text:
        return False
    data = _parse(pyproject, text)
    tool = data.get("tool")
    return isinstance(tool, dict) and "plan272" in tool


def _text(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            raw = handle.read(LIMIT + 1)
    except OSError as exc:
        raise SettingsError(
            Message("error.settings.read", path=path.as_posix(), reason=str(exc.strerror or exc))
        ) from exc
    if len(raw) > LIMIT:
        raise SettingsError(Message("error.settings.too-large", path=path.as_posix(), limit=LIMIT))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SettingsError(Message("error.settings.encoding", path=path.as_posix())) from exc


def _parse(path: Path, text: str | None = None) -> dict[str, object]:
    import tomllib

    if text is None:
        text = _text(path)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(Message("error.settings.toml", path=path.as_posix(), reason=str(exc))) from exc


def read(path: Path) -> dict[str, Value]:
    """The settings ``path`` holds, checked: values of the right kind, paths made relative to the
    file's directory. :class:`SettingsError` names the file and the key."""
    data = _parse(path)
    where = path.as_posix()
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        table = tool.get("plan272") if isinstance(tool, dict) else None
        if table is None:
            return {}
        where += " [tool.plan272]"
    else:
        table = data
    if not isinstance(table, dict):
        raise SettingsError(Message("error.settings.not-table", path=where))
    out: dict[str, Value] = {}
    for key, value in table.items():
        kind = KEYS.get(key)
        if kind is None:
            known = Each(tuple(KEYS))
            raise SettingsError(Message("error.settings.unknown-key", path=where, key=repr(key), known=known))
        out[key] = _value(where, path.parent, key, kind, value)
    return out


def _value(where: str, base: Path, key: str, kind: Kind, value: object) -> Value:
    def wrong(expected: Message) -> SettingsError:
        return SettingsError(
            Message("error.settings.value", path=where, key=key, expected=expected, found=repr(value))
        )

    if kind == "codes":
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise wrong(Message("error.settings.expected.codes"))
        return [str(v).strip() for v in value]
    if not isinstance(value, str) or not value.strip():
        raise wrong(Message("error.settings.expected.text"))
    if kind == "choice":
        choices = CHOICES[key]
        if value not in choices:
            raise wrong(Message("error.settings.expected.choice", choices=Each(choices, "list")))
        return value
    if kind == "path":
        path = Path(value)
        return path if path.is_absolute() else base / path
    return value


def resolve(flags: Mapping[str, Value | None], start: Path, defaults: Mapping[str, Value | None]) -> Settings:
    """What is in force: each flag given (not ``None``), else the settings file's value, else the
    default. ``start`` is where the search for the file begins (the data directory)."""
    file = find(start)
    stored = read(file) if file is not None else {}
    values: dict[str, Setting] = {}
    for key in KEYS:
        flag = flags.get(key)
        if flag is not None:
            values[key] = Setting(flag, "flag")
        elif key in stored:
            values[key] = Setting(stored[key], "file")
        else:
            values[key] = Setting(defaults.get(key), "default")
    return Settings(file, values)
