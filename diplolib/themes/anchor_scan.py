"""The automaton pass of the batch theme tagger as one compiled scan (numba), when numba is installed.

:class:`~diplolib.themes.batch_index.BatchIndex` keeps a pyahocorasick automaton of the anchors' keys (spaces and
word characters, numbered in the order they were added); ``Automaton.iter`` gives one Python tuple per match (about
200,000 on FA-KES × 3). :func:`matches` gives the same matches in the same order (by last character, the longest
first) as two int64 arrays, from the same automaton in tables built by :func:`build_tables` (no numba needed to
build them): a transition table for ASCII code points (the Aho-Corasick goto function with its failure links
already followed: one read per character), an open-addressing hash table of the trie's other edges (followed with
the failure links, as pyahocorasick does), and for each state its key's number (-1: none) and the nearest shorter
suffix state that ends a key (its output link), so a state's matches are read longest first.

The kernel reads the spaced joined form of :class:`~diplolib.themes.joined.JoinedTexts` as it is (each NUL between
two texts read as ``" \\n "``, a space before and after), so the string the automaton reads is never built. numba
is the optional dependency of ``diplolib[fast]``; without it :mod:`~diplolib.themes.batch` keeps ``Automaton.iter``.
Tested equal to ``Automaton.iter`` in ``tests/test_themes_anchor_scan.py``.
"""

from __future__ import annotations

import itertools

import numpy as np

from .leftmost import changes

__all__ = ["compiled_available", "build_tables", "matches", "anchor_matches", "distinct_stretches", "word_ends",
           "starts_with", "use_compiled", "COMPILED", "COMPILED_MIN_CHARS"]

#: Whether the batch tagger uses the compiled scan when numba is installed (tests set it to False).
COMPILED = True
#: A call (the texts of one language) or a chunk this long loads the kernels (importing numba and loading the cached
#: kernels costs ~1 s of CPU once per process, against ~0.03 s saved per MB); once loaded they serve every chunk. A
#: short call (a few articles, the tests) then never imports numba; as ``actors.partition.COMPILED_MIN_CHARS``.
COMPILED_MIN_CHARS = 1_000_000

_KERNELS = None
_ARGS = ("delta", "slot_key", "slot_child", "fail", "term_wid", "out_link", "has_out")
_GOLDEN = 0x9E3779B97F4A7C15


def compiled_available() -> bool:
    """Whether numba can be imported (imports it and loads the kernel once)."""
    global _KERNELS
    if _KERNELS is None:
        try:
            from . import _anchor_kernels

            _KERNELS = {"scan": _anchor_kernels.scan, "hashes": _anchor_kernels.stretch_hashes,
                        "same": _anchor_kernels.same_stretches, "word_ends": _anchor_kernels.word_ends,
                        "starts_with": _anchor_kernels.starts_with}
        except ImportError:
            _KERNELS = False
    return bool(_KERNELS)


def use_compiled(size: int) -> bool:
    """Whether a chunk of ``size`` characters runs the compiled kernels: :data:`COMPILED`, numba installed, and the
    kernels already loaded or the chunk at least :data:`COMPILED_MIN_CHARS` long."""
    if not COMPILED or _KERNELS is False:
        return False
    return bool(_KERNELS) or (size >= COMPILED_MIN_CHARS and compiled_available())


def _trie(keys: list[str]) -> tuple[list[dict[int, int]], list[int]]:
    """The trie of ``keys`` (children of each state by code point) and the key number ending at each state."""
    children: list[dict[int, int]] = [{}]
    term = [-1]
    for w, key in enumerate(keys):
        s = 0
        for ch in key:
            c = ord(ch)
            nxt = children[s].get(c)
            if nxt is None:
                nxt = children[s][c] = len(children)
                children.append({})
                term.append(-1)
            s = nxt
        term[s] = w
    return children, term


def _hash_edges(children: list[dict[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """Open-addressing table (linear probing) of the edges on code points >= 128: key ``state << 21 | c``."""
    edges = [(s << 21 | c, v) for s, ch in enumerate(children) for c, v in ch.items() if c >= 128]
    size = 1 << max(4, (2 * len(edges)).bit_length())
    slot_key = np.full(size, -1, dtype=np.int64)
    slot_child = np.zeros(size, dtype=np.int32)
    for key, v in edges:
        slot = ((key * _GOLDEN) % (1 << 64) >> 20) & (size - 1)
        while slot_key[slot] >= 0:
            slot = (slot + 1) & (size - 1)
        slot_key[slot], slot_child[slot] = key, v
    return slot_key, slot_child


def build_tables(keys: list[str]) -> dict:
    """The tables :func:`matches` reads for an automaton of ``keys`` (key number ``i`` is ``keys[i]``)."""
    children, term = _trie(keys)
    n = len(children)
    fail = np.zeros(n, dtype=np.int32)
    out_link = np.full(n, -1, dtype=np.int32)
    delta = np.zeros((n, 128), dtype=np.int32)
    for c, v in children[0].items():
        if c < 128:
            delta[0, c] = v
    queue = list(children[0].values())
    for u in queue:  # breadth first: a state's failure link is set before its children are reached
        f = fail[u]
        out_link[u] = f if term[f] >= 0 else out_link[f]
        delta[u] = delta[f]
        for c, v in children[u].items():
            if c < 128:
                delta[u, c] = v
            g = f
            while g and c not in children[g]:
                g = fail[g]
            fail[v] = children[g].get(c, 0) if u else 0
            queue.append(v)
    slot_key, slot_child = _hash_edges(children)
    return {"delta": delta, "slot_key": slot_key, "slot_child": slot_child, "fail": fail,
            "term_wid": np.array(term, dtype=np.int32), "out_link": out_link,
            "has_out": (np.array(term) >= 0) | (out_link >= 0)}


def matches(tables: dict, codes: np.ndarray, nul_block: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """``Automaton.iter`` over ``" " + text + " "``, ``text`` being ``codes`` with every NUL read as ``" \\n "``
    (``nul_block``), or over ``codes`` as they are: the index of each match's last character and the key's number
    (int64), by last character, the longest first. Needs numba (:func:`compiled_available`)."""
    if not compiled_available():
        raise ImportError("anchor_scan.matches needs numba (pip install 'diplolib[fast]')")
    size = len(codes) // 8 + 1024
    while True:  # about one match in 20 characters on news; a longer pair of arrays when they were too short
        last, wid = np.empty(size, dtype=np.int64), np.empty(size, dtype=np.int64)
        m = _KERNELS["scan"](codes, nul_block, last, wid, *(tables[k] for k in _ARGS))
        if m >= 0:
            return last[:m], wid[:m]
        size *= 4


def anchor_matches(ix, joined) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The anchors of :class:`~diplolib.themes.batch_index.BatchIndex` ``ix`` in the spaced joined form of
    ``joined``: the index of each match's last character and the key's number (as ``Automaton.iter`` gives them)
    and where each text's block starts. Compiled as :func:`use_compiled` says, else ``Automaton.iter``."""
    if not use_compiled(len(joined.match)):
        big, s_at = joined.spaced()
        found = np.fromiter(itertools.chain.from_iterable(ix.automaton.iter(big)), dtype=np.int64)
        return found[0::2], found[1::2], s_at
    tables = ix.__dict__.get("anchor_tables")
    if tables is None:
        keys = [""] * len(ix.shift)
        for key, w in ix.automaton.items():
            keys[w] = key
        tables = ix.anchor_tables = build_tables(keys)
    codes = joined.spaced_array()
    n = len(joined.at)
    if np.count_nonzero(codes == 0) == n - 1:  # the NULs are the separators: read as " \n " by the kernel
        last, wid = matches(tables, codes)
        return last, wid, joined.at + 2 * np.arange(n)
    big, s_at = joined.spaced()  # a text holds a NUL
    last, wid = matches(tables, np.frombuffer(big.encode("utf-32-le", "surrogatepass"), dtype=np.uint32), False)
    return last, wid, s_at


def distinct_stretches(codes: np.ndarray, keys: np.ndarray, p: np.ndarray, e: np.ndarray):
    """The rows of distinct (``keys[i]``, stretch ``codes[p[i]:e[i]]``) pairs, found by a hash of each stretch:
    ``rep`` (the first row of each), ``inv`` (each row's pair: ``rep[inv[i]]``) and ``same`` (False where row ``i``
    was not compared equal to its pair's first row: a hash collision, to be looked at on its own). Needs numba."""
    if not compiled_available():
        raise ImportError("anchor_scan.distinct_stretches needs numba (pip install 'diplolib[fast]')")
    h = _KERNELS["hashes"](codes, p, e)
    order = np.lexsort((h, keys))
    ko, ho = keys[order], h[order]
    new = changes(ko) | changes(ho)
    inv = np.empty(len(order), dtype=np.int64)
    inv[order] = np.cumsum(new) - 1
    rep = order[new]
    return rep, inv, _KERNELS["same"](codes, p, e, p[rep[inv]], e[rep[inv]])


def word_ends(word: np.ndarray, p: np.ndarray, n: np.ndarray) -> np.ndarray:
    """Where the ``n[i]``-th run of word characters (``word``: a mask of the text) from each ``p[i]`` ends (the
    run at ``p[i]`` when ``n[i] <= 1``: ``p[i]`` itself when it is no word character). Needs numba."""
    if not compiled_available():
        raise ImportError("anchor_scan.word_ends needs numba (pip install 'diplolib[fast]')")
    return _KERNELS["word_ends"](word, p, n)


def starts_with(joined, p: np.ndarray, phrases: np.ndarray, lengths: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """``joined.starts_with(p, phrases, lengths, rows=rows)``
    (:meth:`~diplolib.themes.joined.JoinedTexts.starts_with`): where the kernels run (:func:`use_compiled`), one
    compiled loop over the rows instead of a numpy pass per phrase column (~150 µs of overhead a call, ~200 calls a
    chunk of the batch tagger)."""
    if not use_compiled(len(joined.match)):
        return joined.starts_with(p, phrases, lengths, rows=rows)
    collapsed, at = joined.collapsed_at(p)
    return _KERNELS["starts_with"](collapsed, at, phrases, lengths, rows)
