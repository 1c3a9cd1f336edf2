"""Themes of the UN bodies an actor table names, short forms included ("the Council", "l'Organisation", المكتب).

UN texts name a body in full once and then by its generic noun ("the Council", "le Conseil", المجلس,
"l'Organisation"), or write an acronym in one language where another repeats the full name or says "the Office"
(ONUDC / المكتب, FNUAP / الصندوق, MINUSCA / البعثة المتكاملة). A cue cannot tell which body a generic noun stands
for, so three rounds of anaphora cues (issue 16) traded one direction of the UNPC agreement for another.
:func:`diplolib.actors.resolve_short_forms` resolves those nouns from the document (the issuing organ, the body
named earlier, a UN text) and the actor registry knows every UN-system body by its names and acronyms in the three
languages (``actors/data/sources/un_system.csv``). Given those mentions (``tag_themes(..., mentions=m,
un_bodies=True)``), each mention of a UN-system body is a hit of the themes that body's own names carry.

Which themes a body carries is generated, not written: :func:`body_themes` (built once per dictionary by
:func:`diplolib.themes.tagging.un_body_themes`) tags every name and acronym of the table
with the dictionary and keeps, among the UN themes (the top-level ``un`` and its children), each theme that at least
half of the body's theme-carrying names carry (the Security Council: ``security_council``; UNODC, UNFPA, the United
Nations: ``un``; the Department of Peacekeeping Operations: ``peacekeeping``). A body none of whose names the
dictionary reads as a UN theme (the Human Rights Council, the WHO, the ICJ) adds nothing: the mechanism follows the
dictionary's own view of each body, in every language alike. A hit that overlaps a cue's hit of the same theme is
not added twice.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..actors.un_system import LANGS, read_un_system

__all__ = ["UN_FAMILY", "body_names", "body_themes", "body_hits", "read_in_place"]

#: the top-level theme whose family (itself and its children) a UN body's mention may carry
UN_FAMILY = "un"


def _family(dictionary) -> set[str]:
    th = dictionary.themes
    return set(th.loc[(th["theme"] == UN_FAMILY) | (th["parent"].astype("string") == UN_FAMILY), "theme"])


def body_names() -> pd.DataFrame:
    """Every name and acronym of the UN-system table as an article to tag: ``article_id``, ``lang``, ``text``,
    ``actor_id``."""
    rows = [(r["actor_id"], lang, name) for r in read_un_system() for lang in LANGS
            for col in (lang, f"{lang}_acronym") for name in r[col].split("|") if name]
    names = pd.DataFrame(rows, columns=["actor_id", "lang", "text"]).drop_duplicates(ignore_index=True)
    return names.assign(article_id=[f"name{i}" for i in range(len(names))])


def body_themes(names: pd.DataFrame, name_hits: pd.DataFrame, dictionary) -> pd.DataFrame:
    """The UN themes each UN-system body carries: ``actor_id``, ``theme`` (one row per pair).

    ``names`` is :func:`body_names`, ``name_hits`` the tagger's hits on it with ``dictionary``. A theme of the UN
    family is kept for a body when at least half of its names and acronyms (English, French and Arabic) that the
    dictionary tags with a UN theme are tagged with that theme. :func:`diplolib.themes.tagging.un_body_themes`
    builds it once per dictionary.
    """
    hits = name_hits[name_hits["theme"].isin(_family(dictionary))][["article_id", "theme"]].drop_duplicates()
    hits = hits.astype({"theme": object}).merge(names[["article_id", "actor_id"]], on="article_id")
    carrying = hits.groupby("actor_id")["article_id"].nunique().rename("n_names")
    per = hits.groupby(["actor_id", "theme"]).size().rename("n").reset_index().join(carrying, on="actor_id")
    keep = per[2 * per["n"] >= per["n_names"]]
    return keep[["actor_id", "theme"]].sort_values(["actor_id", "theme"]).reset_index(drop=True)


def body_hits(hits: pd.DataFrame, mentions: pd.DataFrame, articles: pd.DataFrame, table: pd.DataFrame,
              dictionary) -> pd.DataFrame:
    """The hits the UN bodies of ``mentions`` add to ``hits`` (the tagger's table), in its columns; ``table`` is
    :func:`body_themes`.

    ``cue`` is ``@`` and the body's actor id (``@org:unodc``); a mention overlapping a hit of the same theme in the
    same article adds nothing.
    """
    m = mentions[mentions["actor_id"].isin(set(table["actor_id"]))]
    m = m[["article_id", "actor_id", "start", "end", "surface", "sentence"]].merge(table, on="actor_id")
    if m.empty:
        return hits.iloc[:0]
    lang = dict(zip(articles["article_id"], articles["lang"], strict=True))
    parent = dictionary.themes.set_index("theme")["parent"]
    new = pd.DataFrame({"article_id": m["article_id"].to_numpy(), "lang": m["article_id"].map(lang).to_numpy(),
                        "theme": m["theme"].to_numpy(), "parent": m["theme"].map(parent).to_numpy(),
                        "start": m["start"].to_numpy(), "end": m["end"].to_numpy(), "surface": m["surface"].to_numpy(),
                        "sentence": m["sentence"].to_numpy(), "cue": ("@" + m["actor_id"].astype(str)).to_numpy(),
                        "reason": pd.NA})
    new = new.drop_duplicates(["article_id", "theme", "start", "end"], ignore_index=True)
    old = hits[hits["theme"].notna()][["article_id", "theme", "start", "end"]]
    pairs = new.reset_index().merge(old, on=["article_id", "theme"], how="inner", suffixes=("", "_hit"))
    overlap = pairs.loc[(pairs["start"] < pairs["end_hit"]) & (pairs["start_hit"] < pairs["end"]), "index"]
    return new.drop(index=np.unique(overlap.to_numpy())).reset_index(drop=True)


def read_in_place(new: pd.DataFrame, surfaces: pd.DataFrame, surface_hits: pd.DataFrame) -> pd.Series:
    """For each body hit of ``new``, whether the dictionary reads its surface alone as the hit's theme.

    Such a name was in the cues' reach where it stands: a hit of the theme there would have come from the cues, so
    where none did, an exclusion or a context dropped it (the Kremlin's own "Security Council", the CSTO's
    "Collective Security Council", issue 16 round 14) and the body adds it no more than the cues did. ``surfaces``
    are the distinct (``lang``, ``text``) surfaces as articles, ``surface_hits`` the tagger's hits on them.
    """
    read = surface_hits[["article_id", "theme"]].dropna().merge(surfaces, on="article_id")
    read = read.rename(columns={"text": "surface"})[["lang", "surface", "theme"]].drop_duplicates()
    flag = new[["lang", "surface", "theme"]].astype(object).merge(read.astype(object), how="left", indicator=True)
    return pd.Series((flag["_merge"] == "both").to_numpy(), index=new.index)
