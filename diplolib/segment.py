"""Sentences and paragraphs of an article's display text, as character spans.

Every annotation (mentions, theme hits) carries a ``sentence`` and a ``paragraph``
index computed here, so that co-mention windows and evidence sentences agree
across modules. Paragraphs are separated by blank lines (``"\\n\\n"``), as the
loaders write them. Sentences end at ``. ! ? ؟ …`` (optionally followed by a
closing quote or bracket) when what follows is a line break, or spaces and then an
upper-case letter, a digit, an opening quote or an Arabic letter; and at every line
break. A full stop after a known abbreviation ("M.", "Mr.", "N°.", "Gen.") or a
single capital letter (initials, "U.S.") does not end a sentence.

:func:`sentence_spans` and :func:`paragraph_spans` cut one text; :func:`segment_spans` cuts a whole partition
in one pass and gives the same offsets (tested on every sample corpus and on random texts): the texts are joined
with a separator the rules cannot cross, each regex runs once over the joined string, newline runs and the
stripping of whitespace are done on a numpy array of the code points, and :func:`locate_spans` assigns offsets
of many texts (e.g. the mentions of a partition) to their spans with one ``searchsorted``. This is how the
tagger and the theme counts will number the sentences and paragraphs of a partition (issue 17), instead of a
call per article.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from collections.abc import Iterable, Sequence
from typing import Literal

import numpy as np
import pandas as pd

from .normalize._charmap import joined_code_points

__all__ = ["paragraph_spans", "sentence_spans", "split_sentences", "sentences", "locate", "ABBREVIATIONS",
           "segment_spans", "locate_spans", "token_chars"]

_PARA = re.compile(r"\n[ \t]*\n\s*")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-empty paragraph (blank-line separated), in order."""
    spans, start = [], 0
    for m in _PARA.finditer(text):
        if text[start:m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


#: Tokens (case-folded, without the final dot) after which "." is not a sentence end.
ABBREVIATIONS: frozenset[str] = frozenset(
    """m mm mr mrs ms dr mme mmes mlle mlles me st ste gen col lt sgt capt cpt maj adm cmdr
    prof sen rep gov pres amb no nos n° nº jr sr vs etc e.g i.e cf art ch vol p pp fig
    approx dept est inc ltd corp co bros av ave blvd jan feb mar apr jun jul aug sep sept
    oct nov dec janv fev févr avr juil sept oct déc env gén lieut cdt""".split()
)

# one more than the longest abbreviation, case-folded (casefold never shortens a token)
_LONGEST_ABBREVIATION = max(len(a.casefold()) for a in ABBREVIATIONS) + 1

# "[.!?…]+" matches the same runs as "(?:\.\.\.|[.!?…])+" (and, a run being followed by a non-terminator,
# ends where it does) but starts with a character set, which lets the regex engine skip ahead fast
_END = re.compile(
    r"""[.!?\u061f\u2026]+   # terminator(s)
        [\"'\u201d\u2019\u00bb)\]]*      # closing quotes/brackets
        (?=\s*\n|\s+(?:[\"'\u201c\u2018\u00ab(\[]\s*)?[A-Z\u00c0-\u00de0-9\u0600-\u06ff]|\s*$)""",
    re.VERBOSE,
)
_NEWLINE = re.compile(r"\n+")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_TOKEN_BEFORE = re.compile(r"[\w°º.]*\Z")


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the '.' at ``dot`` closes an abbreviation or an initial."""
    if dot >= _LONGEST_ABBREVIATION and text[dot - _LONGEST_ABBREVIATION:dot].isalnum():
        return False  # a token longer than any abbreviation, with no dot in its end: not an abbreviation
    # the token before the dot: the run of letters, digits, "_", "°", "º", "." ending there (at most 40 characters);
    # in str patterns \w is exactly str.isalnum() or "_"
    start = _TOKEN_BEFORE.search(text, max(0, dot - 40), dot).start()
    tok = text[start:dot].rstrip(".")
    if not tok:
        return False
    if len(tok) == 1:
        return tok.isalpha() and tok.isupper()  # initial: "J. Smith"
    if "." in tok and _DOTTED.fullmatch(tok):
        return True  # U.S, U.N, e.g
    return tok.casefold() in ABBREVIATIONS


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences of ``text``.

    Parameters
    ----------
    text : str
        Display text.

    Returns
    -------
    list of (int, int)
        Spans in order, covering every non-blank part of ``text``; leading and
        trailing whitespace of each sentence is excluded.  Empty list for blank text.
    """
    cuts: list[int] = []
    for m in _END.finditer(text):
        g = m.group()
        if g[0] == "." and not g.startswith("...") and _is_abbreviation(text, m.start()):
            continue
        cuts.append(m.end())
    if "\n" in text:
        cuts.extend(m.end() for m in _NEWLINE.finditer(text))
        cuts = sorted(set(cuts))
    cuts.append(len(text))
    spans = []
    start = 0
    for cut in cuts:
        seg = text[start:cut]
        left = seg.lstrip()
        if left:
            first = start + len(seg) - len(left)
            spans.append((first, first + len(left.rstrip())))
        start = cut
    return spans


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings (see :func:`sentence_spans`)."""
    return [text[a:b] for a, b in sentence_spans(text)]


def locate(starts: Iterable[int], spans: list[tuple[int, int]]) -> np.ndarray:
    """Index of the span holding each offset (the last span starting at or before it; -1 before the first)."""
    firsts = [s for s, _ in spans]
    return np.array([bisect.bisect_right(firsts, s) - 1 for s in starts], dtype=np.int64)


def sentences(articles: pd.DataFrame, *, text: str = "text") -> pd.DataFrame:
    """The sentences of every article, one row each (the table behind evidence and keyness by sentence).

    Parameters
    ----------
    articles : DataFrame
        Needs ``article_id`` and the ``text`` column.
    text : str
        Column holding the display text.

    Returns
    -------
    DataFrame
        One row per sentence, in article order; ``start``/``end`` are offsets into the article's text.
    """
    for col in ("article_id", text):
        if col not in articles.columns:
            raise ValueError(f"sentences: column {col!r} is missing; pass the articles table from "
                             "load_articles().")
    rows = []
    for aid, body in zip(articles["article_id"], articles[text], strict=True):
        body = body if isinstance(body, str) else ""
        paras = paragraph_spans(body)
        sents = sentence_spans(body)
        para_of = locate([s for s, _ in sents], paras)
        for i, ((s, e), p) in enumerate(zip(sents, para_of, strict=True)):
            rows.append((aid, i, int(p), s, e, body[s:e]))
    return pd.DataFrame(rows, columns=["article_id", "sentence", "paragraph", "start", "end", "text"]).astype(
        {"sentence": "int64", "paragraph": "int64", "start": "int64", "end": "int64"})


# every code point for which str.isspace() (and so the regex \s and str.strip()) holds lies below U+3001
_WHITESPACE = np.array([c for c in range(0x3001) if chr(c).isspace()], dtype=np.uint32)
_IS_SPACE = np.zeros(0x3002, dtype=bool)  # looked up at min(code point, 0x3001): the last entry is False
_IS_SPACE[_WHITESPACE] = True
_TERMINATORS = np.array([ord(c) for c in ".!?\u061f\u2026"], dtype=np.uint32)  # the first character class of _END
_CLOSING = np.array([ord(c) for c in "\"'\u201d\u2019\u00bb)]"], dtype=np.uint32)  # the second one
_OPENING = np.array([ord(c) for c in "\"'\u201c\u2018\u00ab(["], dtype=np.uint32)  # the quotes in the look-ahead
_CAPITAL = np.array([bool(re.match(r"[A-Z\u00c0-\u00de0-9\u0600-\u06ff]", chr(c))) for c in range(0x701)])  # 0x700: no
_IS_TOKEN = np.array([chr(c).isalnum() or chr(c) in "_°º." for c in range(0x10000)], dtype=bool)
_IS_ASCII_ALNUM = np.array([chr(c).isascii() and chr(c).isalnum() for c in range(129)], dtype=bool)  # 128: False
_CHUNK_CHARS = 8_000_000  # characters joined at a time (the code points take 4 bytes each)
_SEP_SENTENCE, _SEP_PARAGRAPH = "\n\x00", "\x00\x00"  # between joined texts, 2 characters each


def _space(cp: np.ndarray, pos: np.ndarray) -> np.ndarray:
    """Whether the code points at ``pos`` are whitespace (looked up where needed, not for the whole text)."""
    return _IS_SPACE[np.minimum(cp[pos], 0x3001)]


def _skip_forward(cp: np.ndarray, pos: np.ndarray, stop: np.ndarray) -> np.ndarray:
    """For each position, the first one at or after it (before ``stop``) not holding whitespace, else ``stop``."""
    pos = pos.copy()
    idx = np.arange(len(pos))
    while idx.size:
        idx = idx[pos[idx] < stop[idx]]
        idx = idx[_space(cp, pos[idx])]
        pos[idx] += 1
    return pos


def _skip_back(cp: np.ndarray, end: np.ndarray, stop: np.ndarray) -> np.ndarray:
    """For each end, the end with its trailing whitespace removed (not below ``stop``)."""
    end = end.copy()
    idx = np.arange(len(end))
    while idx.size:
        idx = idx[end[idx] > stop[idx]]
        idx = idx[_space(cp, end[idx] - 1)]
        end[idx] -= 1
    return end


def token_chars(codes: np.ndarray) -> np.ndarray:
    """Whether each code point may belong to the token before a dot (``[\\w°º.]``: ``str.isalnum()``, "_", "°",
    "º", ".")."""
    out = _IS_TOKEN[np.minimum(codes, 0xFFFF)]
    wide = codes > 0xFFFF
    if wide.any():
        out[wide] = [chr(c).isalnum() for c in codes[wide].tolist()]
    return out


@lru_cache(maxsize=65536)
def _token_is_abbreviation(token: str) -> bool:
    """:func:`_is_abbreviation` for the token before a dot (the run of ``[\\w°º.]`` ending there)."""
    tok = token.rstrip(".")
    if not tok:
        return False
    if len(tok) == 1:
        return tok.isalpha() and tok.isupper()
    if "." in tok and _DOTTED.fullmatch(tok):
        return True
    return tok.casefold() in ABBREVIATIONS


def _abbreviated(joined: str, cp: np.ndarray, dots: np.ndarray) -> np.ndarray:
    """:func:`_is_abbreviation` at each of ``dots``: the token before each dot (at most 40 characters) found from
    the code points at once, each distinct token classified once. (Its first test, a word longer than any
    abbreviation, gives the same answer as the classification of that word.)"""
    if not len(dots):
        return np.zeros(0, dtype=bool)
    before = dots[:, None] - np.arange(1, 41)
    inside = token_chars(cp[np.maximum(before, 0)]) & (before >= 0)
    run = np.where(inside.all(axis=1), 40, np.argmin(inside, axis=1))
    return np.fromiter((_token_is_abbreviation(joined[a:b]) for a, b in zip((dots - run).tolist(), dots.tolist(),
                                                                            strict=True)),
                       dtype=bool, count=len(dots))


def _terminator_runs(joined: str, cp: np.ndarray) -> np.ndarray:
    """The ``(start, end)`` of every match of ``_END.finditer(joined)``, with array operations: a match is a whole
    run of terminators and the closing quotes after it (giving any back leaves no whitespace for the look-ahead;
    a try inside a run meets the same look-ahead as at its start), where the whitespace after it holds a line break,
    runs to the end, or is followed by a capital (``_CAPITAL``), maybe after an opening quote and whitespace.
    Compared with the regex on every sample corpus and random texts (``tests/test_segment_partition.py``)."""
    n = len(cp)
    term = cp == _TERMINATORS[0]  # five comparisons: far faster than np.isin over every code point
    for t in _TERMINATORS[1:]:
        term |= cp == t
    term = np.flatnonzero(term)
    if not len(term):
        return np.zeros((0, 2), dtype=np.int64)
    gap = term[1:] != term[:-1] + 1
    first, end = term[np.r_[True, gap]], term[np.r_[gap, True]] + 1  # runs of terminators, end exclusive
    while len(more := np.flatnonzero(end < n)) and len(more := more[np.isin(cp[end[more]], _CLOSING)]):
        end[more] += 1  # the closing quotes after the run
    stop = np.full(len(end), n, dtype=np.int64)
    nxt = _skip_forward(cp, end, stop)  # the first character after the whitespace
    breaks = np.flatnonzero(cp == 10)
    ok = (np.searchsorted(breaks, end) < np.searchsorted(breaks, nxt)) | (nxt == n)
    rest = np.flatnonzero(~ok & (nxt > end))
    ok[rest] = _CAPITAL[np.minimum(cp[nxt[rest]], 0x700)]
    quote = rest[np.isin(cp[nxt[rest]], _OPENING)]
    after = _skip_forward(cp, nxt[quote] + 1, stop[quote])
    ok[quote[after < n]] = _CAPITAL[np.minimum(cp[after[after < n]], 0x700)]
    return np.stack([first[ok], end[ok]], axis=1).astype(np.int64)


def _sentence_bounds(joined: str, cp: np.ndarray, offs: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Sorted cut positions of the texts joined with ``_SEP_SENTENCE`` (the rules of :func:`sentence_spans`).

    The separator, a line break and a NUL, changes no decision: a terminator followed by whitespace up to the end
    of its text is followed by whitespace and a line break, as a cut asks; the NUL stops the other look-ahead
    (whitespace, an opening quote, a capital) from reaching into the next text; the token before a dot stops at
    the line break as at the text's start; a newline run ends where the text's own run ends or at the NUL (a
    span outside every text, dropped).
    """
    found = _terminator_runs(joined, cp)
    ms, me = found[:, 0], found[:, 1]
    ellipsis = me - ms >= 3
    ellipsis[ellipsis] = (cp[ms[ellipsis] + 1] == 46) & (cp[ms[ellipsis] + 2] == 46)
    check = np.flatnonzero((cp[ms] == 46) & ~ellipsis)  # a run starting with one "." may close an abbreviation
    # _is_abbreviation's first test, vectorised: ASCII letters and digits all along the last characters
    dots = ms[check]
    before = np.maximum(dots[:, None] - np.arange(1, _LONGEST_ABBREVIATION + 1), 0)
    word = (dots >= _LONGEST_ABBREVIATION) & _IS_ASCII_ALNUM[np.minimum(cp[before], 128)].all(axis=1)
    check = check[~word]  # the others end a word longer than any abbreviation: a sentence end
    abbreviated = _abbreviated(joined, cp, ms[check])
    keep = np.ones(len(ms), dtype=bool)
    keep[check[abbreviated]] = False
    newline = cp == 10
    runs = np.flatnonzero(newline & ~np.r_[newline[1:], False]) + 1  # ends of newline runs
    cuts = np.sort(np.concatenate([me[keep], runs, offs, ends]))
    return cuts[np.r_[True, cuts[1:] != cuts[:-1]]]  # np.unique would hash first, slower here


def _sentence_chunk(texts: list[str], offs: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    joined, cp = joined_code_points(texts, _SEP_SENTENCE)
    cuts = _sentence_bounds(joined, cp, offs, ends)
    a, b = cuts[:-1], cuts[1:]
    a = _skip_forward(cp, a, b)
    b = _skip_back(cp, b, a)
    keep = a < b
    return a[keep], b[keep]


def _paragraph_chunk(texts: list[str], offs: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Paragraphs of the texts joined with ``_SEP_PARAGRAPH`` (NULs), which no paragraph break matches."""
    joined, cp = joined_code_points(texts, _SEP_PARAGRAPH)
    found = np.array([m.span() for m in _PARA.finditer(joined)], dtype=np.int64).reshape(-1, 2)
    starts = np.sort(np.concatenate([offs, found[:, 1]]))  # per text: its start, then each break's end
    stops = np.sort(np.concatenate([found[:, 0], ends]))  # each break's start, then the text's end
    keep = _skip_forward(cp, starts, stops) < stops  # not blank
    last = np.isin(stops, ends)  # the last paragraph of a text ends where the stripped text ends
    stops = np.where(last, _skip_back(cp, stops, starts), stops)
    return starts[keep], stops[keep]


def segment_spans(texts: pd.Series | Sequence[str], *,
                  unit: Literal["sentence", "paragraph"] = "sentence") -> pd.DataFrame:
    """The sentences (or paragraphs) of many texts at once, as :func:`sentence_spans` (:func:`paragraph_spans`).

    Parameters
    ----------
    texts : Series or sequence of str
        Display texts (a partition's ``text`` column); anything not a ``str`` counts as an empty text.
    unit : {"sentence", "paragraph"}
        What to cut.

    Returns
    -------
    DataFrame
        One row per span, in text order then span order: ``position`` (the text's position in ``texts``),
        ``sentence`` (or ``paragraph``: the span's index within its text), ``start``, ``end`` (offsets into the
        text), all int64; the spans of text ``k`` equal ``sentence_spans(texts[k])``.

    Examples
    --------
    >>> segment_spans(["One. Two.", "Three"]).to_dict("list")  # doctest: +NORMALIZE_WHITESPACE
    {'position': [0, 0, 1], 'sentence': [0, 1, 0], 'start': [0, 5, 0], 'end': [4, 9, 5]}
    """
    if unit not in ("sentence", "paragraph"):
        raise ValueError(f"segment_spans: unit={unit!r}; use 'sentence' or 'paragraph'.")
    texts = [t if isinstance(t, str) else "" for t in texts]
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    cut = _sentence_chunk if unit == "sentence" else _paragraph_chunk
    pos, starts, stops = [np.zeros(0, np.int64)], [np.zeros(0, np.int64)], [np.zeros(0, np.int64)]
    first = 0
    while first < len(texts):
        last = max(int(np.searchsorted(np.cumsum(lengths[first:] + 2), _CHUNK_CHARS, side="right")), 1) + first
        offs = np.r_[0, np.cumsum(lengths[first:last] + 2)[:-1]].astype(np.int64)
        a, b = cut(texts[first:last], offs, offs + lengths[first:last])
        t = np.searchsorted(offs, a, side="right") - 1
        inside = a < offs[t] + lengths[first:last][t]  # not in the separator after text t
        a, b, t = a[inside], b[inside], t[inside]
        pos.append(t + first)
        starts.append(a - offs[t])
        stops.append(b - offs[t])
        first = last
    position = np.concatenate(pos)
    index = np.arange(len(position)) - np.searchsorted(position, position, side="left")
    return pd.DataFrame({"position": position, unit: index, "start": np.concatenate(starts),
                         "end": np.concatenate(stops)})


def locate_spans(spans: pd.DataFrame, *, position: np.ndarray, offset: np.ndarray) -> np.ndarray:
    """:func:`locate` for many texts at once: the index of the span holding each (text position, offset).

    Parameters
    ----------
    spans : DataFrame
        From :func:`segment_spans`.
    position, offset : array of int
        Text position and character offset of each thing to place (e.g. the mentions of a partition).

    Returns
    -------
    ndarray of int64
        The ``sentence`` (or ``paragraph``) index of the last span of that text starting at or before the
        offset; -1 before the first span of the text (or for a text without spans).
    """
    unit = "sentence" if "sentence" in spans.columns else "paragraph"
    pos, start = spans["position"].to_numpy(np.int64), spans["start"].to_numpy(np.int64)
    position, offset = np.asarray(position, dtype=np.int64), np.asarray(offset, dtype=np.int64)
    width = int(max(start.max(initial=0), offset.max(initial=0))) + 1
    keys = pos * width + start
    at = np.searchsorted(keys, position * width + offset, side="right") - 1
    found = (at >= 0) & (pos[np.maximum(at, 0)] == position)
    return np.where(found, spans[unit].to_numpy(np.int64)[np.maximum(at, 0)], -1)
