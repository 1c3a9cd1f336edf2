"""Short first names of people's full names: "Bill Clinton" for William Jefferson Clinton, "Tony Blair".

English and French news write many leaders with the usual short form of their first name, which official
lists (the CIA Factbook) never use. :data:`NICKNAMES` holds the common English hypocorisms (a short form used
for that name in general, not one person's nickname); :func:`nickname_aliases` makes "<short> <surname>" aliases
for every person name alias that starts with one of them. The build (:mod:`diplolib.actors.build`) drops the
ones another actor already owns, like every generated alias.
"""

from __future__ import annotations

import re

__all__ = ["NICKNAMES", "nickname_aliases"]

#: first name -> its common short forms
NICKNAMES: dict[str, tuple[str, ...]] = {
    "William": ("Bill",), "Joseph": ("Joe",), "Anthony": ("Tony",), "Robert": ("Bob",), "James": ("Jim",),
    "Richard": ("Dick",), "Thomas": ("Tom",), "Michael": ("Mike",), "Edward": ("Ted",), "Benjamin": ("Ben",),
    "Nicholas": ("Nick",), "Alexander": ("Alex",), "Daniel": ("Dan",), "Matthew": ("Matt",),
    "Stephen": ("Steve",), "Steven": ("Steve",), "Timothy": ("Tim",), "Kenneth": ("Ken",), "Ronald": ("Ron",),
    "Christopher": ("Chris",), "Andrew": ("Andy",), "Gerald": ("Gerry",), "Frederick": ("Fred",),
    "Jeffrey": ("Jeff",), "Patrick": ("Pat",), "Zachary": ("Zach",), "Elizabeth": ("Liz",),
}


def nickname_aliases(aliases: list[dict[str, str]], people: set[str]) -> list[dict[str, str]]:
    """"<short> <surname>" alias rows (kind ``nickname``) for the English and French name aliases of ``people``.

    Parameters
    ----------
    aliases : list of dict
        Registry alias rows (``actor_id``, ``alias``, ``lang``, ``kind``).
    people : set of str
        The person ids.
    """
    surnames: dict[str, list[str]] = {}
    for r in aliases:
        if r["actor_id"] in people and r.get("kind") in ("short_name", "surname"):
            surnames.setdefault(r["actor_id"], []).append(r["alias"])
    out = {}
    for r in aliases:
        words = r["alias"].split()
        if not (r["actor_id"] in people and r["lang"] in ("en", "fr") and r.get("kind") == "name"
                and len(words) > 1 and words[0] in NICKNAMES):
            continue
        # the surname: a surname alias the name ends with ("De Croo"), else the second of two words
        ends = [s for s in surnames.get(r["actor_id"], []) if r["alias"].endswith(" " + s)]
        surname = max(ends, key=len) if ends else (words[1] if len(words) == 2 else "")
        if surname and not re.fullmatch(r"[IVXL]+\.?", surname):  # not "Liz II"
            for short in NICKNAMES[words[0]]:
                alias = f"{short} {surname}"
                out[(r["actor_id"], alias, r["lang"])] = {
                    "actor_id": r["actor_id"], "alias": alias, "lang": r["lang"], "kind": "nickname",
                    "case_sensitive": "true", "source": "nickname-table",
                    "note": f"usual short form of {words[0]} ({r['alias']})"}
    return list(out.values())
