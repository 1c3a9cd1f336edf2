"""A role phrase followed by the name of another person names that person, not the office's registry holder.

"the South Korean Minister of Foreign Affairs and Trade, Kim Hyun Chon, in the presence of the President of Russia,
Vladimir Putin" (kremlin-en, 2005): the apposition says who held the title in the writer's eyes. The registry's
holder that day (Ban Ki-moon) was read from the title alone, a false hit of round 18's fresh documents; the name
after the comma is the one the text means. The mention stays, with an empty ``actor_id`` and ``reason="apposed"``.

The rule, on the hits of a person read from a role phrase (``method == "role"``) in Latin script: the title may go
on for a few capitalised words ("… and Trade"), then a comma and a personal name of two to five capitalised words
(initials and particles such as "bin", "al", "de", "van" inside), ended by punctuation, the end of the text or a
reporting verb. It is kept when the name is the holder's (a hit of the holder inside it, or a word of the holder's
names, or of a second name after "and": "the President of the Republic of Korea, Roh Moo Hyun" is Roh Moo-hyun; "the
British Prime Minister, Lyudmila Putin and Cherie Blair" is still Blair), when a hit inside the name is not a
person or is read as a title ("the Presidents of France, Costa Rica and Brazil": a list of states), or when a word
of the name is a word of offices and places rather than of names ("the President of the Council, New York").
"""

from __future__ import annotations

import re
import unicodedata
import weakref

import numpy as np

from .hit_columns import Hits

__all__ = ["apposed_other_names"]

_UPPER = r"A-ZÀ-ÖØ-Þ"
_WORD = rf"(?:[{_UPPER}][a-zß-öø-ÿ'’\-]+|[{_UPPER}]\.)"
_PARTICLE = r"(?:al|el|bin|ben|bint|ibn|de|del|da|di|du|van|von|der|le|la|abu)"
_APPOSED = re.compile(
    rf"(?:\s+(?:and|for|of)(?:\s+[{_UPPER}][\w'’\-]*){{1,3}})?,\s+(?P<name>{_WORD}(?:[ \-](?:{_WORD}|{_PARTICLE}))"
    r"{1,4})(?=\s*(?:[,.;:)]|$)|\s+(?:said|says|told|and|who|has|had|was|is|a|an|the)\b)")
#: words of offices, bodies and places, not of personal names: a capitalised phrase holding one is no person
#: a second name coordinated with the first ("the wives of the Russian President and the British Prime Minister,
#: Lyudmila Putin and Cherie Blair": the holder's name may be the second)
_AND_NAME = re.compile(rf"\s+(?:and|et)\s+(?P<name>{_WORD}(?:[ \-](?:{_WORD}|{_PARTICLE})){{1,4}})")
_NOT_NAMES = frozenset("""new united general assembly council committee nations nation state states republic
kingdom minister ministry president government office secretary union european african arab security foreign
affairs defence defense prime deputy vice chairman chair city county province region north south east west central
islands island saint st mr mrs ms dr sir his her excellency ambassador embassy mission permanent representative
delegation department house white monday tuesday wednesday thursday friday saturday sunday january february march
april may june july august september october november december""".split())
_NAMES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def _words(text: str) -> set[str]:
    return {w for w in re.split(r"[^a-z]+", _fold(text)) if len(w) > 1}


def _holder_words(matcher, actor: str) -> set[str]:
    """The words of a person's Latin-script names in the registry (its label and aliases), cached per matcher."""
    table = _NAMES.get(matcher)
    if table is None:
        aliases = matcher.registry.aliases
        latin = aliases[aliases["lang"].isin(["en", "fr"]) & aliases["actor_id"].str.startswith("per:")]
        table = {}
        for who, alias in zip(latin["actor_id"].tolist(), latin["alias"].tolist(), strict=True):
            table.setdefault(who, set()).update(_words(alias))
        actors = matcher.registry.actors
        for who, label in zip(actors["actor_id"].tolist(), actors["label"].tolist(), strict=True):
            if isinstance(label, str) and who.startswith("per:"):
                table.setdefault(who, set()).update(_words(label))
        _NAMES[matcher] = table
    return table.get(actor, set())


def apposed_other_names(matcher, texts: list[str], hits: Hits, resolved: list[np.ndarray]) -> None:
    """Unresolve (in place) each person read from a role phrase that a comma and another person's name follow."""
    kind_of = matcher.kind_of
    for i in np.flatnonzero(resolved[1] == "role").tolist():  # the role hits only (a few per text)
        actor = resolved[0][i]
        if kind_of.get(actor) != "person":
            continue
        text, e = texts[int(hits.pos[i])], int(hits.end[i])
        m = _APPOSED.match(text, e)
        if m is None:
            continue
        a, b = m.span("name")
        words = _words(m.group("name"))
        more = _AND_NAME.match(text, b)
        if words & _NOT_NAMES or (words | _words(more.group("name") if more else "")) & _holder_words(matcher, actor):
            continue
        inside = hits.of(int(hits.pos[i]))
        starts = hits.start[inside]
        lo, hi = np.searchsorted(starts, [a, b]).tolist()
        others = [(resolved[0][inside.start + j], resolved[1][inside.start + j]) for j in range(lo, hi)]
        if any(o == actor or how == "role" or (o is not None and kind_of.get(o) not in (None, "person"))
               for o, how in others):  # the holder, a coordinated title's state ("Costa Rica"), a state
            continue
        resolved[0][i], resolved[3][i] = None, "apposed"
