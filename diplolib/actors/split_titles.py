"""French titles split around coordinated demonyms: "les ministres marocain et émirati des Affaires étrangères".

French puts the demonyms inside the title: "ministre russe des Affaires étrangères", and, for two or more
people, "les ministres russe et turc des Affaires étrangères", "les chefs de la diplomatie irakienne et
britannique". Each demonym of the chain then names the holder of that office in its state: the demonym hit is
read as the singular phrase it stands for ("ministre marocain des Affaires étrangères"), when the registry has
that phrase (the generated templates of :mod:`~diplolib.actors.state_demonyms`). English and Arabic put the
demonyms before or after the whole title ("the Russian and Turkish foreign ministers") and are handled by
:meth:`~diplolib.actors.rules.MatcherRules.coordinate`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .keys import key_form

if TYPE_CHECKING:
    from .matcher import ActorMatcher

__all__ = ["HEADS", "may_have_split_title", "split_titles"]

#: plural head → (singular head, the tails that must follow the last demonym; "" = none needed)
HEADS = {"ministres": ("ministre", ("des Affaires étrangères", "de la Défense")),
         "chefs de la diplomatie": ("chef de la diplomatie", ("",)),
         "cheffes de la diplomatie": ("cheffe de la diplomatie", ("",))}
_HEAD = re.compile(rf"(?i)(?<!\w)(?:{'|'.join(map(re.escape, HEADS))})\s+$")
_COORD = re.compile(r"\s*(?:,|et|,\s*et)\s+")
_TAIL = re.compile(rf"(?i)\s+({'|'.join(re.escape(t) for _, tails in HEADS.values() for t in tails if t)})(?!\w)")


def may_have_split_title(text: str) -> bool:
    """The cheap test first: a plural head word is in the text."""
    return "ministres " in text or "de la diplomatie " in text


def split_titles(matcher: ActorMatcher, text: str, hits: list[tuple[int, int, object]]
                 ) -> list[tuple[int, int, object]]:
    """``hits`` with each demonym of a split plural title rewritten as ``("coord", singular phrase key)``."""
    out = list(hits)
    i = 0
    while i < len(out):
        s, _, key = out[i]
        head = _HEAD.search(text, max(0, s - 30), s)
        if not head or not _state_of(matcher, key):
            i += 1
            continue
        chain = [i]
        while chain[-1] + 1 < len(out) and _COORD.fullmatch(text, out[chain[-1]][1], out[chain[-1] + 1][0]) \
                and _state_of(matcher, out[chain[-1] + 1][2]):
            chain.append(chain[-1] + 1)
        if len(chain) > 1:
            singular, tails = HEADS[" ".join(head.group(0).split()).lower()]
            tail = _TAIL.match(text, out[chain[-1]][1])
            tail_text = tail.group(1) if tail else ""
            if tail_text in tails or "" in tails:
                for j in chain:
                    surface = text[out[j][0]:out[j][1]]
                    for form in dict.fromkeys([surface, surface[:-1] if surface.endswith("s") else surface]):
                        phrase = key_form(f"{singular} {form} {tail_text}".strip())
                        if phrase in matcher._role_keys:
                            out[j] = (out[j][0], out[j][1], ("coord", phrase))
                            break
        i = chain[-1] + 1
    return out


def _state_of(matcher: ActorMatcher, key: object) -> bool:
    return isinstance(key, str) and len({e.target for e in matcher._entries.get(key, ()) if e.kind == "demonym"}) == 1
