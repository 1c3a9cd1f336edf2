"""The flags of each cue, read on the matching form around it: negated, hypothetical, reported, passive, an agent
after it ("by", "par"), nominal and heavy weapons (the **Flags** rules of :mod:`~diplolib.events.roles`)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .agents import PARTICIPLES, adverb_after_auxiliary, agent_after
from .markers import adjacent
from .scan import Batch
from .words import spaced_codes

__all__ = ["flags", "REALISED", "heavy_between"]


def _before(marks: tuple[np.ndarray, np.ndarray], pos: np.ndarray, lo: np.ndarray) -> np.ndarray:
    """Is there a marker ending in ``[lo, pos]`` (matching-form offsets)?"""
    ends = marks[1]
    if len(ends) == 0:
        return np.zeros(len(pos), dtype=bool)
    i = np.searchsorted(ends, pos, side="right") - 1
    return (i >= 0) & (ends[np.maximum(i, 0)] >= lo)


def _starting(marks: tuple[np.ndarray, np.ndarray], lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Is there a marker starting in ``[lo, hi]``?"""
    starts = np.sort(marks[0])
    if len(starts) == 0:
        return np.zeros(len(lo), dtype=bool)
    i = np.searchsorted(starts, lo, side="left")
    return (i < len(starts)) & (starts[np.minimum(i, len(starts) - 1)] <= hi)


def heavy_between(marks: dict[str, tuple[np.ndarray, np.ndarray]], lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Does a heavy-weapons marker start in ``[lo, hi]`` (matching-form offsets)?"""
    return _starting(marks["heavy"], lo, hi)


def _infinitive(b: Batch, hits: dict[str, np.ndarray], lang: str) -> np.ndarray:
    """Could the cue be an infinitive? Always in English and Arabic ("to meet", "ان يلتقي"); in French only a form
    ending in -er, -ir or -re ("de condamner", not "de déploiement")."""
    if lang != "fr":
        return np.ones(len(hits["m_start"]), dtype=bool)
    m = b.match
    return np.array([m[a:z].endswith(("er", "ir", "re")) for a, z in zip(hits["m_start"].tolist(),
                                                                        hits["m_end"].tolist(), strict=True)],
                    dtype=bool)


#: Verbs before "to" whose infinitive happened, was tried or ordered ("tried to assassinate", "continued to shell",
#: "ordered La Prensa to suspend publication"):
#: PLOVER codes the deed, not an intention.
REALISED = {"en": frozenset("""tried try tries trying attempted attempt attempts attempting managed manage manages
    continued continue continues continuing began begin begins beginning started start starts starting helped
    went used ordered orders order forced force forces compelled obliged""".split()),
            "fr": frozenset("tente essaye continue continuent commence commencent".split()), "ar": frozenset()}


_REALISED_REACH = 6  # words back from "to" to the verb ("ordered the opposition newspaper La Prensa to suspend")


def _realised(spaced: str, starts: list[int], lang: str) -> np.ndarray:
    """Is there a verb of :data:`REALISED` among the :data:`_REALISED_REACH` words before each cue's "to", with no
    punctuation between ("tried to", "ordered La Prensa to")? ``starts``: matching-form offsets
    (``spaced[i + 1] == match[i]``)."""
    verbs = REALISED.get(lang, frozenset())
    out = np.zeros(len(starts), dtype=bool)
    if not verbs:
        return out
    for k, s in enumerate(starts):
        j = spaced.rfind(" ", 0, s)
        head = spaced[max(0, j - 12 * _REALISED_REACH):j]
        words = head.split(" ")[-_REALISED_REACH:]
        if "" in words:  # a punctuation mark (two spaces): only the words after it
            words = words[len(words) - words[::-1].index(""):]
        out[k] = any(w in verbs for w in words)
    return out


def _adjective_to(b: Batch, starts: list[int], ends: list[int], lang: str) -> np.ndarray:
    """"is committed to", "is opposed to": in English a participle with "to" after it is an adjective with its
    complement, not a passive."""
    if lang != "en":
        return np.zeros(len(starts), dtype=bool)
    to = np.array(adjacent(b.spaced, starts, ends, "purpose", lang, after=True), dtype=bool)
    # the cue itself ends in " to": its spaced form ends in "to" after a space (spaced[i + 1] == match[i])
    z = np.asarray(ends, dtype=np.int64)
    codes = spaced_codes(b.spaced)
    cand = np.flatnonzero((z - np.asarray(starts, dtype=np.int64) >= 3) & (codes[z - 1] == ord("t"))
                          & (codes[z] == ord("o")) & (codes[z - 2] == 32)) if len(z) else z
    to[cand] |= np.array([b.match[a:e].endswith(" to") for a, e in zip(np.asarray(starts)[cand].tolist(),
                                                                        z[cand].tolist(), strict=True)], dtype=bool)
    return to


def _forms_where(b: Batch, where: np.ndarray, m_start: np.ndarray, m_end: np.ndarray, test) -> np.ndarray:
    """``test`` of the matching form of each cue flagged in ``where`` (false elsewhere): a string only for the
    few cues a rule reads (an auxiliary before them, an agent after them), not for every cue of the batch."""
    out = np.zeros(len(where), dtype=bool)
    at = np.flatnonzero(where)
    m = b.match
    out[at] = [test(m[a:z]) for a, z in zip(m_start[at].tolist(), m_end[at].tolist(), strict=True)]
    return out


def flags(b: Batch, hits: dict[str, np.ndarray], phrases: pd.DataFrame, after: np.ndarray,
          marks: dict[str, tuple[np.ndarray, np.ndarray]], lang: str) -> dict[str, np.ndarray]:
    """``negated``, ``hypothetical``, ``reported``, ``passive``, ``by``, ``nominal`` (a noun cue with its agent
    after it: "the massacre carried out by") and ``heavy`` (heavy weapons named near the cue) for each hit
    (boolean arrays), from the markers of :func:`~diplolib.events.markers.find_markers`.

    Windows, in characters of the matching form and never before the sentence: a negation ends within 20
    characters before the cue, an intention within 14, a purpose word ("to", "pour", "ان") and a passive
    auxiliary just before it (one space); reported speech anywhere before it in the sentence; the agent word
    ("by", "par", "من قبل") just after it; heavy weapons from 60 characters before to 40 after.
    """
    n = len(hits["start"])
    if n == 0:
        return {k: np.zeros(0, dtype=bool) for k in ("negated", "hypothetical", "reported", "passive", "by",
                                                     "nominal", "heavy")}
    m_start, m_end = hits["m_start"], hits["m_end"]
    # the sentence's start in the matching form: the first matching character at or after the display start
    sent_m = np.minimum(b.match_offsets(b.sent_start[hits["sentence"]]), m_start)
    edge = m_start - 1  # a marker right before the cue ends one space before it

    def near(cls: str, width: int) -> np.ndarray:
        return _before(marks[cls], edge, np.maximum(m_start - width, sent_m))

    starts = m_start.tolist()
    agent = agent_after(b.spaced, m_end.tolist(), lang)

    def word_before(cls: str) -> np.ndarray:
        return np.array(adjacent(b.spaced, starts, [], cls, lang), dtype=bool) & (m_start > sent_m)

    aux = word_before("auxiliary") | adverb_after_auxiliary(b.spaced, starts, lang)  # "has been widely accused"
    # "has been sharing", "is providing": a progressive, not a passive (read only after an auxiliary)
    progressive = _forms_where(b, aux, m_start, m_end, lambda f: f.split(" ", 1)[0].endswith("ing"))
    # an English noun with its agent right after it ("strikes by the US-led coalition"): the agent is the source;
    # a participle ("forces backed by Russia") or a passive verb is read as before
    by_next = np.array(adjacent(b.spaced, starts, m_end.tolist(), "agent", lang, after=True), dtype=bool)
    by_noun = by_next & ~aux
    agent |= by_noun & ~_forms_where(b, by_noun, m_start, m_end,
                                     lambda f: f.rsplit(" ", 1)[-1].endswith(PARTICIPLES)) & (lang == "en")
    purpose = word_before("purpose")
    realised = np.zeros(n, dtype=bool)  # read only where "to" comes before the cue
    infinitive = np.zeros(n, dtype=bool)
    at = np.flatnonzero(purpose)
    realised[at] = _realised(b.spaced, [starts[i] for i in at.tolist()], lang)
    infinitive[at] = _infinitive(b, {"m_start": m_start[at], "m_end": m_end[at]}, lang)
    adjective = np.zeros(n, dtype=bool)  # read only after an auxiliary
    ai = np.flatnonzero(aux)
    adjective[ai] = _adjective_to(b, m_start[ai].tolist(), m_end[ai].tolist(), lang)
    return {
        "negated": near("negation", 20),
        "hypothetical": near("intention", 14) | (purpose & infinitive & ~realised)
        | hits["future"],
        "reported": _before(marks["reported"], edge, sent_m),
        "passive": (aux & ~adjective & ~progressive)
        | (agent & (after >= 0)),
        "by": (by_next | agent) & (after >= 0),
        "nominal": agent & (after >= 0),  # "condemned the massacre carried out by X": X the source, no target
        "heavy": _starting(marks["heavy"], np.maximum(m_start - 60, sent_m), m_end + 40),
    }
