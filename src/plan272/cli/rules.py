"""``plan272 rules [CODE]``: the catalogue, or one rule's explanation."""

from __future__ import annotations

from typing import Annotated

import typer

from plan272.cli.options import ColorOption, LangOption, language


def register(app: typer.Typer) -> None:
    @app.command("rules")
    def rules(
        code: Annotated[str | None, typer.Argument(help="A rule code, e.g. SEC001.")] = None,
        lang: LangOption = None,
        color: ColorOption = None,
    ) -> None:
        """List the rule catalogue, or explain one rule."""
        from rich.table import Table
        from rich.text import Text

        from plan272.cli import UserError
        from plan272.messages import Message
        from plan272.rules import catalogue, get_rule
        from plan272.views.console import show
        from plan272.views.lines import severity_word

        words = language(lang)
        if code is not None:
            rule = get_rule(code)
            if rule is None:
                raise UserError(Message("error.rules.unknown", code=repr(code)))
            show(Text(rule.explanation(lang=words)))
            return
        vi = words == "vi"
        table = Table(show_edge=False, box=None, pad_edge=False)
        table.add_column("mã" if vi else "code", no_wrap=True, style="bold")
        table.add_column("tên" if vi else "name", no_wrap=True)
        table.add_column("mức độ" if vi else "severity", no_wrap=True)
        table.add_column("kiểm tra" if vi else "checks")
        for rule in catalogue():
            table.add_row(
                rule.code, rule.name, severity_word(rule.severity.value, words), rule.summary_in(words)
            )
        show(table)
