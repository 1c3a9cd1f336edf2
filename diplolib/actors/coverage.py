"""How much of the world the registry covers: states with a recorded head of state and of government, by year."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .registry import Registry

__all__ = ["registry_coverage"]


def registry_coverage(registry: Registry, *, years: Iterable[int] = range(1995, 2027),
                      roles: Iterable[str] = ("head_of_state", "head_of_government"), day: str = "07-01"
                      ) -> pd.DataFrame:
    """Number and share of states with a holder of each role on one day of each year.

    Parameters
    ----------
    registry : Registry
        From :func:`~diplolib.actors.load_registry`.
    years : iterable of int
        The years (default 1995–2026).
    roles : iterable of str
        The offices counted.
    day : str
        The day of the year checked, ``MM-DD`` (default the first of July).

    Returns
    -------
    DataFrame
        One row per (year, role): ``year``, ``role``, ``states`` (states with exactly one holder that day),
        ``shared`` (states with two or more: co-holders or disputed), ``n_states`` (states of the registry),
        ``share`` (``states / n_states``), ``label`` (the role, for plots).
    """
    states = set(registry.actors.loc[registry.actors["kind"] == "state", "actor_id"])
    r = registry.roles[registry.roles["of"].isin(states)]
    rows = []
    for year in years:
        when = pd.Timestamp(f"{year}-{day}")
        live = r[(r["start"] <= when) & (r["end"].isna() | (when < r["end"]))]
        for role in roles:
            held = live[live["role"] == role].groupby("of")["actor_id"].nunique()
            rows.append({"year": year, "role": role, "states": int((held == 1).sum()), "shared": int((held > 1).sum()),
                         "n_states": len(states)})
    out = pd.DataFrame(rows)
    out["share"] = out["states"] / out["n_states"]
    out["label"] = out["role"].str.replace("_", " ")
    return out
