"""The words of ``plan272 import`` and ``plan272 export-tables``: the titles the export prints, what
the import found in a workbook (problems, notes, proposals for plan.yaml), what ``--check`` found
different, and the notices of both commands: key -> (en, vi).

Vietnamese as officials write it: "bảng tính" (workbook), "trang tính" (sheet), "ô" (cell),
"dòng" (row), "cột" (column), "dòng tổng cộng", "công thức" (formula)."""

from __future__ import annotations

WORKBOOK: dict[str, tuple[str, str]] = {
    # --- the titles the export prints (and the import recognises) ---------------------------------
    "workbook.title.tt": ("No.", "TT"),
    "workbook.title.name.projects": ("Project", "Danh mục dự án"),
    "workbook.title.name.lines": ("Item", "Nội dung"),
    "workbook.title.unit": ("Unit", "Tên đơn vị"),
    "workbook.title.investor": ("Investor", "Chủ đầu tư"),
    "workbook.title.tmdt": ("Estimated total investment (TMĐT)", "Dự kiến TMĐT"),
    "workbook.title.total": ("Total funding {start}–{end}", "Tổng kinh phí {start} - {end}"),
    "workbook.title.staff": ("Staff (civil servants)", "Số CBCC hiện có"),
    "workbook.title.attt": ("Of which: information security (attt)", "Trong đó: kinh phí ATTT (attt)"),
    "workbook.title.description": ("Scope and content", "Dự kiến quy mô, nội dung thực hiện"),
    "workbook.title.note": ("Note", "Ghi chú"),
    "workbook.title.id": ("Row id (id)", "Mã dòng (id)"),
    "workbook.title.section": ("Group (section)", "Nhóm (section)"),
    "workbook.title.source_line": (
        "Line in the published text (source_line)",
        "Dòng trong văn bản (source_line)",
    ),
    "workbook.title.years.projects": (
        "Planned allocation {start}–{end}",
        "Dự kiến nhu cầu bố trí vốn giai đoạn {start}-{end}",
    ),
    "workbook.title.years.other": ("Allocation by year", "Phân bổ kinh phí hàng năm"),
    "workbook.title.year": ("{year}", "Năm {year}"),
    "workbook.total-row": ("TOTAL", "TỔNG CỘNG"),
    "workbook.unit-line": ("Unit: million VND", "Đơn vị tính: triệu đồng"),
    "workbook.attached": ("(Attached to Plan No. {number}{date})", "(Kèm theo Kế hoạch số {number}{date})"),
    "workbook.attached.date": (" of {date}", " {date}"),
    "workbook.declared-comment": (
        "plan.yaml declares {amount} (the table's printed total)",
        "plan.yaml ghi {amount} (số tổng in trong văn bản)",
    ),
    "workbook.machine-comment": (
        "plan272 keeps the plan's row ids and source lines here, so that `plan272 import` gives "
        "them back: keep this column; leave the id of a new row empty",
        "plan272 giữ mã dòng và dòng trong văn bản ở cột này để `plan272 import` trả lại đúng: "
        "đừng xóa cột; để trống mã của dòng mới thêm",
    ),
    # --- reading the file ---------------------------------------------------------------------
    "workbook.file.not-found": ("workbook not found: {path}", "không tìm thấy bảng tính: {path}"),
    "workbook.file.not-a-file": ("{path} is not a file", "{path} không phải là tệp"),
    "workbook.file.unreadable": ("cannot read {path}: {reason}", "không đọc được {path}: {reason}"),
    "workbook.file.too-large": (
        "{path} is too large ({size} bytes; the limit is {limit}: see --max-file-size)",
        "{path} quá lớn ({size} byte; giới hạn là {limit}: xem --max-file-size)",
    ),
    "workbook.file.unpacks": (
        "{path} unpacks to {size} bytes, more than {limit} (8 times --max-file-size): not read",
        "{path} giải nén ra {size} byte, vượt {limit} (8 lần --max-file-size): không đọc",
    ),
    "workbook.file.not-xlsx": (
        "{path} is not an .xlsx workbook (an old .xls, a CSV, or a password-protected file? save it "
        "from Excel as .xlsx)",
        "{path} không phải là bảng tính .xlsx (tệp .xls cũ, tệp CSV, hay tệp có mật khẩu? hãy lưu lại "
        "từ Excel dưới dạng .xlsx)",
    ),
    "workbook.file.broken": (
        "cannot read {path} as a workbook: {reason}",
        "không đọc được bảng tính {path}: {reason}",
    ),
    # --- choosing the sheets ------------------------------------------------------------------
    "workbook.sheet.ambiguous": (
        "sheets {sheets} all look like {appendix}: choose one with --sheet",
        "các trang tính {sheets} đều giống {appendix}: chọn một trang bằng --sheet",
    ),
    "workbook.note.no-sheet": (
        "no sheet is {appendix}: {file} is left as it is",
        "không có trang tính nào là {appendix}: giữ nguyên {file}",
    ),
    "workbook.note.sheet-skipped": (
        "this sheet is none of the plan's appendices: not read",
        "trang tính này không phải phụ lục nào của kế hoạch: không đọc",
    ),
    # --- problems: cells that could not be placed -------------------------------------------------
    "workbook.problem.rows": (
        "more rows than --max-rows allows: reading stopped here",
        "số dòng vượt giới hạn --max-rows: dừng đọc tại đây",
    ),
    "workbook.problem.no-header": (
        "no header row in the first {rows} rows: expected a row with the titles {titles}",
        "không thấy dòng tiêu đề trong {rows} dòng đầu: cần một dòng có các tiêu đề {titles}",
    ),
    "workbook.problem.unit": (
        "the amounts are in {unit}; the plan's are in million VND (triệu đồng): convert them first",
        "số liệu tính bằng {unit}; kế hoạch tính bằng triệu đồng: hãy đổi đơn vị trước",
    ),
    "workbook.problem.scaled": (
        "the cell shows its number divided by 1,000 (number format {format}): the amount it holds is "
        "not the one it shows",
        "ô hiển thị số đã chia cho 1.000 (định dạng số {format}): số lưu trong ô khác số hiển thị",
    ),
    "workbook.problem.year-outside": (
        "year {year} is outside the plan's period {start}–{end}: the column is not read",
        "năm {year} nằm ngoài giai đoạn {start}–{end} của kế hoạch: không đọc cột này",
    ),
    "workbook.problem.column-twice": (
        "a second column with this title (the first is {first}): not read",
        "cột thứ hai có cùng tiêu đề (cột đầu tiên ở {first}): không đọc",
    ),
    "workbook.problem.column-missing": (
        "the header has no column {title} ({column})",
        "dòng tiêu đề thiếu cột {title} ({column})",
    ),
    "workbook.problem.column-unknown": (
        "this title names no column of the plan; its {count} cells (the first {first}) are not read",
        "tiêu đề này không ứng với cột nào của kế hoạch; {count} ô của cột (ô đầu tiên {first}) không "
        "được đọc",
    ),
    "workbook.problem.no-title": (
        "a value in a column without a title: not read",
        "ô có giá trị nằm trong cột không có tiêu đề: không đọc",
    ),
    "workbook.problem.stray": (
        "a row of text only — no id, no number, no amount, not a group or a total row: not read",
        "dòng chỉ có chữ — không có mã, số thứ tự, số tiền, không phải dòng nhóm hay dòng tổng: không đọc",
    ),
    "workbook.problem.no-group": (
        "{count} row{s} of the table before any group row (the first here): which group are they in?",
        "{count} dòng của bảng nằm trước mọi dòng nhóm (dòng đầu tiên ở đây): các dòng này thuộc nhóm nào?",
    ),
    "workbook.problem.total-twice": (
        "a second total row (the first is {first}): not read",
        "dòng tổng cộng thứ hai (dòng đầu tiên ở {first}): không đọc",
    ),
    "workbook.problem.merged": (
        "one amount merged over {rows} rows: which row does it belong to?",
        "một số tiền gộp ô qua {rows} dòng: số này thuộc dòng nào?",
    ),
    "workbook.problem.formula": (
        "a formula saved without the value it calculates: open the workbook in Excel and save it, or "
        "type the amount",
        "ô chứa công thức nhưng chưa có giá trị tính ra: hãy mở bảng tính bằng Excel rồi lưu lại, hoặc "
        "nhập số",
    ),
    "workbook.problem.text-number": (
        "a number written as text, read as csv_number_format {notation} reads it: {problem}",
        "số được ghi dạng chữ, đọc theo csv_number_format {notation}: {problem}",
    ),
    "workbook.problem.not-whole": (
        "not a whole amount of million VND",
        "không phải số nguyên triệu đồng",
    ),
    "workbook.problem.error": (
        "an error value where a value is due",
        "ô báo lỗi thay vì giá trị",
    ),
    "workbook.problem.date": (
        "a date where an amount is due (did Excel turn a number into a date?)",
        "ô chứa ngày tháng thay vì số tiền (Excel đã tự đổi số thành ngày?)",
    ),
    "workbook.problem.date-text": (
        "a date where text is due (did Excel turn '1.2' into a date? format the column as Text)",
        "ô chứa ngày tháng thay vì chữ (Excel đã tự đổi '1.2' thành ngày? hãy định dạng cột là Text)",
    ),
    "workbook.problem.bool": ("TRUE or FALSE where a value is due", "TRUE hoặc FALSE thay vì giá trị"),
    "workbook.problem.empty": (
        "empty: a row of the table needs its {column}",
        "ô trống: mỗi dòng của bảng cần có {column}",
    ),
    "workbook.problem.id-twice": (
        "a row id used twice (first at {first})",
        "mã dòng bị dùng hai lần (lần đầu ở {first})",
    ),
    "workbook.problem.no-id": (
        "the row has no id and none can be made from its group and number ({made}): write one in "
        "the id column",
        "dòng không có mã và không tạo được mã từ nhóm và số thứ tự ({made}): hãy ghi mã vào cột id",
    ),
    # --- notes ------------------------------------------------------------------------------------
    "workbook.note.mark": (
        "rows {first}–{last}, the notes under the table, explain its marks: not read (plan.yaml keeps "
        "the explanations, under marks)",
        "các dòng {first}–{last} là ghi chú dưới bảng giải thích các dấu: không đọc (phần giải thích nằm "
        "trong plan.yaml, mục marks)",
    ),
    "workbook.note.uncalculated": (
        "totals computed by formulas Excel has not calculated ({count} cells): nothing to propose from them",
        "số tổng tính bằng công thức Excel chưa tính ({count} ô): không có số để đề xuất",
    ),
    "workbook.note.given.name": (
        "{appendix}: {count} row{s} without an id took the id of the row of the same name in {file}",
        "{appendix}: {count} dòng chưa có mã được lấy mã của dòng cùng tên trong {file}",
    ),
    "workbook.note.given.number": (
        "{appendix}: rows without an id given one from their group and number: {given}",
        "{appendix}: các dòng chưa có mã được gán mã theo nhóm và số thứ tự: {given}",
    ),
    "workbook.note.kept": (
        "{appendix}: columns the workbook does not print, kept from {file} row by row: {columns}",
        "{appendix}: các cột bảng tính không có, giữ nguyên theo {file} từng dòng: {columns}",
    ),
    # --- the report -----------------------------------------------------------------------------
    "workbook.report.note": ("note", "ghi chú"),
    "workbook.report.more": (
        "… and {count} more problems (at most {limit} are listed: see --max-problems)",
        "… và {count} vấn đề khác (chỉ liệt kê tối đa {limit}: xem --max-problems)",
    ),
    "workbook.report.found": (" (found {value})", " (thấy {value})"),
    "workbook.report.read": (
        "{appendix} from {place}: {count} rows",
        "{appendix} lấy từ {place}: {count} dòng",
    ),
    "workbook.report.problems": (
        "{count} problem{s} in {path}: nothing written",
        "{count} vấn đề trong {path}: không ghi tệp nào",
    ),
    "workbook.report.problems.check": (
        "{count} problem{s} in {path}",
        "{count} vấn đề trong {path}",
    ),
    "workbook.report.proposal": (
        "{appendix}, {row} ({place}), proposed for plan.yaml:",
        "{appendix}, {row} ({place}), đề xuất cho plan.yaml:",
    ),
    "workbook.report.proposal.same": (
        "{appendix}, {row} ({place}): the totals plan.yaml declares",
        "{appendix}, {row} ({place}): khớp với số tổng plan.yaml ghi",
    ),
    "workbook.report.proposal.differs": ("plan.yaml declares now:", "plan.yaml hiện ghi:"),
    "workbook.report.proposal.none": ("(plan.yaml declares none)", "(plan.yaml chưa ghi)"),
    "workbook.report.proposal.new-group": (
        "(a group plan.yaml does not declare: add it under groups)",
        "(nhóm chưa có trong plan.yaml: hãy thêm vào groups)",
    ),
    "workbook.report.proposal.title": (
        "(plan.yaml titles the group {title})",
        "(plan.yaml ghi tên nhóm là {title})",
    ),
    "workbook.report.group": ("group {group}", "nhóm {group}"),
    "workbook.report.total": ("total row", "dòng tổng cộng"),
    # --- --check: the workbook against the CSV files ------------------------------------------------
    "workbook.check.heading": ("{appendix}: {sheet} against {file}", "{appendix}: {sheet} so với {file}"),
    "workbook.check.same": (
        "{appendix}: {sheet} holds what {file} holds",
        "{appendix}: {sheet} khớp với {file}",
    ),
    "workbook.check.added": (
        "+ {id} {name} ({place}): not in {file}",
        "+ {id} {name} ({place}): không có trong {file}",
    ),
    "workbook.check.removed": (
        "- {id} {name}: not in the workbook",
        "- {id} {name}: không có trong bảng tính",
    ),
    "workbook.check.changed": (
        "~ {id} {column}: {old} → {new} ({place})",
        "~ {id} {column}: {old} → {new} ({place})",
    ),
    "workbook.check.order": (
        "rows in another order: the first out of place is {id} ({place})",
        "thứ tự dòng khác: dòng đầu tiên lệch chỗ là {id} ({place})",
    ),
    "workbook.check.new-file": ("{file} does not exist yet", "{file} chưa có"),
    "workbook.check.empty": ("(empty)", "(trống)"),
    "workbook.check.declared": (
        "~ {scope} {what}: plan.yaml {old}, the workbook {new} ({place})",
        "~ {scope} {what}: plan.yaml ghi {old}, bảng tính ghi {new} ({place})",
    ),
    "workbook.check.scope.group": ("{appendix}, group {group}", "{appendix}, nhóm {group}"),
    "workbook.check.declared.total": ("total", "tổng"),
    "workbook.check.declared.title": ("title", "tên nhóm"),
    "workbook.check.declared.none": ("none", "chưa có"),
    "workbook.check.group-new": (
        "+ group {group} {title} ({place}): not in plan.yaml",
        "+ nhóm {group} {title} ({place}): chưa có trong plan.yaml",
    ),
    "workbook.check.summary.same": (
        "The workbook holds what the plan's files hold.",
        "Bảng tính khớp với các tệp của kế hoạch.",
    ),
    "workbook.check.summary.differs": (
        "{count} difference{s} between the workbook and the plan's files.",
        "{count} khác biệt giữa bảng tính và các tệp của kế hoạch.",
    ),
    "workbook.csv.unwritable": (
        "{character} cannot be written in {encoding}, the encoding plan.yaml declares for the file",
        "không ghi được {character} bằng bảng mã {encoding} mà plan.yaml khai báo cho tệp",
    ),
    # --- export -----------------------------------------------------------------------------------
    "workbook.export.text-amount": (
        "{value} is not an amount ({problem}): written as text, as the CSV file has it",
        "{value} không phải số tiền ({problem}): ghi dạng chữ như trong tệp CSV",
    ),
    "workbook.export.escaped": (
        "characters a workbook cannot hold, written as escapes: {value}",
        "các ký tự bảng tính không chứa được, ghi dạng mã thoát: {value}",
    ),
    "workbook.export.unknown-column": (
        "column {column} of {file} is no column of the plan: not exported",
        "cột {column} của {file} không phải cột của kế hoạch: không xuất",
    ),
    "workbook.export.unreadable": (
        "cannot export {path}: {problem}",
        "không xuất được {path}: {problem}",
    ),
    "workbook.error.sheet-option": (
        "--sheet {value}: write APPENDIX=SHEET (an appendix id, e.g. appendix1, and a sheet's name)",
        "--sheet {value}: hãy viết PHỤ_LỤC=TRANG (mã phụ lục, ví dụ appendix1, và tên trang tính)",
    ),
    "workbook.error.sheet-appendix": (
        "--sheet: {appendix} is no appendix of the plan (it has {known})",
        "--sheet: {appendix} không phải phụ lục của kế hoạch (kế hoạch có {known})",
    ),
    "workbook.error.sheet-missing": (
        "--sheet: the workbook has no sheet {sheet} (it has {known})",
        "--sheet: bảng tính không có trang {sheet} (bảng tính có {known})",
    ),
    "workbook.error.no-sheet": (
        "no sheet of {path} is an appendix of the plan ({appendices}): name the sheets after them or "
        "use --sheet",
        "không trang tính nào của {path} là phụ lục của kế hoạch ({appendices}): hãy đặt tên trang "
        "theo phụ lục hoặc dùng --sheet",
    ),
    "workbook.error.suffix": (
        "{path}: the workbook is written as .xlsx: name it so",
        "{path}: bảng tính được ghi dạng .xlsx: hãy đặt tên tệp có đuôi .xlsx",
    ),
    "workbook.error.output-dir": (
        "--output-dir {path} is not a directory",
        "--output-dir {path} không phải là thư mục",
    ),
    "workbook.error.plan": (
        "cannot read the plan in {path}: {problem}",
        "không đọc được kế hoạch trong {path}: {problem}",
    ),
    "workbook.notice.wrote": ("plan272: wrote {files}", "plan272: đã ghi {files}"),
    "workbook.notice.unchanged": (
        "plan272: unchanged, the workbook holds what it holds: {files}",
        "plan272: không thay đổi, bảng tính khớp với tệp: {files}",
    ),
    "workbook.notice.exported": (
        "plan272: wrote {path} ({sheets}); the total rows are formulas: Excel shows them once it "
        "recalculates",
        "plan272: đã ghi {path} ({sheets}); các dòng tổng cộng là công thức: Excel hiển thị số sau khi "
        "tính lại",
    ),
}
