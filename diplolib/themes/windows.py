"""The context rules of many theme hits at once: their word windows from the token offsets of the joined text.

:func:`diplolib.themes.rules.context_ok` reads the words around one hit (``rules._window``: the ``window`` words
before and after it, within ``_CHARS_PER_WORD`` characters a word, not across the end of a clause) and searches its
neighbour regexes there. :func:`context_keep` gives the same verdicts for every hit of a chunk of joined texts
(:class:`~diplolib.themes.joined.JoinedTexts`) with the window bounds computed as columns:

* the clause ends (``rules._STOP``, less the line breaks that only wrap a line: ``rules._wraps``), the starts of
  whitespace-separated tokens and their ends are found once per chunk, over the code points of the joined matching
  form;
* a hit's left window starts at the latest of: ``reach`` characters before it, its text's start, the character after
  the last clause end before it, the start of the ``window``-th token before it (``searchsorted``); its right window
  ends at the earliest of the mirror bounds. The tokens between, joined by one space, are the words ``_window``
  keeps;
* a window holding punctuation standing alone (``rules._LONE``, rare: one regex over all windows finds them) is read
  again by ``rules._window`` itself (lone punctuation does not use up the window, so it reaches further);
* the neighbour regexes then run on each window, as ``context_ok`` runs them: the windows of all hits, ordered by
  rule, make one string, and each rule's regexes run once over its slice (:func:`_found_in`; a regex
  ``(?<!\\w)REST`` as ``\\W(?:REST)``, which ``finditer`` skips through to the non-word characters).

The semantics stay in :mod:`diplolib.themes.rules` (its private helpers are read from there, not copied):
``tests/test_themes_windows.py`` compares :func:`context_keep` with ``context_ok`` on random texts.
"""

from __future__ import annotations

import functools
import itertools
import re

import numpy as np

from ..segment import token_chars
from . import rules as _rules
from .joined import JoinedTexts, char_test

__all__ = ["context_keep"]

_FAR = np.iinfo(np.int64).max // 4


@functools.lru_cache(maxsize=4)
def _stop_table(pattern: str) -> np.ndarray:
    """Whether each BMP code point is a clause end (``rules._STOP``, a one-character class)."""
    rx = _rules._STOP
    return np.array([rx.fullmatch(chr(c)) is not None for c in range(0x10000)], dtype=bool)


def _stops(codes: np.ndarray) -> np.ndarray:
    table = _stop_table(_rules._STOP.pattern)
    if codes.dtype == np.uint8:  # ASCII
        return table[:256][codes]
    codes = codes.astype(np.uint32, copy=False)
    out = table[np.minimum(codes, 0xFFFF)]
    wide = np.flatnonzero(codes > 0xFFFF)
    if len(wide):
        out[wide] = [_rules._STOP.fullmatch(chr(c)) is not None for c in codes[wide].tolist()]
    return out


_CLOSING = np.array([ord(c) for c in _rules._CLOSING], dtype=np.uint32)
_WRAP_BEFORE = np.array(sorted(map(ord, _rules._WRAP_BEFORE)), dtype=np.uint32)
_WRAP_AFTER = np.array(sorted(map(ord, _rules._WRAP_AFTER)), dtype=np.uint32)
_LONG = max(map(len, _rules.ABBREVIATIONS)) + 1  # a run of this many letters or digits is no abbreviation


def _dots_end(match: str, codes: np.ndarray, space: np.ndarray, dots: np.ndarray) -> np.ndarray:
    """``rules._dot_ends`` at each of ``dots`` (positions of "." in ``match``), as one array: followed by whitespace,
    a NUL or the end (after closing quotes), then the token before it (at most 40 characters) classified once per
    distinct token, unless its last ``_LONG`` characters are letters or digits (a word longer than any
    abbreviation: a sentence end)."""
    n = len(codes)
    q = dots + 1
    while len(more := np.flatnonzero(q < n)) and len(more := more[np.isin(codes[q[more]], _CLOSING)]):
        q[more] += 1
    inside = q < n
    out = ~inside
    out[inside] = space[q[inside]] | (codes[q[inside]] == 0)
    check = np.flatnonzero(out)
    d = dots[check]
    before = d[:, None] - np.arange(1, 41)
    cp = codes[np.maximum(before, 0)].astype(np.uint32)
    token = token_chars(cp) & (before >= 0)
    run = np.where(token.all(axis=1), 40, np.argmin(token, axis=1))
    alnum = token[:, :_LONG] & (cp[:, :_LONG] != 46) & (cp[:, :_LONG] != 95) & (cp[:, :_LONG] != 0xB0) & (
        cp[:, :_LONG] != 0xBA)
    long_word = alnum.all(axis=1)
    ask = np.flatnonzero(~long_word)
    abbreviated = np.zeros(len(d), dtype=bool)
    abbreviated[ask] = [_rules._is_abbreviation(match[x - r:x]) for x, r in zip(d[ask].tolist(), run[ask].tolist(),
                                                                                  strict=True)]
    out[check] = ~abbreviated
    return out


def _layout(joined: JoinedTexts, near_lo: np.ndarray, near_hi: np.ndarray) -> tuple[np.ndarray, ...]:
    """Clause ends, token starts and token ends (exclusive) of the joined matching form. A full stop is classified
    (:func:`_dots_end`, the costly part) only inside the stretches ``[near_lo, near_hi)``: :func:`_bounds` reads a
    clause end only there (one farther from a hit than its reach changes no window), the others count as none."""
    codes = joined._match_codes()
    space = char_test("space", codes)
    nonspace = ~space
    starts = np.flatnonzero(nonspace & np.r_[True, space[:-1]])
    ends = np.flatnonzero(nonspace & np.r_[space[1:], True]) + 1
    stops = _stops(codes)
    dots = np.flatnonzero(codes == 46)
    if len(dots):
        order = np.argsort(near_lo, kind="stable")
        reach = np.maximum.accumulate(near_hi[order])  # the farthest end of the stretches starting at or before
        i = np.searchsorted(near_lo[order], dots, side="right") - 1
        near = np.zeros(len(dots), dtype=bool)
        near[i >= 0] = reach[i[i >= 0]] > dots[i >= 0]
        stops[dots] = False
        stops[dots[near]] = _dots_end(joined.match, codes, space, dots[near])
    breaks = np.flatnonzero(codes == 10)
    if len(breaks):  # rules._wraps: a line break between a Latin letter, digit or comma and a Latin letter
        prev, nxt = codes[np.maximum(breaks - 1, 0)], codes[np.minimum(breaks + 1, len(codes) - 1)]
        wraps = (breaks > 0) & (breaks < len(codes) - 1) & np.isin(prev, _WRAP_BEFORE) & np.isin(nxt, _WRAP_AFTER)
        stops[breaks[wraps]] = False
    return np.r_[-1, np.flatnonzero(stops), _FAR], np.r_[-1, starts], np.r_[ends, _FAR]


def _bounds(joined: JoinedTexts, k: np.ndarray, a: np.ndarray, b: np.ndarray, words: np.ndarray):
    """``[left, a)`` and ``[b, right)``: the stretches of the joined form whose tokens are the hit's window."""
    reach = _rules._CHARS_PER_WORD * words
    stops, starts, ends = _layout(joined, a - reach, b + reach)  # padded: -1 and _FAR at the ends
    lo = np.maximum(a - reach, joined.at[k])
    lo = np.maximum(lo, stops[np.searchsorted(stops, a) - 1] + 1)  # after the last clause end before the hit
    i = np.maximum(np.searchsorted(starts, a) - words, 0)  # the window-th token start before the hit (-1: none)
    left = np.maximum(lo, starts[i])
    hi = np.minimum(b + reach, joined.end[k])
    hi = np.minimum(hi, stops[np.searchsorted(stops, b)])  # the first clause end from the hit's end
    i = np.minimum(np.searchsorted(ends, b, side="right") + words - 1, len(ends) - 1)  # the window-th token end
    right = np.minimum(hi, ends[i])
    return left, right


# punctuation standing alone (``rules._LONE``) in words joined by single spaces, each string between line breaks:
# a space or line break, then a token of no word character up to the next one (a set of first characters lets
# ``finditer`` skip ahead where ``_LONE``'s look-behind is tried at every position)
_LONE_SPACED = re.compile(r"[ \n][^\w\s]+(?=[ \n])")
_BOUNDARY = r"(?<!\w)"


def _lone(parts: list[str]) -> np.ndarray:
    """Indices of the strings of ``parts`` (words joined by single spaces) holding punctuation standing alone."""
    text = "\n" + "\n".join(parts) + "\n"
    found = [m.start() for m in _LONE_SPACED.finditer(text)]  # the character before the token: in its string
    if not found:
        return np.zeros(0, dtype=np.int64)
    first = np.r_[0, np.cumsum(np.fromiter(map(len, parts), dtype=np.int64, count=len(parts)) + 1)[:-1]]
    return np.unique(np.searchsorted(first, found, side="right") - 1)


def _windows(joined: JoinedTexts, left, a, b, right) -> tuple[str, np.ndarray, np.ndarray, np.ndarray]:
    """The window strings of ``context_ok`` (``left + " | " + right``, words joined by one space) of every hit,
    joined by NULs into one string, with where each starts and its length; and the hits whose left or right words
    hold punctuation standing alone (``rules._LONE``)."""
    text = joined.match
    lefts = [" ".join(text[x:y].split()) for x, y in zip(left.tolist(), a.tolist(), strict=True)]
    rights = [" ".join(text[x:y].split()) for x, y in zip(b.tolist(), right.tolist(), strict=True)]
    lone = np.union1d(_lone(lefts), _lone(rights))
    length = (np.fromiter(map(len, lefts), dtype=np.int64, count=len(lefts))
              + np.fromiter(map(len, rights), dtype=np.int64, count=len(rights)) + 3)
    start = np.r_[0, np.cumsum(length + 1)[:-1]].astype(np.int64)
    return "\x00".join(map(" | ".join, zip(lefts, rights, strict=True))), start, length, lone


def context_keep(joined: JoinedTexts, k: np.ndarray, a: np.ndarray, b: np.ndarray, rule_of: np.ndarray,
                 rules: list) -> np.ndarray:
    """Whether each hit ``joined.match[a:b]`` (joined coordinates, in text ``k``) satisfies the context rule
    ``rules[rule_of]`` (a :data:`~diplolib.themes.rules.Rule`): ``context_ok`` of every hit, as one boolean array.

    The windows of all hits make one string (:func:`_windows`), ordered by rule, so that each
    rule's neighbour regexes run over one slice of it; the rare windows with lone punctuation are read again by
    ``rules._window`` and checked one by one."""
    if not len(a):
        return np.zeros(0, dtype=bool)
    order = np.argsort(rule_of, kind="stable")
    k, a, b, rule_of = k[order], a[order], b[order], rule_of[order]
    words = np.array([r[2] if r is not None else 0 for r in rules], dtype=np.int64)[rule_of]
    left, right = _bounds(joined, k, a, b, words)
    text, start, length, lone = _windows(joined, left, a, b, right)
    keep = np.ones(len(a), dtype=bool)
    cut = np.r_[0, np.flatnonzero(np.diff(rule_of)) + 1, len(a)].tolist()
    for x, y in itertools.pairwise(cut):  # each rule's neighbours searched over all its windows at once
        near, not_near, _ = rules[int(rule_of[x])]
        part = text[start[x]:start[y - 1] + length[y - 1]]
        if not_near is not None:
            keep[x:y] = ~_found_in(not_near, part, start[x:y] - start[x], length[x:y])
        if near is not None:
            keep[x:y] &= _found_in(near, part, start[x:y] - start[x], length[x:y])
    for j in lone.tolist():  # the window reaches past lone punctuation
        base = int(joined.at[k[j]])
        both = " | ".join(_rules._window(joined.form(int(k[j])), int(a[j]) - base, int(b[j]) - base, int(words[j])))
        near, not_near, _ = rules[int(rule_of[j])]
        keep[j] = (not_near is None or not_near.search(both) is None) and (
            near is None or near.search(both) is not None)
    out = np.empty(len(a), dtype=bool)
    out[order] = keep
    return out


def _found(rx, windows: list[str]) -> np.ndarray:
    """Whether ``rx.search(w)`` finds something in each of ``windows`` (:func:`_found_in` of them joined by NULs)."""
    lengths = np.fromiter(map(len, windows), dtype=np.int64, count=len(windows))
    return _found_in(rx, "\x00".join(windows), np.r_[0, np.cumsum(lengths + 1)[:-1]].astype(np.int64), lengths)


def _found_in(rx, text: str, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Whether ``rx.search`` finds something in each window ``text[starts[i]:starts[i] + lengths[i]]`` (windows
    one NUL apart), from one ``finditer`` over ``text``.

    A neighbour regex (cue syntax: word characters, spaces, hyphens, ``(?<!\\w)`` and ``(?!\\w)``) matches no NUL,
    and sees at a NUL what it sees at a string's edge: a match inside one window is a match of that window alone,
    and a window with a match gets one unless an earlier match runs into it. A match running over a NUL (none in
    cue syntax) makes the windows it touches, and the next one, searched one by one. A regex starting with
    ``(?<!\\w)`` runs as :func:`_leading_class` of it over the text after a NUL: each match it finds is one of
    ``rx`` (the class is the character before it) and a window with a match of ``rx`` gets one of these."""
    fast = _leading_class(rx)
    if fast is None:
        spans = np.array([m.span() for m in rx.finditer(text)], dtype=np.int64).reshape(-1, 2)
    else:  # in the text after a NUL, [x, y) is the class character and rx's match: rx's match is [x, y - 1)
        spans = np.array([m.span() for m in fast.finditer("\x00" + text)], dtype=np.int64).reshape(-1, 2)
        spans[:, 1] -= 1
    got = np.zeros(len(starts), dtype=bool)
    w = np.searchsorted(starts, spans[:, 0], side="right") - 1
    inside = spans[:, 1] <= starts[w] + lengths[w]
    got[w[inside]] = True
    for x, y in spans[~inside].tolist():  # over a NUL: those windows alone
        for j in range(np.searchsorted(starts, x, side="right") - 1, np.searchsorted(starts, y, side="right")):
            got[j] = rx.search(text[starts[j]:starts[j] + lengths[j]]) is not None
    return got


@functools.lru_cache(maxsize=1024)
def _leading_class(rx):
    """``\\W(?:REST)`` for a regex ``(?<!\\w)REST`` whose look-behind stands before all of it (not in one branch of
    an alternation), else None: ``finditer`` then skips to each non-word character instead of trying the
    look-behind at every position."""
    if not rx.pattern.startswith(_BOUNDARY) or _top_level_bar(rx.pattern[len(_BOUNDARY):]):
        return None
    try:
        return re.compile(r"\W(?:" + rx.pattern[len(_BOUNDARY):] + ")", rx.flags)
    except re.error:  # REST not a regex of its own (a quantifier first): the regex as it is
        return None


def _top_level_bar(pattern: str) -> bool:
    """Whether ``pattern`` has a ``|`` outside every group and character class (or is not read to its end)."""
    depth, i, n = 0, 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a class: "]" first (after an optional "^") is a member
            i += 2 if pattern.startswith("[^", i) else 1
            i += pattern[i:i + 1] == "]"
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return depth != 0
