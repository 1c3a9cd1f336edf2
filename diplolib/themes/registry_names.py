"""The actor registry's aliases as the themes read them: one cached reader of the registry's CSVs.

Two theme steps name states and foreign actors without the actor tagger: the generated neighbour list ``$states``
(:mod:`diplolib.themes.state_names`) and the home-state rule (:mod:`diplolib.themes.home_scope`). Both read the
registry shipped with diplolib (``diplolib/actors/data``: ``actors.csv``, ``aliases.csv``,
``generated/guards.csv``) as plain CSV, so that loading the themes does not load the actor tagger. They read it
here, once per process: :func:`registry_aliases` gives every alias of an actor of the registry with what both need
(its actor's kind and country), :func:`blocked_aliases` the aliases the registry's sweep blocked as ordinary words.
"""

from __future__ import annotations

import csv
import functools
from importlib import resources
from typing import NamedTuple

__all__ = ["INTL", "RegistryAlias", "blocked_aliases", "registry_aliases"]

#: The "country" of an organisation of the registry without one (an international body).
INTL = "INTL"


class RegistryAlias(NamedTuple):
    """One row of ``aliases.csv`` whose actor is in ``actors.csv``."""

    actor_id: str
    actor_kind: str  # the actor's kind in actors.csv: "state", "person", "organisation", ...
    country: str  # the state the actor belongs to: its own id for a state, INTL for an organisation without a
    # country, "" for another actor without one
    alias: str  # stripped of surrounding whitespace
    kind: str  # the alias's kind: "name", "short_name", "capital", "demonym", ...
    lang: str
    case_sensitive: bool


@functools.lru_cache(maxsize=8)
def _rows(*parts: str) -> tuple[dict[str, str], ...]:
    with resources.files("diplolib").joinpath("actors", "data", *parts).open(encoding="utf-8", newline="") as f:
        return tuple(csv.DictReader(f))


@functools.lru_cache(maxsize=1)
def registry_aliases() -> tuple[RegistryAlias, ...]:
    """Every alias of ``aliases.csv`` whose actor is in ``actors.csv``, in the file's order (read once)."""
    actors = {}
    for r in _rows("actors.csv"):
        country = r["actor_id"] if r["kind"] == "state" else r["country"].strip()
        if not country and r["kind"] == "organisation":
            country = INTL
        actors[r["actor_id"]] = (r["kind"], country)
    return tuple(
        RegistryAlias(r["actor_id"], *actors[r["actor_id"]], r["alias"].strip(), r["kind"], r["lang"],
                      r["case_sensitive"] == "true")
        for r in _rows("aliases.csv") if r["actor_id"] in actors)


@functools.lru_cache(maxsize=1)
def blocked_aliases() -> frozenset[tuple[str, str]]:
    """``(alias, lang)`` of the aliases the registry's sweep blocked as ordinary words of their language
    (``generated/guards.csv``, rule ``block``; lang "" for every language)."""
    return frozenset((r["alias"].strip(), r["lang"].strip()) for r in _rows("generated", "guards.csv")
                     if r["rule"] == "block")
