"""Every sentence plan272 writes, in English and in Vietnamese: key -> (en, vi), one module per
kind of text (findings, diff, load problems, errors).

Each template names its arguments in braces; both languages use the same ones (a test checks it).
Vietnamese is written as the plan's own text writes it: "Kế hoạch", "Phụ lục", "tổng mức đầu tư
(TMĐT)", "kinh phí", "triệu đồng", "an toàn thông tin", "chỉ tiêu", "giai đoạn".
"""

from __future__ import annotations

from plan272.catalogue.diff import DIFF
from plan272.catalogue.errors import ERRORS
from plan272.catalogue.findings import FINDINGS
from plan272.catalogue.load import LOAD
from plan272.catalogue.model import MODEL
from plan272.catalogue.workbook import WORKBOOK

PARTS: dict[str, dict[str, tuple[str, str]]] = {
    "findings": FINDINGS,
    "diff": DIFF,
    "load": LOAD,
    "model": MODEL,
    "errors": ERRORS,
    "workbook": WORKBOOK,
}
CATALOGUE: dict[str, tuple[str, str]] = {key: words for part in PARTS.values() for key, words in part.items()}
