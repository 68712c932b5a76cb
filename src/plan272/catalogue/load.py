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
