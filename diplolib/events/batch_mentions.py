"""The mentions a batch of articles gives the event rules: its actors with their article's position in the batch,
and the registry's cities after a locative word ("in Tehran") standing for their state as places."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .locations import LOCATIVE

__all__ = ["article_order", "batch_mentions", "city_mentions", "located", "with_cities"]


def batch_mentions(mentions: pd.DataFrame, ids: pd.Series, places: frozenset) -> pd.DataFrame:
    """The mentions of the batch's articles that are not places, with ``doc``, the article's position in it; only
    the columns that :func:`~diplolib.events.roles.actor_phrases` reads (the rows are taken from fewer arrays)."""
    mentions = mentions[[c for c in mentions.columns if c in ("article_id", "actor_id", "start", "end", "alias_kind",
                                                              "reason")]]
    index = pd.Index(ids.to_numpy())
    if not index.is_unique:  # the lookup below needs unique ids; the table-wide way says what is wrong
        pos = pd.Series(np.arange(len(ids)), index=ids.to_numpy())
        m = mentions[mentions["article_id"].isin(pos.index) & ~mentions["actor_id"].isin(places)]
        return m.assign(doc=m["article_id"].map(pos).to_numpy())
    doc = index.get_indexer(mentions["article_id"])
    keep = (doc >= 0) & ~mentions["actor_id"].isin(places).to_numpy()
    return mentions[keep].assign(doc=doc[keep])


def article_order(articles: pd.DataFrame, rows: pd.DataFrame) -> np.ndarray:
    """The position in ``articles`` of each row's ``article_id`` (floats, NaN where absent), as
    ``rows["article_id"].map(pd.Series(np.arange(len(articles)), index=articles["article_id"]))`` gives it: one
    ``get_indexer`` on the ids when they are unique (the map raises otherwise, and still does)."""
    ids = articles["article_id"].to_numpy()
    index = pd.Index(ids)
    if not index.is_unique:
        return rows["article_id"].map(pd.Series(np.arange(len(articles)), index=ids)).to_numpy()
    at = index.get_indexer(rows["article_id"]).astype(np.float64)
    at[at < 0] = np.nan
    return at


def city_mentions(mentions: pd.DataFrame, ids: pd.Series, cities: dict[str, str]) -> pd.DataFrame:
    """The mentions of the registry's places that lie in a state ("in Tehran", "in Aleppo"), as mentions of that
    state (``alias_kind`` ``city``): a place phrase, never a party, that stands for its state where no actor takes
    the role, as PLOVER codes it ("opened an embassy in Tehran": Iran the target; ``locations.place_sides``)."""
    m = batch_mentions(mentions[mentions["actor_id"].isin(cities.keys())], ids, frozenset())
    return m.assign(actor_id=m["actor_id"].map(cities).to_numpy(dtype=object), alias_kind="city",
                    **({"reason": ""} if "reason" in m.columns else {}))


_CITY_LOCATIVE = {"en": LOCATIVE["en"], "fr": LOCATIVE["fr"] | {"à", "a"}, "ar": LOCATIVE["ar"]}
_SKIP = frozenset("the a la le les l' of de du des north south east west northern southern eastern western central "
                  "nord sud est ouest".split())


def located(display: str, starts: np.ndarray, lang: str) -> np.ndarray:
    """Does a locative word ("in", "near", "à", "في"; an article or a compass word between) come before each
    city mention at ``starts``? Only such a city is a place phrase ("in Tehran"); one elsewhere ("south of Manbij",
    a dateline "Hama Syrian Army units …") stays out, as the registry's places always did."""
    words = _CITY_LOCATIVE.get(lang, frozenset())
    out = np.zeros(len(starts), dtype=bool)
    for k, s in enumerate(starts.tolist()):
        before = [w.strip(".,;:()\"'«»").lower() for w in display[max(0, s - 40):s].split()[-4:]]
        while len(before) > 1 and before[-1] in _SKIP:
            before.pop()
        out[k] = bool(before) and before[-1] in words
    return out


def with_cities(b, m: pd.DataFrame, mentions: pd.DataFrame, ids: pd.Series, cities: dict[str, str], lang: str
                ) -> tuple[pd.DataFrame, np.ndarray]:
    """The batch mentions ``m`` with the cities after a locative word added as their states (:func:`city_mentions`,
    :func:`located`), and the sorted batch offsets of those cities (``b``: the :class:`~diplolib.events.scan.Batch`)."""
    city = city_mentions(mentions, ids, cities)
    city_at = (b.doc_base[city["doc"].to_numpy()] + city["start"].to_numpy()).astype(np.int64)
    at_place = located(b.display, city_at, lang)
    city, city_at = city[at_place], np.sort(city_at[at_place])
    return (pd.concat([m, city], ignore_index=True) if len(city) else m), city_at
