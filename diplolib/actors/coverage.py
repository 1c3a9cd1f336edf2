"""How much of the world the registry covers: states with a recorded head of state and of government, by year, and
the dates on which a state's office has no recorded holder (:func:`role_gaps`)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .registry import Registry

__all__ = ["registry_coverage", "role_gaps", "G20", "PERMANENT_MEMBERS", "MENA"]

#: the G20's member states (the EU and the AU, members too, are organisations)
G20 = ("ARG", "AUS", "BRA", "CAN", "CHN", "DEU", "FRA", "GBR", "IDN", "IND", "ITA", "JPN", "KOR", "MEX", "RUS", "SAU",
       "TUR", "USA", "ZAF")
#: the permanent members of the UN Security Council
PERMANENT_MEMBERS = ("CHN", "FRA", "GBR", "RUS", "USA")
#: the Middle East and North Africa as the curated tables count it (Arab League members of the region, Iran, Israel,
#: Turkey)
MENA = ("ARE", "BHR", "DZA", "EGY", "IRN", "IRQ", "ISR", "JOR", "KWT", "LBN", "LBY", "MAR", "OMN", "PSE", "QAT", "SAU",
        "SYR", "TUN", "TUR", "YEM")


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


def role_gaps(registry: Registry, *, states: Iterable[str] | None = None,
              roles: Iterable[str] = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister"),
              first: str = "2000-01-01", last: str = "2026-01-01", min_days: int = 1) -> pd.DataFrame:
    """The periods between ``first`` and ``last`` when a state's office has no holder in the registry.

    A term covers ``[start, end)`` (an open end runs to ``last``); the periods no term of the office covers are the
    gaps. A state with no term at all of an office has one gap over the whole period: an office the state does not
    have (a prime minister in a presidential republic, a defence minister in Palestine) is a gap too, so read the
    report per role and compare it with itself over time rather than against zero.

    Parameters
    ----------
    registry : Registry
        From :func:`~diplolib.actors.load_registry`.
    states : iterable of str, optional
        ISO3 ids of the states (default: every state of the registry).
    roles : iterable of str
        The offices checked.
    first, last : str
        The period, ISO dates (default 2000-01-01 to 2026-01-01).
    min_days : int
        Shorter gaps are left out (a day between two terms is often a date convention, not a vacancy).

    Returns
    -------
    DataFrame
        One row per gap: ``of``, ``role``, ``gap_start``, ``gap_end`` (exclusive), ``days``, sorted by ``days``
        descending.
    """
    lo, hi = pd.Timestamp(first), pd.Timestamp(last)
    if hi <= lo:
        raise ValueError(f"role_gaps: last ({last}) must be after first ({first})")
    roles = list(roles)
    if states is None:
        states = registry.actors.loc[registry.actors["kind"] == "state", "actor_id"]
    states = sorted(set(states))
    r = registry.roles[registry.roles["role"].isin(roles) & registry.roles["of"].isin(states)]
    r = r.assign(start=r["start"].clip(lower=lo), end=r["end"].fillna(hi).clip(upper=hi))
    r = r[r["start"] < r["end"]].sort_values(["of", "role", "start"])
    # covered-until so far in each (state, office): a gap opens where a term starts after every earlier term ended
    r["reach"] = r.groupby(["of", "role"])["end"].cummax()
    r["prev"] = r.groupby(["of", "role"])["reach"].shift().fillna(lo)
    inner = r.loc[r["start"] > r["prev"], ["of", "role", "prev", "start"]].set_axis(
        ["of", "role", "gap_start", "gap_end"], axis=1)
    tail = r.groupby(["of", "role"], as_index=False)["reach"].max()
    tail = tail[tail["reach"] < hi].rename(columns={"reach": "gap_start"}).assign(gap_end=hi)
    held = pd.MultiIndex.from_frame(r[["of", "role"]].drop_duplicates())
    every = pd.MultiIndex.from_product([states, roles], names=["of", "role"])
    never = every.difference(held).to_frame(index=False).assign(gap_start=lo, gap_end=hi)
    out = pd.concat([inner, tail, never], ignore_index=True)
    out["days"] = (out["gap_end"] - out["gap_start"]).dt.days
    out = out[out["days"] >= min_days]
    return out.sort_values(["days", "of", "role"], ascending=[False, True, True]).reset_index(drop=True)
