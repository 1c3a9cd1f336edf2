"""The hits of a chunk as columns, for :func:`diplolib.actors.tagger.tag_actors`.

:class:`Hits` holds each hit's text position, display offsets, key and key id as parallel arrays sorted by
(position, start); :func:`marked`, :func:`object_array` and :func:`key_ids` are the array helpers the tagger's
steps use to rebuild those columns when a rule replaces the hits of a few texts; :func:`surfaces` the column of
the hits' surface strings, built from code points.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa

from .pretests import ChunkCodes

if TYPE_CHECKING:
    from .matcher import ActorMatcher

__all__ = ["Hits", "marked", "object_array", "key_ids", "surfaces"]


class Hits:
    """The hits of a chunk as columns: text position, display offsets, key (str or a rule's tuple), key id."""

    def __init__(self, pos: np.ndarray, start: np.ndarray, end: np.ndarray, keys: np.ndarray, kid: np.ndarray):
        self.pos, self.start, self.end, self.keys, self.kid = pos, start, end, keys, kid

    def of(self, p: int) -> slice:
        return slice(*np.searchsorted(self.pos, [p, p + 1]).tolist())

    def replaced(self, new: dict[int, list[tuple]], matcher: ActorMatcher) -> Hits:
        """These hits with the hits of the texts in ``new`` replaced by ``new[position]`` (``(start, end, key)``)."""
        if not new:
            return self
        keep = np.flatnonzero(~marked(self.pos, list(new)))
        rows = [(p, s, e, k) for p, hits in new.items() for s, e, k in hits]
        add = [np.array([r[c] for r in rows], dtype=np.int64) for c in range(3)]
        pos, start = np.concatenate([self.pos[keep], add[0]]), np.concatenate([self.start[keep], add[1]])
        order = np.lexsort((start, pos))
        added = object_array([r[3] for r in rows])
        keys = np.concatenate([self.keys[keep], added])[order]
        kid = np.concatenate([self.kid[keep], key_ids(matcher, added)])[order]
        return Hits(pos[order], start[order], np.concatenate([self.end[keep], add[2]])[order], keys, kid)

    def rows(self, p: int) -> list[tuple]:
        at = self.of(p)
        return list(zip(self.start[at].tolist(), self.end[at].tolist(), self.keys[at].tolist(), strict=True))


def marked(pos: np.ndarray, positions: list[int]) -> np.ndarray:
    """Whether each of ``pos`` is one of ``positions`` (a look-up table: ``np.isin`` sorts both)."""
    table = np.zeros(int(pos.max(initial=-1)) + 1 if len(pos) else 0, dtype=bool)
    table[[p for p in positions if p < len(table)]] = True
    return table[pos]


def object_array(values: list) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def key_ids(matcher: ActorMatcher, keys: np.ndarray) -> np.ndarray:
    """The key id of each key; -1 for the tuples the rules make (counterpart phrases, coordinated demonyms)."""
    ids = matcher.key_id
    return np.array([ids[k] if isinstance(k, str) else -1 for k in keys.tolist()], dtype=np.int64)


def surfaces(texts: list[str], pos: np.ndarray, start: np.ndarray, end: np.ndarray, codes: ChunkCodes | None = None
             ) -> pa.Array | None:
    """``[texts[p][s:e] for p, s, e in zip(pos, start, end)]`` as an Arrow ``large_string`` array, without a Python
    string per hit: the surfaces' code points gathered from the chunk's (:class:`~.pretests.ChunkCodes`) in numpy,
    encoded to UTF-8 in one call, cut at offsets from each code point's UTF-8 width. None when a surface holds a
    lone surrogate (UTF-8 has no form for it). ``codes``: the chunk's code points when the caller has them."""
    codes = ChunkCodes(texts) if codes is None else codes
    n_chars = (end - start).astype(np.int64)
    bounds = np.r_[0, np.cumsum(n_chars)]
    cp = codes.cp[np.repeat(codes.base[pos] + start - bounds[:-1], n_chars) + np.arange(bounds[-1])]
    if ((cp >= 0xD800) & (cp <= 0xDFFF)).any():
        return None
    width = 1 + (cp >= 0x80).astype(np.int64) + (cp >= 0x800) + (cp >= 0x10000)
    offsets = np.r_[0, np.cumsum(width)][bounds].astype(np.int64)
    data = cp.tobytes().decode("utf-32-le").encode("utf-8")
    return pa.LargeStringArray.from_buffers(len(n_chars), pa.py_buffer(offsets), pa.py_buffer(data))
