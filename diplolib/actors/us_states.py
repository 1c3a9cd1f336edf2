""""Georgia" written as the US state is not the state of Georgia.

Georgia is the one US state that shares its name with a sovereign state (in English: "New Mexico", "Washington" are
longer or other keys). White House readouts name the US state ("Chatham County, Georgia", "Georgia
Congresswoman Lucy McBath", "Alabama, Florida, Georgia, Louisiana"; round 14, the fresh documents), the same
texts that name the country ("President Zourabichvili of Georgia", "Georgia's Euro-Atlantic aspirations"). A hit
of the state GEO is re-resolved (in place) as no actor, ``reason="us-state"``, where the words around it make it
the US state, each with its reason:

- **A US county or city before it**: "Chatham County, Georgia", "Clayton County, Georgia".
- **Listed with US states**: another US state's name next to it, with list punctuation or "and" between.
- **A US state office or body after it**: "Georgia Congresswoman", "Georgia State Senator", "Georgia state and
  local government", "Georgia Republicans", "Georgia voters", "the Georgia Ports Authority".
- **A US office of it before**: "Senator Raphael Warnock of Georgia", "Governor Kemp of Georgia" (a senator,
  governor or congressman "of Georgia"; a president, a prime minister, an ambassador or "the Permanent
  Representative of Georgia" is the country's).

Tried and left out: any unregistered capitalised word and a comma before it ("Atlanta, Georgia", "Macon, Georgia"):
in prose the word is as often the end of an opening phrase ("According to Numbeo, Georgia ranks 8th", "As part of
Europe, Georgia will", "Nagorny Karabakh, Georgia and Moldova") or a region of the country ("Abkhazia, Georgia");
and "one sense per text" (a text's other bare "Georgia" hits following one read as the US state):
Georgia's own General Debate speeches write "Abkhazia, Georgia" and quote "Macon, Georgia", and every "Georgia"
of the speech would have followed.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from .hit_columns import Hits

__all__ = ["us_state_georgia", "is_us_georgia"]

STATE = "GEO"
_COUNTY_BEFORE = re.compile(r"\b[A-Z][\w.'’-]*\s+(?:County|City),\s*$")
_AFTER = re.compile(r"\s+(?:State\s+)?(?:Congress(?:wo)?man|Congressmember|Senators?|Sen\.|Rep\.|Representatives?|"
                    r"Governor|Gov\.|Lieutenant\s+Governor|Secretary\s+of\s+State|Attorney\s+General|"
                    r"General\s+Assembly|[Ll]egislature|[Ss]tate\b|Republicans?|Democrats?|voters|Ports|"
                    r"Coalition|Project|Tech\b|Power\b|Bulldogs|delegation\s+to\s+Congress)")
_OFFICE_BEFORE = re.compile(r"\b(?:Senator|Sen\.|Governor|Gov\.|Congress(?:wo)?man|"
                            r"Lieutenant\s+Governor|Attorney\s+General|University)\s+(?:[A-Z][\w.'’-]*\s+){0,3}of\s+$")
_LIST_GAP = r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"


@lru_cache(maxsize=1)
def _us_lists() -> tuple[re.Pattern, re.Pattern]:
    import pycountry

    names = sorted((x.name for x in pycountry.subdivisions.get(country_code="US")
                    if x.type == "State" and x.name != "Georgia"), key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    return re.compile(rf"\b(?:{alt}){_LIST_GAP}$"), re.compile(rf"{_LIST_GAP}(?:{alt})\b")


def is_us_georgia(text: str, start: int, end: int) -> bool:
    """Whether the hit ``text[start:end]`` ("Georgia") is the US state."""
    before = text[max(0, start - 80):start]
    listed_before, listed_after = _us_lists()
    if _AFTER.match(text, end) or _OFFICE_BEFORE.search(before) or listed_before.search(before) \
            or listed_after.match(text, end):
        return True
    return bool(_COUNTY_BEFORE.search(before))


def us_state_georgia(texts: list[str], hits: Hits, resolved: list[np.ndarray]) -> None:
    """Re-resolve (in place) each hit of the state Georgia that is the US state (see the module docstring)."""
    todo = np.flatnonzero(resolved[0] == STATE)
    for i in todo.tolist():
        p, s, e = int(hits.pos[i]), int(hits.start[i]), int(hits.end[i])
        if texts[p][s:e] == "Georgia" and is_us_georgia(texts[p], s, e):
            resolved[0][i], resolved[3][i] = None, "us-state"
