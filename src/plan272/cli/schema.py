"""``plan272 schema``: the JSON Schema of plan.yaml, generated from the models."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    @app.command("schema")
    def schema() -> None:
        """Print the JSON Schema of plan.yaml (for editor validation while typing)."""
        import json

        from plan272.model import PlanFile

        document = PlanFile.model_json_schema()
        document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        document["title"] = "plan272 plan.yaml"
        typer.echo(json.dumps(document, indent=2, ensure_ascii=False))
