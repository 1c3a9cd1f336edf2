"""The words that qualify a cue -- negation, intention, reported speech, passive, heavy weapons, clause ends --
found in the same one pass as the cues (an Aho-Corasick automaton over the spaced matching form).

Each class is a list of words or phrases in matching form, per language; :func:`find_markers` returns, for each
class, the sorted start and end offsets of its occurrences in the batch's matching form, so that a cue's flags
are ``searchsorted`` look-ups (is there a negation ending within 20 characters before the cue?).
"""

from __future__ import annotations

from functools import lru_cache

import ahocorasick
import numpy as np

from .words import words_in

__all__ = ["MARKERS", "SCANNED", "ADJACENT", "CLAUSE_WORDS", "adjacent", "find_markers", "marker_spans", "marker_words",
           "near_words", "phrases"]

#: class -> language -> words (matching form: lower case, no accents, apostrophes as spaces).
MARKERS: dict[str, dict[str, tuple[str, ...]]] = {
    "negation": {
        "en": ("not", "never", "no longer", "neither", "nor", "refused to", "declined to", "failed to", "cannot",
               "didn t", "doesn t", "don t", "won t", "wouldn t", "hasn t", "haven t", "hadn t", "isn t", "wasn t",
               "aren t", "weren t", "can t", "couldn t",
               # the same with the apostrophe lost (FA-KES: "Turkey wont allow"), and a refusal noun
               "didnt", "doesnt", "dont", "wont", "wouldnt", "hasnt", "havent", "hadnt", "isnt", "wasnt", "arent",
               "werent", "couldnt", "refusal to",
               # a noun that denies the event ("made no mention of any strikes", "the lack of funding for")
               "no mention of", "lack of", "absence of", "no sign of", "no signs of", "no evidence of"),
        "fr": ("ne", "n", "pas", "jamais", "non", "sans", "refuse de", "a refuse de",
               # a noun that denies the event, as English "absence of" (hand reading, seed 2039: "l'absence de toute
               # marque officielle de condamnation … des autorités turques")
               "absence de", "manque de", "faute de", "defaut de"),
        "ar": ("لم", "لن", "لا", "ما", "ليس", "دون"),
    },
    "intention": {  # within a word of the cue
        "en": ("will", "would", "could", "may", "might", "shall", "should", "plans to", "planned to", "plan to",
               "intends to", "intend to", "expected to", "set to", "going to", "ready to", "threatened to",
               "threatens to", "threaten to", "vowed to", "vows to", "pledged to", "promised to", "offered to",
               "wants to", "seeks to", "agreed to", "decided to",
               # "any" before a noun cue names no event that took place ("Any nuclear attack by North Korea against
               # the United States … is unacceptable", "to provide any assistance necessary"; hand reading, seed 2041)
               "any"),
        "fr": ("va", "vont", "pourrait", "pourraient", "devrait", "devraient", "doit", "doivent", "compte",
               "menace de", "menacent de", "prevoit de", "entend", "veut", "souhaite",
               # readiness and resolve put as an adjective: a stance, not the deed (hand readings of seeds 2031
               # and 2033: "est déterminée à collaborer", "est prêt à s'entretenir")
               "pret a", "prete a", "prets a", "pretes a", "determine a", "determinee a", "determines a",
               "determinees a", "dispose a", "disposee a", "disposes a", "disposees a", "resolu a", "resolue a",
               "resolus a", "s apprete a", "s appretent a", "envisage de", "envisagent de"),
        "ar": ("سوف", "يعتزم", "تعتزم", "يريد", "تريد",  # not قد: before a past verb ("وقد أعلن") it is perfective
               # readiness and resolve, as in French ("مستعدة للتعاون مع", "عازمة على")
               "مستعد", "مستعده", "مستعدون", "مستعدين", "استعداد", "استعدادها", "استعداده", "عازم", "عازمه",
               "ينوي", "تنوي", "يزمع", "تزمع"),
    },
    "purpose": {  # just before the cue (in French, only before an infinitive: "de déploiement" is a noun)
        "en": ("to",),
        "fr": ("pour", "afin de", "de", "d"),
        "ar": ("ان", "لكي", "كي"),
    },
    "reported": {
        "en": ("said", "says", "say", "told", "stated", "claimed", "claims", "alleged", "according to",
               "reported", "reportedly",
               # a body's observation ("The Government of Burundi notes that what the organizers called peaceful
               # demonstrations …": the government did not demonstrate; hand reading, seed 2037)
               "notes that", "noted that", "note that", "observes that", "observed that"),
        "fr": ("dit", "a declare", "declare", "selon", "affirme", "a affirme", "a indique", "indique", "aurait"),
        "ar": ("قال", "قالت", "يقول", "تقول", "ذكر", "ذكرت", "وفقا", "حسب", "افاد", "افادت", "زعم", "زعمت"),
    },
    "auxiliary": {
        "en": ("was", "were", "been", "being", "is", "are", "be", "got", "get"),
        "fr": ("ete", "est", "sont", "etait", "etaient", "sera", "seront"),
        "ar": (),
    },
    # just before a participle cue, a determiner makes it an adjective: "the occupied territories", "a wounded man"
    "determiner": {"en": ("the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those"),
                   "fr": (), "ar": ()},
    "agent": {"en": ("by",), "fr": ("par", "par le", "par la", "par les", "par l"), "ar": ("من قبل",)},
    "heavy": {
        "en": ("aircraft", "warplane", "warplanes", "jet", "jets", "helicopter", "helicopters", "gunship",
               "gunships", "tank", "tanks", "artillery", "missile", "missiles", "rocket", "rockets", "shell", "shells",
               "airstrike", "airstrikes", "air strike", "air strikes", "air raid", "air raids", "drone", "drones",
               "predator", "barrel bomb", "barrel bombs"),
        "fr": ("avion", "avions", "aviation", "chasseurs", "helicoptere", "helicopteres", "char", "chars",
               "artillerie", "missile", "missiles", "roquette", "roquettes", "obus", "frappe aerienne",
               "frappes aeriennes", "raid aerien", "raids aeriens", "drone", "drones"),
        "ar": ("طائرات", "الطائرات", "طائره", "الطيران", "مروحيات", "دبابات", "الدبابات", "المدفعيه", "صواريخ",
               "قذائف", "غارات", "غاره", "براميل"),
    },
    # the speaker of a report is the actor just before these ("AFP said", "l'OSDH a indique") ...
    "speaker_after": {
        "en": ("said", "says", "say", "told", "reported", "reports", "stated", "claimed", "claims", "added",
               "quoted", "cited"),
        "fr": ("a dit", "a declare", "a affirme", "a indique", "a precise", "a rapporte", "rapporte", "indique",
               "affirme", "precise", "ont indique", "ont rapporte", "ont affirme"),
        "ar": (),
    },
    # ... or just after these ("according to the Observatory", "told AFP", "a indique l'OSDH", "قال المرصد")
    "speaker_before": {
        "en": ("according to", "told", "quoted by", "cited by", "reported by", "said by", "quoting",
               # a document a news agency saw ("a statement … seen by Reuters was not approved": Reuters did not
               # reject it; hand reading, seed 2037)
               "seen by", "obtained by", "reviewed by"),
        "fr": ("selon", "d apres", "cite par", "a indique", "a declare", "a affirme", "a precise", "a rapporte",
               "rapporte", "a dit", "indique", "affirme", "precise", "a annonce a", "a declare a"),
        "ar": ("قال", "قالت", "افاد", "افادت", "ذكر", "ذكرت", "نقل", "نقلت", "وفقا", "حسب", "بحسب", "حسبما",
               "نقلا عن", "صرح", "اوضح", "اوضحت"),
    },
    "clause": {
        "en": ("but", "while", "whereas"),
        "fr": ("mais", "tandis que", "alors que"),
        "ar": ("بينما", "لكن"),
    },
}
_AR_PROCLITICS = ("", "و", "ف")


#: Classes found by the automaton pass over the batch. The others (purpose, auxiliary, agent) are single frequent
#: words ("to", "is", "by") that count only right next to the cue: :func:`adjacent` reads the word before or after
#: each cue instead, which is cheaper than a pass that stops at every "to" of the batch.
ADJACENT = ("purpose", "auxiliary", "agent", "determiner")
#: Classes whose words the caller of :func:`~diplolib.events.scan.scan` gives: the clause lists of
#: :mod:`~diplolib.events.clauses` (``FORWARD``: the words that open a subordinate clause; ``FIRM``: those that end
#: the search for a reaction's target), found in the same pass for :func:`~diplolib.events.clauses.forward_marks`;
#: as written, no Arabic proclitic.
CLAUSE_WORDS = ("forward", "firm")
SCANNED = tuple(c for c in MARKERS if c not in ADJACENT) + CLAUSE_WORDS


@lru_cache(maxsize=32)
def phrases(cls: str, lang: str) -> frozenset[tuple[str, ...]]:
    """The markers of a class and language as word tuples (Arabic ones also with a proclitic و or ف)."""
    out = set()
    for word in MARKERS[cls].get(lang, ()):
        for p in _AR_PROCLITICS if lang == "ar" else ("",):
            out.add(tuple(f"{p}{word}".split()))
    return frozenset(out)


def near_words(words: list[str], cls: str, lang: str, *, last: int) -> bool:
    """Does a marker of ``cls`` occur among the ``last`` words of ``words`` (the words just before a cue)?"""
    found = phrases(cls, lang)
    tail = words[-last:]
    n = len(tail)
    return any(tuple(tail[i:j]) in found for i in range(n) for j in range(i + 1, min(n, i + 3) + 1))


def adjacent(spaced: str, cue_start: list[int], cue_end: list[int], cls: str, lang: str, *, after: bool = False
             ) -> list[bool]:
    """Is the word right before each cue (right after it, with ``after``) a marker of ``cls``? Offsets are into
    the matching form (``spaced[i + 1] == match[i]``); a punctuation mark in between means no (two spaces). The
    words of all cues are read at once (:mod:`~diplolib.events.words`)."""
    found = phrases(cls, lang)
    singles = frozenset(p[0] for p in found if len(p) == 1)
    if not after:  # the word ending at each cue start, looked up on the arrays (no string per cue)
        return words_in(spaced, np.asarray(cue_start, dtype=np.int64), singles).tolist()
    pairs = {p for p in found if len(p) == 2}
    ends = np.asarray(cue_end, dtype=np.int64) + 2
    out = words_in(spaced, ends, singles, after=True)
    firsts = frozenset(p[0] for p in pairs)
    for k in np.flatnonzero(~out & words_in(spaced, ends, firsts, after=True)).tolist():
        e = int(ends[k])
        j = spaced.find(" ", e)
        out[k] = (spaced[e:j], spaced[j + 1:spaced.find(" ", j + 1)]) in pairs
    return out.tolist()


@lru_cache(maxsize=8)
def marker_words(lang: str) -> dict[str, tuple[str, ...]]:
    """The words of the scanned classes as the automata hold them, ``" " + word + " "`` (Arabic ones also with a
    proclitic و or ف) -> the classes listing them."""
    words: dict[str, set[str]] = {}
    for cls, by_lang in ((c, MARKERS[c]) for c in SCANNED if c in MARKERS):
        for word in by_lang.get(lang, ()):
            for p in _AR_PROCLITICS if lang == "ar" else ("",):
                words.setdefault(f" {p}{word} ", set()).add(cls)
    return {word: tuple(sorted(classes)) for word, classes in words.items()}


@lru_cache(maxsize=8)
def _automaton(lang: str):
    auto = ahocorasick.Automaton()
    for word, classes in marker_words(lang).items():
        auto.add_word(word, (len(word), classes))
    auto.make_automaton()
    return auto


def marker_spans(last: np.ndarray, size: np.ndarray, bits: np.ndarray) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """:func:`find_markers`'s table from the automaton's matches in the order it reports them (by end): the last
    character ``last`` of each matched word in the spaced form, its ``size`` (with its two spaces) and ``bits``,
    bit ``i`` set when the word is in class ``SCANNED[i]``."""
    out = {}
    for i, cls in enumerate(SCANNED):
        sel = (bits >> i) & 1 == 1
        start, end = last[sel] - size[sel] + 1, last[sel] - 1  # spaced[i + 1] == match[i]: without the spaces
        order = np.argsort(end, kind="stable")
        out[cls] = (start[order], end[order])
    return out


def find_markers(spaced: str, lang: str) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """``class -> (starts, ends)`` of the markers of ``lang`` in a spaced matching form (see :mod:`.scan`).

    ``spaced`` is ``" " + spaced(match) + " "``; the offsets returned are into ``match`` (end exclusive), sorted by
    end (and so by start: no two occurrences of one class end at the same place with different starts that
    matter here). :func:`~diplolib.events.scan.scan` finds them in the same automaton pass as the cues.
    """
    found = [(last, size, sum(1 << SCANNED.index(c) for c in classes))
             for last, (size, classes) in _automaton(lang).iter(spaced)]
    arr = np.array(found, dtype=np.int64).reshape(-1, 3)
    return marker_spans(arr[:, 0], arr[:, 1], arr[:, 2])
