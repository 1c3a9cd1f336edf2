"""One pass of the cue automaton over the matching form of a whole batch of articles.

The articles of one language are joined into one display string and one matching-form string (each article
followed by three spaces, so that no multi-word cue spans two articles). Every character that is not a letter
or digit is turned into a space, and each cue form sits in an Aho-Corasick automaton as ``" " + form + " "``:
a hit is then at word boundaries by construction, as in :class:`diplolib.actors.ActorMatcher`. The automaton
runs once over the whole batch; every later step (article, sentence, offsets back into the display text) is an
array operation (``searchsorted``, fancy indexing) on the hits.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import cached_property
from itertools import chain

import ahocorasick
import numpy as np

from ..actors import partition, word_scan
from ..normalize.matching import aligned_matching_form, matching_form
from ..segment import segment_spans
from .chars import codes_of
from .lexicon import CueLexicon
from .markers import CLAUSE_WORDS, SCANNED, marker_spans, marker_words
from .words import space_positions, spaced_codes

__all__ = ["Batch", "batch", "scan", "scan_batch"]

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

    :func:`batch` gives the map as its runs (``run_starts``, ``run_values``: where it stops climbing by one, a few
    per non-ASCII article) and ``to_display=None``: the array (one int64 per character, 120 MB for FA-KES x 10) is
    then built from them at its first read; :meth:`display_at` and :meth:`match_offsets` read the runs.
    """

    display: str
    match: str
    doc_base: np.ndarray
    match_base: np.ndarray
    to_display: np.ndarray | None
    sent_start: np.ndarray
    sent_end: np.ndarray
    sent_index: np.ndarray
    spaced: str = ""
    run_starts: np.ndarray | None = None
    run_values: np.ndarray | None = None

    def __post_init__(self) -> None:
        if self.to_display is None:  # built by __getattr__ at the first read
            del self.to_display

    def __getattr__(self, name: str):
        if name != "to_display" or "run_values" not in self.__dict__:
            raise AttributeError(name)
        first, value, length = self._runs
        td = np.repeat(value - first, length) + np.arange(len(self.match), dtype=np.int64)
        self.__dict__["to_display"] = td
        return td

    def display_at(self, k) -> np.ndarray:
        """``self.to_display[k]`` (``k`` an offset or an array of offsets into the matching form), read on the runs
        of the map when the array was not built."""
        td = self.__dict__.get("to_display")
        if td is not None:
            return td[k]
        n = len(self.match)
        k = np.asarray(k, dtype=np.int64)
        if k.size and (int(k.max()) >= n or int(k.min()) < -n):
            raise IndexError(f"matching-form offset out of range for {n} characters")
        k = np.where(k < 0, k + n, k)
        first, value, _ = self._runs
        j = np.searchsorted(first, k, side="right") - 1
        return value[j] + (k - first[j])

    @cached_property
    def codes(self) -> np.ndarray:
        """The code points of ``display`` (:func:`~diplolib.events.chars.codes_of`), computed at the first use."""
        return codes_of(self.display)

    @cached_property
    def _runs(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``to_display`` as runs where it climbs by one (``to_display[k] = k + d``): each run's first index, first
        value and length. An ASCII article is one run; a character folded away or expanded starts another."""
        if self.run_starts is not None and self.run_values is not None:  # given by batch()
            return self.run_starts, self.run_values, np.diff(np.append(self.run_starts, len(self.match)))
        td = self.to_display
        if self.run_starts is not None:  # given, which knows where they can be
            first = self.run_starts
        else:
            first = np.concatenate([[0], np.flatnonzero(td[1:] - td[:-1] != 1) + 1]).astype(np.int64)
        return first, td[first], np.diff(np.append(first, len(td)))

    def match_offsets(self, display: np.ndarray) -> np.ndarray:
        """``np.searchsorted(self.to_display, display)``: the matching-form offset of each display offset (the
        number of entries of ``to_display`` below it), computed from the runs of the map (a few per non-ASCII
        article) instead of a search of the whole map (15 million entries for FA-KES x 10: a cache miss at every
        probe)."""
        x = np.asarray(display, dtype=np.int64)
        if len(self.match) == 0:
            return np.searchsorted(self.to_display, x)
        if len(x) == 0:
            return np.zeros(0, dtype=np.intp)
        first, value, length = self._runs
        j = np.searchsorted(value, x, side="left") - 1  # the last run starting below x: all before it count
        jj = np.maximum(j, 0)
        return np.where(j >= 0, first[jj] + np.clip(x - value[jj], 0, length[jj]), 0)

    @cached_property
    def spaces(self) -> np.ndarray:
        """Sorted offsets of the spaces of ``spaced``, computed at the first use."""
        return space_positions(self.spaced)


def _runs(ascii_: np.ndarray) -> list[tuple[int, int]]:
    """``(first, stop)`` of each run of consecutive articles that are all ASCII or all not."""
    cut = np.flatnonzero(ascii_[1:] != ascii_[:-1]) + 1
    edges = np.concatenate([[0], cut, [len(ascii_)]]).tolist()
    return list(zip(edges[:-1], edges[1:], strict=True))


def batch(texts: list[str]) -> Batch:
    """Join ``texts`` (strings; anything else counts as empty) into a :class:`Batch`.

    The matching form, its offset map and its spacing are computed per run of consecutive ASCII (or non-ASCII)
    articles joined, not per article: :func:`~diplolib.normalize.matching.aligned_matching_form` of articles
    joined by the separator equals their forms joined, since the separator is three spaces, which fold to
    themselves and end every word, elision and accent sequence; an ASCII run takes its fast path (lower case,
    the identity map). The sentences of every article come from one :func:`~diplolib.segment.segment_spans`
    call (equal to :func:`~diplolib.segment.sentence_spans` per article). ``tests/test_events_batch.py`` compares
    it with the article-by-article construction.
    """
    texts = [t if isinstance(t, str) else "" for t in texts]
    if not texts:
        empty = np.zeros(0, np.int64)
        return Batch(display="", match="", spaced="  ", doc_base=empty, match_base=empty, to_display=empty,
                     sent_start=empty, sent_end=empty, sent_index=empty)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) + len(_SEP)
    doc_base = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
    ascii_ = np.fromiter((t.isascii() for t in texts), dtype=bool, count=len(texts))
    chunks, forms, maps = [], [], []
    for first, stop in _runs(ascii_):
        chunks.append(_SEP.join(texts[first:stop]) + _SEP)
        if ascii_[first]:  # one character for one: the map is the identity, written below
            forms.append(matching_form(chunks[-1]))
            maps.append(None)
        else:
            m, idx = aligned_matching_form(chunks[-1])
            forms.append(m)
            maps.append(idx)
    run_starts, run_values = _map_runs(np.cumsum([0, *map(len, chunks[:-1])]).tolist(), forms, maps)
    spans = segment_spans(texts)
    position = spans["position"].to_numpy(np.int64)
    out = Batch(
        display="".join(chunks),
        match="".join(forms),
        spaced="".join([" ", *map(_spaced, forms), " "]),
        doc_base=doc_base,
        match_base=doc_base,  # replaced below, read on the runs
        to_display=None,
        sent_start=spans["start"].to_numpy(np.int64) + doc_base[position],
        sent_end=spans["end"].to_numpy(np.int64) + doc_base[position],
        sent_index=spans["sentence"].to_numpy(np.int64),
        run_starts=run_starts,
        run_values=run_values,
    )
    out.match_base = out.match_offsets(doc_base).astype(np.int64)  # np.searchsorted(to_display, doc_base)
    return out


def _map_runs(firsts: list[int], forms: list[str], maps: list) -> tuple[np.ndarray, np.ndarray]:
    """The runs of the map from the joined matching forms to the joined display text (``Batch._runs``): the
    matching offset where each starts and its display offset. ``firsts``: the display offset of each chunk;
    ``maps``: the display offset (in the chunk) of each matching character of a non-ASCII chunk, ``None`` for an
    ASCII chunk (the identity). A run starts at offset 0, where a chunk's map steps by other than one, and at a
    chunk whose first character does not follow the last one of the chunk before."""
    starts, values = [np.zeros(0, np.int64)], [np.zeros(0, np.int64)]
    at, last = 0, 0  # the matching offset of the chunk; the display offset of the previous character
    for first, form, idx in zip(firsts, forms, maps, strict=True):
        if not form:
            continue
        head = first + (int(idx[0]) if idx is not None else 0)
        if at == 0 or head - last != 1:
            starts.append(np.array([at], np.int64))
            values.append(np.array([head], np.int64))
        if idx is not None:
            step = np.flatnonzero(idx[1:] - idx[:-1] != 1) + 1
            starts.append(step.astype(np.int64) + at)
            values.append(idx[step].astype(np.int64) + first)
        last = first + (int(idx[-1]) if idx is not None else len(form) - 1)
        at += len(form)
    return np.concatenate(starts), np.concatenate(values)


def _cue_words(lexicon: CueLexicon, lang: str) -> dict[str, tuple[int, int, int, bool]]:
    """The cue words of one language: ``" " + prefix + key + " "`` -> ``(cue_row, size, prefix length, future)``."""
    forms = lexicon.forms[lexicon.forms["lang"] == lang]
    prefixes = _AR_PREFIXES if lang == "ar" else ("",)
    words: dict[str, tuple] = {}
    for key, row in zip(forms["key"], forms["cue_row"], strict=True):
        for p in prefixes:
            word = f" {p}{key} "
            # the first cue row listing a form wins; a prefixed reading never replaces a plain one
            if word not in words:
                words[word] = (int(row), len(word), len(p), "س" in p)
    return words


def _automaton(lexicon: CueLexicon, lang: str, clause_words: tuple = ()):
    """One automaton for the cue words and the marker words of a language, and the table its values index:
    ``word -> k``; row ``k`` of the table holds ``cue_row`` (-1 for a marker word only), ``size`` (the word's
    length with its two spaces), ``plen`` (its Arabic prefix), ``future`` (the prefix is the future س) and
    ``bits`` (bit ``i``: a marker of class ``SCANNED[i]``). ``None`` when the language has no cue.
    ``clause_words``: ``(class, words)`` pairs of the classes of ``CLAUSE_WORDS``, found as written."""
    cues = _cue_words(lexicon, lang)
    if not cues:
        return None
    markers = dict(marker_words(lang))
    for cls, extra in clause_words:
        for word in extra:
            markers[f" {word} "] = (*markers.get(f" {word} ", ()), cls)
    words = list(dict.fromkeys([*cues, *markers]))
    table = {"cue_row": np.full(len(words), -1, dtype=np.int64), "size": np.zeros(len(words), dtype=np.int64),
             "plen": np.zeros(len(words), dtype=np.int64), "future": np.zeros(len(words), dtype=bool),
             "bits": np.zeros(len(words), dtype=np.int64)}
    auto = ahocorasick.Automaton()
    for k, word in enumerate(words):
        auto.add_word(word, k)
        table["size"][k] = len(word)
        if word in cues:
            table["cue_row"][k], _, table["plen"][k], table["future"][k] = cues[word]
        table["bits"][k] = sum(1 << SCANNED.index(c) for c in markers.get(word, ()))
    auto.make_automaton()
    table["words"] = words
    return auto, table


def _found(built, lexicon: CueLexicon, key: tuple, spaced: str) -> tuple[np.ndarray, np.ndarray]:
    """The automaton's matches in ``spaced``: index of each match's last character and word number, in
    ``Automaton.iter``'s order. The actors' compiled word scan (:mod:`diplolib.actors.word_scan`, the same arrays
    without a Python tuple per match) when the tagger would use it (numba loaded, or a text long enough to pay for
    its import: ``partition.COMPILED_MIN_CHARS``), else pyahocorasick."""
    auto, table = built
    if partition.COMPILED and (len(spaced) >= partition.COMPILED_MIN_CHARS or "numba" in sys.modules) \
            and word_scan.compiled_available():
        t = lexicon.cached(("word_tables", *key), lambda: word_scan.build_tables(table["words"]))
        if t is not None:
            last, wid = word_scan.raw_matches(t, spaced_codes(spaced))
            return last.astype(np.int64, copy=False), wid.astype(np.int64, copy=False)
    found = np.fromiter(chain.from_iterable(auto.iter(spaced)), dtype=np.int64)
    return found[0::2], found[1::2]


def _empty_hits() -> dict[str, np.ndarray]:
    empty = {k: np.zeros(0, dtype=np.int64) for k in ("m_start", "m_end", "start", "end", "cue_row", "doc",
                                                       "sentence")}
    empty["future"] = np.zeros(0, dtype=bool)
    return empty


def scan(b: Batch, lexicon: CueLexicon, lang: str, clause_words: dict[str, tuple[str, ...]] | None = None
         ) -> tuple[dict[str, np.ndarray], dict[str, tuple[np.ndarray, np.ndarray]]]:
    """Cue hits and markers of language ``lang`` in batch ``b``, from one automaton pass over ``b.spaced``;
    with ``clause_words`` (class of :data:`~diplolib.events.markers.CLAUSE_WORDS` -> words of ``lang``), those
    words too, as the markers of their class (the marks have no such class without it).

    Returns
    -------
    (dict of numpy arrays, dict)
        The hits, leftmost-longest: ``m_start``, ``m_end`` (matching-form offsets of the cue, end exclusive),
        ``start``, ``end`` (global display offsets), ``cue_row`` (row of ``lexicon.cues``), ``future`` (an Arabic
        س prefix), ``doc`` (article position in the batch) and ``sentence`` (index of the sentence in the batch's
        sentence arrays); and the markers, as :func:`~diplolib.events.markers.find_markers` gives them (empty
        arrays when the language has no cue).
    """
    extra = tuple((cls, tuple(clause_words[cls])) for cls in CLAUSE_WORDS) if clause_words is not None else ()
    built = lexicon.cached(("automaton", lang, extra), lambda: _automaton(lexicon, lang, extra))
    if built is None or not b.match:
        marks = marker_spans(*(np.zeros(0, dtype=np.int64),) * 3)
        return _empty_hits(), {c: v for c, v in marks.items() if extra or c not in CLAUSE_WORDS}
    table = built[1]
    ends, k = _found(built, lexicon, (lang, extra), b.spaced)
    marks = marker_spans(ends, table["size"][k], table["bits"][k])
    marks = {c: v for c, v in marks.items() if extra or c not in CLAUSE_WORDS}
    cue = table["cue_row"][k] >= 0
    last, k = ends[cue], k[cue]
    if len(last) == 0:
        return _empty_hits(), marks
    row, size, plen, future = table["cue_row"][k], table["size"][k], table["plen"][k], table["future"][k]
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
    start = b.display_at(m_start)
    end = b.display_at(m_end - 1) + 1
    doc = np.searchsorted(b.doc_base, start, side="right") - 1
    sentence = np.searchsorted(b.sent_start, start, side="right") - 1
    return ({"m_start": m_start, "m_end": m_end, "start": start, "end": end, "cue_row": row, "future": future,
             "doc": doc, "sentence": sentence}, marks)


def scan_batch(b: Batch, lexicon: CueLexicon, lang: str) -> dict[str, np.ndarray]:
    """The cue hits of :func:`scan` alone."""
    return scan(b, lexicon, lang)[0]
