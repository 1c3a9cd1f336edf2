"""Share of days 2000-01-01..2026-01-31 with a recorded foreign and defence minister, per group of states.

    DIPLOLIB_MIRROR=../shared/data PYTHONPATH=. .venv/bin/python benchmarks/role_coverage.py [-v]

Groups: the G20, the permanent members of the Security Council, the Middle East and North Africa, the elected
members of the Security Council 2015–2026, the EU's members and every state of the registry. Per group: the share of
state-days with a holder (:func:`diplolib.actors.coverage.role_coverage`) and the states covered on ≥ 95% of days;
``-v`` lists the states below 95% with their uncovered spans.
"""

from __future__ import annotations

import sys

from diplolib.actors import load_registry
from diplolib.actors.coverage import ELECTED_MEMBERS, EU_MEMBERS, G20, MENA, PERMANENT_MEMBERS, role_coverage


def main(verbose: bool = False) -> None:
    reg = load_registry()
    elected = sorted({s for states in ELECTED_MEMBERS.values() for s in states})
    every = reg.actors.loc[reg.actors["kind"] == "state", "actor_id"]
    groups = {"G20": G20, "P5": PERMANENT_MEMBERS, "MENA": MENA, "UNSC elected 2015-2026": elected,
              "EU": EU_MEMBERS, "all states of the registry": every}
    for role in ("foreign_minister", "defence_minister"):
        for name, states in groups.items():
            c = role_coverage(reg.roles, role=role, states=states)
            print(f"{role:17s} {name:26s} {c['covered'].sum() / c['days'].sum():6.1%}  "
                  f"states >= 95%: {(c['share'] >= 0.95).sum()}/{len(c)}")
            if verbose and name != "all states of the registry":
                for r in c[c["share"] < 0.95].itertuples():
                    print(f"    {r.of} {r.share:5.1%} {r.uncovered}")


if __name__ == "__main__":
    main(verbose="-v" in sys.argv[1:])
