"""The one place where a finding becomes text: its line (``[field] message (found 'value')``), the
words for its severity, and the count line of a report — in English or in Vietnamese. Every view
(the report's formats, diff, the summary) writes findings through these."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plan272.safety import safe

if TYPE_CHECKING:
    from plan272.engine import Compared, Report
    from plan272.findings import Figures, Finding
    from plan272.messages import Arg, Lang

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


def _share(text: str) -> Arg:
    """A share as a finding states it (``7.38%``, machine text): in the reader's notation when it
    reads as a percentage, else as it is (made safe)."""
    from decimal import Decimal, InvalidOperation

    from plan272.messages import Pct

    if text == "n/a":
        return Pct(None)
    number = text[:-1] if text.endswith("%") else ""
    try:
        value = Decimal(number)
    except InvalidOperation:
        return safe(text)
    exponent = value.as_tuple().exponent
    if not value.is_finite() or not isinstance(exponent, int) or not -9 <= exponent <= 0:
        return safe(text)
    return Pct(value, -exponent)


def figures_text(figures: Figures, share: str | None, lang: Lang = "en", *, severity: bool = False) -> str:
    """What a finding weighed: ``expected 31,182, found 23,000: 8,182 too little, share 7.38%``,
    led by its severity when ``severity`` (``warning, expected …``)."""
    from plan272.messages import Amount, Each, Message, Off, Words

    parts: list[Arg] = []
    if severity or (figures.expected is None and figures.observed is None):
        word = figures.severity.value
        parts.append(Words(severity_word(word, "en"), severity_word(word, "vi")))
    if figures.expected is not None and figures.observed is not None:
        expected, observed = figures.expected, figures.observed
        key = "expected-found" if expected != observed else "expected-found.equal"
        off = Off(expected, observed)
        parts.append(Message(key, expected=Amount(expected), observed=Amount(observed), off=off))
    elif figures.expected is not None:
        parts.append(Message("baseline.expected", expected=Amount(figures.expected)))
    elif figures.observed is not None:
        parts.append(Message("baseline.observed", observed=Amount(figures.observed)))
    if share is not None:
        parts.append(Message("baseline.share", share=_share(share)))
    return Each(tuple(parts)).render(lang)


def baseline_note(compared: Compared, lang: Lang = "en") -> str:
    """``worse than the baseline (recorded: …; now: …)`` / ``improved on the baseline (…); keep the
    gain with --write-baseline``: a finding beside what the baseline recorded of it."""
    from plan272.findings import Figures
    from plan272.messages import Message

    then, now = compared.recorded.figures, Figures.of(compared.finding)
    severity = then.severity != now.severity
    key = "baseline.worse" if compared.trend == "worse" else "baseline.improved"
    return Message(
        key,
        then=figures_text(then, compared.recorded.share, lang, severity=severity),
        now=figures_text(now, compared.finding.extra.get("share"), lang, severity=severity),
    ).render(lang)


def report_rows(report: Report) -> list[tuple[Finding, Compared | None]]:
    """What a report lists, in its order: each finding (with how it compares with the baseline when
    it got worse) and, merged in by location, the notices of the findings that improved on it."""
    from heapq import merge

    findings = [(f, report.compared(f)) for f in report.findings]
    if not report.improved:
        return findings
    improved = sorted(((c.finding, c) for c in report.improved), key=lambda row: row[0].sort_key())
    return list(merge(findings, improved, key=lambda row: row[0].sort_key()))


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
    if report.worse:
        rest += Message("report.worse", count=len(report.worse)).render(lang)
    if report.improved:
        rest += Message("report.improved", count=len(report.improved)).render(lang)
    return lead, rest + ")"
