"""A person's name inside the name of a thing named after them is not that person acting.

"Jomo Kenyatta International Airport" / "مطار جومو كينياتا الدولي" (read as Uhuru Kenyatta, whose surname it
is), "Nelson Mandela International Day" / "la Journée internationale Nelson Mandela", "la Fondation Jacques
Chirac", "King Fahd Stadium": the hit is part of the name of an airport, a day, a foundation, a university, a
street, a stadium, a hospital, a museum, a mosque ... (round 14, the fresh documents: an Arabic airport and a UN
day). The mention stays, with an empty ``actor_id`` and ``reason="in-name"``, as capitals inside the name of an
instrument do (``rules._in_a_name``). The rules, each with its reason:

- **English**: the head noun comes right after the name, capitalised, or after "International", "National",
  "Memorial" or "Peace" ("Kenyatta International Airport", "Mandela International Day"); no other word between
  ("Putin Victory Day speech" is Putin's), and punctuation breaks it ("Putin. Day one").
- **French**: the head noun comes before the name ("aéroport", "Journée internationale", "fondation", "rue",
  "stade" ...), with at most two capitalised words (first names) between; "Prix" only capitalised, as the UN writes
  its prizes ("Prix des Nations Unies Nelson Rolihlahla Mandela"): "quel prix Poutine est-il prêt à payer" is a price.
- **Arabic**: the head noun in the construct state (no article: "مطار", "ملعب", "جامعة", "مؤسسة" ...), with its
  proclitics, right before the name or one word before it (a first name the registry lacks: "جومو"). With the
  article ("المطار") the noun ends its phrase, and a verb after a construct head is not Arabic. And the UN's days:
  "اليوم الدولي لنيلسون مانديلا", and prizes: "جائزة الأمم المتحدة لنيلسون روليهلالا مانديلا"; not any "جائزة … لـ":
  "منح جائزة نوبل للسلام لأوباما" gives the prize to Obama.
"""

from __future__ import annotations

import re

import ahocorasick
import numpy as np
import pandas as pd

from .hit_columns import Hits

__all__ = ["named_after_people"]

_EN_HEADS = (r"Airport|Day|Prize|Award|Stadium|Foundation|University|Bridge|Hospital|Street|Avenue|Boulevard|"
             r"Square|Mosque|Museum|Library|Institute|Memorial|Highway|School|College|Trophy|Cup")
_EN_AFTER = re.compile(rf"[ \t-]+(?:(?:International|National|Memorial|Peace)[ \t]+)?(?:{_EN_HEADS})\b")
_FR_HEADS = (r"a[ée]roport|journ[ée]e\s+internationale|journ[ée]e|fondation|universit[ée]|lyc[ée]e|coll[èe]ge|"
             r"[ée]cole|h[ôo]pital|mus[ée]e|mosqu[ée]e|rue|avenue|boulevard|pont|stade|institut")
_FR_BEFORE = re.compile(rf"(?:(?i:\b(?:{_FR_HEADS}))(?:\s+internationale?)?|\bPrix(?:\s+des\s+Nations\s+[Uu]nies)?)"
                        rf"[\s-]+(?:[A-ZÀ-Ý][\w'’-]*[\s-]+){{0,2}}$")
_AR_HEADS = "مطار|ملعب|استاد|جامعة|مستشفى|مؤسسة|شارع|جادة|ميدان|جسر|مسجد|متحف|معهد|مدرسة|جائزة"
_AR_BEFORE = re.compile(rf"(?:^|\s)[وفبل]{{0,2}}(?:(?:{_AR_HEADS})\s+(?:[\u0600-\u06ff]+\s+)?|"
                        r"(?:ال)?يوم\s+الدولي\s+ل|جائزة\s+الأمم\s+المتحدة\s+ل)$")


#: a head word's stem somewhere in the 60 characters before the hit (lower case): the cheap test before the
#: anchored patterns
_HEAD_STEMS = ("roport", "journ", "fondation", "universit", "lyc", "coll", "cole", "pital", "mus", "mosqu", "rue",
               "avenue", "boulevard", "pont", "stade", "institut", "prix", *_AR_HEADS.split("|"), "يوم")
_HEAD_STEM = re.compile("|".join(_HEAD_STEMS))


def _stem_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for stem in _HEAD_STEMS:
        automaton.add_word(stem, len(stem))
    automaton.make_automaton()
    return automaton


_STEMS = _stem_automaton()


def _english_head_after(text: str, end: int) -> bool:
    """A capitalised head noun ("Airport", "International Day") right after the hit ending at ``end``."""
    nxt = text[end + 1:end + 2]
    return bool(nxt and nxt.isupper() and text[end:end + 1] in " \t-" and _EN_AFTER.match(text, end))


def named_after(text: str, start: int, end: int) -> bool:
    """Whether the hit ``text[start:end]`` is a person's name inside the name of a thing named after them."""
    if _english_head_after(text, end):
        return True
    before = text[max(0, start - 60):start]
    if not _HEAD_STEM.search(before.lower()):
        return False
    return bool(_FR_BEFORE.search(before) or _AR_BEFORE.search(before))


def with_head_stem(befores: list[str]) -> np.ndarray:
    """``_HEAD_STEM.search(b.lower())`` for each of ``befores``, with one automaton pass over them joined by NULs
    (no stem holds a NUL, so none is found across two of them; the lower case of the joined string is that of
    each piece joined)."""
    joined = "\x00".join(befores).lower()
    lengths = np.fromiter(map(len, befores), dtype=np.int64, count=len(befores))
    if len(joined) != int(lengths.sum()) + max(len(befores) - 1, 0):  # a character lowered to two: one by one
        return np.array([bool(_HEAD_STEM.search(b.lower())) for b in befores], dtype=bool)
    ends = np.fromiter((last for last, _ in _STEMS.iter(joined)), dtype=np.int64)
    out = np.zeros(len(befores), dtype=bool)
    out[np.searchsorted(np.cumsum(lengths + 1), ends, side="right")] = True
    return out


def named_after_people(texts: list[str], hits: Hits, resolved: list[np.ndarray], kind_of: dict) -> None:
    """Re-resolve (in place) each person's hit inside the name of a thing named after them as ``in-name``
    (:func:`named_after`; the stems of the head nouns looked for in every hit's 60 characters at once)."""
    codes, uniques = pd.factorize(resolved[0])  # None -> -1
    person = np.r_[np.array([kind_of.get(a) == "person" for a in uniques], dtype=bool), False][codes]
    todo = np.flatnonzero(person)
    if not len(todo):
        return
    pos, start, end = hits.pos[todo].tolist(), hits.start[todo].tolist(), hits.end[todo].tolist()
    befores = [texts[p][max(0, s - 60):s] for p, s in zip(pos, start, strict=True)]
    stem = with_head_stem(befores).tolist()
    for k, i in enumerate(todo.tolist()):  # the person hits only; each test reads at most 60 characters around
        if (_english_head_after(texts[pos[k]], end[k])
                or (stem[k] and (_FR_BEFORE.search(befores[k]) or _AR_BEFORE.search(befores[k])))):
            resolved[0][i], resolved[3][i] = None, "in-name"
