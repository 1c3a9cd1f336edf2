"""The generated neighbour list ``$states``: every way the actor registry names a state, per language.

A diplomatic cue with several senses ("visit": a president's visit to a school, a website's visitors) is a visit
between states when a state is named near it: its name, short or official name, capital or demonym ("the Spanish
King's visit to Moscow", "an invitation to visit Russia"). The list is generated from the registry shipped with
diplolib (``diplolib/actors/data/actors.csv`` rows of kind ``state`` and their ``aliases.csv`` rows), read as
plain CSV by :mod:`diplolib.themes.registry_names` so that loading the themes does not load the actor tagger. A
theme file refers to it as ``$states`` in ``near``/``not_near``, like the lists it defines under ``lists:``; it
cannot redefine it.
"""

from __future__ import annotations

import functools

from .cues import AR_PROCLITICS, BOUNDARY, phrase_body
from .registry_names import registry_aliases

__all__ = ["STATE_ALIAS_KINDS", "state_lists"]

#: The alias kinds that name a state (not its acronyms or metonyms: "EU", "Kremlin" are left to the cues).
STATE_ALIAS_KINDS = frozenset({"name", "short_name", "official_name", "capital", "demonym"})
_LANGS = ("en", "fr", "ar")
_SYNTAX = set("()[]*{}^$+?\\|")  # characters of the cue syntax: such an alias is not a plain phrase


@functools.lru_cache(maxsize=1)
def state_lists() -> dict[str, dict[str, list[str]]]:
    """``{"states": {lang: [neighbour pattern, ...]}}`` for English, French and Arabic: the state aliases of the
    registry, each compiled as a literal cue would be (whole words; Arabic proclitics), longest first."""
    bodies: dict[str, set[str]] = {lang: set() for lang in _LANGS}
    for r in registry_aliases():
        lang, alias = r.lang, r.alias
        if r.actor_kind != "state" or r.kind not in STATE_ALIAS_KINDS or lang not in bodies:
            continue
        if len(alias) < 3 or _SYNTAX & set(alias):
            continue
        bodies[lang].add(phrase_body(alias, lang))
    out = {}
    for lang, found in bodies.items():
        prefix = AR_PROCLITICS if lang == "ar" else ""
        out[lang] = [rf"{BOUNDARY}{prefix}(?:{b})(?!\w)" for b in sorted(found, key=lambda b: (-len(b), b))]
    return {"states": out}
