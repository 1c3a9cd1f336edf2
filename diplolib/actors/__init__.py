"""Actors: the registry of states, organisations, armed groups, people and places, and the tagger.

See :mod:`diplolib.actors.registry` for what the data files hold and how to extend them, and
:mod:`diplolib.actors.tagger` for the matching and resolution rules.
"""

from diplolib.actors.counts import actor_counts
from diplolib.actors.coverage import registry_coverage, role_gaps
from diplolib.actors.discover import add_provisional, suggest_actors
from diplolib.actors.kinds import without_kinds
from diplolib.actors.provisional import discover_actors, discovery_candidates, provisional_actors
from diplolib.actors.registry import Registry, RegistryError, load_registry
from diplolib.actors.tagger import MENTION_COLUMNS, ActorMatcher, tag_actors

__all__ = [
    "load_registry",
    "Registry",
    "RegistryError",
    "ActorMatcher",
    "tag_actors",
    "MENTION_COLUMNS",
    "actor_counts",
    "without_kinds",
    "suggest_actors",
    "add_provisional",
    "discover_actors",
    "discovery_candidates",
    "provisional_actors",
    "registry_coverage",
    "role_gaps",
]
