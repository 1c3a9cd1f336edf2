"""The compiled kernels of :mod:`diplolib.actors.word_scan` (imported only when numba is installed and the word
scan is used: importing this module imports numba and loads the kernels cached on disk)."""

from __future__ import annotations

import numba
import numpy as np

__all__ = ["scan", "text_words", "walk"]


@numba.njit(cache=True, nogil=True)
def edge_slot(key, mask):  # pragma: no cover - compiled
    """As ``word_scan.edge_home``."""
    return np.int64((np.uint64(key) * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(20)) & mask


@numba.njit(cache=True, nogil=True)
def scan(codes, flat, off, slot_id, slot_hash, slot_len, slot_packed, root, follows, has_child, slot_key, slot_child,
         term_at, term_wid, term_lead, term_trail, n_vocab):  # pragma: no cover - compiled
    """The matches of the automaton's words in ``codes``: the text's words (:func:`text_words`), then the trie
    walked from each (:func:`walk`)."""
    ws, we, vid = text_words(codes, flat, off, slot_id, slot_hash, slot_len, slot_packed)
    return walk(len(codes), ws, we, vid, root, slot_key, slot_child, term_at, term_wid, term_lead, term_trail, n_vocab)


@numba.njit(cache=True, nogil=True)
def text_words(codes, flat, off, slot_id, slot_hash, slot_len, slot_packed):  # pragma: no cover - compiled
    """Start, end and number in the automaton's vocabulary (-1: none) of each word of ``codes``."""
    n = len(codes)
    vmask = len(slot_id) - 1
    cap = n // 2 + 1
    ws = np.empty(cap, dtype=np.int64)
    we = np.empty(cap, dtype=np.int64)
    vid = np.empty(cap, dtype=np.int32)
    nw = 0
    i = 0
    while i < n:  # the text's words and their numbers in the automaton's vocabulary (-1: none)
        if codes[i] == 32:
            i += 1
            continue
        s = i
        h = np.uint64(0xCBF29CE484222325)  # 64-bit FNV-1a, as word_scan._fnv
        packed = np.uint64(0)  # a word of at most 8 code points below 256: its bytes, compared exactly
        short = True
        while i < n and codes[i] != 32:
            c = codes[i]
            h = (h ^ np.uint64(c)) * np.uint64(0x100000001B3)
            if c < 256 and i - s < 8:
                packed |= np.uint64(c) << np.uint64(8 * (i - s))
            else:
                short = False
            i += 1
        v = -1
        slot = np.int64(h & np.uint64(vmask))
        while slot_id[slot] >= 0:
            if slot_hash[slot] == h:
                c = slot_id[slot]
                if short:  # equal length and bytes: the same word, without reading the vocabulary's code points
                    if slot_len[slot] == i - s and slot_packed[slot] == packed:
                        v = c
                        break
                elif off[c + 1] - off[c] == i - s:
                    same = True
                    for k in range(i - s):
                        if flat[off[c] + k] != codes[s + k]:
                            same = False
                            break
                    if same:
                        v = c
                        break
            slot = (slot + 1) & vmask
        ws[nw], we[nw], vid[nw] = s, i, v
        nw += 1
    return ws[:nw], we[:nw], vid[:nw]


@numba.njit(cache=True, nogil=True)
def walk(n, ws, we, vid, root, slot_key, slot_child, term_at, term_wid, term_lead, term_trail,
         n_vocab):  # pragma: no cover - compiled
    """From each word, as far down the trie of (gap, word) steps as the text goes: the matches' last character,
    first character and word number, in the automaton's order."""
    nw = len(ws)
    emask = len(slot_key) - 1
    out_last = np.empty(16, dtype=np.int64)
    out_first = np.empty(16, dtype=np.int64)
    out_wid = np.empty(16, dtype=np.int64)
    m = 0
    for j in range(nw):  # from each word, as far down the trie as the text goes
        if vid[j] < 0 or root[vid[j]] < 0:
            continue
        node = 0
        k = j
        before = ws[j] - (we[j - 1] if j else 0)  # the spaces before the word
        while k < nw and vid[k] >= 0:
            if k == j:  # the first word: a dense table
                child = root[vid[k]]
            else:
                gap = ws[k] - we[k - 1]
                if gap > 255:
                    break
                key = (node * 256 + gap) * n_vocab + vid[k]
                slot = edge_slot(key, emask)
                child = -1
                while slot_key[slot] >= 0:
                    if slot_key[slot] == key:
                        child = slot_child[slot]
                        break
                    slot = (slot + 1) & emask
            if child < 0:
                break
            node = child
            after = (ws[k + 1] if k + 1 < nw else n) - we[k]  # the spaces after the word
            for t in range(term_at[node], term_at[node + 1]):  # the words ending here, with their end spaces
                if term_lead[t] <= before and term_trail[t] <= after:
                    if m == len(out_last):
                        out_last = np.concatenate((out_last, np.empty(m, dtype=np.int64)))
                        out_first = np.concatenate((out_first, np.empty(m, dtype=np.int64)))
                        out_wid = np.concatenate((out_wid, np.empty(m, dtype=np.int64)))
                    out_last[m] = we[k] + term_trail[t] - 1
                    out_first[m] = ws[j] - term_lead[t]
                    out_wid[m] = term_wid[t]
                    m += 1
            k += 1
    return out_last[:m], out_first[:m], out_wid[:m]
