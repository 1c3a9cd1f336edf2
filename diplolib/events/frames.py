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

**Contents judged by a modal cue** (:func:`judged_contents`): "US authorities said that removing the *sanctions on*
Burma is out of the question", "Russia said Israel's *strikes* on Syria must stop": a cue in the subject of an
obligation or a judgement (a ``modal`` cue: "must", "is out of the question", "is unacceptable") is what is
demanded or judged, not an event of its own: after the modal's speaker (or the sentence's start), at most
:data:`~diplolib.events.nesting.REACH` characters before the modal, with no comma, reporting verb, conjunction or
subordinating word between them ("Russia attacked Georgia and said Georgia must withdraw" keeps the attack).
"""

from __future__ import annotations

import re

import numpy as np

from .nesting import GOVERNING, REACH, SUBORDINATE

__all__ = ["trailing_frames", "judged_contents"]

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


_BETWEEN_STOP = frozenset(SUBORDINATE["en"]) | {"and", "but", "or", "that", "said", "says", "told"}


def judged_contents(b, hits: dict[str, np.ndarray], direction: np.ndarray, speaker: np.ndarray, phrases,
                    marks: dict[str, tuple[np.ndarray, np.ndarray]], lang: str) -> tuple[np.ndarray, np.ndarray]:
    """``(content, judging)``: is each cue hit (sorted by start) the content of a ``modal`` cue after it (see the
    module), and is it a modal cue that judges such a content (the main event of its clause, never the background
    of the cue it judges: "Israel's strikes on Syria must stop")? ``speaker``: the speaker phrase before each hit
    (:func:`~diplolib.events.attribution.speaker_before`, ``-1``: none)."""
    n = len(hits["start"])
    out = np.zeros(n, dtype=bool)
    judging = np.zeros(n, dtype=bool)
    modal = direction == "modal"
    if lang != "en" or n < 2 or not modal.any():
        return out, judging
    idx = np.arange(n)
    nxt = np.minimum.accumulate(np.where(modal, idx, n)[::-1])[::-1]  # the first modal at or after each hit
    nxt = np.concatenate([nxt[1:], [n]])  # strictly after
    j = np.minimum(nxt, n - 1)
    start, end, sent = hits["start"], hits["end"], hits["sentence"]
    ge = phrases["gend"].to_numpy() if len(phrases) else np.zeros(1, dtype=np.int64)
    lo = np.where(speaker[j] >= 0, ge[np.maximum(speaker[j], 0)], b.sent_start[sent[j]])
    cand = np.flatnonzero((nxt < n) & ~modal & (sent[j] == sent) & (start >= lo) & (start[j] - end <= REACH))
    reported = np.sort(marks["reported"][0]) if len(marks["reported"][0]) else np.zeros(0, dtype=np.int64)
    m_s, m_e = hits["m_start"], hits["m_end"]
    cand = cand[np.searchsorted(reported, m_e[cand]) == np.searchsorted(reported, m_s[j[cand]])]
    disp = b.display
    out[cand] = [("," not in disp[e:s] and _BETWEEN_STOP.isdisjoint(disp[e:s].lower().split()))
                 for e, s in zip(end[cand].tolist(), start[j[cand]].tolist(), strict=True)]
    judging[j[cand[out[cand]]]] = True
    return out, judging
