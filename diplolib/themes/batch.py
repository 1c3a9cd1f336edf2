r"""Theme tagging a partition at a time: one automaton pass over the joined matching form of many texts.

:func:`tag_texts` gives the hits of :func:`diplolib.themes.tagging._tag_one` (the per-article fast path, kept as
the reference: ``tests/test_themes_batch.py`` compares both on every sample corpus) for many texts of one language:

* the matching forms of the texts are joined with a NUL between them. A NUL is no word character, no whitespace
  and no hyphen, so no cue matches across it, and the look-arounds ``(?<!\w)``/``(?!\w)`` see at a text's edge
  what they see at the end of a string: a regex tried at a position of the joined string gives the match it gives
  in the text alone. ASCII texts (one character of matching form per character) get one matching form for all;
  the others one each, with their offset maps;
* the anchors of every cue (:mod:`diplolib.themes.scan`) are found in one automaton pass over the spaced joined
  form; each anchor occurrence is assigned to its text with ``searchsorted`` and expanded to the places where a
  match may start, all at once; places preceded by a word character are dropped (every cue starts with
  ``(?<!\w)``, which fails there), and so are the places of a cue that starts with several words
  (:func:`~diplolib.themes.prefilter.first_words`: "civil war") where the spaced form, its runs of spaces made one,
  does not read those words, before any regex runs;
* each theme's places are tried left to right over all texts at once, in the theme's alternation order, as
  ``finditer`` would (a match never crosses a NUL, so one text's match never hides the next text's places); a
  text where an anchor of the theme has no bounded position takes the per-text path of the scan instead;
* the cue of each hit is the one that matched unless a longer cue among the candidates matches the same span
  (only those are tried); exclusions, context rules, display offsets and sentences follow as columns
  (sentences of each text cut up to its last hit, which leaves the earlier sentence starts unchanged).
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd

from ..segment import locate_spans, segment_spans
from . import anchor_scan
from .anchor_scan import anchor_matches
from .batch_index import BatchIndex, batch_index
from .joined import JoinedTexts, char_test, code_points, object_array
from .leftmost import changes as _new
from .leftmost import leftmost as _leftmost
from .rules import context_rules
from .scan import find_spans, which_cue
from .windows import context_keep

__all__ = ["tag_texts", "tag_columns", "CHUNK_CHARS"]

#: Characters of matching form joined at a time (bounds the joined strings and their code-point arrays).
CHUNK_CHARS = 4_000_000
_E = np.zeros(0, dtype=np.int64)
_OBJECT = ("theme", "parent", "surface", "cue")


def _occurrences(ix: BatchIndex, joined: JoinedTexts) -> tuple[np.ndarray, ...]:
    """Every anchor occurrence, expanded to its entries and sorted by (theme-kind, text, scan order): text ``k``,
    anchor start and last index ``q``, ``qe`` (in the text's matching form), ``tk``, ``lo``, ``hi`` (-1: none) and
    cue set."""
    if ix.automaton is None:
        return (_E,) * 7
    ends, wids, s_at = anchor_matches(ix, joined)
    counts = ix.first[wids + 1] - ix.first[wids]
    rep = np.repeat(np.arange(len(wids)), counts)
    entry = ix.first[wids][rep] + np.arange(len(rep)) - np.repeat(np.cumsum(counts) - counts, counts)
    e, w = ends[rep], wids[rep]
    k = np.searchsorted(s_at, e, side="right") - 1
    q = e - ix.shift[w] - s_at[k]
    qe = q + ix.size[w]
    tk = ix.tk[entry]
    # the automaton reports in scan order, so ``k`` never decreases: a stable sort by theme-kind alone (a radix sort
    # of a small integer) gives the order of (theme-kind, text, scan order)
    order = np.argsort(tk.astype(np.int16 if len(ix.scan.themes) < 16_000 else np.int64), kind="stable")
    return tuple(a[order] for a in (k, q, qe, tk, ix.lo[entry], ix.hi[entry], ix.cis[entry]))


def _bounded_spans(ix: BatchIndex, joined: JoinedTexts, t: int, kind: int, occ) -> tuple[np.ndarray, ...]:
    """``find_spans`` of theme ``t`` over every text at once, for anchors that all have a bounded position:
    start, end and cue arrays in the joined matching form, text by text, left to right."""
    k, q, lo, hi, cis = occ
    p_lo = np.maximum(q - hi, 0)
    n = np.maximum(q - lo - p_lo + 1, 0)
    rep = np.repeat(np.arange(len(q)), n)
    p = p_lo[rep] + np.arange(len(rep)) - np.repeat(np.cumsum(n) - n, n) + joined.at[k[rep]]
    if ix.boundary[t]:
        ok = ~joined.word_before(p)
        p, rep = p[ok], rep[ok]
    sets = cis[rep]
    m = ix.set_first[sets + 1] - ix.set_first[sets]
    rep2 = np.repeat(np.arange(len(p)), m)
    ci = ix.set_members[ix.set_first[sets][rep2] + np.arange(len(rep2)) - np.repeat(np.cumsum(m) - m, m)]
    p = p[rep2]
    phrases = ix.phrases[t][kind]
    if phrases is not None:  # a cue's first words, as the spaced form reads them (all such cues at once)
        at = np.flatnonzero(phrases[1][ci] > 0)
        keep = np.ones(len(p), dtype=bool)
        keep[at] = anchor_scan.starts_with(joined, p[at], phrases[0], phrases[1][ci[at]], ci[at])
        p, ci = p[keep], ci[keep]
    if not len(p):
        return _E, _E, _E
    order = np.lexsort((ix.ranks[t][kind][ci], p))
    p, ci = p[order], ci[order]
    keep = np.flatnonzero(_new(p) | _new(ci))
    p, ci = p[keep], ci[keep]
    state, ends = _word_verdicts(ix, joined, t, kind, p, ci)
    return _select(ix, joined, t, kind, p, ci, state, ends)


def _word_verdicts(ix: BatchIndex, joined: JoinedTexts, t: int, kind: int, p: np.ndarray, ci: np.ndarray):
    """For each candidate (place ``p``, cue ``ci``): 1 or 0 where a cue of ``n`` whole words (:func:`~diplolib.
    themes.prefilter.word_count`) matches there or not, -1 where its regex must tell; and where the ``n`` words
    from each place end (the end of its match, if any; the end of the word there for the other rows).

    Such a cue matches at a place (preceded by no word character) iff it matches the whole stretch of its ``n``
    words there, so each distinct stretch is tried once per cue (``ix.words`` keeps the verdicts across chunks)."""
    state = np.full(len(p), -1, dtype=np.int8)
    n = ix.words_in[t][kind][ci] if ix.boundary[t] else np.zeros(len(p), dtype=np.int64)
    fast = anchor_scan.use_compiled(len(joined.match))
    if fast:  # one walk per row instead of a binary search per word
        ends = anchor_scan.word_ends(joined.word_mask(), p, n)
    else:
        ends = joined.word_end(p)
        for more in range(2, int(n.max(initial=0)) + 1):  # the next word's end, for cues of that many words or more
            far = np.flatnonzero(n >= more)
            ends[far] = joined.word_end(joined.next_word(ends[far]))
    rows = np.flatnonzero(n > 0)
    if not len(rows):
        return state, ends
    if fast:  # each distinct (cue, stretch) looked up once
        rep, inv, same = anchor_scan.distinct_stretches(joined.match_codes(), ci[rows], p[rows], ends[rows])
        odd = np.flatnonzero(~same)  # a hash shared by two stretches (never seen): such rows on their own
        got = _stretch_verdicts(ix, joined, t, kind, rows[np.concatenate((rep, odd))], p, ci, ends)
        state[rows] = got[inv]
        state[rows[odd]] = got[len(rep):]
    else:
        state[rows] = _stretch_verdicts(ix, joined, t, kind, rows, p, ci, ends)
    return state, ends


def _stretch_verdicts(ix: BatchIndex, joined: JoinedTexts, t: int, kind: int, rows, p, ci, ends) -> np.ndarray:
    """Whether cue ``ci[r]`` (of whole words) matches the stretch ``[p[r], ends[r])``, for each of ``rows``: one
    ``fullmatch`` per stretch not yet in ``ix.words``."""
    compiled = ix.scan.themes[t].inc_rx if kind == 0 else ix.scan.themes[t].exc_rx
    order = np.argsort(ci[rows], kind="stable")
    rows = rows[order]
    cut = [0, *(np.flatnonzero(np.diff(ci[rows])) + 1).tolist(), len(rows)]
    text, got = joined.match, np.empty(len(rows), dtype=np.int8)
    for g in range(len(cut) - 1):
        c = int(ci[rows[cut[g]]])
        cache, rx = ix.words.setdefault((t, kind, c), {}), compiled[c]
        if len(cache) > 100_000:  # bounded memory on a stream of texts
            cache.clear()
        sel = rows[cut[g]:cut[g + 1]]
        got[cut[g]:cut[g + 1]] = [cache[w] if w in cache else cache.setdefault(w, rx.fullmatch(w) is not None)
                                  for w in map(text.__getitem__, map(slice, p[sel].tolist(), ends[sel].tolist()))]
    out = np.empty(len(rows), dtype=np.int8)
    out[order] = got
    return out


def _select(ix: BatchIndex, joined: JoinedTexts, t: int, kind: int, p, ci, state, ends) -> tuple[np.ndarray, ...]:
    """As ``finditer``: at each place (left to right, those inside the last match skipped) the first cue in
    alternation order that matches (known by its word, else its regex); the cue of a hit as ``which_cue`` names it
    (a longer cue with an anchor here may match the same span).

    As columns: the regex of each row that its place may need (no earlier row of the place matches by its word) is
    tried, the first matching row of each place gives its match, and :func:`_leftmost` keeps the matches
    ``finditer`` keeps; only the kept matches with several candidate cues look for a longer cue in Python."""
    new = _new(p)
    gid = np.cumsum(new) - 1
    word_hit = state == 1
    before = np.cumsum(word_hit) - word_hit  # rows matching by their word before each row, from the text's start
    ask = np.flatnonzero((state < 0) & (before == before[np.flatnonzero(new)][gid]))
    compiled = ix.scan.themes[t].inc_rx if kind == 0 else ix.scan.themes[t].exc_rx
    text, end = joined.match, ends.copy()
    got = [compiled[c].match(text, at) for c, at in zip(ci[ask].tolist(), p[ask].tolist(), strict=True)]
    ok = word_hit.copy()
    ok[ask] = [m is not None for m in got]
    end[ask] = [-1 if m is None else m.end() for m in got]
    rows = np.flatnonzero(ok)
    if not len(rows):
        return _E, _E, _E
    rows = rows[_new(gid[rows])]  # the first matching row of each place
    rows = rows[_leftmost(p[rows], end[rows])]
    found = p[rows].astype(np.int64), end[rows].astype(np.int64), ci[rows].astype(np.int64)
    if kind == 0:  # other cues may name it: several candidates here, or a longer cue needing no anchor
        first = np.flatnonzero(new)
        last = np.concatenate((first[1:], [len(p)]))
        g, c = gid[rows], ci[rows]
        any_all, longer = ix.earlier_any_all[t][c], ix.has_longer[t][c]
        C, S, E = ci.tolist(), state.tolist(), ends.tolist()
        for i in np.flatnonzero((((last - first)[g] > 1) | any_all) & longer).tolist():
            at, stop, c, x, y = int(found[0][i]), int(found[1][i]), int(found[2][i]), int(first[g[i]]), int(last[g[i]])
            found[2][i] = _longest_cue(ix, t, text, at, stop, c, C[x:y], S[x:y], E[x:y])
    return found


def _longest_cue(ix: BatchIndex, t: int, text: str, at: int, end: int, c: int, cues, states, ends) -> int:
    """``which_cue``: the first cue longer than ``c`` (``ix.earlier``) that has an anchor at ``at`` (``cues`` of
    the place, with their word verdicts ``states`` and word ends) or needs none, and matches ``text[at:end]``."""
    ts = ix.scan.themes[t]
    for i in ix.earlier[t][c]:
        if i in cues:
            r = cues.index(i)
            if states[r] >= 0:
                if states[r] == 1 and ends[r] == end:
                    return i
                continue
        elif not ts.cue_all[i]:
            continue
        m = ts.cues[i][1].match(text, at)
        if m is not None and m.end() == end:
            return i
    return c


def _spans(ix: BatchIndex, joined: JoinedTexts, t: int, kind: int, occ, texts: np.ndarray | None) -> tuple:
    """Start, end and cue (or -1) arrays of theme ``t``'s include (``kind`` 0) or exclusion regex in the joined
    form, by start (stable): the texts ``texts`` (all of them for None) scanned whole when an anchor-less cue asks
    for it, else the texts holding anchors (``occ``: their occurrences), by :func:`_bounded_spans` or per text by
    ``find_spans``."""
    ts = ix.scan.themes[t]
    rx, every = (ts.inc, ts.inc_all) if kind == 0 else (ts.exc, ts.exc_all)
    if every:
        todo = range(len(joined.at)) if texts is None else texts.tolist()
        got = [m.span() for i in todo for m in rx.finditer(joined.match, joined.at[i], joined.end[i])]
        a, b = np.array(got, dtype=np.int64).reshape(-1, 2).T
        return a, b, np.full(len(a), -1, dtype=np.int64)
    k, q, qe, lo, hi, cis = occ
    if texts is not None:
        keep = np.isin(k, texts)
        k, q, qe, lo, hi, cis = (a[keep] for a in occ)
    if not len(k):
        return _E, _E, _E
    unbounded = np.zeros(len(joined.at), dtype=bool)
    unbounded[k[hi < 0]] = True
    bounded = ~unbounded[k]
    out = _bounded_spans(ix, joined, t, kind, (k[bounded], q[bounded], lo[bounded], hi[bounded], cis[bounded]))
    compiled, rank, bar = (ts.inc_rx, ts.inc_rank, ts.inc_bar) if kind == 0 else (ts.exc_rx, ts.exc_rank, ts.exc_bar)
    more: list[tuple[int, int]] = []
    for i in np.flatnonzero(unbounded).tolist():
        sel = np.flatnonzero(k == i)
        anchors = [(a, b, x, None if y < 0 else y, ix.sets[s]) for a, b, x, y, s in
                   zip(q[sel].tolist(), qe[sel].tolist(), lo[sel].tolist(), hi[sel].tolist(), cis[sel].tolist(),
                       strict=True)]
        base = int(joined.at[i])
        more += [(a + base, b + base) for a, b in find_spans(rx, compiled, rank, joined.form(i), bar, anchors, {})]
    if not more:
        return out
    a, b = np.array(more, dtype=np.int64).reshape(-1, 2).T
    out = tuple(np.concatenate(x) for x in zip(out, (a, b, np.full(len(a), -1, dtype=np.int64)), strict=True))
    order = np.argsort(out[0], kind="stable")  # as a stable sort of the spans by start
    return tuple(x[order] for x in out)


def _theme_hits(ix: BatchIndex, joined: JoinedTexts, t: int, occ) -> tuple[np.ndarray, ...] | None:
    """Text, start, end (in the text's matching form) and cue index of theme ``t``'s hits, exclusions applied (not
    yet the context rules: :func:`_chunk`), in text order."""
    ts = ix.scan.themes[t]
    k, q, qe, tk, lo, hi, cis = occ
    inc = slice(*np.searchsorted(tk, [2 * t, 2 * t + 1]))
    exc = slice(*np.searchsorted(tk, [2 * t + 1, 2 * t + 2]))
    if inc.start == inc.stop and not ts.inc_all:
        return None
    a, b, ci = _spans(ix, joined, t, 0, tuple(a[inc] for a in (k, q, qe, lo, hi, cis)), None)
    if not len(a):
        return None
    fk = np.searchsorted(joined.at, a, side="right") - 1
    if ts.exc_all or exc.start < exc.stop:
        x, y, _ = _spans(ix, joined, t, 1, tuple(x[exc] for x in (k, q, qe, lo, hi, cis)), np.unique(fk))
        if len(x):
            i = np.searchsorted(y, a, side="right")
            hit = i < len(x)
            hit[hit] = x[i[hit]] < b[hit]
            a, b, ci, fk = a[~hit], b[~hit], ci[~hit], fk[~hit]
    for j in np.flatnonzero(ci < 0).tolist():  # found without a cue (whole-text scans): which_cue of the text
        lo_, hi_ = np.searchsorted(k[inc], [fk[j], fk[j] + 1])
        got = frozenset().union(*(ix.sets[s] for s in set(cis[inc][lo_:hi_].tolist())))
        name = which_cue([ts.cues[i] for i in ts.by_length if i in got or ts.cue_all[i]], joined.match, a[j], b[j])
        ci[j] = next((i for i, (c, _) in enumerate(ts.cues) if c == name), len(ts.cues))  # "": the last, blank
    base = joined.at[fk]
    return fk, a - base, b - base, ci


def _rule_table(ix: BatchIndex, rules) -> tuple[list, np.ndarray]:
    """The context rules of the cues (``rules``: :func:`~diplolib.themes.rules.context_rules`) as a list, and the
    place of each cue's rule in it (-1: none), indexed as ``ix.cue_names``."""
    found = [r for ts in ix.scan.themes for r in [*(rules.get((ts.theme, c)) for c, _ in ts.cues), None]]
    listed = [r for r in found if r is not None]
    place = np.full(len(found), -1, dtype=np.int64)
    place[[i for i, r in enumerate(found) if r is not None]] = np.arange(len(listed))
    return listed, place


def _chunk(ix: BatchIndex, joined: JoinedTexts, rules) -> dict[str, list]:
    """The hits of one chunk of texts, in the order of the per-article path (text, theme, start); the context rules
    of the hits of every theme checked at once (:func:`~diplolib.themes.windows.context_keep`)."""
    occ = _occurrences(ix, joined)
    themes = ix.scan.themes
    parts = [(t, got) for t in range(len(themes)) if (got := _theme_hits(ix, joined, t, occ)) is not None]
    if not parts:
        return {}
    k, a, b, ci = (np.concatenate(x) for x in zip(*(g for _, g in parts), strict=True))
    t = np.repeat([p[0] for p in parts], [len(g[0]) for _, g in parts]).astype(np.int64)
    listed, place = _rule_table(ix, rules) if rules else ([], None)
    w = np.flatnonzero(place[ix.cue_at[t] + ci] >= 0) if listed else _E
    if len(w):
        keep = np.ones(len(k), dtype=bool)
        keep[w] = context_keep(joined, k[w], a[w] + joined.at[k[w]], b[w] + joined.at[k[w]],
                               place[ix.cue_at[t[w]] + ci[w]], listed)
        k, a, b, ci, t = k[keep], a[keep], b[keep], ci[keep], t[keep]
        if not len(k):
            return {}
    order = np.lexsort((a, t, k))  # each theme's hits are in text order: the per-article path's order
    k, a, b, ci, t = k[order], a[order], b[order], ci[order], t[order]
    mapped = joined.map_at[k] >= 0
    start, end = a.copy(), b.copy()
    start[mapped] = joined.maps[joined.map_at[k[mapped]] + a[mapped]]
    end[mapped] = joined.maps[joined.map_at[k[mapped]] + b[mapped]]
    raw = code_points(joined.raw) if not joined.raw.isascii() else np.frombuffer(joined.raw.encode("ascii"), np.uint8)
    base = joined.raw_at[k]
    todo = np.flatnonzero(end > start)
    while len(todo):  # trailing whitespace trimmed, as text[end - 1].isspace()
        todo = todo[char_test("space", raw[base[todo] + end[todo] - 1])]
        end[todo] -= 1
        todo = todo[end[todo] > start[todo]]
    reach = np.zeros(len(joined.texts), dtype=np.int64)
    np.maximum.at(reach, k, end)
    cut = [joined.texts[i][:r] for i, r in enumerate(reach.tolist())]
    sentence = np.maximum(locate_spans(segment_spans(cut), position=k, offset=start), 0)
    surface = [joined.raw[s:e] for s, e in zip((base + start).tolist(), (base + end).tolist(), strict=True)]
    return {"position": k, "theme": t, "start": start, "end": end, "surface": surface, "sentence": sentence,
            "cue": ci}


def tag_texts(texts: list[str], lang: str, dictionary) -> pd.DataFrame:
    """The theme hits of many texts of one language, as the per-article fast path finds them, in its order.

    Parameters
    ----------
    texts : list of str
        Display texts (non-blank).
    lang : str
        Their language (one with cues in ``dictionary``).
    dictionary : ThemeDictionary
        From :func:`diplolib.themes.load_themes`.

    Returns
    -------
    DataFrame
        One row per hit, by text, then theme (dictionary order), then start: ``position`` (index in ``texts``),
        ``theme``, ``parent``, ``start``, ``end``, ``surface``, ``sentence``, ``cue``.
    """
    cols = tag_columns(texts, lang, dictionary)
    return pd.DataFrame({c: pd.Series(v, dtype=object if c in _OBJECT else np.int64) for c, v in cols.items()})


def tag_columns(texts: list[str], lang: str, dictionary) -> dict[str, np.ndarray]:
    """:func:`tag_texts` as numpy columns (``theme``, ``parent``, ``surface`` and ``cue`` of dtype object)."""
    ix = batch_index(dictionary, lang)
    rules = context_rules(dictionary, lang)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    anchor_scan.use_compiled(int(lengths.sum()))  # texts this long load the kernels: then every chunk uses them
    parts, first = [], 0
    while first < len(texts):
        last = max(int(np.searchsorted(np.cumsum(lengths[first:] + 1), CHUNK_CHARS, side="right")), 1) + first
        plain = np.fromiter((t.isascii() for t in texts[first:last]), dtype=bool, count=last - first)
        for group in (np.flatnonzero(plain), np.flatnonzero(~plain)):
            if len(group):
                got = _chunk(ix, JoinedTexts([texts[first + i] for i in group.tolist()]), rules)
                if got:
                    got["position"] = group[got["position"]] + first
                    parts.append(got)
        first = last
    ints = ("position", "theme", "start", "end", "sentence", "cue")
    cols = {c: np.concatenate([p[c] for p in parts]) if parts else _E for c in ints}
    order = np.argsort(cols["position"], kind="stable")
    t, ci = cols["theme"][order], cols["cue"][order]
    surface = object_array(list(itertools.chain.from_iterable(p["surface"] for p in parts)))[order]
    return {"position": cols["position"][order], "theme": ix.theme_names[t], "parent": ix.parents[t],
            "start": cols["start"][order], "end": cols["end"][order], "surface": surface,
            "sentence": cols["sentence"][order], "cue": ix.cue_names[ix.cue_at[t] + ci]}
