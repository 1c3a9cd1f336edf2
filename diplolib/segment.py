"""Sentences and paragraphs of an article's display text, as character spans.

Every annotation (mentions, theme hits) carries a ``sentence`` and a ``paragraph``
index computed here, so that co-mention windows and evidence sentences agree
across modules. Paragraphs are separated by blank lines (``"\\n\\n"``), as the
loaders write them. Sentences end at ``. ! ? ؟ …`` (optionally followed by a
closing quote or bracket) when what follows is a line break, or spaces and then an
upper-case letter, a digit, an opening quote or an Arabic letter; and at every line
break. A full stop after a known abbreviation ("M.", "Mr.", "N°.", "Gen.") or a
single capital letter (initials, "U.S.") does not end a sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

__all__ = ["paragraph_spans", "sentence_spans", "split_sentences", "sentences", "locate", "ABBREVIATIONS"]

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
