"""diplolib._memory.reuse_heap_in_workers: glibc's heap thresholds restored in processes whose environment froze
them (a Dask nanny's MALLOC_TRIM_THRESHOLD_), nothing done elsewhere; the Dask tasks call it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from diplolib import _memory
from diplolib.parallel import tasks


class _Recorder:
    def __init__(self):
        self.calls = []
        self.argtypes = self.restype = None

    def __call__(self, param, value):
        self.calls.append((param, value))
        return 1


@pytest.fixture
def mallopt(monkeypatch):
    rec = _Recorder()
    monkeypatch.setattr(_memory, "_libc", lambda name: rec if name == "mallopt" else None)
    _memory.reuse_heap_in_workers.cache_clear()
    yield rec
    _memory.reuse_heap_in_workers.cache_clear()


@pytest.mark.parametrize("name", ["MALLOC_TRIM_THRESHOLD_", "MALLOC_MMAP_THRESHOLD_"])
def test_thresholds_set_where_the_environment_froze_them(monkeypatch, mallopt, name):
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    monkeypatch.delenv("MALLOC_MMAP_THRESHOLD_", raising=False)
    monkeypatch.setenv(name, "65536")
    assert _memory.reuse_heap_in_workers() is True
    assert mallopt.calls == [(-3, 32 * 2**20), (-1, 64 * 2**20)]  # M_MMAP_THRESHOLD, then M_TRIM_THRESHOLD
    assert _memory.reuse_heap_in_workers() is True and len(mallopt.calls) == 2  # once per process


def test_nothing_done_where_glibc_adjusts_its_thresholds(monkeypatch, mallopt):
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)  # the twin: an ordinary process
    monkeypatch.delenv("MALLOC_MMAP_THRESHOLD_", raising=False)
    assert _memory.reuse_heap_in_workers() is False
    assert mallopt.calls == []


def test_without_mallopt_nothing_is_called(monkeypatch):
    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "65536")
    monkeypatch.setattr(_memory, "_libc", lambda name: None)  # not glibc
    _memory.reuse_heap_in_workers.cache_clear()
    try:
        assert _memory.reuse_heap_in_workers() is False
    finally:
        _memory.reuse_heap_in_workers.cache_clear()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_real_mallopt_accepts_the_values():
    code = "from diplolib import _memory; print(_memory.reuse_heap_in_workers())"
    env = {"MALLOC_TRIM_THRESHOLD_": "65536", "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], env={**env, "PYTHONPATH": ":".join(sys.path)},
                         capture_output=True, text=True, check=True).stdout.strip()
    assert out == str(_memory._libc("mallopt") is not None)


def test_dask_nanny_still_freezes_the_threshold():
    """The reason for the call: if distributed stops setting it, this fails and the docstring needs revisiting."""
    dask = pytest.importorskip("dask")
    pytest.importorskip("distributed")
    assert "MALLOC_TRIM_THRESHOLD_" in (dask.config.get("distributed.nanny.pre-spawn-environ") or {})


def test_the_partition_tasks_call_it(monkeypatch):
    calls = []
    monkeypatch.setattr(tasks, "reuse_heap_in_workers", lambda: calls.append(1))
    sample = tasks.meta_sample(_articles_meta())
    tasks.tag_actors_partition(sample)
    assert calls == [1]


def _articles_meta():
    import pandas as pd

    return pd.DataFrame({"article_id": pd.Series([], dtype="string"), "text": pd.Series([], dtype="string"),
                         "lang": pd.Series([], dtype="string"),
                         "published": pd.Series([], dtype="datetime64[ns, UTC]")})
