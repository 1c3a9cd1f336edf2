"""The sector of a state's actor phrase: "Syrian civilians", "les rebelles syriens", "المعارضة السورية".

A demonym or a state's name that qualifies a noun of people names part of that state, not the state acting:
"Syrian civilians" are victims, "the Syrian opposition" and "Syrian Kurdish forces" are not the government in
Damascus. PLOVER codes such an actor as the state with a sector (``SYR`` + ``CIV``); the events table does the
same: ``source``/``target`` stay the state's id, and ``source_sector``/``target_sector`` say which part of it
(empty for the state itself or its leaders). Codes, after PLOVER's sectors:

- ``GOV`` government, authorities, officials, regime, ministry, parliament, diplomats;
- ``MIL`` army, military, forces, troops, soldiers, navy, warplanes, tanks;
- ``COP`` police, security services;
- ``REB`` rebels, insurgents, militants, guerrillas, fighters, jihadists, militias, gunmen, separatists -- and
  forces qualified by a second, ethnic or party name ("Syrian Kurdish forces");
- ``OPP`` opposition, dissidents, activists, protesters, demonstrators;
- ``CIV`` civilians, people, citizens, residents, villagers, children, workers, students, journalists …;
- ``REF`` refugees, migrants, displaced people.

The noun is read right after the phrase in English ("Syrian civilians", up to two qualifying words between:
"Syrian Kurdish forces", "Iraqi Shiite militias"), right before it in French and Arabic ("civils syriens",
"المدنيين السوريين"), or before a localising "in"/"of" ("rebels in Syria", "the army of Syria"). A user of
dyad counts between states can leave out the rows with a sector that is not ``GOV``, ``MIL`` or ``COP``.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

from ..normalize.matching import matching_form
from .chars import codes_of, spans_text, tokens_after, tokens_before
from .locations import SETTLED

__all__ = ["SECTORS", "SECTOR_NOUNS", "DOMESTIC", "STATE_ORGANS", "phrase_sectors", "domestic", "organ_attacks",
           "without_self_pairs"]

SECTORS = ("GOV", "MIL", "COP", "REB", "OPP", "CIV", "REF")
_WORDS = {
    "GOV": """government governments authorities authority officials official regime ministry parliament
        administration leadership diplomats diplomat delegation cabinet gouvernement autorites responsables
        regime ministere diplomates delegation حكومه الحكومه السلطات سلطات النظام المسؤولين مسؤولين الوزاره""",
    "MIL": """army armies military forces force troops soldiers soldier navy warplanes warships jets tanks
        artillery commandos paratroopers armee forces troupes soldats militaires aviation chars القوات قوات
        الجيش جيش الجنود جنود الطيران""",
    "COP": """police policemen intelligence gendarmes police policiers gendarmes الشرطه الامن""",
    "REB": """rebels rebel insurgents insurgent militants militant guerrillas guerrilla fighters jihadists jihadist
        militia militias militiamen gunmen separatists extremists terrorists islamists rebelles insurges
        combattants jihadistes milices miliciens separatistes terroristes islamistes المسلحين مسلحين المتمردين
        متمردين الفصائل فصائل المقاتلين مقاتلين الارهابيين الميليشيات ميليشيات""",
    "OPP": """opposition dissidents dissident activists activist protesters protestors demonstrators opponents
        opposition opposants militants manifestants dissidents المعارضه معارضه المحتجين المتظاهرين الناشطين""",
    "CIV": """civilians civilian people citizens nationals residents villagers children women men workers
        farmers students journalists journalist immigrants pilgrims fishermen hostages tourists families
        victims civils population habitants enfants femmes ressortissants citoyens travailleurs etudiants
        journalistes otages victimes المدنيين مدنيين المواطنين مواطنين السكان الاطفال اطفال النساء الصحفيين
        الرهائن""",
    "REF": """refugees refugee migrants migrant displaced asylum refugies migrants deplaces اللاجئين لاجئين
        النازحين نازحين المهاجرين""",
}
#: Noun (matching form) -> sector code.
SECTOR_NOUNS: dict[str, str] = {w: code for code, words in _WORDS.items() for w in words.split()}
# "the opposition" is OPP in all three languages; "militants" in French is an activist (OPP) but in English a
# fighter (REB): the English reading wins, both are not the state acting.
_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_LOCALISING = frozenset("in of from inside throughout within de du des en dans".split())
_ARTICLES = frozenset("the a an le la les l des".split())


@lru_cache(maxsize=65536)
def _norm(word: str) -> str:
    return matching_form(word).replace("'", "").replace("’", "")


def _after(tokens: list[list[str]]) -> list[str]:
    """Sector from the words after each English phrase ("Syrian civilians", "Syrian Kurdish forces"): ``tokens``,
    the first three tokens after each phrase (a column per token, ``""`` where there are fewer)."""
    out = [""] * len(tokens[0])
    alive, qualified = list(range(len(out))), set()
    for k, column in enumerate(tokens):
        rest = []
        for r in alive:
            tok = column[r]
            if not tok:
                continue
            code = SECTOR_NOUNS.get(tok.lower().replace("'", "").replace("’", ""))  # English: no accents to fold
            if code:
                out[r] = "REB" if r in qualified and code in ("MIL", "GOV") else code
            elif tok[:1].isupper() and k < 2:
                qualified.add(r)  # "Syrian Kurdish forces": a second name qualifies the noun
                rest.append(r)
        alive = rest
    return out


def _before(toks: list[str], lang: str) -> str:
    """Sector from the noun before the phrase (``toks``: its last four tokens before it, normalised): French and
    Arabic ("civils syriens"), or any language's localised group ("rebels in Syria", "the army of Syria")."""
    if lang in ("fr", "ar") and toks:
        code = SECTOR_NOUNS.get(toks[-1]) or (SECTOR_NOUNS.get(toks[-2]) if len(toks) > 1 else None)
        if code:
            return code
    while toks and toks[-1] in _ARTICLES:
        toks.pop()
    if len(toks) >= 2 and toks[-1] in _LOCALISING:
        if len(toks) >= 3 and toks[-2] in SETTLED:  # "guerrillas operating in Macedonia"
            return SECTOR_NOUNS.get(toks[-3], "")
        return SECTOR_NOUNS.get(toks[-2], "")
    return ""


def phrase_sectors(disp: str, phrases: pd.DataFrame, country: dict[str, str], lang: str,
                   only: np.ndarray | None = None, *, codes: np.ndarray | None = None) -> np.ndarray:
    """The sector code of each actor phrase (``""`` when none): only phrases standing for a state (an ``actor``
    that is its own ``country``) have one. ``disp``: the batch's display text (``codes``: its code points, from
    :func:`~diplolib.events.chars.codes_of`); ``phrases``: ``gstart``, ``gend``, ``actor``; ``only``: indices of
    the phrases to read (those near a cue), the others get none.

    The words around the phrases are the tokens of :data:`_TOKEN` in the 48 characters after the phrase (to the
    first punctuation mark, a possessive "'s" dropped) and before it (from the last punctuation mark), found for
    all phrases at once (:func:`~diplolib.events.chars.tokens_after`, ``tokens_before``)."""
    out = np.full(len(phrases), "", dtype=object)
    near = np.zeros(len(phrases), dtype=bool)
    near[np.arange(len(phrases)) if only is None else np.asarray(only, dtype=np.int64)] = True
    actor = phrases["actor"].to_numpy(dtype=object)
    cand = np.flatnonzero(near)
    idx = cand[[a != "" and country.get(a) == a for a in actor[cand].tolist()]]
    if len(idx) == 0:
        return out
    codes = codes_of(disp) if codes is None else codes
    if lang == "en":
        a, z = tokens_after(codes, phrases["gend"].to_numpy()[idx], width=48, k=3)
        found = np.array(_after([spans_text(disp, a[:, k], z[:, k]) for k in range(3)]), dtype=object)
        out[idx] = found
        idx = idx[found == ""]
    a, z = tokens_before(codes, phrases["gstart"].to_numpy()[idx], width=48, k=4)
    last = [_norm(t) for t in spans_text(disp, a[:, 3], z[:, 3])]
    # the noun before ("civils syriens") in French and Arabic; in English only "in"/"of" (maybe with an article)
    keep = (np.ones(len(idx), dtype=bool) if lang in ("fr", "ar")
            else np.array([t in _LOCALISING or t in _ARTICLES for t in last], dtype=bool))
    rows = np.flatnonzero(keep)
    n_toks = (a[rows] >= 0).sum(axis=1).tolist()  # the missing tokens come first
    columns = [[_norm(t) for t in spans_text(disp, a[rows, k], z[rows, k])] for k in range(4)]
    for r, n, toks in zip(rows.tolist(), n_toks, zip(*columns, strict=True), strict=True):
        out[idx[r]] = _before(list(toks[4 - n:]), lang)
    return out


#: Event types whose actor named as part of a state, with no target named, acts within that state.
DOMESTIC = ("DEMAND", "PROTEST", "COERCE", "ASSAULT", "FIGHT")
#: Sectors that are the state's own organs: they act within their state by coercing, demanding or protesting
#: there (police arrests, a curfew). Their attacks and fights with no target named are not domestic by default:
#: "Russian warplanes struck" names no victim, and a state's armed forces strike abroad as often as at home; the
#: victims are the state where the article places its events (``where``), else the target stays empty.
STATE_ORGANS = ("GOV", "MIL", "COP")
_ORGAN_DOMESTIC = ("DEMAND", "PROTEST", "COERCE")


def _untargeted(events: pd.DataFrame) -> pd.Series:
    inside = (events["target"] == "") & (events["source"] != "") & (events["source_sector"] != "") \
        & events["event"].isin(DOMESTIC)
    if "nominal" in events.columns:  # "the massacre carried out by Russian warplanes": the victims are not named
        inside &= ~events["nominal"].astype(bool)
    if "addressed" in events.columns:  # "la délégation prie le secrétariat de …": the one asked is named
        inside &= ~events["addressed"].astype(bool)
    return inside


def organ_attacks(events: pd.DataFrame) -> pd.Series:
    """Rows where a state's organ (:data:`STATE_ORGANS`) attacks or fights with no target named."""
    return _untargeted(events) & events["source_sector"].isin(STATE_ORGANS) \
        & ~events["event"].isin(_ORGAN_DOMESTIC)


def domestic(events: pd.DataFrame, where: np.ndarray | None = None) -> pd.DataFrame:
    """Rows whose source is part of a state (a sector) and whose target is empty get that state as the target
    for the types of :data:`DOMESTIC`: "Sudanese rebels shelled Juba", "Nigerian authorities jailed 52 members of
    MASSOB", "students throughout Indonesia staged demonstrations" are events within the state, as PLOVER codes
    them (``reason`` ``self``). A state's organ (:data:`STATE_ORGANS`) that attacks or fights with no target named
    gets the state where its article places the events (``where``, one state per ``doc``:
    :func:`~diplolib.events.locations.article_states`; "Syrian forces killed 18 civilians" in an article on
    Aleppo is within Syria, "Russian warplanes struck" in one on Idlib is against Syria), else no target. Needs
    ``source``, ``target``, ``source_sector``, ``event`` (and ``doc`` with ``where``); a new table."""
    out = events.copy()
    organ = organ_attacks(out)
    inside = _untargeted(out) & ~organ
    out.loc[inside, "target"] = out.loc[inside, "source"]
    if where is not None and organ.any():
        out.loc[organ, "target"] = np.asarray(where, dtype=object)[out.loc[organ, "doc"].to_numpy(dtype=np.int64)]
    return out


def without_self_pairs(events: pd.DataFrame, country: dict[str, str] | None = None, *,
                       states: bool = False) -> pd.DataFrame:
    """The rows that pair a person, organisation or group with itself with no sector on either side dropped where
    their cue keeps another row, else their target emptied. A state paired with itself (``country[x] == x``) is
    kept: an event within a state, which PLOVER codes state to state ("Bosnian Serbs demanded a truce with Moslem
    forces in east Bosnia": BIH -> BIH; the rule applied to states took the PLOVER check half's target from 0.784
    to 0.703), and which hand readings judged right as often as not (``tests/test_events.py``). In a
    compound ("Kerry and Lavrov to meet …" read with "Kerry will meet" as Kerry -> Kerry; "les gouvernements
    français et colombien" as France -> France) the compound names several parties; outside one, the second
    phrase of the same actor is the deed's setting or its object's owner, not a party (hand readings of seeds
    2031-2033: 22 such rows, all wrong: "تصرّ المملكة المتحدة على رفض استئناف المفاوضات … لرعاياها البريطانيين",
    "Austria's pledge", "the IAEA supports projects of its member states"). With ``states=True`` (the Arabic and
    French text, :func:`~diplolib.events.extract_events`) states are treated alike, and a sector on one side only
    does not save the pair: in UN documents, ministry communiqués and Wikinews a state paired with itself is the
    setting or the owner of the object, or a government that notes, authorises or answers ("رفضت سينوبك الصينية
    عرضا …", "la France accueille des stagiaires", "المظاهرات غير المرخصة من السلطات المغربية", "تعهد النمسا"):
    none of the 20 distinct such events of the nine hand readings (seeds 15, 2026-2034; 13 with no sector, 7 with
    one) was right, while FA-KES's English ones were right 46 times in 87 ("Syrian government forces shelled …",
    GOV -> SYR: 23 of 24) and PLOVER's English records code an event within a state so. A pair whose two sides
    both carry a sector names two parts of the state and stays. Needs ``doc``, ``start``, ``source``,
    ``target`` and the sectors (``tgt_group`` set to ``-1`` where present, so that the reason is ``no-target``); a
    new table (the same one when nothing changes)."""
    no_sector = (events["source_sector"] == "") & (events["target_sector"] == "")
    if states:
        no_sector = (events["source_sector"] == "") | (events["target_sector"] == "")
    self_pair = (events["source"] == events["target"]) & (events["source"] != "") & no_sector
    if country and not states:
        self_pair &= events["source"].map(country).fillna("") != events["source"]
    if not self_pair.any():
        return events
    key = events["doc"].astype(np.int64) * (1 << 32) + events["start"].astype(np.int64)
    others = key[~self_pair].unique()
    drop = self_pair & key.isin(others)
    out = events[~drop].copy()
    emptied = self_pair[~drop]
    out.loc[emptied, "target"] = ""
    if "tgt_group" in out.columns:
        out.loc[emptied, "tgt_group"] = -1
    return out
