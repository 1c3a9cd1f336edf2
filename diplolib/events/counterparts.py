"""The counterpart of a call readout that the registry does not know: discovered, or read off the title's formula.

A readout title names its counterpart after "call(s) with" or "conversation(s) with" ("Readout of President
Biden's Call with Governor Greg Abbott of Texas", "Telephone conversation with Aman Tuleyev"). When the registry
resolves no actor in that phrase, the counterpart is taken, in this order, from:

0. nothing, when the phrase holds an actor the registry resolves (a place aside; a role phrase whose holder it
   does not know on the date stands for its state, as in :func:`~diplolib.events.extract_events`);
1. **the discovered actors** of :func:`diplolib.actors.discover_actors` inside the phrase (ids ``prov:<slug>``);
2. **a group**, when the head noun of the phrase (its last word before any "of …") is a collective noun of
   :data:`GROUP_NOUNS` ("Allies and Partners", "European Leaders", "CARICOM Leaders", "Gulf Coast Governors"):
   one actor ``group:<slug of the phrase>``; when a titled person comes first ("Governor Tate Reeves and Members
   of the Mississippi Congressional Delegation") each part is read on its own. A group the registry has ("NATO
   Allies", "G7 Leaders") is resolved by the registry before this step;
3. **the names of the phrase**: each part between "and" or commas, without its titles ("Governor", "Senator",
   "His Holiness", :data:`diplolib.actors.name_rules.TITLES`), as ``prov:<slug of the name>`` ("Speaker Pelosi and
   Leader Schumer" → ``prov:pelosi``, ``prov:schumer``).

The phrase ends at a topic or a time ("on", "about", "regarding", "in advance of", "after", "to discuss") or at
the end of the title. These mentions carry ``discovered=True``, which :func:`~diplolib.events.extract_events`
carries into the events table.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..actors import discover_actors
from ..actors.name_rules import TITLES
from ..normalize.matching import matching_form
from .offices import role_states

__all__ = ["GROUP_NOUNS", "counterpart_phrases", "title_counterparts"]

#: Head nouns that make a readout's counterpart a group.
GROUP_NOUNS = frozenset("""leaders allies partners governors officials organizations organisations leadership caucus
    delegation delegations members servicemembers counterparts ministers mayors senators representatives heads
    executives""".split())
_WITH = re.compile(r"\b(?:calls?|conversations?)\s+with\s+(?:the\s+)?", re.IGNORECASE)
_STOP = re.compile(r"\s+(?:on|about|regarding|concerning|in advance of|ahead of|after|following|to discuss|amid|over)"
                   r"\s|\s*[:;\u2013\u2014]\s|\s+-\s|[.?!]?\s*$", re.IGNORECASE)
_PARTS = re.compile(r"\s*(?:,\s*(?:and\s+)?|\band\s+)", re.IGNORECASE)
_OF = re.compile(r"\s+of\s+", re.IGNORECASE)
_HONORIFICS = TITLES | {"his", "her", "holiness", "majesty", "highness", "excellency", "acting", "prime", "foreign",
                        "first", "lady", "national", "security", "the"}


def counterpart_phrases(titles: pd.Series) -> pd.DataFrame:
    """Where each title names its counterpart: ``start``, ``end`` of the phrase after "call(s) with"
    (``-1`` when the title has no such formula), index aligned with ``titles``."""
    starts, ends = [], []
    for t in titles.fillna("").astype(str):
        m = _WITH.search(t)
        if not m:
            starts.append(-1)
            ends.append(-1)
            continue
        stop = _STOP.search(t, m.end())
        starts.append(m.end())
        ends.append(stop.start() if stop else len(t))
    return pd.DataFrame({"start": starts, "end": ends}, index=titles.index)


def _slug(name: str) -> str:
    return re.sub(r"[\W_]+", "_", matching_form(name)).strip("_") or "unnamed"


def _name(part: str) -> tuple[int, int]:
    """The span of the name in a part of the phrase: its last capitalised words, titles left out."""
    words = list(re.finditer(r"[^\s,]+", part))
    head = _OF.search(part)
    if head:  # "Ray Chambers of the Partnership …": the name is before "of"
        words = [w for w in words if w.start() < head.start()]
    keep = []
    for w in reversed(words):
        if w.group().lower().strip(".'’s") in _HONORIFICS or not w.group()[:1].isupper():
            break
        keep.append(w)
    if not keep:
        return -1, -1
    return keep[-1].start(), keep[0].end()


def _parse(title: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
    """``(start, end, actor_id, kind)`` of the counterparts a phrase names (see the module's rules 2 and 3)."""
    phrase = title[start:end]
    cuts = [0, *(x for m in _PARTS.finditer(phrase) for x in (m.start(), m.end())), len(phrase)]
    parts = [(a, z) for a, z in zip(cuts[::2], cuts[1::2], strict=True) if z > a]
    titled = [any(w.lower().strip(".,") in TITLES for w in phrase[a:z].split()) for a, z in parts]
    if _group(phrase) and not any(titled[:-1]):  # "Allies and Partners", "Veteran and Military Family Organizations"
        return [(start, end, f"group:{_slug(phrase)}", "group")]
    out = []
    for (a, z), has_title in zip(parts, titled, strict=True):
        part = phrase[a:z]
        if _group(part) and not has_title:  # "… and Members of the Mississippi Congressional Delegation"
            out.append((start + a, start + z, f"group:{_slug(part)}", "group"))
            continue
        i, j = _name(part)
        if i >= 0:
            out.append((start + a + i, start + a + j, f"prov:{_slug(part[i:j])}", "person"))
    return out


def _group(phrase: str) -> bool:
    """Is the head noun of ``phrase`` (its last word before any "of …") a collective noun?"""
    words = _OF.split(phrase, maxsplit=1)[0].split()
    return bool(words) and words[-1].lower().strip(".,") in GROUP_NOUNS


def title_counterparts(titles: pd.DataFrame, mentions: pd.DataFrame, *, registry) -> pd.DataFrame:
    """``mentions`` of the readout titles with the counterparts the registry lacks added (``discovered=True``).

    Parameters
    ----------
    titles : DataFrame
        ``article_id``, ``text`` (the title), ``lang``.
    mentions : DataFrame
        From :func:`~diplolib.actors.tag_actors` on ``titles``.
    registry : ActorMatcher
        For :func:`~diplolib.actors.discover_actors`.

    Returns
    -------
    DataFrame
        A new mentions table with a ``discovered`` column; the registry's mentions overlapping an added one are
        dropped (an unresolved title word inside "Governor Greg Abbott").
    """
    base = mentions.assign(discovered=False)
    phrase = counterpart_phrases(titles["text"]).to_numpy()
    pos = dict(zip(titles["article_id"], range(len(titles)), strict=True))
    at = base["article_id"].map(pos).to_numpy()
    places = set(registry.registry.actors.loc[registry.registry.actors["kind"] == "place", "actor_id"])
    ids = role_states(base, registry.registry)["actor_id"]  # "Georgian President …" in 2003 stands for Georgia
    resolved = (ids.notna() & ~ids.isin(places)).to_numpy()  # a place is no counterpart: "New York Governor …"
    inside = resolved & (base["start"].to_numpy() >= phrase[at, 0]) & (base["end"].to_numpy() <= phrase[at, 1])
    # a phrase holding an actor the registry resolves names a known counterpart (or, "Sharon initiated a call
    # with President Putin", the issuer's side: the counterpart is elsewhere); never a second, provisional id
    known = {titles["article_id"].iloc[p] for p, i in zip(at, inside, strict=True) if i}
    need = [(k, s, e) for k, (s, e) in enumerate(phrase.tolist())
            if s >= 0 and titles["article_id"].iloc[k] not in known]
    if not need:
        return base
    sub = titles.iloc[[k for k, _, _ in need]]
    found = discover_actors(sub, mentions[mentions["article_id"].isin(sub["article_id"])], registry=registry)
    found = found[found["discovered"]]
    rows = []
    for k, s, e in need:
        aid, text = titles["article_id"].iloc[k], titles["text"].iloc[k]
        d = found[(found["article_id"] == aid) & (found["start"] >= s) & (found["end"] <= e)]
        spans = (list(zip(d["start"], d["end"], d["actor_id"], d["alias_kind"], strict=True)) if len(d)
                 else _parse(text, s, e))
        rows += [(aid, a, z, actor, text[a:z], kind) for a, z, actor, kind in spans]
    add = pd.DataFrame(rows, columns=["article_id", "start", "end", "actor_id", "surface", "alias_kind"])
    if add.empty:
        return base
    add = add.assign(method="title", discovered=True)
    key = base["article_id"].to_numpy()
    overlap = np.zeros(len(base), dtype=bool)
    for aid, a, z in zip(add["article_id"], add["start"], add["end"], strict=True):
        overlap |= (key == aid) & (base["start"].to_numpy() < z) & (base["end"].to_numpy() > a)
    out = pd.concat([base[~overlap], add], ignore_index=True)
    order = out["article_id"].map(pos)
    return out.assign(_o=order).sort_values(["_o", "start"], kind="stable").drop(columns="_o").reset_index(drop=True)
