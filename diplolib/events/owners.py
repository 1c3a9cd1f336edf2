"""The owner of a withdrawal noun is who withdraws: "the withdrawal of Russian troops from Syria", "le retrait de la
Belgique de l'accord", "بانسحاب القوات الأمريكية من سوريا". The actor governed by the noun ("of", "de", the Arabic
construct state) is the RETREAT's source, PLOVER's coding (the side that pulls back), and the actor after "from"
("de", "من") right after it is the target (the place or side left). Without this the clause read the owner as the
target ("Russia demanded the withdrawal of American forces": Russia the withdrawer) or gave no source at all.

Not read: a noun with a possessive before it ("its withdrawal from", "son retrait du Mali", "انسحابها"), whose owner
is the possessor (the clause's subject, already read), a definite noun with no owner ("الانسحاب من"), a gap that
holds a preposition ("withdrawal of support for Syria", "withdrawal of troops from Syria": Syria is left, no owner
named) and a phrase that is no party (a place). :func:`withdrawal_owners`."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .adjuncts import adjunct_agents

__all__ = ["withdrawal_owners", "noun_sides", "NOUNS"]

#: The withdrawal nouns of each language (the cue's first word, lower case; Arabic with its proclitics).
NOUNS = {
    "en": re.compile(r"(?:withdrawal|pullout|pull-out|drawdown|retreat)\b", re.IGNORECASE),
    "fr": re.compile(r"(?:retrait|désengagement|repli)\b", re.IGNORECASE),
    "ar": re.compile(r"(?:و|ب|ل|وب|ول)?انسحاب(?![\u0621-\u064a])"),
}
#: A possessive right before the noun: the owner is the possessor.
_POSSESSIVE = {
    "en": re.compile(r"(?:\b(?:its|their|his|her|our|my|your)|['’]s?)\s*$", re.IGNORECASE),
    "fr": re.compile(r"\b(?:son|sa|ses|leur|leurs|notre|votre|mon)\s*$", re.IGNORECASE),
    "ar": re.compile(r"$^"),  # the possessive is a suffix: the noun pattern does not match "انسحابها"
}
_PREPS = r"(?:from|for|to|in|on|at|by|with|against|into|of|and|or|over|after|before)\b"
#: The text between the noun and the owner's phrase: the genitive, then at most three words, none a preposition.
_OWNER_GAP = {
    "en": re.compile(rf"\s+of\s+(?:(?!{_PREPS})[\w-]+\s+){{0,3}}", re.IGNORECASE),
    "fr": re.compile(r"\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])"
                     r"(?:(?:troupes|forces|soldats|militaires|contingents?|unités)\s+)?", re.IGNORECASE),
    "ar": re.compile(r"\s+(?:(?:ال)?(?:قوات|جنود|جيش|وحدات)\s+)?"),
}
#: The text between the owner's phrase and the place or side left ("… troops from", "… forces du", "… من").
_FROM_GAP = {
    "en": re.compile(r"(?:\s+[\w-]+){0,3}?\s+from\s+(?:the\s+)?", re.IGNORECASE),
    "fr": re.compile(r"(?:\s+[\w-]+){0,2}?\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])", re.IGNORECASE),
    "ar": re.compile(r"(?:\s+[\u0621-\u064a]+){0,2}?\s+من\s+"),
}


def withdrawal_owners(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, event: np.ndarray, src: np.ndarray,
                      tgt: np.ndarray, lang: str, party: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Source and target of each RETREAT hit whose cue is a withdrawal noun governing an actor (module rules): the
    owner the source, the actor after "from" right after it the target, none otherwise. Only the hits whose first
    actor phrase after the cue follows it within 40 characters are read. New arrays."""
    noun = NOUNS.get(lang)
    if noun is None or phrases.empty or len(src) == 0:
        return src, tgt
    ps, pe = phrases["gstart"].to_numpy(), phrases["gend"].to_numpy()
    start = hits["start"]
    k = np.searchsorted(ps, start, side="left")  # the first phrase starting at or after the cue
    cand = np.flatnonzero((event == "RETREAT") & (k < len(ps)))
    cand = cand[ps[k[cand]] - start[cand] <= 40 + 24]
    if not len(cand):
        return src, tgt
    disp = b.display
    owner_gap, from_gap, poss = _OWNER_GAP[lang], _FROM_GAP[lang], _POSSESSIVE[lang]
    out_src, out_tgt = src.copy(), tgt.copy()
    for i in cand.tolist():
        a, o = int(start[i]), int(k[i])
        m = noun.match(disp, a)
        if m is None or poss.search(disp, max(a - 12, 0), a) or not party[o] or disp[max(a - 2, 0):a] == "ال":
            continue
        g = owner_gap.match(disp, m.end(), int(ps[o]))
        if g is None or g.end() != ps[o]:
            continue
        out_src[i], out_tgt[i] = o, -1
        n = o + 1
        if n < len(ps) and party[n]:
            f = from_gap.match(disp, int(pe[o]), int(ps[n]))
            if f is not None and f.end() == ps[n]:
                out_tgt[i] = n
    return out_src, out_tgt


def noun_sides(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, event: np.ndarray, src: np.ndarray,
               tgt: np.ndarray, lang: str, party: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """:func:`withdrawal_owners`, then :func:`~diplolib.events.adjuncts.adjunct_agents` (the agent of a participle
    in an adjunct is no target): the two rules on the actors a noun governs, as called by
    :func:`~diplolib.events.extract_events`. New arrays."""
    src, tgt = withdrawal_owners(b, hits, phrases, event, src, tgt, lang, party)
    return src, adjunct_agents(b, hits, phrases, tgt, lang)
