"""Vectorised pre-tests of the actor rules: which hits of a chunk a rule's Python method can answer "yes" for.

:func:`diplolib.actors.tagger.tag_actors` resolves most hits from columns; a few rules read the text around a hit
(:meth:`~diplolib.actors.rules.MatcherRules.resolve`'s "-based" test, ``_in_a_name``, ``as_place``). Each
function here reads the code points of the chunk's texts (:class:`ChunkCodes`, built once per chunk) and returns,
for every hit, either the rule's exact answer (:func:`based_after`) or a superset of the hits for which the
method can be true (:func:`maybe_in_a_name`, :func:`maybe_place`): the method then runs only on those, so the
decisions are the method's own. ``tests/test_actors_partition.py`` checks each pre-test against its method on
random texts built from the pieces the rules look at.
"""

from __future__ import annotations

import re

import numpy as np

from ..normalize._charmap import code_points

__all__ = ["ChunkCodes", "based_after", "maybe_in_a_name", "maybe_place"]

_IS_UPPER = np.array([chr(c).isupper() for c in range(0x10000)], dtype=bool)
_ASCII_SPACE = np.array([chr(c).isspace() for c in range(128)] + [False], dtype=bool)  # 128: not ASCII
_ASCII_LETTER = np.array([chr(c).isascii() and chr(c).isalpha() for c in range(128)] + [False], dtype=bool)
# the prepositions of rules._LOCATIVE (after which a capital is the city), packed as base-32 codes of ASCII letters
_LOCATIVE_WORDS = ("a", "au", "aux", "en", "dans", "vers", "in", "at", "to", "near", "outside", "around", "via")
_WINDOW = 24  # as_place reads the 24 characters before the hit


def _pack(word: str) -> int:
    code = 0
    for ch in word:
        code = code * 32 + (ord(ch) - 96)
    return code


_LOCATIVE_CODES = np.array(sorted(_pack(w) for w in _LOCATIVE_WORDS), dtype=np.int64)
_SPACE = np.array([bool(re.match(r"\s", chr(c))) for c in range(0x10000)], dtype=bool)


def _letter(c: int) -> bool:
    """Whether one code point is a letter as ``[^\\W\\d_]`` says (the end of "on" in :func:`rules.based_place`)."""
    return c > 0 and bool(re.match(r"[^\W\d_]", chr(c)))


_LETTER = np.array([_letter(c) for c in range(0x10000)], dtype=bool)
_BASED = [(45, 32), (66, 98), (65, 97), (83, 115), (69, 101), (68, 100)]  # "-"/" ", then b a s e d in either case


class ChunkCodes:
    """The code points of a chunk's texts joined with NULs (``cp``), each text's first index (``base``) and length.

    :meth:`char` reads the code point at an offset of a text, 0 outside the text: the pre-tests never look at the
    next or the previous text.
    """

    def __init__(self, texts: list[str]):
        self.lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        self.base = np.r_[0, np.cumsum(self.lengths + 1)[:-1]].astype(np.int64)
        self.cp = code_points("\x00".join(texts) + "\x00")

    def char(self, pos: np.ndarray, offset: np.ndarray) -> np.ndarray:
        ok = (offset >= 0) & (offset < self.lengths[pos])
        return np.where(ok, self.cp[np.where(ok, self.base[pos] + offset, 0)], 0).astype(np.int64)


def based_after(codes: ChunkCodes, pos: np.ndarray, end: np.ndarray) -> np.ndarray:
    """:func:`~diplolib.actors.rules.based_place` for every hit, exactly: ``text[end:end + 6].lower()`` is "-based"
    or " based", and " based" is not followed by whitespace and "on" / "upon" that end a word. No character but
    the ASCII letters lowercases to b, a, s, e or d, nor matches o, n, u or p case-insensitively, and none beyond
    the BMP is whitespace (each checked over every code point); a character whose lowercase is longer never
    equals one."""
    out = np.ones(len(pos), dtype=bool)
    for k, (a, b) in enumerate(_BASED):
        c = codes.char(pos, end + k)
        out &= (c == a) | (c == b)
    spaced = np.flatnonzero(out & (codes.char(pos, end) == 32))
    if len(spaced):
        p, e = pos[spaced], end[spaced] + 6
        ws = codes.char(p, e)
        on = _SPACE[np.minimum(ws, 0xFFFF)] & (ws < 0x10000)
        for word in ("on", "upon"):
            hit = on.copy()
            for k, ch in enumerate(word):
                c = codes.char(p, e + 1 + k)
                hit &= (c == ord(ch)) | (c == ord(ch) - 32)
            nxt = codes.char(p, e + 1 + len(word))
            letter = np.array([_letter(int(c)) for c in nxt], dtype=bool) if (nxt >= 0x10000).any() else \
                _LETTER[nxt]
            hit &= ~letter
            out[spaced[hit]] = False
    return out


def maybe_in_a_name(codes: ChunkCodes, pos: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """The hits for which :meth:`~diplolib.actors.rules.MatcherRules._in_a_name` can be true: a space or hyphen
    then a capital letter after the hit, "+" or " +" after it, or "de ", "du ", "d'", "d’" or an Arabic letter one or two characters before
    it (the method's own first tests, vectorised; the others are certainly not in a name). The same hits are the
    only ones :func:`~diplolib.actors.seats.seat_of` can say "yes" for."""
    if not len(pos):
        return np.zeros(0, dtype=bool)
    a0, a1 = codes.char(pos, end), codes.char(pos, end + 1)
    room = end + 2 <= codes.lengths[pos]
    upper = np.where(a1 < 0x10000, _IS_UPPER[np.minimum(a1, 0xFFFF)], True)  # beyond the BMP: ask the method
    after = room & ((a0 == 32) | (a0 == 45)) & upper
    review = (a0 == 43) | ((a0 == 32) & (a1 == 43))  # "+" or " +": "Beijing+10" (rules._REVIEW_AFTER)
    c1, c2, c3 = (codes.char(pos, start - k) for k in (1, 2, 3))
    de_du = (c1 == 32) & ((c2 == 101) | (c2 == 117)) & (c3 == 100)
    elided = ((c1 == 39) | (c1 == 0x2019)) & (c2 == 100)
    arabic = ((start >= 2) & (c2 >= 0x600) & (c2 <= 0x6FF)) | ((start >= 1) & (c1 >= 0x600) & (c1 <= 0x6FF))
    return after | review | de_du | elided | arabic


def maybe_place(codes: ChunkCodes, pos: np.ndarray, start: np.ndarray) -> np.ndarray:
    """The hits for which :meth:`~diplolib.actors.rules.MatcherRules.as_place` can be true.

    The method says "place" for a hit near the text's start (a dateline), after "(" (a meeting's place), or when
    the matching form of the 24 characters before it ends with a locative preposition and whitespace, or with
    "ب" (``rules._LOCATIVE``). Where those characters are ASCII the matching form is their lowercase (the elision
    step only ever turns an apostrophe into a space, and both are non-word characters), so the test is exact on
    them: the whitespace run before the hit, the run of letters before it (cut at the window's start, as the
    regex's ``^`` is) and the character before that are read from the code points, and the word compared with the
    prepositions. Any non-ASCII character among them sends the hit to the method.
    """
    n = len(pos)
    if not n:
        return np.zeros(0, dtype=bool)
    back = np.arange(1, _WINDOW + 1)
    offsets = start[:, None] - back  # column k: the character k + 1 before the hit
    inside = offsets >= np.maximum(start - _WINDOW, 0)[:, None]
    flat_pos = np.repeat(pos, _WINDOW)
    cp = codes.char(flat_pos, offsets.ravel()).reshape(n, _WINDOW)
    cls = np.where(inside, np.minimum(cp, 128), 129)  # 128: not ASCII; 129: outside the window
    wide = cls == 128
    space = _ASCII_SPACE[np.minimum(cls, 128)] & inside
    letter = _ASCII_LETTER[np.minimum(cls, 128)] & inside
    cols = np.arange(_WINDOW)[None, :]
    # the whitespace run right before the hit (columns 0 .. n_space - 1), then the letters of the word before it
    n_space = np.where(space.all(axis=1), _WINDOW, np.argmin(space, axis=1))
    past = cols >= n_space[:, None]
    ended = ~letter & past
    stop = np.where(ended.any(axis=1), np.argmax(ended, axis=1), _WINDOW)  # the column before the word
    n_letters = stop - n_space
    # a non-ASCII character in the whitespace run, in the word or just before it: ask the method
    unsure = (wide & (cols <= np.minimum(stop, _WINDOW - 1)[:, None])).any(axis=1)
    # the word, lowercased and packed (a word longer than every preposition is none of them)
    short = (n_space > 0) & (n_letters > 0) & (n_letters <= 7)
    lower = np.where(letter, cp | 32, 0).astype(np.int64) - 96
    rows = np.arange(n)
    code = np.zeros(n, dtype=np.int64)
    for k in range(7):  # from the word's first letter (the furthest back) to its last
        take = short & (k < n_letters)
        code = np.where(take, code * 32 + lower[rows, np.clip(stop - 1 - k, 0, _WINDOW - 1)], code)
    word = short & np.isin(code, _LOCATIVE_CODES)
    paren = cp[:, 0] == 40
    return (start < 4) | paren | unsure | word
