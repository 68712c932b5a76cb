"""The auditor's report as it prints: the HTML export of the shipped plan, printed to PDF by a real
browser (headless Chromium), read back with poppler (``pdfinfo``, ``pdftotext``, ``pdftoppm``).

It asserts what can be asserted of a printed report: a bounded number of A4 pages, every project and
unit on them, every finding with its place, the imprint (plan, time, plan272 version, data revision)
and the page number on every page, no group heading alone at the foot of a page, no command broken
across lines. ``.ci/run`` installs Chromium and poppler when they are missing, so in CI (``CI`` set)
this test never skips: a missing tool fails it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from entry import run_main
from plan272.load import load_plan
from plans import DATA, ROOT

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
POPPLER = [shutil.which(t) for t in ("pdfinfo", "pdftotext", "pdftoppm")]
MISSING = [
    n
    for n, p in (("chromium", CHROMIUM), *zip(("pdfinfo", "pdftotext", "pdftoppm"), POPPLER, strict=True))
    if not p
]


@pytest.fixture(scope="module")
def tools() -> None:
    if MISSING:
        message = f"{', '.join(MISSING)} not installed (apt-get install chromium poppler-utils)"
        if os.environ.get("CI"):
            pytest.fail(message + ": in CI the browser test must run")
        pytest.skip(message)


def printed(tmp_path: Path, lang: str) -> tuple[int, list[str], list[str]]:
    """Export the shipped plan's summary as HTML in ``lang``, print it with Chromium: the page count,
    each page's text (reading order) and each page's text laid out (columns kept)."""
    html, pdf = tmp_path / f"r-{lang}.html", tmp_path / f"r-{lang}.pdf"
    out = run_main(
        ["summary", str(DATA), "--lang", lang, "--export", str(html)],
        ROOT,
        {"COLUMNS": "100", "SOURCE_DATE_EPOCH": "1764669600"},
    )
    assert out.returncode == 0, out.stderr
    assert CHROMIUM is not None
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--user-data-dir={tmp_path / 'profile'}", f"--print-to-pdf={pdf}", html.as_uri()],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]
    plain = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    layout = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    images = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdf), str(images)], check=True, timeout=120)
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == pages and all(p.stat().st_size > 2000 for p in pngs)  # every page drawn
    return pages, plain.split("\f")[:pages], layout.split("\f")[:pages]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_printed_report_holds_the_plan_and_every_finding(tools: None, tmp_path: Path, lang: str) -> None:
    pages, plain, layout = printed(tmp_path, lang)
    assert 5 <= pages <= 12, pages
    text = "\n".join(plain)
    loaded = load_plan(DATA)
    assert loaded.plan is not None
    projects = [r for a in loaded.plan.appendices if a.kind == "projects" for r in loaded.plan.rows(a.id)]
    assert len(projects) == 42
    for row in projects:
        assert re.search(rf"(?m)^{re.escape(row.id)}$", text), row.id  # every project, on a line of its own
    # the nine findings, each with its place
    assert text.count("plan.yaml:108") == 5 and text.count("plan.yaml:109") == 1
    for place in ("plan.yaml:244", "plan.yaml:328", "plan.yaml:353"):
        assert place in text
    # the imprint and the page number on every page
    number = "Trang {n}/{total}" if lang == "vi" else "Page {n} of {total}"
    for index, page in enumerate(layout, start=1):
        assert ("Kế hoạch số 272/KH-UBND" if lang == "vi" else "Plan 272/KH-UBND") in page
        assert ("plan272 0.1.0" in page and "git " in page) or "SHA-256 " in page
        assert number.format(n=index, total=pages) in page
    # no command broken across lines
    assert "plan272 validate --select SUM004,TXT001" in text


def test_no_group_heading_is_the_last_line_of_a_page(tools: None, tmp_path: Path) -> None:
    _, _, layout = printed(tmp_path, "vi")
    heading = re.compile(r"^\s*(?:I|II|III|IV|V|VI)\s+\S.*\(\d+ (?:dự án|đơn vị)\)")
    for index, page in enumerate(layout, start=1):
        lines = [line for line in page.splitlines() if line.strip()]
        body = [line for line in lines if "Kế hoạch số 272/KH-UBND" not in line]  # the footer
        assert body, index
        assert not heading.match(body[-1]), (index, body[-1])


def print_html(html: str, tmp_path: Path) -> list[str]:
    """Print ``html`` with Chromium; each page's text, laid out."""
    page, pdf = tmp_path / "page.html", tmp_path / "page.pdf"
    page.write_text(html, encoding="utf-8")
    assert CHROMIUM is not None
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--user-data-dir={tmp_path / 'profile'}", f"--print-to-pdf={pdf}", page.as_uri()],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True)
    return [p for p in text.stdout.split("\f") if p.strip()]


def test_a_group_heading_stays_with_its_first_row(tools: None, tmp_path: Path) -> None:
    """Sixty small groups over several pages: without the rule that keeps a heading with its first
    row, some page ends with a heading (this layout does, pages 1 and 2); with it, none does."""
    from plan272.views.summary.exports import to_html
    from plan272.views.summary.grids import Column, Grid, GridRow

    rows = []
    for g in range(1, 61):
        rows.append(GridRow((f"G{g}", f"NHÓM {g} (2 dự án)", 1000), "group"))
        for k in range(1, 3 if g % 3 else 4):
            rows.append(GridRow((f"G{g}.{k}", "Dự án có tên khá dài để xuống dòng " * (1 + g * k % 3), 500)))
    columns = (Column("STT"), Column("Tên dự án", wrap=True), Column("Tổng", "amount"))
    pages = print_html(
        to_html([Grid("appendix1", "Phụ lục", columns, tuple(rows))], "vi", "million"), tmp_path
    )
    assert len(pages) >= 5
    for index, page in enumerate(pages, start=1):
        last = [line for line in page.splitlines() if line.strip()][-1]
        assert "NHÓM" not in last, (index, last)
