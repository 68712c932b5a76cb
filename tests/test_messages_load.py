"""Load problems in both languages (issue 11): every message of the loader — the files, the CSV cells,
the YAML syntax, the numbers, the amounts in words — is a catalogue :class:`Message`, produced here
through the real loader from a broken copy of the shipped plan and worded in English (exactly as it
always was) and in Vietnamese."""

from __future__ import annotations

import ast
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from entry import run_main
from plan272.catalogue import CATALOGUE
from plan272.catalogue.load import LOAD
from plan272.engine import run
from plan272.load import LoadResult, load_plan, yamlfile
from plan272.load.files import Limits
from plan272.messages import Each, Message
from plan272.numbers import NumberError, parse_amount
from plan272.problems import Problem
from plan272.stated import amount_checks
from plan272.vnwords import WordsError, words_to_int
from plandir import A1, A2, PLAN, PlanDir, where
from plans import ROOT, shipped


def keys(arg: Any) -> set[str]:
    """The catalogue keys of a message and of every message nested in its arguments."""
    if isinstance(arg, Message):
        return {arg.key}.union(*(keys(value) for value in arg.args.values()))
    if isinstance(arg, Each):
        return set().union(*(keys(item) for item in arg.items))
    return set()


# ---------------------------------------------------------------------------------------------
# Broken copies of the shipped plan: one per kind of problem


Edit = Callable[[PlanDir, pytest.MonkeyPatch], object]


@dataclass(frozen=True)
class Case:
    id: str
    key: str  # the catalogue key the problem's message must carry (maybe nested)
    edit: Edit  # breaks the copy; returns the path to load when it is not the copy
    limits: Limits | None = None


def _write(name: str, text: str) -> Edit:
    return lambda d, _: d.write(name, text)


def _bytes(name: str, encode: Callable[[str], bytes]) -> Edit:
    return lambda d, _: d.write_bytes(name, encode(d.text(name)))


def _cell(name: str, row: str, column: str, value: str, notation: str = "plain") -> Edit:
    def edit(d: PlanDir, _: pytest.MonkeyPatch) -> None:
        if notation != "plain":
            d.set_yaml("csv_number_format: plain", f"csv_number_format: {notation}")
        d.set_cell(name, row, column, value)

    return edit


def _header(old: str, new: str) -> Edit:
    return lambda d, _: d.write(A1, d.text(A1).replace(old, new, 1))


def _yaml(old: str, new: str) -> Edit:
    return lambda d, _: d.set_yaml(old, new)


PROVINCE = "  province: Thanh Hóa"
SIGNER = "  signer: Đỗ Minh Tuấn"
PERIOD = "  period: {start: 2021, end: 2025}"
SCOPES = "  scopes: [year, period, project]"
TOTAL = "      total: 1458818"  # Phụ lục I's declared total
NOTATION = "csv_number_format: plain"
HEADER = "id,section,tt,name,investor,tmdt,y2021,y2022,y2023,y2024,y2025,attt,source_line"  # Phụ lục I's


def _unreadable(d: PlanDir, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = Path.open

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == A2:
            raise PermissionError(13, "Permission denied")
        return opened(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)


def _not_a_file(d: PlanDir, _: pytest.MonkeyPatch) -> None:
    d.file(A2).unlink()
    d.file(A2).mkdir()


def _stray_quote(d: PlanDir, _: pytest.MonkeyPatch) -> None:
    line = d.line_of(A1, "III.9")
    lines = d.text(A1).split("\n")
    lines[line - 1] = lines[line - 1].replace("III.9,", '"III".9,', 1)
    d.write(A1, "\n".join(lines))


def _quote_left_open(d: PlanDir, _: pytest.MonkeyPatch) -> None:
    line = d.line_of(A1, "I.4")
    lines = d.text(A1).split("\n")
    lines[line - 1] = lines[line - 1].replace('xã)",', "xã),", 1)  # swallows the rows below
    d.write(A1, "\n".join(lines))


def _wide_row(d: PlanDir, _: pytest.MonkeyPatch) -> None:
    rows = d.rows(A1)
    rows[2].append("x")
    d.write_rows(A1, rows)


def _every_amount_bad(d: PlanDir, _: pytest.MonkeyPatch) -> None:
    rows = d.rows(A1)
    for row in rows[1:]:
        row[rows[0].index("tmdt")] = "x"
    d.write_rows(A1, rows)


def _recursion(d: PlanDir, monkeypatch: pytest.MonkeyPatch) -> None:
    def deep(*args: Any) -> Any:
        raise RecursionError

    monkeypatch.setattr(yamlfile._Builder, "build", deep)


def _few_nodes(d: PlanDir, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlfile, "MAX_NODES", 500)


def _alias_bomb(d: PlanDir, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlfile, "MAX_NODES", 500)
    nine = lambda alias: "[" + ", ".join([alias] * 9) + "]"  # noqa: E731
    d.write(PLAN, f"a: &a {nine('1')}\nb: &b {nine('*a')}\nc: &c {nine('*b')}\nd: {nine('*c')}\n")


def _duplicate_ids(d: PlanDir, _: pytest.MonkeyPatch) -> None:
    text = d.text(PLAN)
    start = text.index("  - id: electronic-documents\n")
    end = text.index("  - id: ", start + 1)
    first = text[start:end]
    d.write(
        PLAN, text.replace(first, first + first.replace("electronic-documents", "Electronic-Documents"), 1)
    )


def _undeclared(*cells: tuple[str, str]) -> Edit:
    """Appendix I's tmdt cells set as given, in a plan that declares no number notation."""

    def edit(d: PlanDir, _: pytest.MonkeyPatch) -> None:
        d.set_yaml("csv_number_format: plain", "# no notation declared")
        for row, value in cells:
            d.set_cell(A1, row, "tmdt", value)

    return edit


def _cells(notation: str, *cells: tuple[str, str]) -> Edit:
    """Appendix I's tmdt cells set as given, in ``notation``."""

    def edit(d: PlanDir, _: pytest.MonkeyPatch) -> None:
        d.set_yaml("csv_number_format: plain", f"csv_number_format: {notation}")
        for row, value in cells:
            d.set_cell(A1, row, "tmdt", value)

    return edit


def _declared_encoding(data: Callable[[str], bytes] | None = None) -> Edit:
    """Every CSV file declared windows-1258; Appendix II's bytes as ``data`` makes them."""

    def edit(d: PlanDir, _: pytest.MonkeyPatch) -> None:
        d.set_yaml("csv_number_format: plain", "csv: {encoding: windows-1258, number_format: plain}")
        if data is not None:
            d.write_bytes(A2, data(d.text(A2)))

    return edit


def _duplicate_agency(d: PlanDir, _: pytest.MonkeyPatch) -> None:
    old = "  - {id: vp-hdnd, name: Văn phòng HĐND tỉnh}"
    d.set_yaml(old, f"{old}\n  - {{id: VP-hdnd, name: Văn phòng UBND tỉnh}}")


CASES = [
    # --- the directory and the files
    Case("not-a-directory", "load.directory.not-a-directory", lambda d, _: d.file(PLAN)),
    Case("no-directory", "load.directory.not-found", lambda d, _: d.path / "missing"),
    Case("file-missing", "load.file.not-found", lambda d, _: d.file(A2).unlink()),
    Case("not-a-file", "load.file.not-regular", _not_a_file),
    Case("unreadable", "load.file.unreadable", _unreadable),
    Case("too-large", "load.file.too-large", lambda d, _: None, Limits(max_bytes=1000)),
    Case("empty-file", "load.file.empty", _write(A1, "")),
    Case("empty-plan", "load.file.empty", _write(PLAN, "  \n")),
    Case("utf-16-bom", "load.file.encoding", _bytes(A1, lambda t: t.encode("utf-16"))),
    Case("utf-16", "load.file.utf16", _bytes(A2, lambda t: t.encode("utf-16-le"))),
    Case("binary", "load.file.binary", lambda d, _: d.write_bytes(A1, b"id,section\n\x00\x01")),
    Case("latin-1", "load.file.not-utf8", _bytes(A2, lambda t: t.encode("cp1258", "replace"))),
    Case("latin-1-how", "load.file.declare-encoding", _bytes(A2, lambda t: t.encode("cp1258", "replace"))),
    Case("declared-bom", "load.file.declared-bom", _declared_encoding(lambda t: ("\ufeff" + t).encode())),
    Case("declared-utf8", "load.file.declared-but-utf8", _declared_encoding()),
    Case("declared-bad", "load.file.not-declared",
         _declared_encoding(lambda t: t.encode("cp1258", "replace") + b"\x81\n")),
    # --- the CSV files
    Case("long-cell", "load.text.too-long", _cell(A1, "I.1", "name", "x" * 5000)),
    Case("blank-lines", "load.csv.empty-file", _write(A1, ",,,\n,,\n")),
    Case("bad-header", "load.csv.bad-header", _header("id,section,", 'id,"section"x,')),
    Case("bad-header-hint", "load.csv.quotes", _header("id,section,", 'id,"section"x,')),
    Case("duplicated-column", "load.csv.duplicated-column", _header("tmdt,", "tmdt,tmdt,")),
    Case("unknown-column", "load.csv.unknown-column", _header("attt,", "attt,extra,")),
    Case("missing-column", "load.csv.missing-column", _header("investor,", "")),
    Case("separator-unknown", "load.csv.separator-unknown", _header(HEADER, HEADER.replace(",", "|"))),
    Case("separator-ambiguous", "load.csv.separator-ambiguous",
         _header("id,section,tt,name,investor,", "id,section;tt,name;investor\n")),
    Case("separator-declared", "load.csv.separator-declared",
         _yaml("csv_number_format: plain", 'csv: {separator: ";", number_format: plain}')),
    Case("too-many-rows", "load.csv.too-many-rows", lambda d, _: None, Limits(max_rows=5)),
    Case("stray-quote", "load.csv.syntax", _stray_quote),
    Case("quote-left-open", "load.csv.syntax.span", _quote_left_open),
    Case("row-width", "load.csv.row-width", _wide_row),
    Case("empty-cell", "load.csv.empty-cell", _cell(A1, "I.1", "name", "")),
    Case("capped", "load.capped", _every_amount_bad, Limits(max_problems=3)),
    Case("grouped", "load.grouped", _every_amount_bad),
    Case("grouped-place", "load.grouped.place", _every_amount_bad),
    Case("grouped-more", "load.grouped.more", _every_amount_bad),
    # --- numbers in the cells
    Case("number-empty", "load.number.empty", _cell(A1, "I.1", "tmdt", "")),
    Case("number-ambiguous", "load.number.ambiguous", _cell(A1, "I.1", "tmdt", "20.200")),
    Case("number-text", "load.number.not-a-number", _cell(A1, "I.1", "tmdt", "abc")),
    Case("number-count", "load.number.not-a-number", _cell(A2, "U1", "staff", "x")),
    Case("number-notation", "load.number.not-in-notation", _cell(A1, "I.1", "tmdt", "1.2.3", "vi")),
    Case("number-negative", "load.number.negative", _cell(A1, "I.1", "attt", "-5")),
    Case("number-large", "load.number.too-large", _cell(A1, "I.1", "tmdt", "9" * 16)),
    Case("number-decimals", "load.number.too-many-decimals", _cell(A1, "I.1", "tmdt", "0,0000000001", "vi")),
    Case("number-not-whole", "load.number.not-whole", _cell(A1, "I.1", "tmdt", "20,5", "vi")),
    Case("number-decimal-mark", "load.number.decimal-mark", _cell(A1, "I.1", "tmdt", "1.000", "en")),
    Case("numbers-not-whole", "load.number.not-whole.many", _cells("vi", ("I.1", "20,5"), ("I.2", "1,25"))),
    Case("numbers-decimal-mark", "load.number.decimal-mark.many",
         _cells("en", ("I.1", "1.000"), ("I.2", "2.000"))),
    # --- numbers written with marks where plan.yaml declares no notation
    Case("undeclared", "load.number.undeclared", _undeclared(("I.1", "20.000"), ("I.2", "20.200"))),
    Case("undeclared-both", "load.number.undeclared.both", _undeclared(("I.1", "20.000"), ("I.2", "20.200"))),
    Case("undeclared-declare", "load.number.declare", _undeclared(("I.1", "20.000"), ("I.2", "20.200"))),
    Case("undeclared-neither", "load.number.undeclared.neither",
         _undeclared(("I.1", "1.5"), ("I.2", "20.200"))),
    Case("undeclared-mixed", "load.number.undeclared.mixed",
         _undeclared(("I.1", "20.200"), ("I.2", "20,500"))),
    Case("undeclared-any", "load.number.declare-any", _undeclared(("I.1", "20.200"), ("I.2", "20,500"))),
    # --- plan.yaml as YAML
    Case("yaml-syntax", "load.yaml.invalid", _write(PLAN, "a: b: c\n")),
    Case("yaml-character", "load.yaml.character", _yaml(SIGNER, SIGNER + "\x07")),
    Case("yaml-recursion", "load.yaml.too-deep", _recursion),
    Case("yaml-deep", "load.yaml.too-deep-levels", _write(PLAN, "deep: " + "[" * 70 + "]" * 70 + "\n")),
    Case("yaml-many", "load.yaml.too-many-values", _few_nodes),
    Case("yaml-bomb", "load.yaml.aliases-unbounded", _alias_bomb),
    Case("yaml-alias-loop", "load.yaml.recursive-alias", _yaml(SCOPES, "  scopes: &l [*l]")),
    Case("yaml-tag", "load.yaml.tag", _yaml(PROVINCE, "  province: !!set {a: null}")),
    Case("yaml-tag-scalar", "load.yaml.tag-plain", _yaml(PROVINCE, "  province: !province Thanh Hóa")),
    Case("yaml-merge", "load.yaml.merge-key", _yaml(PERIOD, "  period: {<<: {start: 2021}, end: 2025}")),
    Case("yaml-key", "load.yaml.key-not-plain", _yaml(PROVINCE, f"  ? [a, b]\n  : 1\n{PROVINCE}")),
    Case("yaml-duplicate", "load.yaml.duplicate-key", _yaml(PROVINCE, f"{PROVINCE}\n  province: X")),
    Case("yaml-surrogate", "load.yaml.surrogate", _yaml(PROVINCE, '  province: "\\ud800x"')),
    Case("yaml-octal", "load.yaml.plain-integer", _yaml(TOTAL, "      total: 012")),
    Case("yaml-digits", "load.yaml.integer-too-long", _yaml(TOTAL, "      total: " + "9" * 4001)),
    Case("yaml-plus", "load.yaml.plain-number", _yaml(TOTAL, "      total: +1.5")),
    Case("yaml-infinite", "load.number.not-finite", _yaml(TOTAL, "      total: .inf")),
    # --- plan.yaml as a plan
    Case("no-values", "load.plan.no-values", _write(PLAN, "---\n")),
    Case("not-a-mapping", "load.plan.not-a-mapping", _write(PLAN, "- a\n- b\n")),
    Case("csv-separator", "load.plan.csv-separator", _yaml(NOTATION, "csv: {separator: ab}")),
    Case("csv-encoding", "load.plan.csv-encoding", _yaml(NOTATION, "csv: {encoding: klingon}")),
    Case("csv-twice", "load.plan.csv-twice",
         _yaml(NOTATION, f"{NOTATION}\ncsv: {{number_format: vi}}")),
    Case("duplicate-id", "load.registry.duplicate-id", _duplicate_ids),
    Case("duplicate-id-case", "load.registry.same-as", _duplicate_ids),
    Case("duplicate-agency", "load.registry.duplicate-agency", _duplicate_agency),
    Case("name-taken", "load.registry.name-taken", _duplicate_agency),
    Case("unknown-key", "load.ignored", _yaml(PROVINCE, f"{PROVINCE}\n  provinse: x")),
]  # fmt: skip


def load(case: Case, plan_dir: PlanDir, monkeypatch: pytest.MonkeyPatch) -> LoadResult:
    edited = case.edit(plan_dir, monkeypatch)
    target = edited if isinstance(edited, Path) else plan_dir.path
    if case.limits is not None or target != plan_dir.path or case.key.startswith("load.yaml."):
        return load_plan(target, case.limits or Limits())
    return plan_dir.load()


def _about(result: LoadResult, key: str) -> Problem:
    found = [p for p in result.problems if key in keys(p.message)]
    assert found, (key, [str(p) for p in result.problems])
    return found[0]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_every_load_problem_is_a_message_in_both_languages(
    case: Case, plan_dir: PlanDir, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = load(case, plan_dir, monkeypatch)
    assert result.problems
    # no problem of the load, whichever reader found it, is a plain (English) string
    assert [str(p) for p in result.problems if not isinstance(p.message, Message)] == []
    problem = _about(result, case.key)
    assert isinstance(problem.message, Message)
    en, vi = problem.text("en"), problem.text("vi")
    assert en == str(problem.message) and str(problem).startswith(f"{problem.location}: {en}")
    assert vi and vi != en and "{" not in en + vi


def test_the_cases_word_every_message_of_the_loader() -> None:
    """Every key of the loader's part of the catalogue is produced by a case above (or, for the amounts
    in words, by a phrase below) — except one no input can reach."""
    unreachable = {"load.yaml.unsupported-node"}  # PyYAML composes no other kind of node
    produced = (
        {c.key for c in CASES} | {key for _, key in PHRASES} | {"load.words.at-word", "load.words.at-end"}
    )
    mine = {k for k in LOAD if k.startswith("load.") and k != "load.left-out"}
    assert mine - produced == unreachable


# ---------------------------------------------------------------------------------------------
# The Vietnamese of representative problems


def test_a_cell_in_vietnamese(plan_dir: PlanDir) -> None:
    line = plan_dir.set_cell(A1, "I.1", "tmdt", "20.200")
    (problem,) = plan_dir.load().problems
    assert where(problem) == (A1, line, "tmdt") and problem.value == "20.200"
    assert problem.text("vi") == (
        "số không rõ cách đọc: không được dùng dấu phân cách nếu plan.yaml không khai báo "
        "csv_number_format (vi: 20.200 là 20200; en: 20,200 là 20200); hãy ghi số chỉ gồm các chữ số"
    )
    assert problem.text("en") == (
        "ambiguous number: separators are not allowed unless plan.yaml declares csv_number_format "
        "(vi: 20.200 is 20200; en: 20,200 is 20200); write plain digits"
    )


def test_a_number_in_each_languages_notation(plan_dir: PlanDir) -> None:
    plan_dir.set_yaml("csv_number_format: plain", "csv_number_format: vi")
    plan_dir.set_cell(A1, "I.1", "tmdt", "20.200,5")
    (problem,) = plan_dir.load().problems
    assert problem.text("en") == "not a whole number: 20200.5 (amounts are whole million VND)"
    assert problem.text("vi") == "không phải là số nguyên: 20.200,5 (số tiền tính bằng số nguyên triệu đồng)"


def test_a_duplicate_key_in_vietnamese(plan_dir: PlanDir) -> None:
    first = plan_dir.set_yaml(PROVINCE, f"{PROVINCE}\n  province: X")
    (problem,) = plan_dir.load().problems
    assert where(problem) == (PLAN, first + 1, "identity.province")
    assert problem.text("vi") == f"khóa 'province' bị lặp: đã có ở dòng {first}"


def test_problems_past_the_limit_in_vietnamese(plan_dir: PlanDir) -> None:
    _every_amount_bad(plan_dir, pytest.MonkeyPatch())
    result = load_plan(plan_dir.path, Limits(max_problems=3))
    assert result.problems[-1].text("vi") == (
        "còn 39 lỗi khác trong tệp này không được liệt kê: chỉ liệt kê 3 lỗi đầu tiên (xem --max-problems)"
    )
    assert result.problems[-1].text("en") == (
        "39 more problems in this file are not listed: the first 3 are (see --max-problems)"
    )


def test_library_text_stays_an_argument(plan_dir: PlanDir) -> None:
    plan_dir.write(PLAN, "a: b: c\n")
    (problem,) = load_plan(plan_dir.path).problems
    assert problem.fatal and where(problem) == (PLAN, 1, None)
    assert problem.text("en") == "not valid YAML: mapping values are not allowed here"
    assert problem.text("vi") == "YAML không hợp lệ: mapping values are not allowed here"


def test_validate_prints_load_problems_in_vietnamese(plan_dir: PlanDir) -> None:
    """Through the entry point: ``plan272 validate --lang vi`` words each DAT001 in Vietnamese; the
    English report keeps its words."""
    cell = plan_dir.set_cell(A1, "I.2", "name", "")
    tagged = plan_dir.set_yaml(PROVINCE, "  province: !!set {a: null}")
    env = {"COLUMNS": "100", "PATH": "/usr/bin:/bin"}
    messages = {}
    for lang in ("vi", "en"):
        out = run_main(["validate", str(plan_dir.path), "-f", "json", "--lang", lang], ROOT, env)
        assert out.returncode == 1, out.stderr
        findings = json.loads(out.stdout)["findings"]
        messages[lang] = {
            (Path(f["file"]).name, f["line"]): f["message"] for f in findings if f["code"] == "DAT001"
        }
    assert messages["vi"] == {
        (A1, cell): "ô trống: bắt buộc phải có giá trị",
        (PLAN, tagged): "không được dùng thẻ (tag) tag:yaml.org,2002:set",
    }
    assert messages["en"] == {
        (A1, cell): "empty cell: a value is required",
        (PLAN, tagged): "tag tag:yaml.org,2002:set is not allowed",
    }


def test_a_file_that_is_not_utf8_in_vietnamese(plan_dir: PlanDir) -> None:
    plan_dir.write_bytes(A2, plan_dir.text(A2).encode("utf-16"))
    env = {"COLUMNS": "200", "PATH": "/usr/bin:/bin"}
    out = run_main(["validate", str(plan_dir.path), "--lang", "vi"], ROOT, env)
    assert out.returncode == 2
    assert "tệp được mã hóa UTF-16; hãy lưu lại tệp với mã hóa UTF-8" in out.stdout


# ---------------------------------------------------------------------------------------------
# The number readers' errors carry their words


@pytest.mark.parametrize(
    ("raw", "notation", "en", "vi"),
    [
        ("", "plain", "empty cell: a number is required (write 0 for nothing)",
         "ô trống: bắt buộc phải có số (ghi 0 nếu không có)"),
        ("1,000", "vi",
         "a decimal mark in a whole amount: '1,000' reads as 1 in vi notation (amounts are whole million "
         "VND); write it without a decimal part",
         "có dấu thập phân trong một số tiền nguyên: theo cách ghi vi, '1,000' được đọc là 1 (số tiền tính "
         "bằng số nguyên triệu đồng); hãy ghi số không có phần thập phân"),
        ("0,0000001", "vi", "not a whole number: 1E-7 (amounts are whole million VND)",
         "không phải là số nguyên: 0,0000001 (số tiền tính bằng số nguyên triệu đồng)"),
    ],
)  # fmt: skip
def test_a_number_error_is_an_invalid_with_a_message(raw: str, notation: Any, en: str, vi: str) -> None:
    with pytest.raises(NumberError) as caught:
        parse_amount(raw, notation)
    assert isinstance(caught.value, ValueError) and isinstance(caught.value.message, Message)
    assert str(caught.value) == en and caught.value.message.render("vi") == vi


#: a phrase for each thing the reader of amounts in words can find wrong, and the key of its words
PHRASES = [
    ("12 triệu", "load.words.digits"),
    ("đồng", "load.words.none"),
    ("tỷ", "load.words.needs-number"),
    ("hai tỷ ba trăm tỷ", "load.words.second-ty"),
    ("xin chào", "load.words.expected-number"),
    ("một trăm trăm", "load.words.unexpected"),
    ("một nghìn triệu", "load.words.out-of-order"),
    ("không triệu", "load.words.zero-group"),
    ("không trăm một", "load.words.khong-tram-first"),
    ("trăm", "load.words.tram-needs-digit"),
    ("lẻ một", "load.words.le-after-tram"),
    ("một trăm lẻ", "load.words.le-needs-digit"),
    ("một trăm lẻ mốt", "load.words.le-mot"),
    ("một mươi", "load.words.mot-muoi"),
    ("mươi", "load.words.muoi-needs-digit"),
    ("một trăm một", "load.words.ambiguous-digit"),
    ("một nghìn tư", "load.words.after-tens-only"),
    ("một nghìn không trăm", "load.words.khong-tram-alone"),
    ("hai mươi mốt trăm", "load.words.group-after-tens"),
    ("hai mươi không", "load.words.khong-after-tens"),
    ("mười mốt", "load.words.muoi-mot"),
    ("mười năm", "load.words.muoi-lam"),
]


def _checks_of(words: str) -> list[Any]:
    """The stated amounts of the shipped plan, checked, with the grand total written as ``words``."""
    plan = shipped()
    grand = plan.meta.grand_total
    assert grand is not None
    meta = plan.meta.model_copy(update={"grand_total": grand.model_copy(update={"words": words})})
    return amount_checks(plan.model_copy(update={"meta": meta}))


@pytest.mark.parametrize(("phrase", "key"), PHRASES)
def test_amounts_in_words_that_cannot_be_read_in_both_languages(phrase: str, key: str) -> None:
    with pytest.raises(WordsError) as caught:
        words_to_int(phrase)
    assert isinstance(caught.value.message, Message) and key in keys(caught.value.message)
    # the real path: a stated amount in words (SUM004) carries the reader's words, not its English
    check = next(c for c in _checks_of(phrase) if c.path == ("grand_total", "words"))
    assert check.status == "unreadable" and isinstance(check.detail, Message)
    assert key in keys(check.detail)
    en, vi = check.detail.render("en"), check.detail.render("vi")
    assert en == str(caught.value) and vi != en
    if keys(check.detail) & {"load.words.at-word", "load.words.at-end"}:  # the phrase, as read
        assert repr(phrase) in en and repr(phrase) in vi


def test_the_position_of_the_wrong_word_in_vietnamese() -> None:
    with pytest.raises(WordsError) as caught:
        words_to_int("Một trăm lẻ mốt")
    assert str(caught.value) == "write 'lẻ một', not 'lẻ mốt' at word 4 ('mốt') of 'một trăm lẻ mốt'"
    assert caught.value.message.render("vi") == (
        "viết 'lẻ một', không viết 'lẻ mốt' — từ thứ 4 ('mốt') trong 'một trăm lẻ mốt'"
    )
    with pytest.raises(WordsError) as caught:
        words_to_int("một trăm lẻ")
    assert (
        caught.value.message.render("vi") == "sau 'lẻ' phải có một chữ số từ 1 đến 9 — ở cuối 'một trăm lẻ'"
    )


def test_an_unreadable_amount_in_words_is_a_vietnamese_finding(plan_dir: PlanDir) -> None:
    line = plan_dir.set_yaml(
        "  words: Một nghìn năm trăm lẻ một tỷ, bảy trăm mười ba triệu đồng", "  words: Một trăm một tỷ"
    )
    (finding,) = [f for f in run(plan_dir.load()).findings if f.code == "SUM004"]
    assert finding.location.line == line
    assert finding.text("vi").endswith(
        "chữ số không rõ cách đọc sau hàng trăm hoặc sau nghìn, triệu, tỷ: ghi 'lẻ' khi hàng chục bằng 0 "
        "(một trăm lẻ một = 101) hoặc ghi hàng chục (một trăm mười = 110) — từ thứ 3 ('một') trong "
        "'một trăm một tỷ'"
    )


# ---------------------------------------------------------------------------------------------
# Statically: no reader writes a sentence of its own


LOADERS = [
    "load/__init__.py",
    "load/csvfile.py",
    "load/files.py",
    "load/grouping.py",
    "load/notation.py",
    "load/yamlfile.py",
    "numbers.py",
    "vnwords.py",
]
#: the calls that take a message, and where the message may stand among their arguments
TAKERS = {
    "Problem": (1,),
    "problem": (2,),
    "_problem": (1,),
    "fatal": (0, 1),  # files.fatal(name, message); decode's own fatal(message, line)
    "NumberError": (0,),
    "WordsError": (0,),
    "error": (0,),
}


def test_no_reader_passes_a_sentence_as_a_message() -> None:
    offenders = []
    for name in LOADERS:
        path = ROOT / "src" / "plan272" / name
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            for position in TAKERS.get(func or "", ()):
                message = node.args[position] if position < len(node.args) else None
                if isinstance(message, ast.Constant | ast.JoinedStr | ast.BinOp) or (
                    isinstance(message, ast.Call) and getattr(message.func, "id", None) == "str"
                ):
                    offenders.append(f"{name}:{node.lineno}")
    assert offenders == []


def test_every_key_the_readers_name_is_in_the_catalogue() -> None:
    named = set()
    for name in LOADERS:
        for node in ast.walk(ast.parse((ROOT / "src" / "plan272" / name).read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Message" and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant):
                    named.add(first.value)
                elif isinstance(first, ast.IfExp):
                    named |= {e.value for e in (first.body, first.orelse) if isinstance(e, ast.Constant)}
    assert named and named - set(CATALOGUE) == set()
