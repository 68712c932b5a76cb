"""The words of the load problems (DAT001) — what is wrong with a file, a cell, a key of plan.yaml:
key -> (en, vi)."""

from __future__ import annotations

LOAD: dict[str, tuple[str, str]] = {
    # --- what became of a value with a problem ------------------------------------------------------
    "load.ignored": ("{problem} (ignored)", "{problem} (bỏ qua)"),
    "load.left-out": (
        "{problem} ({item} is left out of the checks)",
        "{problem} ({item} không được đưa vào kiểm tra)",
    ),
    # --- the plan's directory and files (files.py) -------------------------------------------------
    "load.directory.not-a-directory": ("not a directory", "không phải là thư mục"),
    "load.directory.not-found": ("directory not found", "không tìm thấy thư mục"),
    "load.file.not-found": ("file not found", "không tìm thấy tệp"),
    "load.file.not-regular": ("not a regular file", "không phải là tệp thông thường"),
    "load.file.unreadable": ("cannot read the file: {error}", "không đọc được tệp: {error}"),
    "load.file.too-large": (
        "file too large ({size} bytes; the limit is {limit}: see --max-file-size)",
        "tệp quá lớn ({size} byte; giới hạn là {limit}: xem --max-file-size)",
    ),
    "load.file.empty": ("empty file", "tệp rỗng"),
    "load.file.encoding": (
        "the file is encoded in {encoding}; save it as UTF-8",
        "tệp được mã hóa {encoding}; hãy lưu lại tệp với mã hóa UTF-8",
    ),
    "load.file.utf16": (
        "the file looks like UTF-16 without a byte-order mark; save it as UTF-8",
        "tệp có vẻ được mã hóa UTF-16 không có dấu thứ tự byte (BOM); hãy lưu lại tệp với mã hóa UTF-8",
    ),
    "load.file.binary": (
        "binary data (NUL byte): not a text file",
        "dữ liệu nhị phân (byte NUL): không phải là tệp văn bản",
    ),
    "load.file.not-utf8": (
        "not valid UTF-8 (Latin-1 or Windows-1258 bytes?); save the file as UTF-8{hint}",
        "không phải UTF-8 hợp lệ (byte Latin-1 hay Windows-1258?); hãy lưu lại tệp với mã hóa UTF-8{hint}",
    ),
    "load.file.declare-encoding": (
        ", or declare its encoding in plan.yaml (csv.encoding, e.g. windows-1258, in its appendix, or at "
        "the top level for every file)",
        ", hoặc khai báo mã hóa ký tự của tệp trong plan.yaml (csv.encoding, ví dụ windows-1258, trong phụ "
        "lục tương ứng, hoặc ở cấp trên cùng cho mọi tệp)",
    ),
    "load.file.declared-bom": (
        "plan.yaml declares the encoding {encoding}, but the file begins with a {found} byte-order mark: "
        "remove the declaration, or save the file in {encoding}",
        "plan.yaml khai báo mã hóa ký tự {encoding}, nhưng tệp bắt đầu bằng dấu thứ tự byte (BOM) của "
        "{found}: hãy bỏ khai báo này, hoặc lưu lại tệp với mã hóa {encoding}",
    ),
    "load.file.declared-but-utf8": (
        "plan.yaml declares the encoding {encoding}, but the file reads as UTF-8 (read as {encoding}, its "
        "letters would come out wrong): remove the declaration if the file is UTF-8, or save it in "
        "{encoding}",
        "plan.yaml khai báo mã hóa ký tự {encoding}, nhưng tệp đọc được theo UTF-8 (nếu đọc theo "
        "{encoding}, các chữ sẽ bị sai): nếu tệp là UTF-8, hãy bỏ khai báo này; nếu không, hãy lưu lại tệp "
        "với mã hóa {encoding}",
    ),
    "load.file.not-declared": (
        "not valid {encoding} (the encoding plan.yaml declares for the file): check the declaration, or "
        "save the file in {encoding}",
        "tệp không phải {encoding} hợp lệ (mã hóa ký tự plan.yaml khai báo cho tệp): hãy kiểm tra lại khai "
        "báo, hoặc lưu lại tệp với mã hóa {encoding}",
    ),
    # --- the appendix CSV files (csvfile.py) -------------------------------------------------------
    "load.text.too-long": (
        "text of {length} characters: a value holds at most {limit}",
        "văn bản dài {length} ký tự: mỗi giá trị chỉ được tối đa {limit} ký tự",
    ),
    "load.csv.empty-file": ("empty file", "tệp rỗng"),
    "load.csv.quotes": (
        "malformed quotes: a cell holding a quote must be wholly quoted, with inner quotes doubled "
        '("Sở ""A""")',
        "dấu ngoặc kép sai: ô có chứa dấu ngoặc kép phải được đặt trọn trong ngoặc kép, các dấu ngoặc kép "
        'bên trong viết đôi ("Sở ""A""")',
    ),
    "load.csv.bad-header": ("not a valid CSV header: {hint}", "dòng tiêu đề CSV không hợp lệ: {hint}"),
    "load.csv.duplicated-column": (
        "duplicated column (also column {column})",
        "cột bị lặp (trùng với cột thứ {column})",
    ),
    "load.csv.unknown-column": (
        "unknown column; known columns: {known}",
        "cột không xác định; các cột hợp lệ: {known}",
    ),
    "load.csv.missing-column": ("missing required column", "thiếu cột bắt buộc"),
    "load.csv.separator-unknown": (
        "the header names none of the columns when split at ',', ';' or a tab (expected {known}): if the "
        "file uses another separator, declare it in plan.yaml (csv.separator in its appendix, e.g. '|')",
        "dòng tiêu đề không cho ra cột hợp lệ nào khi tách theo dấu ',', ';' hay dấu tab (cần có {known}): "
        "nếu tệp dùng dấu phân cách khác, hãy khai báo trong plan.yaml (csv.separator trong phụ lục tương "
        "ứng, ví dụ '|')",
    ),
    "load.csv.separator-ambiguous": (
        "the header splits into as many known columns at {found}: declare the separator in plan.yaml "
        "(csv.separator in its appendix)",
        "dòng tiêu đề tách được thành số cột hợp lệ như nhau theo {found}: hãy khai báo dấu phân cách trong "
        "plan.yaml (csv.separator trong phụ lục tương ứng)",
    ),
    "load.csv.separator-declared": (
        "plan.yaml declares {declared} as the separator, but the header splits into the columns at "
        "{found}: correct the declaration (csv.separator) or the file",
        "plan.yaml khai báo dấu phân cách là {declared}, nhưng dòng tiêu đề tách thành các cột theo "
        "{found}: hãy sửa khai báo (csv.separator) hoặc sửa tệp",
    ),
    # --- cells of one column failing the same way, as one problem (grouping.py) ---------------------
    "load.grouped": (
        "{count} cells of column {column}: {problem} ({places}{more})",
        "{count} ô của cột {column}: {problem} ({places}{more})",
    ),
    "load.grouped.place": ("line {line} {value}", "dòng {line} {value}"),
    "load.grouped.more": (", and {count} more", ", và {count} ô khác"),
    "load.csv.too-many-rows": (
        "more than {limit} rows: the rest is not read (see --max-rows)",
        "quá {limit} dòng: phần còn lại không được đọc (xem --max-rows)",
    ),
    "load.csv.syntax": (
        "CSV syntax error: {hint}{span}; the row is not used, reading resumes on the next line",
        "lỗi cú pháp CSV: {hint}{span}; dòng này không được dùng, việc đọc tiếp tục từ dòng sau",
    ),
    "load.csv.syntax.span": (
        "; it runs over lines {first}–{last}",
        "; bản ghi trải từ dòng {first} đến dòng {last}",
    ),
    "load.csv.row-width": (
        "row has {cells} cells, the header has {width}; the row is not used",
        "dòng có {cells} ô, dòng tiêu đề có {width} cột; dòng này không được dùng",
    ),
    "load.csv.empty-cell": ("empty cell: a value is required", "ô trống: bắt buộc phải có giá trị"),
    # --- numbers in a cell or in plan.yaml (numbers.py) ----------------------------------------------
    "load.number.empty": (
        "empty cell: a number is required (write 0 for nothing)",
        "ô trống: bắt buộc phải có số (ghi 0 nếu không có)",
    ),
    "load.number.ambiguous": (
        "ambiguous number: separators are not allowed unless plan.yaml declares csv_number_format "
        "(vi: 20.200 is 20200; en: 20,200 is 20200); write plain digits",
        "số không rõ cách đọc: không được dùng dấu phân cách nếu plan.yaml không khai báo csv_number_format "
        "(vi: 20.200 là 20200; en: 20,200 là 20200); hãy ghi số chỉ gồm các chữ số",
    ),
    "load.number.undeclared": (
        "written with marks between its digits, and plan.yaml declares no number notation: {reason}; {fix}",
        "số ghi có dấu phân cách giữa các chữ số, trong khi plan.yaml không khai báo cách ghi số: {reason}; "
        "{fix}",
    ),
    "load.number.undeclared.neither": (
        "{cell} on line {line} is a whole amount in neither notation",
        "{cell} ở dòng {line} không phải là số nguyên theo cách ghi nào",
    ),
    "load.number.undeclared.mixed": (
        "{vi_cell} on line {vi_line} is whole only in Vietnamese notation, {en_cell} on line {en_line} only "
        "in English",
        "{vi_cell} ở dòng {vi_line} chỉ là số nguyên theo cách ghi Việt Nam, còn {en_cell} ở dòng {en_line} "
        "chỉ là số nguyên theo cách ghi tiếng Anh",
    ),
    "load.number.undeclared.both": (
        "{cell} on line {line} reads {vi} in Vietnamese notation but {en} in English",
        "{cell} ở dòng {line} đọc là {vi} theo cách ghi Việt Nam nhưng là {en} theo cách ghi tiếng Anh",
    ),
    "load.number.declare": (
        "declare csv_number_format: {notation} in plan.yaml (or csv.number_format: {notation} in this "
        "file's appendix), or write plain digits",
        "hãy khai báo csv_number_format: {notation} trong plan.yaml (hoặc csv.number_format: {notation} "
        "trong phụ lục của tệp này), hoặc ghi số chỉ gồm các chữ số",
    ),
    "load.number.declare-any": (
        "declare the notation in plan.yaml (csv_number_format: vi or en), or write plain digits",
        "hãy khai báo cách ghi số trong plan.yaml (csv_number_format: vi hoặc en), hoặc ghi số chỉ gồm các "
        "chữ số",
    ),
    "load.number.not-a-number": ("not a number", "không phải là số"),
    "load.number.not-in-notation": (
        "not a number in {notation} notation",
        "không phải là số theo cách ghi {notation}",
    ),
    "load.number.negative": (
        "negative amount: amounts cannot be below zero",
        "số tiền âm: số tiền không được nhỏ hơn 0",
    ),
    "load.number.not-finite": ("not a finite number", "không phải là số hữu hạn"),
    "load.number.too-large": ("too large: more than {digits} digits", "quá lớn: nhiều hơn {digits} chữ số"),
    "load.number.too-many-decimals": (
        "too many decimals: more than {decimals}",
        "quá nhiều chữ số thập phân: nhiều hơn {decimals}",
    ),
    "load.number.not-whole": (
        "not a whole number: {value} (amounts are whole million VND)",
        "không phải là số nguyên: {value} (số tiền tính bằng số nguyên triệu đồng)",
    ),
    "load.number.not-whole.many": (
        "not whole numbers (amounts are whole million VND)",
        "không phải là số nguyên (số tiền tính bằng số nguyên triệu đồng)",
    ),
    "load.number.decimal-mark.many": (
        "a decimal mark in whole amounts (amounts are whole million VND): write them without a decimal part",
        "có dấu thập phân trong số tiền nguyên (số tiền tính bằng số nguyên triệu đồng): hãy ghi số không "
        "có phần thập phân",
    ),
    "load.number.decimal-mark": (
        "a decimal mark in a whole amount: {raw} reads as {value} in {notation} notation (amounts are whole "
        "million VND); write it without a decimal part",
        "có dấu thập phân trong một số tiền nguyên: theo cách ghi {notation}, {raw} được đọc là {value} (số "
        "tiền tính bằng số nguyên triệu đồng); hãy ghi số không có phần thập phân",
    ),
    # --- amounts in Vietnamese words (vnwords.py) -----------------------------------------------------
    "load.words.at-word": (
        "{problem} at word {n} ({word}) of {words}",
        "{problem} — từ thứ {n} ({word}) trong {words}",
    ),
    "load.words.at-end": ("{problem} at the end of {words}", "{problem} — ở cuối {words}"),
    "load.words.digits": (
        "digits among the words: write the amount in words only",
        "có chữ số lẫn trong phần ghi bằng chữ: chỉ ghi số tiền bằng chữ",
    ),
    "load.words.none": ("no number words", "không có từ chỉ số nào"),
    "load.words.needs-number": ("'{word}' needs a number before it", "trước '{word}' phải có một số"),
    "load.words.second-ty": ("a second 'tỷ' is not supported", "không hỗ trợ 'tỷ' lần thứ hai"),
    "load.words.expected-number": ("expected a number", "cần một từ chỉ số"),
    "load.words.unexpected": ("unexpected word", "từ thừa hoặc sai vị trí"),
    "load.words.out-of-order": ("'{word}' out of order", "'{word}' sai thứ tự"),
    "load.words.zero-group": ("zero {word}: leave the group out", "'không {word}': hãy bỏ hẳn nhóm này"),
    "load.words.khong-tram-first": (
        "'không trăm' cannot start a number",
        "số không được bắt đầu bằng 'không trăm'",
    ),
    "load.words.tram-needs-digit": ("'trăm' needs a digit before it", "trước 'trăm' phải có một chữ số"),
    "load.words.le-after-tram": ("'lẻ' must follow 'trăm'", "'lẻ' phải đứng sau 'trăm'"),
    "load.words.le-needs-digit": (
        "'lẻ' needs a digit 1–9 after it",
        "sau 'lẻ' phải có một chữ số từ 1 đến 9",
    ),
    "load.words.le-mot": ("write 'lẻ một', not 'lẻ mốt'", "viết 'lẻ một', không viết 'lẻ mốt'"),
    "load.words.mot-muoi": (
        "'{word} mươi' is not a number: write 'mười' for 10",
        "'{word} mươi' không phải là số: 10 viết là 'mười'",
    ),
    "load.words.muoi-needs-digit": (
        "'mươi' needs a digit 2–9 before it (hai mươi = 20)",
        "trước 'mươi' phải có một chữ số từ 2 đến 9 (hai mươi = 20)",
    ),
    "load.words.ambiguous-digit": (
        "ambiguous digit after a hundred or a scale: write 'lẻ' for zero tens (một trăm lẻ một = 101) or the "
        "tens word (một trăm mười = 110)",
        "chữ số không rõ cách đọc sau hàng trăm hoặc sau nghìn, triệu, tỷ: ghi 'lẻ' khi hàng chục bằng 0 "
        "(một trăm lẻ một = 101) hoặc ghi hàng chục (một trăm mười = 110)",
    ),
    "load.words.after-tens-only": (
        "'{word}' only follows a tens word",
        "'{word}' chỉ đứng sau từ chỉ hàng chục",
    ),
    "load.words.khong-tram-alone": (
        "'không trăm' must be followed by the tens and units it leads",
        "sau 'không trăm' phải có hàng chục và hàng đơn vị",
    ),
    "load.words.group-after-tens": (
        "a tens word cannot be followed by another group",
        "sau từ chỉ hàng chục không được có thêm nhóm khác",
    ),
    "load.words.khong-after-tens": (
        "'không' cannot follow a tens word",
        "'không' không được đứng sau từ chỉ hàng chục",
    ),
    "load.words.muoi-mot": (
        "write 'mười một' (11), not 'mười mốt'",
        "viết 'mười một' (11), không viết 'mười mốt'",
    ),
    "load.words.muoi-lam": (
        "write 'mười lăm' (15), not 'mười năm'",
        "viết 'mười lăm' (15), không viết 'mười năm'",
    ),
    # --- plan.yaml as YAML (yamlfile.py) --------------------------------------------------------------
    "load.yaml.invalid": ("not valid YAML: {error}", "YAML không hợp lệ: {error}"),
    "load.yaml.character": (
        "not valid YAML: character {character} is not allowed ({reason})",
        "YAML không hợp lệ: không được dùng ký tự {character} ({reason})",
    ),
    "load.yaml.too-deep": ("nesting too deep", "lồng nhau quá sâu"),
    "load.yaml.too-deep-levels": (
        "nesting too deep (over {levels} levels): plan.yaml is not a plan of this kind",
        "lồng nhau quá sâu (quá {levels} cấp): plan.yaml không phải là kế hoạch loại này",
    ),
    "load.yaml.too-many-values": (
        "too many values (over {limit}): plan.yaml is not a plan of this kind",
        "quá nhiều giá trị (quá {limit}): plan.yaml không phải là kế hoạch loại này",
    ),
    "load.yaml.aliases-unbounded": (
        "too many values (over {limit}): aliases expand without bound?",
        "quá nhiều giá trị (quá {limit}): các bí danh (alias) được mở rộng không giới hạn?",
    ),
    "load.yaml.recursive-alias": (
        "recursive alias: a value that contains itself",
        "bí danh (alias) đệ quy: một giá trị chứa chính nó",
    ),
    "load.yaml.tag": ("tag {tag} is not allowed", "không được dùng thẻ (tag) {tag}"),
    "load.yaml.tag-plain": (
        "tag {tag} is not allowed: plan.yaml holds plain data only",
        "không được dùng thẻ (tag) {tag}: plan.yaml chỉ chứa dữ liệu thuần",
    ),
    "load.yaml.merge-key": (
        "merge keys (<<) are not supported; write the values out",
        "không hỗ trợ khóa gộp (<<); hãy ghi đầy đủ các giá trị",
    ),
    "load.yaml.key-not-plain": ("a key must be a plain value", "khóa phải là một giá trị đơn"),
    "load.yaml.duplicate-key": (
        "duplicate key {key}: first given on line {line}",
        "khóa {key} bị lặp: đã có ở dòng {line}",
    ),
    "load.yaml.unsupported-node": ("unsupported YAML node", "nút YAML không được hỗ trợ"),
    "load.yaml.surrogate": (
        "not valid text: a lone surrogate (an escape that is half a character)",
        "văn bản không hợp lệ: một surrogate đứng riêng (chuỗi thoát chỉ là nửa ký tự)",
    ),
    "load.yaml.plain-integer": (
        "write integers as plain digits (no sign +, no _, no leading zero, 0x, :)",
        "ghi số nguyên chỉ bằng các chữ số (không có dấu +, dấu _, số 0 ở đầu, 0x, :)",
    ),
    "load.yaml.integer-too-long": (
        "not a valid integer (too many digits)",
        "số nguyên không hợp lệ (quá nhiều chữ số)",
    ),
    "load.yaml.plain-number": (
        "write numbers as plain digits (no sign +, no _)",
        "ghi số chỉ bằng các chữ số (không có dấu +, dấu _)",
    ),
    # --- plan.yaml as a plan (load/__init__.py) -------------------------------------------------------
    "load.plan.no-values": ("no values: plan.yaml is empty", "không có giá trị nào: plan.yaml rỗng"),
    "load.plan.not-a-mapping": (
        "plan.yaml must be a mapping of keys",
        "plan.yaml phải là một bảng khóa: giá trị",
    ),
    "load.plan.csv-separator": (
        "{value} cannot separate cells: write one character that is not a letter, a digit, a quote, a dot "
        "or a space (',' ';' '|'), or tab",
        "{value} không dùng làm dấu phân cách giữa các ô được: hãy ghi một ký tự không phải chữ cái, chữ số, "
        "dấu ngoặc kép, dấu chấm hay dấu cách (',' ';' '|'), hoặc tab",
    ),
    "load.plan.csv-encoding": (
        "unknown text encoding {value}: write one Python knows, e.g. utf-8, windows-1258, latin-1",
        "mã hóa ký tự {value} không xác định: hãy ghi một mã hóa mà Python biết, ví dụ utf-8, windows-1258, "
        "latin-1",
    ),
    "load.plan.csv-twice": (
        "the number notation is declared twice, differently: csv_number_format: {first} and "
        "csv.number_format: {second}; keep one",
        "cách ghi số được khai báo hai lần và khác nhau: csv_number_format: {first} và csv.number_format: "
        "{second}; hãy chỉ giữ một",
    ),
    "load.registry.duplicate-id": ("duplicate id{same}", "mã bị trùng{same}"),
    "load.registry.same-as": (
        " (as {other}: they differ only in case or invisibly)",
        " (trùng với {other}: chỉ khác ở chữ hoa, chữ thường hoặc ở ký tự không nhìn thấy)",
    ),
    "load.registry.duplicate-agency": ("duplicate agency id", "mã cơ quan bị trùng"),
    "load.registry.name-taken": (
        "name also registered for agency {agency}",
        "tên này cũng đã được đăng ký cho cơ quan {agency}",
    ),
    "load.capped": (
        "{count} more problems in this file are not listed: the first {limit} are (see --max-problems)",
        "còn {count} lỗi khác trong tệp này không được liệt kê: chỉ liệt kê {limit} lỗi đầu tiên (xem "
        "--max-problems)",
    ),
    # --- pydantic's own kinds of error (the context's fields are the arguments) -----------------------
    "pydantic.missing": ("required key is missing", "thiếu khóa bắt buộc"),
    "pydantic.extra_forbidden": ("unknown key (misspelt?)", "khóa không xác định (viết sai?)"),
    "pydantic.int_type": ("Input should be a valid integer", "Giá trị phải là số nguyên"),
    "pydantic.int_parsing": (
        "Input should be a valid integer, unable to parse string as an integer",
        "Giá trị phải là số nguyên, không đọc được chuỗi này thành số nguyên",
    ),
    "pydantic.int_from_float": (
        "Input should be a valid integer, got a number with a fractional part",
        "Giá trị phải là số nguyên, không được có phần thập phân",
    ),
    "pydantic.string_type": ("Input should be a valid string", "Giá trị phải là một chuỗi văn bản"),
    "pydantic.bool_type": ("Input should be a valid boolean", "Giá trị phải là true hoặc false"),
    "pydantic.bool_parsing": (
        "Input should be a valid boolean, unable to interpret input",
        "Giá trị phải là true hoặc false, không đọc được giá trị này",
    ),
    "pydantic.dict_type": ("Input should be a valid dictionary", "Giá trị phải là một bảng khóa: giá trị"),
    "pydantic.list_type": ("Input should be a valid list", "Giá trị phải là một danh sách"),
    "pydantic.model_type": (
        "Input should be a valid dictionary or instance of {class_name}",
        "Giá trị phải là một bảng khóa: giá trị ({class_name})",
    ),
    "pydantic.literal_error": ("Input should be {expected}", "Giá trị phải là {expected}"),
    "pydantic.enum": ("Input should be {expected}", "Giá trị phải là {expected}"),
    "pydantic.greater_than": ("Input should be greater than {gt}", "Giá trị phải lớn hơn {gt}"),
    "pydantic.greater_than_equal": (
        "Input should be greater than or equal to {ge}",
        "Giá trị phải lớn hơn hoặc bằng {ge}",
    ),
    "pydantic.less_than": ("Input should be less than {lt}", "Giá trị phải nhỏ hơn {lt}"),
    "pydantic.less_than_equal": (
        "Input should be less than or equal to {le}",
        "Giá trị phải nhỏ hơn hoặc bằng {le}",
    ),
    "pydantic.string_too_short": (
        "String should have at least {min_length} character{s}",
        "Chuỗi phải có ít nhất {min_length} ký tự",
    ),
    "pydantic.string_too_long": (
        "String should have at most {max_length} character{s}",
        "Chuỗi chỉ được có tối đa {max_length} ký tự",
    ),
    "pydantic.too_short": (
        "{field_type} should have at least {min_length} item{s} after validation, not {actual_length}",
        "{field_type} phải có ít nhất {min_length} phần tử, không phải {actual_length}",
    ),
    "pydantic.too_long": (
        "{field_type} should have at most {max_length} item{s} after validation, not {actual_length}",
        "{field_type} chỉ được có tối đa {max_length} phần tử, không phải {actual_length}",
    ),
    "pydantic.string_pattern_mismatch": (
        "String should match pattern '{pattern}'",
        "Chuỗi phải khớp mẫu '{pattern}'",
    ),
    "pydantic.decimal_type": (
        "Decimal input should be an integer, float, string or Decimal object",
        "Giá trị phải là một số",
    ),
    "pydantic.decimal_parsing": (
        "Input should be a valid decimal",
        "Giá trị phải là một số thập phân hợp lệ",
    ),
    "pydantic.date_type": ("Input should be a valid date", "Giá trị phải là một ngày hợp lệ"),
    "pydantic.date_parsing": (
        "Input should be a valid date in the format YYYY-MM-DD, {error}",
        "Giá trị phải là ngày theo dạng YYYY-MM-DD ({error})",
    ),
    "pydantic.date_from_datetime_parsing": (
        "Input should be a valid date or datetime, {error}",
        "Giá trị phải là một ngày hợp lệ ({error})",
    ),
}
