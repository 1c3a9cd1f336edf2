"""Wars recalled as history are no conflict now: the armed-conflict themes in a sentence naming a past war.

The dictionary's convention (the head of ``data/themes.yaml``, round 18): a war recalled or commemorated as
history -- the Great Patriotic War and the Second World War, Victory Day, a siege lifted in 1944 --
is no hit of ``conflict`` or of its leaves (clashes, siege, ground offensives, casualties, ...). The Kremlin's
greetings to veterans, its Victory Day concerts and anniversaries, and a UN speech recalling the world wars use the
words of war ("Leningraders killed during the war", "the liberation of Leningrad from the Nazi siege", "after the
war") of no conflict being reported. A hit of one of those themes is dropped when its own sentence names such a
past war in the words of its commemoration (``MARKERS``, per language, read case- and accent-insensitively: the
Great Patriotic War, Victory Day, an anniversary of the victory, the siege of Leningrad); a sentence about a war of
now that recalls one of them loses its hit too, a rare price the stored readings showed none of
(``benchmarks/retag_readings.py``, round 18). The bare names of the world wars are no marker: UN speeches date the
conflicts of now from them. A past war read for what it does now (mines left behind, the missing still sought) is
rarely named with these words and keeps its theme.

Only the texts holding a marker anywhere are cut into sentences (:func:`diplolib.segment.segment_spans`, as the
tagger cuts them); the others are kept as a column.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..segment import segment_spans

__all__ = ["MARKERS", "drop_past_wars", "past_war_themes"]

_MARGIN = 1000  # characters of text after the last hit concerned that are read (its sentence ends before)
_E, _A = "[eéèê]", "[اأإآ]"
_WW2 = r"(?:second world war|world war ii|world war two)"
#: What names a past war as history being commemorated, per language (regex bodies, whole words, case-insensitive).
#: A bare mention of the world wars is no marker: UN speeches date the conflicts of now from them ("since the Second
#: World War more than a hundred conflicts", "the generation of the Second World War and that of the Viet-Nam
#: conflict"), where the rule would drop right hits.
MARKERS = {
    "en": [r"great patriotic war", r"victory day", r"victory over (?:nazism|fascism|nazi germany|the nazis|hitler)",
           r"anniversary of (?:the )?(?:great )?victory", rf"anniversary of the (?:end of the )?{_WW2}",
           rf"veterans of the {_WW2}", r"nazi (?:invaders|occupation|occupiers|siege|blockade)", r"fascist invaders",
           r"(?:siege|blockade|defen[cs]e|liberation|battle) of (?:leningrad|stalingrad|kursk)",
           r"leningrad (?:siege|blockade)"],
    "fr": [r"grande guerre patriotique", r"jour de la victoire",
           r"victoire sur (?:le nazisme|le fascisme|l.allemagne nazie|hitler)",
           r"anniversaire de la (?:grande )?victoire",
           rf"anniversaire de la (?:fin de la )?(?:seconde|deuxi{_E}me) guerre mondiale",
           rf"v{_E}t{_E}rans de la (?:seconde|deuxi{_E}me) guerre mondiale",
           r"(?:envahisseurs|occupants) nazis", r"occupation nazie", r"envahisseurs fascistes",
           rf"(?:si{_E}ge|blocus|bataille|lib{_E}ration|d{_E}fense) de (?:l{_E}ningrad|stalingrad|koursk)"],
    "ar": [r"الحرب الوطنية العظمى", r"عيد النصر",
           rf"(?:ال{_A}نتصار|النصر) على (?:النازية|الفاشية|{_A}لمانيا النازية)",
           r"حصار لينينغراد", r"معركة ستالينغراد"],
}
# a word every marker of the language holds, looked for in the lower-cased text first (a substring search per text,
# ~50x cheaper than the case-insensitive alternation: the texts of a partition rarely hold any)
_KEYS = {"en": ("patriotic", "victory", "nazi", "fascist", "leningrad", "stalingrad", "kursk", "world war"),
         "fr": ("patriotique", "victoire", "nazi", "fascist", "ningrad", "stalingrad", "koursk", "guerre mondiale"),
         "ar": ("الوطنية العظمى", "النصر", "النازية", "الفاشية", "لينينغراد", "ستالينغراد")}
_PATTERNS = {lang: re.compile(r"(?<!\w)(?:" + "|".join(bodies) + r")(?!\w)", re.IGNORECASE)
             for lang, bodies in MARKERS.items()}
_PATTERNS["ar"] = re.compile("(?:" + "|".join(MARKERS["ar"]) + ")")  # (after a proclitic too: والحرب)
_LOWER = {lang: re.compile(p.pattern) for lang, p in _PATTERNS.items()}  # the same, for lower-cased text


#: The surfaces of the conflict themes' hits inside a marker (the hit a commemorated war's name gives), which an
#: article must hold to be read at all: a gate that spares the scan of every other article's text (~3% of the
#: tagger's time on FA-KES otherwise).
_NAMED = frozenset({"War", "Wars", "Battle", "Battles", "Siege", "Blockade", "liberation of", "Liberation of",
                    "Guerre", "Bataille", "Siège", "Blocus", "libération de", "Libération de",
                    "الحرب", "حرب", "حصار", "معركة"})


def _marks(text: str, lang) -> list[int]:
    """The places of the markers of ``lang`` in ``text``: read in the lower-cased text where lower-casing keeps every
    offset (~4x faster than the case-insensitive pattern), else with that pattern."""
    if lang not in _PATTERNS:
        return []
    lower = text.lower()
    if len(lower) == len(text):
        return [m.start() for m in _LOWER[lang].finditer(lower)]
    return [m.start() for m in _PATTERNS[lang].finditer(text)]


def _holds_key(text: str, lang: str) -> bool:
    lower = text.lower()
    return any(key in lower for key in _KEYS[lang])


def _with_keys(texts: list[str], langs: list) -> np.ndarray:
    """Whether each text holds a key of its language (:func:`_holds_key` of every text): the texts of a language
    encoded in UTF-8, joined and lower-cased once (the keys' letters are ASCII or uncased), each key found by C-level
    scans of the joined bytes (~5x faster than the same scans of a joined ``str`` holding any non-Latin-1 character),
    one step per text found."""
    found = np.zeros(len(texts), dtype=bool)
    of = np.asarray(langs, dtype=object)
    for lang, keys in _KEYS.items():
        at = np.flatnonzero(of == lang)
        if not len(at):
            continue
        raw = [texts[i].encode("utf-8", "surrogatepass") for i in at]
        ends = np.cumsum(np.fromiter(map(len, raw), dtype=np.int64, count=len(raw)) + 1)  # each text's end + 1
        joined = b"\x00".join(raw).lower()
        for key in keys:
            word = key.encode("utf-8")
            i = joined.find(word)
            while i != -1:
                j = int(np.searchsorted(ends, i, side="right"))
                found[at[j]] = True
                i = joined.find(word, int(ends[j]))
    return found


def past_war_themes(dictionary) -> set[str]:
    """``conflict`` and its leaves (the themes whose parent is ``conflict``) of ``dictionary``."""
    themes = dictionary.themes
    return {"conflict"} & set(themes["theme"]) | set(themes.loc[themes["parent"] == "conflict", "theme"])


def drop_past_wars(hits: pd.DataFrame, articles: pd.DataFrame, dictionary) -> pd.DataFrame:
    """``hits`` without the hits of :func:`past_war_themes` whose sentence names a past war (``MARKERS``)."""
    if hits.empty:
        return hits
    family = hits["theme"].isin(past_war_themes(dictionary)).to_numpy(dtype=bool)
    if not family.any():
        return hits
    rows = np.flatnonzero(family)  # positions of the hits concerned
    asked = hits.iloc[rows][["article_id", "sentence", "end", "surface"]]
    # only the articles naming a war as a proper name are read (a commemorated war is a named one: the War of the
    # Great Patriotic War, the Battle of Stalingrad, the liberation of Leningrad); the news of a war of now rarely is
    ids = pd.unique(asked.loc[asked["surface"].isin(_NAMED).to_numpy(dtype=bool), "article_id"])
    if not len(ids):
        return hits
    arts = articles if pd.Index(articles["article_id"]).is_unique else articles.drop_duplicates("article_id")
    of = pd.Index(arts["article_id"]).get_indexer(ids)
    kept = asked["article_id"].isin(ids).to_numpy(dtype=bool)
    asked, rows = asked[kept], rows[kept]
    reach = asked.groupby("article_id", sort=False)["end"].max().reindex(ids).to_numpy().tolist()
    # each text up to its last hit's sentence (a sentence ends at most a few hundred characters on)
    texts = [t[: r + _MARGIN] if isinstance(t, str) else "" for t, r in
             zip(arts["text"].take(of).tolist(), reach, strict=True)]
    keyed = _with_keys(texts, arts["lang"].take(of).tolist())
    if not keyed.any():
        return hits
    ids, texts = ids[keyed], [t for t, k in zip(texts, keyed.tolist(), strict=True) if k]
    langs = arts["lang"].take(of[keyed]).tolist()
    kept = asked["article_id"].isin(ids).to_numpy(dtype=bool)
    asked, rows = asked[kept], rows[kept]
    marks = [_marks(t, lang) for t, lang in zip(texts, langs, strict=True)]
    some = np.flatnonzero([bool(m) for m in marks])
    if not len(some):
        return hits
    spans = segment_spans([texts[i] for i in some])
    pos, starts = spans["position"].to_numpy(), spans["start"].to_numpy()
    first = np.searchsorted(pos, np.arange(len(some)), side="left")
    # (article, sentence) of every marker: the last sentence starting at or before it, within its own text
    at = np.concatenate([np.full(len(marks[i]), j) for j, i in enumerate(some)])
    where = np.concatenate([np.asarray(marks[i], dtype=np.int64) for i in some])
    key = starts + pos * (1 << 40)  # sorted: texts in order, spans in order
    idx = np.searchsorted(key, where + at * (1 << 40), side="right") - 1
    named = pd.MultiIndex.from_arrays([pd.Index(ids)[some[at]], idx - first[at]])
    drop = np.zeros(len(hits), dtype=bool)
    drop[rows] = pd.MultiIndex.from_arrays(
        [asked["article_id"], asked["sentence"].astype("int64")]).isin(named)
    return hits[~drop].reset_index(drop=True) if drop.any() else hits
