"""``plan272 diff``'s report, one module per ``--format``; :data:`FORMATS` is the registry."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plan272.views import Format, Formats

if TYPE_CHECKING:
    from plan272.diff import PlanDiff
    from plan272.messages import Lang

FORMATS = Formats(
    (
        Format("text", "the revision on one screen", "plan272.views.diff.text"),
        Format("markdown", "a compact pull-request comment", "plan272.views.diff.markdown"),
        Format("json", "stable, versioned, exact figures", "plan272.views.diff.json_"),
    )
)


def render(
    diff: PlanDiff,
    name: str,
    labels: tuple[str, str],
    version: str,
    lang: Lang = "en",
    *,
    to_file: bool = False,
) -> str:
    """The diff as text in the format ``name``, its words in ``lang``."""
    from importlib import import_module

    view = import_module(FORMATS.get(name).module)
    text: str = view.render(diff, labels, version, lang=lang, to_file=to_file)
    return text
