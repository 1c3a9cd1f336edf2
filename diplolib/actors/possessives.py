"""English possessives written without the apostrophe ("Syrias government", "Russias position"): generated aliases.

Some corpora lose apostrophes in their text (FA-KES: "Syrias government run TV", "the countrys center"). The
state's English name + "s" is then its possessive; :func:`possessive_aliases` adds it, case-sensitive, for every
one-word state name that does not end in "s", unless the plural is an ordinary English word (wordfreq Zipf ≥ 3:
"turkeys", "guineas", "Americas") or the name is ambiguous (``ambiguities.csv``: "Jordan").
"""

from __future__ import annotations

__all__ = ["possessive_aliases", "person_possessives"]

#: Zipf frequency from which "{name}s" is an ordinary word of its own
COMMON_ZIPF = 3.0


def possessive_aliases(aliases: list[dict[str, str]], ambiguous: set[str] = frozenset()) -> list[dict[str, str]]:
    """Alias rows ``{name}s`` (kind ``name``, case-sensitive, ``source="possessive"``) of the states' English
    one-word names."""
    from wordfreq import zipf_frequency

    taken = {r["alias"].casefold() for r in aliases}
    out = []
    for r in aliases:
        name = r["alias"].strip()
        if (r["lang"] != "en" or r["kind"] != "name" or not (len(r["actor_id"]) == 3 and r["actor_id"].isupper())
                or " " in name or name.endswith("s") or not name[:1].isupper() or name.casefold() in ambiguous):
            continue
        form = name + "s"
        if form.casefold() in taken or zipf_frequency(form.casefold(), "en") >= COMMON_ZIPF:
            continue
        taken.add(form.casefold())
        out.append({"actor_id": r["actor_id"], "alias": form, "lang": "en", "kind": "name", "case_sensitive": "true",
                    "source": "possessive", "note": "the possessive without its apostrophe"})
    return out


def person_possessives(aliases: list[dict[str, str]], ambiguities: list[dict[str, str]]
                       ) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """The same for people's English surnames alone ("Assads forces": FA-KES writes it 182 times): alias rows
    ``{surname}s`` and, for a surname read by date ("Assad": Hafez until 2000, Bashar after), the same ambiguity
    rows for the new form. Left out: a surname ending in "s", a form that is an ordinary word ("trumps", Zipf ≥ 3)
    or already an alias, a surname two people share with no rule to choose between them."""
    from wordfreq import zipf_frequency

    taken = {r["alias"].casefold() for r in aliases}
    by_date: dict[str, list[dict[str, str]]] = {}
    for r in ambiguities:
        by_date.setdefault(r["alias"], []).append(r)
    owners: dict[str, set[str]] = {}
    for r in aliases:
        name = r["alias"].strip()
        if (r["lang"] == "en" and r["kind"] == "short_name" and r["actor_id"].startswith("per:") and " " not in name
                and name[:1].isupper() and not name.endswith("s")):
            owners.setdefault(name, set()).add(r["actor_id"])
    rows, amb = [], []
    for name, ids in sorted(owners.items()):
        form = name + "s"
        rules = by_date.get(name, [])
        if form.casefold() in taken or zipf_frequency(form.casefold(), "en") >= COMMON_ZIPF or (
                len(ids) > 1 and not rules):
            continue
        rows += [{"actor_id": a, "alias": form, "lang": "en", "kind": "short_name", "case_sensitive": "true",
                  "source": "possessive", "note": "the possessive without its apostrophe"} for a in sorted(ids)]
        amb += [dict(r, alias=form) for r in rules]
    return rows, amb
