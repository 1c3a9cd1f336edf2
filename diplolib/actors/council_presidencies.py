"""The European Council's chair before its permanent president: the head of the Council presidency's government.

Until 2009-12-01 the European Council had no president of its own: the head of government of the state holding the
six-month presidency of the Council of the EU chaired it (France's president, who sits there for France). "the
President of the European Council" of 2003-09 is Silvio Berlusconi, of 2004-03 Bertie Ahern; the registry had the
office from Herman Van Rompuy on only, so the phrase named no one before 2009 (round 18's probes). The build derives
the office from the table of presidencies below and the registry's heads of government by date (a change of
government inside a semester gives two chairs), so no holder is written twice.
"""

from __future__ import annotations

__all__ = ["EU_PRESIDENCIES", "with_eu_chairs"]

SOURCE = "https://en.wikipedia.org/wiki/Presidency_of_the_Council_of_the_European_Union"
#: the presidency of the Council of the EU by semester, 1995 to the permanent president of 2009-12-01
EU_PRESIDENCIES: tuple[tuple[str, str, str], ...] = tuple(
    (state, f"{year}-{'01' if half == 1 else '07'}-01", f"{year}-07-01" if half == 1 else f"{year + 1}-01-01")
    for (year, half), state in zip([(y, h) for y in range(1995, 2010) for h in (1, 2)],
                                   "FRA ESP ITA IRL NLD LUX GBR AUT DEU FIN PRT FRA SWE BEL ESP DNK GRC ITA IRL NLD "
                                   "LUX GBR AUT FIN DEU PRT SVN FRA CZE SWE".split(), strict=True))
PERMANENT_FROM = "2009-12-01"
#: states whose head of state, not of government, sat in the European Council for them
HEAD_OF_STATE_SITS = frozenset({"FRA"})


def _day(value: str, *, end: bool = False) -> str:
    """An ISO day from a registry date ("2003", "2003-07", "2003-07-14"); an open end is far in the future."""
    value = (value or "").strip()[:10]
    if not value:
        return "9999-12-31" if end else "0000-01-01"
    return value + ("-12-31"[: 10 - len(value)] if end else "-01-01"[: 10 - len(value)]) if len(value) < 10 else value


def with_eu_chairs(roles: list[dict[str, str]], more: list[dict[str, str]] = ()) -> list[dict[str, str]]:
    """``roles`` and the European Council's chairs of 1995-2009 read from the heads of ``roles`` and ``more``."""
    chairs: dict[tuple[str, str, str], dict[str, str]] = {}
    heads = [r for r in [*roles, *more] if r.get("role") in ("head_of_state", "head_of_government")]
    for state, start, end in EU_PRESIDENCIES:
        end = min(end, PERMANENT_FROM)
        role = "head_of_state" if state in HEAD_OF_STATE_SITS else "head_of_government"
        for r in heads:
            if r["of"] != state or r["role"] != role:
                continue
            s, e = max(start, _day(r["start"])), min(end, _day(r["end"], end=True))
            if s < e and (r["actor_id"], s, e) not in chairs:
                chairs[(r["actor_id"], s, e)] = {
                    "actor_id": r["actor_id"], "role": "council_president", "of": "org:eu", "start": s, "end": e,
                    "source": SOURCE, "note": f"chair of the European Council as head of the presidency of {state}"}
    return list(roles) + sorted(chairs.values(), key=lambda r: (r["start"], r["actor_id"]))
