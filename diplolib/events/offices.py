"""Role phrases whose holder the registry does not know on the article's date ("British Defence Secretary" in 1990)
stand for their state: :func:`role_states`; the normalised form of many phrases at once: :func:`norm_phrases`."""

from __future__ import annotations

import re

import pandas as pd

from ..normalize.matching import matching_form

__all__ = ["role_states", "norm_phrases"]

_OFFICES: dict[int, tuple[object, dict[str, str]]] = {}  # registry -> role phrase -> its state (built once)


def role_states(mentions: pd.DataFrame, registry) -> pd.DataFrame:
    """Mentions with an unresolved role phrase ("British Defence Secretary" in 1990) standing for its state (a new
    table; the others unchanged)."""
    if "alias_kind" not in mentions.columns or "surface" not in mentions.columns:
        return mentions
    key = id(registry)  # the table of offices is built once per registry and process, at its first use
    if key not in _OFFICES or _OFFICES[key][0] is not registry:
        rp = registry.role_phrases
        rp = rp[rp["of"].fillna("") != ""]
        _OFFICES[key] = (registry, dict(zip(norm_phrases(rp["phrase"].tolist()), rp["of"], strict=True)))
    office = _OFFICES[key][1]
    unresolved = mentions["actor_id"].isna() & (mentions["alias_kind"] == "role_phrase")
    if not unresolved.any():
        return mentions
    surfaces = mentions.loc[unresolved, "surface"]
    uniq = surfaces.unique().tolist()  # a few hundred distinct phrases among thousands of mentions
    norm = dict(zip(uniq, norm_phrases(uniq), strict=True))
    state = surfaces.map(norm).map(office)
    out = mentions.copy()
    out.loc[state.index, "actor_id"] = state
    return out


def _norm(phrase: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", matching_form(phrase)).split())


_NOT_WORD = re.compile(r"(?:[^\w\n]|_)+")


def norm_phrases(phrases: list[str]) -> list[str]:
    """``_norm`` of each phrase (its matching form, words joined by one space), computed on all of them joined by
    line breaks at once: the matching form of the joined text is the forms joined (a line break folds to itself
    and ends every word and elision), and a line break is never inside a run of other non-word characters. The
    17,978 role phrases of the registry take one call instead of one each."""
    if not phrases or any("\n" in p for p in phrases):
        return [_norm(p) for p in phrases]
    lines = _NOT_WORD.sub(" ", matching_form("\n".join(phrases))).split("\n")
    return [" ".join(x.split()) for x in lines]
