"""A Security Council qualified by a state is that state's body, not the UN Security Council.

"Russia's Security Council", "the Russian Security Council", "the Security Council of the Russian Federation",
"le Conseil de sécurité russe", "le Conseil de sécurité de la Russie", "مجلس الأمن الروسي" name Russia's own
council (like the national security councils of the role phrases, ``reason="other-body"``); the state mention
stays. The qualifier must be adjacent and be a state (the UN is an organisation: "the Security Council of the
United Nations" stays the UN's). The rules, each with its reason:

- **After the council** (all languages): "of" + state in English, "de/du/de la/d'" + state in French, or a demonym
  (an adjective: "russe", "الروسي") right after it. A state *name* right after in Arabic or French is not a
  qualifier ("طالب مجلس الأمن العراق": the Council asked Iraq), only its demonym is.
- **Before the council** (English only: the other two languages put the qualifier after): a possessive
  ("Russia's") or a demonym ("Russian") right before it, unless a noun follows that makes the phrase a state's
  part in the UN council ("Russia's Security Council veto", "France's Security Council seat", "Britain's
  Security Council envoy").
"""

from __future__ import annotations

import re

import numpy as np

from .hit_columns import Hits

__all__ = ["state_qualified_councils"]

UN_COUNCIL = "org:unsc"
_BARE = re.compile(r"(?i)security\s+council|conseil\s+de\s+sécurité|[وفبلك]{0,2}مجلس\s+الأمن")
_OF_AFTER = re.compile(r"(?i)\s+(?:of\s+(?:the\s+)?|de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])")
_POSSESSIVE = re.compile(r"(?:['’]s?)\s+")
#: nouns after "X's Security Council" that make it X's part in the UN council, not X's own body
_UN_PART = re.compile(
    r"(?i)\s+(?:veto(?:es|ed)?|seat|presidency|membership|members?|resolutions?|drafts?|votes?|voting|term|"
    r"colleagues|partners|all(?:y|ies)|counterparts?|envoy|ambassador|representative|delegation|mission|"
    r"diplomats?|bid|campaign|candidacy|election|debate|briefing|session|agenda|record|role|stance|position)\b")


def state_qualified_councils(texts: list[str], hits: Hits, resolved: list[np.ndarray], kind_of: dict) -> None:
    """Re-resolve (in place) each bare UN Security Council hit that a state qualifies as ``other-body``."""
    todo = np.flatnonzero(resolved[0] == UN_COUNCIL)
    for i in todo.tolist():
        p, s, e = int(hits.pos[i]), int(hits.start[i]), int(hits.end[i])
        text = texts[p]
        if not _BARE.fullmatch(text[s:e]):
            continue
        if _qualified_after(text, hits, resolved, kind_of, i) or _qualified_before(text, hits, resolved, kind_of, i):
            resolved[0][i], resolved[1][i], resolved[2][i], resolved[3][i] = None, "alias", "organisation", "other-body"


def _state_at(hits: Hits, resolved: list[np.ndarray], kind_of: dict, j: int, p: int) -> bool:
    return 0 <= j < len(hits.pos) and int(hits.pos[j]) == p and kind_of.get(resolved[0][j]) == "state"


def _qualified_after(text: str, hits: Hits, resolved: list[np.ndarray], kind_of: dict, i: int) -> bool:
    j = i + 1
    if not _state_at(hits, resolved, kind_of, j, int(hits.pos[i])):
        return False
    between = text[int(hits.end[i]):int(hits.start[j])]
    council = text[int(hits.start[i]):int(hits.end[i])]
    if resolved[2][j] == "demonym" and between.isspace():  # "Conseil de sécurité russe", "مجلس الأمن الروسي"
        return not council[:1].isascii() or council[:1] in "Cc"  # English puts the demonym before
    return bool(_OF_AFTER.fullmatch(between)) and council[:1].isascii()


def _qualified_before(text: str, hits: Hits, resolved: list[np.ndarray], kind_of: dict, i: int) -> bool:
    j = i - 1
    s = int(hits.start[i])
    if not text[s:s + 1].isascii() or not _state_at(hits, resolved, kind_of, j, int(hits.pos[i])):
        return False
    between = text[int(hits.end[j]):s]
    adjacent = (resolved[2][j] == "demonym" and between.isspace()) or bool(_POSSESSIVE.fullmatch(between))
    return adjacent and not _UN_PART.match(text, int(hits.end[i]))
