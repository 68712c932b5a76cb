"""diff shows changed stated figures (claims of the narrative) and the findings they change."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from plans import DATA, ROOT


def diff(old: Path, new: Path, fmt: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "plan272", "diff", str(old), str(new), "--format", fmt],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"COLUMNS": "100", "PATH": "/usr/bin:/bin"},
        timeout=60,
    )


def test_a_corrected_claim_shows_as_a_changed_figure_and_a_resolved_finding(tmp_path: Path) -> None:
    new = tmp_path / "new"
    shutil.copytree(DATA, new)
    plan = new / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    assert 'total: {printed: "60", label: văn bản}' in text
    plan.write_text(
        text.replace('total: {printed: "60", label: văn bản}', 'total: {printed: "70", label: văn bản}')
    )

    data = json.loads(diff(DATA, new, "json").stdout)
    assert data["claims"] == {
        "added": [],
        "removed": [],
        "changed": [
            {"claim": "documents-2016-2020", "field": "total", "old": "60", "new": "70", "delta": None}
        ],
    }
    assert [(f["code"], f["ids"]) for f in data["findings"]["resolved"]] == [
        ("TXT001", ["documents-2016-2020"])
    ]
    assert data["findings"]["introduced"] == [] and data["plan"] == []

    text_out = diff(DATA, new, "text").stdout
    assert "Stated figures: 1 changed" in text_out
    assert "~ documents-2016-2020 total: 60 → 70" in text_out
    markdown = diff(DATA, new, "markdown").stdout
    assert "#### Stated figures (claims of the narrative)" in markdown
    assert "- **documents-2016-2020** total: 60 → **70**" in markdown
