"""Seconds per test file from a pytest JUnit XML report: the table ``tests/conftest.py`` schedules the files by.

With ``--dist loadfile`` a test file is the unit of work of an xdist worker. pytest-xdist hands the files out in
order of their number of tests, so the files of one long test (the notebooks, the figures) used to start last and
leave one worker running alone at the end. ``conftest.py`` hands them out longest first as measured in
``tests/data/file_times.csv`` (longest-processing-time-first: the last files handed out are the short ones).

Regenerate the table after a whole run (the seconds are what one worker spent in the file: setup, call and
teardown of its tests, module fixtures included)::

    python -m pytest -n 2 --dist loadfile -p no:cacheprovider --junitxml=/tmp/junit.xml
    python tests/file_times.py /tmp/junit.xml > tests/data/file_times.csv

A file the table does not list (a new one) is scheduled as if it took :data:`UNKNOWN_SECONDS`. A stale table only
costs balance between the workers, never a test.
"""

from __future__ import annotations

import csv
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

TABLE = Path(__file__).resolve().parent / "data" / "file_times.csv"

#: Scheduling weight of a test file the table does not list (new files are usually small).
UNKNOWN_SECONDS = 10.0


def file_of(classname: str) -> str:
    """``tests/test_x.py`` for a JUnit ``classname`` such as ``tests.test_x`` or ``tests.test_x.TestClass``."""
    parts = classname.split(".")
    for i in range(len(parts), 0, -1):
        if parts[i - 1].startswith("test_"):
            return "/".join(parts[:i]) + ".py"
    raise ValueError(f"no test module in the JUnit classname {classname!r}")


def file_seconds(junit: Path) -> dict[str, float]:
    """Seconds per test file (sum of its test cases' times, fixtures included), longest first."""
    totals: dict[str, float] = defaultdict(float)
    for case in ET.parse(junit).getroot().iter("testcase"):
        if not case.get("classname"):
            continue  # a collection error: no file time to add
        totals[file_of(case.get("classname", ""))] += float(case.get("time") or 0.0)
    if not totals:
        raise ValueError(f"{junit}: no test cases (is it a pytest --junitxml report?)")
    return dict(sorted(totals.items(), key=lambda kv: (-kv[1], kv[0])))


def read_table(path: Path = TABLE) -> dict[str, float]:
    """The committed table as ``{"tests/test_x.py": seconds}`` (empty if the file is absent)."""
    if not path.is_file():
        return {}
    with path.open(newline="", encoding="utf-8") as fh:
        return {row["file"]: float(row["seconds"]) for row in csv.DictReader(fh)}


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python tests/file_times.py JUNIT.xml > tests/data/file_times.csv", file=sys.stderr)
        return 2
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["file", "seconds"])
    for name, seconds in file_seconds(Path(argv[0])).items():
        writer.writerow([name, f"{seconds:.1f}"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
