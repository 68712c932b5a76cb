"""The rule catalogue: one module per rule family, registered explicitly in :data:`CATALOGUE`.

A rule reads the typed :class:`~plan272.model.Plan` (and, to locate plan.yaml values, its
:class:`~plan272.provenance.Provenance`) and returns findings; it never parses files or prints.
Explanations are general: they may cite Plan 272 as an example, and every plan-specific figure
comes from plan.yaml at run time. A rule's explanation (what it checks, why, where the document
says so, how to fix a finding) lives next to its code as :class:`Rule` fields, and
``plan272 rules CODE`` prints it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from plan272.findings import Finding, Severity
from plan272.messages import Each, Lang, Message, Words
from plan272.model import Plan
from plan272.provenance import Provenance

Check = Callable[[Plan, Provenance], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    summary: str
    severity: Severity
    what: str
    why: str
    source: str
    fix: str
    check: Check | None = None  # None: reported by the loader, not by a check over the plan

    def summary_in(self, lang: Lang = "en") -> str:
        """The one-line summary in ``lang``."""
        if lang == "vi":
            from plan272.rules._vi import TEXTS

            return TEXTS[self.code].summary
        return self.summary

    def sections(self, lang: Lang = "en") -> tuple[tuple[str, str], ...]:
        if lang == "vi":
            from plan272.rules._vi import SECTIONS, TEXTS

            text = TEXTS[self.code]
            return tuple(zip(SECTIONS, (text.what, text.why, text.source, text.fix), strict=True))
        return (
            ("What it checks", self.what),
            ("Why it matters", self.why),
            ("Where the plan says so", self.source),
            ("How to fix a finding", self.fix),
        )

    def explanation(self, width: int = 96, lang: Lang = "en") -> str:
        """The rule's explanation as plain text in ``lang``, wrapped at ``width`` columns."""
        import textwrap

        from plan272.views.lines import severity_word

        default = "mức độ mặc định" if lang == "vi" else "default severity"
        out = [
            f"{self.code} ({self.name}) — {default}: {severity_word(self.severity.value, lang)}",
            "",
            self.summary_in(lang),
        ]
        for title, body in self.sections(lang):
            out += [
                "",
                title,
                textwrap.fill(
                    body, width, initial_indent="  ", subsequent_indent="  ", break_on_hyphens=False
                ),
            ]
        return "\n".join(out) + "\n"


def appendix_name(plan: Plan, appendix_id: str) -> Words:
    """An appendix's short name in each language (``Appendix I`` / ``Phụ lục I``) as plan.yaml gives
    it; its id when the plan has no such appendix."""
    appendix = plan.appendix(appendix_id)
    if appendix is None:
        return Words(appendix_id, appendix_id)
    return Words(appendix.label("en"), appendix.label("vi"))


def appendix_names(plan: Plan, ids: Iterable[str], join: Literal["list", "plus", "and"] = "and") -> Each:
    """``Appendix I and Appendix II``: the names of appendices, listed."""
    return Each(tuple(appendix_name(plan, i) for i in ids), join)


def not_checked(
    plan: Plan, where: Provenance, code: str, needs: Iterable[str], what: Message | None = None
) -> Finding | None:
    """An ``info`` finding saying that rule ``code`` could not check ``what`` because an appendix it
    needs was not read completely (its load problems are reported as DAT001) — or ``None``."""
    from plan272.problems import Location

    missing = [n for n in dict.fromkeys(needs) if n in plan.incomplete]
    if not missing:
        return None
    return Finding(
        code,
        Severity.INFO,
        Message(
            "not-checked",
            what=Message("not-checked.what", what=what) if what else "",
            appendices=appendix_names(plan, missing),
        ),
        Location(where.file(missing[0])),
        ids=("not-checked", *missing),
        detail=what.render("en") if what else None,
    )


def catalogue() -> tuple[Rule, ...]:
    """Every rule, in code order: one module per rule, listed here explicitly."""
    from plan272.rules import (
        dat001,
        dat002,
        dat003,
        kpi001,
        kpi002,
        kpi003,
        kpi004,
        nrm001,
        sec001,
        sec002,
        sec003,
        sum001,
        sum002,
        sum003,
        sum004,
        sum005,
        txt001,
    )

    modules = (dat001, dat002, dat003, sum001, sum002, sum003, sum004, sum005, sec001, sec002, sec003, kpi001,
               kpi002, kpi003, kpi004, nrm001, txt001)  # fmt: skip
    return tuple(sorted((m.RULE for m in modules), key=lambda r: r.code))


def get_rule(code: str) -> Rule | None:
    """A rule of the catalogue by code, or INT001 (internal error), or ``None``."""
    from plan272.rules import int001

    code = code.strip().upper()
    return next((r for r in (*catalogue(), int001.RULE) if r.code == code), None)
