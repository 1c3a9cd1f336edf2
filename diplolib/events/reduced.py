"""A reduced relative with its agent after a subject: "the Syrian army *backed by Russia* seized back a town".

The participle and its agent qualify the noun before them; the verb after them is the main event and its subject is
that noun, not the agent. Read as a clause, the agent became the source of the main verb (Russia seized the town)
and the main verb the content of the support (background, out of PLOVER's reading): hand reading of seed 2038,
"the Syrian army backed by popular defense forces seized back a strategic town". Two rules, English only, for the
participles of :data:`PATRON_PARTICIPLES` (not "led by": a coalition led by a state acts as that state):

- :func:`agent_subjects`: a cue whose source phrase stands in the agent after "<participle> by" takes as its
  source the phrase that ends right before the participle (none when the noun there is no actor: "Pro-regime
  fighters - backed by regime and Russian air strikes - retook …" names no Russian fighter);
- :func:`patron_governors`: such a participle governs no content, so the cue after it is no embedded event
  (read by :func:`~diplolib.events.nesting.embedded`).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .governed import NOUNS
from .words import space_positions, word_before

__all__ = ["PATRON_PARTICIPLES", "agent_subjects", "patron_governors"]

#: Participles of patronage whose agent qualifies the noun before them.
PATRON_PARTICIPLES = ("backed", "supported", "armed", "funded", "financed", "sponsored", "trained", "equipped",
                      "aided", "assisted")
_AGENT = re.compile(r"\b(?:" + "|".join(PATRON_PARTICIPLES) + r") by ")
#: Every match of :data:`_AGENT` ends with this literal: the whole text is searched for it (a literal, which the
#: regex engine finds fast) and :data:`_AGENT` tried only in the few characters before each hit.
_BY = re.compile(" by ")
_AGENT_ENDING = re.compile(_AGENT.pattern + r"\Z")  # searched with endpos: a match ending there
_LONGEST = max(map(len, PATRON_PARTICIPLES))
_GOVERNOR = re.compile(r"(?:" + "|".join(PATRON_PARTICIPLES) + r")$")
#: At most this many characters between the noun's actor phrase and the participle ("the Syrian army backed").
_HEAD_GAP = 24
#: Words before an "-ing" cue that make it a finite verb ("have been battling"), not a modifier of the agent.
_AUXILIARIES = frozenset("is are was were be been".split())
#: At most this many characters from "by" to the agent phrase ("backed by *Syrian* and *Russian* warplanes").
_AGENT_REACH = 40


def agent_subjects(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, before: np.ndarray, lang: str
                   ) -> np.ndarray:
    """``before`` with the source of each cue whose source phrase stands in a reduced relative's agent (at most
    :data:`_AGENT_REACH` characters after "<participle> by", in its sentence: "backed by Syrian and Russian
    warplanes") moved to the noun the relative qualifies (module rule); a new array, or ``before`` itself when no
    cue is read."""
    if lang != "en" or phrases.empty or not len(before):
        return before
    disp = b.display
    found = agent_spans(disp)
    if not found:
        return before
    p_start, by_end = (np.asarray(x, dtype=np.int64) for x in zip(*found, strict=True))
    ps, pe = phrases["gstart"].to_numpy(), phrases["gend"].to_numpy()
    cand = np.flatnonzero(before >= 0)
    at = ps[before[cand]]
    k = np.searchsorted(by_end, at, side="right") - 1
    kk = np.maximum(k, 0)
    keep = (k >= 0) & (at - by_end[kk] <= _AGENT_REACH) & (p_start[kk] >= b.sent_start[hits["sentence"][cand]]) \
        & (by_end[kk] <= hits["start"][cand])
    cand, kk = cand[keep], kk[keep]  # the cues whose source stands in an agent: the words below read for them only
    # a noun cue inside the agent is the agent's deed ("backed by US-led air *strikes*"), a participle its
    # modifier ("backed by air strikes launched by the US-led coalition *fighting* Daesh"): read as before
    first = [b.match[a:z].split(" ", 1)[0] for a, z in zip(hits["m_start"][cand].tolist(),
                                                          hits["m_end"][cand].tolist(), strict=True)]
    prev = word_before(b.spaced, space_positions(b.spaced), hits["m_start"][cand])  # "have been *battling*"
    verb = np.array([w not in NOUNS["en"] and (not w.endswith("ing") or p in _AUXILIARIES)
                     for w, p in zip(first, prev, strict=True)], dtype=bool)
    cand, kk = cand[verb], kk[verb]
    if not len(cand):
        return before
    out = before.copy()
    head = np.searchsorted(pe, p_start[kk], side="right") - 1  # the last phrase ending before the participle
    hh = np.maximum(head, 0)
    for i, (h, z, s) in enumerate(zip(head.tolist(), pe[hh].tolist(), p_start[kk].tolist(), strict=True)):
        gap = disp[z:s] if h >= 0 else ","
        out[cand[i]] = h if 0 <= s - z <= _HEAD_GAP and "," not in gap and " - " not in gap else -1
    return out


def agent_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every match of :data:`_AGENT` in ``text``, as ``_AGENT.finditer`` gives them: each
    " by " found (:data:`_BY`) is tried as the end of one, searched from :data:`_LONGEST` + 1 characters before it
    (``\\b`` still reads the character before ``pos``) and ending at it (``\\Z`` at ``endpos``). Matches never
    overlap (none starts inside "<participle> by "), nor does a " by " that ends one overlap an earlier " by ", so
    finditer hides none of them."""
    found = []
    for at in (m.start() for m in _BY.finditer(text)):
        m = _AGENT_ENDING.search(text, max(at - _LONGEST - 1, 0), at + 4)
        if m is not None:
            found.append((m.start(), m.end()))
    return found


def patron_governors(starts: np.ndarray, ends: np.ndarray, display: str) -> np.ndarray:
    """Is each cue hit (offsets in ``display``) an English participle of :data:`PATRON_PARTICIPLES` followed by
    "by" ("backed by")? Such a hit governs no content."""
    out = np.zeros(len(starts), dtype=bool)
    if not len(starts):
        return out
    by = np.array([display.startswith(" by ", z) for z in ends.tolist()], dtype=bool)
    at = np.flatnonzero(by)
    out[at] = [bool(_GOVERNOR.search(display, int(a), int(z))) for a, z in zip(starts[at].tolist(), ends[at].tolist(),
                                                                                 strict=True)]
    return out
