"""``plan272 rules [CODE]``: the catalogue, or one rule's explanation."""

from __future__ import annotations

from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command("rules")
    def rules(
        code: Annotated[str | None, typer.Argument(help="A rule code, e.g. SEC001.")] = None,
    ) -> None:
        """List the rule catalogue, or explain one rule."""
        from rich.table import Table
        from rich.text import Text

        from plan272.cli import UserError
        from plan272.rules import catalogue, get_rule
        from plan272.views.console import show

        if code is not None:
            rule = get_rule(code)
            if rule is None:
                raise UserError(f"no rule {code!r}; `plan272 rules` lists them")
            show(Text(rule.explanation()))
            return
        table = Table(show_edge=False, box=None, pad_edge=False)
        table.add_column("code", no_wrap=True, style="bold")
        table.add_column("name", no_wrap=True)
        table.add_column("severity", no_wrap=True)
        table.add_column("checks")
        for rule in catalogue():
            table.add_row(rule.code, rule.name, rule.severity.value, rule.summary)
        show(table)
