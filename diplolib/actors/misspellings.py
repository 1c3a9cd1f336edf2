"""Common misspellings of state names ("Afganistan", "Phillipines", "Tailand"): generated aliases.

Writers and transcribers misspell state names in a few regular ways; each is a rule applied once to every English
and French name of a state (its words of 5 letters or more):

- ``undouble``: a doubled letter written once ("Philipines", "Moroco");
- ``double``: a single l, n, r, s, t or p between two vowels written twice ("Phillipines", "Venezzuela");
- ``moved-double``: the doubled letter moved to another consonant ("Phillipines" ← "Philippines");
- ``no-h``: the h after c, f, g, k, p, t or b dropped ("Afganistan", "Tailand", "Kazakstan", "Butan").

A variant is kept only when it is not an ordinary word: wordfreq rates it below :data:`WORD_ZIPF` in English and
French ("Cameron" ← "Cameroon" 4.3, "Columbia" 4.4 are words; the misspellings themselves are rare but not absent,
"Afganistan" 1.8, "Phillipines" 2.1, so a lower bar would drop them), its changed word keeps 5 letters or more
("Gana", "Cina", "Cile": too short to be safe), and no other alias of the registry is written so. Variants are
case-sensitive (capitalised as the name), so "tailand" in lower case never matches;
``source="misspelling"`` and the note names the rule.
"""

from __future__ import annotations

import re

__all__ = ["WORD_ZIPF", "RULES", "misspelling_aliases", "variants"]

#: a form wordfreq rates at or above this Zipf frequency in English or French is an ordinary word of its own (about
#: once in a million words; the bar of :mod:`~diplolib.actors.possessives`): never an alias, even case-sensitive
WORD_ZIPF = 3.0
RULES = ("undouble", "double", "moved-double", "no-h")
_VOWELS = "aeiouyéèàâêîôûAEIOUY"
_DOUBLE = re.compile(rf"(?<=[{_VOWELS}])([lnrstp])(?=[{_VOWELS}])")
_H_AFTER = re.compile(r"(?<=[cfgkptbCFGKPTB])h")
_WORD = re.compile(r"[^\W\d_]{5,}")
_MIN_LETTERS = 5


def variants(name: str) -> list[tuple[str, str]]:
    """``(variant, rule)`` for every single edit of :data:`RULES` in the long words of ``name``."""
    out: dict[str, str] = {}
    for w in _WORD.finditer(name):
        word, at = w.group(), w.start()

        def put(new_word: str, rule: str, at: int = at, word: str = word) -> None:
            form = name[:at] + new_word + name[at + len(word):]
            if form != name and len(new_word) >= _MIN_LETTERS:
                out.setdefault(form, rule)

        def doubled(w: str) -> list[str]:
            return [w[:m.end()] + m.group() + w[m.end():] for m in _DOUBLE.finditer(w)]

        for i in range(1, len(word)):
            if word[i] == word[i - 1] and word[i].isalpha():
                single = word[:i] + word[i + 1:]
                put(single, "undouble")
                for moved in doubled(single):
                    put(moved, "moved-double")
        for new in doubled(word):
            put(new, "double")
        for m in _H_AFTER.finditer(word):
            put(word[:m.start()] + word[m.end():], "no-h")
    return sorted(out.items())


def misspelling_aliases(aliases: list[dict[str, str]], ambiguous: set[str] = frozenset()) -> list[dict[str, str]]:
    """Alias rows (kind ``name``, case-sensitive, ``source="misspelling"``) of the misspellings of the states'
    English and French names (``kind`` name or short_name) that are not words and not another alias."""
    from wordfreq import zipf_frequency

    taken = {r["alias"].casefold() for r in aliases}
    out = []
    for r in aliases:
        name = r["alias"].strip()
        if (r["lang"] not in ("en", "fr") or r["kind"] not in ("name", "short_name")
                or not (len(r["actor_id"]) == 3 and r["actor_id"].isupper()) or not name[:1].isupper()
                or name.casefold() in ambiguous):
            continue
        for form, rule in variants(name):
            low = form.casefold()
            if low in taken or any(zipf_frequency(w, lang) >= WORD_ZIPF for w in low.split()
                                   for lang in ("en", "fr") if w not in name.casefold().split()):
                continue
            taken.add(low)
            out.append({"actor_id": r["actor_id"], "alias": form, "lang": r["lang"], "kind": "name",
                        "case_sensitive": "true", "source": "misspelling", "note": f"a common misspelling ({rule})"})
    return out
