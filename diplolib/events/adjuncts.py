"""The agent of a participle inside an adjunct is no party to the cue before it: in "the fighting stopped *under an
agreement mediated by Russia*", "fighting resumed *despite a truce negotiated by Russia*", "the talks ended *with a
deal brokered by Turkey*" the actor after "by" is who mediated, negotiated or brokered the agreement, a noun governed
by a preposition of circumstance (under, despite, with, after, amid …), not whom the fighting or the talks were
aimed at. Such a target is dropped.

Left alone: a participle of the cue's own object ("attacked the convoy *sent by* Turkey", "condemned the sanctions
*imposed by* the United States": the object's agent is a fair target), a preposition that introduces the object
("strikes on", "protests against", "fighting in areas held by ISIS") and the cue's own agent ("was attacked by",
"the massacre carried out by", read by the passive and ``nominal`` rules). :func:`adjunct_agents`."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .agents import AGENT_FILLERS, PARTICIPLES

__all__ = ["adjunct_agents", "ADJUNCT_PREPOSITIONS"]

#: Prepositions of circumstance, which govern a noun that is no object of the cue before them.
ADJUNCT_PREPOSITIONS = {
    "en": r"under|despite|with|after|following|amid|amidst|through|via|since|during|before|within|per|pursuant|as",
    "fr": r"sous|malgré|avec|après|suite|pendant|depuis|selon|grâce|lors|dans\s+le\s+cadre",
}
#: A word of the noun phrase an adjunct's preposition governs (quotes kept: 'as a "massacre" committed by').
_WORD = r"[\w'’\"“”«»-]+"
#: The text between a cue's end and its target phrase: a preposition of circumstance, one to five words (the noun
#: phrase it governs, ``mid``), a participle and "by" ("par"); no clause punctuation.
_GAP = {lang: re.compile(rf"(?:[^.;:!?\n]*?)\b(?:{preps})\s+(?P<mid>(?:{_WORD}\s+){{1,5}}?)(?P<part>[^\W\d_][\w-]*)\s+"
                         rf"{word}\s+(?:the\s+|la\s+|le\s+|l['’])?", re.IGNORECASE)
        for lang, preps, word in (("en", ADJUNCT_PREPOSITIONS["en"], "by"),
                                  ("fr", ADJUNCT_PREPOSITIONS["fr"], "par"))}
#: The same text when the agent is glued before its participle ("despite a Russia-brokered truce"): the preposition
#: and at most five words up to the target phrase, which a hyphen and a participle follow (:data:`_GLUED`).
_GAP_GLUED = {lang: re.compile(rf"(?:[^.;:!?\n]*?)\b(?:{preps})\s+(?P<mid>(?:{_WORD}\s+){{0,5}}?)", re.IGNORECASE)
              for lang, preps in ADJUNCT_PREPOSITIONS.items()}
_GLUED = re.compile(r"[-\u2010\u2011](?P<part>[a-zà-ÿ]+)\b")  # lower case: "Australia-United Kingdom" is a name
_FR_PARTICIPLE = re.compile(r"(?:é|ée|és|ées|is|ise|ises|it|ite|its|ites|u|ue|us|ues)$")
_MAX_GAP = 140
#: Subject pronouns: after one, the preposition is a conjunction opening a clause ("as they faced").
_PRONOUNS = frozenset("i you he she it we they il elle ils elles on nous vous".split())


def _participle(word: str, lang: str) -> bool:
    w = word.lower()
    if lang == "en":
        return w.endswith(PARTICIPLES) or w in AGENT_FILLERS["en"]
    return bool(_FR_PARTICIPLE.search(w))


def _noun_phrase(mid: str, lang: str) -> bool:
    """Is the text between the preposition and the participle a noun phrase ("an agreement", "a short-lived
    ceasefire") and not a clause ("they faced a counter-offensive", "warplanes attacked territory"): no subject
    pronoun and no other participle or past form in it?"""
    words = mid.split()
    return not any(w.lower() in _PRONOUNS or _participle(w, lang) for w in words)


def adjunct_agents(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, tgt: np.ndarray, lang: str
                   ) -> np.ndarray:
    """The targets with the agents of a participle in an adjunct dropped (module rules); only the hits whose target
    phrase follows the cue within :data:`_MAX_GAP` characters with "by" ("par") right before it are read. A new
    array."""
    gap = _GAP.get(lang)
    if gap is None or phrases.empty or len(tgt) == 0:
        return tgt
    ps = phrases["gstart"].to_numpy()
    disp = b.display
    end = hits["end"]
    cand = np.flatnonzero(tgt >= 0)
    t_start = ps[tgt[cand]]
    cand = cand[(t_start > end[cand]) & (t_start - end[cand] <= _MAX_GAP)]
    out = _glued_agents(disp, end, ps, phrases["gend"].to_numpy(), cand, tgt, lang)
    word = "by" if lang == "en" else "par"
    cand = cand[[re.search(rf"\b{word}\s+(?:the\s+|la\s+|le\s+|l['’])?$", disp[max(s - 9, 0):s], re.IGNORECASE)
                 is not None for s in ps[tgt[cand]].tolist()]]
    for i in cand.tolist():
        s = int(ps[tgt[i]])
        m = gap.fullmatch(disp, int(end[i]), s)
        if m is not None and _participle(m.group("part"), lang) and _noun_phrase(m.group("mid"), lang):
            out[i] = -1
    return out


def _glued_agents(disp: str, end: np.ndarray, ps: np.ndarray, pe: np.ndarray, cand: np.ndarray, tgt: np.ndarray,
                  lang: str) -> np.ndarray:
    """The targets with the agents glued before a participle in an adjunct dropped ("the fighting stopped under a
    Russian-mediated agreement"; "attacked US-backed rebels", with no preposition, keeps its reading). A new
    array."""
    out = tgt.copy()
    gap = _GAP_GLUED[lang]
    for i in cand[[disp[e:e + 1] in "-\u2010\u2011" for e in pe[tgt[cand]].tolist()]].tolist():
        g = _GLUED.match(disp, int(pe[tgt[i]]))
        m = gap.fullmatch(disp, int(end[i]), int(ps[tgt[i]]))
        if g is not None and m is not None and _participle(g.group("part"), lang) and _noun_phrase(m.group("mid"),
                                                                                                   lang):
            out[i] = -1
    return out
