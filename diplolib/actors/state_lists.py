"""A name that is one state's and another state's capital (or a river's, a given name: "Jordan"), listed among
states by name, is the state.

Arabic عمان is Oman (عُمان) and Amman (عَمّان), spelt alike without vowels (``ambiguities.csv``): the tagger leaves
it ``reason="ambiguous"``. In a list of states named by their names ("الصين (2018)، عمان (2016)، الهند", "Japon,
Oman et Inde") it is the state of that name: a list of states names states, not one capital among them. The
neighbour must be a state's name (not a capital or a demonym: "زار عمان والقاهرة" stays ambiguous) and only list
punctuation, a conjunction or a parenthesis (a year, a footnote star) may stand between them.
"""

from __future__ import annotations

import re

import numpy as np

from .hit_columns import Hits
from .keys import key_form

__all__ = ["listed_states", "state_or_capital"]

_NAME_KINDS = frozenset({"name", "short_name", "official_name", "former_name"})
_NAME_BEFORE = re.compile(r"\b[A-Z][\w'’.-]*\s+$")
_LIST_GAP = re.compile(r"\*?\s*(?:\([^()]{0,30}\)\s*)?\*?\s*(?:[,،;؛]\s*(?:and\s+|et\s+|or\s+|ou\s+|و|أو\s+)?|"
                       r"(?:and|et|or|ou|أو)\s+|و)", re.IGNORECASE)


def state_or_capital(matcher) -> dict[str, str]:
    """key → the state whose name it is, for the keys that are also another state's capital (built once)."""
    cache = matcher.__dict__.get("state_or_capital_keys")
    if cache is None:
        al = matcher.registry.aliases
        states = {a for a, k in matcher.kind_of.items() if k == "state"}
        al = al[al["actor_id"].isin(states)]
        named = al[al["kind"].isin(_NAME_KINDS)]
        capital_keys = {key_form(a) for a in al.loc[al["kind"] == "capital", "alias"]}
        by_key: dict[str, set[str]] = {}
        for alias, actor in zip(named["alias"], named["actor_id"], strict=True):
            k = key_form(alias)
            if k in capital_keys:
                by_key.setdefault(k, set()).add(actor)
        # round 14: also a state's name that the ambiguities list with another reading ("Jordan": the river, a
        # given name), e.g. "Vice-Chairs: Chad and Jordan"
        amb = matcher.registry.ambiguities
        name_keys = {key_form(a): actor for a, actor in zip(named["alias"], named["actor_id"], strict=True)}
        for alias in amb["alias"].unique():
            k = key_form(alias)
            readings = set(amb.loc[amb["alias"] == alias, "actor_id"].fillna("")) - {""}
            if k in name_keys and readings & states == {name_keys[k]}:
                by_key.setdefault(k, set()).add(name_keys[k])
        cache = {k: next(iter(v)) for k, v in by_key.items() if len(v) == 1}
        matcher.__dict__["state_or_capital_keys"] = cache
    return cache


def listed_states(matcher, texts: list[str], hits: Hits, resolved: list[np.ndarray]) -> None:
    """Resolve (in place) each ambiguous state-or-capital hit listed next to a state's name as that state."""
    todo = np.flatnonzero(resolved[3] == "ambiguous")
    if not len(todo):
        return
    table = state_or_capital(matcher)
    for i in todo.tolist():
        state = table.get(hits.keys[i]) if isinstance(hits.keys[i], str) else None
        if state is None:
            continue
        p, text = int(hits.pos[i]), texts[int(hits.pos[i])]
        if _NAME_BEFORE.search(text, 0, int(hits.start[i])):
            continue  # the end of a longer name: "Michael Jordan and Chad", "New Mexico"
        for j, gap in ((i - 1, slice(int(hits.end[i - 1]), int(hits.start[i])) if i else None),
                       (i + 1, slice(int(hits.end[i]), int(hits.start[i + 1])) if i + 1 < len(hits.pos) else None)):
            if gap is None or int(hits.pos[j]) != p or resolved[2][j] not in _NAME_KINDS:
                continue
            if matcher.kind_of.get(resolved[0][j]) == "state" and _LIST_GAP.fullmatch(text[gap]):
                resolved[0][i], resolved[2][i], resolved[3][i] = state, "name", None
                break
