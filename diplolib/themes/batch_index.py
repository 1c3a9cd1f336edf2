"""The compiled tables of the batch theme tagger (:mod:`diplolib.themes.batch`), built once per dictionary and
language and cached on the dictionary: the automaton of a :class:`~diplolib.themes.scan.ScanIndex` with integer
values and its entries as flat arrays, the order in which each theme's cues are read, their first words, word counts
and names as arrays."""

from __future__ import annotations

import numpy as np

from .cues import BOUNDARY
from .joined import object_array
from .prefilter import first_words, phrase_table, word_count
from .scan import scan_index

__all__ = ["BatchIndex", "batch_index"]


class BatchIndex:
    """The automaton of a :class:`~diplolib.themes.scan.ScanIndex` with integer values, its entries as flat arrays
    (a word's entries from ``first[w]`` to ``first[w + 1]``), and per theme the order in which cues are read."""

    def __init__(self, scan):
        import ahocorasick

        self.scan = scan
        self.automaton = None
        shift, size, first, tk, lo, hi, cis = [], [], [0], [], [], [], []
        sets: dict[frozenset, int] = {}
        if scan.automaton is not None:
            self.automaton = ahocorasick.Automaton()
            for w, (key, (s, z, entries)) in enumerate(scan.automaton.items()):
                self.automaton.add_word(key, w)
                shift.append(s)
                size.append(z)
                for k, a, b, members in entries:
                    tk.append(k)
                    lo.append(a)
                    hi.append(-1 if b is None else b)
                    cis.append(sets.setdefault(members, len(sets)))
                first.append(len(tk))
            self.automaton.make_automaton()
        self.shift, self.size, self.first = (np.array(x, dtype=np.int64) for x in (shift, size, first))
        self.tk, self.lo, self.hi, self.cis = (np.array(x, dtype=np.int64) for x in (tk, lo, hi, cis))
        members = list(sets)
        self.sets = [frozenset(m) for m in members]
        self.set_first = np.r_[0, np.cumsum([len(m) for m in members])].astype(np.int64)
        self.set_members = np.array([c for m in members for c in sorted(m)], dtype=np.int64)
        self.boundary, self.earlier, self.ranks, self.phrases, self.words_in = [], [], [], [], []
        self.earlier_all: list[list[bool]] = []  # whether a longer cue than each needs no anchor
        self.words: dict[tuple[int, int, int], dict[str, bool]] = {}  # verdicts of cues of whole words, by stretch
        for ts in scan.themes:
            self.phrases.append([phrase_table([first_words(rx.pattern) for rx in compiled])
                                 for compiled in (ts.inc_rx, ts.exc_rx)])
            self.ranks.append([np.array([r[c] for c in range(len(r))], dtype=np.int64)
                               for r in (ts.inc_rank, ts.exc_rank)])
            self.words_in.append([np.array([word_count(rx.pattern) for rx in compiled] + [0], dtype=np.int64)
                                  for compiled in (ts.inc_rx, ts.exc_rx)])
            self.boundary.append(all(rx.pattern.startswith(BOUNDARY) for rx in (*ts.inc_rx, *ts.exc_rx)))
            place = {ci: r for r, ci in enumerate(ts.by_length)}
            self.earlier.append([ts.by_length[:place[ci]] for ci in range(len(ts.cues))])
            self.earlier_all.append([any(ts.cue_all[i] for i in e) for e in self.earlier[-1]])
        # the same as arrays indexed by cue: a longer cue needs no anchor; the cue has longer cues at all
        self.earlier_any_all = [np.array(e, dtype=bool) for e in self.earlier_all]
        self.has_longer = [np.array([bool(e) for e in earlier], dtype=bool) for earlier in self.earlier]
        # names of the output columns, looked up with numpy: a hit's cue is ``cue_names[cue_at[theme] + cue]``
        self.theme_names = object_array([ts.theme for ts in scan.themes])
        self.parents = object_array([ts.parent for ts in scan.themes])
        self.cue_names = object_array([c for ts in scan.themes for c in [*(c for c, _ in ts.cues), ""]])
        self.cue_at = np.r_[0, np.cumsum([len(ts.cues) + 1 for ts in scan.themes])].astype(np.int64)


def batch_index(dictionary, lang: str) -> BatchIndex:
    return dictionary.cached(("batch_index", lang), lambda: BatchIndex(scan_index(dictionary, lang)))
