"""The Arabic definite article in Latin script, written every way the press writes it.

"Deir ez-Zor", "Deir el-Zor", "Deir al-Zor"; "Front al-Nosra", "Front el-Nosra"; "Bashar al-Assad", "Bashar
el-Assad": one Arabic article (ال), transliterated as al- or el-, or assimilated to the next letter when that
is a "sun letter" (ad-, as-, ash-, at-, az-, an-, ar- and the e- forms). :func:`article_variants` gives, for
every English or French alias holding such an article, the same alias with the other forms (same actor, kind
and case rule, ``source="article-variant"``); the build drops a variant that another actor already owns.
"""

from __future__ import annotations

import re

__all__ = ["ARTICLE", "article_forms", "article_variants"]

#: an Arabic article in Latin script: a word of its own ending in a hyphen, before the next word
ARTICLE = re.compile(r"(?<![\w'’-])([AaEe])(l|d|dh|n|r|s|sh|t|th|z)-(?=(\w+))")
_SUN = ("dh", "th", "sh", "d", "n", "r", "s", "t", "z")


def article_forms(next_word: str) -> list[str]:
    """The article forms before ``next_word`` (lower case): al, el, and the assimilated ones for a sun letter."""
    low = next_word.lower()
    sun = next((s for s in _SUN if low.startswith(s)), "")
    return ["al", "el"] + ([f"a{sun}", f"e{sun}"] if sun else [])


def article_variants(aliases: list[dict[str, str]]) -> list[dict[str, str]]:
    """New alias rows: every other way of writing the Arabic article of each English or French alias.

    One article per alias is varied (the first); an alias with none yields nothing.
    """
    out, seen = [], {(r["actor_id"], r.get("lang"), r["alias"].casefold()) for r in aliases}
    for r in aliases:
        if r.get("lang") not in ("en", "fr"):
            continue
        m = ARTICLE.search(r["alias"])
        if not m or len(r["alias"].split()) > 6:
            continue
        written = m.group(1) + m.group(2)
        for form in article_forms(m.group(3)):
            form = form.capitalize() if written[0].isupper() else form
            if form.lower() == written.lower():
                continue
            alias = r["alias"][:m.start()] + form + "-" + r["alias"][m.end():]
            key = (r["actor_id"], r["lang"], alias if str(r.get("case_sensitive")).lower() == "true"
                   else alias.casefold())
            if key in seen:  # "El-Qaeda" from "Al-Qaeda" and "el-Qaeda" from "al-Qaeda": one is enough
                continue
            seen.add(key)
            out.append(dict(r, alias=alias, source="article-variant",
                            note=f"the Arabic article of {r['alias']!r} written {form}-"))
    return out
