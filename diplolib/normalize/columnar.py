"""The cleaners, the matching form and the duplicate key of many texts at once: one pass over their concatenation.

:func:`~diplolib.normalize.text.clean_text`, :func:`~diplolib.normalize.matching.matching_form` and
:func:`~diplolib.normalize.duplicates.duplicate_key` are the per-text reference (they document the semantics);
each costs a dozen Python-level calls per text, which on news bodies of a few kB is most of their time. Here the
texts of a chunk are joined with a separator character that none of them contains (a private-use code point), the
steps run once over the joined string (one ``str.casefold``, one NFD/NFC, one vectorised character map over its
UTF-32 code points, one regex substitution per whitespace rule), and the result is split on the separator.

Why the result is the per-text result, text by text: every step is either a per-character map (casefold, the
character tables, NFD's decomposition) or a rule that cannot cross the separator — the separator is a starter
(canonical combining class 0) that composes with nothing, so NFC/NFD and canonical reordering stop at it; it is
neither whitespace, nor ``\\w``, nor a quote, space or guillemet, so no regex of the cleaners or of the elision
step matches across it; the cleaners' ASCII ``bytes.translate`` path and their general path agree on ASCII text.
``tests/test_normalize_columnar.py`` checks that both give identical lists on every sample corpus and on
generated hostile strings.

Examples
--------
>>> clean_texts(["l\\u2019EI  a dit\\u00a0: \\u00ab\\u00a0non\\u00a0\\u00bb", None, "  x\\r\\n\\n\\n\\ny  "])
['l\\'EI a dit : "non"', '', 'x\\n\\ny']
>>> matching_forms(["L\\u2019\\u00c9tat islamique", "Stra\\u00dfe"])
['l etat islamique', 'strasse']
>>> duplicate_keys(["Same  STORY.", ""])
['same story.', '']
"""

from __future__ import annotations

from collections.abc import Sequence

from .matching import joined_matching_form, matching_form
from .text import clean_text, joined_clean_text

__all__ = ["clean_texts", "matching_forms", "duplicate_keys", "BATCH_CHARS"]

#: Characters of text joined into one string at a time: 64 K characters (a 256 kB UTF-32 copy) keep the character
#: map's arrays in the processor's cache (batches of 4 M characters ran 1.5-2x slower than text by text); the
#: result is the same for any value.
BATCH_CHARS = 65_536

# private-use code points: category Co, combining class 0, no decomposition or case mapping, not \w, not space;
# for ASCII texts (whose steps work on bytes) ASCII punctuation that no step touches
_SEPARATORS = tuple(chr(c) for c in range(0xE000, 0xE100))
_ASCII_SEPARATORS = tuple("~|^{}#@$<>[]\\")


def _separator(joined: str, is_ascii: bool) -> str | None:
    """A separator character absent from the texts (None when every candidate occurs: then text by text)."""
    return next((sep for sep in (_ASCII_SEPARATORS if is_ascii else _SEPARATORS) if sep not in joined), None)


def _batches(texts: Sequence[str]) -> list[tuple[int, int]]:
    """``(lo, hi)`` bounds of consecutive texts holding about :data:`BATCH_CHARS` characters."""
    bounds, lo, size = [], 0, 0
    for i, t in enumerate(texts):
        size += len(t) + 1
        if size >= BATCH_CHARS:
            bounds.append((lo, i + 1))
            lo, size = i + 1, 0
    if lo < len(texts) or not bounds:
        bounds.append((lo, len(texts)))
    return bounds


def _over_batches(texts: Sequence[str | None], fn, one) -> list[str]:
    """``fn(joined, sep, ascii)`` on batches of the texts (non-strings as ``""``), split back into one str per
    text. ASCII and other texts are joined apart: the ASCII ones take the byte-level fast paths. ``one`` is the
    per-text function, for a batch holding every candidate separator."""
    strs = [t if isinstance(t, str) else "" for t in texts]
    is_ascii = [t.isascii() for t in strs]
    out: list[str] = [""] * len(strs)
    for flag in (True, False):
        pos = [i for i, a in enumerate(is_ascii) if a is flag]
        group = [strs[i] for i in pos]
        for lo, hi in _batches(group):
            part = group[lo:hi]
            if not part:
                continue
            sep = _separator("".join(part), flag)
            pieces = [one(t) for t in part] if sep is None else fn(sep.join(part), sep, flag).split(sep)
            if len(pieces) != hi - lo:  # cannot happen: no step creates or removes the separator
                raise AssertionError("columnar: the separator was not preserved")
            for i, p in zip(pos[lo:hi], pieces, strict=True):
                out[i] = p
    return out


def _clean_joined(s: str, sep: str, is_ascii: bool) -> str:
    return joined_clean_text(s, is_ascii)


def clean_texts(texts: Sequence[str | None]) -> list[str]:
    """``[clean_text(t) for t in texts]``, computed over the concatenation (see the module docstring)."""
    return [p.strip() for p in _over_batches(texts, _clean_joined, clean_text)]


def _fold_joined(s: str, sep: str, is_ascii: bool) -> str:
    return joined_matching_form(s, is_ascii)


def matching_forms(texts: Sequence[str | None]) -> list[str]:
    """``[matching_form(t) for t in texts]``, computed over the concatenation (see the module docstring)."""
    return _over_batches(texts, _fold_joined, matching_form)


def _key_joined(s: str, sep: str, is_ascii: bool) -> str:
    # the separator is not whitespace: it stays glued to its neighbours' words, and the pieces are stripped
    return " ".join(joined_matching_form(s, is_ascii).split())


def _duplicate_key(t: str) -> str:  # duplicates.duplicate_key (that module imports this one)
    return " ".join(matching_form(t).split())


def duplicate_keys(texts: Sequence[str | None]) -> list[str]:
    """``[duplicate_key(t) for t in texts]``: the matching form with whitespace runs collapsed, computed over the
    concatenation."""
    return [p.strip(" ") for p in _over_batches(texts, _key_joined, _duplicate_key)]
