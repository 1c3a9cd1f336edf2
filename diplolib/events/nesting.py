"""Embedded events: the content of a demand, a refusal, a threat, a promise or a condemnation.

"Greece demanded that its partners *refuse* to recognize Macedonia", "Peru issued an ultimatum to Ecuador to halt
*attacks*", "Russia threatened to stop *negotiations*", "Palestinians blamed Israel for the *bombing*": the second
cue is what the first one is about. It is still an event of the table (the bombing did happen; a refusal may not
have), and its row says ``embedded``: a cue that follows a verbal cue of the types in :data:`GOVERNING` in the same
sentence, at most :data:`REACH` characters after it. PLOVER codes the governing event of such a sentence, so
:func:`~diplolib.events.plover_reading` leaves the embedded rows out; an analysis that wants only what is said to
have happened can do the same.
"""

from __future__ import annotations

import numpy as np

__all__ = ["GOVERNING", "REACH", "embedded"]

#: Verbal event types whose cue takes another event as its content.
GOVERNING = ("AGREE", "SUPPORT", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN")
#: Characters from the end of the governing cue to the start of the embedded one.
REACH = 100


def embedded(starts: np.ndarray, ends: np.ndarray, sentences: np.ndarray, events: np.ndarray) -> np.ndarray:
    """Is each cue hit (sorted by start; ``sentences`` global sentence numbers) embedded in a governing cue?"""
    n = len(starts)
    if n == 0:
        return np.zeros(0, dtype=bool)
    idx = np.arange(n)
    last = np.maximum.accumulate(np.where(np.isin(events, GOVERNING), idx, -1))
    prev = np.concatenate([[-1], last[:-1]])  # the governing cue strictly before each hit
    p = np.maximum(prev, 0)
    return (prev >= 0) & (sentences[p] == sentences) & (starts - ends[p] <= REACH)
