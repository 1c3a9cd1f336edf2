"""Senses of an English cue that the lexicon cannot tell apart by its words alone, read with the actor phrases.

- **A call reaches a party; naming does not** (:func:`naming_calls`): the bare "called", "calls", "calling" is a
  telephone call (CONSULT) when the one called follows: an actor phrase within :data:`CALL_GAP` characters ("Putin
  called Macron", "Biden called the Prime Minister of Japan", "called to congratulate President Lula") or an object
  pronoun ("called him on Monday") or a name the registry lacks (:data:`_NAME_CALLED`). Otherwise it names or
  judges: "what the Observatory called "a new massacre"", "Washington called a red line", "called the airstrikes
  an "outrage"", "Georgia is called the birthplace of wine", "called attention to …" (hand reading, seed 2039; of
  201 such cues in FA-KES, the Kremlin and White House texts, most name); so does "called X a Y" or "called X's
  visit a landmark event", an actor followed by a quote, "a", "an" or a possessive. The longer cues ("called on",
  "called for", "called off", "phone call") are cues of their own and untouched.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

__all__ = ["CALL_GAP", "naming_calls"]

#: At most this many characters between "called" and the actor phrase it reaches ("the Prime Minister of "); 15
#: more after a purpose infinitive ("called to congratulate President Lula").
CALL_GAP = 25
_CALLED = re.compile(r"call(?:ed|s|ing)")
_QUOTES = "\"“”‘’«»'"
#: Object pronouns of a call ("called him on Monday").
_PRONOUN = re.compile(r"\s*(?:him|her|them|me|us|you|each other|one another)\b(?!\s+(?:an?\b|the\b|["
                      + _QUOTES + "]))", re.IGNORECASE)
#: A person the registry lacks, called: a run of capitalised words and then a word of how, when or why ("called Maya
#: Plisetskaya to give her his congratulations", "called FEMA Administrator Deanne Criswell by videoconference"); not
#: a name given ("an initiative called Belt and Road.", "a camp called Solnechny (Sunny)").
_NAME_CALLED = re.compile(r"\s+(?:[A-Z][\w.-]*\s+(?:(?:of|the|de|al|bin)\s+)?)+(?:by|to|on|at|in|from|after|before|"
                          r"yesterday|today|earlier|later|this|last)\b")
#: What follows an actor that is named, not called: "called Putin a liar", "called the President's visit a …".
_NAMED = re.compile(r"\s*(?:[" + _QUOTES + r"]|an?\b|['’]s\b)", re.IGNORECASE)


def naming_calls(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame) -> np.ndarray:
    """Is each hit a bare "called"/"calls"/"calling" that reaches no party (module rules)? Read only for those few
    hits; a boolean array over the hits."""
    out = np.zeros(len(hits["start"]), dtype=bool)
    size = hits["m_end"] - hits["m_start"]
    cand = np.flatnonzero((size >= 5) & (size <= 7))
    cand = cand[[_CALLED.fullmatch(b.match[a:z]) is not None
                 for a, z in zip(hits["m_start"][cand].tolist(), hits["m_end"][cand].tolist(), strict=True)]]
    if not len(cand):
        return out
    ps, pe = phrases["gstart"].to_numpy(), phrases["gend"].to_numpy()
    disp = b.display
    for i in cand.tolist():
        e = int(hits["end"][i])
        k = int(np.searchsorted(ps, e))
        gap = disp[e:ps[k]] if k < len(ps) else disp[e:e + CALL_GAP + 1]
        limit = CALL_GAP + 15 if gap.lstrip().startswith("to ") else CALL_GAP  # "called to congratulate …"
        reached = k < len(ps) and len(gap) <= limit and ". " not in gap and not any(q in gap for q in _QUOTES) \
            and _NAMED.match(disp, pe[k]) is None
        out[i] = not (reached or _PRONOUN.match(disp, e) is not None or _NAME_CALLED.match(disp, e) is not None)
    return out
