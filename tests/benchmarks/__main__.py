"""`uv run python -m tests.benchmarks [--sizes 10000,100000,1000000] [--json FILE]`."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.benchmarks import dataset, startup
from tests.benchmarks.report import (
    Row,
    is_pg,
    pg_table_lines,
    table_lines,
    write_json,
    write_results,
)
from tests.benchmarks.targets import apply_targets
from tests.benchmarks.worker import RESULT_PREFIX

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
GROUPS = ("table", "search", "rss_ours", "rss_baseline", "import", "calls", "stats", "storage")
#: PostgreSQL beside SQLite (`pg_bench.py`): only run with a server (`--pg-url`).
PG_GROUP = "postgres"
PG_URL_ENV = "PROSPECTION_BENCH_PG_URL"
GROUP_TIMEOUT_S = 1200


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks", description=__doc__)
    parser.add_argument("--sizes", default="10000,100000,1000000", help="prospects per data set")
    parser.add_argument("--json", type=Path, help="also write the rows to this JSON file")
    parser.add_argument(
        "--results",
        type=Path,
        default=HERE / "RESULTS.md",
        help="where to write RESULTS.md (default: next to this script)",
    )
    parser.add_argument("--no-results", action="store_true", help="do not write RESULTS.md")
    parser.add_argument(
        "--analysis-only",
        action="store_true",
        help="only replace the analysis at the end of RESULTS.md with ANALYSIS.md",
    )
    parser.add_argument(
        "--cache-dir",
        type=Path,
        default=Path(
            os.environ.get("PROSPECTION_BENCH_CACHE")
            or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
            / "prospection-bench"
        ),
        help="where data sets are built and kept between runs",
    )
    parser.add_argument("--rebuild", action="store_true", help="rebuild cached data sets")
    parser.add_argument(
        "--fts-fill",
        choices=("rebuild", "triggers"),
        default="rebuild",
        help="fill the full-text index in one pass (default) or through the triggers",
    )
    parser.add_argument(
        "--groups", default=",".join(("startup", *GROUPS, PG_GROUP)), help="subset to run"
    )
    parser.add_argument(
        "--pg-url",
        default=os.environ.get(PG_URL_ENV, "").strip() or None,
        help="a PostgreSQL database (postgresql+psycopg://user@host/db) where each data set "
        "is copied into a schema of its own (bench_<size>_g<version>, kept between runs), "
        "for the PostgreSQL column (default: $" + PG_URL_ENV + "; without it the column is "
        'skipped). With the test server: --pg-url "$PROSPECTION_TEST_PG_URL"',
    )
    parser.add_argument("--startup-runs", type=int, default=5)
    return parser.parse_args(argv)


def _run_group(
    group: str, data: dataset.DataSet, work: Path, extra: tuple[str, ...] = ()
) -> list[Row]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    command = [
        sys.executable,
        "-m",
        "tests.benchmarks.worker",
        group,
        str(data.size),
        str(data.path),
        str(work),
        *extra,
    ]
    try:
        done = subprocess.run(
            command,
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=GROUP_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return [Row(measure=f"({group})", size=data.size, note="timed out")]
    for line in done.stdout.splitlines():
        if line.startswith(RESULT_PREFIX):
            return [Row.from_json(item) for item in json.loads(line[len(RESULT_PREFIX) :])]
    tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
    sys.stderr.write(done.stderr)
    return [Row(measure=f"({group})", size=data.size, note=f"failed: {tail[0][:200]}")]


def _merge_rss(rows: list[Row]) -> list[Row]:
    merged: list[Row] = []
    for row in rows:
        if row.measure == "peak RSS, table open" and merged:
            previous = next(
                (r for r in merged if r.measure == row.measure and r.size == row.size), None
            )
            if previous is not None:
                previous.rss_mb = previous.rss_mb if previous.rss_mb is not None else row.rss_mb
                previous.baseline_rss_mb = (
                    previous.baseline_rss_mb
                    if previous.baseline_rss_mb is not None
                    else row.baseline_rss_mb
                )
                previous.baseline_name = "QSqlTableModel, all rows"
                if row.rss_mb is not None:
                    previous.note = ""
                continue
        merged.append(row)
    return merged


def _replace_analysis(results: Path) -> None:
    """Keep the measured part of RESULTS.md and put the current ANALYSIS.md after it."""
    text = results.read_text()
    marker = "\n## Analysis"
    measured = text.split(marker, 1)[0].rstrip()
    analysis = (HERE / "ANALYSIS.md").read_text().strip()
    results.write_text(measured + "\n\n" + analysis + "\n")


def _run_postgres(
    url: str, data: dataset.DataSet, work: Path, rebuild: bool, context: list[str]
) -> list[Row]:
    """Copy the set into PostgreSQL (or reuse the copy), then time both side by side."""
    from sqlalchemy.engine import make_url

    from tests.benchmarks import pg_dataset

    print(f"   {PG_GROUP} ...", flush=True)
    try:
        copy = pg_dataset.build(url, data, reuse=not rebuild)
    except Exception as error:  # a server that cannot be used: said, the rest goes on
        first = str(error).strip().splitlines()[:1] or [type(error).__name__]
        return [Row(measure=f"({PG_GROUP})", size=data.size, note=f"failed: {first[0][:200]}")]
    server = make_url(url).render_as_string(hide_password=True)
    context.append(
        f"- {data.size:,} prospects: copied into {server}, schema {copy.schema}, in "
        f"{copy.copy_s:.1f} s{'; reused' if copy.reused else ''}"
    )
    return _run_group(PG_GROUP, data, work, (copy.url,))


def main(argv: list[str] | None = None) -> int:
    """Build the data sets, run every measure, print and save the results."""
    args = _arguments(argv)
    if args.analysis_only:
        _replace_analysis(args.results)
        return 0
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sizes = [int(part.replace("_", "")) for part in args.sizes.split(",") if part.strip()]
    groups = [g for g in args.groups.split(",") if g]
    args.cache_dir.mkdir(parents=True, exist_ok=True)
    work = args.cache_dir / "work"
    work.mkdir(exist_ok=True)
    # Qt settings and app folders of every child go to a sandbox, never the user's own.
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        os.environ[variable] = str(work / variable.lower())
    rows: list[Row] = []
    context: list[str] = []
    pg_context: list[str] = []
    if PG_GROUP in groups and not args.pg_url:
        skipped = (
            "PostgreSQL column skipped: no server given (--pg-url URL or $" + PG_URL_ENV + ")."
        )
        print(skipped, flush=True)
        pg_context.append(f"- {skipped}")
    started = time.perf_counter()
    for size in sizes:
        t0 = time.perf_counter()
        data = dataset.build(args.cache_dir, size, fts_fill=args.fts_fill, reuse=not args.rebuild)
        reused = time.perf_counter() - t0 < data.build_s / 2
        context.append(
            f"- {size:,} prospects: "
            + ", ".join(f"{count:,} {table}" for table, count in data.counts.items())
            + f"; built in {data.build_s:.1f} s (full-text index filled by "
            f"{data.fts_fill}){'; reused from cache' if reused else ''}; "
            f"file {data.path.stat().st_size / 1e6:,.0f} MB"
        )
        print(f"== {size:,} prospects ({data.path})", flush=True)
        size_rows: list[Row] = []
        if "startup" in groups:
            size_rows += startup.measure(data.path.parent, size, runs=args.startup_runs)
        for group in GROUPS:
            if group in groups:
                print(f"   {group} ...", flush=True)
                size_rows += _run_group(group, data, work)
        if PG_GROUP in groups and args.pg_url:
            size_rows += _run_postgres(args.pg_url, data, work, args.rebuild, pg_context)
        size_rows = apply_targets(_merge_rss(size_rows))
        if any(not is_pg(row) for row in size_rows):
            print("\n".join(table_lines(size_rows)), flush=True)
        if any(is_pg(row) for row in size_rows):
            print("\n".join(pg_table_lines(size_rows)), flush=True)
        rows += size_rows
    total = time.perf_counter() - started
    print(f"\nAll sizes in {total:.0f} s\n")
    if any(not is_pg(row) for row in rows):
        print("\n".join(table_lines(rows)))
    if any(is_pg(row) for row in rows):
        print("\n" + "\n".join(pg_table_lines(rows)))
    if args.json:
        write_json(rows, args.json)
    if not args.no_results:
        analysis_path = HERE / "ANALYSIS.md"
        analysis = analysis_path.read_text() if analysis_path.exists() else ""
        command = "uv run python -m tests.benchmarks " + " ".join(
            sys.argv[1:] if argv is None else argv
        )
        context.append(f"- Whole run: {total:.0f} s")
        write_results(
            rows,
            args.results,
            command=command.strip(),
            context=context,
            analysis=analysis,
            postgres=pg_context,
        )
    broken = [row for row in rows if row.note.startswith(("failed", "timed out"))]
    return 1 if broken else 0


if __name__ == "__main__":
    raise SystemExit(main())
