"""Attribution: who reports an event is not a party to it.

"Air strikes killed 20 civilians in Aleppo, AFP said", "according to the Syrian Observatory for Human Rights,
regime forces shelled Douma", "a indiqué l'OSDH", "قال المرصد السوري إن …": the actor next to a reporting verb
is the *speaker* of the sentence. Rules (applied by :func:`~diplolib.events.extract_events`):

- **Speaker phrases.** An actor phrase is a speaker when a reporting verb follows it at once ("AFP said", "the
  Observatory told", "l'OSDH a indiqué"; at most three words between, or an apposition set off by commas: "the
  Observatory, a Britain-based monitor, said") or precedes it closely ("according to the Observatory",
  "told AFP", "selon l'OSDH", "a indiqué l'OSDH", "قال المرصد", "نقلا عن"; at most three words between, no
  comma). A conjunction or relative pronoun between ("Putin met Erdogan and said", "…, who said") is not an
  apposition: the phrase stays a party.
- **A speaker is never the target** of an event in its sentence, and never the source of a material event
  (an attack, aid, an arrest: "the Observatory said air strikes killed …" has no source).
- **A self-report** ("the rebels said they will release …", "Iraq said it would allow …", "l'armée a indiqué
  qu'elle avait frappé …"): a reporting verb followed by a subject pronoun reports the speaker's own act; the
  speaker stays the source, of material events too.
- **A reporting organisation** -- a news agency, newspaper, broadcaster or monitor (:func:`reporting_actors`:
  AFP, the Syrian Observatory, SANA, …) -- in a speaker position is never the source of any event: it reports,
  it does not condemn. A state or a person in a speaker position stays the source of a verbal event reported
  ("Russia said Sudan must return …": Russia demands). Nor is it a party, source or target, of a material
  event wherever it stands ("… killed 20 in Syria, AFP" is no attack on AFP): it reports deeds, it does not do
  them; the rare attack on a newsroom is left without that side rather than counted as war on an agency.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .chars import UPPER, char_classes
from .scan import Batch
from .words import next_space, space_positions, words_in

__all__ = ["REPORTING_ORGANISATION", "PRONOUNS", "reporting_actors", "self_reports", "speakers", "located_speakers",
           "skip", "regroup", "speaker_before"]

#: What the label or note of an organisation says when it is a news agency, a newspaper, a broadcaster or a
#: monitor that reports events rather than takes part in them.
REPORTING_ORGANISATION = re.compile(
    r"\b(?:news|agency news|news agency|agence|press|presse|observatory|monitor(?:ing group)?|broadcast\w*|"
    r"television|radio|newspaper|wire service)\b", re.IGNORECASE)
_NOT_APPOSITION = frozenset("and or who which that whose it he she they et ou qui dont il elle ils elles و".split())
_WORDS = 3
#: Subject pronouns right after a reporting verb (maybe after "that"): the speaker reports its own act.
PRONOUNS = {"en": frozenset("they it he she we".split()), "fr": frozenset("il elle ils elles nous".split()),
            "ar": frozenset("انه انها انهم انهما".split())}
_THAT = frozenset("that que qu".split())
#: Words of time between a reporting verb and its pronoun ("said *on Friday* they would blockade Paris").
_TIME = frozenset("""on monday tuesday wednesday thursday friday saturday sunday today yesterday tonight earlier
    later last late this week month in a statement lundi mardi mercredi jeudi vendredi samedi dimanche hier
    aujourd hui""".split())
_CLAUSE_WORDS = frozenset("that que qu ان".split())  # "told AFP that Turkey …": the clause after is reported


def reporting_actors(actors: pd.DataFrame) -> frozenset:
    """Actor ids of the reporting organisations of an actors table (``actor_id``, ``kind``, ``label``, ``note``):
    every actor of kind ``media`` (the registry's news agencies), and the organisations whose label or note matches
    :data:`REPORTING_ORGANISATION` (monitors such as the Syrian Observatory for Human Rights)."""
    org = actors[actors["kind"] == "organisation"]
    text = org["label"].fillna("") + " " + (org["note"].fillna("") if "note" in org.columns else "")
    media = actors.loc[actors["kind"] == "media", "actor_id"]
    return frozenset(org.loc[text.str.contains(REPORTING_ORGANISATION), "actor_id"]) | frozenset(media)


def self_reports(b: Batch, marks: dict[str, tuple[np.ndarray, np.ndarray]], lang: str
                 ) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """``marks`` without the reporting verbs followed by a subject pronoun ("said they will", "a indiqué qu'il"):
    those do not part the speaker from the act (a new dict; the ``reported`` flag still reads the original)."""
    pronouns = PRONOUNS.get(lang, frozenset())
    out = dict(marks)
    spaced = b.spaced
    spaces = space_positions(spaced)
    for cls in ("reported", "speaker_after"):
        starts, ends = marks[cls]
        at = ends + 2  # the word after the verb; the words of all verbs read at once
        for _ in range(3):  # "said on Friday they would …": up to three time words skipped
            time = np.flatnonzero(words_in(spaced, at, _TIME, after=True))
            if not len(time):
                break
            at[time] = next_space(spaces, at[time]) + 1
        that = np.flatnonzero(words_in(spaced, at, _THAT, after=True))
        at[that] = next_space(spaces, at[that]) + 1
        keep = ~words_in(spaced, at, pronouns, after=True)
        out[cls] = (starts[keep], ends[keep])
    return out


def _gap_after(gap: str) -> bool:
    """Does ``gap`` (matching form between a phrase and a reporting verb after it) keep the phrase the speaker?"""
    words = gap.replace(",", " , ").split()
    if not words:
        return True
    if any(c in gap for c in ".;:!?"):  # another sentence or clause ("… led by Al Nusra Front. It said …")
        return False
    if any(w in _NOT_APPOSITION for w in words):
        return False
    if words[0] == "," and words[-1] == "," and len(words) <= 10:  # an apposition
        return True
    return "," not in words and len(words) <= _WORDS


def _gap_before(gap: str) -> bool:
    words = gap.split()
    return "," not in gap and "." not in gap and len(words) <= _WORDS and not any(w in _CLAUSE_WORDS for w in words)


def speakers(b: Batch, phrases: pd.DataFrame, marks: dict[str, tuple[np.ndarray, np.ndarray]],
             place: np.ndarray | None = None) -> np.ndarray:
    """Is each actor phrase of the batch a speaker (see the module's rules)? Boolean array, one per phrase. With
    ``place`` (is each phrase a place), a place next to the verb hands the word to the phrase it locates
    (:func:`located_speakers`)."""
    n = len(phrases)
    out = np.zeros(n, dtype=bool)
    if n == 0:
        return out
    out = _speakers(b, phrases, marks, out)
    return out if place is None else located_speakers(b, phrases, out, place)


#: The words between a phrase and the place that locates it: "the Red Cross *operating in* Iraq said", "the
#: Observatory *based in* Britain said", "the UN envoy *in* Syria told" (matching form).
_LOCATING = re.compile(r"^ *(?:[a-z]+ing |based |stationed |headquartered )?(?:in|inside|at|near) (?:the )?$")


def located_speakers(b: Batch, phrases: pd.DataFrame, speaker: np.ndarray, place: np.ndarray) -> np.ndarray:
    """A place in a speaker position speaks for the phrase it locates ("the Red Cross operating in Iraq said":
    the Red Cross speaks, Iraq is where): that phrase becomes a speaker too (the place stays one, so that it is no
    place of the event either; :func:`speaker_before` passes over places). A new array."""
    k = np.flatnonzero(speaker & place)
    k = k[(k > 0)]
    k = k[~place[k - 1]]
    if not len(k):
        return speaker
    ms = b.match_offsets(phrases["gstart"].to_numpy()[k])
    me = b.match_offsets(phrases["gend"].to_numpy()[k - 1])
    ok = k[[_LOCATING.match(b.match[e:s]) is not None for e, s in zip(me.tolist(), ms.tolist(), strict=True)]]
    out = speaker.copy()
    out[ok - 1] = True
    return out


def _speakers(b: Batch, phrases: pd.DataFrame, marks: dict[str, tuple[np.ndarray, np.ndarray]], out: np.ndarray
              ) -> np.ndarray:
    """The speaker flags of :func:`speakers` before places are read (``out``: a zero array, filled)."""
    ms = b.match_offsets(phrases["gstart"].to_numpy())  # matching-form offsets of the phrases
    me = b.match_offsets(phrases["gend"].to_numpy())
    match = b.match
    # the phrase next to the verb only: no other phrase between them ("told AFP that Turkey shelled …")
    next_start = np.append(ms[1:], np.iinfo(np.int64).max)
    prev_end = np.insert(me[:-1], 0, -1)
    starts = np.sort(marks["speaker_after"][0])
    if len(starts):
        i = np.searchsorted(starts, me)
        nxt = starts[np.minimum(i, len(starts) - 1)]
        cand = np.flatnonzero((i < len(starts)) & (nxt - me <= 80) & (nxt <= next_start))
        # a capitalised "Said" is a name ("Haitham bin Tariq Al Said"), not a verb
        cand = cand[(char_classes(b.codes[b.display_at(nxt[cand])]) & UPPER) == 0]  # str.isupper, all at once
        out[cand] = [_gap_after(match[me[k]:nxt[k]]) for k in cand.tolist()]
    ends = marks["speaker_before"][1]
    if len(ends):
        j = np.searchsorted(ends, ms, side="right") - 1
        prev = ends[np.maximum(j, 0)]
        cand = np.flatnonzero((j >= 0) & (ms - prev <= 40) & (prev >= prev_end))
        out[cand] |= np.array([_gap_before(match[prev[k]:ms[k]]) for k in cand.tolist()], dtype=bool)
    return out


def regroup(phrases: pd.DataFrame, cut: np.ndarray | None = None) -> pd.Series:
    """Compound groups cut where a speaker meets a party: in "according to the Observatory, Turkey attacked …"
    or "Turkey condemned Russia, Lavrov said" the comma joins no compound actor; and before each phrase flagged in
    ``cut`` (:func:`~diplolib.events.fronted.fronted_cuts`: "After the meeting with Russia, France …")."""
    group = phrases["group"].to_numpy()
    speaker = phrases["speaker"].to_numpy()
    new = np.ones(len(group), dtype=bool)
    new[1:] = (group[1:] != group[:-1]) | (speaker[1:] != speaker[:-1])
    if cut is not None:
        new |= cut
    return pd.Series(np.cumsum(new) - 1, index=phrases.index)


def skip(excluded: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each phrase index ``i``: the last index ``<= i`` and the first ``>= i`` that is not ``excluded``
    (``-1`` / ``len`` when none): the nearest party before and after, speakers passed over."""
    n = len(excluded)
    idx = np.arange(n)
    prev = np.maximum.accumulate(np.where(~excluded, idx, -1)) if n else idx
    nxt = (np.minimum.accumulate(np.where(~excluded, idx, n)[::-1])[::-1]) if n else idx
    return prev, nxt


def speaker_before(b: Batch, hits: dict[str, np.ndarray], phrases: pd.DataFrame) -> np.ndarray:
    """The speaker phrase (of a reporting verb: "Russia said …") nearest before each hit in its sentence, ``-1``
    when none: the source of a ``modal`` cue ("Russia said Sudan *must return* …"). A place phrase is no speaker."""
    n = len(hits["start"])
    if n == 0 or phrases.empty or "speaker" not in phrases.columns:
        return np.full(n, -1)
    speaking = phrases["speaker"].to_numpy()
    if "place" in phrases.columns:  # "the Red Cross operating in Iraq said …": a place does not speak
        speaking = speaking & ~phrases["place"].to_numpy()
    idx = np.flatnonzero(speaking)
    if len(idx) == 0:
        return np.full(n, -1)
    pe, ps = phrases["gend"].to_numpy()[idx], phrases["gstart"].to_numpy()[idx]
    j = np.searchsorted(pe, hits["start"], side="right") - 1
    jj = np.maximum(j, 0)
    ok = (j >= 0) & (ps[jj] >= b.sent_start[hits["sentence"]])
    return np.where(ok, idx[jj], -1)
