"""How long ``import diplolib`` (and each subpackage) takes, in fresh processes.

    .venv/bin/python benchmarks/bench_import.py [--repeat 10] [--path DIR]

Each case runs ``python -c '<statement>'`` ``--repeat`` times in a new process; the table gives the median CPU
time of the child (user + system, ``resource.getrusage(RUSAGE_CHILDREN)``) and its median wall time, next to an
empty ``python -c pass`` (the interpreter's own start), and ``diplolib``'s own cumulative time from
``python -X importtime``. ``--path`` puts another checkout of diplolib first on ``PYTHONPATH`` (to measure the
code before a change the same way).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import time

CASES = {
    "python -c pass": "pass",
    "import diplolib": "import diplolib",
    "import diplolib.themes": "import diplolib.themes",
    "import diplolib.topics": "import diplolib.topics",
    "from diplolib import load_articles": "from diplolib import load_articles",
    "from diplolib.topics import fit_topics": "from diplolib.topics import fit_topics",
}


def _run(statement: str, env: dict) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", statement], check=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def _importtime(env: dict) -> float:
    err = subprocess.run([sys.executable, "-X", "importtime", "-c", "import diplolib"], check=True, env=env,
                         capture_output=True, text=True).stderr
    own = [int(m.group(1)) for m in re.finditer(r"\|\s*(\d+) \| diplolib$", err, flags=re.M)]
    return own[-1] / 1e6 if own else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--path", help="a diplolib checkout to put first on PYTHONPATH")
    args = parser.parse_args()
    env = dict(os.environ)
    if args.path:
        env["PYTHONPATH"] = args.path
    print(f"| statement | CPU s (median of {args.repeat}) | wall s |")
    print("|---|---|---|")
    for label, statement in CASES.items():
        runs = [_run(statement, env) for _ in range(args.repeat)]
        cpu = statistics.median(r[0] for r in runs)
        wall = statistics.median(r[1] for r in runs)
        print(f"| `{label}` | {cpu:.3f} | {wall:.3f} |")
    own = _importtime(env)
    print(f"\n`python -X importtime -c 'import diplolib'`: diplolib's own cumulative import time {own:.4f} s")


if __name__ == "__main__":
    main()
