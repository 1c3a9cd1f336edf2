"""The keys of the actor automaton: an alias or role phrase in matching form, spaced as words.

:func:`key_form` is the matching form of an alias with hyphens as spaces and whitespace collapsed;
:func:`spaced_form` turns every character that is not a letter or digit into a space (same length), so that the
automaton's words ``" key "`` only match at word boundaries. Shared by :mod:`diplolib.actors.matcher` (one article) and
:mod:`diplolib.actors.partition` (a whole partition).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..normalize.matching import matching_form

__all__ = ["key_form", "spaced_form", "spaced_codes", "unglue_footnotes", "blank_footnote_codes", "Entry", "NONWORD",
           "PROCLITICS", "BMP_WORD",
           "HYPHENS"]

HYPHENS = str.maketrans({"-": " ", "\u2010": " ", "\u2011": " ", "\u2012": " ", "\u2013": " "})
PROCLITICS = "وبلفك"
NONWORD = re.compile(r"[\W_]")
_ASCII_WORD = bytes(c if chr(c).isalnum() else 32 for c in range(128)) + bytes([32] * 128)
BMP_WORD = np.array([chr(c).isalnum() for c in range(0x10000)], dtype=bool)


# A footnote mark that lost its superscript in a PDF-to-text conversion is glued to the word it follows: "the Security
# Council1", "le Secrétaire général4;", "UN-Habitat1". 1 to 3 digits ending a word whose last 4 characters are letters
# are not part of that word. Guard: codes and symbols whose digits belong to them keep them ("G20", "P5", "CO2",
# "km2" have fewer than 4 letters before the digits; "post2015", "UNSCR1540" have 4 digits; "H5N1", "A/70/123"
# do not end in digits after 4 letters); no registry key has 4 letters glued to digits (tests/test_actors.py).
# (the pattern starts with the digit so that the scan only tries at digits: ~50 MB/s of matching form)
_FOOTNOTE = re.compile(r"\d(?<=[^\W\d_]{4}\d)\d{0,2}\b")


def _blank(match: re.Match) -> str:
    return " " * (match.end() - match.start())


def unglue_footnotes(m: str) -> str:
    """``m`` (a matching form) with footnote digits glued to the end of a word blanked (same length)."""
    return _FOOTNOTE.sub(_blank, m)


def blank_footnote_codes(codes: np.ndarray) -> None:
    """:func:`unglue_footnotes` on spaced code points (every non-word already a space, line breaks kept), in place
    and vectorised over the runs of digits: a run of 1 to 3 digits (ASCII, Arabic-Indic, Eastern Arabic) right
    after 4 letters and before a space, a line break or the end is blanked. Only the digits are looked at one by
    one (two passes over the codes, in their own dtype), not every character."""
    kind = codes.dtype.type
    digit = (codes - kind(48)) < kind(10)  # unsigned: what lies below "0" wraps round above 9
    if codes.dtype != np.uint8:  # Arabic-Indic and Eastern Arabic digits
        digit |= ((codes - kind(0x660)) < kind(10)) | ((codes - kind(0x6F0)) < kind(10))
    at = np.flatnonzero(digit)
    if not len(at):
        return
    gap = at[1:] != at[:-1] + 1
    first, stop = at[np.r_[True, gap]], at[np.r_[gap, True]] + 1  # runs of digits, end exclusive
    n = len(codes)
    ok = (first >= 4) & (stop - first <= 3)
    ok[ok] = (stop[ok] == n) | (codes[np.minimum(stop[ok], n - 1)] <= 32)  # nothing but a space or a break after
    first, stop = first[ok], stop[ok]
    before = codes[first[:, None] - np.arange(1, 5)]  # the 4 characters before: letters (not a space, break, digit)
    letters = (before > 32) & ~digit[first[:, None] - np.arange(1, 5)]
    first, stop = first[letters.all(axis=1)], stop[letters.all(axis=1)]
    if len(first):
        lengths = stop - first
        codes[np.repeat(first - np.cumsum(lengths) + lengths, lengths) + np.arange(lengths.sum())] = 32


def spaced_form(m: str) -> str:
    """``m`` with every character that is not a letter or digit replaced by a space (same length), fast."""
    if m.isascii():
        return m.encode("ascii").translate(_ASCII_WORD).decode("ascii")
    return spaced_codes(m).tobytes().decode("utf-32-le")


def spaced_codes(m: str) -> np.ndarray:
    """The code points of ``m`` (a writable uint32 array) with every non-letter, non-digit set to a space."""
    codes = np.frombuffer(m.encode("utf-32-le"), dtype=np.uint32).copy()
    bmp = codes < 0x10000
    word = np.zeros(len(codes), dtype=bool)
    word[bmp] = BMP_WORD[codes[bmp]]
    word[~bmp] = [chr(c).isalnum() for c in codes[~bmp]]
    codes[~word] = 32
    return codes


#: Strings up to this length (aliases, surfaces, "word surname" pairs) have their key form memoised: the tagger's
#: per-hit rules ask for the same few hundred again and again (FA-KES × 10: 9,030 calls, 330 distinct strings);
#: whole texts, which the surname rule also turns into key form, are not kept.
KEY_MEMO_CHARS = 64


def key_form(alias: str) -> str:
    """The key of ``alias``: its matching form with hyphens as spaces and whitespace collapsed (a pure function,
    memoised for strings of at most :data:`KEY_MEMO_CHARS` characters)."""
    if isinstance(alias, str) and len(alias) <= KEY_MEMO_CHARS:
        return _short_key_form(alias)
    return _key_form(alias)


@lru_cache(maxsize=1 << 16)
def _short_key_form(alias: str) -> str:
    return _key_form(alias)


def _key_form(alias: str) -> str:
    # a hyphen between spaces ("غينيا - بيساو") stays three characters wide, as in the spaced text
    parts = re.split(r"\s+-\s+", matching_form(alias))
    return "   ".join(re.sub(r"\s+", " ", p.translate(HYPHENS)).strip() for p in parts).strip()


@dataclass(frozen=True)
class Entry:
    target: str            # actor_id, or "" for a role phrase
    kind: str              # alias kind, or "role_phrase"
    surface: str           # the alias as written in the registry (for case-sensitive checks)
    case_sensitive: bool
    role: str = ""
    of: str = ""

