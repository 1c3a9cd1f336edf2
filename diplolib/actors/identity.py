"""Who is one person across states: a sweep of the registry's roles for names merged across states.

The leaders build (:func:`diplolib.actors.leaders.leader_tables`) makes a person a name in one state; the same
name in another state is the same person only when the two terms start on the same day (a personal union:
Elizabeth II and Charles III in their realms, the French president as co-prince of Andorra) or share a Wikidata id.
:func:`cross_state_people` checks the result from the generated tables alone, so that a reviewer (and a test) sees
every person holding offices of two states and the evidence that joins them.
"""

from __future__ import annotations

import pandas as pd

from .leaders import SUCCESSOR_STATES

__all__ = ["cross_state_people"]


def _joined(starts: dict[str, set[str]]) -> bool:
    """True when every state is linked to the others by a chain of terms starting on the same day."""
    states = sorted(starts)
    seen, todo = {states[0]}, [states[0]]
    while todo:
        a = todo.pop()
        for b in states:
            if b not in seen and starts[a] & starts[b]:
                seen.add(b)
                todo.append(b)
    return len(seen) == len(states)


def _successor_career(starts: dict[str, set[str]]) -> bool:
    """Two states, one born of the other (:data:`~diplolib.actors.leaders.SUCCESSOR_STATES`), the successor's
    office held after the other's: one career (Salva Kiir in Sudan, then South Sudan)."""
    if len(starts) != 2:
        return False
    a, b = sorted(starts)
    new, old = (a, b) if SUCCESSOR_STATES.get(a) == b else (b, a) if SUCCESSOR_STATES.get(b) == a else (None, None)
    return new is not None and min(starts[old]) < min(starts[new])


def cross_state_people(roles: pd.DataFrame, *, states: set[str] | None = None) -> pd.DataFrame:
    """Every person holding offices of two states or more, with the evidence that they are one person.

    Parameters
    ----------
    roles : DataFrame
        The registry's ``roles`` table (``actor_id, role, of, start``). With a ``source`` column, only the terms
        the leaders build made (source ``leaders-cia …``) are read: a curated row names its person by id (Charles
        III as the United Kingdom's heir from 1952, then king of fourteen realms from 2022), so no name joins it.
    states : set of str, optional
        The ids of states (default: every ``of`` of three capital letters).

    Returns
    -------
    DataFrame
        ``actor_id``, ``states`` (sorted, joined by " "), ``starts`` (each state's term starts,
        "STATE:start|start; ..."), ``link``: ``"same-start"`` when terms starting on the same day join every
        state (a personal union), ``"successor-state"`` for an office of a state then of the state born of it
        (:data:`~diplolib.actors.leaders.SUCCESSOR_STATES`), else ``"name-only"`` (two people with one name merged: a build error). The
        input is not modified.
    """
    missing = {"actor_id", "of", "start"} - set(roles.columns)
    if missing:
        raise ValueError(f"roles lacks column(s) {sorted(missing)}: pass the registry's roles table")
    of = roles["of"].fillna("").astype(str)
    is_state = of.isin(states) if states is not None else of.str.fullmatch(r"[A-Z]{3}")
    keep = is_state & roles["actor_id"].astype(str).str.startswith("per:")
    if "source" in roles.columns:  # a curated row names its person by id: only the build joins people by name
        keep &= roles["source"].fillna("").astype(str).str.startswith("leaders-cia")
    r = roles.loc[keep, ["actor_id", "of", "start"]]
    r = r.assign(start=r["start"].fillna("").astype(str).str[:10])
    per_state = r.groupby(["actor_id", "of"])["start"].agg(lambda s: set(s))
    rows = []
    for actor, g in per_state.groupby(level=0):
        if len(g) < 2:
            continue
        starts = {st: v for (_, st), v in g.items()}
        rows.append({"actor_id": actor, "states": " ".join(sorted(starts)),
                     "starts": "; ".join(f"{s}:{'|'.join(sorted(v))}" for s, v in sorted(starts.items())),
                     "link": "same-start" if _joined(starts) else "successor-state" if _successor_career(starts)
                     else "name-only"})
    return pd.DataFrame(rows, columns=["actor_id", "states", "starts", "link"])
