"""``plan272 validate``'s report, one module per ``--format``; :data:`FORMATS` is the registry."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plan272.views import Format, Formats

if TYPE_CHECKING:
    from plan272.engine import Report
    from plan272.messages import Lang

FORMATS = Formats(
    (
        Format("text", "findings grouped by file, for people", "plan272.views.report.text"),
        Format("json", "stable, versioned, exact figures", "plan272.views.report.json_"),
        Format("sarif", "SARIF 2.1.0, for code-scanning dashboards", "plan272.views.report.sarif"),
        Format("junit", "JUnit XML, for CI test reports", "plan272.views.report.junit"),
        Format("github", "GitHub Actions annotations", "plan272.views.report.github", commands=True),
        Format("gitlab", "GitLab Code Quality report (JSON)", "plan272.views.report.gitlab"),
        Format(
            "concise",
            "one line per finding: path:line:col: CODE severity: message",
            "plan272.views.report.concise",
        ),
    )
)


def render(report: Report, name: str, version: str, lang: Lang = "en", *, to_file: bool = False) -> str:
    """The report as text in the format ``name``, its words in ``lang``."""
    from importlib import import_module

    view = import_module(FORMATS.get(name).module)
    text: str = view.render(report, version, lang=lang, to_file=to_file)
    return text
