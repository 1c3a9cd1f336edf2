"""Hand memory freed by a finished step back to the system: private to diplolib.

A step that builds a large table from many temporary objects leaves their freed memory with the allocators that
served it: pyarrow's pool (mimalloc or jemalloc) keeps freed pages for later Arrow arrays, and glibc's ``malloc``
keeps freed chunks of its heap. The next step (actor tagging: Python strings and lists) can use neither, so the
process's resident memory stays higher than what it holds. :func:`release_freed_memory` asks both to return what is
free: Arrow's ``release_unused`` and glibc's ``malloc_trim(0)`` (found through ctypes; on other C libraries, e.g.
macOS or musl, nothing is called). What the process holds is unchanged.
"""

from __future__ import annotations

import ctypes
import functools

import pyarrow as pa

__all__ = ["release_freed_memory"]


@functools.lru_cache(maxsize=1)
def _malloc_trim():
    """glibc's ``malloc_trim``, or None where the C library has none."""
    try:
        trim = ctypes.CDLL(None).malloc_trim  # the symbols the process has loaded: the C library's among them
    except (OSError, AttributeError, TypeError):
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


def release_freed_memory() -> None:
    """Return the memory freed by Python and Arrow objects to the system (see the module's docstring)."""
    pa.default_memory_pool().release_unused()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
