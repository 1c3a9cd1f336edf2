"""The Dask path: the pandas path's functions over partitions of a large corpus (dask.distributed).

``run_pipeline(sources, client=... | scheduler="tcp://host:8786")`` loads files in parallel, normalises,
flags duplicates corpus-wide, tags actors and themes and counts co-mentions, partition by partition, and
returns the same tables as the pandas path. Needs the ``dask`` extra (``dask[distributed]``); importing
:mod:`diplolib` does not import this package.
"""

from .._lazy import attach

_NAMES = {
    "run_pipeline": ".pipeline",
    "PipelineResult": ".result",
    "PartitionError": "._cluster",
    "connect": "._cluster",
    "plan_partitions": ".plan",
}
__getattr__, __dir__ = attach(__name__, _NAMES)
__all__ = list(_NAMES)
