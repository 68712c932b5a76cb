"""A new plan's files, ready to fill in: ``skeleton(...) -> {file name: text}``.

``plan272 init`` writes them. plan.yaml comes out commented, every figure a placeholder (0) that
the checks accept, with the structure of a typical plan of this kind (a table of projects in four
groups, the last one information security; a table of recurring funding by unit) — or, with
``like``, the structure of an existing plan without its rows and figures: its appendices, groups,
columns, norm, security policy and agency registry. Each appendix file gets its header for the
declared period. Pure: no I/O.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from plan272.model import KIND_COLUMNS, Kind, Plan

#: the groups of a typical plan's table of projects (the structure the ministry's guidance uses)
DEFAULT_GROUPS = (
    ("I", "HẠ TẦNG KỸ THUẬT"),
    ("II", "ỨNG DỤNG, NỀN TẢNG"),
    ("III", "CƠ SỞ DỮ LIỆU"),
    ("IV", "AN TOÀN THÔNG TIN"),
)


@dataclass(frozen=True)
class TableSpec:
    """One appendix of the skeleton."""

    id: str
    name: str
    name_en: str
    title: str
    file: str
    kind: Kind
    row_total: str = "period"
    groups: tuple[tuple[str, str], ...] = ()
    columns: tuple[tuple[str, str], ...] = ()  # further amount columns: (id, title)
    splits: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (total, parts)
    norm: str | None = None  # the per-staff norm as written (units only)
    rounding: str = "exact"
    number_format: str | None = None  # the notation its own file declares, if any


@dataclass(frozen=True)
class Structure:
    """What a new plan starts from: its period, tables and policy."""

    start: int
    end: int
    number: str
    title: str
    tables: tuple[TableSpec, ...]
    notation: str | None = "plain"  # None: not declared (detected per column, and reported)
    security_min: str = "10"
    security_scopes: tuple[str, ...] = ("year", "period", "project")
    security_counted: tuple[
        tuple[str, tuple[str, ...], tuple[str, ...]], ...
    ] = ()  # (appendix, groups, rows)
    security_attt: bool = True
    security_denominator: tuple[str, ...] | None = None
    parts: tuple[tuple[str, str, str | None], ...] = ()  # grand-total parts: (id, label, appendix)
    agencies: tuple[dict[str, object], ...] = field(default_factory=tuple)


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def default_structure(start: int, end: int, kinds: Sequence[Kind], number: str, title: str) -> Structure:
    """The structure of a typical plan with tables of ``kinds`` (in this order)."""
    tables = []
    for index, kind in enumerate(kinds):
        roman = _ROMAN[index] if index < len(_ROMAN) else str(index + 1)
        appendix_id = f"appendix{index + 1}"
        if kind == "projects":
            title_text = f"Danh mục dự án giai đoạn {start}-{end}"
            groups: tuple[tuple[str, str], ...] = DEFAULT_GROUPS
            norm = None
        elif kind == "units":
            title_text = f"Kinh phí hoạt động thường xuyên về ứng dụng CNTT giai đoạn {start}-{end}"
            groups, norm = (("I", "CẤP TỈNH"),), "2"
        else:
            title_text = f"Kinh phí các nhiệm vụ giai đoạn {start}-{end}"
            groups, norm = (("I", "NHIỆM VỤ"),), None
        tables.append(
            TableSpec(
                appendix_id,
                f"Phụ lục {roman}",
                f"Appendix {roman}",
                title_text,
                f"{appendix_id}.csv",
                kind,
                groups=groups,
                norm=norm,
            )
        )
    counted = tuple((t.id, ("IV",), ()) for t in tables if t.kind == "projects")[:1]
    parts = tuple((t.id, t.title, t.id) for t in tables)
    return Structure(start, end, number, title, tuple(tables), security_counted=counted, parts=parts)


def structure_of(plan: Plan, start: int | None, end: int | None, number: str, title: str) -> Structure:
    """The structure of an existing plan (``plan272 init --like``), for the period ``start``–``end``
    (default: the plan's own)."""
    meta = plan.meta
    period = meta.identity.period
    new_start = start if start is not None else period.start
    new_end = end if end is not None else period.end

    def retitled(text: str) -> str:
        """A title naming the old period names the new one ("giai đoạn 2021-2025")."""
        for dash in ("-", "–", " - ", " – "):
            text = text.replace(f"{period.start}{dash}{period.end}", f"{new_start}{dash}{new_end}")
        return text

    tables = tuple(
        TableSpec(
            a.id,
            a.name,
            a.name_en or a.name,
            retitled(a.title or a.name),
            a.file,
            a.kind,
            a.row_total,
            tuple((g.id, g.title) for g in a.groups),
            tuple((c.id, c.title) for c in a.columns),
            tuple((s.total, tuple(s.parts)) for s in a.splits),
            str(a.norm.per_staff_per_year) if a.norm else None,
            a.norm.rounding if a.norm else "exact",
            a.csv.number_format if a.csv else None,
        )
        for a in meta.appendices
    )
    policy = meta.security_policy
    grand = meta.grand_total
    return Structure(
        start=new_start,
        end=new_end,
        number=number,
        title=title,
        tables=tables,
        # how the files write numbers; not their separator or encoding: init writes UTF-8 with ','
        notation=meta.notation,
        security_min=str(policy.min_share_percent) if policy else "10",
        security_scopes=tuple(policy.scopes) if policy else ("year", "period", "project"),
        security_counted=tuple((c.appendix, tuple(c.groups), tuple(c.rows)) for c in policy.counted)
        if policy
        else (),
        security_attt=policy.include_attt_amounts if policy else True,
        security_denominator=tuple(policy.denominator) if policy and policy.denominator else None,
        parts=tuple((p.id, retitled(p.label), p.appendix) for p in grand.parts) if grand else (),
        agencies=tuple(a.model_dump(exclude_defaults=True) for a in meta.agencies),
    )


def q(text: str) -> str:
    """``text`` as a YAML double-quoted scalar (JSON's escapes are YAML's): never a tag, a number,
    a comment or a new line. Characters YAML would fold or refuse (line and paragraph separators,
    NEL, other non-printable ones) are written as escapes, so the text reads back exactly."""
    quoted = json.dumps(text, ensure_ascii=False)
    return "".join(ch if ch.isprintable() or ch == " " else f"\\u{ord(ch):04x}" for ch in quoted)


def _list(items: Sequence[str]) -> str:
    return "[" + ", ".join(q(i) for i in items) + "]"


def _years(start: int, end: int) -> str:
    return "{" + ", ".join(f"{y}: 0" for y in range(start, end + 1)) + "}"


def plan_yaml(s: Structure) -> str:
    """The commented plan.yaml of ``s``."""
    years = _years(s.start, s.end)
    out = [
        "# plan.yaml — everything plan272 checks a plan against, besides the rows of its tables.",
        "# Written by `plan272 init`. Fill in each value from the published plan; amounts are whole",
        "# million VND (triệu đồng), as plain digits. Give `source` (where the text states a figure)",
        "# wherever you can: findings then cite it. `plan272 schema` prints the JSON Schema of this file.",
        "schema_version: 2",
        "",
        "identity:",
        f"  number: {q(s.number)}  # Số hiệu, e.g. 272/KH-UBND",
        f"  title: {q(s.title)}",
        "  # province: …   issuer: …   date: 2026-01-15   signer: …   signer_title: Chủ tịch",
        f"  period: {{start: {s.start}, end: {s.end}}}",
        "  amount_unit: million VND",
        "",
        "# How the CSV files write amounts: plain (20200), vi (20.200) or en (20,200). Left out, a column",
        "# written with marks is read in the one notation that reads all its cells as whole numbers, and",
        '# plan272 says so. csv: {separator: ";", encoding: windows-1258, number_format: vi} says how the',
        "# files are written if not as here (UTF-8, ','); an appendix may say it for its own file (csv:).",
        f"csv_number_format: {s.notation}" if s.notation else "# csv_number_format: vi",
        "",
        "# The plan's tables (Phụ lục). kind: projects (investor, tmdt, attt), units (staff, a norm per",
        "# staff member) or lines (plain budget lines). row_total: period when a row's total is what the",
        "# years of the period allocate; whole when it may also cover years outside the period.",
        "appendices:",
    ]
    for table in s.tables:
        out += [
            f"  - id: {table.id}",
            f"    name: {q(table.name)}",
            f"    name_en: {q(table.name_en)}",
            f"    title: {q(table.title)}",
            f"    file: {table.file}",
            f"    kind: {table.kind}",
            f"    row_total: {table.row_total}",
        ]
        if table.number_format:
            out.append(f"    csv: {{number_format: {table.number_format}}}")
        if table.columns:
            out.append("    columns:  # further amount columns (e.g. funding sources)")
            out += [f"      - {{id: {c}, title: {q(t)}}}" for c, t in table.columns]
        else:
            out.append(
                "    # columns: [{id: nstw, title: Ngân sách trung ương}, {id: nsdp, title: Ngân sách tỉnh}]"
            )
        if table.splits:
            out.append("    splits:  # columns that add up to another, row by row")
            out += [f"      - {{total: {t}, parts: [{', '.join(p)}]}}" for t, p in table.splits]
        else:
            out.append(f"    # splits: [{{total: {TOTAL_OF[table.kind]}, parts: [nstw, nsdp]}}]")
        if table.groups:
            out.append("    groups:")
            for gid, gtitle in table.groups:
                out.append(f"      - {{id: {q(gid)}, title: {q(gtitle)}}}")
        else:
            out.append("    groups: []")
        out += [
            "    declared:  # the table's total row (TỔNG CỘNG), as printed",
            "      total: 0",
            f"      years: {years}",
        ]
        if table.kind == "units":
            out += [
                "    norm:",
                f"      per_staff_per_year: {table.norm or '2'}  # million VND per staff member a year",
                f"      rounding: {table.rounding}  # staff × norm not whole: exact, nearest, down or up",
                "    marks: []  # units marked (e.g. *) to get more than the norm, with the explanation:",
                '    # - {mark: "*", units: [U1], explanation: "…as the note under the table says"}',
            ]
        out.append("")
    out += [
        "# The grand total (Kinh phí thực hiện) and its parts: each part is an appendix, or an amount the",
        "# plan states without a table (leave `appendix` out).",
        "grand_total:",
        "  amount: 0",
        '  # stated: "…tỷ đồng"   words: "…"   (as printed, to check them against the figure)',
    ]
    if s.parts:
        out.append("  parts:")
        for pid, label, appendix in s.parts:
            line = f"    - {{id: {q(pid)}, label: {q(label)}, "
            line += f"appendix: {appendix}, amount: 0}}" if appendix else "amount: 0}"
            out.append(line)
    else:
        out.append("  parts: []")
    out += [
        "",
        "# The plan's rule on information-security spending, if it has one (delete the block if not).",
        "security_policy:",
        f"  min_share_percent: {s.security_min}",
        f"  scopes: [{', '.join(s.security_scopes)}]",
    ]
    with_groups = [(a, g) for a, g, _ in s.security_counted if g]
    by_rows = [(a, r) for a, _, r in s.security_counted if r]
    if with_groups:
        out.append("  counted:  # rows that are security spending in full: groups, or rows by id")
        out += [f"    - {{appendix: {a}, groups: {_list(g)}}}" for a, g in with_groups]
    else:
        out.append("  counted: []  # rows that are security spending in full: groups, or rows by id")
    # rows are named by their ids in the copied plan: the new plan's rows have their own
    out += [f"    # - {{appendix: {a}, rows: {_list(r)}}}  # rows of the copied plan" for a, r in by_rows]
    out.append(f"  include_attt_amounts: {'true' if s.security_attt else 'false'}")
    if s.security_denominator:
        out.append(f"  denominator: [{', '.join(s.security_denominator)}]")
    else:
        ids = ", ".join(t.id for t in s.tables)
        out.append(f"  # denominator: [{ids}]  # the appendices the share is of; by default every one")
    out += [
        "",
        "# Quantified targets: a value (80), a range [20, 30] or a bound {min: 75}, by year.",
        "kpis: []",
        "# - id: online-dossiers",
        "#   label: Hồ sơ giải quyết trực tuyến",
        "#   unit: percent",
        "#   kind: percent",
        "#   direction: higher",
        "#   statements:",
        '#     - source: {where: "Phần II, mục II"}',
        f"#       targets: {{{s.end}: {{min: 75}}}}",
        "",
        "# Arithmetic claims of the narrative (a total and its parts; a percentage and its counts).",
        "claims: []",
        "",
        "# The investors and units the tables name, with every spelling the document uses.",
    ]
    if s.agencies:
        out.append("agencies:")
        for agency in s.agencies:
            fields = []
            for key in ("id", "name", "aliases", "parent"):
                value = agency.get(key)
                if isinstance(value, str):
                    fields.append(f"{key}: {q(value)}")
                elif isinstance(value, list) and value:
                    fields.append(f"{key}: {_list([str(v) for v in value])}")
            out.append("  - {" + ", ".join(fields) + "}")
    else:
        out += ["agencies: []", "# - {id: so-tttt, name: Sở Thông tin và Truyền thông, aliases: [Sở TT&TT]}"]
    return "\n".join(out) + "\n"


TOTAL_OF: dict[Kind, str] = {"projects": "tmdt", "units": "total", "lines": "total"}


def csv_header(table: TableSpec, start: int, end: int) -> str:
    """The header row of an appendix file: its columns, the years of the period, further columns."""
    required, optional = KIND_COLUMNS[table.kind]
    columns = [*required, *(f"y{y}" for y in range(start, end + 1)), *(c for c, _ in table.columns)]
    columns += [c for c in optional if c in ("attt", "note")]
    return ",".join(columns) + "\n"


def skeleton(s: Structure) -> dict[str, str]:
    """Every file of the new plan: plan.yaml and one CSV file per appendix, by file name."""
    files = {"plan.yaml": plan_yaml(s)}
    for table in s.tables:
        files[table.file] = csv_header(table, s.start, s.end)
    return files
