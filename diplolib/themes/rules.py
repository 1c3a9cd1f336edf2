"""Context and scope rules of the theme dictionary, applied to the hits of the tagger.

* *context*: a cue written ``{cue: bodies, near: [...], not_near: [...], window: 4}`` fires only
  when one of its ``near`` neighbours occurs within ``window`` words on either side of it (same
  sentence) and none of its ``not_near`` neighbours does (:func:`context_rules`, :func:`context_ok`);
* *scope*: a theme with ``scope: international`` needs two states or an international body; given
  the actor mentions of the articles, its hits in sentences naming two or more people (with the sentence
  before) and only actors of one state are dropped (:func:`apply_scope`).
"""

from __future__ import annotations

import functools
import re

import pandas as pd

from ..segment import ABBREVIATIONS
from .cues import AR_PROCLITICS, BOUNDARY

__all__ = ["context_rules", "context_ok", "apply_scope", "actor_countries"]

_WORDS = re.compile(r"\w+")
# a token without any word character, standing alone between spaces
_LONE = re.compile(r"(?<!\S)[^\w\s]+(?!\S)")
# A sentence or clause ends at . ! ? ؟ ; or a line break (a neighbour beyond it is not a neighbour), except a full
# stop that ends no sentence (:func:`_dot_ends`): one inside a token ("1.5", "u.n.") or after an abbreviation, and a
# line break that only wraps a line (:func:`_wraps`).
_STOP = re.compile(r"[.!?\u061f;\n]")
# A hard-wrapped line (the UN General Debate speeches of most sessions since 1969: "equal justice\nfor all
# nations") breaks a sentence at a fixed width: a single line break between a Latin letter, digit or comma and a
# Latin letter (in matching form: lower case, no accents) is a space, not a clause end. Paragraphs and list items
# are separated by a blank line or end with punctuation in every other sample corpus (no such line break in
# wh-readouts, kremlin-en, fa-kes, meae-fr, wikinews-fr); a heading on its own line in Arabic text is no wrap.
_WRAP_BEFORE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789,")
_WRAP_AFTER = frozenset("abcdefghijklmnopqrstuvwxyz")
# what may stand between a sentence's full stop and the whitespace after it
_CLOSING = "\"'\u201d\u2019\u00bb)]"
# the token before a dot, as the sentence splitter reads it (diplolib.segment): letters, digits, _, °, º, dots
_TOKEN_BEFORE = re.compile(r"[\w\u00b0\u00ba.]*\Z")
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")  # u.s, u.n, e.g, of any script


@functools.lru_cache(maxsize=65536)
def _is_abbreviation(token: str) -> bool:
    """Whether a full stop after ``token`` (the run of ``[\\w°º.]`` before it, in matching form) closes an
    abbreviation rather than a sentence: the sentence splitter's list (``diplolib.segment.ABBREVIATIONS``: "mr",
    "gen", "m", "dr", "no", months...), dotted acronyms ("u.s", "u.n"), and any letter standing alone. The
    splitter asks an initial to be a capital; the matching form has lost the case, and a one-letter word closing a
    sentence is rare (an Arabic letter alone before a dot is an abbreviation too: د. "Dr", م. "AD", ه. "AH")."""
    tok = token.rstrip(".")
    if not tok:
        return False
    if len(tok) == 1:
        return tok.isalpha()
    if "." in tok and _DOTTED.fullmatch(tok):
        return True
    return tok.casefold() in ABBREVIATIONS


def _dot_ends(match: str, p: int) -> bool:
    """Whether the full stop ``match[p]`` ends a clause: it is followed (after closing quotes or brackets) by
    whitespace, a NUL or the end of the text, and the token before it is no abbreviation. "U.S. Special Envoy"
    is one clause ("U.S." is no sentence end), so the window of "Special Envoy" reaches "U.S."."""
    q = p + 1
    while q < len(match) and match[q] in _CLOSING:
        q += 1
    if q < len(match) and not (match[q].isspace() or match[q] == "\x00"):
        return False
    return not _is_abbreviation(match[_TOKEN_BEFORE.search(match, max(0, p - 40), p).start():p])


def _wraps(match: str, p: int) -> bool:
    """Whether the line break ``match[p]`` only wraps a line (:data:`_WRAP_BEFORE`, :data:`_WRAP_AFTER`)."""
    return 0 < p < len(match) - 1 and match[p - 1] in _WRAP_BEFORE and match[p + 1] in _WRAP_AFTER


def _clause_ends(match: str, lo: int, hi: int) -> list[int]:
    """Positions of the clause ends in ``match[lo:hi]`` (looking at the whole of ``match`` around each dot and
    line break)."""
    return [m.start() for m in _STOP.finditer(match, lo, hi)
            if (m.group() != "." or _dot_ends(match, m.start())) and (m.group() != "\n" or not _wraps(match, m.start()))]
_CHARS_PER_WORD = 25  # how far to look for ``window`` words (long Arabic and French words included)

#: (near regex or None, not_near regex or None, window) of a cue with context.
Rule = tuple["re.Pattern | None", "re.Pattern | None", int]


def context_rules(dictionary, lang: str) -> dict[tuple[str, str], Rule]:
    """``(theme, cue) -> (near, not_near, window)`` for the include cues of ``lang`` that carry context.

    Built once per dictionary and language (cached on the dictionary).
    """

    def build() -> dict[tuple[str, str], Rule]:
        cues = dictionary.cues
        sub = cues[(cues["lang"] == lang) & (cues["kind"] == "include") & (cues["window"] > 0)]
        out: dict[tuple[str, str], Rule] = {}
        for theme, cue, near, not_near, window in sub[["theme", "cue", "near", "not_near", "window"]].itertuples(
            index=False
        ):
            out[(theme, cue)] = (_alternation(near), _alternation(not_near), int(window))
        return out

    return dictionary.cached(("context_rules", lang), build)


def _alternation(joined: str) -> re.Pattern | None:
    """One regex for neighbour cues joined by ``|``, their shared look-behind taken out (much faster), and the
    Arabic proclitics every Arabic cue starts with too: ``P(?:A|B)`` matches where ``PA|PB`` does (only whether a
    neighbour occurs is asked), and tries ``P`` once per position instead of once per neighbour (~15x faster)."""
    if not joined:
        return None
    bodies = sorted({p.removeprefix(BOUNDARY) for p in _split_top(joined)}, key=len, reverse=True)
    if len(bodies) > 1 and all(b.startswith(AR_PROCLITICS) for b in bodies):
        return re.compile(BOUNDARY + AR_PROCLITICS + "(?:" + "|".join(_by_first_letter(
            [b[len(AR_PROCLITICS):] for b in bodies])) + ")")
    return re.compile(BOUNDARY + "(?:" + "|".join(_by_first_letter(bodies)) + ")")


_END = r")(?!\w)"


def _by_first_letter(bodies: list[str]) -> list[str]:
    """Neighbour cues ``(?:word...)(?!\\w)`` grouped by their first letter: ``w(?:ar|ounded)(?!\\w)`` matches where
    ``war`` or ``wounded`` does, and a position whose letter starts no neighbour fails at once (~2x faster on a
    list of ~90 words). Cues that do not start with a plain letter stay as they are."""
    groups: dict[str, list[str]] = {}
    other = []
    for b in bodies:
        inner = b[3:-len(_END)] if b.startswith("(?:") and b.endswith(_END) else ""
        if inner[:1].isalnum() and inner[1:2] not in ("", "?", "*", "+", "{"):
            groups.setdefault(inner[0], []).append(inner[1:])
        else:
            other.append(b)
    return [first + "(?:" + "|".join(rests) + _END for first, rests in groups.items()] + other


def _split_top(joined: str) -> list[str]:
    """Split ``a|b|c`` on the ``|`` that are outside any group (each part is a compiled cue)."""
    parts, depth, start, escaped = [], 0, 0, False
    for i, ch in enumerate(joined):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(joined[start:i])
            start = i + 1
    parts.append(joined[start:])
    return parts


def _window(match: str, a: int, b: int, words: int) -> tuple[str, str]:
    """The ``words`` words before ``match[a:b]`` and after it (space-separated), not crossing the end of a clause."""
    reach = _CHARS_PER_WORD * words
    lo, hi = max(0, a - reach), min(len(match), b + reach)
    ends = _clause_ends(match, lo, a)
    before = match[ends[-1] + 1 if ends else lo : a].split()
    ends = _clause_ends(match, b, hi)  # (a text's clause ends are few: the list is short)
    after = match[b : ends[0] if ends else hi].split()
    left, right = " ".join(before[-words:]), " ".join(after[:words])
    # punctuation standing alone (", qui ont lieu") is no word: it does not use up the window (rare: one regex
    # over the words kept finds it, the tokens are filtered only then)
    if _LONE.search(left):
        left = " ".join([t for t in before if _is_word(t)][-words:])
    if _LONE.search(right):
        right = " ".join([t for t in after if _is_word(t)][:words])
    return left, right


def _is_word(token: str) -> bool:
    return token[0].isalnum() or token[-1].isalnum() or _WORDS.search(token) is not None


def context_ok(rule: Rule, match: str, a: int, b: int) -> bool:
    """Whether the hit ``match[a:b]`` (matching form) satisfies its cue's context ``rule``."""
    near, not_near, words = rule
    left, right = _window(match, a, b, words)
    both = left + " | " + right  # '|' is a barrier: no neighbour spans the hit
    if not_near is not None and not_near.search(both):
        return False
    return near is None or near.search(both) is not None


def actor_countries(registry=None) -> pd.DataFrame:
    """``actor_id``, ``country`` (the state an actor belongs to; ``INTL`` for an international body), ``kind``.

    States are their own country; people, places and national bodies carry theirs in the registry;
    an organisation without a country (the UN, the EU, NATO...) is international. Actors without
    any are left out.
    """
    if registry is None:
        from ..actors import load_registry

        registry = load_registry()
    actors = registry.actors
    country = actors["country"].where(actors["country"].astype(str) != "", None)
    country = country.where(country.notna() | (actors["kind"] != "organisation"), "INTL")
    country = country.where(actors["kind"] != "state", actors["actor_id"])
    out = pd.DataFrame({"actor_id": actors["actor_id"].astype("string"), "country": country.astype("string"),
                        "kind": actors["kind"].astype("string")})
    return out[out["country"].notna()].reset_index(drop=True)


def apply_scope(hits: pd.DataFrame, mentions: pd.DataFrame, dictionary, registry=None) -> pd.DataFrame:
    """``hits`` without the hits of ``scope: international`` themes in single-state sentences.

    A sentence is *domestic* when the actors mentioned in it and in the sentence before it (places
    left aside) are all of one state, with no international body, and include two different people;
    hits of international themes there are dropped. Both sides must be known: with one person only
    ("On Russia's initiative, Putin had a telephone conversation with [someone the registry lacks]")
    or none, the hits stay.
    """
    intl = set(dictionary.themes.loc[dictionary.themes["scope"] == "international", "theme"])
    if not intl or hits.empty:
        return hits
    m = mentions[mentions["actor_id"].notna() & mentions["sentence"].notna()][["article_id", "actor_id", "sentence"]]
    m = m.astype({"actor_id": "string"}).merge(actor_countries(registry), on="actor_id", how="inner")
    m = m[m["kind"] != "place"]  # where it happens, not who takes part
    m = m.assign(person=m["actor_id"].where(m["kind"] == "person"))
    # a sentence is read with the one before it ("... had a phone call with the President of Israel.
    # The conversation took place on Israel's initiative.")
    m = pd.concat([m, m.assign(sentence=m["sentence"] + 1)], ignore_index=True)
    by_sentence = m.groupby(["article_id", "sentence"], sort=False)
    per = pd.DataFrame({"n": by_sentence["country"].nunique(), "actors": by_sentence["person"].nunique(),
                        "intl": by_sentence["country"].agg(lambda c: bool((c == "INTL").any()))})
    domestic = per[(per["n"] == 1) & (per["actors"] >= 2) & ~per["intl"]].reset_index()[["article_id", "sentence"]]
    domestic["_domestic"] = True
    key = hits[["article_id", "sentence"]].astype({"sentence": "Int64"})
    domestic = domestic.astype({"sentence": "Int64"})
    flag = key.merge(domestic, on=["article_id", "sentence"], how="left")["_domestic"].eq(True).to_numpy()
    drop = flag & hits["theme"].isin(intl).to_numpy()
    return hits[~drop].reset_index(drop=True)
