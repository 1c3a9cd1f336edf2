r"""The fast path of theme tagging: an Aho-Corasick prefilter over the anchors of every cue (:func:`scan_index`).

The exact tagger runs every theme's regex over the whole matching form of every
article.  This index gives the same matches faster (tests compare both paths):

* an Aho-Corasick automaton over the *anchors* of every cue (literals that each
  match of the cue contains, read off its regex) finds, in one pass, which themes
  can match at all -- a regex whose anchors are absent cannot match anywhere;
* a theme's regex then runs only over the *segments* holding one of its anchors:
  stretches of text between barrier characters (punctuation no match of that
  theme can contain).  A match never crosses a barrier and a barrier is not a word
  character, so the look-arounds (?<!\w) and (?!\w) see the same thing at a segment
  edge as in the whole text: ``finditer`` over the segments yields exactly the
  matches of ``finditer`` over the text.
* exclusions of a theme are scanned the same way, and only when it has a match.
Cues without anchors or with unknown characters fall back to the whole text.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .cues import BOUNDARY, order_length
from .prefilter import pattern_prefilter

__all__ = ["ScanIndex", "scan_index", "find_spans", "which_cue"]

_BASE_CLASS = r"\w\s\-\u2010-\u2013"
_NONWORD = re.compile(r"\W")


class _ThemeScan:
    __slots__ = (
        "theme", "parent", "inc", "exc", "inc_bar", "exc_bar", "inc_all", "exc_all", "cues", "cue_all",
        "inc_rank", "exc_rank", "inc_rx", "exc_rx", "by_length",
    )

    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)


class ScanIndex:
    """Prefilter for one language of a theme dictionary; built by :func:`scan_index`."""

    def __init__(self, themes: list[_ThemeScan], anchors: dict[str, list[tuple]]):
        import ahocorasick

        self.themes = themes
        self.automaton = None
        if anchors:
            self.automaton = ahocorasick.Automaton()
            # the automaton reads the text with every non-word character made a space, padded with a space on
            # each side: a literal that needs a word edge is looked up with a space there, so the automaton itself
            # checks the edges. Its non-word characters are spaces too: it may then be found where the text has
            # another non-word character (a superset of its places: the regexes decide).
            keys: dict[str, tuple[int, int, dict[tuple, set[int]]]] = {}
            for lit, entries in anchors.items():
                for t, kind, ci, word_start, word_end, lo, hi in entries:
                    key = " " * word_start + _NONWORD.sub(" ", lit) + " " * word_end
                    shift = len(key) - word_start  # automaton end in the padded text - shift = start in the text
                    keys.setdefault(key, (shift, len(lit), {}))[2].setdefault((2 * t + kind, lo, hi), set()).add(ci)
            for key, (shift, size, groups) in keys.items():
                value = tuple((k, lo, hi, frozenset(cis)) for (k, lo, hi), cis in groups.items())
                self.automaton.add_word(key, (shift, size - 1, value))
            self.automaton.make_automaton()

    def scan(self, match: str) -> list[tuple[str, object, list[tuple[int, int]], list]]:
        """``(theme, parent, [(a, b), ...], candidate cues)`` per theme with matches, in theme order.

        The spans are those of ``theme_regex.finditer(match)`` that overlap no match of
        the theme's exclusion regex; the candidate cues are the theme's ``(cue, regex)``
        whose anchors occur in ``match`` (the others cannot match), longest cue first (stable).
        """
        # 2 * theme + kind (0 include, 1 exclude) -> [(start, end, lo, hi, cue indices)]
        occ: dict[int, list[tuple[int, int, int, int | None, frozenset]]] = {}
        if self.automaton is not None:
            for e, (shift, size, entries) in self.automaton.iter(" " + _NONWORD.sub(" ", match) + " "):
                start = e - shift
                end = start + size
                for key, lo, hi, cis in entries:
                    found = occ.get(key)
                    if found is None:
                        occ[key] = [(start, end, lo, hi, cis)]
                    else:
                        found.append((start, end, lo, hi, cis))
        runs: dict[re.Pattern, tuple[list[int], list[int]]] = {}
        out = []
        for t, ts in enumerate(self.themes):
            inc_occ, exc_occ = occ.get(2 * t), occ.get(2 * t + 1)
            if inc_occ is None and not ts.inc_all:
                continue
            present = frozenset().union(*(o[4] for o in inc_occ)) if inc_occ else frozenset()
            if ts.inc_all:
                found = [m.span() for m in ts.inc.finditer(match)]
            else:
                found = find_spans(ts.inc, ts.inc_rx, ts.inc_rank, match, ts.inc_bar, inc_occ, runs)
            if not found:
                continue
            if ts.exc_all:
                blocked = [m.span() for m in ts.exc.finditer(match)]
            elif exc_occ is not None:
                blocked = find_spans(ts.exc, ts.exc_rx, ts.exc_rank, match, ts.exc_bar, exc_occ, runs)
            else:
                blocked = []
            if blocked:
                found = [(a, b) for a, b in found if not any(x < b and a < y for x, y in blocked)]
            if found:
                cues = [ts.cues[i] for i in ts.by_length if i in present or ts.cue_all[i]]
                out.append((ts.theme, ts.parent, found, cues))
        return out


def find_spans(rx: re.Pattern, compiled: list[re.Pattern], rank: dict[int, int], match: str, barrier, anchors,
          runs) -> list[tuple[int, int]]:
    """The spans of ``rx.finditer(match)``, found from anchor occurrences ``(start, end, lo, hi, cues)``.

    ``rx`` is a theme's alternation ``(?<!\\w)(?:b1|b2|...)``; ``compiled[ci]`` the cue ``(?<!\\w)b_i`` alone,
    ``rank[ci]`` the place of cue ``ci`` among the alternatives (a cue whose anchors do not occur cannot
    match).  At a position, ``rx`` matches like the first of its alternatives
    that matches there.  When every anchor lies a bounded ``lo..hi`` characters into its match, a match
    can only start at ``start - hi .. start - lo``, and only a cue with an anchor occurrence placing it
    there can match: those cues are tried there, in alternation order, left to right, skipping
    positions inside the last match, as ``finditer`` would.  Otherwise ``rx`` scans the segments
    (between barrier characters) that hold an anchor, or the whole text without barrier.
    """
    if all(a[3] is not None for a in anchors):
        places: dict[int, set[int]] = {}
        for q, _, lo, hi, cis in anchors:
            for p in (q - lo,) if lo == hi else range(max(q - hi, 0), q - lo + 1):
                got = places.get(p)
                if got is None:
                    places[p] = set(cis)
                else:
                    got.update(cis)
        spans, pos = [], 0
        for p in sorted(places):
            if p >= pos:
                for ci in sorted(places[p], key=rank.__getitem__):
                    m = compiled[ci].match(match, p)
                    if m is not None:
                        spans.append(m.span())
                        pos = m.end()
                        break
        return spans
    if barrier is None:
        return [m.span() for m in rx.finditer(match)]
    if barrier not in runs:
        starts, ends = [], []
        for m in barrier.finditer(match):
            starts.append(m.start())
            ends.append(m.end())
        runs[barrier] = (starts, ends)
    starts, ends = runs[barrier]
    n, last = len(starts), len(match)
    segments = set()
    for _, q, _, _, _ in anchors:
        i = bisect_right(starts, q) - 1
        segments.add((ends[i] if i >= 0 else 0, starts[i + 1] if i + 1 < n else last))
    return [m.span() for lo, hi in sorted(segments) for m in rx.finditer(match, lo, hi)]


def which_cue(cues: list[tuple[str, re.Pattern]], match: str, start: int, end: int) -> str:
    """The longest cue (the first in dictionary order among equals) matching exactly ``match[start:end]``.

    ``cues`` come longest first (stable), so the first exact match is the answer.
    """
    for cue, rx in cues:
        m = rx.match(match, start)
        if m and m.end() == end:
            return cue
    return ""


def scan_index(dictionary, lang: str) -> ScanIndex:
    """The prefilter of ``dictionary`` for ``lang`` (built once per dictionary and language)."""
    return dictionary.cached(("scan_index", lang), lambda: _build_index(dictionary, lang))


def _build_index(dictionary, lang: str) -> ScanIndex:
    cues = dictionary.cues[dictionary.cues["lang"] == lang]
    barriers: dict[frozenset, re.Pattern] = {}

    def barrier(extras: list[frozenset | None]) -> re.Pattern | None:
        if any(e is None for e in extras):
            return None
        chars = frozenset().union(*extras)
        if chars not in barriers:
            barriers[chars] = re.compile("[^" + _BASE_CLASS + "".join(map(re.escape, sorted(chars))) + "]+")
        return barriers[chars]

    themes: list[_ThemeScan] = []
    anchors: dict[str, list[tuple]] = {}
    for theme, parent, inc, exc in dictionary.compiled(lang):
        t = len(themes)
        sub = cues[cues["theme"] == theme]
        inc_rows = sub[sub["kind"] == "include"]
        exc_rows = sub[sub["kind"] == "exclude"]
        inc_pf = [pattern_prefilter(p) for p in inc_rows["pattern"]]
        exc_pf = [pattern_prefilter(p) for p in exc_rows["pattern"]]
        for kind, pfs in ((0, inc_pf), (1, exc_pf)):
            for ci, (anch, _) in enumerate(pfs):
                for lit, word_start, word_end, lo, hi in sorted(anch or (), key=str):
                    anchors.setdefault(lit, []).append((t, kind, ci, word_start, word_end, lo, hi))
        themes.append(
            _ThemeScan(
                inc_rank=_rank(inc_rows["pattern"]),
                exc_rank=_rank(exc_rows["pattern"]),
                exc_rx=[re.compile(p) for p in exc_rows["pattern"]],
                inc_rx=[re.compile(p) for p in inc_rows["pattern"]],
                theme=theme,
                parent=parent,
                inc=inc,
                exc=exc,
                inc_bar=barrier([e for _, e in inc_pf]),
                exc_bar=barrier([e for _, e in exc_pf]),
                inc_all=any(a is None for a, _ in inc_pf),
                exc_all=any(a is None for a, _ in exc_pf),
                cues=[(c, re.compile(p)) for c, p in inc_rows[["cue", "pattern"]].itertuples(index=False)],
                cue_all=[a is None for a, _ in inc_pf],
                by_length=sorted(range(len(inc_rows)), key=lambda i: -len(inc_rows["cue"].iloc[i])),
            )
        )
    return ScanIndex(themes, anchors)


def _rank(patterns) -> dict[int, int]:
    """Cue index -> its place among the alternatives of :meth:`ThemeDictionary.compiled`
    (longest regex body first by :func:`~diplolib.themes.cues.order_length`, stable)."""
    bodies = [(p.removeprefix(BOUNDARY), ci) for ci, p in enumerate(patterns)]
    return {ci: r for r, (_, ci) in enumerate(sorted(bodies, key=lambda x: order_length(x[0]), reverse=True))}
