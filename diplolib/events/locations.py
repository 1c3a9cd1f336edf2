"""Actor phrases that are not parties to an event: places, qualifiers and datelines.

A state's name is often a place ("air strikes in Syria", "the northern Syrian province of Raqqa", "la frontière
turque"), a qualifier of another noun ("an attack on Turkey-backed opposition forces", "a US-formed group") or a
dateline ("BEIRUT At least 15 people were killed …"). Read as the target, it makes the place or the patron the
victim. Rules (applied by :func:`~diplolib.events.extract_events`; a place or a dateline is never a source or a
target, a patron never a target):

- **Locative**: a name (not a demonym nor a modifier: "in Israeli air strikes", "in US air strikes" are no
  places) after "in", "inside", "into",
  "across", "throughout", "near", "around", "within" (French "en", "dans"; Arabic "في"), maybe with an article
  or a compass word between ("in eastern Syria").
- **Place noun**: a demonym or state name followed by a place noun ("Syrian province", "Lebanon-Syria border",
  "Syrian side"; not when a noun follows that the place noun qualifies: "US border patrol agents") or, in French
  and Arabic, preceded by one ("la province syrienne", "الحدود التركية").
- **Patron qualifier**: the phrase glued by a hyphen to "backed", "supported", "funded", "formed", "trained",
  "allied", "held", "controlled", "based", "occupied", "sponsored" ("Turkey-backed forces"): the noun after it is
  the party. ("US-led" stays: the coalition the US leads acts as the US.)
- **Dateline**: a mention in capitals at the very start of an article ("BEIRUT", "MOSCOW"); not an abbreviation
  with full stops nor a name before a lowercase word ("U.S. border patrol agents").
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .clauses import clause_marks, same_clause
from .scan import Batch
from .words import next_space, prev_space, space_positions, word_after, word_before

__all__ = ["LOCATIVE", "PLACE_NOUNS", "PATRON", "GROUP_NOUNS", "SETTLED", "PLACE_REACH", "near_cues", "not_parties",
           "place_sides", "article_states", "STATE_ACTS", "place_agent", "PEOPLE_OF", "people_states"]

LOCATIVE = {"en": frozenset("in inside into across throughout near around within".split()),
            "fr": frozenset("en dans".split()), "ar": frozenset(["في", "وفي", "ففي"])}  # "وفي ليبريا،": و glued
#: French "au"/"aux" before a state is a place only when fronted and set off by a comma ("Au Libéria, la
#: Commission …"): elsewhere it is mostly the dative of a party ("a demandé au Soudan de …", "son appui au Mali").
_FRONTED = {"fr": frozenset({"au", "aux"})}
_FRONTED_BEFORE = re.compile(r"(?:^|[.,;:]\s*)[Aa]ux?\s+$")
PLACE_NOUNS = {
    "en": frozenset("""province provinces city cities town towns village villages border borders countryside capital
        side territory territories region regions enclave coast desert frontier soil governorate district""".split()),
    "fr": frozenset("""province ville villes village villages frontiere frontieres territoire campagne capitale cote
        region sol cote""".split()),
    "ar": frozenset("محافظه مدينه بلده قريه الحدود حدود الاراضي ريف العاصمه منطقه".split()),
}
PATRON = frozenset("backed supported funded formed trained allied held controlled based occupied sponsored".split())
_ARTICLES = frozenset({"the", "a", "la", "le", "les", "l"})
#: Words after a name that leave it a noun of its own ("in Syria on Tuesday", "the Red Cross in Iraq said"); any
#: other lower-case word after it makes it a modifier ("in US air strikes").
_FUNCTION = frozenset("""on in and or since last at to for with after before where which that as while by from over
    during this the early late earlier is was has have had were are will would et depuis le la les pour de du des au
    aux a ou qui dont mais ce cette said says told reported reports announced stated added confirmed claimed""".split())
_COMPASS = frozenset("""north south east west northern southern eastern western central northeastern northwestern
    southeastern southwestern nord sud est ouest""".split())


def _word_before(spaced: str, s: int) -> str:
    j = spaced.rfind(" ", 0, s)
    return spaced[j + 1:s]


def near_cues(phrases: pd.DataFrame, starts: np.ndarray, ends: np.ndarray, *, reach: int = 4) -> np.ndarray:
    """Indices of the phrases within ``reach`` phrases of a cue (before its start or after its end): the only ones
    that can become a source or a target, so the only ones worth reading."""
    n = len(phrases)
    if n == 0 or len(starts) == 0:
        return np.zeros(0, dtype=np.int64)
    before = np.searchsorted(phrases["gend"].to_numpy(), starts, side="right") - 1
    after = np.searchsorted(phrases["gstart"].to_numpy(), ends, side="left")
    steps = np.arange(reach)
    idx = np.concatenate([(before[:, None] - steps).ravel(), (after[:, None] + steps).ravel()])
    near = np.zeros(n, dtype=bool)  # a mask, not np.unique: the same sorted indices without a sort or a hash
    near[idx[(idx >= 0) & (idx < n)]] = True
    return np.flatnonzero(near)


def not_parties(b: Batch, phrases: pd.DataFrame, lang: str, only: np.ndarray | None = None
                ) -> tuple[np.ndarray, np.ndarray]:
    """``(place, patron)``: is each actor phrase a place or dateline (never a party), a patron qualifier (never a
    target)? See the module's rules. ``only``: indices of the phrases to read (:func:`near_cues`); the others are
    neither."""
    n = len(phrases)
    place, patron = np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
    if n == 0:
        return place, patron
    only = np.arange(n) if only is None else np.asarray(only, dtype=np.int64)
    gs, ge = phrases["gstart"].to_numpy()[only], phrases["gend"].to_numpy()[only]
    ms, me = b.match_offsets(gs), b.match_offsets(ge)  # matching-form offsets; spaced[i + 1] == match[i]
    demonym = (phrases["demonym"].to_numpy()[only] if "demonym" in phrases.columns
               else np.zeros(len(only), dtype=bool))
    head = gs - b.doc_base[np.searchsorted(b.doc_base, gs, side="right") - 1]
    spaced, disp = b.spaced, b.display
    first, before = _word_skipping(spaced, ms, _ARTICLES | _COMPASS)  # "in the", "in eastern", "in north-western"
    j = next_space(space_positions(spaced), me + 2)
    after = np.array(word_after(spaced, space_positions(spaced), me + 2), dtype=object)
    after[j <= me + 1] = ""
    locative, nouns = LOCATIVE.get(lang, frozenset()), PLACE_NOUNS.get(lang, frozenset())
    is_place = np.zeros(len(only), dtype=bool)
    for k in np.flatnonzero(_member(before, locative) & ~demonym).tolist():  # not a modifier: "in US air strikes"
        z = int(ge[k])
        is_place[k] = after[k] in _FUNCTION or not disp[z:z + 2].strip()[:1].islower()
    fronted = _FRONTED.get(lang, frozenset())
    for k in np.flatnonzero(_member(before, fronted) & ~demonym).tolist():  # "Au Libéria, …": few, read each
        a, z = int(gs[k]), int(ge[k])
        is_place[k] = disp[z:z + 1] == "," and bool(_FRONTED_BEFORE.search(disp[max(a - int(head[k]), a - 8):a]))
    if lang == "en":  # "the Syrian border", not "US border patrol agents"
        for k in np.flatnonzero(~is_place & _member(after, nouns)).tolist():
            i = spaced.find(" ", int(j[k]) + 1)
            then = spaced[j[k] + 1:i] if i > j[k] + 1 else ""
            is_place[k] = not then or then in _FUNCTION or then in nouns or then == "of"
    else:
        is_place |= _member(first, nouns)
    for k in np.flatnonzero(~is_place & (head <= 8) & (ge - gs >= 4)).tolist():  # a dateline: "BEIRUT" at the start
        a, z, h = int(gs[k]), int(ge[k]), int(head[k])
        # an abbreviation ("U.S. border patrol agents") or a name qualifying a lowercase noun is no dateline
        nxt = disp[z:z + 3].strip()[:1]
        is_place[k] = disp[a:z].isupper() and "." not in disp[a:z] and not nxt.islower() \
            and not disp[a - h:a].strip()
    pat = np.flatnonzero(_member(after, PATRON))
    place[only] = is_place
    patron[only[pat]] = [disp[z:z + 1] in ("-", "\u2010", "\u2011") for z in ge[pat].tolist()]
    return place, patron


def _member(words: np.ndarray, allowed: frozenset) -> np.ndarray:
    return np.array([w in allowed for w in words.tolist()], dtype=bool)


def _word_skipping(spaced: str, starts: np.ndarray, skip: frozenset) -> tuple[np.ndarray, np.ndarray]:
    """The word before each offset of ``starts`` and the first word before it that is not in ``skip`` (the
    words of all offsets read at once, :mod:`~diplolib.events.words`)."""
    spaces = space_positions(spaced)
    j = prev_space(spaces, starts)
    first = np.array(word_before(spaced, spaces, starts), dtype=object)
    before = first.copy()
    rows = np.flatnonzero(_member(first, skip))
    while len(rows):
        at = j[rows]
        if (at < 0).any():  # no space before: rfind's negative end, read one by one
            for k in rows[at < 0].tolist():
                i = spaced.rfind(" ", 0, int(j[k]))
                before[k], j[k] = spaced[i + 1:j[k]], i
            rows, at = rows[at >= 0], at[at >= 0]
        before[rows] = word_before(spaced, spaces, at)
        j[rows] = prev_space(spaces, at)
        rows = rows[_member(before[rows], skip)]
    return first, before


#: Nouns of people that a place after "in" or "of" localises: "rebels in the Ivory Coast", "the government of
#: Sindh province" act for the place's state, as PLOVER codes them.
GROUP_NOUNS = frozenset("""rebels rebel groups group government governments authorities authority police forces
    troops militants militias militia militiamen opposition students activists protesters protestors demonstrators
    settlers farmers workers refugees residents officials leaders leadership army military insurgents guerrillas
    fighters soldiers parliament court courts ministry people civilians villagers tribesmen gunmen
    rebelles groupes gouvernement autorites forces troupes opposition manifestants habitants responsables armee
    combattants soldats militaires""".split())
#: Characters from a cue's end to the place that stands for its target.
PLACE_REACH = 80
_LOCALISING = frozenset("in of from inside within throughout en de du des dans".split())
#: Participles of where a group is settled, between its noun and the localising word: "a terror group *based* in
#: Trinidad", "ethnic Albanian guerrillas *operating* in Macedonia" act for the place's state as "rebels in
#: Macedonia" do (PLOVER's tune records THREATEN-0027, RETREAT-0016).
SETTLED = frozenset("based operating stationed headquartered active entrenched deployed".split())


def place_sides(b: Batch, hits: dict[str, np.ndarray], phrases: pd.DataFrame,
                marks: dict[str, tuple[np.ndarray, np.ndarray]], forward: np.ndarray | None = None
                ) -> tuple[np.ndarray, np.ndarray]:
    """``(source, target)``: a place phrase standing for its state on each side of each hit, ``-1`` when none.

    PLOVER codes the state of a place as the party where the text names none: the target of "shelled Juba",
    "imposed a curfew in southeastern Turkey", "sought refuge in Germany" is that state (the place phrase nearest
    after the cue in its sentence and clause, at most :data:`PLACE_REACH` characters on; not for a mutual cue,
    where the place is where the parties met), and the source of "rebels in the Ivory Coast blocked …", "the
    government of Sindh province ordered …", "a terror group based in Trinidad claims …" the state of a place that
    localises a noun of people (:data:`GROUP_NOUNS`, maybe with a participle of :data:`SETTLED` between) before
    the cue. The extractor uses them only where no actor takes the role.
    ``forward``: matching-form offsets of the words opening a subordinate clause
    (:func:`~diplolib.events.clauses.forward_marks`); the target place is not looked for past them ("resigned as
    the opposition threatened to storm his residence in Tbilisi": the place of the threat).
    """
    n = len(hits["start"])
    none = np.full(n, -1)
    if n == 0 or phrases.empty or "place" not in phrases.columns:
        return none, none
    place = phrases["place"].to_numpy() & (phrases["actor"].to_numpy() != "")
    if "speaker" in phrases.columns:
        place &= ~phrases["speaker"].to_numpy()
    idx = np.flatnonzero(place)
    if len(idx) == 0:
        return none, none
    ps, pe = phrases["gstart"].to_numpy()[idx], phrases["gend"].to_numpy()[idx]
    clause = clause_marks(b, marks, reported=False)
    sent_lo, sent_hi = b.sent_start[hits["sentence"]], b.sent_end[hits["sentence"]]
    k = np.searchsorted(ps, hits["end"], side="left")
    kk = np.minimum(k, len(idx) - 1)
    ahead = clause if forward is None else clause_marks(b, marks, reported=False, forward=forward)
    ok = (k < len(idx)) & (pe[kk] <= sent_hi) & same_clause(ahead, hits["end"], ps[kk])
    ok &= ps[kk] - hits["end"] <= PLACE_REACH
    tgt = np.where(ok, idx[kk], -1)
    j = np.searchsorted(pe, hits["start"], side="right") - 1
    jj = np.maximum(j, 0)
    ok = (j >= 0) & (ps[jj] >= sent_lo) & same_clause(clause, pe[jj], hits["start"])
    starts = b.match_offsets(ps[jj]).tolist()
    spaced = b.spaced
    group = np.zeros(n, dtype=bool)
    for h in np.flatnonzero(ok).tolist():
        words = spaced[max(starts[h] - 60, 0):starts[h] + 1].split()[-6:]
        while words and words[-1] not in _LOCALISING:  # "rebels in the Ivory Coast": back over the article
            words.pop()
            if len(words) < 2:
                break
        if len(words) >= 3 and words[-2] in SETTLED:  # "a group based in Trinidad": the participle skipped
            words.pop(-2)
        group[h] = len(words) >= 2 and words[-1] in _LOCALISING and words[-2] in GROUP_NOUNS
    return np.where(ok & group, idx[jj], -1), tgt


def article_states(b: Batch, mentions: pd.DataFrame, places: frozenset, country: dict[str, str],
                   phrases: pd.DataFrame) -> np.ndarray:
    """The state where each article of the batch places its events (``""`` when it names no place): the state
    named most often by its place mentions (a city of the registry: "Aleppo", "Daraa") and by its state names read
    as places ("in Syria", ``phrases["place"]``); a dateline at the article's very start ("BEIRUT …", where the
    reporter is) does not count, ties go to the first named. ``mentions``: the batch's mentions with ``doc``."""
    n_docs = len(b.doc_base)
    m = mentions[mentions["actor_id"].isin(places).to_numpy() & (mentions["start"].to_numpy() > 1)]
    docs = [m["doc"].to_numpy(dtype=np.int64)]
    states = [m["actor_id"].map(country).fillna("").to_numpy(dtype=object)]
    starts = [m["start"].to_numpy(dtype=np.int64)]
    if len(phrases) and "place" in phrases.columns:
        p = phrases[phrases["place"].to_numpy() & (phrases["actor"].to_numpy() != "")]
        pdoc = np.searchsorted(b.doc_base, p["gstart"].to_numpy(), side="right") - 1
        docs.append(pdoc)
        states.append(p["actor"].map(country).fillna("").to_numpy(dtype=object))
        starts.append(p["gstart"].to_numpy() - b.doc_base[pdoc])
    named = pd.DataFrame({"doc": np.concatenate(docs), "state": np.concatenate(states),
                          "start": np.concatenate(starts)})
    named = named[(named["state"] != "") & (named["start"] > 1)]
    out = np.full(n_docs, "", dtype=object)
    if named.empty:
        return out
    counts = named.groupby(["doc", "state"], sort=False).agg(n=("start", "size"), first=("start", "min"))
    best = counts.reset_index().sort_values(["doc", "n", "first"], ascending=[True, False, True])
    best = best.drop_duplicates("doc")
    out[best["doc"].to_numpy(dtype=np.int64)] = best["state"].to_numpy(dtype=object)
    return out


#: Types a state does to people in its territory: a passive with no agent ("was arrested in Turkey", "has been
#: put under investigation in Italy") has the state of the place as its source, as PLOVER codes it ("were
#: killed in Turkey" does not: the place of a killing is not its author).
STATE_ACTS = ("COERCE", "INVESTIGATE", "DISAPPROVE")


def place_agent(passive: np.ndarray, event: np.ndarray, src: np.ndarray, tgt: np.ndarray,
                place_tgt: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(src, place_tgt)`` with the place after a passive cue of :data:`STATE_ACTS` that names no agent taken
    as its source (phrase indices, ``-1`` for none; ``place_tgt`` from :func:`place_sides`, then no target)."""
    by_state = passive & (src < 0) & (place_tgt >= 0) & (place_tgt != tgt) & np.isin(event, STATE_ACTS)
    return np.where(by_state, place_tgt, src), np.where(by_state, -1, place_tgt)


#: Words before a demonym that make it a people, not its state: "ethnic Albanian guerrillas operating in
#: Macedonia", "Ethnic Albanians have sworn to fight …" are people of Macedonia, as PLOVER codes them (its tune
#: records RETREAT-0016, THREATEN-0023: MKD, not Albania).
PEOPLE_OF = {"en": frozenset({"ethnic"})}


def people_states(b: Batch, phrases: pd.DataFrame, lang: str, where) -> pd.DataFrame:
    """``phrases`` with the actor of a phrase after a word of :data:`PEOPLE_OF` replaced by the state where its
    article places its events (``where()``: :func:`article_states`' array, asked only when such a phrase is
    read); a phrase whose article names no place keeps its actor. The same table when none changes."""
    words = PEOPLE_OF.get(lang, frozenset())
    if phrases.empty or not any(f" {w} " in b.spaced for w in words):
        return phrases
    gs = phrases["gstart"].to_numpy()
    before = np.array(word_before(b.spaced, space_positions(b.spaced), b.match_offsets(gs)), dtype=object)
    hit = np.flatnonzero(_member(before, words))
    if not len(hit):
        return phrases
    state = np.asarray(where(), dtype=object)[np.searchsorted(b.doc_base, gs[hit], side="right") - 1]
    actor = phrases["actor"].to_numpy(dtype=object).copy()
    actor[hit[state != ""]] = state[state != ""]
    return phrases.assign(actor=actor)
