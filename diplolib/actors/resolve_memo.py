"""The resolutions of :func:`diplolib.actors.tagger._resolve`, kept on the matcher across chunks and calls.

``_resolve`` resolves one representative hit of each (key, date bucket, spelling, context flags) of a chunk with
:meth:`~diplolib.actors.rules.MatcherRules.resolve` and gives its answer to the whole group: the key, the bucket
(:func:`~diplolib.actors.tagger._date_buckets`: the registry dates at or before the article's date), the spelling of
a case-sensitive key and the four context tests decide the answer, by construction. The same combinations come back
in every chunk of a corpus (the same aliases, the same years), so :func:`resolutions` keeps each answer on the
matcher (``__dict__``: the registry's tables are fixed once the matcher is built) and asks ``resolve`` only for the
combinations it has not seen. A bucket is a number only while the matcher's registry dates fit in nanoseconds
(``_date_bounds`` is an array); otherwise ``_date_buckets`` numbers each call's dates afresh and nothing is kept.
At most :data:`MEMO_RESOLUTIONS` answers are kept, then the memo starts again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .hit_columns import Hits
    from .matcher import ActorMatcher

__all__ = ["resolutions", "MEMO_RESOLUTIONS"]

#: The most (key, bucket, spelling, flags) answers kept on a matcher before the memo starts again.
MEMO_RESOLUTIONS = 200_000


def resolutions(matcher: ActorMatcher, texts: list[str], hits: Hits, rest: np.ndarray, whens: list,
                groups: tuple[np.ndarray, np.ndarray, np.ndarray], first: np.ndarray) -> list[tuple]:
    """``matcher.resolve`` of each hit ``rest[first[j]]`` (``hits.keys``, offsets in ``texts[hits.pos]``, ``whens``),
    whose (date bucket, spelling, flags) are ``groups[.][first[j]]`` (the groups are aligned with ``rest``): from the
    memo when the matcher has resolved that combination before."""
    rows, groups = rest[first], [g[first] for g in groups]
    kept = isinstance(matcher.__dict__.get("_date_bounds"), np.ndarray)
    memo = matcher.__dict__.get("_resolve_memo") if kept else None
    if memo is None or len(memo) >= MEMO_RESOLUTIONS:
        memo = {}
        if kept:
            matcher._resolve_memo = memo
    pos, start, end, keys = hits.pos, hits.start, hits.end, hits.keys
    out = []
    for i, k, bucket, spelled, flags in zip(rows.tolist(), hits.kid[rows].tolist(), *(g.tolist() for g in groups),
                                            strict=True):
        at = (k, bucket, spelled, flags)
        got = memo.get(at)
        if got is None:
            p = int(pos[i])
            got = memo[at] = matcher.resolve(texts[p], keys[i], int(start[i]), int(end[i]), whens[p])
        out.append(got)
    return out
