"""The store under a writer killed with SIGKILL mid-write (issue 14): readers never serve a partial chunk, and
the next write removes the leftovers. Each test kills a real subprocess at a chosen point of ``write_table``."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap

import pandas as pd
import pytest

from diplolib.store import read_table, write_table

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX only")


def _rows(tag: str, n: int = 6) -> pd.DataFrame:
    """``n`` rows over ``n`` partitions (one source each), text tagged with ``tag``."""
    return pd.DataFrame({
        "article_id": [f"{tag}{i}" for i in range(n)],
        "source": [f"s{i}" for i in range(n)],
        "published": pd.to_datetime(["2016-01-01"] * n).tz_localize("UTC"),
        "text": [f"{tag} text {i}" for i in range(n)],
    })


def _killed_write(tmp_path, frame: pd.DataFrame, *, patch: str, call: str | None = None) -> None:
    """Run ``write_table(frame, 'articles', store='t', chunk=0)`` (or ``call``) in a subprocess with ``patch``
    applied, which kills the process with SIGKILL at some point; assert that it died that way."""
    frame.to_pickle(tmp_path / "frame.pkl")
    call = call or (f"w.write_table(pd.read_pickle({str(tmp_path / 'frame.pkl')!r}), 'articles', store='t', "
                    f"root={str(tmp_path)!r}, chunk=0)")
    script = textwrap.dedent("""
        import os, signal, pandas as pd
        import diplolib.store.write as w, diplolib.store._layout as layout
        calls = {"n": 0}
        def die():
            os.kill(os.getpid(), signal.SIGKILL)
        PATCH
        CALL
    """).replace("PATCH", textwrap.dedent(patch).strip()).replace("CALL", call)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr[-2000:]


AFTER_TWO_FILES = """
orig = w._write_atomic
def patched(*a, **k):
    out = orig(*a, **k)
    calls["n"] += 1
    if calls["n"] == 2:
        die()
    return out
w._write_atomic = patched
"""


def _read(tmp_path) -> pd.DataFrame:
    return read_table("articles", store="t", root=tmp_path)


def test_killed_first_write_serves_nothing(tmp_path):
    _killed_write(tmp_path, _rows("new"), patch=AFTER_TWO_FILES)
    assert len(list((tmp_path / "t" / "articles").rglob("*.parquet"))) == 2  # the partial chunk is on disk
    assert _read(tmp_path).empty  # ... and not served
    write_table(_rows("new"), "articles", store="t", root=tmp_path, chunk=0)
    assert sorted(_read(tmp_path)["article_id"]) == [f"new{i}" for i in range(6)]


def test_killed_rewrite_serves_the_old_chunk_whole(tmp_path):
    write_table(_rows("old"), "articles", store="t", root=tmp_path, chunk=0)
    _killed_write(tmp_path, _rows("new"), patch=AFTER_TWO_FILES)
    assert sorted(_read(tmp_path)["article_id"]) == [f"old{i}" for i in range(6)]  # no mix of old and new
    write_table(_rows("new"), "articles", store="t", root=tmp_path, chunk=0)
    assert sorted(_read(tmp_path)["article_id"]) == [f"new{i}" for i in range(6)]
    assert len(list((tmp_path / "t" / "articles").rglob("*.parquet"))) == 6  # old and partial files removed


def test_killed_after_commit_serves_the_new_chunk_and_cleans_later(tmp_path):
    write_table(_rows("old"), "articles", store="t", root=tmp_path, chunk=0)
    _killed_write(tmp_path, _rows("new"), patch="""
        def patched(*a, **k):
            die()
        w._remove_leftovers = patched
    """)
    assert sorted(_read(tmp_path)["article_id"]) == [f"new{i}" for i in range(6)]
    assert len(list((tmp_path / "t" / "articles").rglob("*.parquet"))) == 12  # old files left, not served
    write_table(_rows("new"), "articles", store="t", root=tmp_path, chunk=0)
    assert len(list((tmp_path / "t" / "articles").rglob("*.parquet"))) == 6


def test_temporary_files_and_half_deleted_tables_are_cleaned(tmp_path):
    write_table(_rows("old"), "articles", store="t", root=tmp_path, chunk=0)
    _killed_write(tmp_path, _rows("new"), patch="""
        orig = w.pq.write_table
        def patched(table, where, **k):
            orig(table, where, **k)
            die()  # the temporary file is written, not yet renamed
        w.pq.write_table = patched
    """)
    assert list((tmp_path / "t" / "articles").rglob(".part-*.tmp"))
    write_table(_rows("x"), "other", store="t", root=tmp_path, chunk=0)
    _killed_write(tmp_path, _rows("y"), patch="""
        def patched(*a, **k):
            die()  # renamed to .deleting-..., not yet removed
        layout.shutil.rmtree = patched
    """, call=f"w.delete_table('other', store='t', root={str(tmp_path)!r})")
    assert list((tmp_path / "t").glob(".deleting-*"))
    assert sorted(_read(tmp_path)["article_id"]) == [f"old{i}" for i in range(6)]
    write_table(_rows("new"), "articles", store="t", root=tmp_path, chunk=0)
    assert not list((tmp_path / "t").rglob(".*.tmp")) and not list((tmp_path / "t").glob(".deleting-*"))
    assert sorted(_read(tmp_path)["article_id"]) == [f"new{i}" for i in range(6)]
