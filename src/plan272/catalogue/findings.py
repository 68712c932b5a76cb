"""The words of every finding and of the reports that carry them (validate's formats, the
summary's findings), in English and in Vietnamese: key -> (en, vi)."""

from __future__ import annotations

FINDINGS: dict[str, tuple[str, str]] = {
    # --- shared clauses ---------------------------------------------------------------------------
    "not-checked": (
        "not checked{what}: {appendices} could not be read completely — see the DAT001 problems; totals "
        "over partly read data would be wrong",
        "chưa kiểm tra{what}: {appendices} không đọc được đầy đủ — xem các lỗi DAT001; cộng tổng trên dữ "
        "liệu đọc dở sẽ sai",
    ),
    "not-checked.what": (" ({what})", " ({what})"),
    "list.more": (", … and {count} more", ", … và {count} mục khác"),
    "expected-found": (
        "expected {expected}, found {observed}: {off}",
        "phải là {expected}, ghi {observed}: {off}",
    ),
    "expected-found.equal": ("expected {expected}, found {observed}", "phải là {expected}, ghi {observed}"),
    "more": ("{amount} more", "nhiều hơn {amount}"),
    "appendix-group": ("{appendix} group {group}", "{appendix} nhóm {group}"),
    # --- SUM001 -----------------------------------------------------------------------------------
    "SUM001.row": (
        "{row}: the yearly allocations add up to {computed}, the {label} says {declared} ({off})",
        "{row}: phân bổ các năm cộng lại là {computed}, {label} ghi {declared} ({off})",
    ),
    "SUM001.above-total": (
        "{row}: the allocations in {period} add up to {computed}, more than the whole {label} of {declared} "
        "({more})",
        "{row}: phân bổ trong giai đoạn {period} cộng lại là {computed}, lớn hơn cả {label} {declared} "
        "({more})",
    ),
    # --- SUM002 -----------------------------------------------------------------------------------
    "SUM002.no-declared": (
        "not checked: plan.yaml declares no total row for {appendix} ({key})",
        "chưa kiểm tra: plan.yaml không khai báo dòng tổng của {appendix} ({key})",
    ),
    "SUM002.totals": ("{appendix} totals", "các dòng tổng của {appendix}"),
    "SUM002.year": ("year {year}", "năm {year}"),
    "SUM002.overall": ("overall total", "tổng cộng"),
    "SUM002.column": ("column {column} ({title})", "cột {column} ({title})"),
    "SUM002.differs": (
        "{scope}, {what}: the rows add up to {computed}, the declared total is {declared} ({off})",
        "{scope}, {what}: các dòng cộng lại là {computed}, dòng tổng ghi {declared} ({off})",
    ),
    "SUM002.unknown-column": (
        "{scope}: a total is declared for column {column}, which the appendix does not have (columns: "
        "{columns}); it is not checked",
        "{scope}: dòng tổng khai báo cho cột {column}, là cột phụ lục không có (các cột: {columns}); "
        "không kiểm tra",
    ),
    "SUM002.outside": (
        "{scope}: a total is declared for {year}, outside the plan's period {period}; it is not checked",
        "{scope}: dòng tổng khai báo cho năm {year}, ngoài giai đoạn {period} của kế hoạch; không kiểm tra",
    ),
    "SUM002.missing-year": (
        "{scope}: no declared total for year {year}, so that column is not checked",
        "{scope}: không có dòng tổng khai báo cho năm {year}, nên cột đó không được kiểm tra",
    ),
    "SUM002.declared": (
        "{scope}: the declared yearly totals add up to {computed}, the declared overall total is {declared} "
        "({off})",
        "{scope}: tổng các năm đã khai báo cộng lại là {computed}, tổng cộng khai báo là {declared} ({off})",
    ),
    "SUM002.declared-above": (
        "{scope}: the declared yearly totals add up to {computed}, more than the declared overall total "
        "{declared} ({more})",
        "{scope}: tổng các năm đã khai báo cộng lại là {computed}, lớn hơn tổng cộng khai báo {declared} "
        "({more})",
    ),
    # --- SUM003 -----------------------------------------------------------------------------------
    "SUM003.unknown-appendix": (
        "not checked: a part of the grand total names an appendix the plan does not have ({names}; see "
        "DAT002)",
        "chưa kiểm tra: một phần của tổng kinh phí nêu phụ lục mà kế hoạch không có ({names}; xem DAT002)",
    ),
    "SUM003.term": ("{name} ({amount})", "{name} ({amount})"),
    "SUM003.term-stated": ("{name} ({amount}, as stated)", "{name} ({amount}, theo số ghi)"),
    "SUM003.appendices": (
        "{terms} is {computed} million VND; the declared grand total is {declared} ({off})",
        "{terms} là {computed} triệu đồng; tổng kinh phí khai báo là {declared} ({off})",
    ),
    "SUM003.parts": (
        "the declared parts add up to {computed}, the declared grand total is {declared} ({off})",
        "các phần khai báo cộng lại là {computed}, tổng kinh phí khai báo là {declared} ({off})",
    ),
    "SUM003.not-a-part": (
        "{appendix} is in no part of the grand total: its {amount} million VND are not counted in it (name "
        "it as a part, or leave `parts` out to count every appendix)",
        "{appendix} không thuộc phần nào của tổng kinh phí: {amount} triệu đồng của nó không được tính vào "
        "(khai báo nó là một phần, hoặc bỏ `parts` để tính mọi phụ lục)",
    ),
    "SUM003.part": (
        "declared part {part} ({label}) is {declared}; {appendix} adds up to {computed} {over}({off})",
        "phần khai báo {part} ({label}) là {declared}; {appendix} cộng lại là {computed} {over}({off})",
    ),
    "SUM003.in-period": ("in the period ", "trong giai đoạn "),
    # --- SUM004 -----------------------------------------------------------------------------------
    "SUM004.in-words": ("the amount in words", "số tiền bằng chữ"),
    "SUM004.printed": ("the printed figure {printed}", "con số in {printed}"),
    "SUM004.unreadable": ("{label}: {what} cannot be read: {why}", "{label}: không đọc được {what}: {why}"),
    "SUM004.words": (
        "{label}: the words read {read} million VND, the figure is {amount} (the figure in words: "
        "'{words} đồng')",
        "{label}: phần bằng chữ đọc được {read} triệu đồng, con số là {amount} (con số bằng chữ: "
        "'{words} đồng')",
    ),
    "SUM004.figure": (
        "{label}: {what} is {read} million VND, the amount is {amount}",
        "{label}: {what} là {read} triệu đồng, số tiền là {amount}",
    ),
    # reasons a stated figure cannot be read (also in the summary)
    "stated.not-a-figure": (
        "not a figure with a unit (e.g. '1.501,713 tỷ đồng')",
        "không phải con số có đơn vị (ví dụ '1.501,713 tỷ đồng')",
    ),
    "stated.nghin": ("figures in nghìn đồng are not supported", "chưa hỗ trợ con số tính bằng nghìn đồng"),
    "stated.no-unit": (
        "the figure names no unit: give stated_unit (dong, trieu or ty)",
        "con số không ghi đơn vị: khai báo stated_unit (dong, trieu hoặc ty)",
    ),
    "stated.not-whole": (
        "{value} is not a whole number of million VND",
        "{value} không phải là số nguyên triệu đồng",
    ),
    "stated.number": ("{why}", "{why}"),
    "stated.words": ("{why}", "{why}"),
    "stated.zero-denominator": ("the denominator is zero", "mẫu số bằng 0"),
    "stated.ratio": ("{numerator}/{denominator} = {exact}…%", "{numerator}/{denominator} = {exact}…%"),
    # --- SUM005 -----------------------------------------------------------------------------------
    "SUM005.row": (
        "{row}: {parts} add up to {computed}, {total} is {declared} ({off})",
        "{row}: {parts} cộng lại là {computed}, {total} là {declared} ({off})",
    ),
    "SUM005.declared": (
        "{appendix}, declared totals: {parts} add up to {computed}, {total} is {declared} ({off})",
        "{appendix}, các dòng tổng khai báo: {parts} cộng lại là {computed}, {total} là {declared} ({off})",
    ),
    # --- SEC001–SEC003 --------------------------------------------------------------------------------
    "SEC.unresolved": (
        "not checked: security_policy.counted names {names}, which the plan does not have (see DAT002); "
        "the spending it means cannot be counted",
        "chưa kiểm tra: security_policy.counted nêu {names}, là những mục kế hoạch không có (xem DAT002); "
        "không tính được khoản chi đó",
    ),
    "SEC.shortfall": (
        "{amount} of {base} million VND is {share}, below the minimum {minimum}% ({required} needed: "
        "{short} short)",
        "{amount} trên {base} triệu đồng là {share}, dưới mức tối thiểu {minimum}% (cần {required}: thiếu "
        "{short})",
    ),
    "SEC001.no-funding": (
        "not checked: the denominator ({denominator}) holds no funding over {period}, so there is no share "
        "to take",
        "chưa kiểm tra: mẫu số ({denominator}) không có kinh phí trong giai đoạn {period}, nên không có tỷ "
        "lệ để tính",
    ),
    "SEC001.uncertain": (
        "not checked: information security over {period} is between {low} and {high} of {base} million VND, "
        "against the minimum {minimum}%: the security parts (attt) of {rows} are given for whole projects "
        "that reach beyond the period, and how much of them falls in the period is not known",
        "chưa kiểm tra: an toàn thông tin giai đoạn {period} chiếm từ {low} đến {high} của {base} triệu "
        "đồng, so với mức tối thiểu {minimum}%: phần an toàn thông tin (attt) của {rows} được ghi cho cả dự "
        "án kéo dài ra ngoài giai đoạn, và không biết bao nhiêu trong đó thuộc giai đoạn",
    ),
    "SEC001.short": (
        "information security over {period}: {shortfall}; counted: {counted}; denominator: "
        "{denominator}{bound}",
        "an toàn thông tin giai đoạn {period}: {shortfall}; tính: {counted}; mẫu số: {denominator}{bound}",
    ),
    "SEC001.bound": (
        "; even if all {uncertain} of the attt parts of {rows} (whole projects reaching beyond the period) "
        "fell in it, the share would be {high}",
        "; kể cả khi toàn bộ {uncertain} phần attt của {rows} (dự án kéo dài ra ngoài giai đoạn) đều thuộc "
        "giai đoạn, tỷ lệ cũng chỉ là {high}",
    ),
    "SEC002.no-funding": (
        "not checked for {years}: the denominator ({denominator}) holds no funding in {which}",
        "chưa kiểm tra năm {years}: mẫu số ({denominator}) không có kinh phí trong {which}",
    ),
    "SEC002.that-year": ("that year", "năm đó"),
    "SEC002.those-years": ("those years", "các năm đó"),
    "SEC002.partial": (
        " (the attt parts of {rows} have no yearly split)",
        " (phần attt của {rows} không chia theo năm)",
    ),
    "SEC002.uncertain": (
        "not checked: information security in {year} is between {low} and {high} of {base} million VND, "
        "against the minimum {minimum}%{partial}: how much of them falls in {year} is not known",
        "chưa kiểm tra: an toàn thông tin năm {year} chiếm từ {low} đến {high} của {base} triệu đồng, so với "
        "mức tối thiểu {minimum}%{partial}: không biết bao nhiêu trong đó thuộc năm {year}",
    ),
    "SEC002.short": (
        "information security in {year}: {shortfall}; counted: {counted}; denominator: {denominator}{bound}",
        "an toàn thông tin năm {year}: {shortfall}; tính: {counted}; mẫu số: {denominator}{bound}",
    ),
    "SEC002.bound": (
        "; even if all {uncertain} of the attt parts that may fall in {year} did, the share would be {high}",
        "; kể cả khi toàn bộ {uncertain} phần attt có thể thuộc năm {year} đều thuộc năm đó, tỷ lệ cũng chỉ "
        "là {high}",
    ),
    "SEC003.no-data": (
        "no project {which} gives its security amount (column attt), so the per-project minimum {minimum}% "
        "cannot be checked",
        "không dự án nào {which} ghi phần kinh phí an toàn thông tin (cột attt), nên không kiểm tra được mức "
        "tối thiểu {minimum}% theo từng dự án",
    ),
    "SEC003.outside-groups": ("outside the counted groups ({groups})", "ngoài các nhóm được tính ({groups})"),
    "SEC003.not-counted": ("not counted in full", "không được tính toàn bộ"),
    "SEC003.above-total": (
        "project {row}: the security part {attt} is larger than the whole project ({total} million VND)",
        "dự án {row}: phần an toàn thông tin {attt} lớn hơn cả dự án ({total} triệu đồng)",
    ),
    "SEC003.short": (
        "project {row}: security part {shortfall}",
        "dự án {row}: phần an toàn thông tin {shortfall}",
    ),
    # --- KPI001–KPI004 ----------------------------------------------------------------------------------
    "KPI.higher": ("higher is better", "càng cao càng tốt"),
    "KPI.lower": ("lower is better", "càng thấp càng tốt"),
    "KPI.at-least": ("≥ {value}", "≥ {value}"),
    "KPI.at-most": ("≤ {value}", "≤ {value}"),
    "KPI.range": ("{low}–{high}", "{low}–{high}"),
    "KPI001.weaker": (
        "target {kpi} gets weaker from {earlier} to {later}: {old} → {new} ({unit}, {better}; {which})",
        "chỉ tiêu {kpi} giảm mức phấn đấu từ năm {earlier} đến năm {later}: {old} → {new} ({unit}, {better}; "
        "{which})",
    ),
    "KPI001.range": ("both ends of the range", "cả hai đầu của khoảng"),
    "KPI001.value": ("the value falls", "giá trị kém đi"),
    "KPI001.end": ("{end} end {old} → {new}", "{end} {old} → {new}"),
    "KPI001.low-end": ("low", "cận dưới"),
    "KPI001.high-end": ("high", "cận trên"),
    "KPI001.open": ("open", "bỏ ngỏ"),
    "KPI002.impossible": (
        "target {kpi} for {year} is impossible for its unit ({unit}): {problem}",
        "chỉ tiêu {kpi} năm {year} không thể có với đơn vị của nó ({unit}): {problem}",
    ),
    "KPI002.inverted": ("range inverted: {low} > {high}", "khoảng bị đảo: {low} > {high}"),
    "KPI002.negative": ("{value} is negative", "{value} là số âm"),
    "KPI002.above-100": ("{value}% is above 100%", "{value}% vượt quá 100%"),
    "KPI002.not-whole": ("{value} is not a whole count", "{value} không phải là số đếm nguyên"),
    "KPI003.differs": (
        "target {kpi} for {year} is {this} here ({where}) but {other} in {other_where}",
        "chỉ tiêu {kpi} năm {year} ở đây là {this} ({where}) nhưng ở {other_where} là {other}",
    ),
    "KPI004.outside": (
        "target {kpi} is set for {year} ({target}), {side} the plan's period {period}",
        "chỉ tiêu {kpi} được đặt cho năm {year} ({target}), {side} giai đoạn {period} của kế hoạch",
    ),
    "KPI004.before": ("before", "trước"),
    "KPI004.after": ("after", "sau"),
    # --- NRM001 ------------------------------------------------------------------------------------------
    "NRM001.other-units": (
        "plan.yaml explains mark {mark} for other units only",
        "plan.yaml chỉ giải thích dấu {mark} cho các đơn vị khác",
    ),
    "NRM001.unexplained": ("plan.yaml does not explain mark {mark}", "plan.yaml không giải thích dấu {mark}"),
    "NRM001.marked": (
        "{row} {name} is marked {mark}, but {why} ({key}): the mark exempts it from nothing, the exact norm "
        "applies",
        "{row} {name} có dấu {mark}, nhưng {why} ({key}): dấu không miễn trừ gì, áp dụng đúng định mức",
    ),
    "NRM001.at-least": ("a unit marked {mark} gets at least", "đơn vị có dấu {mark} được ít nhất"),
    "NRM001.note": (
        "a unit whose note ({note}) is no mark plan.yaml explains gets exactly",
        "đơn vị có ghi chú ({note}) không phải dấu được plan.yaml giải thích được đúng",
    ),
    "NRM001.exactly": ("an unmarked unit gets exactly", "đơn vị không có dấu được đúng"),
    "NRM001.rounding": (
        " (staff × norm is not a whole amount: declare how the plan makes it whole, {key}: nearest, down "
        "or up)",
        " (biên chế × định mức không phải số nguyên: khai báo cách kế hoạch làm tròn, {key}: nearest, down "
        "hoặc up)",
    ),
    "NRM001.year": (
        "{row} {name}, {year}: {rule} staff × norm = {staff} × {norm} = {expected}; {difference}{hint}",
        "{row} {name}, năm {year}: {rule} biên chế × định mức = {staff} × {norm} = {expected}; "
        "{difference}{hint}",
    ),
    "NRM001.not-in-table": (
        "plan.yaml explains mark {mark} for {row}, but the table does not mark {row} with it (its note: "
        "{note}); the explanation exempts nothing",
        "plan.yaml giải thích dấu {mark} cho {row}, nhưng bảng không đánh dấu {row} như vậy (ghi chú của "
        "nó: {note}); lời giải thích không miễn trừ gì",
    ),
    # --- TXT001 -------------------------------------------------------------------------------------------
    "TXT001.unreadable": ("{label}: {why}", "{label}: {why}"),
    "TXT001.total": (
        "{label}: the text states {printed} ({where}) but its parts {parts} add up to {computed} ({diff} "
        "{more})",
        "{label}: văn bản ghi {printed} ({where}) nhưng các phần {parts} cộng lại là {computed} ({more} "
        "{diff})",
    ),
    "TXT001.more": ("more", "nhiều hơn"),
    "TXT001.fewer": ("fewer", "ít hơn"),
    "TXT001.truncated": (
        "{label}: {detail}, which rounds to {computed}% at the printed precision; the text prints {printed} "
        "(truncated, not rounded)",
        "{label}: {detail}, làm tròn theo độ chính xác in ra là {computed}%; văn bản in {printed} (cắt bớt, "
        "không làm tròn)",
    ),
    "TXT001.differs": (
        "{label}: {detail}, i.e. {computed}% at the printed precision; the text prints {printed}",
        "{label}: {detail}, tức là {computed}% theo độ chính xác in ra; văn bản in {printed}",
    ),
    # --- DAT002 -------------------------------------------------------------------------------------------
    "DAT002.project": ("project", "dự án"),
    "DAT002.unit": ("unit", "đơn vị"),
    "DAT002.line": ("line", "dòng kinh phí"),
    "DAT002.line-of": ("line {line}", "dòng {line}"),
    "DAT002.case": (" as {other} (ids differ only by case)", " là {other} (mã chỉ khác chữ hoa, chữ thường)"),
    "DAT002.duplicate": (
        "duplicate id {row} ({noun}){same}: first used on {place}; ids are unique across the plan",
        "mã {row} bị trùng ({noun}){same}: đã dùng lần đầu ở {place}; mã là duy nhất trong cả kế hoạch",
    ),
    "DAT002.group": (
        "{noun} {row} is in group {group}, which plan.yaml does not declare for {appendix} (declared: "
        "{declared})",
        "{noun} {row} thuộc nhóm {group}, là nhóm plan.yaml không khai báo cho {appendix} (đã khai báo: "
        "{declared})",
    ),
    "DAT002.investor": ("investor", "chủ đầu tư"),
    "DAT002.unit-column": ("unit", "đơn vị"),
    "DAT002.agency": (
        "{column} {name} of {noun} {row} matches no agency of the registry in plan.yaml (add it, or an "
        "alias, under agencies)",
        "{column} {name} của {noun} {row} không khớp cơ quan nào trong danh mục của plan.yaml (thêm cơ quan, "
        "hoặc một cách viết khác, vào agencies)",
    ),
    "DAT002.no-registry": (
        "not checked: plan.yaml has no agency registry (agencies), so the investors and units of {count} "
        "{rows} are not matched against it, and spellings of one agency are not merged",
        "chưa kiểm tra: plan.yaml không có danh mục cơ quan (agencies), nên chủ đầu tư và đơn vị của {count} "
        "dòng không được đối chiếu, và các cách viết của cùng một cơ quan không được gộp",
    ),
    "DAT002.row": ("row", "dòng"),
    "DAT002.rows": ("rows", "dòng"),
    "DAT002.unknown-appendix": (
        "{what} names appendix {appendix}, which plan.yaml does not declare (appendices: {known})",
        "{what} nêu phụ lục {appendix}, là phụ lục plan.yaml không khai báo (các phụ lục: {known})",
    ),
    "DAT002.grand-part": ("grand-total part {part}", "phần {part} của tổng kinh phí"),
    "DAT002.mark": (
        "mark {mark} is explained for unit {row}, which {appendix} does not have",
        "dấu {mark} được giải thích cho đơn vị {row}, là đơn vị {appendix} không có",
    ),
    "DAT002.policy-outside": (
        "security_policy counts rows of {appendix}, which is not in the denominator ({denominator}): a share "
        "is of the funding it is taken of, so they are not counted",
        "security_policy tính các dòng của {appendix}, là phụ lục không thuộc mẫu số ({denominator}): tỷ lệ "
        "là tỷ lệ trên chính kinh phí làm mẫu số, nên chúng không được tính",
    ),
    "DAT002.policy-empty": (
        "security_policy counts nothing of {appendix}: give `groups` or `rows`",
        "security_policy không tính gì của {appendix}: khai báo `groups` hoặc `rows`",
    ),
    "DAT002.policy-group": (
        "security_policy counts group {group}, which {appendix} does not declare",
        "security_policy tính nhóm {group}, là nhóm {appendix} không khai báo",
    ),
    "DAT002.policy-row": (
        "security_policy counts row {row}, which {appendix} does not have",
        "security_policy tính dòng {row}, là dòng {appendix} không có",
    ),
    "DAT002.part-twice": (
        "grand-total part {part} names appendix {appendix} again: an appendix is one part of the grand total",
        "phần {part} của tổng kinh phí lại nêu phụ lục {appendix}: mỗi phụ lục chỉ là một phần của tổng "
        "kinh phí",
    ),
    # --- DAT003: what the CSV reader detected where plan.yaml declares nothing (info) ---------------
    "DAT003.separator": (
        "read with {separator} between cells, as the header shows; plan.yaml declares no separator for "
        "this file (csv.separator: {declare} would)",
        "đọc với {separator} là dấu phân cách giữa các ô, theo dòng tiêu đề; plan.yaml không khai báo dấu "
        "phân cách cho tệp này (có thể khai báo csv.separator: {declare})",
    ),
    "DAT003.notation": (
        "column {column} is read in {name} notation ({notation}), the only notation that reads every cell "
        "written with marks as a whole number ({count} cell{s}; {example} on line {line} is {value}); "
        "plan.yaml declares no notation (csv_number_format: {notation} would)",
        "cột {column} được đọc theo cách ghi {name} ({notation}), cách ghi duy nhất đọc mọi ô có dấu phân "
        "cách thành số nguyên ({count} ô; {example} ở dòng {line} là {value}); plan.yaml không khai báo "
        "cách ghi số (có thể khai báo csv_number_format: {notation})",
    ),
    # --- INT001 -----------------------------------------------------------------------------------------
    "INT001.crash": (
        "internal error in rule {rule}: {error} (at {where}); this is a bug in plan272, please report it",
        "lỗi nội bộ ở quy tắc {rule}: {error} (tại {where}); đây là lỗi của plan272, xin báo lại",
    ),
    # --- baselines (validate --baseline): a finding against what the baseline recorded -----------
    "baseline.worse": (
        "worse than the baseline (recorded: {then}; now: {now})",
        "xấu đi so với baseline (lúc ghi baseline: {then}; nay: {now})",
    ),
    "baseline.improved": (
        "improved on the baseline (recorded: {then}; now: {now}); keep the gain with --write-baseline",
        "cải thiện so với baseline (lúc ghi baseline: {then}; nay: {now}); ghi lại baseline bằng "
        "--write-baseline để giữ mức đã cải thiện",
    ),
    "baseline.expected": ("expected {expected}", "phải là {expected}"),
    "baseline.observed": ("found {observed}", "ghi {observed}"),
    "baseline.share": ("share {share}", "tỷ lệ {share}"),
    # why a baseline file is refused (inside error.baseline.in)
    "baseline.figure": (
        "entry {index} ({key}): {field} is not a figure plan272 can read exactly: {value}",
        "mục {index} ({key}): {field} không phải là số liệu plan272 đọc được chính xác: {value}",
    ),
    "baseline.entry-twice": (
        "entry {index} records the key {key} again (first at entry {first})",
        "mục {index} lặp lại khóa {key} (đã có ở mục {first})",
    ),
    # --- the words of reports around the findings (validate, diff) -------------------------------
    "report.count": ("{count} {severity}", "{count} {severity}"),
    "report.findings": ("{count} finding{s}: {counts}", "{count} phát hiện: {counts}"),
    "report.no-findings": ("No findings.", "Không có phát hiện nào."),
    "report.rules-checked": (" ({count} rule{s} checked", " (đã kiểm tra {count} quy tắc"),
    "report.no-rules": (
        " (no rules checked: the plan could not be read",
        " (không kiểm tra quy tắc nào: không đọc được kế hoạch",
    ),
    "report.suppressed": ("; {count} suppressed by the baseline", "; {count} được baseline bỏ qua"),
    "report.worse": ("; {count} worse than the baseline", "; {count} xấu đi so với baseline"),
    "report.improved": ("; {count} improved on the baseline", "; {count} cải thiện so với baseline"),
    "report.no-figures": (
        "The baseline records no figures (an older plan272 wrote it): a finding that got worse is "
        "suppressed like one that did not. Rewrite it with --write-baseline.",
        "Baseline không ghi số liệu (do phiên bản plan272 cũ hơn ghi): phát hiện xấu đi vẫn bị bỏ qua như "
        "phát hiện không đổi. Hãy ghi lại baseline bằng --write-baseline.",
    ),
    "report.fatal": (
        "plan272 could not read some input: see the problems above.",
        "plan272 không đọc được một phần dữ liệu: xem các lỗi ở trên.",
    ),
    "report.incomplete": (
        "plan272 could not read the plan completely ({files}): the checks that need what is missing did "
        "not run; the findings above are those it could make.",
        "plan272 không đọc được đầy đủ kế hoạch ({files}): các phép kiểm tra cần phần dữ liệu còn thiếu "
        "đã không chạy; các phát hiện ở trên là những gì kiểm tra được.",
    ),
    "report.stale": (
        "{count} baseline {entries} (remove with --write-baseline):",
        "{count} mục baseline không còn xảy ra (xoá bằng --write-baseline):",
    ),
    "report.stale-one": ("entry no longer occurs", "mục"),
    "report.stale-many": ("entries no longer occur", "mục"),
    "summary.heading": ("plan272 validate: {outcome}", "plan272 validate: {outcome}"),
    "summary.no-findings": ("no findings", "không có phát hiện nào"),
    "summary.severity": ("Severity", "Mức độ"),
    "summary.findings": ("Findings", "Số phát hiện"),
    "summary.code": ("Code", "Mã"),
    "summary.location": ("Location", "Vị trí"),
    "summary.message": ("Message", "Nội dung"),
    "summary.rules": ("{count} rule{s} checked", "đã kiểm tra {count} quy tắc"),
    "summary.suppressed": ("{count} suppressed by the baseline", "{count} được baseline bỏ qua"),
    "summary.worse": ("{count} worse than the baseline", "{count} xấu đi so với baseline"),
    "summary.improved": ("{count} improved on the baseline", "{count} cải thiện so với baseline"),
    "summary.stale": ("{count} stale baseline {entries}", "{count} mục baseline không còn xảy ra"),
    "summary.fatal": (
        "**plan272 could not read some input**: see the DAT001 findings below.",
        "**plan272 không đọc được một phần dữ liệu**: xem các phát hiện DAT001 dưới đây.",
    ),
    "summary.stale-list": (
        "Stale baseline entries (no longer found): {entries}{more}.",
        "Các mục baseline không còn xảy ra: {entries}{more}.",
    ),
    "summary.stale-more": (" and {count} more", " và {count} mục khác"),
    "summary.cut": (
        "{count} more findings are not shown (GitHub limits a step summary to 1 MiB): run `plan272 "
        "validate` locally or use `--format json`.",
        "{count} phát hiện khác không được hiển thị (GitHub giới hạn step summary ở 1 MiB): chạy `plan272 "
        "validate` trên máy hoặc dùng `--format json`.",
    ),
    # --- the machine formats of validate (sarif, junit) ------------------------------------------------
    "sarif.root": (
        "the root of the repository the plan is in (git's top level, or --root): a file URI with the "
        "base {base} is relative to it",
        "thư mục gốc của kho chứa kế hoạch (thư mục trên cùng của git, hoặc --root): URI của một tệp có "
        "gốc {base} tính từ thư mục này",
    ),
    "junit.passes": (
        "not a failure: {severity} is below --fail-on {fail_on}",
        "không tính là lỗi kiểm thử: mức {severity} thấp hơn --fail-on {fail_on}",
    ),
    "junit.improved": (
        "not a failure: improved on the baseline",
        "không tính là lỗi kiểm thử: đã cải thiện so với baseline",
    ),
    "junit.skipped": (
        "some input could not be read: this rule's silence proves nothing",
        "không đọc được một phần dữ liệu: quy tắc này không báo gì cũng không chứng minh được điều gì",
    ),
}
