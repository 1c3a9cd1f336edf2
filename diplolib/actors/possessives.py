"""English possessives written without the apostrophe ("Syrias government", "Russias position"): generated aliases.

Some corpora lose apostrophes in their text (FA-KES: "Syrias government run TV", "the countrys center"). The
state's English name + "s" is then its possessive; :func:`possessive_aliases` adds it, case-sensitive, for every
one-word state name that does not end in "s", unless the plural is an ordinary English word (wordfreq Zipf ≥ 3:
"turkeys", "guineas", "Americas") or the name is ambiguous (``ambiguities.csv``: "Jordan").
"""

from __future__ import annotations

__all__ = ["possessive_aliases"]

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
