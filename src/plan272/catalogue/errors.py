"""The words of the errors that stop a command (exit 2) — a bad option, a path, a revision, a
baseline — and of the notices a command that succeeded writes on standard error: key -> (en, vi)."""

from __future__ import annotations

ERRORS: dict[str, tuple[str, str]] = {
    # --- the error boundary (plan272.cli.main) ----------------------------------------------------------
    "error.user": ("plan272: error: {message}", "plan272: lỗi: {message}"),
    "error.interrupted": ("plan272: interrupted", "plan272: đã dừng giữa chừng"),
    "error.memory": (
        "plan272: error: out of memory (the input is too large for this machine)",
        "plan272: lỗi: hết bộ nhớ (dữ liệu vào quá lớn với máy này)",
    ),
    "error.internal": (
        "plan272: internal error (a bug in plan272, please report it): {error}",
        "plan272: lỗi nội bộ (lỗi của plan272, xin hãy báo lại): {error}",
    ),
    "error.lang-env": (
        "PLAN272_LANG={value} is not a language plan272 writes: en or vi",
        "PLAN272_LANG={value} không phải ngôn ngữ plan272 dùng: en hoặc vi",
    ),
    # --- a data directory, a file read or written (plan272.cli.io) ------------------------------------
    "error.data-dir.not-found": (
        "data directory not found: {path}",
        "không tìm thấy thư mục dữ liệu: {path}",
    ),
    "error.read": ("cannot read {path}: {reason}", "không đọc được {path}: {reason}"),
    "error.read.denied": (
        "cannot read {path}: permission denied",
        "không đọc được {path}: không có quyền truy cập",
    ),
    "error.not-a-directory": ("{path} is not a directory", "{path} không phải là thư mục"),
    "error.output.empty": ("the output file name is empty", "tên tệp kết quả để trống"),
    "error.write": ("cannot write {path}: {reason}", "không ghi được tệp {path}: {reason}"),
    "error.output.kind": (
        "{path} is {kind}: plan272 writes regular files only",
        "{path} là {kind}: plan272 chỉ ghi vào tệp thông thường",
    ),
    "error.output.kind.directory": ("a directory", "một thư mục"),
    "error.output.kind.symlink": ("a symbolic link", "một liên kết tượng trưng (symbolic link)"),
    "error.output.kind.fifo": ("a named pipe", "một đường ống có tên (named pipe)"),
    "error.output.kind.device": ("a device", "một tệp thiết bị"),
    "error.output.kind.socket": ("a socket", "một socket"),
    "error.output.irregular": (
        "{path} is not a regular file: plan272 writes regular files only",
        "{path} không phải là tệp thông thường: plan272 chỉ ghi vào tệp thông thường",
    ),
    "error.output.input": (
        "{path} is an input of this run: plan272 does not write over what it reads",
        "{path} là tệp đầu vào của lần chạy này: plan272 không ghi đè lên tệp mà nó đọc",
    ),
    "error.output.exists": (
        "{path} exists; pass --force to overwrite it",
        "{path} đã tồn tại; thêm --force để ghi đè",
    ),
    "error.output.no-directory": (
        "cannot write {path}: directory {directory} does not exist",
        "không ghi được tệp {path}: thư mục {directory} không tồn tại",
    ),
    "error.append": ("cannot append to {path}: {reason}", "không ghi thêm được vào tệp {path}: {reason}"),
    # --- a load problem quoted in an error (the plan could not be read) -----------------------------------
    "error.problem": ("{location}: {message}{found}", "{location}: {message}{found}"),
    "error.problem.found": (" (found {value})", " (giá trị ghi {value})"),
    "error.problem.unknown": ("unknown problem", "lỗi không xác định"),
    "error.problems": ("{first}; {rest}", "{first}; {rest}"),
    # --- --select / --ignore (plan272.engine.SelectionError) ---------------------------------------------
    "error.select.nothing-left": (
        "--select and --ignore leave no rule to check",
        "--select và --ignore không để lại quy tắc nào để kiểm tra",
    ),
    "error.select.unknown": (
        "{code} matches no rule code (see `plan272 rules`)",
        "{code} không khớp với mã quy tắc nào (xem `plan272 rules`)",
    ),
    # --- the --format registry and the other options' values ------------------------------------------
    "error.option.format": (
        "{value} is not one of {choices}",
        "{value} không phải một trong các giá trị: {choices}",
    ),
    "error.option.size": (
        "{value} is not a size: write bytes, or a number with K, M or G (64M)",
        "{value} không phải một kích thước: ghi số byte, hoặc một số kèm K, M hay G (64M)",
    ),
    "error.option.size-too-small": (
        "a file limit below 1K would refuse every plan",
        "giới hạn kích thước tệp dưới 1K sẽ từ chối mọi kế hoạch",
    ),
    # --- --baseline (plan272.baseline.BaselineError) ------------------------------------------------------
    "error.baseline.not-found": ("baseline file not found: {path}", "không tìm thấy tệp baseline: {path}"),
    "error.baseline.read": (
        "cannot read baseline {path}: {reason}",
        "không đọc được tệp baseline {path}: {reason}",
    ),
    "error.baseline.irregular": (
        "baseline {path} is not a regular file",
        "tệp baseline {path} không phải là tệp thông thường",
    ),
    "error.baseline.too-large": (
        "baseline {path} is larger than {limit} bytes (see --max-file-size)",
        "tệp baseline {path} lớn hơn {limit} byte (xem --max-file-size)",
    ),
    "error.baseline.not-utf8": (
        "baseline {path} is not UTF-8 text",
        "tệp baseline {path} không phải văn bản UTF-8",
    ),
    "error.baseline.key-twice": ("the key {key} is given twice", "khóa {key} được ghi hai lần"),
    "error.baseline.in": ("baseline {path}: {problem}", "tệp baseline {path}: {problem}"),
    "error.baseline.json": (
        "baseline {path} is not valid JSON (line {line}): {reason}",
        "tệp baseline {path} không phải JSON hợp lệ (dòng {line}): {reason}",
    ),
    "error.baseline.too-deep": (
        "baseline {path} is nested too deeply to be a plan272 baseline",
        "tệp baseline {path} lồng nhau quá sâu, không thể là baseline của plan272",
    ),
    "error.baseline.number-too-long": (
        "baseline {path} is not a plan272 baseline (a number too long to read)",
        "tệp baseline {path} không phải baseline của plan272 (có số quá dài, không đọc được)",
    ),
    "error.baseline.not-baseline": (
        "baseline {path} is not a plan272 baseline (version {version})",
        "tệp baseline {path} không phải baseline của plan272 (phiên bản {version})",
    ),
    "error.baseline.entry": (
        "baseline {path}: entry {index} has no key/code",
        "tệp baseline {path}: mục {index} không có khóa key/code",
    ),
    # --- git revisions and the sides of plan272 diff (plan272.gitsource.SourceError, GitError) --------
    "error.git.missing": (
        "git is not installed (needed to read a revision)",
        "chưa cài đặt git (cần có để đọc một phiên bản)",
    ),
    "error.git.timeout": (
        "git {command} did not finish in time",
        "lệnh git {command} không chạy xong trong thời gian cho phép",
    ),
    "error.git.not-repository": ("not a git repository: {path}", "không phải kho git: {path}"),
    "error.git.unknown-revision": ("unknown revision {revision}", "không có phiên bản {revision}"),
    "error.git.not-a-commit": (
        "unknown revision {revision}: not a commit of the repository in {path}",
        "không có phiên bản {revision}: không phải một commit của kho git tại {path}",
    ),
    "error.git.bare-data": (
        "in a bare repository, --data is a path inside the repository, not {data}",
        "trong kho git bare, --data là đường dẫn bên trong kho, không phải {data}",
    ),
    "error.git.data-outside": (
        "the data directory {data} is not inside the repository {root}",
        "thư mục dữ liệu {data} không nằm trong kho git {root}",
    ),
    "error.git.no-plan": (
        "{file} does not exist at revision {revision} ({commit})",
        "không có {file} trong phiên bản {revision} ({commit})",
    ),
    "error.git.file-not-found": (
        "file not found at revision {revision} ({commit})",
        "không tìm thấy tệp trong phiên bản {revision} ({commit})",
    ),
    "error.git.irregular": (
        "not a regular file at revision {revision} ({commit})",
        "không phải tệp thông thường trong phiên bản {revision} ({commit})",
    ),
    "error.git.unreadable": (
        "cannot read the file at revision {revision} ({commit})",
        "không đọc được tệp trong phiên bản {revision} ({commit})",
    ),
    "error.diff.bare-worktree": (
        "a bare repository has no working tree: give both sides as revisions",
        "kho git bare không có cây làm việc (working tree): hãy cho cả hai bên là phiên bản",
    ),
    "error.diff.side-is-file": (
        "{argument} is a file, not a data directory",
        "{argument} là một tệp, không phải thư mục dữ liệu",
    ),
    "error.diff.side-no-repository": (
        "{argument} is not a data directory, and it cannot be a git revision: {reason}",
        "{argument} không phải thư mục dữ liệu, và cũng không thể là phiên bản git: {reason}",
    ),
    "error.diff.side-unknown": (
        "{argument} is neither a data directory nor a revision of the git repository at {root}",
        "{argument} không phải thư mục dữ liệu, cũng không phải phiên bản của kho git tại {root}",
    ),
    "error.diff.worktree": ("working tree ({data})", "cây làm việc ({data})"),
    "error.diff.side": ("{side}", "{side}"),
    "error.diff.unreadable": (
        "cannot read the plan of {side}: {problems}",
        "không đọc được kế hoạch của {side}: {problems}",
    ),
    # --- plan272 init ------------------------------------------------------------------------------------
    "error.init.empty-name": ("the directory name is empty", "tên thư mục để trống"),
    "error.init.not-text": (
        "{option} is not valid text (bytes that are not UTF-8?)",
        "{option} không phải văn bản hợp lệ (có byte không phải UTF-8?)",
    ),
    "error.init.tables-with-like": (
        "--tables does not go with --like: the tables are those of the plan copied",
        "không dùng --tables cùng với --like: các bảng là bảng của kế hoạch được sao chép",
    ),
    "error.init.like-unreadable": (
        "cannot read the plan to copy ({path}): {problem}",
        "không đọc được kế hoạch cần sao chép ({path}): {problem}",
    ),
    "error.init.no-period": (
        "give the plan's period, e.g. --period 2026-2030 (or copy a plan with --like)",
        "hãy cho biết giai đoạn của kế hoạch, ví dụ --period 2026-2030 (hoặc sao chép một kế hoạch bằng "
        "--like)",
    ),
    "error.init.tables": (
        "--tables takes kinds from {kinds}, not {unknown}",
        "--tables nhận loại bảng trong số {kinds}, không nhận {unknown}",
    ),
    "error.init.tables.none": ("(none)", "(không có)"),
    "error.init.not-a-directory": (
        "{path} exists and is not a directory",
        "{path} đã tồn tại và không phải là thư mục",
    ),
    "error.init.exists.one": (
        "{files} already exists in {directory}; pass --force to overwrite it",
        "{files} đã có trong thư mục {directory}; thêm --force để ghi đè",
    ),
    "error.init.exists.many": (
        "{files} already exist in {directory}; pass --force to overwrite them",
        "{files} đã có trong thư mục {directory}; thêm --force để ghi đè",
    ),
    "error.init.mkdir": ("cannot create {path}: {reason}", "không tạo được thư mục {path}: {reason}"),
    "error.init.period-form": (
        "--period is START-END, e.g. 2026-2030, not {value}",
        "--period phải có dạng NĂM BẮT ĐẦU-NĂM KẾT THÚC, ví dụ 2026-2030, không phải {value}",
    ),
    "error.init.period-range": (
        "--period {value}: a period runs forward, 1900–2200, at most 30 years",
        "--period {value}: năm bắt đầu không được sau năm kết thúc, các năm trong khoảng 1900–2200, giai "
        "đoạn dài tối đa 30 năm",
    ),
    # --- plan272 rules -----------------------------------------------------------------------------------
    "error.rules.unknown": (
        "no rule {code}; `plan272 rules` lists them",
        "không có quy tắc {code}; `plan272 rules` liệt kê các quy tắc",
    ),
    # --- plan272 summary (and plan272.views.summary.exports.ExportError) -----------------------------------
    "error.export.suffix": (
        "cannot export to {name}: unknown suffix (use one of {known})",
        "không xuất được ra {name}: phần mở rộng không được hỗ trợ (dùng một trong các phần mở rộng: "
        "{known})",
    ),
    "error.export.csv-one-table": (
        "a CSV file holds one table: choose it with --section",
        "một tệp CSV chỉ chứa một bảng: chọn bảng bằng --section",
    ),
    "error.summary.csv-section": (
        "a CSV file holds one table: choose it with --section (or export .xlsx)",
        "một tệp CSV chỉ chứa một bảng: chọn bảng bằng --section (hoặc xuất ra .xlsx)",
    ),
    "error.summary.width": (
        "--width {width} is too narrow: these tables need {needed} columns",
        "--width {width} quá hẹp: các bảng này cần {needed} cột ký tự",
    ),
    "error.summary.section": (
        "unknown section {name}; choose one of {sections}",
        "không có phần {name}; chọn một trong các phần: {sections}",
    ),
    "error.summary.unreadable": (
        "cannot summarise {path}: {problem}{more}; `plan272 validate {path}` lists every problem",
        "không lập được bản tóm tắt của {path}: {problem}{more}; `plan272 validate {path}` liệt kê mọi lỗi",
    ),
    "error.summary.more": (" (and {count} more)", " (và {count} lỗi khác)"),
    # --- notices: what a command that succeeded wrote (standard error) ---------------------------------
    "notice.wrote": ("plan272: wrote {path}", "plan272: đã ghi {path}"),
    "notice.baseline": (
        "plan272: wrote {count} finding{s} to baseline {path}",
        "plan272: đã ghi {count} phát hiện vào tệp baseline {path}",
    ),
    "notice.init.wrote": ("plan272: wrote {files} in {directory}", "plan272: đã ghi {files} vào {directory}"),
    "notice.init.next": (
        "plan272: fill them in from the plan, then run: plan272 validate {directory}",
        "plan272: điền số liệu theo kế hoạch vào các tệp này, rồi chạy: plan272 validate {directory}",
    ),
    # --- settings files (plan272.toml, [tool.plan272] in pyproject.toml) -----------------------------
    "error.settings.read": (
        "cannot read the settings file {path}: {reason}",
        "không đọc được tệp thiết lập {path}: {reason}",
    ),
    "error.settings.too-large": (
        "the settings file {path} is larger than {limit} bytes",
        "tệp thiết lập {path} lớn hơn {limit} byte",
    ),
    "error.settings.encoding": (
        "the settings file {path} is not UTF-8 text",
        "tệp thiết lập {path} không phải văn bản UTF-8",
    ),
    "error.settings.toml": (
        "the settings file {path} is not valid TOML: {reason}",
        "tệp thiết lập {path} không phải TOML hợp lệ: {reason}",
    ),
    "error.settings.not-table": (
        "{path}: the plan272 settings must be a table of keys",
        "{path}: thiết lập của plan272 phải là một bảng khóa",
    ),
    "error.settings.unknown-key": (
        "{path}: unknown setting {key} (the settings are {known})",
        "{path}: không có thiết lập {key} (các thiết lập là {known})",
    ),
    "error.settings.value": (
        "{path}: {key} must be {expected}, not {found}",
        "{path}: {key} phải là {expected}, không phải {found}",
    ),
    "error.settings.expected.codes": (
        'a list of rule codes or prefixes (e.g. ["SEC", "SUM001"])',
        'danh sách mã quy tắc hoặc tiền tố (ví dụ ["SEC", "SUM001"])',
    ),
    "error.settings.expected.text": ("a non-empty string", "một chuỗi không rỗng"),
    "error.settings.expected.choice": ("one of {choices}", "một trong các giá trị {choices}"),
    "error.settings.format": (
        "{path}: format {value} is not one of {known}",
        "{path}: format {value} không thuộc các định dạng {known}",
    ),
    "error.statistics.format": (
        "--statistics writes text or json, not {format}",
        "--statistics chỉ ghi dạng text hoặc json, không ghi {format}",
    ),
    # --- validate --show-settings -------------------------------------------------------------------------
    "settings.file": ("# settings file: {file}", "# tệp thiết lập: {file}"),
    "settings.no-file": (
        "none (no plan272.toml, no [tool.plan272])",
        "không có (không có plan272.toml hay [tool.plan272])",
    ),
    "settings.unset": ("(not set)", "(chưa đặt)"),
    "settings.from-flag": ("command line", "dòng lệnh"),
    "settings.from-file": ("{file}", "{file}"),
    "settings.from-default": ("default", "mặc định"),
    "settings.from-git": ("default: the top of the git repository", "mặc định: thư mục gốc của kho git"),
}
