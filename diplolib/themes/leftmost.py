"""Which of many regex matches ``finditer`` keeps, as columns, for the batch theme tagger
(:mod:`diplolib.themes.batch`): :func:`leftmost`, with the small array steps it and the batch tagger repeat
thousands of times a chunk (:func:`changes`), written without ``np.r_`` (whose parsing costs ~10 us a call)."""

from __future__ import annotations

import numpy as np

__all__ = ["changes", "leftmost"]


def changes(x: np.ndarray) -> np.ndarray:
    """Whether each element differs from the one before it (the first: True); ``np.r_[True, x[1:] != x[:-1]]``
    without ``np.r_``'s parsing (~10 us a call, thousands of calls a chunk)."""
    out = np.empty(len(x), dtype=bool)
    out[:1] = True
    np.not_equal(x[1:], x[:-1], out=out[1:])
    return out


def _after_first(x: np.ndarray) -> np.ndarray:
    """``np.r_[-1, x[:-1]]`` (``x`` of int64): each element moved one place on, -1 first."""
    out = np.empty(len(x), dtype=np.int64)
    out[:1] = -1
    out[1:] = x[:-1]
    return out


def leftmost(s: np.ndarray, e: np.ndarray) -> np.ndarray:
    """Which of the matches ``[s, e)`` (ascending distinct starts) ``finditer`` keeps: each match starting before
    the end of the last kept one is skipped. Decided in rounds: a match starting at or after every earlier match not
    yet skipped is kept; one starting before the end of an earlier kept match is skipped (the first undecided one is
    decided each round); a long chain of overlaps is finished by a loop."""
    verdict = np.full(len(s), -1, dtype=np.int8)
    for _ in range(16):
        undecided = verdict < 0
        if not undecided.any():
            return verdict == 1
        upper = np.maximum.accumulate(_after_first(np.where(verdict != 0, e, -1)))
        lower = np.maximum.accumulate(_after_first(np.where(verdict == 1, e, -1)))
        verdict[undecided & (s >= upper)] = 1
        verdict[undecided & (s < lower)] = 0
    pos = -1
    for i, (a, b) in enumerate(zip(s.tolist(), e.tolist(), strict=True)):
        verdict[i] = a >= pos
        pos = b if a >= pos else pos
    return verdict == 1
