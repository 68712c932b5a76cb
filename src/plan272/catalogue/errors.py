"""The words of the errors that stop a command (exit 2) — a bad option, a path, a revision, a
baseline: key -> (en, vi)."""

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
}
