"""The keys of the actor automaton: an alias or role phrase in matching form, spaced as words.

:func:`key_form` is the matching form of an alias with hyphens as spaces and whitespace collapsed;
:func:`spaced_form` turns every character that is not a letter or digit into a space (same length), so that the
automaton's words ``" key "`` only match at word boundaries. Shared by :mod:`diplolib.actors.matcher` (one article) and
:mod:`diplolib.actors.partition` (a whole partition).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from ..normalize.matching import matching_form

__all__ = ["key_form", "spaced_form", "spaced_codes", "Entry", "NONWORD", "PROCLITICS", "BMP_WORD", "HYPHENS"]

HYPHENS = str.maketrans({"-": " ", "\u2010": " ", "\u2011": " ", "\u2012": " ", "\u2013": " "})
PROCLITICS = "وبلفك"
NONWORD = re.compile(r"[\W_]")
_ASCII_WORD = bytes(c if chr(c).isalnum() else 32 for c in range(128)) + bytes([32] * 128)
BMP_WORD = np.array([chr(c).isalnum() for c in range(0x10000)], dtype=bool)


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


def key_form(alias: str) -> str:
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

