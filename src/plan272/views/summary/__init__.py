"""``plan272 summary``: the grids of every section (:mod:`.grids`, also drawn on the terminal) and
the exports (:mod:`.exports`); :data:`EXPORTS` is the registry of export formats, by file suffix."""

from __future__ import annotations

from plan272.views import Format, Formats

EXPORTS = Formats(
    (
        Format("html", "a print-ready web page (A4)", "plan272.views.summary.exports"),
        Format("xlsx", "a workbook, a sheet per table, numbers as numbers", "plan272.views.summary.exports"),
        Format("csv", "one table (--section)", "plan272.views.summary.exports"),
        Format("svg", "the terminal's tables as an image", "plan272.views.summary.exports"),
        Format("txt", "the terminal's tables as text", "plan272.views.summary.exports"),
    )
)
#: the file suffixes that name an export format
SUFFIXES: dict[str, str] = {**{f".{f.name}": f.name for f in EXPORTS}, ".htm": "html"}
