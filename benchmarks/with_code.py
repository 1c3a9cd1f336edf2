"""Run a benchmark script with the diplolib package of another folder (e.g. an export of main), for before/after runs.

    git archive main diplolib | tar -x -C /tmp/before
    .venv/bin/python benchmarks/with_code.py /tmp/before benchmarks/bench_actors.py --repeat 10 --no-baselines

``PYTHONPATH=/tmp/before`` is not enough: the editable install (``pip install -e .``) puts a finder on
``sys.meta_path`` that answers ``import diplolib`` before ``sys.path`` is searched, so the working tree's code would
run. This script removes that finder, puts the folder first on ``sys.path`` and runs the script as ``__main__``.
Processes the script starts (Dask workers) import the installed diplolib again: compare their results with care.
"""

from __future__ import annotations

import os
import runpy
import sys


def main() -> None:
    if len(sys.argv) < 3:
        raise SystemExit("usage: with_code.py CODE_DIR SCRIPT [ARGS...]  (CODE_DIR holds the diplolib/ package)")
    code, script = os.path.abspath(sys.argv[1]), sys.argv[2]
    if not os.path.isdir(os.path.join(code, "diplolib")):
        raise SystemExit(f"with_code.py: {code} has no diplolib/ folder; export one with "
                         "'git archive main diplolib | tar -x -C DIR'.")
    sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f).lower()]
    for name in [n for n in sys.modules if n == "diplolib" or n.startswith("diplolib.")]:
        del sys.modules[name]
    sys.path[:0] = [code, os.path.dirname(os.path.abspath(script))]
    sys.argv = sys.argv[2:]
    import diplolib

    print(f"with_code.py: diplolib from {os.path.dirname(diplolib.__file__)}", file=sys.stderr)
    runpy.run_path(script, run_name="__main__")


if __name__ == "__main__":
    main()
