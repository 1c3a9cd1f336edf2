"""Words around many offsets of a batch at once: the word-level array primitives the event rules read their
context with.

The rules of :mod:`~diplolib.events.roles`, :mod:`~diplolib.events.locations`, :mod:`~diplolib.events.sectors`
… look at the word just before or after a cue or an actor phrase. Done one offset at a time (``str.rfind``, a
regex on a slice) that is a Python loop over every hit and phrase of the batch; here it is a ``searchsorted``
over the sorted space positions of the spaced matching form (:func:`word_before`, :func:`word_after`,
:func:`space_rank`), a hashed look-up of the words at many offsets (:func:`words_in`, :func:`word_bits`). The
character-level primitives (code points, classes, windows, tokens) are in :mod:`~diplolib.events.chars`. Each
primitive states the per-offset code it equals; ``tests/test_events_words.py`` compares them on random texts and on
every sample corpus.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from .chars import PAD, codes_of, windows

__all__ = ["space_positions", "spaced_codes", "space_rank", "prev_space", "next_space", "word_before", "word_after",
           "words_in", "words_ending_at", "word_table", "word_bits", "word_spans"]

_SPACED: list = [None, None, None, None]  # the last spaced form asked for, its code points, its space offsets
# and its words (word_spans)


def _spaced_arrays(spaced: str) -> tuple[np.ndarray, np.ndarray]:
    """Code points and space offsets of a spaced matching form (the last form's kept, held so that its identity
    stays valid: the rules of one batch ask for the same one many times)."""
    if _SPACED[0] is not spaced:
        codes = codes_of(spaced)
        _SPACED[:] = [spaced, codes, np.flatnonzero(codes == 32), None]
    return _SPACED[1], _SPACED[2]


def space_positions(spaced: str) -> np.ndarray:
    """Sorted offsets of the spaces of a spaced matching form."""
    return _spaced_arrays(spaced)[1]


def spaced_codes(spaced: str) -> np.ndarray:
    """The code points of a spaced matching form (:func:`codes_of`)."""
    return _spaced_arrays(spaced)[0]


_POP8 = np.array([bin(i).count("1") for i in range(256)], dtype=np.int64)  # set bits of each byte
_RANKS: list = [None]  # (spaces, bit map, spaces before each byte) of the last space array ranked, one tuple


def space_rank(spaces: np.ndarray, pos: np.ndarray) -> np.ndarray:
    """``np.searchsorted(spaces, pos)`` (``side="left"``: the number of spaces below each offset) for the sorted
    space offsets of a spaced form.

    The rules of a batch ask it of the same 2.7 million spaces (FA-KES x 10) about forty times, 100,000 offsets
    each; a binary search then misses the cache at every step (20-40 ms a call). Here the spaces are a bit map
    (one bit per offset, eight to a byte) with the count of spaces before each byte, built once per space array
    (the last one is kept, held so that its identity stays valid) in about the time of one search, and every
    count is two look-ups and the set bits of one byte. A few offsets, or a short form, are searched."""
    pos = np.asarray(pos, dtype=np.int64)
    if len(pos) < 256 or len(spaces) < 4096:
        return np.searchsorted(spaces, pos, side="left")
    entry = _RANKS[0]
    if entry is None or entry[0] is not spaces:
        top = int(spaces[-1]) + 1
        bits = np.zeros(top, dtype=bool)
        bits[spaces] = True
        packed = np.packbits(bits, bitorder="little")  # bit j of byte k: offset 8k + j
        before = np.zeros(len(packed) + 1, dtype=np.int64)
        np.cumsum(_POP8[packed], out=before[1:])
        entry = (spaces, top, packed, before)
        _RANKS[0] = entry
    _, top, packed, before = entry
    p = np.clip(pos, 0, top)
    inside = p < top  # at or past the last space's offset + 1: every space is below
    k = np.where(inside, p >> 3, 0)
    low = packed[k] & ((1 << (p & 7)) - 1).astype(np.uint8)
    return np.where(inside, before[k] + _POP8[low], len(spaces))


def prev_space(spaces: np.ndarray, pos: np.ndarray) -> np.ndarray:
    """``spaced.rfind(" ", 0, p)`` for each ``p`` >= 0 of ``pos`` (``-1`` when none)."""
    i = space_rank(spaces, pos) - 1
    return np.where(i >= 0, spaces[np.maximum(i, 0)] if len(spaces) else -1, -1)


def next_space(spaces: np.ndarray, pos: np.ndarray) -> np.ndarray:
    """``spaced.find(" ", p)`` for each ``p`` >= 0 of ``pos`` (``-1`` when none)."""
    i = space_rank(spaces, pos)
    return np.where(i < len(spaces), spaces[np.minimum(i, len(spaces) - 1)] if len(spaces) else -1, -1)


def word_before(spaced: str, spaces: np.ndarray, starts: np.ndarray) -> list[str]:
    """``spaced[spaced.rfind(" ", 0, s) + 1:s]`` for each ``s`` >= 0 of ``starts``: the word ending at ``s``."""
    starts = np.asarray(starts, dtype=np.int64)
    return [spaced[a:z] for a, z in zip((prev_space(spaces, starts) + 1).tolist(), starts.tolist(), strict=True)]


_ENDING: list = [(None, None, None)]  # the last (spaced form, offsets, answer) of words_ending_at, one tuple: read
# and replaced whole, so that threads running batches at once never mix two batches' entries


def words_ending_at(spaced: str, starts) -> tuple[list[str], list[int]]:
    """``(spaced[j + 1:s], j)`` with ``j = spaced.rfind(" ", 0, s)`` for each ``s`` of ``starts``: the word ending
    at each offset and the space before it. The rules of one batch ask it of the same cue starts several times
    (the auxiliary, the purpose word, the adverb before each cue): the last answer is kept (with the form, so that
    its identity stays valid) and given again for the same form and offsets."""
    key = np.asarray(starts, dtype=np.int64)
    kept_form, kept_key, kept = _ENDING[0]
    if kept_form is spaced and np.array_equal(kept_key, key):
        return kept
    rfind = spaced.rfind
    js = [rfind(" ", 0, s) for s in key.tolist()]
    out = ([spaced[j + 1:s] for j, s in zip(js, key.tolist(), strict=True)], js)
    _ENDING[0] = (spaced, key.copy(), out)
    return out


def word_after(spaced: str, spaces: np.ndarray, starts: np.ndarray) -> list[str]:
    """``spaced[s:spaced.find(" ", s)]`` for each ``s`` >= 0 of ``starts`` (to the last character but one when no
    space follows, as that slice gives): the word starting at ``s``."""
    starts = np.asarray(starts, dtype=np.int64)
    return [spaced[a:z] for a, z in zip(starts.tolist(), next_space(spaces, starts).tolist(), strict=True)]


_P = 0x9E3779B97F4A7C15  # odd: the powers stay distinct modulo 2**64
_MASK = (1 << 64) - 1


@lru_cache(maxsize=4)
def _powers(n: int) -> np.ndarray:
    return np.array([pow(_P, i, 1 << 64) for i in range(n)], dtype=np.uint64)


def _key(word: str) -> int:
    """The key :func:`words_in` computes for a word on the arrays, with Python integers."""
    h = sum((ord(c) + 1) * pow(_P, i, 1 << 64) for i, c in enumerate(word)) & _MASK
    return h ^ ((len(word) * 0x2545F4914F6CDD1D) & _MASK)


def words_in(spaced: str, positions: np.ndarray, words: frozenset, *, after: bool = False) -> np.ndarray:
    """Is the word ending at each offset (``spaced[spaced.rfind(" ", 0, p) + 1:p]``, for ``p`` >= 0) -- or, with
    ``after``, starting there (``spaced[p:spaced.find(" ", p)]``) -- one of ``words``?

    Without a string per offset: the word's span comes from a ``searchsorted`` over the spaces of the form
    (:func:`prev_space`, :func:`next_space`; with ``after`` and no space after ``p``, the slice to the last
    character but one, as ``find``'s ``-1`` gives), and its code points are looked up by :func:`word_bits`,
    which reads further only the words with a listed word's length and first and last code points, and
    compares the code points of those it finds, so the answer is exact. The empty word counts when listed.
    """
    words = frozenset(words)
    pos = np.asarray(positions, dtype=np.int64)
    if not words or not len(pos):
        return np.zeros(len(pos), dtype=bool)
    codes, spaces = spaced_codes(spaced), space_positions(spaced)
    if after:
        z = next_space(spaces, pos)
        z = np.where(z >= 0, z, len(spaced) - 1)
        a = np.minimum(pos, len(spaced))
        z = np.maximum(np.minimum(z, len(spaced)), a)  # an empty slice when it would run backwards
    else:
        z = np.minimum(pos, len(spaced))
        a = np.minimum(prev_space(spaces, pos) + 1, z)
    out = word_bits(codes, a, z, word_table(tuple((w, 1) for w in sorted(words) if w))) > 0
    if "" in words:
        out |= z == a
    return out


@lru_cache(maxsize=32)
def word_table(entries: tuple[tuple[str, int], ...]) -> tuple:
    """The look-up table of :func:`word_bits` for ``(word, bits)`` pairs (a word listed twice has its bits
    or-ed): the words' keys (:func:`_key`, sorted), their bits and padded code points in key order, the longest
    word's length, and two filters: the low bytes of each word's first and last code points, and its length."""
    bits: dict[str, int] = {}
    for w, b in entries:
        if w:
            bits[w] = bits.get(w, 0) | b
    words = sorted(bits, key=_key)
    width = max(map(len, words), default=1)
    codes = np.full((len(words), width), PAD, dtype=np.uint32)
    ends = np.zeros(0x10000, dtype=bool)
    for r, w in enumerate(words):
        codes[r, :len(w)] = [ord(c) for c in w]
        ends[((ord(w[0]) & 0xFF) << 8) | (ord(w[-1]) & 0xFF)] = True
    lengths = np.zeros(width + 2, dtype=bool)
    lengths[[len(w) for w in words]] = True
    return (np.array([_key(w) for w in words], dtype=np.uint64), np.array([bits[w] for w in words], dtype=np.int64),
            codes, width, ends, lengths)


def word_bits(codes: np.ndarray, starts: np.ndarray, ends: np.ndarray, table: tuple) -> np.ndarray:
    """The bits of :func:`word_table` of each word ``text[s:e]`` (``codes``: the text's code points, as
    :func:`codes_of` gives them; ``0`` for a word not in the table, an empty one included).

    Only a word with a listed word's length and first and last code points (low bytes) is read further: its code
    points hashed as :func:`words_in` does, looked up among the table's keys, and compared code point by code
    point with the word found, so the answer is exact. ``tests/test_events_words.py`` compares it with a set
    look-up of the strings."""
    keys, bits, vcodes, width, pairs, lengths = table
    starts = np.asarray(starts, dtype=np.int64)
    length = np.asarray(ends, dtype=np.int64) - starts
    out = np.zeros(len(starts), dtype=np.int64)
    if not len(keys) or not len(starts):
        return out
    maybe = lengths[np.clip(length, 0, width + 1)]
    maybe[maybe] = pairs[((codes.take(starts[maybe]) & 0xFF).astype(np.int64) << 8)
                         | (codes.take(starts[maybe] + length[maybe] - 1) & 0xFF).astype(np.int64)]
    short = np.flatnonzero(maybe)
    if not len(short):
        return out
    w = windows(codes, starts[short], width)
    col = np.arange(width)
    take = col < length[short, None]
    w = np.where(take, w, PAD)
    h = ((w.astype(np.uint64) + np.uint64(1)) * _powers(width)[col] * take).sum(axis=1, dtype=np.uint64)
    h ^= length[short].astype(np.uint64) * np.uint64(0x2545F4914F6CDD1D)
    pos = np.minimum(np.searchsorted(keys, h), len(keys) - 1)
    found = np.flatnonzero(keys[pos] == h)
    same = (w[found] == vcodes[pos[found]]).all(axis=1)
    out[short[found[same]]] = bits[pos[found[same]]]
    return out


def word_spans(spaced: str) -> tuple[np.ndarray, np.ndarray]:
    """``(starts, ends)`` of the words of a spaced matching form (the runs of characters between its spaces; the
    form is framed by spaces), kept with the form's space offsets."""
    if len(_SPACED) < 4 or _SPACED[0] is not spaced or _SPACED[3] is None:
        sp = space_positions(spaced)
        gap = np.flatnonzero(np.diff(sp) > 1)
        _SPACED[3:] = [(sp[gap] + 1, sp[gap + 1])]
    return _SPACED[3]
