"""Many texts of one language as one string: their matching forms joined with NULs, for the batch theme tagger.

:class:`JoinedTexts` holds the joined matching form (``match``), the joined display texts (``raw``), the offset maps
of the non-ASCII texts, and gives the spaced form the automaton of :mod:`diplolib.themes.scan` reads for all of
them at once (see :mod:`diplolib.themes.batch`).
"""

from __future__ import annotations

import functools

import numpy as np

from ..normalize.matching import aligned_matching_form, matching_form
from .footnotes import unglue_footnotes

__all__ = ["JoinedTexts", "char_test", "code_points", "object_array"]

_E = np.zeros(0, dtype=np.int64)
_TESTS = {"word": lambda c: c.isalnum() or c == "_", "space": str.isspace}
_ASCII_SPACED = bytes(c if c < 128 and (chr(c).isalnum() or c in (0, 95)) else 32 for c in range(256))  # NUL kept


@functools.lru_cache(maxsize=2)
def _bmp_table(name: str) -> np.ndarray:
    """``\\w`` of str patterns (``isalnum()`` or "_") or ``isspace()`` for every BMP code point (built once)."""
    test = _TESTS[name]
    return np.array([test(chr(c)) for c in range(0x10000)], dtype=bool)


def code_points(s: str) -> np.ndarray:
    """The code points of ``s`` (uint32)."""
    return np.frombuffer(s.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def object_array(values: list) -> np.ndarray:
    """``values`` as a 1-d array of dtype object (each value kept as it is, even a tuple or a list)."""
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def char_test(name: str, codes: np.ndarray) -> np.ndarray:
    """The test ``name`` of :data:`_TESTS` at each code point."""
    test = _TESTS[name]
    if codes.dtype == np.uint8:  # ASCII
        return _bmp_table(name)[:256][codes]
    codes = codes.astype(np.uint32, copy=False)
    out = _bmp_table(name)[np.minimum(codes, 0xFFFF)]
    wide = np.flatnonzero(codes > 0xFFFF)
    if len(wide):
        out[wide] = [test(chr(c)) for c in codes[wide].tolist()]
    return out


class JoinedTexts:
    """Texts of one chunk: the matching forms joined with NULs (``match``, texts starting at ``at``), the display
    texts joined the same way (``raw`` at ``raw_at``), the offset maps of non-ASCII texts (``maps``, each with a
    last entry, the text's length, at ``map_at``; -1 for ASCII texts) and the spaced form the automaton reads."""

    def __init__(self, texts: list[str]):
        self.texts = texts
        self.raw = "\x00".join(texts)
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        self.raw_at = np.r_[0, np.cumsum(lengths + 1)[:-1]].astype(np.int64)
        ascii_ = np.fromiter((t.isascii() for t in texts), dtype=bool, count=len(texts))
        if ascii_.all():  # the ASCII matching form is one character for one (elisions: a space for the apostrophe)
            self.match = unglue_footnotes(matching_form(self.raw))
            self.at, self.maps, self.map_at = self.raw_at, _E, np.full(len(texts), -1, dtype=np.int64)
            self.forms = None
        else:
            self.forms, maps, self.map_at, where = [], [], np.full(len(texts), -1, dtype=np.int64), 0
            for i, t in enumerate(texts):
                m, idx = aligned_matching_form(t)
                self.forms.append(m)
                maps.append(np.append(idx.astype(np.int64, copy=False), len(t)))
                self.map_at[i] = where
                where += len(idx) + 1
            self.maps = np.concatenate(maps) if maps else _E
            self.match = "\x00".join(self.forms)
            unglued = unglue_footnotes(self.match)  # the same object when no footnote mark is glued
            if unglued is not self.match:
                self.match, self.forms = unglued, unglued.split("\x00")
            flen = np.fromiter(map(len, self.forms), dtype=np.int64, count=len(texts))
            self.at = np.r_[0, np.cumsum(flen + 1)[:-1]].astype(np.int64)
        self.end = np.r_[self.at[1:] - 1, len(self.match)].astype(np.int64)
        self._form_cache: dict[int, str] = {}

    def form(self, k: int) -> str:
        """The matching form of text ``k``."""
        if self.forms is not None:
            return self.forms[k]
        if k not in self._form_cache:
            self._form_cache[k] = self.match[self.at[k]:self.end[k]]
        return self._form_cache[k]

    def spaced_array(self) -> np.ndarray:
        """The code points of ``form`` with every non-word character but NUL a space (``spaced_codes``: uint8 when
        the texts are ASCII, else uint32), the texts still joined by NULs."""
        if not hasattr(self, "spaced_codes"):
            if self.match.isascii():
                raw = self.match.encode("ascii").translate(_ASCII_SPACED)
                self.spaced_codes = np.frombuffer(raw, dtype=np.uint8)
            else:
                codes = self._match_codes().copy()  # not ASCII: uint32
                codes[~self._words() & (codes != 0)] = 32
                self.spaced_codes = codes
        return self.spaced_codes

    def spaced(self) -> tuple[str, np.ndarray]:
        """``" " + form + " "`` of every text, joined with line breaks, every non-word character a space (what
        the scan's automaton reads for one text), and where each text's block starts."""
        n = len(self.at)
        s_at = self.at + 2 * np.arange(n)
        codes = self.spaced_array()
        if codes.dtype == np.uint8:
            spaced = codes.tobytes().decode("ascii")
        else:
            spaced = codes.tobytes().decode("utf-32-le", "surrogatepass")
        if spaced.count("\x00") == n - 1:  # the NULs are the separators: one string operation
            return " " + spaced.replace("\x00", " \n ") + " ", s_at
        spaced = spaced.replace("\x00", " ")  # a text holds a NUL (a non-word character: a space)
        codes = np.frombuffer(spaced.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        big = np.full(len(codes) + 2 * n, 32, dtype=np.uint32)
        owner = np.repeat(np.arange(n), self.end - self.at + 1)[:len(codes)]  # each text and the NUL after it
        big[np.arange(len(codes)) + 2 * owner + 1] = codes
        big[s_at[1:] - 1] = 10
        return big.tobytes().decode("utf-32-le", "surrogatepass"), s_at

    def starts_with(self, p: np.ndarray, phrases: np.ndarray, lengths: np.ndarray,
                    rows: np.ndarray | None = None) -> np.ndarray:
        """Whether the spaced form, its runs of spaces made one, reads the phrase of each row from each position
        ``p`` (word characters of ``match``): ``phrases[i, :lengths[i]]`` (code points) from ``p[i]``; with
        ``rows``, ``phrases[rows[i], :lengths[i]]`` (the table is not copied row by row: only the code points
        compared are read, a column at a time over the rows still reading their phrase)."""
        collapsed, at = self.collapsed_at(p)
        ok = at + lengths <= len(collapsed)
        on = np.flatnonzero(ok & (lengths > 0))
        for m in range(phrases.shape[1] if len(p) else 0):  # one column at a time, over the rows still reading
            on = on[lengths[on] > m]
            same = collapsed[at[on] + m] == phrases[on if rows is None else rows[on], m]
            ok[on[~same]] = False
            on = on[same]
            if not len(on):
                break
        return ok

    def collapsed_at(self, p: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The code points of the spaced form with its runs of spaces made one (computed once), and where each
        position ``p`` of ``match`` falls in it."""
        if not hasattr(self, "_collapsed"):
            space = self.spaced_array() == 32
            extra = np.flatnonzero(space[1:] & space[:-1]) + 1  # the 2nd, 3rd... space of each run
            keep = np.ones(len(space), dtype=bool)
            keep[extra] = False
            self._collapsed = (self.spaced_codes[keep], extra)
        collapsed, extra = self._collapsed
        return collapsed, p - np.searchsorted(extra, p)

    def word_before(self, p: np.ndarray) -> np.ndarray:
        """Whether the character before each position of ``match`` is a word character."""
        return self._words()[np.maximum(p - 1, 0)] & (p > 0)

    def word_end(self, p: np.ndarray) -> np.ndarray:
        """Where the run of word characters of ``match`` starting at each position ``p`` ends (``p`` itself when
        ``match[p]`` is no word character)."""
        if not hasattr(self, "_nonword"):
            self._nonword = np.r_[np.flatnonzero(~self._words()), len(self.match)]
        return self._nonword[np.searchsorted(self._nonword, p)]

    def next_word(self, p: np.ndarray) -> np.ndarray:
        """The first position at or after each ``p`` whose character is a word character (``len(match)``: none)."""
        if not hasattr(self, "_word_starts"):
            word = self._words()
            self._word_starts = np.r_[np.flatnonzero(word & np.r_[True, ~word[:-1]]), len(self.match)]
        return self._word_starts[np.searchsorted(self._word_starts, p)]

    def word_mask(self) -> np.ndarray:
        """Whether each character of ``match`` is a word character (``\\w``), computed once."""
        return self._words()

    def _words(self) -> np.ndarray:
        """Whether each character of ``match`` is a word character (``\\w``), computed once."""
        if not hasattr(self, "_word_mask"):
            self._word_mask = char_test("word", self._match_codes())
        return self._word_mask

    def match_codes(self) -> np.ndarray:
        """The code points of ``match`` (one byte each when it is ASCII), computed once."""
        return self._match_codes()

    def _match_codes(self) -> np.ndarray:
        """The code points of ``match`` (one byte each when it is ASCII)."""
        if not hasattr(self, "_mc"):
            self._mc = (np.frombuffer(self.match.encode("ascii"), dtype=np.uint8) if self.match.isascii()
                        else code_points(self.match))
        return self._mc
