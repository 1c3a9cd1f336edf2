"""The Dask path: the pandas path's functions over partitions of a large corpus (dask.distributed).

``run_pipeline(sources, client=... | scheduler="tcp://host:8786")`` loads files in parallel, normalises,
flags duplicates corpus-wide, tags actors and themes and counts co-mentions, partition by partition, and
returns the same tables as the pandas path. Needs the ``dask`` extra (``dask[distributed]``); importing
:mod:`diplolib` does not import this package.
"""

from .pipeline import PIPELINE_STEPS, PartitionError, PipelineResult, connect, run_pipeline
from .plan import DEFAULT_PARTITION_SIZE, Partition, plan_partitions
from .tasks import mentions_for_edges
from .topics import apply_topics

__all__ = [
    "run_pipeline",
    "PipelineResult",
    "PartitionError",
    "PIPELINE_STEPS",
    "connect",
    "plan_partitions",
    "Partition",
    "DEFAULT_PARTITION_SIZE",
    "mentions_for_edges",
    "apply_topics",
]
