"""Numbers, dates and labels in English or Vietnamese, as officials of each language write them.

English groups thousands with ``,`` and marks decimals with ``.`` (``1,234,567``; ``1,234.567``);
Vietnamese does the reverse (``1.234.567`` triệu đồng; ``1.234,567`` tỷ đồng). Amounts are whole
million VND (``int``); in billions they are ``value / 1000`` as a ``Decimal`` with exactly three
decimals, so no digit is ever lost or rounded. Nothing here is a float.

Pure functions, no rich: the tables and the exports call them.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

Lang = Literal["en", "vi"]
AmountUnit = Literal["million", "billion"]
LANGS: tuple[Lang, ...] = ("en", "vi")
UNITS: tuple[AmountUnit, ...] = ("million", "billion")

_SEPARATORS: dict[Lang, tuple[str, str]] = {"en": (",", "."), "vi": (".", ",")}  # (thousands, decimal)


def group_digits(digits: str, lang: Lang) -> str:
    """``"1234567"`` -> ``"1,234,567"`` (en) or ``"1.234.567"`` (vi); ``digits`` are plain digits."""
    thousands = _SEPARATORS[lang][0]
    head = len(digits) % 3 or 3
    parts = [digits[:head], *(digits[i : i + 3] for i in range(head, len(digits), 3))]
    return thousands.join(parts)


def format_number(value: int | Decimal, lang: Lang, places: int | None = None) -> str:
    """A number with grouped thousands and the language's decimal mark; negative with a leading
    ``-``. ``places`` fixes the decimals (rounding half up); ``None`` keeps those the value has."""
    if isinstance(value, bool):  # bool is an int: never a figure
        raise TypeError("a number is required, not a bool")
    if places is not None:
        value = Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"not a finite number: {value}")
        if value == value.to_integral_value() and places is None:
            value = value.quantize(Decimal(1))
        sign, digits, exponent = value.as_tuple()
        text = "".join(map(str, digits))
        scale = -int(exponent)
        if scale > 0:
            text = text.rjust(scale + 1, "0")
            whole, fraction = text[:-scale], text[-scale:]
        else:
            whole, fraction = text + "0" * -scale, ""
        negative = bool(sign) and any(d != 0 for d in digits)
    else:
        whole, fraction, negative = str(abs(value)), "", value < 0
    out = group_digits(whole.lstrip("0") or "0", lang)
    if fraction:
        out += _SEPARATORS[lang][1] + fraction
    return f"-{out}" if negative else out


def _decimals(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def to_unit(value: int | Decimal, unit: AmountUnit) -> int | Decimal:
    """An amount in million VND expressed in ``unit``: billions are exact, with three decimals or
    as many more as a fractional amount (a per-staff norm of 1.5 million) needs."""
    if unit == "million":
        return value
    billions = Decimal(value) / 1000
    return billions.quantize(Decimal(1).scaleb(-max(3, _decimals(billions))))


def format_amount(
    value: int | Decimal, lang: Lang, unit: AmountUnit = "million", *, signed: bool = False
) -> str:
    """An amount given in million VND, written in ``unit``: ``1.234.567`` / ``1.234,567`` (vi),
    ``1,234,567`` / ``1,234.567`` (en). ``signed`` writes ``+`` before a positive delta. Amounts are
    whole million VND; a rate (a per-staff norm) may have decimals, which are all written."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise TypeError(f"an amount is a number of million VND, not {type(value).__name__}")
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValueError(f"not a finite amount: {value}")
    scaled = to_unit(value, unit)
    places = None
    if unit == "billion":
        places = max(3, _decimals(Decimal(scaled)))
    elif isinstance(scaled, Decimal):
        places = _decimals(scaled)
    text = format_number(scaled, lang, places)
    return f"+{text}" if signed and value > 0 else text


def format_percent(value: Decimal | None, lang: Lang, places: int = 2) -> str:
    """``Decimal("8.6566")`` -> ``"8.66%"`` (en) or ``"8,66%"`` (vi); ``None`` (no base) -> ``"–"``."""
    if value is None:
        return "–"
    return f"{format_number(value, lang, places)}%"


def format_date(value: dt.date, lang: Lang) -> str:
    """``21 December 2020`` (en) or ``ngày 21 tháng 12 năm 2020`` (vi), as the plan's header reads.

    Vietnamese administrative style (Nghị định 30/2020/NĐ-CP) writes a day below 10 and the months
    1 and 2 with a leading zero: ``ngày 05 tháng 02 năm 2021``, ``ngày 15 tháng 3 năm 2021``.
    """
    if lang == "vi":
        month = f"{value.month:02d}" if value.month < 3 else str(value.month)
        return f"ngày {value.day:02d} tháng {month} năm {value.year}"
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def unit_label(unit: AmountUnit, lang: Lang) -> str:
    return label(f"unit.{unit}", lang)


# ---------------------------------------------------------------------------------------------
# Labels: key -> (English, Vietnamese)

_LABELS: dict[str, tuple[str, str]] = {
    "doc.title": ("Plan {number} — summary", "Kế hoạch {number} — tóm tắt"),
    # units
    "unit.million": ("million VND", "triệu đồng"),
    "unit.billion": ("billion VND", "tỷ đồng"),
    # section titles and sheet names (a sheet name has at most 31 characters)
    "section.identity": ("Plan", "Thông tin kế hoạch"),
    "section.grand-total": ("Grand total", "Tổng kinh phí thực hiện"),
    "section.investors": ("Funding by investor, {names}", "Kinh phí theo chủ đầu tư, {names}"),
    "section.security": ("Information-security share", "Tỷ lệ kinh phí an toàn thông tin"),
    "section.targets": ("Targets", "Mục tiêu cụ thể"),
    "section.stated": ("Stated figures", "Số liệu nêu trong văn bản"),
    "section.findings": ("Findings of the checks", "Kết quả kiểm tra"),
    "sheet.identity": ("Plan", "Kế hoạch"),
    "sheet.grand-total": ("Grand total", "Tổng kinh phí"),
    "sheet.investors": ("Investors", "Chủ đầu tư"),
    "sheet.security": ("Security", "An toàn thông tin"),
    "sheet.targets": ("Targets", "Mục tiêu"),
    "sheet.stated": ("Stated figures", "Số liệu văn bản"),
    "sheet.findings": ("Findings", "Kết quả kiểm tra"),
    # identity
    "identity.field": ("Field", "Mục"),
    "identity.value": ("Value", "Nội dung"),
    "identity.number": ("Number", "Số"),
    "identity.date": ("Date", "Ban hành"),
    "identity.province": ("Province", "Tỉnh"),
    "identity.issuer": ("Issued by", "Cơ quan ban hành"),
    "identity.signer": ("Signed by", "Người ký"),
    "identity.period": ("Period", "Giai đoạn"),
    "identity.unit": ("Amounts in", "Đơn vị tính"),
    "identity.title": ("Title", "Tên kế hoạch"),
    "identity.source": ("Source", "Nguồn"),
    # common columns
    "col.id": ("No.", "STT"),
    "col.project": ("Project", "Tên dự án"),
    "col.projects": ("Projects", "Số DA"),
    "col.total": ("Total", "Tổng"),
    "col.in_period": ("In period", "Trong giai đoạn"),
    "col.total_whole": ("Whole total", "Tổng mức"),
    "col.tt": ("No.", "TT"),
    "col.unit": ("Unit", "Đơn vị"),
    "col.staff": ("Staff", "CBCC"),
    "col.norm": ("Norm/yr", "Định mức"),
    "col.note": ("Note", "Ghi chú"),
    "col.item": ("Item", "Nội dung"),
    "col.appendix": ("App.", "PL"),
    "col.declared": ("Declared", "Công bố"),
    "col.computed": ("Computed", "Tính lại"),
    "col.delta": ("Difference", "Chênh lệch"),
    "col.as_printed": ("As printed", "Số in trong văn bản"),
    "col.words": ("In words (as printed)", "Bằng chữ (như văn bản)"),
    "col.rank": ("#", "#"),
    "col.investor": ("Investor", "Chủ đầu tư"),
    "col.amount": ("Amount", "Kinh phí"),
    "col.share": ("Share", "Tỷ lệ"),
    "col.scope": ("Scope", "Phạm vi"),
    "col.security": ("Security", "Kinh phí ATTT"),
    "col.base": ("All funding", "Tổng kinh phí"),
    "col.minimum": ("Minimum", "Tối thiểu"),
    "col.required": ("Needed", "Cần có"),
    "col.shortfall": ("Short", "Còn thiếu"),
    "col.status": ("Met", "Đạt"),
    "col.indicator": ("Indicator", "Chỉ tiêu"),
    "col.kpi_unit": ("Unit", "Đơn vị"),
    "col.direction": ("Better", "Hướng"),
    "col.code": ("Code", "Mã"),
    "col.rule": ("Rule", "Quy tắc kiểm tra"),
    "col.error": ("Errors", "Lỗi"),
    "col.warning": ("Warnings", "Cảnh báo"),
    "col.info": ("Info", "Thông tin"),
    # row labels
    "row.total_computed": ("Total (computed)", "Tổng cộng (tính lại)"),
    "row.total_declared": ("Total (declared)", "Tổng cộng (công bố)"),
    "row.declared": ("declared", "công bố"),
    "row.computed_minus_declared": ("computed − declared", "tính lại − công bố"),
    "row.undeclared_group": ("(group not declared)", "(nhóm chưa khai báo)"),
    "row.not_itemised": ("(not itemised)", "(không có bảng chi tiết)"),
    "row.grand_total": ("Grand total", "Tổng kinh phí"),
    "row.total": ("Total", "Tổng"),
    "row.no_investor": ("(no investor given)", "(không ghi chủ đầu tư)"),
    # marks
    "mark.ok": ("yes", "đạt"),
    "mark.not_ok": ("NO", "KHÔNG ĐẠT"),
    "direction.higher": ("↑ higher", "↑ tăng"),
    "direction.lower": ("↓ lower", "↓ giảm"),
    # kpi units as plan.yaml writes them
    "kpi_unit.percent": ("%", "%"),
    "kpi_unit.enterprises": ("enterprises", "doanh nghiệp"),
    "kpi_unit.classes per year": ("classes/year", "lớp/năm"),
    # sentences (str.format fields in braces)
    "note.norm": (
        "Norm: {norm} {unit} per staff member per year; unmarked units get exactly staff × norm, "
        "units with a mark explained below at least that.",
        "Định mức: {norm} {unit}/CBCC/năm; đơn vị không đánh dấu được đúng số CBCC × định mức, "
        "đơn vị có dấu được giải thích dưới đây được tối thiểu mức đó.",
    ),
    "note.row_total_whole": (
        "A row's total covers the whole project, also outside the period; 'In period' is what the "
        "plan allocates in its own years, and every total and share over the period uses it.",
        "Tổng mức của dòng tính cho cả dự án, kể cả ngoài giai đoạn; 'Trong giai đoạn' là số kế "
        "hoạch bố trí trong các năm của giai đoạn, và mọi tổng, tỷ lệ của giai đoạn đều dùng số này.",
    ),
    "note.row_sum_whole": (
        "≠ marks a row whose allocations in the period exceed its total.",
        "≠ đánh dấu dòng có số bố trí trong giai đoạn lớn hơn tổng mức.",
    ),
    "note.mark": ("{mark} {unit}: {summary}", "{mark} {unit}: {summary}"),
    "note.rows_capped": (
        "The first {shown} of {rows} rows; the totals are of all of them. Every row: plan272 summary "
        "--export FILE.xlsx (or .csv, .html).",
        "{shown} dòng đầu trong số {rows} dòng; các tổng tính trên tất cả. Đủ mọi dòng: plan272 summary "
        "--export TỆP.xlsx (hoặc .csv, .html).",
    ),
    "note.differs": (
        "≠ marks a declared figure that differs from the sum of the rows.",
        "≠ đánh dấu số công bố khác với tổng các dòng.",
    ),
    "note.row_sum": (
        "≠ marks a row total that differs from the sum of its yearly amounts.",
        "≠ đánh dấu tổng của dòng khác với tổng các năm.",
    ),
    "note.off_norm": (
        "≠ marks an amount that does not follow the staff norm.",
        "≠ đánh dấu kinh phí không theo định mức CBCC.",
    ),
    "note.grand_figures": (
        "{million} {million_unit} = {billion} {billion_unit}",
        "{million} {million_unit} = {billion} {billion_unit}",
    ),
    "note.grand_words": ("In words (as printed): {words}", "Bằng chữ (như văn bản): {words}"),
    "note.parts_printed": (
        "The parts as the document prints them (figure — words):",
        "Các khoản như văn bản ghi (bằng số — bằng chữ):",
    ),
    "note.grand_stated": ("As printed: {stated}", "Số in trong văn bản: {stated}"),
    "note.share_of": (
        "Share of the total over the period of {names}, {total} {unit}.",
        "Tỷ lệ trên tổng kinh phí trong giai đoạn của {names}, {total} {unit}.",
    ),
    "note.grand_appendices": (
        "plan.yaml declares no parts of the grand total: it is every appendix over the period.",
        "plan.yaml không khai báo các khoản của tổng kinh phí: tổng kinh phí là tổng các phụ lục trong "
        "giai đoạn.",
    ),
    "note.grand_not_itemised": (
        "A part that no table itemises counts as the plan states it.",
        "Khoản không có bảng chi tiết được tính theo số văn bản nêu.",
    ),
    "note.grand_unknown": (
        "A part names an appendix the plan does not have (see plan272 validate).",
        "Có khoản tham chiếu một phụ lục không có trong kế hoạch (xem plan272 validate).",
    ),
    "note.spellings": ("{name} is also written: {others}", "{name} còn được viết: {others}"),
    "note.security_policy": (
        "Minimum {minimum}% of the funding (denominator: {denominator}). Counted: {counted}.",
        "Tối thiểu {minimum}% tổng kinh phí (mẫu số: {denominator}). Tính vào ATTT: {counted}.",
    ),
    "note.security_partial": (
        "Security parts (attt) of {ids} have no yearly split: in a year they count only as far as "
        "the project's other years cannot hold them.",
        "Phần ATTT (cột attt) của {ids} không chia theo năm: trong một năm chỉ được tính phần mà các "
        "năm khác của dự án không thể chứa hết.",
    ),
    "note.security_scopes": (
        "The plan's rule covers: {scopes}; the other rows show the share only (–).",
        "Quy định của kế hoạch áp dụng cho: {scopes}; các dòng khác chỉ nêu tỷ lệ (–).",
    ),
    "note.security_uncertain": (
        "The security parts (attt) of {ids} are given for whole projects that reach beyond the "
        "period: the share over the period lies between {low} and {high}, so it has no verdict (?).",
        "Phần ATTT (cột attt) của {ids} tính cho cả dự án vượt ra ngoài giai đoạn: tỷ lệ của giai "
        "đoạn nằm trong khoảng {low} đến {high}, nên chưa kết luận được (?).",
    ),
    "note.security_bounded_short": (
        "The security parts (attt) of {ids} are given for whole projects that reach beyond the "
        "period: the share over the period lies between {low} and {high}, below the minimum either way.",
        "Phần ATTT (cột attt) của {ids} tính cho cả dự án vượt ra ngoài giai đoạn: tỷ lệ của giai "
        "đoạn nằm trong khoảng {low} đến {high}, thấp hơn mức tối thiểu trong mọi trường hợp.",
    ),
    "note.security_bounded_ok": (
        "The security parts (attt) of {ids} are given for whole projects that reach beyond the "
        "period: the share over the period lies between {low} and {high}, above the minimum either way.",
        "Phần ATTT (cột attt) của {ids} tính cho cả dự án vượt ra ngoài giai đoạn: tỷ lệ của giai "
        "đoạn nằm trong khoảng {low} đến {high}, đạt mức tối thiểu trong mọi trường hợp.",
    ),
    "note.chart_axis": (
        "share of funding, ┊ = minimum {minimum}%",
        "tỷ lệ trên tổng kinh phí, ┊ = tối thiểu {minimum}%",
    ),
    "note.chart_axis_html": (
        "Share of funding, 0 to {scale}%; the dashed line is the minimum {minimum}%.",
        "Tỷ lệ trên tổng kinh phí, từ 0 đến {scale}%; vạch đứt là mức tối thiểu {minimum}%.",
    ),
    "note.targets_disagree": (
        "Several values in one cell: the document states different targets for that year.",
        "Nhiều giá trị trong một ô: văn bản nêu các mục tiêu khác nhau cho cùng năm.",
    ),
    "note.findings_total": (
        "{total} {findings}: {error} {errors}, {warning} {warnings}, {info} info "
        "({rules} {rules_word} checked).",
        "{total} {findings}: {error} {errors}, {warning} {warnings}, {info} thông tin "
        "(đã kiểm tra {rules} {rules_word}).",
    ),
    # nouns: "singular|plural" in English; Vietnamese nouns do not inflect
    "noun.finding": ("finding|findings", "phát hiện"),
    "noun.project": ("project|projects", "dự án"),
    "noun.unit": ("unit|units", "đơn vị"),
    "noun.line": ("line|lines", "nội dung"),
    "noun.error": ("error|errors", "lỗi"),
    "noun.warning": ("warning|warnings", "cảnh báo"),
    "noun.rule": ("rule|rules", "quy tắc"),
    "note.findings_suppressed": ("{n} suppressed by a baseline.", "{n} phát hiện được bỏ qua theo baseline."),
    "note.findings_detail": (
        "Every finding, with its place and figures, follows.",
        "Chi tiết từng phát hiện, với vị trí và số liệu, ở bảng tiếp theo.",
    ),
    "section.finding_list": ("Every finding", "Chi tiết các phát hiện"),
    "sheet.finding_list": ("Every finding", "Chi tiết phát hiện"),
    "col.severity": ("Severity", "Mức độ"),
    "col.place": ("Place", "Vị trí"),
    "col.field": ("Field", "Trường"),
    "col.concerns": ("Concerns", "Liên quan"),
    "col.message": ("Finding", "Nội dung phát hiện"),
    "col.expected": ("Expected", "Phải là"),
    "col.found": ("Found", "Ghi"),
    "note.finding_list_figures": (
        "Amounts in million VND. The workbook and the web page also give, for each finding, the figures the "
        "rule compares: expected, found and their difference (found − expected).",
        "Số tiền tính bằng triệu đồng. Bảng tính và trang web còn ghi, với mỗi phát hiện, các số quy tắc so "
        "sánh: phải là, ghi và chênh lệch (ghi − phải là).",
    ),
    "note.no_findings": ("No findings.", "Không có phát hiện nào."),
    "note.findings_fatal": (
        "Some input could not be read: the figures above are incomplete.",
        "Một số dữ liệu không đọc được: các số liệu trên chưa đầy đủ.",
    ),
    "none": ("none", "không có"),
    "note.incomplete": (
        "WARNING: {names} could not be read completely (see plan272 validate): unreadable cells count "
        "as 0 and rows left out are missing, so the computed figures here are incomplete.",
        "CẢNH BÁO: {names} không đọc được đầy đủ (xem plan272 validate): ô không đọc được tính là 0, "
        "dòng bị bỏ qua không có mặt, nên các số tính lại dưới đây chưa đầy đủ.",
    ),
    "note.left_out": (
        "WARNING: {items} of plan.yaml could not be read and are not shown (see plan272 validate).",
        "CẢNH BÁO: {items} của plan.yaml không đọc được nên không được hiển thị (xem plan272 validate).",
    ),
    # stated figures
    "col.statement": ("Statement", "Nội dung"),
    "col.printed": ("As printed", "Văn bản ghi"),
    "col.stated": ("Stated", "Theo văn bản"),
    "col.recomputed": ("Recomputed", "Tính lại"),
    "col.check": ("Check", "Kiểm tra"),
    "col.how": ("How", "Cách tính"),
    "col.where": ("Where", "Vị trí"),
    "stated.kind.words": ("{label}, in words", "{label}, bằng chữ"),
    "stated.kind.figure": ("{label}, in figures", "{label}, bằng số"),
    "stated.kind.total": ("{label}", "{label}"),
    "stated.kind.ratio": ("{label} (%)", "{label} (%)"),
    "stated.status.ok": ("agrees", "khớp"),
    "stated.status.differs": ("DIFFERS", "KHÔNG KHỚP"),
    "stated.status.truncated": ("truncated", "làm tròn xuống"),
    "stated.status.unreadable": ("unreadable", "không đọc được"),
    "note.stated_lead": (
        "{n} figures stated in the text: {ok} agree, {differs} differ or cannot be read, "
        "{truncated} truncated rather than rounded.",
        "{n} số liệu nêu trong văn bản: {ok} khớp, {differs} không khớp hoặc không đọc được, "
        "{truncated} làm tròn xuống.",
    ),
    "note.stated_units": (
        "Amounts in million VND; claims of the narrative in their own units (counts, %). Details: "
        "plan272 validate --select SUM004,TXT001.",
        "Số tiền tính bằng triệu đồng; các số liệu nêu trong văn bản theo đơn vị của chúng (số lượng, "
        "%). Chi tiết: plan272 validate --select SUM004,TXT001.",
    ),
}

#: Short titles of the rules for the findings table; a code missing here falls back to its name.
RULE_TITLES: dict[str, tuple[str, str]] = {
    "DAT001": ("value could not be read", "giá trị không đọc được"),
    "DAT002": ("duplicate or unknown reference", "mã trùng hoặc tham chiếu sai"),
    "INT001": ("internal error", "lỗi nội bộ"),
    "KPI001": ("target weakens", "mục tiêu bị hạ thấp"),
    "KPI002": ("target impossible", "mục tiêu không hợp lệ"),
    "KPI003": ("targets disagree", "mục tiêu không thống nhất"),
    "KPI004": ("target outside the period", "mục tiêu ngoài giai đoạn"),
    "NRM001": ("staff norm", "định mức theo CBCC"),
    "SEC001": ("security share, period", "tỷ lệ ATTT cả giai đoạn"),
    "SEC002": ("security share, year", "tỷ lệ ATTT từng năm"),
    "SEC003": ("security share, project", "tỷ lệ ATTT từng dự án"),
    "SUM001": ("row sums", "cộng dòng"),
    "SUM002": ("declared totals", "tổng công bố"),
    "SUM003": ("grand total", "tổng kinh phí"),
    "SUM004": ("amount in words", "số tiền bằng chữ"),
    "SUM005": ("funding sources add up", "cộng các nguồn vốn"),
    "TXT001": ("arithmetic in the text", "phép tính trong văn bản"),
}


def label(key: str, lang: Lang, **fields: object) -> str:
    """The label ``key`` in ``lang``, with ``{field}`` placeholders filled from ``fields``.

    Raises ``KeyError`` for an unknown key: a typo must fail the tests, not print a raw key.
    """
    text = _LABELS[key][0 if lang == "en" else 1]
    return text.format(**fields) if fields else text


def label_keys() -> tuple[str, ...]:
    return tuple(_LABELS)


def noun(key: str, count: int, lang: Lang) -> str:
    """The noun ``key`` for ``count`` things: ``1 error``, ``2 errors``; ``lỗi`` whatever the count."""
    singular, _, plural = label(f"noun.{key}", lang).partition("|")
    return singular if count == 1 or not plural else plural


def rule_title(code: str, fallback: str, lang: Lang) -> str:
    titles = RULE_TITLES.get(code)
    return titles[0 if lang == "en" else 1] if titles else fallback


def kpi_unit(unit: str, lang: Lang) -> str:
    """A KPI unit from plan.yaml in ``lang``; a unit the dictionary does not know prints as written."""
    key = f"kpi_unit.{unit}"
    return label(key, lang) if key in _LABELS else unit
