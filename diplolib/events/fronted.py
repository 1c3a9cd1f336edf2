"""An actor inside a fronted adjunct is not the subject of the clause after it.

In "Looking forward to India's G20 presidency, *they* also discussed …", "Following talks with Russia, they agreed
…", "Rappelant la déclaration … des pays coprésidents du Groupe de Minsk de l'OSCE, *les ministres* appellent …" the
phrase before the comma belongs to an adjunct that opens the sentence (a participle or a preposition first); the
subject of the verb after the comma is the word after it (a pronoun, a group the registry lacks), not the actor
named in the adjunct. Read that way, the G20 discussed and the Minsk Group called (hand readings of seeds 2037 and
2038). The rule (:func:`fronted_subjects`, English and French): a cue whose source phrase ends before the first
comma of its sentence, the cue after that comma, in a sentence whose first word is a preposition of
:data:`~diplolib.events.nesting.ADJUNCT` or a participle ("-ing", "-ant"), has no source from the clause. A
subject right after the comma keeps its place as the nearest phrase ("After the talks, Russia agreed"), and a
sentence that opens with its subject ("Russia, which …, agreed") is not read.

The mirror rule (:func:`fronted_objects`): a cue inside such an adjunct, before its comma, takes no target after the
comma: "After the signing, *the President* expressed confidence …" (hand reading, seed 2041: the witness of a
signing read as its party; on Kremlin and White House readouts "During his visit, Dmitry Medvedev met …" read the
visitor as the one visited); a mutual cue keeps the parties after the comma ("After talks, Putin and Erdogan
signed …": they talked), and so does a demand, whose addressee answers in the main clause ("In response to the
visitors' request, Vladimir Putin offered …"); so does a cue that opens the sentence itself ("Welcoming the efforts
of …, including the United Nations", a resolution's preamble).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .nesting import ADJUNCT

__all__ = ["PARTICIPLE_OPENINGS", "fronted_subjects", "fronted_objects", "fronted_cuts"]

#: Endings of a participle opening a sentence ("Looking", "Rappelant", "Soulignant"), per language.
PARTICIPLE_OPENINGS = {"en": ("ing",), "fr": ("ant",)}


def _first_commas(b, sent_lo: np.ndarray) -> np.ndarray:
    """The display offset of the first comma at or after each sentence start of ``sent_lo`` (``-1`` when none;
    it may lie in a later sentence: callers compare it with offsets of the sentence)."""
    commas = np.flatnonzero(b.codes == ord(","))
    if not len(commas):
        return np.full(len(sent_lo), -1)
    k = np.searchsorted(commas, sent_lo)
    return np.where(k < len(commas), commas[np.minimum(k, len(commas) - 1)], -1)


def _opens_fronted(b, sent_lo: np.ndarray, comma: np.ndarray, lang: str) -> np.ndarray:
    """Do the words from each sentence start to its first comma open with a preposition of
    :data:`~diplolib.events.nesting.ADJUNCT` or a capitalised participle? Read in Python: callers pass the few
    candidates."""
    words, endings, disp = ADJUNCT.get(lang, frozenset()), PARTICIPLE_OPENINGS.get(lang, ()), b.display
    opening = [disp[s:c].split(None, 1)[:1] for s, c in zip(sent_lo.tolist(), comma.tolist(), strict=True)]
    return np.array([bool(w) and w[0][:1].isupper() and (w[0].lower() in words or w[0].endswith(endings))
                     for w in opening], dtype=bool)


def fronted_subjects(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, before: np.ndarray, lang: str
                     ) -> np.ndarray:
    """``before`` with the source phrase of each cue after a fronted adjunct's comma removed when the phrase is
    inside the adjunct (module rule); a new array, or ``before`` itself when no cue is read."""
    if lang not in PARTICIPLE_OPENINGS or phrases.empty or not len(before):
        return before
    cand = np.flatnonzero(before >= 0)
    sent_lo = b.sent_start[hits["sentence"][cand]]
    first = _first_commas(b, sent_lo)
    keep = (first >= 0) & (first < hits["start"][cand]) & (phrases["gend"].to_numpy()[before[cand]] <= first)
    cand, sent_lo, first = cand[keep], sent_lo[keep], first[keep]
    if not len(cand):
        return before
    out = before.copy()
    out[cand[_opens_fronted(b, sent_lo, first, lang)]] = -1
    return out


def fronted_objects(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, tgt: np.ndarray, direction: np.ndarray,
                    event: np.ndarray, lang: str) -> np.ndarray:
    """``tgt`` with the target phrase after a fronted adjunct's comma removed for an active cue inside the adjunct
    (module rule), a demand's excepted; a new array, or ``tgt`` itself when no cue is read."""
    if lang not in PARTICIPLE_OPENINGS or phrases.empty or not len(tgt):
        return tgt
    cand = np.flatnonzero((tgt >= 0) & (np.asarray(direction) == "active") & (np.asarray(event) != "DEMAND"))
    sent_lo = b.sent_start[hits["sentence"][cand]]
    first = _first_commas(b, sent_lo)
    keep = (first >= 0) & (hits["end"][cand] <= first) & (phrases["gstart"].to_numpy()[tgt[cand]] > first)
    cand, sent_lo, first = cand[keep], sent_lo[keep], first[keep]
    # a cue that is the opening word itself ("Welcoming the efforts of …, including the United Nations" in a
    # resolution's preamble) is the clause's predicate, whose object runs on past the commas
    disp = b.display
    opening = np.array([not disp[s:a].strip() for s, a in zip(sent_lo.tolist(), hits["start"][cand].tolist(),
                                                              strict=True)], dtype=bool)
    cand, sent_lo, first = cand[~opening], sent_lo[~opening], first[~opening]
    if not len(cand):
        return tgt
    out = tgt.copy()
    out[cand[_opens_fronted(b, sent_lo, first, lang)]] = -1
    return out


def fronted_cuts(b, phrases: pd.DataFrame, lang: str) -> np.ndarray:
    """Does each actor phrase start a new compound group because the phrase before it ends inside a fronted
    adjunct and it stands after the adjunct's comma ("After the meeting with Russia, France condemned …": Russia
    and France are no compound), unless the list goes on after it (then the comma is the list's)? A boolean array,
    all false for a language without the rule."""
    n = len(phrases)
    cut = np.zeros(n, dtype=bool)
    if lang not in PARTICIPLE_OPENINGS or n < 2:
        return cut
    ps, pe = phrases["gstart"].to_numpy(), phrases["gend"].to_numpy()
    sent = np.searchsorted(b.sent_start, ps, side="right") - 1
    first = _first_commas(b, b.sent_start[sent])
    cand = 1 + np.flatnonzero((sent[1:] == sent[:-1]) & (first[1:] >= 0) & (pe[:-1] <= first[1:])
                              & (ps[1:] > first[1:]))
    group = phrases["group"].to_numpy()
    # a list that goes on after the phrase is a coordinated subject, the comma one of its own ("During a long
    # telephone conversation Vladimir Putin, Jacques Chirac and Gerhard Schroeder coordinated …"), unless the phrase
    # before the comma is a place, no member of a list of parties ("Following talks *in Moscow*, Putin and Erdogan
    # signed …"; not any governed phrase: "had talks with Indonesian President Megawati, US President Bush and …")
    inside = phrases["place"].to_numpy(dtype=bool) if "place" in phrases.columns else np.zeros(n, dtype=bool)
    cand = cand[(cand + 1 >= n) | (group[np.minimum(cand + 1, n - 1)] != group[cand]) | inside[cand - 1]]
    if len(cand):
        cut[cand] = _opens_fronted(b, b.sent_start[sent[cand]], first[cand], lang)
    return cut
