"""What was agreed is no party: the actor of an agreement's content clause is not its target.

In "They agreed that Hamas should release the hostages it is holding" (a White House readout of a call with the
Amir of Qatar; hand reading, seed 2040) Hamas is what the two agreed on, not whom they agreed with; PLOVER codes
the agreement between the two who agreed, and the demand on Hamas is a cue of its own ("should"). So an English
AGREE cue followed by "that" (a comma or "also" between at most) has no target inside the clause it opens; the
partner named before the clause stays ("Russia agreed *with Turkey* that Syria must remain united": the cue is
"agreed", its target Turkey before "that"), and so does the pairing of a coordinated subject ("Russia and Turkey
agreed that …", :mod:`~diplolib.events.partners`), and so does one of a bilateral topic's hyphen pair ("They agreed
that possible decisions regarding the Russian-Finnish border …": the two who agreed, as
:func:`~diplolib.events.complements.discussed_topics` keeps it). Nothing stands in for the target: a sentence that
names no partner before the clause has none.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

__all__ = ["CONTENT_EVENTS", "agreed_contents"]

#: The event types whose "that" clause is what was agreed, not a party.
CONTENT_EVENTS = ("AGREE",)
_THAT = re.compile(r"\s*,?\s*(?:also\s+|further\s+|today\s+)?that\s", re.IGNORECASE)
_HYPHENS = ("-", "\u2010", "\u2011", "\u2013")
_T = (ord("t"), ord("T"), ord("a"), ord("f"), ord(","))  # the first character after the cue's space: a candidate


def agreed_contents(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, event: np.ndarray, tgt: np.ndarray,
                    lang: str) -> np.ndarray:
    """The targets with none for an English AGREE cue whose target phrase stands inside the "that" clause right
    after the cue (module rules); the text is read only for the AGREE cues with a target and a candidate first
    character after them. A new array."""
    if lang != "en" or phrases.empty or len(tgt) == 0:
        return tgt
    cand = np.flatnonzero((tgt >= 0) & np.isin(event, CONTENT_EVENTS))
    if not len(cand):
        return tgt
    codes = b.codes
    end = hits["end"][cand]
    nxt = np.where(end + 1 < len(codes), codes[np.minimum(end + 1, len(codes) - 1)], 0)
    now = np.where(end < len(codes), codes[np.minimum(end, len(codes) - 1)], 0)
    cand = cand[np.isin(nxt, _T) | (now == ord(","))]
    ps, pe = phrases["gstart"].to_numpy(), phrases["gend"].to_numpy()
    out = tgt.copy()
    disp = b.display
    for i, z in zip(cand.tolist(), hits["end"][cand].tolist(), strict=True):
        m = _THAT.match(disp, z, z + 24)
        t = int(tgt[i])
        paired = disp[pe[t]:pe[t] + 1] in _HYPHENS or disp[ps[t] - 1:ps[t]] in _HYPHENS
        if m is not None and ps[t] >= m.end() and not paired:
            out[i] = -1
    return out
