"""Who acts when the cue's agent follows it: "the massacre *carried out by* X", "strikes *by* the coalition",
"has been *widely* accused by X" -- the word lists and look-ups of :func:`~diplolib.events.cue_flags.flags`."""

from __future__ import annotations

import numpy as np

from .words import prev_space, space_positions, spaced_codes, words_in

__all__ = ["AGENT_FILLERS", "PARTICIPLES", "agent_after", "adverb_after_auxiliary"]

#: Words between a noun cue and its agent: "the massacre *carried out* by", "an attack *attempt* by", "attacks
#: *allegedly committed* by", "the sanctions *imposed* by", "the threat *posed* by": the actor after "by" did it;
#: also through a belief ("The attack *believed to have been carried out* by Russian aircraft", seed 2039).
AGENT_FILLERS = {"en": frozenset("""carried out committed perpetrated conducted launched staged allegedly reportedly
    attempt attempts waged mounted claimed imposed ordered levied announced brokered was were been being
    posed caused inflicted orchestrated masterminded
    believed thought suspected said likely probably apparently presumably to have""".split()),
                 "fr": frozenset("perpetre perpetree perpetres perpetrees commis commise commises mene menee menees "
                                 "lance lancee lancees revendique revendiquee a ete est".split()), "ar": frozenset()}
_AGENT_WORD = {"en": "by", "fr": "par"}
#: At most this many filler words between a cue and "by" ("believed to have been carried out").
_MAX_FILLERS = 6


def agent_after(spaced: str, ends: list[int], lang: str) -> np.ndarray:
    """Does "by" ("par") follow each cue after one to six words of :data:`AGENT_FILLERS`?"""
    fill, word = AGENT_FILLERS.get(lang, frozenset()), _AGENT_WORD.get(lang)
    out = np.zeros(len(ends), dtype=bool)
    if word is None:
        return out
    filler = words_in(spaced, np.asarray(ends, dtype=np.int64) + 2, fill, after=True)
    for k in np.flatnonzero(filler).tolist():  # most cues: no filler word after them
        e = ends[k]
        words = spaced[e + 1:e + 72].split(" ")[1:8]  # a punctuation mark leaves an empty word: no agent
        n = next((i for i, w in enumerate(words) if w not in fill), len(words))
        out[k] = 1 <= n <= _MAX_FILLERS and n < len(words) and words[n] == word
    return out


#: Endings of an English past participle (and irregular ones): "backed by", "struck by".
PARTICIPLES = ("ed", "en", "struck", "hit", "shot", "led", "held", "fought", "sent", "made", "put", "cut", "set")
_AUXILIARIES = {"en": frozenset("was were been being is are be got get".split()),
                "fr": frozenset("ete est sont etait etaient sera seront".split())}


def adverb_after_auxiliary(spaced: str, starts: list[int], lang: str) -> np.ndarray:
    """Is the word before each cue an adverb in -ly (-ment) after a passive auxiliary ("has been *widely* accused",
    "a été *violemment* attaqué")?"""
    aux, suffix = _AUXILIARIES.get(lang), {"en": "ly", "fr": "ment"}.get(lang)
    out = np.zeros(len(starts), dtype=bool)
    if not aux:
        return out
    # the word before each cue (spaced[s] is the space before the cue) ends in the suffix and is longer than
    # four characters: tested on the code points; only those words' previous words are read as strings
    codes, spaces = spaced_codes(spaced), space_positions(spaced)
    s = np.minimum(np.asarray(starts, dtype=np.int64), len(codes))  # as the slice clips
    js = prev_space(spaces, s)
    ok = s - js - 1 > 4
    for i, c in enumerate(reversed(suffix)):
        ok[ok] = codes[s[ok] - 1 - i] == ord(c)
    for k in np.flatnonzero(ok).tolist():
        j = int(js[k])
        i = spaced.rfind(" ", 0, j)
        out[k] = spaced[i + 1:j] in aux
    return out
