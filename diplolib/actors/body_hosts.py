"""The state a UN body works in, read from its own name: "United Nations Mission in Liberia" is in Liberia.

A peace operation or a country office is named after the one state it serves ("United Nations Assistance Mission
in Afghanistan", "United Nations Operation in Côte d'Ivoire", "United Nations Integrated Peacebuilding Office in
Guinea-Bissau"), and its documents call it by its generic noun ("the Mission" / "la Mission" / البعثة, "the
Operation" / العملية, "the Office" / المكتب). On the UNPC tune half, Arabic wrote البعثة or العملية where English and
French wrote UNMIL, UNAMA, UNMISS, UNOCI … in 17 sentences whose documents name no body with that noun in their other
sentences, but name the state (a report of the Secretary-General on Liberia, a Council resolution on Afghanistan).

:func:`body_hosts` reads the host from the UN system's table (and the regional bodies'): the English name after
its generic noun ("… Mission| in Liberia") must be "in" or "for" and one state, named by the registry, that ends
the name ("for Palestine Refugees in the Near East" names people, not a host; "for Ebola Emergency Response" no
state). :func:`hosted_body` is the fallback of :func:`~diplolib.actors.short_forms.resolve_short_forms` when no
body with the noun is in view: the one candidate body whose host the document names, and nothing when the document
names the hosts of two ("Afghanistan" and "Iraq": UNAMA or UNAMI). Only in the documents of the organs of
:data:`MANDATING`.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable

import pandas as pd

from .matcher import ActorMatcher
from .tagger import tag_actors
from .un_system import REGIONAL_FILE, read_un_system

__all__ = ["MANDATING", "body_hosts", "hosted_body"]

#: the organs whose documents' generic "Mission" is the operation they mandate for the state they deal with: the
#: Security Council's. On the UNPC tune half, in every document, the fallback made 20 readings, 9 right: the General
#: Assembly's documents also speak of a body with no host of its own (UNMEER's budget names Liberia: "the Mission's
#: headquarters in Accra" read as UNMIL 5 times). In the Council's documents alone, once the qualifier "permanente" /
#: الدائمة set aside the member states' Permanent Missions, 7 of 8 were right.
MANDATING = frozenset({"org:unsc"})

#: how a body's name introduces the state it works in, after its generic noun
_HOST_LEAD = re.compile(r"^\s+(?:in|for)\s+(?:the\s+)?")
_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # matcher → its hosts, gone with the matcher


def body_hosts(matcher: ActorMatcher) -> dict[str, str]:
    """body → the state it works in (ISO code), for the bodies of the UN system's and the regional bodies' tables
    whose English name ends with "in"/"for" and one state after their generic noun ("Mission in Liberia")."""
    if matcher not in _CACHE:
        _CACHE[matcher] = _hosts(matcher)
    return _CACHE[matcher]


def _hosts(matcher: ActorMatcher) -> dict[str, str]:
    ids, tails = [], []
    for r in read_un_system() + read_un_system(REGIONAL_FILE):
        for name in filter(None, r["en"].split("|")):
            for noun in filter(None, r["short_en"].split("|")):
                at = name.rfind(noun)
                lead = _HOST_LEAD.match(name[at + len(noun):]) if at >= 0 else None
                if lead:
                    ids.append(r["actor_id"])
                    tails.append(name[at + len(noun):].rstrip())
    if not ids:
        return {}
    found = tag_actors(pd.DataFrame({"article_id": range(len(ids)), "text": tails}), registry=matcher)
    kind = matcher.kind_of
    found = found[found["actor_id"].fillna("").map(lambda a: kind.get(a) == "state")]
    out: dict[str, set[str]] = {}
    for i, g in found.groupby("article_id"):
        lead = _HOST_LEAD.match(tails[i]).end()
        # the state is the whole rest of the name: "in Liberia", "in the Democratic Republic of the Congo"
        if g["actor_id"].nunique() == 1 and g["start"].min() == lead and g["end"].max() == len(tails[i]):
            out.setdefault(ids[i], set()).add(g["actor_id"].iloc[0])
    return {body: next(iter(states)) for body, states in out.items() if len(states) == 1}


def hosted_body(candidates: Iterable[str], named: set[str], hosts: dict[str, str]) -> tuple[str, str]:
    """(body, "context:host") when exactly one of ``candidates`` (the bodies a generic noun may stand for) works in
    a state of ``named`` (what the document names); ("", "ambiguous") when several do, ("", "no-context") when none.

    Examples
    --------
    >>> hosts = {"org:unmil": "LBR", "org:unama": "AFG", "org:unami": "IRQ"}
    >>> hosted_body(["org:unmil", "org:unama", "org:unami"], {"AFG", "org:un"}, hosts)
    ('org:unama', 'context:host')
    >>> hosted_body(["org:unmil", "org:unama", "org:unami"], {"AFG", "IRQ"}, hosts)
    ('', 'ambiguous')
    """
    hit = {b for b in candidates if hosts.get(b) in named}
    if len(hit) == 1:
        return next(iter(hit)), "context:host"
    return "", "ambiguous" if hit else "no-context"
