"""The cluster side of the Dask path: connecting, and turning failed partitions into one clear error."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import dask.dataframe as dd
import pandas as pd
from distributed import Client, futures_of, wait

from .plan import Partition

__all__ = ["PartitionError", "connect", "check", "persist_checked"]

_FAILURE_COLUMNS = ["partition", "stage", "files", "error"]


class PartitionError(RuntimeError):
    """Partitions failed after their retries; ``failures`` lists them (``partition``, ``stage``, ``files``,
    ``error``)."""

    def __init__(self, failures: pd.DataFrame):
        self.failures = failures
        lines = [f"partition {r.partition} ({r.stage}; {r.files}): {r.error}" for r in failures.itertuples()]
        super().__init__(
            f"{len(failures)} partition(s) failed after their retries, so no partial result is returned:\n  "
            + "\n  ".join(lines[:20])
            + "\nFix the cause (see the error of each), or leave those files out, and run again."
        )


def connect(client: Client | str | None = None, *, n_workers: int = 2) -> tuple[Client, Any]:
    """A client: the one given, one connected to a scheduler address, the current one, or a new local cluster.

    Returns ``(client, cluster)`` where ``cluster`` is the LocalCluster started here (else None).
    """
    if isinstance(client, Client):
        return client, None
    if isinstance(client, str):
        return Client(client), None
    if client is not None:
        raise TypeError(f"client must be a distributed.Client, a scheduler address or None; got {client!r}.")
    try:
        from distributed import get_client

        return get_client(), None
    except ValueError:
        from distributed import LocalCluster

        cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None)
        return Client(cluster), cluster


def _failures(futures: list, partitions: Sequence[Partition], stage: str) -> list[dict]:
    wait(futures)
    rows = []
    for part, fut in zip(partitions, futures, strict=True):
        if fut.status != "finished":
            try:
                exc = fut.exception()
                err = f"{type(exc).__name__}: {exc}"
            except Exception as e:  # a cancelled future has no exception to give
                err = f"{fut.status}: {e}"
            rows.append({"partition": part.index, "stage": stage, "files": "; ".join(part.files), "error": err})
    return rows


def check(futures: list, partitions: Sequence[Partition], stage: str) -> None:
    """Wait for ``futures`` (one per partition); raise :class:`PartitionError` naming those that failed."""
    rows = _failures(futures, partitions, stage)
    if rows:
        raise PartitionError(pd.DataFrame(rows, columns=_FAILURE_COLUMNS))


def _ordered_futures(collection) -> list:
    """The futures of a persisted Dask DataFrame, in partition order (keys are ``(name, i)``)."""
    futs = futures_of(collection)
    if len(futs) != collection.npartitions:
        raise RuntimeError(f"expected {collection.npartitions} persisted partitions, found {len(futs)}.")
    return sorted(futs, key=lambda f: f.key[-1])


def persist_checked(client: Client, frame: dd.DataFrame, parts: Sequence[Partition], stage: str, retries: int):
    """``frame`` persisted on the cluster, every partition checked (:class:`PartitionError` if one failed)."""
    out = client.persist(frame, retries=retries)
    check(_ordered_futures(out), parts, stage)
    return out
