"""The compiled kernel of :mod:`diplolib.themes.anchor_scan` (imported only when numba is installed: importing this
module imports numba and loads the kernel cached on disk)."""

from __future__ import annotations

import numba
import numpy as np

__all__ = ["scan", "stretch_hashes", "same_stretches", "word_ends", "starts_with"]


@numba.njit(cache=True, nogil=True)
def _step(state, c, delta, slot_key, slot_child, fail):  # pragma: no cover - compiled
    """The automaton's state after reading code point ``c`` in ``state`` (as pyahocorasick's ``next``)."""
    if c < 128:
        return delta[state, c]
    mask = len(slot_key) - 1
    while True:
        key = (np.int64(state) << 21) | np.int64(c)
        slot = np.int64((np.uint64(key) * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(20)) & mask
        while slot_key[slot] >= 0:
            if slot_key[slot] == key:
                return slot_child[slot]
            slot = (slot + 1) & mask
        if state == 0:
            return 0
        state = fail[state]


@numba.njit(cache=True, nogil=True)
def _emit(state, pos, m, last, wid, term_wid, out_link):  # pragma: no cover - compiled
    """Write the matches ending in ``state`` at ``pos`` (longest first) from row ``m`` on: the next free row, or
    -1 when the arrays are full."""
    node = state if term_wid[state] >= 0 else out_link[state]
    while node >= 0:
        if m == len(last):
            return -1
        last[m] = pos
        wid[m] = term_wid[node]
        m += 1
        node = out_link[node]
    return m


@numba.njit(cache=True, nogil=True)
def scan(codes, nul_block, last, wid, delta, slot_key, slot_child, fail, term_wid, out_link,
         has_out):  # pragma: no cover - compiled
    """The index of each match's last character and the key's number written to ``last`` and ``wid``, in the order
    of ``Automaton.iter`` (by last character, the longest first), over ``" " + text + " "`` where ``text`` is
    ``codes`` with each NUL read as ``" \\n "`` when ``nul_block`` (positions counted in that text), else over
    ``codes`` as they are. Returns the number of matches, or -1 when the arrays are too short (the arrays are not
    grown here: an array assigned in the loop keeps numba from keeping it in registers, 4x slower)."""
    n = len(codes)
    m = 0
    state = np.int32(0)
    shift = 0
    if nul_block:  # the space before the first text
        state = delta[state, 32]
        if has_out[state]:
            m = _emit(state, 0, m, last, wid, term_wid, out_link)
        shift = 1
    for i in range(n):
        if m < 0:
            return -1
        c = codes[i]
        if c < 128:
            if c == 0 and nul_block:  # " \n " between two texts
                for r in range(3):
                    state = delta[state, 10 if r == 1 else 32]
                    if has_out[state] and m >= 0:
                        m = _emit(state, i + shift + r, m, last, wid, term_wid, out_link)
                shift += 2
                continue
            state = delta[state, c]
        else:
            state = _step(state, c, delta, slot_key, slot_child, fail)
        if has_out[state]:
            m = _emit(state, i + shift, m, last, wid, term_wid, out_link)
    if nul_block and m >= 0:  # the space after the last text
        state = delta[state, 32]
        if has_out[state]:
            m = _emit(state, n + shift, m, last, wid, term_wid, out_link)
    return m


@numba.njit(cache=True, nogil=True)
def stretch_hashes(codes, p, e):  # pragma: no cover - compiled
    """64-bit FNV-1a of the code points of each stretch ``codes[p[i]:e[i]]``."""
    out = np.empty(len(p), dtype=np.uint64)
    for i in range(len(p)):
        h = np.uint64(0xCBF29CE484222325)
        for j in range(p[i], e[i]):
            h = (h ^ np.uint64(codes[j])) * np.uint64(0x100000001B3)
        out[i] = h
    return out


@numba.njit(cache=True, nogil=True)
def same_stretches(codes, p, e, p2, e2):  # pragma: no cover - compiled
    """Whether ``codes[p[i]:e[i]]`` and ``codes[p2[i]:e2[i]]`` are equal, for each ``i``."""
    out = np.empty(len(p), dtype=np.bool_)
    for i in range(len(p)):
        ok = e[i] - p[i] == e2[i] - p2[i]
        j = 0
        while ok and j < e[i] - p[i]:
            ok = codes[p[i] + j] == codes[p2[i] + j]
            j += 1
        out[i] = ok
    return out


@numba.njit(cache=True, nogil=True)
def word_ends(word, p, n):  # pragma: no cover - compiled
    """Where the ``n[i]``-th run of word characters (``word``: a mask) from ``p[i]`` ends; the end of the run at
    ``p[i]`` (``p[i]`` itself when it is no word character) when ``n[i] <= 1``."""
    size = len(word)
    out = np.empty(len(p), dtype=np.int64)
    for i in range(len(p)):
        q = p[i]
        while q < size and word[q]:
            q += 1
        for _ in range(1, n[i]):
            while q < size and not word[q]:
                q += 1
            while q < size and word[q]:
                q += 1
        out[i] = q
    return out


@numba.njit(cache=True, nogil=True)
def starts_with(collapsed, at, phrases, lengths, rows):  # pragma: no cover - compiled
    """Whether ``collapsed[at[i]:at[i] + lengths[i]]`` equals ``phrases[rows[i], :lengths[i]]``, for each ``i``
    (False where it runs past the end)."""
    size = len(collapsed)
    out = np.empty(len(at), dtype=np.bool_)
    for i in range(len(at)):
        a, n, r = at[i], lengths[i], rows[i]
        ok = a + n <= size
        j = 0
        while ok and j < n:
            ok = collapsed[a + j] == phrases[r, j]
            j += 1
        out[i] = ok
    return out
