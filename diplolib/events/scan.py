"""One pass of the cue automaton over the matching form of a whole batch of articles.

The articles of one language are joined into one display string and one matching-form string (each article
followed by three spaces, so that no multi-word cue spans two articles). Every character that is not a letter
or digit is turned into a space, and each cue form sits in an Aho-Corasick automaton as ``" " + form + " "``:
a hit is then at word boundaries by construction, as in :class:`diplolib.actors.ActorMatcher`. The automaton
runs once over the whole batch; every later step (article, sentence, offsets back into the display text) is an
array operation (``searchsorted``, fancy indexing) on the hits.
"""

from __future__ import annotations

from dataclasses import dataclass

import ahocorasick
import numpy as np

from ..normalize.matching import aligned_matching_form
from ..segment import sentence_spans
from .lexicon import CueLexicon

__all__ = ["Batch", "batch", "scan_batch"]

_SEP = "   "
_BMP_WORD = np.array([chr(c).isalnum() for c in range(0x10000)], dtype=bool)
#: Arabic one-letter proclitics a cue may carry (and, so, with, for) and the future prefix س.
_AR_PREFIXES = ("", "و", "ف", "ب", "ل", "س", "وس", "فس")


_ASCII_WORD = bytes(c if chr(c).isalnum() else 32 for c in range(128)) + bytes([32] * 128)


def _spaced(m: str) -> str:
    """``m`` with every character that is not a letter or digit replaced by a space (same length)."""
    if m.isascii():
        return m.encode("ascii").translate(_ASCII_WORD).decode("ascii")
    codes = np.frombuffer(m.encode("utf-32-le"), dtype=np.uint32).copy()
    if codes.size == 0:
        return m
    bmp = codes < 0x10000
    word = np.zeros(len(codes), dtype=bool)
    word[bmp] = _BMP_WORD[codes[bmp]]
    if not bmp.all():
        word[~bmp] = [chr(c).isalnum() for c in codes[~bmp]]
    codes[~word] = 32
    return codes.tobytes().decode("utf-32-le")


@dataclass
class Batch:
    """The articles of one scan, joined: display text, matching form and the arrays that map between them.

    ``display`` and ``match`` are the joined strings; ``doc_base`` (display) and ``match_base`` (matching form)
    the offset where each article starts; ``to_display[k]`` the display offset of matching character ``k``
    (non-decreasing); ``sent_start``/``sent_end`` the global display spans of every sentence in order and
    ``sent_index`` its index within its article (as :func:`diplolib.segment.sentence_spans` numbers them);
    ``spaced`` the matching form with every character that is not a letter or digit made a space, framed by
    two spaces (what the automata scan).
    """

    display: str
    match: str
    doc_base: np.ndarray
    match_base: np.ndarray
    to_display: np.ndarray
    sent_start: np.ndarray
    sent_end: np.ndarray
    sent_index: np.ndarray
    spaced: str = ""


def batch(texts: list[str]) -> Batch:
    """Join ``texts`` (strings; anything else counts as empty) into a :class:`Batch`."""
    texts = [t if isinstance(t, str) else "" for t in texts]
    lengths = np.fromiter((len(t) + len(_SEP) for t in texts), dtype=np.int64, count=len(texts))
    doc_base = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64) if texts else np.zeros(0, np.int64)
    forms, maps, match_lengths = [], [], []
    pad = np.arange(len(_SEP), dtype=np.int64)
    for t, base in zip(texts, doc_base, strict=True):
        m, idx = aligned_matching_form(t)
        forms.append(m)
        maps.append(idx + base)
        maps.append(pad + base + len(t))  # the separator maps onto the display separator: sorted throughout
        match_lengths.append(len(m) + len(_SEP))
    match_base = (np.concatenate([[0], np.cumsum(match_lengths)[:-1]]).astype(np.int64) if texts
                  else np.zeros(0, np.int64))
    starts, ends, index = [], [], []
    for t, base in zip(texts, doc_base, strict=True):
        spans = sentence_spans(t) if t else []
        starts.extend(s + base for s, _ in spans)
        ends.extend(e + base for _, e in spans)
        index.extend(range(len(spans)))
    match = _SEP.join(forms) + (_SEP if texts else "")
    return Batch(
        display=_SEP.join(texts) + (_SEP if texts else ""),
        match=match,
        spaced=" " + _SEP.join(map(_spaced, forms)) + (_SEP if texts else "") + " ",
        doc_base=doc_base,
        match_base=match_base,
        to_display=np.concatenate(maps) if maps else np.zeros(0, np.int64),
        sent_start=np.asarray(starts, dtype=np.int64),
        sent_end=np.asarray(ends, dtype=np.int64),
        sent_index=np.asarray(index, dtype=np.int64),
    )


def _automaton(lexicon: CueLexicon, lang: str):
    """The automaton of one language: ``" " + prefix + key + " "`` -> ``(cue_row, size, prefix length, future)``."""
    forms = lexicon.forms[lexicon.forms["lang"] == lang]
    prefixes = _AR_PREFIXES if lang == "ar" else ("",)
    words: dict[str, tuple] = {}
    for key, row in zip(forms["key"], forms["cue_row"], strict=True):
        for p in prefixes:
            word = f" {p}{key} "
            # the first cue row listing a form wins; a prefixed reading never replaces a plain one
            if word not in words:
                words[word] = (int(row), len(word), len(p), "س" in p)
    if not words:
        return None
    auto = ahocorasick.Automaton()
    for word, value in words.items():
        auto.add_word(word, value)
    auto.make_automaton()
    return auto


def scan_batch(b: Batch, lexicon: CueLexicon, lang: str) -> dict[str, np.ndarray]:
    """Cue hits of language ``lang`` in batch ``b``, leftmost-longest, as arrays.

    Returns
    -------
    dict of numpy arrays
        ``m_start``, ``m_end`` (matching-form offsets of the cue, end exclusive), ``start``, ``end`` (global
        display offsets), ``cue_row`` (row of ``lexicon.cues``), ``future`` (an Arabic س prefix), ``doc``
        (article position in the batch) and ``sentence`` (index of the sentence in the batch's sentence
        arrays).
    """
    auto = lexicon.cached(("automaton", lang), lambda: _automaton(lexicon, lang))
    empty = {k: np.zeros(0, dtype=np.int64) for k in ("m_start", "m_end", "start", "end", "cue_row", "doc",
                                                       "sentence")}
    empty["future"] = np.zeros(0, dtype=bool)
    if auto is None or not b.match:
        return empty
    found = [(last, *value) for last, value in auto.iter(b.spaced)]
    if not found:
        return empty
    arr = np.array(found, dtype=np.int64)
    last, row, size, plen, future = arr.T
    # spaced[i + 1] == match[i]; the word is " " + prefix + key + " ", its last character a space
    m_start = last - size + 2 + plen - 1
    m_end = last - 1
    lead = m_start - plen  # where the word (with its prefix) starts: used for overlap
    order = np.lexsort((-(m_end - lead), lead))
    lead, m_start, m_end, row, future = lead[order], m_start[order], m_end[order], row[order], future[order]
    reach = np.maximum.accumulate(m_end)
    keep = np.ones(len(lead), dtype=bool)
    keep[1:] = lead[1:] >= reach[:-1]  # leftmost-longest: drop a hit starting inside an earlier one
    m_start, m_end, row, future = m_start[keep], m_end[keep], row[keep], future[keep].astype(bool)
    start = b.to_display[m_start]
    end = b.to_display[m_end - 1] + 1
    doc = np.searchsorted(b.doc_base, start, side="right") - 1
    sentence = np.searchsorted(b.sent_start, start, side="right") - 1
    return {"m_start": m_start, "m_end": m_end, "start": start, "end": end, "cue_row": row, "future": future,
            "doc": doc, "sentence": sentence}
