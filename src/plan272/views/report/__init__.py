"""``plan272 validate``'s report, one module per ``--format``; :data:`FORMATS` is the registry."""

from __future__ import annotations

from contextvars import ContextVar
from typing import TYPE_CHECKING

from plan272.views import Format, Formats

if TYPE_CHECKING:
    from pathlib import Path

    from plan272.engine import Report
    from plan272.findings import Severity
    from plan272.messages import Lang

FORMATS = Formats(
    (
        Format("text", "findings grouped by file, for people", "plan272.views.report.text"),
        Format("json", "stable, versioned, exact figures", "plan272.views.report.json_", machine=True),
        Format(
            "sarif", "SARIF 2.1.0, for code-scanning dashboards", "plan272.views.report.sarif", machine=True
        ),
        Format("junit", "JUnit XML, for CI test reports", "plan272.views.report.junit", machine=True),
        Format(
            "github", "GitHub Actions annotations", "plan272.views.report.github", commands=True, machine=True
        ),
        Format("gitlab", "GitLab Code Quality report (JSON)", "plan272.views.report.gitlab", machine=True),
        Format(
            "concise",
            "one line per finding: path:line:col: CODE severity: message",
            "plan272.views.report.concise",
            machine=True,
        ),
    )
)


_QUIET: ContextVar[bool] = ContextVar("plan272_quiet", default=False)


def quiet() -> bool:
    """``--quiet``: the findings only, without the lines around them (counts, notes on the baseline)."""
    return _QUIET.get()


def render(
    report: Report,
    name: str,
    version: str,
    lang: Lang = "en",
    *,
    to_file: bool = False,
    fail_on: Severity | None = None,
    root: Path | None = None,
    quiet: bool = False,
) -> str:
    """The report as text in the format ``name``, its words in ``lang``. ``fail_on`` is the lowest
    severity that fails the run (error by default; formats that mark failures follow it), ``root``
    the directory machine formats name files from (:mod:`plan272.views.places`); ``quiet``: the
    findings only (text and concise leave out their closing lines)."""
    from importlib import import_module

    from plan272.findings import Severity
    from plan272.views.places import rooted

    chosen = FORMATS.get(name)
    view = import_module(chosen.module)
    token = _QUIET.set(quiet)
    try:
        with rooted(root if chosen.machine else None):
            text: str = view.render(
                report, version, lang=lang, to_file=to_file, fail_on=fail_on or Severity.ERROR
            )
    finally:
        _QUIET.reset(token)
    return text
