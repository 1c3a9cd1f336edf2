"""The actor automaton over a whole partition: one scan, hits as columns.

:func:`scan_partition` gives the same hits as :meth:`ActorMatcher.scan <diplolib.actors.matcher.ActorMatcher.scan>`
called on each text, as arrays. The matching forms of all texts are joined into one string (each padded with a
space, separated by a line break, which no key holds, so no hit crosses two texts), spaced as words in one pass,
and scanned in one automaton pass; each hit is assigned to its text with ``searchsorted`` and mapped back to
display offsets through the offset maps of the non-ASCII texts (ASCII texts map one character to one).
Leftmost-longest selection is a sort, and a Python loop only over the rare runs of overlapping hits.
"""

from __future__ import annotations

import itertools
import sys

import numpy as np

from ..normalize._charmap import code_points
from ..normalize.matching import aligned_matching_form, matching_form
from . import word_scan
from .keys import BMP_WORD, blank_footnote_codes, spaced_codes

__all__ = ["scan_partition", "Hits", "compiled_for"]

_ASCII_SPACED = bytes(c if c < 128 and chr(c).isalnum() else 32 for c in range(256))
_EMPTY = np.zeros(0, dtype=np.int64)
#: Scan with the compiled word scan when numba is installed (:mod:`diplolib.actors.word_scan`) ...
COMPILED = True
#: ... for joined texts of this many characters or more, or whenever numba is loaded already: importing numba and
#: loading the cached kernel costs ~0.7 s of CPU once per process, what pyahocorasick takes for ~20 M characters
COMPILED_MIN_CHARS = 2_000_000

#: ``(position, start, end, key id)``: the text's position in the list, display offsets, the index of the key in
#: ``ActorMatcher.key_names``; sorted by position then start.
Hits = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def _matching(texts: list[str]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Matching forms, and the offset maps of the non-ASCII texts joined (``maps``, with each text's base)."""
    forms, maps, base = [], [], np.full(len(texts), -1, dtype=np.int64)
    at = 0
    for i, t in enumerate(texts):
        if t.isascii():
            forms.append(matching_form(t))
        else:
            m, idx = aligned_matching_form(t)
            forms.append(m)
            maps.append(np.asarray(idx, dtype=np.int64))
            base[i] = at
            at += len(idx)
    return forms, (np.concatenate(maps) if maps else _EMPTY), base


def _spaced_joined(forms: list[str] | None, starts: np.ndarray, big: str | None = None) -> np.ndarray:
    """The code points of ``" " + " \\n ".join(forms) + " "`` (or of ``big``, joined so already) with every character
    that is not a letter or digit a space, but the line breaks between texts (at ``starts[1:] - 1``): ``uint8`` when
    all are ASCII, ``uint16`` when none is astral, else ``uint32`` (:func:`_decoded` gives the string)."""
    big = " " + " \x00 ".join(forms) + " " if big is None else big
    seps = starts[1:] - 1
    if big.isascii():
        codes = np.frombuffer(bytearray(big.encode("ascii").translate(_ASCII_SPACED)), dtype=np.uint8)
        codes[seps] = 10
        blank_footnote_codes(codes)  # "Council1": a footnote mark glued to the word (keys.unglue_footnotes)
        return codes
    wide = code_points(big)
    if wide.max(initial=0) < 0x10000:  # the usual case: 2 bytes a character, no mask for the astral planes (2x faster)
        codes16 = wide.astype(np.uint16)
        codes16[~BMP_WORD[codes16]] = 32  # surrogates are not letters: none is left to decode
        codes16[seps] = 10
        blank_footnote_codes(codes16)
        return codes16
    codes = spaced_codes(big)
    codes[seps] = 10
    blank_footnote_codes(codes)
    return codes


def compiled_for(matcher, chars: int) -> bool:
    """Whether the scans of a call that reads ``chars`` characters in all use the compiled word scan, loading it
    (numba's import and the kernel) when the call is long enough to pay for it: :func:`_found` decides on the joined
    string it is given, and :func:`scan_partition` joins one chunk's ASCII texts and its other texts apart, most
    often each shorter than ``COMPILED_MIN_CHARS`` (= ``tagger.CHUNK_CHARS``, the most a chunk holds), so a long
    call made of such chunks did not reach the threshold (rounds 15-16: FA-KES x 10 was scanned by pyahocorasick)."""
    if not COMPILED:
        return False
    if chars < COMPILED_MIN_CHARS and "numba" not in sys.modules and not word_scan.loaded():
        return False
    return word_scan.tables(matcher) is not None


def _decoded(codes: np.ndarray) -> str:
    """The string of :func:`_spaced_joined`'s code points."""
    return codes.tobytes().decode({1: "ascii", 2: "utf-16-le", 4: "utf-32-le"}[codes.itemsize])


def _found(matcher, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The automaton's matches in the spaced joined form: index of the last character, word number, in scan order.
    The compiled word scan (:mod:`diplolib.actors.word_scan`) when numba is installed and the text is long enough
    to pay for its import (or numba or the kernel is loaded already: :func:`compiled_for`), else pyahocorasick's
    ``iter``: the same arrays."""
    if COMPILED and (len(codes) >= COMPILED_MIN_CHARS or "numba" in sys.modules or word_scan.loaded()):
        t = word_scan.tables(matcher)
        if t is not None:
            return word_scan.raw_matches(t, codes)
    found = np.fromiter(itertools.chain.from_iterable(matcher._automaton.iter(_decoded(codes))), dtype=np.int64)
    return found[0::2], found[1::2]


def _raw_hits(matcher, big: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every word of the automaton found in ``big`` (:func:`_spaced_joined`), expanded to its keys in scan order:
    first and last index in ``big`` of each key, and its key id."""
    ends, wids = _found(matcher, big)
    first = matcher._word_first
    counts = first[wids + 1] - first[wids]
    rep = np.repeat(np.arange(len(wids)), counts)
    within = np.arange(len(rep)) - np.repeat(np.cumsum(counts) - counts, counts)
    kid, shift, size = matcher._word_flat[first[wids][rep] + within].T
    last = ends[rep]
    return last - size + 2 + shift, last - 1, kid


def _longest_first(g_first: np.ndarray, g_last: np.ndarray) -> np.ndarray:
    """Indexes kept by the leftmost-longest rule, in order: sorted by start then longest (stable), the first hit
    at each start, then each hit that starts after the last kept one ends."""
    if not len(g_first):
        return _EMPTY
    order = np.lexsort((-g_last, g_first))
    f, last = g_first[order], g_last[order]
    new = np.r_[True, f[1:] != f[:-1]]
    order, f, last = order[new], f[new], last[new]
    before = np.r_[-1, np.maximum.accumulate(last)[:-1]]
    keep = f > before  # no earlier hit reaches here: kept whatever was kept before
    conflict = np.flatnonzero(~keep)
    if len(conflict):
        heads = np.flatnonzero(keep)
        head_of = heads[np.searchsorted(heads, conflict, side="right") - 1]
        reach, current = -1, -1
        for i, h in zip(conflict.tolist(), head_of.tolist(), strict=True):
            if h != current:
                reach, current = int(last[h]), h
            if f[i] > reach:
                keep[i] = True
                reach = int(last[i])
    return order[keep]


def _scan_group(matcher, texts: list[str], ascii_only: bool) -> Hits:
    """:func:`scan_partition` of texts that are all ASCII (one matching form of the joined text, offsets the
    identity) or none of them (a matching form and offset map per text)."""
    if ascii_only:  # the ASCII matching form is character-local but for elisions, which no separator completes
        joined = matching_form(" " + " \x00 ".join(texts) + " ")
        forms, maps, map_base = None, _EMPTY, np.full(len(texts), -1, dtype=np.int64)
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    else:
        forms, maps, map_base = _matching(texts)
        lengths = np.fromiter(map(len, forms), dtype=np.int64, count=len(forms))
    starts = np.r_[0, np.cumsum(lengths + 3)[:-1]]
    big = _spaced_joined(forms, starts, joined if ascii_only else None)
    g_first, g_last, kid = _raw_hits(matcher, big)
    pos = np.searchsorted(starts, g_first, side="right") - 1
    first, last = g_first - starts[pos] - 1, g_last - starts[pos] - 1  # indexes in the text's matching form
    mapped = map_base[pos] >= 0
    start, end = first.copy(), last.copy()
    start[mapped] = maps[map_base[pos[mapped]] + first[mapped]]
    end[mapped] = maps[map_base[pos[mapped]] + last[mapped]]
    end += 1
    ok = np.ones(len(kid), dtype=bool)
    sensitive = np.flatnonzero(matcher._sensitive_mask[kid])
    allowed = matcher._allowed_surfaces
    for i, p, s, e, k in zip(sensitive.tolist(), pos[sensitive].tolist(), start[sensitive].tolist(),
                             end[sensitive].tolist(), kid[sensitive].tolist(), strict=True):
        if texts[p][s:e].replace("\xa0", " ") not in allowed[k]:  # a no-break space is a space
            ok[i] = False
    ok = np.flatnonzero(ok)
    kept = ok[_longest_first(g_first[ok], g_last[ok])]  # in order of start
    return pos[kept], start[kept], end[kept], kid[kept]


def scan_partition(matcher, texts: list[str]) -> Hits:
    """The hits of :meth:`ActorMatcher.scan` in every text of ``texts`` (non-empty strings), as columns.

    ASCII texts (most news copy in English) and the others are scanned as two joined strings: the first keeps
    one byte per character and needs no offset map.
    """
    if not matcher._entries or not texts:
        return _EMPTY, _EMPTY, _EMPTY, _EMPTY
    plain = np.fromiter((t.isascii() for t in texts), dtype=bool, count=len(texts))
    parts = []
    for group in (np.flatnonzero(plain), np.flatnonzero(~plain)):
        if len(group):
            pos, start, end, kid = _scan_group(matcher, [texts[i] for i in group.tolist()], bool(plain[group[0]]))
            parts.append((group[pos], start, end, kid))
    pos, start, end, kid = (np.concatenate(c) for c in zip(*parts, strict=True))
    order = np.lexsort((start, pos))
    return pos[order], start[order], end[order], kid[order]
