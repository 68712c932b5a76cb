"""Reading plan.yaml files of schema version 1 (Plan 272's first layout) as version 2.

Version 1 fixed the plan's shape: ``appendix1`` (projects, in ``appendix1.csv``) and ``appendix2``
(units, in ``appendix2.csv``), notes explaining the marks of units, grand-total parts naming the
appendix by number, security counted from groups of Appendix I. A plan's history in git holds
such files, and ``plan272 diff`` reads old revisions: they are upgraded in memory, value for value,
with the line of every value kept, so that findings still point into the file as written.
"""

from __future__ import annotations

from typing import Any

from plan272.provenance import YamlPath

_APPENDICES = (
    ("appendix1", "Phụ lục I", "Appendix I", "appendix1.csv", "projects"),
    ("appendix2", "Phụ lục II", "Appendix II", "appendix2.csv", "units"),
)


def is_version_1(data: dict[Any, Any]) -> bool:
    """Whether ``data`` (plan.yaml as read) is a version 1 file."""
    version = data.get("schema_version")
    if version == 1:
        return True
    return version is None and "appendices" not in data and ("appendix1" in data or "appendix2" in data)


Spelling = dict[YamlPath, YamlPath]


def upgrade(
    data: dict[Any, Any], lines: dict[YamlPath, int]
) -> tuple[dict[Any, Any], dict[YamlPath, int], Spelling]:
    """A version 1 plan.yaml as version 2, its line map with every path moved alike, and how the
    file spells each moved path (version 2 prefix -> version 1 prefix), so that problems name keys
    the file has. Values that are not where version 1 puts them are carried over as they are, for
    the model to report."""
    out: dict[Any, Any] = {}
    moves: list[tuple[YamlPath, YamlPath]] = []  # (old prefix, new prefix), most specific first
    appendices: list[Any] = []
    for key, value in data.items():
        if key == "schema_version":
            out[key] = 2
        elif key in ("appendix1", "appendix2"):
            continue
        elif key == "grand_total" and isinstance(value, dict):
            out[key] = _grand_total(value)
        elif key == "security_policy" and isinstance(value, dict):
            out[key] = _security(value, moves)
        else:
            out[key] = value
    for appendix_id, name, name_en, file, kind in _APPENDICES:
        if appendix_id not in data:
            continue
        index = len(appendices)
        value = data[appendix_id]
        if isinstance(value, dict):
            item: dict[Any, Any] = {
                "id": appendix_id,
                "name": name,
                "name_en": name_en,
                "file": file,
                "kind": kind,
            }
            for key, inner in value.items():
                if key == "notes":
                    item["marks"] = [_mark(note) for note in inner] if isinstance(inner, list) else inner
                    for n, _ in enumerate(inner if isinstance(inner, list) else []):
                        base = (appendix_id, "notes", n)
                        moves.append(((*base, "unit"), ("appendices", index, "marks", n, "units", 0)))
                        moves.append(((*base, "summary"), ("appendices", index, "marks", n, "explanation")))
                    moves.append(((appendix_id, "notes"), ("appendices", index, "marks")))
                else:
                    item[key] = inner
            appendices.append(item)
        else:
            appendices.append(value)
        moves.append(((appendix_id,), ("appendices", index)))
    out["appendices"] = appendices
    if "schema_version" not in out:
        out = {"schema_version": 2, **out}
    spelling = {new: old for old, new in moves}
    return out, _moved(lines, moves), spelling


def spell(path: YamlPath, spelling: Spelling) -> str:
    """``path`` (version 2) as the file spells it: the longest moved prefix in its old name."""
    for cut in range(len(path), 0, -1):
        if path[:cut] in spelling:
            path = (*spelling[path[:cut]], *path[cut:])
            break
    return ".".join(str(p) for p in path)


def _mark(note: Any) -> Any:
    if not isinstance(note, dict):
        return note
    out: dict[Any, Any] = {}
    for key, value in note.items():
        if key == "unit":
            out["units"] = value if isinstance(value, list) else [value]
        elif key == "summary":
            out["explanation"] = value
        else:
            out[key] = value
    return out


def _grand_total(value: dict[Any, Any]) -> dict[Any, Any]:
    out = dict(value)
    parts = value.get("parts")
    if isinstance(parts, list):
        out["parts"] = [
            {**part, "appendix": f"appendix{part['appendix']}"}
            if isinstance(part, dict) and isinstance(part.get("appendix"), int)
            else part
            for part in parts
        ]
    return out


def _security(value: dict[Any, Any], moves: list[tuple[YamlPath, YamlPath]]) -> dict[Any, Any]:
    out: dict[Any, Any] = {}
    counted: dict[Any, Any] = {"appendix": "appendix1"}
    for key, inner in value.items():
        if key == "counted_groups":
            counted["groups"] = inner
            moves.append((("security_policy", key), ("security_policy", "counted", 0, "groups")))
        elif key == "counted_projects":
            counted["rows"] = inner
            moves.append((("security_policy", key), ("security_policy", "counted", 0, "rows")))
        else:
            out[key] = inner
    if len(counted) > 1:
        out["counted"] = [counted]
    return out


def _moved(lines: dict[YamlPath, int], moves: list[tuple[YamlPath, YamlPath]]) -> dict[YamlPath, int]:
    out: dict[YamlPath, int] = {}
    for path, line in lines.items():
        for old, new in moves:
            if path[: len(old)] == old:
                path = (*new, *path[len(old) :])
                break
        out.setdefault(path, line)
    # a moved list item gains parents the old file did not have: give them the item's line
    for path, line in list(out.items()):
        for cut in range(1, len(path)):
            out.setdefault(path[:cut], line)
    return out
