"""Keeping or leaving out mentions by the kind of their actor (media, places, ...)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .._tables import as_list, check_columns

__all__ = ["without_kinds"]


def without_kinds(mentions: pd.DataFrame, kinds: str | Iterable[str] = "media", *,
                  actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """The mentions whose actor is not of one of ``kinds`` (a new table; unresolved mentions are kept).

    News agencies are registry actors (kind ``media``) so that their names are read whole — "Agence
    France-Presse" is not France, "the Syrian Arab News Agency" is not Syria — and so that event extraction knows
    them as reporters. In dispatches they are mostly the channel of the story ("told AFP", "SANA reported",
    "(Reuters)"), which is why counts and networks of the actors *in* the story usually leave them out.

    Parameters
    ----------
    mentions : DataFrame
        From :func:`~diplolib.actors.tag_actors` (``actor_id``; a ``kind`` column is used when present).
    kinds : str or iterable of str
        Actor kinds to leave out (default ``"media"``).
    actors : DataFrame, optional
        A registry's actors table (``actor_id``, ``kind``); defaults to the built-in registry's.

    Returns
    -------
    DataFrame
        The rows of ``mentions`` kept, in their order, index reset.
    """
    check_columns(mentions, ["actor_id"], func="without_kinds", name="mentions",
                  fix="pass the mentions table from tag_actors()")
    drop = set(as_list(kinds))
    if "kind" in mentions.columns:
        kind = mentions["kind"]
    else:
        if actors is None:
            from .registry import load_registry
            actors = load_registry().actors
        check_columns(actors, ["actor_id", "kind"], func="without_kinds", name="actors",
                      fix="pass a registry's actors table (load_registry().actors)")
        ids = actors.loc[actors["kind"].isin(drop), "actor_id"]
        return mentions[~mentions["actor_id"].isin(ids).to_numpy()].reset_index(drop=True)
    return mentions[~kind.isin(drop).to_numpy()].reset_index(drop=True)
