"""``plan272 summary`` end to end: exit codes, exports (HTML parsed, XLSX read back with its numbers,
SVG well-formed, CSV, TXT), no overwrite without --force, no half file, hostile names printed
literally and neutralised against formula injection."""

from __future__ import annotations

import csv
import io
import os
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from plan272.engine import run
from plan272.load import load_plan
from plan272.views.summary.exports import neutralise
from plandir import A1, DATA, PlanDir

Result = tuple[int, str, str]


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Iterator[object]:
    """Run ``plan272 ARGS`` in this process through the real entry point: (exit code, out, err)."""
    from plan272.cli import main

    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")

    def run(*args: str | Path, env: dict[str, str] | None = None) -> Result:
        for key, value in (env or {}).items():
            monkeypatch.setenv(key, value)
        monkeypatch.setattr(sys, "argv", ["plan272", *map(str, args)])
        with pytest.raises(SystemExit) as exit_info:
            main()
        captured = capsys.readouterr()
        code = exit_info.value.code
        return (code if isinstance(code, int) else 0 if code is None else 1), captured.out, captured.err

    yield run


# ---------------------------------------------------------------------------------------------
# The command


def test_summary_of_the_shipped_plan_exits_0_and_fits_100_columns(cli) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli("summary", DATA, "--width", "100")
    assert code == 0, err
    assert max(len(line) for line in out.splitlines()) <= 100
    for title in ("Appendix I", "Appendix II", "Grand total", "investor", "security", "Targets", "Findings"):
        assert title in out
    assert "1,501,713 million VND = 1,501.713 billion VND" in out
    assert "Một nghìn năm trăm lẻ một tỷ, bảy trăm mười ba triệu đồng" in out
    counts = run(load_plan(DATA)).counts()
    line = f"{sum(counts.values())} findings: {counts['error']} errors, {counts['warning']} warnings"
    assert counts["error"] and line in out  # findings are shown, yet they are not a failure


def test_vietnamese_notation(cli) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = cli("summary", DATA, "--lang", "vi", "--section", "grand-total")
    assert code == 0
    assert "1.501.713 triệu đồng = 1.501,713 tỷ đồng" in out
    code, out, _ = cli("summary", DATA, "--lang", "vi", "--unit", "billion", "-s", "appendix1")
    assert code == 0 and "1.458,818" in out and "(tỷ đồng)" in out


def test_one_section_only(cli) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = cli("summary", DATA, "--section", "security")
    assert code == 0
    assert "Information-security share" in out and "Appendix I" not in out.split("\n")[0]
    assert "Targets" not in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--section", "totals"], "unknown section 'totals'"),
        (["--export", "{tmp}/x.pdf"], "unknown suffix"),
        (["--export", "{tmp}/x.csv"], "a CSV file holds one table"),
        (["--export", "{tmp}/missing/x.html"], "does not exist"),
        (["--width", "79"], "--width 79 is too narrow: these tables need 80 columns"),
    ],
)
def test_user_errors_exit_2_without_traceback(cli, tmp_path: Path, args: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli("summary", DATA, *(a.format(tmp=tmp_path) for a in args))
    assert code == 2
    assert message in err and "Traceback" not in err
    assert out == ""


def test_unreadable_data_exits_2(cli, tmp_path: Path, plan_dir: PlanDir) -> None:  # type: ignore[no-untyped-def]
    code, _, err = cli("summary", tmp_path / "nowhere")
    assert code == 2 and "data directory not found" in err
    plan_dir.file(A1).unlink()
    code, _, err = cli("summary", plan_dir.path)
    assert code == 2 and "cannot summarise" in err and "appendix1.csv" in err and "Traceback" not in err


def test_bad_options_are_usage_errors(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("summary", DATA, "--lang", "fr")[0] == 2
    assert cli("summary", DATA, "--unit", "thousand")[0] == 2
    assert cli("summary", DATA, "--width", "10")[0] == 2


# ---------------------------------------------------------------------------------------------
# Exports


def test_no_overwrite_without_force(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "summary.html"
    target.write_text("keep me", encoding="utf-8")
    code, _, err = cli("summary", DATA, "--export", target)
    assert code == 2 and "exists; pass --force" in err
    assert target.read_text(encoding="utf-8") == "keep me"
    code, _, err = cli("summary", DATA, "--export", target, "--force")
    assert code == 0 and f"wrote {target}" in err
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summary.html"]  # no temporary file left


def test_an_interrupted_export_leaves_no_file(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    def fail(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    monkeypatch.setattr(os, "link", fail)  # the no-overwrite path links the temporary file in place
    code, _, err = cli("summary", DATA, "--export", tmp_path / "s.xlsx")
    assert code == 2 and "No space left on device" in err
    assert list(tmp_path.iterdir()) == []


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "style":
            self._in_style = True

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell))
            self._cell = None
        elif tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data
            return
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)


def parse_html(text: str) -> _Page:
    page = _Page()
    page.feed(text)
    page.close()
    return page


def test_html_export_is_a_print_ready_page(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "s.html"
    assert cli("summary", DATA, "--lang", "vi", "--export", target)[0] == 0
    html = target.read_text(encoding="utf-8")
    page = parse_html(html)
    assert '<html lang="vi">' in html
    assert "size: A4" in page.style and "break-inside: avoid" in page.style
    assert "table-header-group" in page.style  # a long table repeats its header on each page
    assert page.tags.count("section") == 10  # nine sections; the findings: counts and every finding
    allowed = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "section", "p", "code", "table",
               "thead", "tbody", "tr", "th", "td", "div", "footer"}  # fmt: skip
    assert set(page.tags) <= allowed
    for table in page.tables:
        assert len({len(row) for row in table}) == 1  # every row as wide as the header
    text = "".join(page.text)
    assert "1.501.713 triệu đồng = 1.501,713 tỷ đồng" in text
    appendix1 = next(t for t in page.tables if t[0][:2] == ["STT", "Tên dự án"])
    total = next(row for row in appendix1 if row[1] == "Tổng cộng (tính lại)")
    assert total[-1] == "1.458.818"


def test_xlsx_export_has_numbers_that_add_up(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "s.xlsx"
    assert cli("summary", DATA, "--export", target)[0] == 0
    book = load_workbook(target)
    assert book.sheetnames == [
        "Plan", "Appendix I", "Appendix II", "Grand total", "Investors", "Security", "Targets",
        "Stated figures", "Findings", "Every finding",
    ]  # fmt: skip
    listed = table(book["Every finding"], "Code")
    codes = ["SEC001", *["SEC002"] * 4, "SEC003", *["TXT001"] * 3]
    assert [r["Code"] for r in listed] == codes
    sec001 = listed[0]
    assert (sec001["Expected"], sec001["Found"], sec001["Difference"]) == (150_172, 130_000, -20_172)
    assert all(type(sec001[k]) is int for k in ("Expected", "Found", "Difference"))
    assert sec001["Place"] == "plan.yaml:108" and sec001["Field"] == "security_policy.min_share_percent"
    assert sec001["Finding"].startswith("[security_policy.min_share_percent] information security over")
    rows = table(book["Appendix I"], "No.")
    years = ["2021", "2022", "2023", "2024", "2025", "Total"]
    groups = [r for r in rows if r["No."] in ("I", "II", "III", "IV")]
    projects = [r for r in rows if r["No."] and "." in str(r["No."])]
    computed = next(r for r in rows if r["Project"] == "Total (computed)")
    declared = next(r for r in rows if r["Project"] == "Total (declared)")
    assert len(projects) == 42
    for column in years:
        assert all(type(r[column]) is int for r in projects + groups)
        assert computed[column] == sum(r[column] for r in groups) == sum(r[column] for r in projects)
        assert computed[column] == declared[column]
    assert computed["Total"] == 1_458_818
    sheet = book["Appendix I"]
    header = header_row(sheet, "No.")
    assert sheet.cell(header + 1, 4).number_format == "#,##0"
    security = table(book["Security"], "Scope")
    period = security[-1]
    assert period["Scope"] == "2021–2025" and period["Security"] == 130_000 and period["Short"] == 20_172
    assert Decimal(str(period["Share"])) == Decimal("0.086568")  # 130,000 / 1,501,713, six places
    assert book["Security"].cell(header_row(book["Security"], "Scope") + 1, 4).number_format == "0.00%"
    assert len(book["Security"]._charts) == 1  # the bar chart of the shares
    for sheet in book.worksheets:
        assert int(sheet.page_setup.paperSize or 0) == 9  # A4


def test_xlsx_in_billions_keeps_three_decimals(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "s.xlsx"
    options = ("--unit", "billion", "--lang", "vi", "-s", "grand-total")
    assert cli("summary", DATA, "--export", target, *options)[0] == 0
    book = load_workbook(target)
    assert book.sheetnames == ["Tổng kinh phí"]
    rows = table(book["Tổng kinh phí"], "Nội dung")
    assert Decimal(str(rows[0]["Công bố"])) == Decimal("1501.713")
    sheet = book["Tổng kinh phí"]
    assert sheet.cell(header_row(sheet, "Nội dung") + 1, 3).number_format == "#,##0.000"


def header_row(sheet: Worksheet, first: str) -> int:
    return next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == first)


def table(sheet: Worksheet, first: str) -> list[dict[str, object]]:
    """The rows under the header row that starts with ``first``, up to the first empty row."""
    header = header_row(sheet, first)
    names = [sheet.cell(header, c).value for c in range(1, sheet.max_column + 1)]
    out = []
    for r in range(header + 1, sheet.max_row + 1):
        values = [sheet.cell(r, c).value for c in range(1, len(names) + 1)]
        if all(v is None for v in values):
            break
        out.append({str(n): v for n, v in zip(names, values, strict=True) if n is not None})
    return out


def test_svg_export_is_well_formed(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "s.svg"
    assert cli("summary", DATA, "--export", target, "--section", "security")[0] == 0
    root = ET.parse(target).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    text = "".join(root.itertext()).replace("\xa0", " ")
    assert "130,000" in text and "8.66%" in text
    assert "#ff5f57" not in target.read_text(encoding="utf-8")  # no terminal window chrome


def test_txt_export_is_plain(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "s.txt"
    assert cli("summary", DATA, "--export", target, "--width", "120")[0] == 0
    text = target.read_text(encoding="utf-8")
    assert "\x1b" not in text
    assert max(len(line) for line in text.splitlines()) <= 120
    appendix1 = text.split("Appendix I —")[1].split("Appendix II —")[0]
    assert "…" not in appendix1  # on paper, names wrap in full instead of being cut short
    name = "Nâng cấp, duy trì hoạt động các hệ thống thông tin tại Trung tâm tích hợp dữ liệu, Văn phòng UBND"
    assert set(name.split()) <= set(appendix1.split())


def test_csv_export_of_one_section(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "investors.csv"
    assert cli("summary", DATA, "--export", target, "--section", "investors", "--lang", "vi")[0] == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the Vietnamese right
    # as Vietnamese spreadsheets read it: ";" between cells, a decimal comma, no thousands separator
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["#", "Chủ đầu tư", "Số DA", "Kinh phí", "Tỷ lệ", "id"]
    assert rows[1] == ["1", "Sở Thông tin và Truyền thông", "14", "986500", "67,62", "so-tttt"]
    assert sum(int(r[3]) for r in rows[1:-1]) == int(rows[-1][3]) == 1_458_818
    assert Decimal(rows[1][4].replace(",", ".")) == Decimal("67.62")  # reads back as a number


def test_csv_export_in_english_notation(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "investors.csv"
    assert cli("summary", DATA, "--export", target, "--section", "investors", "--unit", "billion")[0] == 0
    rows = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig"))))
    assert rows[1][:4] == ["1", "Sở Thông tin và Truyền thông", "14", "986.500"]


# ---------------------------------------------------------------------------------------------
# Hostile text from the data

MARKUP = "[bold red]x[/]"
FORMULA = "=cmd|' /C calc'!A0"
ANSI = "evil \x1b[31mred\x1b[0m"
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def hostile(plan_dir: PlanDir) -> Path:
    plan_dir.set_cell(A1, "I.1", "name", MARKUP)
    plan_dir.set_cell(A1, "I.2", "name", FORMULA)
    plan_dir.set_cell(A1, "I.3", "name", ANSI)
    plan_dir.set_cell(A1, "I.4", "name", SCRIPT)
    plan_dir.set_cell(A1, "I.4", "investor", "[/]")
    plan_dir.set_cell(A1, "I.5", "investor", "@SUM(1+1)")
    plan_dir.set_cell(A1, "I.6", "investor", "-2+3")
    plan_dir.set_cell(A1, "II.1", "investor", "+cmd")
    return plan_dir.path


def test_neutralise() -> None:
    for text in ("=1+1", "+1", "-1", "@A1", "\tx", "\rx"):
        assert neutralise(text).startswith("'"), text
    assert neutralise("Sở Y tế") == "Sở Y tế"
    assert neutralise("a=b") == "a=b"
    assert neutralise("\x1b[31m") == "\\x1b[31m"


def test_terminal_prints_hostile_names_literally(cli, hostile: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli("summary", hostile, "--width", "160", "-s", "appendix1")
    assert code == 0, err
    assert MARKUP in out and FORMULA in out and SCRIPT in out
    assert "evil \\x1b[31mred\\x1b[0m" in out and "\x1b" not in out
    code, out, _ = cli("summary", hostile, "-s", "investors")
    assert code == 0 and "[/]" in out and "@SUM(1+1)" in out


def test_colour_terminal_keeps_data_escapes_visible(hostile: Path) -> None:
    from rich.console import Console

    from plan272.engine import run
    from plan272.load import load_plan
    from plan272.summary import build_summary
    from plan272.views.summary.grids import render

    loaded = load_plan(hostile)
    assert loaded.plan is not None
    buffer = io.StringIO()
    console = Console(file=buffer, width=160, force_terminal=True, color_system="truecolor", markup=False)
    render(console, build_summary(loaded.plan, run(loaded)), sections=("appendix1",))
    out = buffer.getvalue()
    assert "evil \x1b" not in out and "\\x1b[31m" in out and MARKUP in out


def test_html_escapes_hostile_names(cli, hostile: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "h.html"
    assert cli("summary", hostile, "--export", target)[0] == 0
    html = target.read_text(encoding="utf-8")
    assert "<script>" not in html and "\x1b" not in html
    text = "".join(parse_html(html).text)
    assert MARKUP in text and SCRIPT in text and FORMULA in text and "\\x1b[31m" in text


def test_svg_and_txt_with_hostile_names(cli, hostile: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("summary", hostile, "--export", tmp_path / "h.svg")[0] == 0
    root = ET.parse(tmp_path / "h.svg").getroot()
    text = "".join(root.itertext()).replace("\xa0", " ")
    assert "<script>" in text  # as text, escaped in the file
    assert "<script>" not in (tmp_path / "h.svg").read_text(encoding="utf-8")
    assert cli("summary", hostile, "--export", tmp_path / "h.txt")[0] == 0
    assert "\x1b" not in (tmp_path / "h.txt").read_text(encoding="utf-8")


def test_xlsx_neutralises_formulas(cli, hostile: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "h.xlsx"
    assert cli("summary", hostile, "--export", target)[0] == 0
    book = load_workbook(target)
    values = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(("=", "+", "-", "@", "\t", "\r")), cell.value
                    assert "\x1b" not in cell.value
                    values.append(cell.value)
    for expected in ("'" + FORMULA, MARKUP, "'@SUM(1+1)", "'-2+3", "'+cmd", "evil \\x1b[31mred\\x1b[0m"):
        assert expected in values, expected
    rows = table(book["Appendix I"], "No.")
    assert next(r for r in rows if r["No."] == "I.2")["Project"] == "'" + FORMULA
    assert next(r for r in rows if r["No."] == "I.2")["Total"] == 20_000  # numbers stay numbers


def test_csv_neutralises_formulas(cli, hostile: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "h.csv"
    assert cli("summary", hostile, "--export", target, "-s", "appendix1")[0] == 0
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    by_id = {r[0]: r for r in rows}
    assert by_id["I.2"][1] == "'" + FORMULA
    assert by_id["I.1"][1] == MARKUP
    assert by_id["I.3"][1] == "evil \\x1b[31mred\\x1b[0m"
    assert by_id["I.6"][2] == "'-2+3"
    assert by_id["I.2"][-1] == "20000"  # a number, not neutralised
    for row in rows:
        for cell in row:
            if not cell.lstrip("-").replace(".", "").isdigit():
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_xlsx_stated_figures_sheet_has_numbers(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "s.xlsx"
    assert cli("summary", DATA, "--export", target)[0] == 0
    sheet = load_workbook(target)["Stated figures"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(i for i, r in enumerate(rows) if r and r[0] == "Statement")
    body = [r for r in rows[header + 1 :] if r and r[0]]
    documents = next(r for r in body if str(r[-1]) == "documents-2016-2020")
    assert (documents[2], documents[3], documents[4]) == (60, 70, "DIFFERS")
    grand = next(r for r in body if r[0] == "Grand total, in words")
    assert isinstance(grand[2], int | float) and grand[2] == grand[3] == 1501713


def test_svg_fetches_nothing_and_has_a_print_width(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import re

    target = tmp_path / "s.svg"
    assert cli("summary", DATA, "--export", target)[0] == 0
    text = target.read_text(encoding="utf-8")
    assert "@font-face" not in text
    assert not re.search(r"url\((?!#)", text)  # only references inside the file
    assert '<svg class="rich-terminal" width="180mm"' in text


# ---------------------------------------------------------------------------------------------
# Tracing a printed page: the imprint


def test_every_page_names_the_plan_the_time_the_version_and_the_data(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from plan272.revision import describe

    html, book = tmp_path / "r.html", tmp_path / "r.xlsx"
    env = {"SOURCE_DATE_EPOCH": "1764669600"}  # 2025-12-02 10:00 UTC: a report made again is the same
    for target in (html, book):
        assert cli("summary", DATA, "--lang", "vi", "--export", target, env=env)[0] == 0
    revision = describe(DATA, [DATA / "plan.yaml", DATA / "appendix1.csv", DATA / "appendix2.csv"])
    stamp = "lập lúc 10:00 ngày 02/12/2025 (UTC+00:00)"
    imprint = f"Kế hoạch số 272/KH-UBND · {stamp} · plan272 0.1.0 · dữ liệu: {revision.text('vi')}"
    page = html.read_text(encoding="utf-8")
    assert "@bottom-left" in page and "counter(pages)" in page
    assert f"<footer>{imprint}</footer>" in page
    sheet = load_workbook(book)["Tổng kinh phí"]
    assert sheet.oddFooter.left.text == imprint and sheet.oddFooter.right.text == "Trang &P/&N"
    again = tmp_path / "again.html"
    assert cli("summary", DATA, "--lang", "vi", "--export", again, env=env)[0] == 0
    assert again.read_bytes() == html.read_bytes()


def test_the_imprint_cannot_escape_its_css_string() -> None:
    from plan272.views.summary.exports import css_string

    hostile = 'x"; } body { display: none } </style><script>alert(1)</script>\\\n'
    quoted = css_string(hostile)
    assert quoted.startswith('"') and quoted.endswith('"') and quoted.count('"') == 2
    assert "<" not in quoted and ">" not in quoted and "\n" not in quoted and "{" not in quoted


def test_the_data_revision_in_git_and_outside(tmp_path: Path) -> None:
    import shutil
    import subprocess

    from plan272.revision import describe

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    files = sorted(data.iterdir())
    outside = describe(data, files)
    assert outside.commit is None and outside.text("en") == f"SHA-256 {outside.digest[:16]}"
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t", "PATH": "/usr/bin:/bin"}  # fmt: skip
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "plan"]):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, env=env, capture_output=True)
    clean = describe(data, files)
    assert clean.commit is not None and not clean.modified and clean.digest == outside.digest
    assert clean.text("vi") == f"git {clean.commit[:12]}"
    (data / "appendix1.csv").write_text((data / "appendix1.csv").read_text(encoding="utf-8") + "\n")
    changed = describe(data, files)
    assert changed.modified and changed.digest != clean.digest
    assert changed.text("vi").endswith("(đã sửa sau commit)")
