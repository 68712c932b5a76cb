"""The one place where a finding becomes text: its line (``[field] message (found 'value')``), the
words for its severity, and the count line of a report — in English or in Vietnamese. Every view
(the report's formats, diff, the summary) writes findings through these."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plan272.safety import safe

if TYPE_CHECKING:
    from plan272.engine import Report
    from plan272.findings import Finding
    from plan272.messages import Lang

_SEVERITY = {
    "en": {"error": "error", "warning": "warning", "info": "info"},
    "vi": {"error": "lỗi", "warning": "cảnh báo", "info": "thông tin"},
}
_FOUND = {"en": "found", "vi": "giá trị ghi"}


def severity_word(severity: str, lang: Lang = "en") -> str:
    """``error`` / ``lỗi``, ``warning`` / ``cảnh báo``, ``info`` / ``thông tin``."""
    return _SEVERITY[lang][severity]


def found_text(finding: Finding, lang: Lang = "en") -> str | None:
    """`` (found 'value')`` for a finding that quotes the value it found, else ``None``."""
    value = finding.extra.get("value")
    return None if value is None else f" ({_FOUND[lang]} {value!r})"


def finding_line(finding: Finding, lang: Lang = "en", *, field: bool = True, escaped: bool = False) -> str:
    """``[field] message (found 'value')``: what a finding says, on one line. ``escaped`` makes every
    character from the data visible (:func:`plan272.safety.safe`)."""
    text = finding.text(lang)
    if field and finding.location.field:
        text = f"[{finding.location.field}] {text}"
    found = found_text(finding, lang)
    if found:
        text += found
    return safe(text) if escaped else text


def plural_s(count: int) -> str:
    """The English plural ending; Vietnamese nouns have none (its templates leave it out)."""
    return "" if count == 1 else "s"


def counts_text(counts: dict[str, int], lang: Lang = "en") -> str:
    """``5 error, 2 warning, 2 info`` / ``5 lỗi, 2 cảnh báo, 2 thông tin``."""
    return ", ".join(f"{n} {severity_word(sev, lang)}" for sev, n in counts.items())


def outcome(report: Report, lang: Lang = "en") -> tuple[str, str]:
    """The last line of a report, as (lead, rest): ``9 findings: `` and ``5 error, … (16 rules
    checked)`` — or ``No findings.`` and the rest."""
    from plan272.messages import Amount, Message

    counts = report.counts()
    total = sum(counts.values())
    if total == 0:
        lead = Message("report.no-findings").render(lang)
    else:
        lead = Message("report.findings", count=Amount(total), s=plural_s(total), counts="").render(lang)
    rest = counts_text(counts, lang) if total else ""
    rules = len(report.rules)
    if rules == 0:
        rest += Message("report.no-rules").render(lang)
    else:
        rest += Message("report.rules-checked", count=rules, s=plural_s(rules)).render(lang)
    if report.suppressed:
        rest += Message("report.suppressed", count=report.suppressed).render(lang)
    return lead, rest + ")"
