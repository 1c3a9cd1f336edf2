"""Hand memory freed by a finished step back to the system, and keep it for reuse in Dask workers: private to diplolib.

A step that builds a large table from many temporary objects leaves their freed memory with the allocators that
served it: pyarrow's pool (mimalloc or jemalloc) keeps freed pages for later Arrow arrays, and glibc's ``malloc``
keeps freed chunks of its heap. The next step (actor tagging: Python strings and lists) can use neither, so the
process's resident memory stays higher than what it holds. :func:`release_freed_memory` asks both to return what is
free: Arrow's ``release_unused`` and glibc's ``malloc_trim(0)`` (found through ctypes; on other C libraries, e.g.
macOS or musl, nothing is called). What the process holds is unchanged.

Dask's nanny starts each worker with ``MALLOC_TRIM_THRESHOLD_=65536`` (``distributed.nanny.pre-spawn-environ``) so
that workers give memory back. Setting it also freezes glibc's ``mmap`` threshold at 128 KB (glibc adjusts it only
while neither is set): every numpy temporary of 128 KB or more is then mapped, faulted in page by page and unmapped
again, in every partition. :func:`reuse_heap_in_workers` (called by the tasks of :mod:`diplolib.parallel`) restores
glibc's own steady state there: blocks up to 32 MB (glibc's ceiling for its dynamic threshold on 64-bit) come
from the heap, kept while under 64 MB free at its top. The tasks still return their memory after each load and
tagging through :func:`release_freed_memory`. Measured on a 10,000-article partition of ``bench_scale.py``: 0.6–1.0
s of system time per partition with the nanny's setting, 0.1–0.2 s with glibc's defaults or this call (round 15).

A few rows of a long Arrow column: pyarrow's ``take`` on a chunked array (what ``Series.iloc[positions]`` and
``ChunkedArray.take`` run on a column that ``pd.concat`` joined from a load's chunks) first concatenates every chunk,
so asking for 1,000 rows of a 565 MB text column allocates and copies 565 MB (pyarrow 26). :func:`take_rows` and
:func:`rows_as_list` take each chunk's own rows from that chunk: only the rows asked for are copied (round 16).
"""

from __future__ import annotations

import ctypes
import functools
import os

import numpy as np
import pandas as pd
import pyarrow as pa

__all__ = ["release_freed_memory", "reuse_heap_in_workers", "HEAP_MMAP_THRESHOLD", "take_rows", "rows_as_list"]

_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # mallopt's parameters (malloc.h)
#: Blocks below this many bytes come from the heap in a worker (:func:`reuse_heap_in_workers`); freed memory at the
#: heap's top is returned past twice this. glibc's DEFAULT_MMAP_THRESHOLD_MAX on 64-bit systems.
HEAP_MMAP_THRESHOLD = 32 * 2**20
_FROZEN_BY = ("MALLOC_TRIM_THRESHOLD_", "MALLOC_MMAP_THRESHOLD_")


def _libc(name: str):
    """A function of the C library the process has loaded, or None (not glibc, or no such symbol)."""
    try:
        return getattr(ctypes.CDLL(None), name)
    except (OSError, AttributeError, TypeError):
        return None


@functools.lru_cache(maxsize=1)
def _malloc_trim():
    """glibc's ``malloc_trim``, or None where the C library has none."""
    trim = _libc("malloc_trim")  # the symbols the process has loaded: the C library's among them
    if trim is not None:
        trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


def release_freed_memory() -> None:
    """Return the memory freed by Python and Arrow objects to the system (see the module's docstring)."""
    pa.default_memory_pool().release_unused()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.lru_cache(maxsize=1)
def reuse_heap_in_workers() -> bool:
    """Undo the frozen ``mmap`` threshold of a process started with ``MALLOC_TRIM_THRESHOLD_`` or
    ``MALLOC_MMAP_THRESHOLD_`` in its environment (a Dask worker; see the module's docstring), once per process.

    Returns True when glibc's thresholds were set, False when there was nothing to undo (neither variable set:
    glibc still adjusts its threshold itself) or no ``mallopt`` (not glibc)."""
    if not any(name in os.environ for name in _FROZEN_BY):
        return False
    mallopt = _libc("mallopt")
    if mallopt is None:
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return bool(mallopt(_M_MMAP_THRESHOLD, HEAP_MMAP_THRESHOLD)) & bool(
        mallopt(_M_TRIM_THRESHOLD, 2 * HEAP_MMAP_THRESHOLD))


def take_rows(values: pa.Array | pa.ChunkedArray, positions) -> pa.Array:
    """``values.take(positions)`` as one array, each chunk's rows taken from that chunk (see the module's docstring):
    the memory and copying of the rows asked for, not of the whole column. Positions in any order, repeats allowed."""
    at = np.asarray(positions, dtype=np.int64)
    if isinstance(values, pa.Array):
        return values.take(pa.array(at))
    if values.num_chunks == 1:
        return values.chunk(0).take(pa.array(at))
    if not len(at):
        return pa.array([], type=values.type)
    bounds = np.cumsum([0, *(len(c) for c in values.iterchunks())])
    if at.min() < 0 or at.max() >= bounds[-1]:
        raise IndexError(f"take_rows: positions out of bounds for {bounds[-1]} rows")
    chunk = np.searchsorted(bounds, at, side="right") - 1
    order = np.argsort(chunk, kind="stable")  # the rows grouped by chunk (already so when positions ascend)
    grouped, by_chunk = at[order], chunk[order]
    cuts = np.flatnonzero(np.r_[True, by_chunk[1:] != by_chunk[:-1]])
    ends = np.r_[cuts[1:], len(grouped)]
    pieces = [values.chunk(c).take(pa.array(grouped[a:b] - bounds[c]))
              for c, a, b in zip(by_chunk[cuts].tolist(), cuts.tolist(), ends.tolist(), strict=True)]
    out = pa.concat_arrays(pieces) if len(pieces) > 1 else pieces[0]
    if (order == np.arange(len(order))).all():
        return out
    back = np.empty_like(order)
    back[order] = np.arange(len(order))
    return out.take(pa.array(back))


def rows_as_list(column: pd.Series, positions) -> list:
    """``column.iloc[positions].tolist()`` without concatenating an Arrow-backed column's chunks (:func:`take_rows`)
    ; other columns through ``iloc``."""
    array = column.array
    if isinstance(column.dtype, pd.StringDtype) and hasattr(array, "__arrow_array__"):
        values = take_rows(array.__arrow_array__(), positions).to_pylist()
        na = column.dtype.na_value  # what tolist() gives for a missing value: pd.NA or NaN
        return [na if v is None else v for v in values] if None in values else values
    return column.iloc[np.asarray(positions, dtype=np.int64)].tolist()
