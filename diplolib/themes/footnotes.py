"""Footnote marks glued to a word: a space in the themes' matching form (``"Secrétaire général4"``).

UN documents print a footnote's number right after the word it annotates, and the corpus text keeps it glued
("Prend note du rapport du Secrétaire général4", "le site Web de la Conférence3"). In the matching form the digits
are word characters, so "general4" is no whole word and a cue ending in "general" misses it, while the other
versions of the sentence (the English, the Arabic with the mark in brackets) are tagged. :func:`unglue_footnotes`
turns one or two digits that follow three letters and end the word into as many spaces: the form keeps its length,
so every offset map stays as it is. A number written apart ("résolution 2118"), a code of one or two letters ("G20",
"km2", "H1N1") and a run of three digits or more ("sib200", "juin2015") are left alone; a name ending in a digit
("Hayabusa2") loses it, which no cue reads. Digits found in numpy first, so text without any costs one comparison
pass (issue 16, round 16).
"""

from __future__ import annotations

import numpy as np

__all__ = ["unglue_footnotes"]


def _codes(form: str) -> np.ndarray:
    if form.isascii():
        return np.frombuffer(form.encode("ascii"), dtype=np.uint8)
    return np.frombuffer(form.encode("utf-32-le"), dtype=np.uint32)


def _letter(c: np.ndarray) -> np.ndarray:
    """Lower-case Latin letters (the matching form is folded), Latin letters with marks, and Arabic letters."""
    return ((c >= 97) & (c <= 122)) | ((c >= 0xC0) & (c <= 0x24F)) | ((c >= 0x621) & (c <= 0x64A))


def _word(c: np.ndarray) -> np.ndarray:
    return ((c >= 48) & (c <= 57)) | (c == 95) | _letter(c)


def _at(c: np.ndarray, i: np.ndarray) -> np.ndarray:
    """The code points at ``i`` (int64), 0 (no word character) past the end."""
    return np.where(i < len(c), c[np.minimum(i, len(c) - 1)], 0).astype(np.int64)


def unglue_footnotes(form: str) -> str:
    """``form`` with each footnote mark glued to a word (1-2 digits after 3 letters, ending the word) as spaces."""
    c = _codes(form)
    d = np.flatnonzero((c - c.dtype.type(48)) < 10)  # the digits (unsigned: below "0" wraps round)
    d = d[d >= 3]
    if not len(d):
        return form
    d = d[_letter(c[d - 1]) & _letter(c[d - 2]) & _letter(c[d - 3])]  # the first digit after three letters
    after1, after2 = _at(c, d + 1), _at(c, d + 2)
    one = ~_word(after1)  # one digit, then the word ends
    two = (after1 >= 48) & (after1 <= 57) & ~_word(after2)  # two digits, then the word ends
    starts, lengths = np.r_[d[one], d[two]], np.r_[np.ones(one.sum(), np.int64), np.full(two.sum(), 2)]
    if not len(starts):
        return form
    order = np.argsort(starts)
    pieces, at = [], 0
    for s, n in zip(starts[order].tolist(), lengths[order].tolist(), strict=True):
        pieces += [form[at:s], " " * n]
        at = s + n
    pieces.append(form[at:])
    return "".join(pieces)
