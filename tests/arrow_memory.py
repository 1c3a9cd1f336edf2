"""Test helper: the Arrow memory a block of code allocates, through a proxy of the default pool."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pyarrow as pa

_POOLS = []  # a pool must outlive every buffer it allocated


@contextmanager
def arrow_pool() -> Iterator[pa.MemoryPool]:
    """Make a proxy of the default pool the default inside the block; its ``max_memory()`` is the block's peak."""
    pool = pa.proxy_memory_pool(pa.default_memory_pool())
    _POOLS.append(pool)
    previous = pa.default_memory_pool()
    pa.set_memory_pool(pool)
    try:
        yield pool
    finally:
        pa.set_memory_pool(previous)
