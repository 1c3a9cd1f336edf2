"""Domestic senses of international themes, read without actor mentions: the outlet's own state.

A theme with ``scope: international`` needs two states or an international body (a phone call between leaders, a
visit between states). In the readouts of a head of state the same words have domestic senses: the President's
call with the Speaker or a governor, a visit to a stadium of his own country. When an article's outlet speaks for
one state (its *home*: the White House for the United States, the Kremlin for Russia; ``data/home_states.csv``,
matched on the articles' ``source`` column), a hit of such a theme is kept only when its sentence or the one before
it names something foreign: a state other than home (its name, short or official name, capital or demonym), an
international body (an organisation of the registry without a country), or a person, place, organisation or armed
group of another state. Articles of an outlet without a home (news agencies, UN documents, any table without
``source``) keep every hit: nothing is known of what is domestic there.

The names are the actor registry's aliases (``diplolib/actors/data``), read as plain CSV
(:mod:`diplolib.themes.registry_names`, shared with the ``$states`` list) and scanned with one
Aho-Corasick automaton per language over the matching form of the few sentences concerned (whole words; an Arabic
name may follow a proclitic), so the default :func:`~diplolib.themes.tag_themes` call needs no actor tagger.
A name the registry lacks ("Speaker Pelosi" is domestic; a foreign leader it does not know is not seen) keeps a
domestic reading: the rule can only drop hits of outlets with a home, in sentences that name nothing foreign.
"""

from __future__ import annotations

import csv
import functools
import re
from importlib import resources

import numpy as np
import pandas as pd

from ..normalize.matching import matching_form
from ..segment import segment_spans
from .registry_names import INTL, blocked_aliases, registry_aliases

__all__ = ["ABROAD", "home_states", "foreign_names", "drop_domestic"]

_MIN_LEN = 3  # shorter aliases read as ordinary words once case-folded ("un", "us"): only the case-sensitive ones,
# in their own case
_MARGIN = 400  # characters of text after the last hit concerned that are cut into sentences
_BEFORE = 1  # sentences before the hit's own that it is read with ("... spoke with the President of Israel. The
# conversation took place on Israel's initiative."), and the article's first sentence: a readout's lead names the
# counterpart that its later sentences call "the two sides", "they" ("Sullivan met ... Foreign Minister Wang Yi outside
# Beijing, China. ... They ... planned to hold a theater commander telephone call").


#: Words that say the other side is foreign without naming a state (a continent's or a region's adjective, the
#: foreign, the international, embassies, "countries", a counterpart, a royal title the home states have none of):
#: "the European MPs will visit", "the leaders of APEC countries visited", "the prince's visit" (the registry has no
#: Council of Europe, APEC or every prince). Only ever keeps a hit.
ABROAD = {
    "en": ("foreign", "international", "bilateral", "abroad", "overseas", "embassy", "embassies", "ambassador",
           "ambassadors", "european", "europeans", "african", "asian", "arab", "latin american", "countries",
           "counterpart", "counterparts", "prince", "princess", "king", "queen", "royal", "emir", "sheikh",
           "heads of state"),
    "fr": ("etranger", "etrangere", "etrangers", "etrangeres", "international", "internationale", "internationaux",
           "internationales", "bilateral", "bilaterale", "bilateraux", "bilaterales", "ambassade", "ambassades",
           "ambassadeur", "ambassadeurs", "europeen", "europeenne", "europeens", "europeennes", "africain",
           "africaine", "africains", "africaines", "asiatique", "asiatiques", "arabe", "arabes", "pays", "homologue",
           "homologues", "prince", "princesse", "roi", "reine", "royal", "royale", "emir", "cheikh"),
    "ar": ("أجنبي", "الأجنبي", "الأجنبية", "أجنبية", "الدولي", "الدولية", "دولي", "دولية", "الثنائية", "السفارة",
           "السفير", "الأوروبي", "الأوروبية", "الأوروبيين"),
}


def _csv(*parts: str) -> list[dict[str, str]]:
    with resources.files("diplolib").joinpath(*parts).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@functools.lru_cache(maxsize=1)
def home_states() -> dict[str, str]:
    """``{outlet: home state}`` (``actor_id`` of the state) from ``diplolib/themes/data/home_states.csv``."""
    return {r["outlet"].strip(): r["home"].strip() for r in _csv("themes", "data", "home_states.csv")}


@functools.lru_cache(maxsize=8)
def foreign_names(lang: str):
    """An Aho-Corasick automaton of the registry's aliases of ``lang`` in matching form: each key gives
    ``(length, frozenset of the states its actors belong to)`` (``INTL`` for an organisation without a country);
    with the regex of the case-sensitive aliases and their states: ``(automaton, regex or None, {alias: states})``."""
    import ahocorasick

    # an alias the registry's sweep blocked as an ordinary word of its language is no evidence
    doubtful = blocked_aliases()
    states: dict[str, set[str]] = {}
    exact: dict[str, set[str]] = {}  # case-sensitive ("US", "UK", "NATO", "Xi"): read in the display text only
    for r in registry_aliases():
        alias = r.alias
        if r.lang != lang or not r.country or not alias or {(alias, lang), (alias, "")} & doubtful:
            continue
        key = matching_form(alias).strip()
        if r.case_sensitive:
            exact.setdefault(alias, set()).add(r.country)
        elif len(key) >= _MIN_LEN:
            states.setdefault(key, set()).add(r.country)
    for word in ABROAD.get(lang, ()):
        states.setdefault(matching_form(word), set()).add(INTL)
    automaton = ahocorasick.Automaton()
    for key, of in states.items():
        automaton.add_word(key, (len(key), frozenset(of)))
    if len(automaton):
        automaton.make_automaton()
    # one alternation of the case-sensitive names (a name followed by a number is a date: "On May 3" is the month,
    # not Theresa May)
    alternation = "|".join(re.escape(a) for a in sorted(exact, key=len, reverse=True))
    pattern = re.compile(r"(?<!\w)(?:" + alternation + r")(?!\w)(?!\s*\d)") if exact else None
    return automaton, pattern, {a: frozenset(of) for a, of in exact.items()}


def _names_foreign(names, display: str, home: str, lang: str) -> bool:
    """Whether ``display`` names, as a whole word, an actor of a state other than ``home`` (in its matching form;
    the case-sensitive aliases in their own case in the display text itself)."""
    automaton, exact, exact_of = names
    text = matching_form(display)
    n = len(text)
    for end, (length, of) in automaton.iter(text):
        if of == {home}:
            continue
        a, b = end - length + 1, end + 1
        if b < n and text[b].isalnum():
            continue
        if a > 0 and text[a - 1].isalnum() and lang != "ar":  # (Arabic: after a proclitic too)
            continue
        return True
    return exact is not None and any(exact_of[m.group()] != {home} for m in exact.finditer(display))


def drop_domestic(hits: pd.DataFrame, articles: pd.DataFrame, dictionary) -> pd.DataFrame:
    """``hits`` without the hits of ``scope: international`` themes, in articles of an outlet with a home state,
    whose sentence, the one before and the article's first sentence name nothing foreign (see the module
    docstring). The sentences are cut as the tagger cuts them (:func:`diplolib.segment.segment_spans`), on each
    text up to ``_MARGIN`` characters after its last hit concerned (the earlier sentences are the same)."""
    if hits.empty or "source" not in articles.columns:
        return hits
    intl = set(dictionary.themes.loc[dictionary.themes["scope"] == "international", "theme"])
    outlets = articles.drop_duplicates("article_id")
    home = outlets["source"].astype("string").str.strip().map(home_states())
    outlets = outlets.assign(_home=home.to_numpy())[home.notna().to_numpy()]
    scoped = (hits["theme"].isin(intl) & hits["article_id"].isin(set(outlets["article_id"]))).to_numpy(dtype=bool)
    if not scoped.any():
        return hits
    asked = hits.loc[scoped, ["article_id", "lang", "sentence", "end"]].astype({"sentence": "int64", "end": "int64"})
    reach = asked.groupby("article_id", sort=False)["end"].max()
    outlets = outlets.set_index("article_id").loc[reach.index]
    texts = outlets["text"].tolist()
    cuts = [t[: r + _MARGIN] for t, r in zip(texts, reach.to_numpy().tolist(), strict=True)]
    spans = segment_spans(cuts)
    first = np.searchsorted(spans["position"].to_numpy(), np.arange(len(cuts)), side="left")
    last = np.searchsorted(spans["position"].to_numpy(), np.arange(len(cuts)), side="right") - 1
    keys = asked[["article_id", "lang", "sentence"]].drop_duplicates()
    at = pd.Index(reach.index).get_indexer(keys["article_id"])
    k = keys["sentence"].to_numpy()
    starts, ends = spans["start"].to_numpy(), spans["end"].to_numpy()
    lo = starts[np.minimum(first[at] + np.maximum(k - _BEFORE, 0), last[at])]
    hi = ends[np.minimum(first[at] + k, last[at])]
    lead = np.where(k > _BEFORE, ends[first[at]], 0)
    homes = outlets["_home"].tolist()
    found = [_names_foreign(foreign_names(lang), texts[j][:e] + "\n" + texts[j][a:b], homes[j], lang)
             for j, lang, a, b, e in zip(at.tolist(), keys["lang"], lo.tolist(), hi.tolist(), lead.tolist(),
                                         strict=True)]
    foreign = pd.Series(found, index=pd.MultiIndex.from_frame(keys[["article_id", "sentence"]]))
    keep = np.ones(len(hits), dtype=bool)
    keep[np.flatnonzero(scoped)] = foreign.reindex(pd.MultiIndex.from_frame(asked[["article_id", "sentence"]]))
    return hits[keep].reset_index(drop=True)
