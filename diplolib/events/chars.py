"""Code points and character classes of a batch's text, and fixed-width windows over them: the character-level
array primitives the event rules read their context with.

A rule that looks at the characters around many offsets (the tokens before an actor phrase, the first words after
a cue, the places where a relative pronoun may begin) gathers fixed-width windows of the display text's code points
(:func:`codes_of`, :func:`windows`) and classifies them with one lookup table (:func:`char_classes`, bits
:data:`LETTER` …) instead of running a regex on each slice. Each primitive states the per-offset code it equals;
``tests/test_events_words.py`` compares them on random texts and on every sample corpus. The word-level
primitives over the spaced matching form are in :mod:`~diplolib.events.words`.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

__all__ = ["LETTER", "WORD", "JOIN", "SPLIT", "SPACE", "UPPER", "PAD", "char_classes", "codes_of", "char_table",
           "windows", "tokens_after", "tokens_before", "spans_text", "pattern_starts",
           "pattern_spans", "pattern_spans_in"]

#: Bits of :func:`char_classes`: a letter for ``re``'s ``[^\W\d_]``, a word character (``\w``), a token joiner
#: (``' ’ -``), a splitter (``, . ; : ( ) " “ ”``), white space (``\s``, as ``str.strip`` strips) and upper case
#: (``str.isupper``).
LETTER, WORD, JOIN, SPLIT, SPACE, UPPER = 1, 2, 4, 8, 16, 32
_JOINERS = "'’-"
_SPLITTERS = ',.;:()"“”'
PAD = 0x110000  # beyond Unicode: the class of a position outside the text (no bit set)


def _classes_of(chars: str) -> np.ndarray:
    """The class bits of each character of ``chars``, computed with ``re`` and ``str`` themselves."""
    out = np.zeros(len(chars), dtype=np.uint8)
    for bit, pattern in ((LETTER, r"[^\W\d_]"), (WORD, r"\w"), (SPACE, r"\s")):
        for m in re.finditer(pattern, chars):
            out[m.start()] |= bit
    for k, c in enumerate(chars):
        if c in _JOINERS:
            out[k] |= JOIN
        if c in _SPLITTERS:
            out[k] |= SPLIT
        if c.isupper():
            out[k] |= UPPER
    return out


@lru_cache(maxsize=1)
def _bmp_table() -> np.ndarray:
    """Class bits of every code point of the Basic Multilingual Plane, plus a last entry for padding."""
    chars = "".join(map(chr, range(0x10000)))
    return np.append(_classes_of(chars), np.uint8(0))


def char_classes(codes: np.ndarray) -> np.ndarray:
    """Class bits (:data:`LETTER`, …) of each code point of ``codes``; ``0`` for the padding value."""
    codes = np.asarray(codes)
    table = _bmp_table()
    if codes.dtype == np.uint8:
        return table[codes]
    small = codes < 0x10000
    out = table[np.where(small, codes, 0x10000)]
    if not small.all():
        flat, codes_flat = out.reshape(-1), codes.reshape(-1)
        far = np.flatnonzero(~small.reshape(-1) & (codes_flat != PAD))
        flat[far] = _classes_of("".join(map(chr, codes_flat[far].tolist())))
    return out


def codes_of(text: str) -> np.ndarray:
    """The code points of ``text`` as an array (one byte each when it is ASCII, two when all are in the Basic
    Multilingual Plane)."""
    if text.isascii():
        return np.frombuffer(text.encode("ascii"), dtype=np.uint8)
    data = text.encode("utf-16-le", "surrogatepass")
    if len(data) == 2 * len(text):  # every character in the Basic Multilingual Plane: two bytes each
        return np.frombuffer(data, dtype=np.uint16)
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)



@lru_cache(maxsize=32)
def char_table(pattern: str, flags: int = 0) -> np.ndarray:
    """Does each code point of the Basic Multilingual Plane match the one-character regex ``pattern``? One entry
    more, false, for the padding of :func:`windows`; index it with ``np.minimum(codes, 0x10000)`` (characters
    beyond the plane read as padding: callers that may meet them check those apart)."""
    out = np.zeros(0x10001, dtype=bool)
    for m in re.finditer(pattern, "".join(map(chr, range(0x10000))), flags):
        out[m.start()] = True
    return out


def windows(codes: np.ndarray, starts: np.ndarray, width: int) -> np.ndarray:
    """``codes[s:s + width]`` for each ``s`` of ``starts`` as the rows of one array, positions outside the text
    set to a padding value whose class is ``0``."""
    pos = np.asarray(starts, dtype=np.int64)[:, None] + np.arange(width)
    n = len(codes)
    if n == 0:
        return np.full(pos.shape, PAD, dtype=np.uint32)
    # a gather of clipped positions, then the few outside padded: faster than gathering through a boolean mask
    out = codes.take(np.clip(pos, 0, n - 1)).astype(np.uint32)
    out[(pos < 0) | (pos >= n)] = PAD
    return out


def _token_mask(cls: np.ndarray, valid: np.ndarray) -> np.ndarray:
    """Characters of the tokens of ``[^\\W\\d_]+(?:['’-][^\\W\\d_]+)*`` in each row: a letter, or a joiner between
    two letters, all within ``valid`` (the span the regex reads)."""
    letter = ((cls & LETTER) > 0) & valid
    join = ((cls & JOIN) > 0) & valid
    prev = np.zeros_like(letter)
    prev[:, 1:] = letter[:, :-1]
    nxt = np.zeros_like(letter)
    nxt[:, :-1] = letter[:, 1:]
    return letter | (join & prev & nxt)


def _runs(mask: np.ndarray, k: int, *, last: bool) -> tuple[np.ndarray, np.ndarray]:
    """``(start, end)`` columns of the first (``last``: the last) ``k`` runs of true in each row, ``-1`` where a
    row has fewer."""
    n, width = mask.shape
    padded = np.zeros((n, width + 2), dtype=bool)
    padded[:, 1:-1] = mask
    edge = np.diff(padded.view(np.int8), axis=1)
    rs, cs = np.nonzero(edge == 1)  # row-major: in order within each row
    _, ce = np.nonzero(edge == -1)
    count = np.bincount(rs, minlength=n)
    first = np.cumsum(count) - count
    rank = np.arange(len(rs)) - first[rs]
    if last:
        rank = count[rs] - 1 - rank  # 0 for the last run of its row
    keep = rank < k
    starts, ends = np.full((n, k), -1, dtype=np.int64), np.full((n, k), -1, dtype=np.int64)
    col = (k - 1 - rank[keep]) if last else rank[keep]  # the last runs kept in text order
    starts[rs[keep], col] = cs[keep]
    ends[rs[keep], col] = ce[keep]
    return starts, ends


def tokens_after(codes: np.ndarray, starts: np.ndarray, *, width: int = 48, k: int = 3
                 ) -> tuple[np.ndarray, np.ndarray]:
    """The first ``k`` tokens of ``re.sub(r"^['’]s?\\b", "", re.split(SPLIT, text[s:s + width], maxsplit=1)[0])``
    for each ``s`` (``SPLIT`` the class of ``, . ; : ( ) " “ ”``; tokens ``[^\\W\\d_]+(?:['’-][^\\W\\d_]+)*``),
    as text offsets ``(start, end)`` of shape ``(n, k)``, ``-1`` where there are fewer. ``width`` >= 3."""
    starts = np.asarray(starts, dtype=np.int64)
    w = windows(codes, starts, width)
    cls = char_classes(w)
    span = (np.cumsum((cls & SPLIT) > 0, axis=1) == 0) & (w != PAD)  # the text before the first splitter
    # "'s" at the start is dropped when no word character follows it in the span (the regex's \b)
    drop = np.isin(w[:, 0], [ord("'"), ord("’")]) & (w[:, 1] == ord("s")) & ~(span[:, 2] & ((cls[:, 2] & WORD) > 0))
    span[drop, :2] = False
    a, z = _runs(_token_mask(cls, span), k, last=False)
    return np.where(a >= 0, a + starts[:, None], -1), np.where(z >= 0, z + starts[:, None], -1)


def tokens_before(codes: np.ndarray, ends: np.ndarray, *, width: int = 48, k: int = 4
                  ) -> tuple[np.ndarray, np.ndarray]:
    """The last ``k`` tokens of ``re.split(SPLIT, text[max(e - width, 0):e])[-1]`` for each ``e`` (see
    :func:`tokens_after`), as text offsets ``(start, end)`` of shape ``(n, k)`` in text order, ``-1`` where
    there are fewer (the missing ones first)."""
    first = np.asarray(ends, dtype=np.int64) - width
    w = windows(codes, first, width)
    cls = char_classes(w)
    split = (cls & SPLIT) > 0
    span = (np.cumsum(split[:, ::-1], axis=1)[:, ::-1] == 0) & (w != PAD)  # after the last splitter
    a, z = _runs(_token_mask(cls, span), k, last=True)
    return np.where(a >= 0, a + first[:, None], -1), np.where(z >= 0, z + first[:, None], -1)


def spans_text(text: str, starts: np.ndarray, ends: np.ndarray) -> list[str]:
    """``text[a:z]`` for each pair (``""`` where ``a`` is ``-1``)."""
    return [text[a:z] if a >= 0 else "" for a, z in zip(np.asarray(starts).tolist(), np.asarray(ends).tolist(),
                                                          strict=True)]


def _head_candidates(codes: np.ndarray, pattern: re.Pattern, heads: tuple[tuple[str, str], ...]) -> list[int]:
    """The sorted offsets whose two code points fit one of ``heads`` (:func:`pattern_starts`); when the pattern
    begins with ``\\b`` (and ``\\w`` is Unicode's), only those where the word class changes (the offset 0 after
    a non-word)."""
    n, flags = len(codes), pattern.flags
    cand = np.zeros(n, dtype=bool)  # a mask, not np.unique of the offsets (numpy 2 hashes them: 0.5 s on 15 M)
    for first, second in heads:
        # the code points a match can start with (a few: compared one by one, faster than a gather of the text
        # through a table); one beyond the plane is always a candidate
        hit = np.zeros(n, dtype=bool)
        for c in np.flatnonzero(char_table(first, flags)[:0x10000]).tolist():
            if c <= np.iinfo(codes.dtype).max:
                hit |= codes == c
        if codes.dtype == np.uint32:
            hit |= codes >= 0x10000
        at = np.flatnonzero(hit)
        t2 = np.append(char_table(second, flags)[:0x10000], True)  # the cached table is not written to
        nxt = np.minimum(at + 1, n - 1)
        ok = (at + 1 < n) & t2[np.minimum(codes[nxt].astype(np.int64), 0x10000)]
        cand[at[ok]] = True
    at = np.flatnonzero(cand)
    if pattern.pattern.startswith("\\b") and not flags & re.ASCII and len(at):
        word = (char_classes(codes[at]) & WORD) > 0
        before = np.zeros(len(at), dtype=bool)
        inner = at > 0
        before[inner] = (char_classes(codes[at[inner] - 1]) & WORD) > 0
        at = at[word != before]
    return at.tolist()


def pattern_starts(text: str, codes: np.ndarray, pattern: re.Pattern, heads: tuple[tuple[str, str], ...]
                   ) -> np.ndarray:
    """``[m.start() for m in pattern.finditer(text)]`` for a pattern whose matches cannot overlap (whole words
    between ``\\b``, as the relative pronouns) and each begin with two characters matching one of ``heads``
    (pairs of one-character regexes, read with the pattern's flags: ``("w", "h")`` under ``re.IGNORECASE``).

    A regex with no literal prefix tries every position of the text (0.8 s over FA-KES x 10); here the
    positions whose two code points fit a head are found in ``codes`` (the text's code points, as
    :func:`codes_of` gives them; a character beyond the Basic Multilingual Plane is always a candidate), and
    only those are tried with ``pattern.match(text, r)``, which reads the characters before ``r`` as
    ``finditer`` does. Sorted offsets (int64)."""
    codes = np.asarray(codes)
    if len(codes) == 0:
        return np.zeros(0, dtype=np.int64)
    match = pattern.match
    return np.array([r for r in _head_candidates(codes, pattern, heads) if match(text, r)], dtype=np.int64)


def pattern_spans(text: str, codes: np.ndarray, pattern: re.Pattern, heads: tuple[tuple[str, str], ...]
                  ) -> tuple[np.ndarray, np.ndarray]:
    """``(starts, ends)`` of ``pattern.finditer(text)`` for a pattern whose matches are never empty and each
    begin with two characters matching one of ``heads`` (as :func:`pattern_starts`, whose candidates it tries);
    matches may overlap: a candidate inside the previous match is skipped, as ``finditer`` resumes at its end.
    Two int64 arrays."""
    codes = np.asarray(codes)
    starts, ends = [], []
    if len(codes):
        match, last = pattern.match, 0
        for r in _head_candidates(codes, pattern, heads):
            if r < last:
                continue
            m = match(text, r)
            if m is not None:
                starts.append(r)
                last = m.end()
                ends.append(last)
    return np.array(starts, dtype=np.int64), np.array(ends, dtype=np.int64)


@lru_cache(maxsize=32)
def _head_bits(heads: tuple[tuple[str, str], ...], flags: int) -> tuple[np.ndarray, np.ndarray]:
    """Bit ``k`` set where a code point fits the first (second) character of head ``k``; the last entry, beyond the
    plane, fits every head (as :func:`_head_candidates` reads such a character). Two tables of the smallest
    unsigned type with a bit per head."""
    kind = next(t for t in (np.uint8, np.uint16, np.uint32, np.uint64) if len(heads) <= 8 * np.dtype(t).itemsize)
    first, second = np.zeros(0x10001, dtype=kind), np.zeros(0x10001, dtype=kind)
    for k, (one, two) in enumerate(heads):
        bit = kind(1 << k)
        first[np.append(char_table(one, flags)[:0x10000], True)] |= bit
        second[np.append(char_table(two, flags)[:0x10000], True)] |= bit
    return first, second


def _heads_at(codes: np.ndarray, at: np.ndarray, pattern: re.Pattern, heads: tuple[tuple[str, str], ...]
              ) -> np.ndarray:
    """The offsets of ``at`` (sorted) that :func:`_head_candidates` keeps, tested by gathers at those offsets only."""
    n = len(codes)
    first, second = _head_bits(tuple(heads), pattern.flags)
    at = at[at + 1 < n]
    one, two = codes[at], codes[at + 1]
    if codes.dtype == np.uint32:  # beyond the plane: the tables' last entry
        one, two = np.minimum(one, 0x10000), np.minimum(two, 0x10000)
    hit = first[one] & second[two]
    at = at[hit != 0]
    if pattern.pattern.startswith("\\b") and not pattern.flags & re.ASCII and len(at):
        word = (char_classes(codes[at]) & WORD) > 0
        before = np.zeros(len(at), dtype=bool)
        inner = at > 0
        before[inner] = (char_classes(codes[at[inner] - 1]) & WORD) > 0
        at = at[word != before]
    return at


def _barriers_before(text: str, codes: np.ndarray, starts: np.ndarray, barrier: np.ndarray) -> np.ndarray:
    """For each offset of ``starts``, the offset just after the last code point before it that ``barrier`` (a
    table over the plane and one entry beyond) marks, or ``0``: windows of 64, then 256 characters, then a walk."""
    out = np.full(len(starts), -1, dtype=np.int64)
    todo = np.arange(len(starts))
    for width in (64, 256):
        s = starts[todo]
        w = np.minimum(windows(codes, s - width, width), 0x10000)
        stop = barrier[w] | (np.arange(width) < width - s[:, None])  # a barrier, or before the text
        found = stop.any(axis=1)
        last = width - 1 - np.argmax(stop[:, ::-1], axis=1)  # the last barrier of each window
        out[todo[found]] = (s - width + last + 1)[found]
        todo = todo[~found]
        if not len(todo):
            return out
    for i in todo.tolist():
        j = int(starts[i]) - 256
        while j > 0 and not barrier[min(ord(text[j - 1]), 0x10000)]:
            j -= 1
        out[i] = j
    return out


def pattern_spans_in(text: str, codes: np.ndarray, pattern: re.Pattern, heads: tuple[tuple[str, str], ...],
                     starts: np.ndarray, ends: np.ndarray, inside: str) -> tuple[np.ndarray, np.ndarray]:
    """The spans of :func:`pattern_spans` (``finditer``'s) that start in one of the ranges ``[starts, ends)``, and
    maybe a few more of them: the text is read only there, not whole. ``inside``: a one-character regex (read with
    the pattern's flags) that every character of every match fits (``r"[\\w\\s'’]"`` for phrases of words).

    ``finditer`` resumes at each match's end, so whether a match found in a range is one of its own depends on the
    matches before the range. No match holds a character outside ``inside``, so none runs over one: each range is
    read from just after the last such character before it (a barrier), where ``finditer`` is free to match
    whatever the text before held, and the ranges so grown are merged. Two int64 arrays, sorted."""
    codes, n = np.asarray(codes), len(text)
    starts, ends = np.asarray(starts, dtype=np.int64), np.minimum(np.asarray(ends, dtype=np.int64), n)
    keep = ends > starts
    starts, ends = starts[keep], ends[keep]
    if n == 0 or not len(starts):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    # beyond the plane: never a barrier (the ranges grow further back, which is always safe)
    barrier = np.append(~char_table(inside, pattern.flags)[:0x10000], False)
    grown = _barriers_before(text, codes, starts, barrier)
    order = np.argsort(grown, kind="stable")
    a, z = grown[order], np.maximum.accumulate(ends[order])
    new = np.concatenate([[True], a[1:] > z[:-1]])  # a range that starts after every earlier one ends
    first, stop_at = a[new], z[np.append(np.flatnonzero(new)[1:] - 1, len(a) - 1)]
    size = stop_at - first
    at = np.arange(int(size.sum())) + np.repeat(first - (np.cumsum(size) - size), size)
    out_a, out_z = [], []
    match, last_end = pattern.match, 0
    for r in _heads_at(codes, at, pattern, heads).tolist():
        if r < last_end:
            continue
        m = match(text, r)
        if m is not None:
            out_a.append(r)
            last_end = m.end()
            out_z.append(last_end)
    return np.array(out_a, dtype=np.int64), np.array(out_z, dtype=np.int64)
