"""The matching form of a text: what dictionaries and taggers compare against.

Beside the display text of an article (``text``) diplolib keeps a matching form
(``text_match``): case-folded, accents and Arabic diacritics removed, Arabic
letter variants unified, Eastern digits made ASCII, French elisions split
(``"l’EI"`` → ``"l ei"``). A tagger searches the matching form and reports
offsets in the display text through :func:`aligned_matching_form`, whose
offset map sends every character of the matching form back to the character of
the original it came from.

Examples
--------
>>> matching_form("L’État islamique à Alep")
'l etat islamique a alep'
>>> m, idx = aligned_matching_form("Straße « أحمد »")
>>> m
'strasse « احمد »'
>>> i = m.index("احمد"); j = i + len("احمد")
>>> "Straße « أحمد »"[idx[i]: idx[j - 1] + 1]
'أحمد'
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import tempfile
import unicodedata
import zipfile
from functools import lru_cache
from pathlib import Path

import numpy as np

from .. import paths
from ._charmap import CharMap

__all__ = ["matching_form", "joined_matching_form", "aligned_matching_form", "ELISIONS", "fold_tables",
           "fold_tables_file"]

ELISIONS = ("l", "d", "qu", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu")

_ARABIC_TABLE = {
    "\u0640": None,  # tatweel
    "\u0671": "\u0627",  # alef wasla → alef (أ إ آ ؤ ئ lose their hamza/madda mark through NFD)
    "\u0672": "\u0627", "\u0673": "\u0627", "\u0675": "\u0627",
    "\u0649": "\u064a",  # alef maqsura → yeh
    "\u06cc": "\u064a",  # Farsi yeh → yeh
    "\u0629": "\u0647",  # teh marbuta → heh
    "\u06c0": "\u0647",
}
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
_APOSTROPHES = {c: "'" for c in "\u2019\u2018\u201b\u02bc\u02bb`\u00b4\u2032"}
_ELISION_END = re.compile(r"(?<!\w)(?:" + "|".join(sorted(ELISIONS, key=len, reverse=True)) + r")\Z")


@lru_cache(maxsize=1)
def _fold_map() -> CharMap:
    """Delete every combining mark (category Mn/Me or a non-zero combining class) and tatweel; unify
    Arabic letters, Eastern digits and apostrophes. Marks live in planes 0, 1 and 14 only."""
    return _char_map(_fold_tables()["marks"])


def _char_map(marks: np.ndarray) -> CharMap:
    return CharMap({**_ARABIC_TABLE, **_DIGITS, **_APOSTROPHES}, delete=map(chr, marks.tolist()))


def _marks() -> np.ndarray:
    """The code points of the marks :func:`_fold_map` deletes, from ``unicodedata`` (135,000 look-ups)."""
    return np.array([c for c in (*range(0x20000), *range(0xE0000, 0xE1000))
                     if unicodedata.combining(chr(c)) or unicodedata.category(chr(c)) in ("Mn", "Me")], dtype=np.uint32)


def fold_tables_file(folder: Path | None = None) -> Path:
    """Where :func:`fold_tables` keeps its tables: ``data/processed/_models/fold-tables-<key>.npz``, the key a hash
    of the Unicode version and of the code that defines the tables (this module and the character map's)."""
    key = hashlib.sha1(unicodedata.unidata_version.encode() + Path(__file__).read_bytes()
                       + Path(sys.modules[CharMap.__module__].__file__).read_bytes()).hexdigest()[:16]
    return (paths.processed_dir("_models") if folder is None else folder) / f"fold-tables-{key}.npz"


def fold_tables(folder: Path | None = None) -> dict[str, np.ndarray]:
    """The fold map's marks (``marks``: code points) and the BMP fold table (``lens``, ``single``: see
    :func:`_bmp_fold_table`), read from :func:`fold_tables_file`; computed (0.05-0.1 s of CPU, every process
    paid it at its first non-ASCII text) and written there (atomically) when the file is missing, and only
    computed where the folder cannot be written."""
    target = fold_tables_file(folder)
    try:
        with np.load(target, allow_pickle=False) as data:
            out = {name: data[name] for name in ("marks", "lens", "single")}
        if out["lens"].shape == out["single"].shape == (0x10000,):
            return out
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):  # missing or damaged: computed and written again
        pass
    marks = _marks()
    lens, single = _bmp_table(_char_map(marks))
    out = {"marks": marks, "lens": lens, "single": single}
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=target.parent, delete=False, suffix=".tmp") as tmp:
            np.savez(tmp, **out)
        os.chmod(tmp.name, 0o644)
        os.replace(tmp.name, target)
    except OSError:
        pass
    return out


@lru_cache(maxsize=1)
def _fold_tables() -> dict[str, np.ndarray]:
    return fold_tables()


def _fold(s: str) -> str:
    """Casefold, decompose, drop marks, unify Arabic letters and digits (no elision step)."""
    if s.isascii():  # ASCII casefold is lower()
        s = s.lower()
        return s.replace("`", "'") if "`" in s else s
    s = unicodedata.normalize("NFD", s.casefold())
    return _fold_map()(s)


def _split_elisions(s: str) -> str:
    """Replace the apostrophe of a French elision by a space (one character for one: offsets hold)."""
    if "'" not in s:
        return s
    out = []
    last = 0
    i = s.find("'")
    while i != -1:
        nxt = i + 1
        if nxt < len(s) and (s[nxt].isalnum() or s[nxt] == "_") and _ELISION_END.search(s, max(0, i - 6), i):
            out.append(s[last:i])
            out.append(" ")
            last = nxt
        i = s.find("'", nxt)
    if not out:
        return s
    out.append(s[last:])
    return "".join(out)


def matching_form(s: str) -> str:
    """The matching form of ``s`` (see the module docstring); ``""`` for non-strings.

    Equal to ``aligned_matching_form(s)[0]``, computed without the offset map
    (and fast: casefold, NFD and one regex, with an ASCII fast path).
    """
    if not isinstance(s, str):
        return ""
    return _split_elisions(_fold(s))


def joined_matching_form(s: str, is_ascii: bool) -> str:
    """:func:`matching_form` of texts joined by a separator character (``is_ascii``: all of them ASCII).

    The separator must be a character no step touches and that is not ``\\w`` (for ASCII text ASCII
    punctuation other than the apostrophe and backquote, else a private-use character):
    :func:`diplolib.normalize.columnar.matching_forms` splits the result on it.
    """
    if is_ascii:
        s = s.lower()
        s = s.replace("`", "'") if "`" in s else s
    else:
        s = _fold_map()(unicodedata.normalize("NFD", s.casefold()))
    return _split_elisions(s)


@lru_cache(maxsize=65536)
def _fold_char(c: str) -> str:
    return _fold(c)


@lru_cache(maxsize=1)
def _bmp_fold_table() -> tuple[np.ndarray, np.ndarray]:
    """For every BMP code point: the length of ``_fold_char`` (2 standing for "2 or more", and for surrogates,
    which take the per-character path) and, where that length is 1, the code point it folds to
    (:func:`_bmp_table`, kept per machine by :func:`fold_tables`)."""
    tables = _fold_tables()
    return tables["lens"], tables["single"]


def _bmp_table(fm: CharMap) -> tuple[np.ndarray, np.ndarray]:
    """:func:`_bmp_fold_table` of the fold map ``fm``, built in one vectorised pass: the casefolded NFD of every
    character, then the fold map's deletions and replacements on the concatenation (what :func:`_fold` does
    character by character)."""
    chars = [chr(c) for c in range(0x10000)]
    decomposed = [("" if 0xD800 <= c <= 0xDFFF else
                   _fold(ch) if c < 128 else unicodedata.normalize("NFD", ch.casefold()))
                  for c, ch in enumerate(chars)]
    codes = np.frombuffer("".join(decomposed).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    owner = np.repeat(np.arange(0x10000), np.fromiter(map(len, decomposed), dtype=np.int64, count=0x10000))
    ascii_part = owner < 128  # already folded by _fold
    keep = ascii_part | ~fm._delete[codes]
    mapped = np.where(ascii_part, codes, fm._table[codes])
    counts = np.bincount(owner[keep], minlength=0x10000)
    lens = np.minimum(counts, 2).astype(np.uint8)
    lens[0xD800:0xE000] = 2
    single = np.zeros(0x10000, dtype=np.uint32)
    single[owner[keep]] = mapped[keep]  # exact where the count is 1
    return lens, single


def aligned_matching_form(s: str) -> tuple[str, np.ndarray]:
    """The matching form of ``s`` and, for each of its characters, the index in ``s`` it comes from.

    Parameters
    ----------
    s : str
        Display text.

    Returns
    -------
    (str, numpy.ndarray)
        ``m`` equal to ``matching_form(s)`` and ``idx`` (``int64``, ``len(idx) == len(m)``,
        non-decreasing): ``m[k]`` comes from ``s[idx[k]]``. A match at ``[i, j)`` in ``m``
        covers ``s[idx[i]: idx[j - 1] + 1]`` in the display text. Characters that vanish
        (accents, tatweel) have no entry; a character that expands (``ß`` → ``ss``)
        has several.
    """
    if not isinstance(s, str):
        return "", np.zeros(0, dtype=np.int64)
    if s.isascii():
        folded = _fold(s)  # ASCII casefold is one char for one char
        return _split_elisions(folded), np.arange(len(s), dtype=np.int64)
    codes = np.frombuffer(s.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if int(codes.max()) < 0x10000:
        lens, single = _bmp_fold_table()
        n = lens[codes]
        if int(n.max()) <= 1:  # every character folds to one character or vanishes: vectorised
            keep = np.flatnonzero(n)
            folded = single[codes[keep]].tobytes().decode("utf-32-le")
            return _split_elisions(folded), keep.astype(np.int64)
    parts = list(map(_fold_char, s))
    lengths = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))
    idx = np.repeat(np.arange(len(s), dtype=np.int64), lengths)
    # the elision step replaces one apostrophe by one space: offsets are unchanged
    return _split_elisions("".join(parts)), idx
