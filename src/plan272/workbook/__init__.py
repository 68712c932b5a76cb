"""The plan's appendices as Excel workbooks, both ways.

- :mod:`plan272.workbook.cells` reads a workbook (openpyxl, read-only) into grids of typed cells:
  numbers, text, dates, error values, formulas Excel never calculated, merged ranges.
- :mod:`plan272.workbook.titles` knows the printed words of a table: column titles in Vietnamese
  and English, total rows, group numbers, the unit of the amounts, how sheets name appendices.
- :mod:`plan272.workbook.importer` finds each appendix's sheet, its header, group rows and total
  rows, and turns the rows into the plan's CSV records — every cell it cannot place a located
  problem (``'Phụ lục I'!B12``, :mod:`plan272.workbook.places`), never a guess.
- :mod:`plan272.workbook.check` compares what a workbook holds with the CSV files of a plan.
- :mod:`plan272.workbook.export` writes the appendices back in the document's own layout (title,
  header, group rows, the rows, a total row of formulas Excel recalculates).
- :mod:`plan272.workbook.csvfiles` reads a plan's CSV files as text and writes them exactly as the
  shipped ones are written, so that export → import is the identity.
- :mod:`plan272.workbook.report` words all of it for people, in English or Vietnamese.

Nothing here imports openpyxl at module level: ``plan272 --help`` does not load it.
"""
