"""The source and target phrase of each cue hit, read off the actor phrases around it: the clause's order
(passives swapped, verb-first clauses read), a cue glued by a hyphen to its actor ("US-backed"), a material noun
governed by a preposition (no source), heavy weapons named in the subject, a ``modal`` cue's speaker and the
place that stands for a state where no actor takes a side. Applied in this order by
:func:`~diplolib.events.extract_events`; each rule takes and returns arrays of phrase indices (``-1``: none)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .attribution import speaker_before
from .cue_flags import heavy_between
from .governed import governed_nouns
from .locations import place_agent, place_sides

__all__ = ["clause_sides", "attributive", "governed_source", "heavy_subject", "modal_and_places", "addressee",
           "stance_sides", "OPPOSING", "withdrawn_forces"]

#: An infinitive between a demand and the actor after it ("called on all parties *to implement* Security Council
#: resolutions", "requested the pilots *to carry out* strikes against DAESH"): the word after "to" is not a
#: determiner ("appealed to the UN", "an end to the attacks").
_INFINITIVE = re.compile(r"\s*\S.*?\bto\s+(?!(?:the|a|an|all|both|its|their|his|her|this|that|these|those|any|each|"
                         r"every|some|such|no)\b)[a-z]+\b", re.DOTALL)


def clause_sides(direction: np.ndarray, fl: dict, before: np.ndarray, after: np.ndarray, after2: np.ndarray,
                 verb_first: np.ndarray, subject: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Source and target phrase of each hit (``-1`` when none), passives swapped, verb-first clauses read: the
    first actor after the cue is the source only where it stands in the subject's place (``subject``,
    :func:`~diplolib.events.verb_first.subject_after`; all of them when not given), otherwise the target."""
    passive_cue = direction == "passive"
    swapped = passive_cue | (fl["passive"] & fl["by"])
    agentless = fl["passive"] & ~fl["by"] & ~passive_cue  # "Syria was attacked": the target only
    vso = verb_first & ~swapped & ~agentless
    # "رحب مجلس الإدارة بما أبدته الكويت": Kuwait is no subject; ``subject`` is read where no actor comes before the
    # cue, and after an inverted French verb also where one does ("une mission en Ukraine, comme l'a demandé le
    # Président Poroshenko": Poroshenko asked; hand reading, seed 2041)
    vso &= (before < 0) if subject is None else subject
    src = np.where(swapped | vso, after, np.where(agentless, -1, before))
    tgt = np.where(vso, after2, np.where(swapped | agentless, before, after))
    return src, np.where(fl["nominal"] & ~passive_cue, -1, tgt)


def attributive(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, before: np.ndarray, after: np.ndarray,
                tgt: np.ndarray) -> np.ndarray:
    """"US-backed Kurdish forces", "Saudi-led coalition": a cue glued by a hyphen to the actor before it qualifies the
    noun after it; the target is that noun, so an actor only when one follows at once ("US-backed SDF")."""
    if phrases.empty or len(tgt) == 0:
        return tgt
    disp, start = b.display, hits["start"]
    pe, ps = phrases["gend"].to_numpy(), phrases["gstart"].to_numpy()
    near = np.flatnonzero((before >= 0) & (pe[np.maximum(before, 0)] == start - 1) & (start > 0))  # then the text
    glued = near[[disp[s - 1] in "-\u2010\u2011" for s in start[near].tolist()]]
    if not len(glued):
        return tgt
    far = [a < 0 or bool(disp[e:ps[a]].strip()) for a, e in zip(after[glued], hits["end"][glued], strict=True)]
    return np.where(np.isin(np.arange(len(tgt)), glued[far]), -1, tgt)


def governed_source(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, material: np.ndarray, before: np.ndarray,
                    src: np.ndarray, lang: str) -> np.ndarray:
    """No source from the clause for a material noun cue governed by a preposition ("outrage at attacks in Syria",
    "la condamnation des attentats"): :mod:`~diplolib.events.governed`."""
    read = np.flatnonzero(material & (src >= 0) & (src == before))
    if not len(read):
        return src
    lo = b.match_offsets(phrases["gend"].to_numpy()[src[read]])
    first = [b.match[a:z].split(" ", 1)[0] for a, z in zip(hits["m_start"][read].tolist(),
                                                            hits["m_end"][read].tolist(), strict=True)]
    gone = read[governed_nouns(b.spaced, hits["m_start"][read], first, lo, lang)]
    out = src.copy()
    out[gone] = -1
    return out


def heavy_subject(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, marks: dict, before: np.ndarray,
                  src: np.ndarray) -> np.ndarray:
    """Heavy weapons named between the source phrase and the cue, however far: the subject's noun ("Syrian
    government air strikes on opposition-held neighborhoods of the divided second city of Aleppo killed")."""
    subj = (src >= 0) & (src == before)
    lo = b.match_offsets(phrases["gend"].to_numpy()[np.maximum(src, 0)]) if len(phrases) else np.zeros(len(src), int)
    return subj & heavy_between(marks, lo, hits["m_start"])


def modal_and_places(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, own: dict, direction: np.ndarray,
                     fl: dict, before: np.ndarray, src: np.ndarray, tgt: np.ndarray,
                     event: np.ndarray, forward: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """A ``modal`` cue's sides ("Russia said Sudan must return …": Sudan the target, the speaker the source), then
    a place for its state where no actor takes a side (PLOVER's coding; ``locations.place_sides``); the place
    after a passive with no agent is the source of what a state does (:data:`~diplolib.events.locations.STATE_ACTS`)."""
    modal = direction == "modal"
    speaker = speaker_before(b, hits, phrases)  # "Britain said the rebels should …": no target but the rebels
    src, tgt = np.where(modal, speaker, src), np.where(modal, np.where(before == speaker, -1, before), tgt)
    place_src, place_tgt = place_sides(b, hits, phrases, own, forward)
    # "X and Y agreed … in Kazakhstan": where they met; "the massacre carried out by X": no victim named
    # "Prie le Secrétaire général de …": the one asked is named, no actor (events/addressees.py); no place either
    place_tgt = np.where((direction == "mutual") | fl["nominal"] | fl.get("addressed", False), -1, place_tgt)
    passive = ((direction == "active") & fl["passive"]) | (direction == "passive")
    src, place_tgt = place_agent(passive, event, src, tgt, place_tgt)
    # a localised group is the passive's subject, its patient, so its place stands for the target: "50 civilians in
    # Syria have been killed in airstrikes", "militants of the group operating in Iraq were killed" (no Iraqi killer)
    place_tgt = np.where(passive & (place_tgt < 0), place_src, place_tgt)
    place_src = np.where(passive, -1, place_src)
    return np.where(src < 0, place_src, src), np.where((tgt < 0) & (src != place_tgt), place_tgt, tgt)


def addressee(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, event: np.ndarray, direction: np.ndarray,
              tgt: np.ndarray, lang: str) -> np.ndarray:
    """The target of an English demand is its addressee, the noun right after the cue: in "X called on all
    parties to implement Security Council resolutions" or "X requested the pilots to carry out strikes against
    DAESH" the addressee (the parties, the pilots) is not an actor of the registry, and the actor after the
    infinitive is the target of the content, not of the demand (PLOVER codes the one asked). So a demand whose
    target phrase comes after an infinitive (:data:`_INFINITIVE`, something before its "to") has no target; "urged
    Russia to stop …" keeps Russia, the phrase before the infinitive. A new array."""
    if lang != "en" or phrases.empty or len(tgt) == 0:
        return tgt
    ps = phrases["gstart"].to_numpy()
    cand = np.flatnonzero((event == "DEMAND") & (direction == "active") & (tgt >= 0))
    if not len(cand):
        return tgt
    disp, ends = b.display, hits["end"]
    far = [_INFINITIVE.match(disp, int(e), int(a)) is not None
           for e, a in zip(ends[cand].tolist(), ps[tgt[cand]].tolist(), strict=True)]
    out = tgt.copy()
    out[cand[np.asarray(far, dtype=bool)]] = -1
    return out


#: Types whose target may be the actor an "anti-" qualifier names: opposing it ("staged anti-American
#: demonstrations": against the United States).
OPPOSING = ("PROTEST", "DISAPPROVE", "REJECT", "THREATEN")
_HYPHENS = "-\u2010\u2011"


def stance_sides(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, event: np.ndarray, src: np.ndarray,
                 tgt: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """An actor glued after "anti-" names what the noun after it opposes, not who acts: "a prominent anti-Syria
    journalist has been killed" kills no Syrian, "anti-Israel protesters attacked" are no Israelis. Such a phrase
    is never a source; it is the target of a cue right after it ("anti-American protests": against the United
    States) and of a cue of :data:`OPPOSING` before it ("staged anti-American demonstrations"), of no other
    cue. New arrays."""
    if phrases.empty or len(src) == 0:
        return src, tgt
    gs = phrases["gstart"].to_numpy()
    disp = b.display
    cand = np.flatnonzero(gs >= 5)
    cand = cand[[disp[g - 1] in _HYPHENS and disp[g - 5:g - 1].lower() == "anti" for g in gs[cand].tolist()]]
    if not len(cand):
        return src, tgt
    anti = np.zeros(len(gs), dtype=bool)
    anti[cand] = True
    pe = phrases["gend"].to_numpy()
    s_anti, t_anti = (src >= 0) & anti[np.maximum(src, 0)], (tgt >= 0) & anti[np.maximum(tgt, 0)]
    glued = s_anti & (hits["start"] - pe[np.maximum(src, 0)] <= 1)  # "anti-American protests"
    new_tgt = np.where(glued & (tgt < 0), src, np.where(t_anti & ~np.isin(event, OPPOSING), -1, tgt))
    return np.where(s_anti, -1, src), new_tgt


def withdrawn_forces(b, hits: dict[str, np.ndarray], passive: np.ndarray, lexicon_event: np.ndarray, lang: str
                     ) -> np.ndarray:
    """The ``passive`` flags with the agentless passives of withdrawals cleared: in "Eighty UN peacekeepers were
    shipped out of … Gorazde", "Russian troops were withdrawn from Syria" the forces withdrawn stand for the side
    that withdraws them (the source, PLOVER's coding), the place left is the target; read as active. With "by"
    after it ("was evacuated by rebels", "withdrawn by Moscow") a withdrawal stays passive, and so does an
    evacuation (its subject is people moved out by others: "thousands of Syrians have been evacuated").
    ``lexicon_event``: each hit's type in the lexicon (before the peacekeepers' reading makes it SANCTION). A new
    array."""
    cand = np.flatnonzero(passive & (lexicon_event == "RETREAT"))
    if not len(cand):
        return passive
    match = b.match
    keep = [not match.startswith("evacuat", s) and not match.startswith(" by ", e)
            for s, e in zip(hits["m_start"][cand].tolist(), hits["m_end"][cand].tolist(), strict=True)]
    out = passive.copy()
    out[cand[np.asarray(keep, dtype=bool)]] = False
    return out if lang == "en" else passive
