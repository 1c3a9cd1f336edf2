"""Which cue hits and actor phrases the rules of :func:`~diplolib.events.extract_events` need to read.

Every hit of the cue scan is not an event: a cue inside an actor's name ("Free Syrian Army") is none, and a cue
in a sentence without an actor phrase can give no row (every side lies in the cue's sentence) unless its
article has a speaker. Leaving them out before the rules run changes no row and saves the rules' work; so does
reading a phrase's sector only where a row can show it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .words import spaced_codes

__all__ = ["side_members", "outside_actors", "kept", "ends_with", "ends_with_any", "may_have_sides"]


def side_members(phrases: pd.DataFrame, src: np.ndarray, tgt: np.ndarray) -> np.ndarray:
    """Indices of the phrases in the compound group of a hit's source or target: the only ones whose sector can
    reach the events table (``pairs`` reads no other)."""
    group = phrases["group"].to_numpy(np.int64)
    used = np.zeros(int(group.max()) + 1 if len(group) else 0, dtype=bool)
    for side in (src, tgt):
        used[group[side[side >= 0]]] = True
    return np.flatnonzero(used[group]) if len(group) else np.zeros(0, dtype=np.int64)


def outside_actors(hits: dict[str, np.ndarray], phrases: pd.DataFrame) -> dict[str, np.ndarray]:
    """Drop cue hits inside an actor's name ("Free Syrian Army", "Defence Secretary")."""
    if phrases.empty:
        return hits
    ps, pe = phrases["gstart"].to_numpy(), phrases["gend"].to_numpy()
    i = np.searchsorted(ps, hits["start"], side="right") - 1
    inside = (i >= 0) & (pe[np.maximum(i, 0)] > hits["start"])
    return {k: v[~inside] for k, v in hits.items()}


def kept(hits: dict[str, np.ndarray], keep: np.ndarray) -> dict[str, np.ndarray]:
    """The hits where ``keep`` (a mask or indices, computed once by the caller) holds, every column alike."""
    return {k: v[keep] for k, v in hits.items()}


def ends_with(b, m_start: np.ndarray, m_end: np.ndarray, suffix: str) -> np.ndarray:
    """``match[a:z].endswith(suffix)`` for the matching-form span of each cue (``suffix`` letters or digits), read
    on the code points of the spaced form, which holds them where the matching form does."""
    codes = spaced_codes(b.spaced)
    out = m_end - m_start >= len(suffix)
    for k, c in enumerate(reversed(suffix)):  # match[m_end - 1 - k] is spaced[m_end - k]
        out &= codes[np.maximum(m_end - k, 0)] == ord(c)
    return out


def ends_with_any(b, m_start: np.ndarray, m_end: np.ndarray, suffixes: tuple[str, ...]) -> np.ndarray:
    """``match[a:z].endswith(suffixes)`` for each cue (the suffixes letters or digits): :func:`ends_with` of each."""
    out = np.zeros(len(m_start), dtype=bool)
    for suffix in suffixes:
        out |= ends_with(b, m_start, m_end, suffix)
    return out


def may_have_sides(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, speaking: np.ndarray) -> np.ndarray:
    """The hits that can give a row: in a sentence holding an actor phrase (every side -- the actor before or
    after, a place for its state, a speaker -- lies in the cue's sentence), or in an article with a speaker.
    The others are left out before the rules read them (the phrases near them were marked before)."""
    has = np.zeros(len(b.sent_start) + 1, dtype=bool)
    has[np.searchsorted(b.sent_start, phrases["gstart"].to_numpy(), side="right") - 1] = True  # -1: the last
    return has[np.maximum(hits["sentence"], 0)] | (hits["sentence"] < 0) | speaking[hits["doc"]]
