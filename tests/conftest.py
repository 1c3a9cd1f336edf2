"""Shared fixtures: an isolated project home, a local HTTP server, and the fetched corpora."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from diplolib import datasets, paths

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A throw-away project root: data/ and figures/ under tmp_path, no mirror."""
    monkeypatch.setenv("DIPLOLIB_HOME", str(tmp_path))
    monkeypatch.delenv("DIPLOLIB_MIRROR", raising=False)
    return tmp_path


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output clean
        pass


@pytest.fixture
def http_root(tmp_path):
    """Serve a folder over HTTP on 127.0.0.1; yields (folder, base_url, server)."""
    root = tmp_path / "served"
    root.mkdir()
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield root, f"http://127.0.0.1:{server.server_address[1]}/", server
    finally:
        server.shutdown()
        server.server_close()


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """``--dist loadfile`` hands the test files out longest first, as measured in ``tests/data/file_times.csv``.

    pytest-xdist's own order is by number of tests, which started the files of one long test (the notebooks, the
    figures) last and left one worker running alone at the end (``tests/file_times.py``)."""
    if config.getvalue("dist") != "loadfile":
        return None
    from file_times import UNKNOWN_SECONDS, read_table
    from xdist.scheduler import LoadFileScheduling

    seconds = read_table()

    class LongestFileFirst(LoadFileScheduling):
        _ordered = False

        def _assign_work_unit(self, node):
            if not self._ordered:  # the queue is complete when the first unit is handed out
                for scope in sorted(self.workqueue, key=lambda f: -seconds.get(f, UNKNOWN_SECONDS)):
                    self.workqueue.move_to_end(scope)
                self._ordered = True
            super()._assign_work_unit(node)

    return LongestFileFirst(config, log)


def corpus_dir(name: str) -> Path:
    """The fetched corpus folder in the repository's data cache, or skip the test."""
    here = REPO / "data" / "raw" / name
    if not (here / ".diplolib-fetched.json").is_file():
        pytest.skip(f"corpus {name} is not in data/raw (run 'make data' or 'diplolib data fetch {name}')")
    return here


@pytest.fixture
def copy_corpus(tmp_path):
    """Copy a fetched corpus into a mirror-like folder under tmp_path; returns the mirror root."""

    def _copy(name: str, dest: Path | None = None) -> Path:
        src = corpus_dir(name)
        mirror = dest or (tmp_path / "mirror")
        for rel in datasets.corpus(name).files:
            target = mirror / name / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src / rel, target)
        return mirror

    return _copy


#: Corpora compared batch path against reference on every STEP-th record only in ``make test`` (ungdc: 10,952
#: speeches, 198 MB; the whole of it would take CI past its 30 minutes). Every session of the UN General Debate
#: is still in the slice. ``DIPLOLIB_FULL_CORPORA=1 make test`` compares every record of every corpus.
LARGE_CORPUS_STEP = {"ungdc": 5}


def comparison_slice(articles, name: str):
    """The rows of corpus ``name`` that the equality tests compare: all, or every step-th for a large corpus."""
    step = 1 if os.environ.get("DIPLOLIB_FULL_CORPORA") else LARGE_CORPUS_STEP.get(name, 1)
    return articles if step == 1 else articles.iloc[::step].reset_index(drop=True)


__all__ = ["REPO", "corpus_dir", "paths", "comparison_slice", "LARGE_CORPUS_STEP"]
