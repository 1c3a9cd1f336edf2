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
  "Syrian side") or, in French and Arabic, preceded by one ("la province syrienne", "الحدود التركية").
- **Patron qualifier**: the phrase glued by a hyphen to "backed", "supported", "funded", "formed", "trained",
  "allied", "held", "controlled", "based", "occupied", "sponsored" ("Turkey-backed forces"): the noun after it is
  the party. ("US-led" stays: the coalition the US leads acts as the US.)
- **Dateline**: a mention in capitals at the very start of an article ("BEIRUT", "MOSCOW").
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .scan import Batch

__all__ = ["LOCATIVE", "PLACE_NOUNS", "PATRON", "near_cues", "not_parties"]

LOCATIVE = {"en": frozenset("in inside into across throughout near around within".split()),
            "fr": frozenset("en dans".split()), "ar": frozenset(["في"])}
PLACE_NOUNS = {
    "en": frozenset("""province provinces city cities town towns village villages border borders countryside capital
        side territory territories region regions enclave coast desert frontier soil governorate district""".split()),
    "fr": frozenset("""province ville villes village villages frontiere frontieres territoire campagne capitale cote
        region sol cote""".split()),
    "ar": frozenset("محافظه مدينه بلده قريه الحدود حدود الاراضي ريف العاصمه منطقه".split()),
}
PATRON = frozenset("backed supported funded formed trained allied held controlled based occupied sponsored".split())
_ARTICLES = frozenset({"the", "a", "la", "le", "les", "l"})
#: Words after a name that leave it a noun of its own ("in Syria on Tuesday"); any other lower-case word after it
#: makes it a modifier ("in US air strikes").
_FUNCTION = frozenset("""on in and or since last at to for with after before where which that as while by from over
    during this the early late earlier is was has have had were are will would et depuis le la les pour de du des au
    aux a ou qui dont mais ce cette""".split())
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
    gs_all, ge_all = phrases["gstart"].to_numpy(), phrases["gend"].to_numpy()
    gs, ge = gs_all[only], ge_all[only]
    ms = np.searchsorted(b.to_display, gs).tolist()  # matching-form offsets; spaced[i + 1] == match[i]
    me = np.searchsorted(b.to_display, ge).tolist()
    demonym = (phrases["demonym"].to_numpy()[only] if "demonym" in phrases.columns
               else np.zeros(len(only), dtype=bool)).tolist()
    head = (gs - b.doc_base[np.searchsorted(b.doc_base, gs, side="right") - 1]).tolist()
    spaced, disp = b.spaced, b.display
    locative, nouns = LOCATIVE.get(lang, frozenset()), PLACE_NOUNS.get(lang, frozenset())
    skip = _ARTICLES | _COMPASS
    hyphens = ("-", "\u2010", "\u2011")
    out_place, out_patron = [], []
    for s, e, a, z, dem, h in zip(ms, me, gs.tolist(), ge.tolist(), demonym, head, strict=True):
        j = spaced.rfind(" ", 0, s)
        before = first = spaced[j + 1:s]
        while before in skip:  # "in the", "in eastern", "in north-western"
            i = spaced.rfind(" ", 0, j)
            before, j = spaced[i + 1:j], i
        j = spaced.find(" ", e + 2)
        after = spaced[e + 2:j] if j > e + 1 else ""
        is_place = False
        if before in locative and not dem:  # not a modifier: "in US air strikes"
            is_place = after in _FUNCTION or not disp[z:z + 2].strip()[:1].islower()
        if not is_place:
            is_place = (after in nouns) if lang == "en" else (first in nouns)
        if not is_place and h <= 8 and z - a >= 4:  # a dateline: "BEIRUT" at the very start
            is_place = disp[a:z].isupper() and not disp[a - h:a].strip()
        out_place.append(is_place)
        out_patron.append(after in PATRON and disp[z:z + 1] in hyphens)
    place[only] = out_place
    patron[only] = out_patron
    return place, patron
