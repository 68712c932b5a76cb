"""``make bench``: how long plan272 takes, and how much memory, on plans of growing size.

For each size N (default 1,000, 10,000 and 100,000 projects; ``BENCH_SIZES="1000 200000"`` to choose)
a plan is generated, deterministically, from the shipped one: Plan 272's plan.yaml and Phụ lục II, and
a Phụ lục I of N projects made by repeating its 42 projects under new ids in their groups. A revision
of it changes 1% of the rows (an amount moved between years) and inserts 5 projects. Then, each in a
process of its own, as a user runs them:

- ``plan272 validate`` (text to /dev/null),
- ``plan272 validate --format json``,
- ``plan272 diff`` of the plan and its revision,
- ``plan272 summary`` (terminal text to /dev/null, 100 columns),
- and, when it is installed (``pip install frictionless`` into plan272's environment),
  ``frictionless validate`` of the same appendix1.csv with a Table Schema (typed integer amounts,
  the id as primary key) and the row-sum check (TMĐT equal to the five years): the peer a data
  team would reach for.

The shipped plan itself comes first (size 42: start-up dominates). Each run is repeated
(``BENCH_REPEAT``, default 7 on the shipped plan, else 3), the runs of a size taking turns, and the
fastest of its repeats printed, as ``timeit`` advises: on a shared machine a run is slowed by what
else runs (by a fifth and more here), never sped up, so the fastest is the one least disturbed — for
plan272 and frictionless alike; with frictionless, the ratio of each plan272 run to it.

plan272's modules are byte-compiled first, as ``pip install`` compiles an installed package's (an
editable install leaves that to the first run, which an environment with ``PYTHONDONTWRITEBYTECODE``
never does: every start would then compile plan272 from source, which frictionless, installed
normally, does not).

Last, how validate's time grows: for each two sizes one after the other, the two validates taking
turns (each the fastest of its repeats), their ratio beside the ratio of rows — measured under the same
load of the machine, which the table's rows of two sizes, minutes apart, are not.

It prints, per run: wall time, rows per second, peak memory (the process's maximum resident set) and
memory per row. Nothing here is a test: the suite asserts nothing about time, and figures differ from
machine to machine — compare runs on one machine.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
#: plan272 as a user runs it: its command beside this interpreter (as frictionless's is run), else
#: through the interpreter
_SCRIPT = Path(sys.executable).parent / "plan272"
PLAN272 = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "plan272"]


def generate(directory: Path, size: int, *, revised: bool = False) -> None:
    """A plan of ``size`` projects in ``directory`` (its revision when ``revised``)."""
    directory.mkdir(parents=True)
    for name in ("plan.yaml", "appendix2.csv"):
        shutil.copy(DATA / name, directory / name)
    with (DATA / "appendix1.csv").open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    col = {name: i for i, name in enumerate(header)}
    out: list[list[str]] = [header]
    count: dict[str, int] = {}
    for n in range(size):
        row = list(rows[n % len(rows)])
        group = row[col["section"]]
        count[group] = count.get(group, 0) + 1
        tt = count[group]
        row[col["id"]], row[col["tt"]] = f"{group}.{tt}", str(tt)
        row[col["name"]] = f"{row[col['name']]} ({n // len(rows) + 1})"
        if revised and n % 100 == 7:  # 1% of the rows: 100 million moved from 2021 to 2022
            y1, y2 = col["y2021"], col["y2022"]
            moved = min(100, int(row[y1]))
            row[y1], row[y2] = str(int(row[y1]) - moved), str(int(row[y2]) + moved)
        out.append(row)
        if revised and n in (size // 6, size // 3, size // 2, 2 * size // 3, 5 * size // 6):
            extra = list(row)
            extra[col["id"]] = f"{group}.new{n}"
            extra[col["name"]] = f"Dự án bổ sung {n}"
            out.append(extra)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(out)
    (directory / "appendix1.csv").write_text(buffer.getvalue(), encoding="utf-8")


def measure(args: list[str], cwd: Path) -> tuple[float, int, int]:
    """Run ``args``; return (seconds, peak resident memory in bytes, exit code)."""
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
    start = time.perf_counter()
    with open(os.devnull, "w") as sink, tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(args, cwd=cwd, stdout=sink, stderr=errors, env=env)
        _, status, usage = os.wait4(process.pid, 0)  # this process's own peak memory
        elapsed = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            errors.seek(0)
            said = errors.read().decode(errors="replace").strip()[:200]
            print(f"  ! {' '.join(args[2:])} exited {code}: {said}", file=sys.stderr)
    return elapsed, usage.ru_maxrss * 1024, code


#: frictionless's Table Schema for appendix1.csv, and its check that a row adds up
SCHEMA = {
    "fields": [
        {"name": "id", "type": "string", "constraints": {"required": True}},
        {"name": "section", "type": "string"},
        {"name": "tt", "type": "integer"},
        {"name": "name", "type": "string"},
        {"name": "investor", "type": "string"},
        *({"name": n, "type": "integer"} for n in ("tmdt", "y2021", "y2022", "y2023", "y2024", "y2025")),
        {"name": "attt", "type": "string"},
        {"name": "source_line", "type": "integer"},
    ],
    "primaryKey": ["id"],
}
CHECKLIST = {
    "checks": [{"type": "row-constraint", "formula": "tmdt == y2021 + y2022 + y2023 + y2024 + y2025"}]
}


#: frictionless's options: the schema and the check above, written beside the file
PEER_OPTIONS = ("--schema", "schema.json", "--checklist", "checklist.json")


def find_frictionless() -> str | None:
    """frictionless's command, beside this interpreter (plan272's environment) or on PATH."""
    beside = Path(sys.executable).parent / "frictionless"
    return str(beside) if beside.exists() else shutil.which("frictionless")


def compile_plan272() -> None:
    """Byte-compile plan272's modules where Python looks for them, as ``pip install`` does."""
    found = subprocess.run(
        [sys.executable, "-c", "import plan272, os; print(os.path.dirname(plan272.__file__))"],
        check=True,
        capture_output=True,
        text=True,
    )
    package = found.stdout.strip()
    subprocess.run([sys.executable, "-m", "compileall", "-q", package], check=True, stdout=subprocess.DEVNULL)


def limits(size: int) -> list[str]:
    """The options that let a plan of ``size`` projects be read whole."""
    return ["--max-file-size", "4G", "--max-rows", str(max(2 * size, 400_000))]


def growth(sizes: list[int], tmp: Path) -> None:
    """How validate's time grows with the rows: for each two sizes one after the other, the two
    validates taking turns (the fastest of each), so that both are timed under the same load of the
    machine — times from the table above, taken minutes apart, differ by what else ran meanwhile."""
    if len(sizes) < 2:
        return
    repeat = int(os.environ.get("BENCH_REPEAT", "3"))
    print(f"validate as the rows grow (each pair of sizes taking turns, fastest of {repeat}):")
    for small, large in itertools.pairwise(sizes):
        runs = [[*PLAN272, "validate", str(tmp / f"p{n}"), *limits(n)] for n in (small, large)]
        rounds = [[measure(args, tmp)[0] for args in runs] for _ in range(repeat)]
        first, second = (min(done[k] for done in rounds) for k in (0, 1))
        print(
            f"  {small:>9,} → {large:>9,} projects (×{large / small:g} rows): "
            f"{first:.2f}s → {second:.2f}s, ×{second / first:.2f} the time",
            flush=True,
        )


def main() -> None:
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "1000 10000 100000").split()]
    frictionless = find_frictionless()
    compile_plan272()
    print(f"plan272 benchmark — Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    heads = ("projects", "run", "time", "rows/s", "peak MiB", "KB/row", "+KB/row")
    header = "{:>9}  {:<22} {:>8} {:>10} {:>9} {:>7} {:>8}".format(*heads)
    print(header + (f" {'× frictionless':>15}" if frictionless else ""))
    floor: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in [0, *sizes]:  # 0: the shipped plan
            base, rev = Path(tmp) / f"p{size}", Path(tmp) / f"r{size}"
            if size:
                # in a process of its own: a child's peak memory starts at its parent's resident
                # memory when it is forked, which generating a large plan here would have raised
                for target, more in ((base, []), (rev, ["revised"])):
                    command = [sys.executable, __file__, "generate", str(target), str(size), *more]
                    subprocess.run(command, check=True)
            else:
                shutil.copytree(DATA, base)
                shutil.copytree(DATA, rev)
            (base / "schema.json").write_text(json.dumps(SCHEMA), encoding="utf-8")
            (base / "checklist.json").write_text(json.dumps(CHECKLIST), encoding="utf-8")
            rows = size or 42
            bounds = limits(size)
            runs: list[tuple[str, list[str]]] = []
            if frictionless:  # first: the others' ratios are to it
                runs.append(
                    (
                        "frictionless validate",
                        [frictionless, "validate", "appendix1.csv", *PEER_OPTIONS],
                    )
                )
            runs += [
                ("validate", [*PLAN272, "validate", str(base), *bounds]),
                ("validate --format json", [*PLAN272, "validate", str(base), "-f", "json", *bounds]),
                ("diff", [*PLAN272, "diff", str(base), str(rev), *bounds]),
                ("summary", [*PLAN272, "summary", str(base), *bounds]),
            ]
            repeat = int(os.environ.get("BENCH_REPEAT", "3" if size else "7"))
            # the runs take turns: each round runs every one of them once
            rounds = [[measure(args, base) for _, args in runs] for _ in range(repeat)]
            # memory a row adds: the peak above the same run's on the shipped plan (the interpreter,
            # the libraries and plan.yaml), per row beyond its 42
            peer: float | None = None
            for index, (label, _) in enumerate(runs):
                measured = [done[index] for done in rounds]
                seconds = min(m[0] for m in measured)
                peak = max(m[1] for m in measured)
                ratio = ""
                if not size:
                    floor[label] = peak
                added = (peak - floor.get(label, peak)) / max(rows - 42, 1) / 1024 if size else 0.0
                if label.startswith("frictionless"):
                    peer = seconds
                elif peer:
                    ratio = f" {seconds / peer:>14.2f}×"
                shown = f"{size:>9,}" if size else f"{'Plan 272':>9}"
                print(
                    f"{shown}  {label:<22} {seconds:>7.2f}s {rows / seconds:>10,.0f} "
                    f"{peak / 2**20:>9.0f} {peak / rows / 1024:>7.1f} {added:>8.2f}{ratio}",
                    flush=True,
                )
        growth(sorted(set(sizes)), Path(tmp))
    if not frictionless:
        print("(frictionless is not installed: `pip install frictionless` to run it beside plan272)")


if __name__ == "__main__":
    if sys.argv[1:2] == ["generate"]:  # generate DIRECTORY SIZE [revised]
        generate(Path(sys.argv[2]), int(sys.argv[3]), revised=sys.argv[4:5] == ["revised"])
    else:
        main()
