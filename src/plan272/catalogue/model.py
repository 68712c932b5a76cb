"""The words of plan.yaml's refusals: what the model's validators say about a value they do not
accept (ids, periods, groups, splits, targets…): key -> (en, vi)."""

from __future__ import annotations

MODEL: dict[str, tuple[str, str]] = {
    # --- numbers: amounts, rates, plain numbers ----------------------------------------------------
    "model.number.bool": ("a number is required, not true/false", "cần một số, không phải true/false"),
    "model.number.quoted": (
        "a number is written unquoted in plain digits (75, 12.5), not {value}",
        "số được ghi bằng chữ số, không đặt trong dấu nháy (75, 12.5), không phải {value}",
    ),
    "model.amount.bool": (
        "an amount must be a whole number of million VND, not true/false",
        "số tiền phải là một số nguyên triệu đồng, không phải true/false",
    ),
    "model.amount.negative": (
        "negative amount: amounts cannot be below zero",
        "số tiền âm: số tiền không được nhỏ hơn 0",
    ),
    "model.amount.decimal-point": (
        "ambiguous number: a value with a decimal point is not a whole amount (20.200 could be 20.2 or, in "
        "Vietnamese notation, 20200); write plain digits",
        "số không rõ cách đọc: giá trị có dấu chấm thập phân không phải là số tiền nguyên (20.200 có thể là "
        "20,2 hoặc, theo cách ghi số của Việt Nam, là 20200); hãy ghi số chỉ gồm các chữ số",
    ),
    "model.amount.separators": (
        "ambiguous number: write amounts in plan.yaml as plain digits (20200, not 20.200 or 20,200)",
        "số không rõ cách đọc: trong plan.yaml, số tiền được ghi chỉ gồm các chữ số (20200, không ghi "
        "20.200 hay 20,200)",
    ),
    "model.amount.float": (
        "floats are not accepted for amounts; use an integer",
        "số tiền không nhận số thực dấu phẩy động (float); hãy dùng số nguyên",
    ),
    "model.rate.float": (
        "floats are not accepted; use an integer or a Decimal",
        "không nhận số thực dấu phẩy động (float); hãy dùng số nguyên hoặc Decimal",
    ),
    "model.rate.text": (
        "{problem}; write the number unquoted, with a decimal point (1.5)",
        "{problem}; hãy ghi số không đặt trong dấu nháy, với dấu chấm thập phân (1.5)",
    ),
    "model.figure.unreadable": ("figure {printed}: {problem}", "số liệu {printed}: {problem}"),
    # --- years, periods, dates -----------------------------------------------------------------------
    "model.year.number": (
        "a year is written as a plain number (2021), not {value}",
        "năm được ghi bằng một số (2021), không phải {value}",
    ),
    "model.year.key": (
        "{key} is not a year: write years as numbers (2021)",
        "{key} không phải là năm: năm được ghi bằng số (2021)",
    ),
    "model.year.twice": (
        "year {year} is given twice ({first} and {second}): keep one",
        "năm {year} được ghi hai lần ({first} và {second}): chỉ giữ một",
    ),
    "model.period.order": (
        "period ends ({end}) before it starts ({start})",
        "giai đoạn kết thúc ({end}) trước khi bắt đầu ({start})",
    ),
    "model.date.format": (
        "a date is written YYYY-MM-DD (2020-12-21), not {value}",
        "ngày được ghi theo dạng YYYY-MM-DD (2020-12-21), không phải {value}",
    ),
    # --- ids, names, file names ------------------------------------------------------------------------
    "model.pattern": ("{value} is not {what}", "{value} không phải là {what}"),
    "model.pattern.appendix-id": (
        "an appendix id: lower-case letters, digits, - and _, starting with a letter (appendix1, dao-tao)",
        "mã phụ lục hợp lệ: chữ thường, chữ số, - và _, bắt đầu bằng một chữ cái (appendix1, dao-tao)",
    ),
    "model.pattern.column-id": (
        "a column id: lower-case letters, digits and _, starting with a letter (nstw, ngan_sach_tinh)",
        "mã cột hợp lệ: chữ thường, chữ số và _, bắt đầu bằng một chữ cái (nstw, ngan_sach_tinh)",
    ),
    "model.pattern.file-name": (
        "a file name beside plan.yaml ending in .csv (letters, digits, '.', '-', '_'; no directory)",
        "tên một tệp nằm cạnh plan.yaml, có đuôi .csv (chữ cái, chữ số, '.', '-', '_'; không kèm thư mục)",
    ),
    "model.id": ("{value}: {problem}", "{value}: {problem}"),
    "model.id.rule": (
        "an id is ASCII letters, digits, '.', '-' and '_', at most 40, starting with a letter or digit "
        "({why})",
        "mã chỉ gồm chữ cái ASCII, chữ số, '.', '-' và '_', tối đa 40 ký tự, bắt đầu bằng chữ cái hoặc chữ "
        "số ({why})",
    ),
    "model.id.character": ("{character} is {name}", "{character} là ký tự {name}"),
    "model.id.empty": ("it is empty", "mã để trống"),
    "model.id.long": ("{count} characters", "{count} ký tự"),
    "model.id.start": ("it starts with {character}", "mã bắt đầu bằng {character}"),
    # --- appendices: ids, columns, splits, groups, norm, marks -----------------------------------------
    "model.appendix.reserved": (
        "{value} is the name of a summary section; choose another appendix id",
        "{value} là tên một mục của bản tóm tắt; hãy chọn mã phụ lục khác",
    ),
    "model.appendix.taken": (
        "{value} is the {attribute} of appendices.{other} already",
        "{value} đã được dùng làm {attribute} của appendices.{other}",
    ),
    "model.column.taken": (
        "{column} names a column or a word the table uses already",
        "{column} trùng với tên một cột hoặc một từ mà bảng đã dùng",
    ),
    "model.column.twice": ("a second column {column}", "cột {column} được khai báo lần thứ hai"),
    "model.split.unknown": (
        "{name} is no column of the table; use {known}",
        "{name} không phải là cột của bảng; hãy dùng {known}",
    ),
    "model.group.twice": (
        "a second group {group} (ids that differ only in case or in invisible characters are one id)",
        "nhóm {group} được khai báo lần thứ hai (các mã chỉ khác nhau về chữ hoa, chữ thường hoặc ký tự ẩn "
        "là cùng một mã)",
    ),
    "model.norm.missing": (
        "a table of units needs `norm` (per_staff_per_year)",
        "bảng loại units (đơn vị) cần có khóa `norm` (per_staff_per_year)",
    ),
    "model.norm.units-only": (
        "`norm` belongs to a table of units only",
        "khóa `norm` chỉ dùng cho bảng loại units (đơn vị)",
    ),
    "model.marks.units-only": (
        "`marks` belong to a table of units only",
        "khóa `marks` chỉ dùng cho bảng loại units (đơn vị)",
    ),
    # --- the grand total, targets, claims --------------------------------------------------------------
    "model.grand-part.twice": ("a second part {part}", "phần {part} được khai báo lần thứ hai"),
    "model.target.range": ("a range is written [low, high]", "khoảng được ghi dạng [thấp, cao]"),
    "model.target.text": (
        "a target is a number, a range [low, high] or a bound {{min: x}}, not text",
        "chỉ tiêu là một số, một khoảng [thấp, cao] hoặc một ngưỡng {{min: x}}, không phải văn bản",
    ),
    "model.target.keys": (
        "unknown keys [{keys}]: use min and/or max",
        "khóa không xác định [{keys}]: chỉ dùng min và/hoặc max",
    ),
    "model.target.empty": (
        "a target needs a value, a range or a bound",
        "chỉ tiêu cần một giá trị, một khoảng hoặc một ngưỡng",
    ),
    "model.claim.total": (
        "a total claim needs `total` and at least one of `parts`",
        "số liệu dạng tổng (kind: total) cần có `total` và ít nhất một mục trong `parts`",
    ),
    "model.claim.ratio": (
        "a ratio claim needs `numerator`, `denominator` and `percent`",
        "số liệu dạng tỷ lệ (kind: ratio) cần có `numerator`, `denominator` và `percent`",
    ),
}
