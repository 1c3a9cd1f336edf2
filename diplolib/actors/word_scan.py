"""The automaton's pass as one compiled scan over words (numba), when numba is installed.

The actor automaton (:meth:`ActorMatcher._build_automaton <diplolib.actors.matcher.ActorMatcher._build_automaton>`)
holds words ``" w1 w2 … wk "``: words of the spaced matching form separated by runs of spaces, with a run of
spaces at each end (one, or more where the alias ends in punctuation: "U.K." gives ``" u k  "``). In the spaced
text every character that is not a letter or digit is already a space, so such a word matches exactly where k
consecutive words of the text (maximal runs of characters other than the space) are ``w1 … wk``, the runs of spaces
between them have the word's lengths, and the runs before and after are at least as long as its ends.
:func:`raw_matches` finds those matches with a trie of (gap, word) steps walked from each word of the text, the
text's words looked up in a hash table of the automaton's words (64-bit FNV-1a, then the words compared exactly:
packed in one integer when they have at most 8 code points below 256), all in one compiled pass
(:mod:`diplolib.actors._word_kernels`); it returns what ``Automaton.iter`` returns (the index of each match's last
character and the word's number) in the automaton's order: by last character, the longest first. No Python object
per match.

The tables are numpy arrays built with the automaton (:func:`build_tables`, no numba needed, kept in the matcher
cache); words of another shape (none in the shipped registry) make it answer None, and the caller keeps
pyahocorasick. numba is the optional dependency of ``diplolib[fast]``; the kernel is compiled once and cached on
disk. Tested equal to ``Automaton.iter`` in ``tests/test_actors_word_scan.py``.
"""

from __future__ import annotations

import re

import numpy as np

__all__ = ["compiled_available", "loaded", "tables", "raw_matches"]

_KERNELS = None
_SPACES = re.compile(r"( +)")
_MAX_GAP = 255
_ARGS = ("flat", "off", "slot_id", "slot_hash", "slot_len", "slot_packed", "root", "follows", "has_child", "slot_key",
         "slot_child", "term_at", "term_wid", "term_lead", "term_trail", "n_vocab")


def compiled_available() -> bool:
    """Whether numba can be imported (imports it and loads the kernels once)."""
    global _KERNELS
    if _KERNELS is None:
        try:
            _KERNELS = _build()
        except ImportError:
            _KERNELS = False
    return bool(_KERNELS)


def loaded() -> bool:
    """Whether the kernels are loaded already (then a scan of any length may as well use them)."""
    return bool(_KERNELS)


def _build():
    from . import _word_kernels

    return {"scan": _word_kernels.scan}


def _pow2(n: int) -> int:
    return 1 << max(4, int(2 * n).bit_length())


def _fnv(words: list[str]) -> np.ndarray:
    """64-bit FNV-1a of each word's code points (as the kernel hashes the text's words), in numpy."""
    lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    cp = np.frombuffer("".join(words).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    at = np.r_[0, np.cumsum(lengths)[:-1]]
    h = np.full(len(words), 0xCBF29CE484222325, dtype=np.uint64)
    for j in range(int(lengths.max(initial=0))):
        live = np.flatnonzero(lengths > j)
        h[live] = (h[live] ^ cp[at[live] + j]) * np.uint64(0x100000001B3)
    return h


def _placed(home: np.ndarray, size: int) -> np.ndarray:
    """An open-addressing table with linear probing: for each of ``size`` slots, the item stored there (-1: empty),
    each item at the first slot from ``home[item]`` on that was free when it got there (placed in rounds)."""
    slot_of = np.full(size, -1, dtype=np.int64)
    todo, r = np.arange(len(home)), 0
    while len(todo):
        want = (home[todo] + r) & (size - 1)
        free = np.flatnonzero(slot_of[want] < 0)
        slots, first = np.unique(want[free], return_index=True)
        slot_of[slots] = todo[free[first]]
        won = np.zeros(len(todo), dtype=bool)
        won[free[first]] = True
        todo, r = todo[~won], r + 1
    return slot_of


def edge_home(keys: np.ndarray, size: int) -> np.ndarray:
    """Home slot of each trie edge key (as ``_word_kernels.edge_slot``)."""
    return (((keys.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(20)) & np.uint64(size - 1)
            ).astype(np.int64)


def build_tables(words: list[str]) -> dict | None:
    """The vocabulary, trie and hash tables of the automaton's words (``words[i]`` is word number i), in numpy: no
    numba needed, so :class:`~diplolib.actors.matcher.ActorMatcher` builds them once with its automaton (and the
    matcher cache keeps them). None when a word does not have the shape the word scan needs."""
    vocab: dict[str, int] = {}
    edges: dict[tuple[int, int, int], int] = {}
    ends: list[list[tuple[int, int, int]]] = [[]]  # per trie node: (word number, spaces before, spaces after)
    for wid, w in enumerate(words):
        if len(w) > 2 and w[0] == w[-1] == " " != w[1] and w[-2] != " " and "  " not in w:  # the usual shape
            lead = trail = 1
            parts = w[1:-1].split(" ")
            gaps = [1] * len(parts)
        else:
            inner = w.strip(" ")
            lead, trail = len(w) - len(w.lstrip(" ")), len(w) - len(w.rstrip(" "))
            pieces = _SPACES.split(inner)
            parts, gaps = pieces[0::2], [1] + [len(g) for g in pieces[1::2]]
            if not inner or not lead or not trail or max(gaps) > _MAX_GAP:
                return None  # not a shape this scan knows: pyahocorasick
        node = 0
        for i, (part, gap) in enumerate(zip(parts, gaps, strict=True)):
            v = vocab.setdefault(part, len(vocab))
            edge = (node, gap if i else 0, v)
            child = edges.get(edge)
            if child is None:
                child = edges[edge] = len(ends)
                ends.append([])
            node = child
        ends[node].append((wid, lead, trail))
    vocab_words = list(vocab)
    lengths = np.fromiter(map(len, vocab_words), dtype=np.int64, count=len(vocab_words))
    off = np.r_[0, np.cumsum(lengths)].astype(np.int64)
    flat = np.frombuffer("".join(vocab_words).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    hashes = _fnv(vocab_words)
    size = _pow2(len(vocab_words))
    slot_id = _placed((hashes & np.uint64(size - 1)).astype(np.int64), size)
    slot_hash = np.where(slot_id >= 0, hashes[np.maximum(slot_id, 0)] if len(hashes) else 0, 0).astype(np.uint64)
    # words of at most 8 code points below 256 are also kept packed (a byte each) with their length: the kernel
    # compares a text word of that kind with them exactly, without reading ``flat``; length -1: not such a word
    cp = flat.astype(np.uint64)
    short = (lengths <= 8) & (np.maximum.reduceat(flat, off[:-1]) < 256 if len(flat) else True)
    packed = np.zeros(len(vocab_words), dtype=np.uint64)
    for j in range(8):
        live = np.flatnonzero(short & (lengths > j))
        packed[live] |= cp[off[live] + j] << np.uint64(8 * j)
    word_len = np.where(short, lengths, -1)
    slot_len = np.where(slot_id >= 0, word_len[np.maximum(slot_id, 0)] if len(hashes) else -1, -1).astype(np.int64)
    slot_packed = np.where(slot_id >= 0, packed[np.maximum(slot_id, 0)] if len(hashes) else 0, 0).astype(np.uint64)
    n_vocab = max(len(vocab_words), 1)
    e = np.array(list(edges), dtype=np.int64).reshape(-1, 3)
    child = np.fromiter(edges.values(), dtype=np.int64, count=len(edges))
    top = e[:, 0] == 0
    root = np.full(n_vocab, -1, dtype=np.int64)  # the first words' nodes; the other steps in a hash table
    root[e[top, 2]] = child[top]
    follows = np.zeros(n_vocab, dtype=np.bool_)  # words that are a second or later word of some automaton word
    follows[e[~top, 2]] = True
    has_child = np.zeros(len(ends), dtype=np.bool_)
    has_child[e[~top, 0]] = True
    keys = (e[~top, 0] * 256 + e[~top, 1]) * n_vocab + e[~top, 2]
    size = _pow2(len(keys))
    at = _placed(edge_home(keys, size), size)
    slot_key = np.where(at >= 0, keys[np.maximum(at, 0)] if len(keys) else 0, -1).astype(np.int64)
    slot_child = np.where(at >= 0, child[~top][np.maximum(at, 0)] if len(keys) else 0, 0).astype(np.int64)
    term = np.array([t for node_ends in ends for t in node_ends], dtype=np.int64).reshape(-1, 3)
    term_at = np.r_[0, np.cumsum([len(t) for t in ends])].astype(np.int64)
    return {"flat": flat, "off": off, "slot_id": slot_id, "slot_hash": slot_hash,
            "slot_len": slot_len, "slot_packed": slot_packed, "root": root, "follows": follows,
            "has_child": has_child, "slot_key": slot_key,
            "slot_child": slot_child, "term_at": term_at, "term_wid": term[:, 0].copy(),
            "term_lead": term[:, 1].copy(), "term_trail": term[:, 2].copy(), "n_vocab": n_vocab}


def tables(matcher) -> dict | None:
    """``matcher``'s word-scan tables (:func:`build_tables`, kept on the matcher), or None when numba is missing
    or a word does not have the shape the word scan needs."""
    if not compiled_available():
        return None
    got = matcher.__dict__.get("_word_tables", 0)
    if got == 0:  # a matcher pickled before the tables existed
        words = [""] * len(matcher._word_keys)
        for word, wid in matcher._automaton.items():
            words[wid] = word
        got = matcher._word_tables = build_tables(words)
    return got


def raw_matches(t: dict, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``Automaton.iter`` over the text whose code points are ``codes`` (the spaced joined form, an unsigned
    integer array): the index of each match's last character (its closing space) and the automaton word's number,
    ordered as pyahocorasick reports them (by last character, then the longest first)."""
    last, first, wid = _KERNELS["scan"](codes, *(t[k] for k in _ARGS))
    if len(last) > 1:
        order = np.lexsort((first, last))
        last, wid = last[order], wid[order]
    return last, wid
