"""How much of the world the registry covers: states with a recorded head of state and of government, by year, and
the dates on which a state's office has no recorded holder (:func:`role_gaps`)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .registry import Registry

__all__ = ["registry_coverage", "role_gaps", "role_coverage", "G20", "PERMANENT_MEMBERS", "MENA", "ELECTED_MEMBERS",
           "EU_MEMBERS"]

#: the G20's member states (the EU and the AU, members too, are organisations)
G20 = ("ARG", "AUS", "BRA", "CAN", "CHN", "DEU", "FRA", "GBR", "IDN", "IND", "ITA", "JPN", "KOR", "MEX", "RUS", "SAU",
       "TUR", "USA", "ZAF")
#: the permanent members of the UN Security Council
PERMANENT_MEMBERS = ("CHN", "FRA", "GBR", "RUS", "USA")
#: the Middle East and North Africa as the curated tables count it (Arab League members of the region, Iran, Israel,
#: Turkey)
MENA = ("ARE", "BHR", "DZA", "EGY", "IRN", "IRQ", "ISR", "JOR", "KWT", "LBN", "LBY", "MAR", "OMN", "PSE", "QAT", "SAU",
        "SYR", "TUN", "TUR", "YEM")
#: the elected members of the UN Security Council, by year of their seat, 2015–2026 (two-year terms)
ELECTED_MEMBERS = {
    2015: ("AGO", "MYS", "NZL", "ESP", "VEN", "TCD", "CHL", "JOR", "LTU", "NGA"),
    2016: ("AGO", "MYS", "NZL", "ESP", "VEN", "EGY", "JPN", "SEN", "UKR", "URY"),
    2017: ("EGY", "JPN", "SEN", "UKR", "URY", "BOL", "ETH", "KAZ", "SWE", "ITA"),
    2018: ("BOL", "ETH", "KAZ", "SWE", "NLD", "CIV", "GNQ", "KWT", "PER", "POL"),
    2019: ("CIV", "GNQ", "KWT", "PER", "POL", "BEL", "DOM", "DEU", "IDN", "ZAF"),
    2020: ("BEL", "DOM", "DEU", "IDN", "ZAF", "EST", "NER", "VCT", "TUN", "VNM"),
    2021: ("EST", "NER", "VCT", "TUN", "VNM", "IND", "IRL", "KEN", "MEX", "NOR"),
    2022: ("IND", "IRL", "KEN", "MEX", "NOR", "ALB", "BRA", "GAB", "GHA", "ARE"),
    2023: ("ALB", "BRA", "GAB", "GHA", "ARE", "ECU", "JPN", "MLT", "MOZ", "CHE"),
    2024: ("ECU", "JPN", "MLT", "MOZ", "CHE", "DZA", "GUY", "KOR", "SLE", "SVN"),
    2025: ("DZA", "GUY", "KOR", "SLE", "SVN", "DNK", "GRC", "PAK", "PAN", "SOM"),
    2026: ("DNK", "GRC", "PAK", "PAN", "SOM", "BHR", "COL", "COD", "LVA", "LBR"),
}
#: the European Union's member states in 2026 (the United Kingdom left on 2020-01-31)
EU_MEMBERS = ("AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "IRL", "ITA",
              "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE")


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
    if states is None:
        states = registry.actors.loc[registry.actors["kind"] == "state", "actor_id"]
    out = _gaps(registry.roles, states=states, roles=roles, first=first, last=last, caller="role_gaps")
    return out[out["days"] >= min_days].reset_index(drop=True)


def _gaps(roles_table: pd.DataFrame, *, states: Iterable[str], roles: Iterable[str], first: str, last: str,
          caller: str) -> pd.DataFrame:
    """Every uncovered period of each (state, office) in ``[first, last)``, longest first (see :func:`role_gaps`)."""
    lo, hi = pd.Timestamp(first), pd.Timestamp(last)
    if hi <= lo:
        raise ValueError(f"{caller}: last ({last}) must be after first ({first})")
    roles = list(roles)
    states = sorted(set(states))
    r = roles_table[roles_table["role"].isin(roles) & roles_table["of"].isin(states)]
    r = r.assign(start=_dates(r["start"]), end=_dates(r["end"]))
    r = r.assign(start=r["start"].fillna(lo).clip(lower=lo), end=r["end"].fillna(hi).clip(upper=hi))
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
    out["gap_start"], out["gap_end"] = pd.to_datetime(out["gap_start"]), pd.to_datetime(out["gap_end"])
    out["days"] = (out["gap_end"] - out["gap_start"]).dt.days
    return out.sort_values(["days", "of", "role"], ascending=[False, True, True]).reset_index(drop=True)


def _dates(col: pd.Series) -> pd.Series:
    """Timestamps from a parsed column, or from ISO text where a partial date ("2015", "2015-01") counts from the
    first day of its period, as the registry reads it; empty text is NaT."""
    if pd.api.types.is_datetime64_any_dtype(col):
        return col
    return pd.to_datetime(col.replace("", None), format="mixed")


def role_coverage(roles: pd.DataFrame, *, role: str, states: Iterable[str], first: str = "2000-01-01",
                  last: str = "2026-02-01") -> pd.DataFrame:
    """Share of the days of ``[first, last)`` on which each state's ``role`` has a recorded holder, with the spans
    it has none.

    Parameters
    ----------
    roles : DataFrame
        A roles table (``Registry.roles``, or any table with ``role``, ``of``, ``start``, ``end``; an empty ``end``
        runs to ``last``).
    role : str
        The office, e.g. ``"foreign_minister"``.
    states : iterable of str
        ISO3 ids, e.g. :data:`G20` (a state with no term at all counts as never covered).
    first, last : str
        The period, ISO dates; ``last`` is exclusive (default 2000-01-01 to 2026-02-01, i.e. through 2026-01-31).

    Returns
    -------
    DataFrame
        One row per state: ``of``, ``role``, ``days`` (of the period), ``covered`` (days with a holder), ``share``
        (``covered / days``) and ``uncovered`` (the spans without a holder, ``"YYYY-MM-DD..YYYY-MM-DD"`` with the end
        exclusive, earliest first, joined by ``"; "``; empty when fully covered), sorted by ``share`` then ``of``.
        ``out["covered"].sum() / out["days"].sum()`` is the group's share of state-days.
    """
    states = sorted(set(states))
    total = (pd.Timestamp(last) - pd.Timestamp(first)).days
    gaps = _gaps(roles, states=states, roles=[role], first=first, last=last, caller="role_coverage")
    gaps = gaps.sort_values(["of", "gap_start"])
    spans = (gaps["gap_start"].dt.strftime("%Y-%m-%d") + ".." + gaps["gap_end"].dt.strftime("%Y-%m-%d"))
    per_state = pd.DataFrame({"of": gaps["of"], "days": gaps["days"], "span": spans}).groupby("of").agg(
        missing=("days", "sum"), uncovered=("span", "; ".join))
    out = pd.DataFrame({"of": states, "role": role, "days": total})
    out = out.join(per_state, on="of")
    out["covered"] = total - out["missing"].fillna(0).astype(int)
    out["share"] = out["covered"] / total
    out["uncovered"] = out["uncovered"].fillna("")
    out = out[["of", "role", "days", "covered", "share", "uncovered"]]
    return out.sort_values(["share", "of"]).reset_index(drop=True)
