"""Loading throughput: articles/s, MB/s and peak memory (run by hand, prints a results table).

    python benchmarks/bench_load.py                     # every case
    python benchmarks/bench_load.py --cases fakes-read kremlin-read --repeat 100

Cases (each runs in a fresh Python process, so peak RSS is its own; ``cpu s`` and ``MB/s cpu`` use the process's
CPU time, which a machine shared with other jobs inflates less than the wall-clock ``seconds``):

- ``fakes-read`` / ``fakes-load``: FA-KES repeated ``--repeat`` times (x100: ~160 MB, 80,400 rows) in one CSV
  built under the system temp folder; readers only (``load_records``) / end to end (``load_articles``, with
  :mod:`diplolib.normalize`).
- ``kremlin-read`` / ``kremlin-load``: the 7,235 unpacked Kremlin pages (HTML → records; end to end).
- ``kremlin-tar``: the same pages streamed from ``kremlin_en_news_main.tar.xz`` (no unpacking).
- ``kremlin-trafilatura``: the first ``--sample`` pages with ``extractor="trafilatura"`` (for comparison
with the
  entry-content path the reader uses on these pages).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from diplolib import paths

CASES = ("fakes-read", "fakes-load", "kremlin-read", "kremlin-tar", "kremlin-trafilatura", "kremlin-load")


def _fakes_csv(repeat: int) -> Path:
    src = paths.raw_dir("fa-kes") / "FA-KES-Dataset.csv"
    out = Path(tempfile.gettempdir()) / f"diplolib-bench-fakes-x{repeat}.csv"
    if not out.is_file():
        header, _, body = src.read_bytes().partition(b"\n")
        body = body if body.endswith(b"\n") else body + b"\n"
        with open(out, "wb") as handle:
            handle.write(header + b"\n")
            for _ in range(repeat):
                handle.write(body)
    return out


def _run_child(case: str, repeat: int, sample: int) -> dict:
    from diplolib.load import load_articles, load_records
    from diplolib.readers import read_records

    kremlin = paths.raw_dir("kremlin-en")
    if case.startswith("fakes"):
        target = _fakes_csv(repeat)
        size = target.stat().st_size
        fn = load_records if case == "fakes-read" else load_articles
        start, cpu_start = time.perf_counter(), time.process_time()
        records, errors = fn(target, preset="fa-kes")
    elif case == "kremlin-trafilatura":
        files = sorted((kremlin / "var").rglob("*.html"))[:sample]
        size = sum(f.stat().st_size for f in files)
        from diplolib.readers.html import read_html

        start, cpu_start = time.perf_counter(), time.process_time()
        n = sum(len(read_html(f.read_bytes(), origin=f.name, extractor="trafilatura")[0]) for f in files)
        records, errors = [None] * n, []
    else:
        target = kremlin / ("kremlin_en_news_main.tar.xz" if case == "kremlin-tar" else "var")
        size = sum(f.stat().st_size for f in (kremlin / "var").rglob("*.html"))  # HTML bytes, packed or not
        start, cpu_start = time.perf_counter(), time.process_time()
        if case == "kremlin-load":
            records, errors = load_articles(target, format="html", encoding_errors="replace")
        else:
            records, errors = read_records(target, format="html", encoding_errors="replace")
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {
        "case": case,
        "rows": len(records),
        "errors": len(errors),
        "seconds": round(seconds, 2),
        "cpu s": round(cpu, 2),
        "rows/s": round(len(records) / seconds, 1),
        "MB/s": round(size / 1e6 / seconds, 2),
        "MB/s cpu": round(size / 1e6 / cpu, 2),
        "input MB": round(size / 1e6, 1),
        "peak RSS MB": round(peak, 0),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", nargs="+", choices=CASES, default=list(CASES))
    parser.add_argument("--repeat", type=int, default=100, help="FA-KES repetitions (default 100, ~160 MB)")
    parser.add_argument("--sample", type=int, default=500, help="pages for kremlin-trafilatura")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_run_child(args.child, args.repeat, args.sample)))
        return
    rows = []
    for case in args.cases:
        proc = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                case,
                "--repeat",
                str(args.repeat),
                "--sample",
                str(args.sample),
            ],
            capture_output=True,
            text=True,
        )
        if proc.returncode:
            print(f"{case}: failed\n{proc.stderr[-2000:]}", file=sys.stderr)
            continue
        rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), file=sys.stderr)
    import pandas as pd

    print(pd.DataFrame(rows).to_string(index=False))


if __name__ == "__main__":
    main()
