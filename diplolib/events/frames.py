"""Trailing reporting frames: a verbal cue that only says who reported the sentence's event.

"U.S. border patrol agents sexually abused illegal Mexican immigrants with impunity, a human rights organization
*charged* on Saturday": the sentence's event is the abuse; "charged" closes it as "said" would, and PLOVER codes
the abuse alone. A cue is such a frame (English) when

- it is a verbal cue (:data:`~diplolib.events.nesting.GOVERNING`: a demand, a disapproval, a rejection, …),
- another cue stands before it in its sentence, before a comma,
- between that comma and the cue stand one to :data:`_SUBJECT_WORDS` words and no conjunction or relative word
  (its speaker: "a human rights organization", "Moscow", "the ministry"),
- and nothing but words of time (:data:`_TAIL`: "on Saturday", "late Tuesday") follows it to the sentence's end.

Its ``embedded`` flag is set (:func:`~diplolib.events.plover_reading` leaves it out); the row stays. A verbal cue
with an object ("…, Iran charged the US with espionage") or one that opens its sentence is no frame.
"""

from __future__ import annotations

import re

import numpy as np

from .nesting import GOVERNING

__all__ = ["trailing_frames"]

_SUBJECT_WORDS = 6
_TIME = r"(?:on|late|early|last|this|in|a|statement|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|" \
        r"yesterday|tonight|earlier|later|week|month|night|morning|evening|afternoon)"
#: What may follow a frame's cue: words of time, then the sentence's end (a full stop, a quote mark).
_TAIL = re.compile(rf"(?:\s+{_TIME})*\s*[.!?]?[\"'\u201d\u2019]*\s*$", re.IGNORECASE)
#: The frame's subject after its comma: one to six words, none a conjunction or a relative word.
_SUBJECT = re.compile(r",\s*((?:[\w.'\u2019\-]+\s+){1,%d})$" % _SUBJECT_WORDS)
_NOT_SUBJECT = frozenset("""and but or nor which who whom whose that while as when where after before because if
    since so then though although until""".split())


def trailing_frames(display: str, starts: np.ndarray, ends: np.ndarray, sentences: np.ndarray, sent_end: np.ndarray,
                    events: np.ndarray, lang: str) -> np.ndarray:
    """Is each cue hit (sorted by start; display offsets, ``sentences`` global sentence numbers, ``sent_end`` the
    display end of each hit's sentence) a trailing reporting frame (see the module)? Boolean array."""
    n = len(starts)
    out = np.zeros(n, dtype=bool)
    if lang != "en" or n < 2:
        return out
    has_prev = np.concatenate([[False], sentences[1:] == sentences[:-1]])
    cand = np.flatnonzero(has_prev & np.isin(events, GOVERNING) & (sent_end - ends <= 40))  # few: read each
    for i in cand.tolist():
        lo, a, z = int(ends[i - 1]), int(starts[i]), int(ends[i])
        subject = _SUBJECT.search(display, lo, a)
        if subject is None or _TAIL.match(display, z, int(sent_end[i])) is None:
            continue
        out[i] = _NOT_SUBJECT.isdisjoint(subject.group(1).lower().split())
    return out
