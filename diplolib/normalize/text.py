r"""Pure ``str -> str`` text cleaners and a pipeline to compose them.

Each cleaner does one job and can be used alone; :func:`clean_text` is the
default pipeline (all of them, fused for speed). They never drop U+FFFD
(the Unicode replacement character): :func:`count_replacement_chars` counts it
so a loader can report broken input instead of hiding it.

Speed: each single cleaner is a ``str.translate`` table or one compiled regex,
with an ASCII fast path (``str.isascii`` is O(1) in CPython); :func:`clean_text`
fuses them into one ``bytes.translate`` (ASCII text) or one vectorised
code-point map (other text), plus substring checks before any regex. Map it
over a column with a comprehension, not with pandas ``.str`` methods.

Examples
--------
>>> clean_text("l\u2019EI  a dit\u00a0: \u00ab\u00a0non\u00a0\u00bb\n\n\n\nFin")
'l\'EI a dit : "non"\n\nFin'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache, reduce

from ._charmap import CharMap

__all__ = [
    "normalize_unicode",
    "normalize_quotes",
    "normalize_spaces",
    "remove_invisible",
    "remove_control_chars",
    "normalize_whitespace",
    "count_replacement_chars",
    "make_pipeline",
    "clean_text",
    "joined_clean_text",
    "REPLACEMENT_CHAR",
]

REPLACEMENT_CHAR = "\ufffd"

# --- character tables --------------------------------------------------------------------------------------
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e\uff02"  # “ ” „ ‟ « » ″ 〝 〞 ＂
_SINGLE_QUOTES = "\u2019\u2018\u201a\u201b\u02bc\u02bb\u0060\u00b4\u2032\u2039\u203a\uff07"  # ’ ‘ ‚ ‛ ʼ ʻ ` ´ ′ ‹ ›
_SPACES = (
    "\t\u000b\u000c\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000"
)
_INVISIBLE = (
    "\u00ad"  # soft hyphen ("pre\xadmier")
    "\u200b\u200c\u200d\u2060\ufeff"  # zero-width space / non-joiner / joiner, word joiner, BOM
    "\u200e\u200f\u061c"  # LRM, RLM, Arabic letter mark
    "\u202a\u202b\u202c\u202d\u202e"  # bidi embeddings and overrides
    "\u2066\u2067\u2068\u2069"  # bidi isolates
)
# C0 and C1 controls except \n (kept) and \t \v \f \r (turned into spaces / newlines elsewhere).
_CONTROLS = "".join(chr(c) for c in [*range(0x00, 0x09), 0x0E, 0x0F, *range(0x10, 0x20), 0x7F, *range(0x80, 0xA0)]
                    if chr(c) not in "\x85")
_NEWLINES = {"\r": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n\n"}

_QUOTES_TABLE = str.maketrans({**{c: '"' for c in _DOUBLE_QUOTES}, **{c: "'" for c in _SINGLE_QUOTES}})
_SPACES_TABLE = str.maketrans({c: " " for c in _SPACES})
_INVISIBLE_TABLE = str.maketrans({c: None for c in _INVISIBLE})
_CONTROL_TABLE = str.maketrans({**{c: None for c in _CONTROLS}, **_NEWLINES})
_ASCII_CONTROL_TABLE = str.maketrans({**{chr(c): None for c in range(0x20) if chr(c) not in "\t\n\r\v\f"},
                                      "\x7f": None, "\t": " ", "\v": " ", "\f": " ", "\r": "\n"})
_ASCII_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\t]")
_GUILLEMET_SPACE = re.compile("(\u00ab)[ \u00a0\u202f\u2009]+|[ \u00a0\u202f\u2009]+(\u00bb)")
_MULTI_SPACE = re.compile("  +")  # literal prefix: fast search
_SPACE_AROUND_NL = re.compile(r" *\n *")
_MANY_NL = re.compile(r"\n{3,}")


# --- single cleaners ---------------------------------------------------------------------------------------
def normalize_unicode(s: str) -> str:
    """Compose to Unicode NFC (``"e\\u0301"`` → ``"é"``); ASCII and already-NFC text is returned as is."""
    if s.isascii() or unicodedata.is_normalized("NFC", s):
        return s
    return unicodedata.normalize("NFC", s)


def normalize_quotes(s: str) -> str:
    """Typographic quotes to ``"`` and apostrophes to ``'``.

    « » “ ” „ (and SANA's ``”Daech”`` with the closing mark on both sides) become
    ``"``; the space a French guillemet encloses is dropped (``« non »`` → ``"non"``).
    ’ ʼ ‘ ` ´ become ``'``.
    """
    if s.isascii():
        return s.translate(_QUOTES_TABLE) if "`" in s else s
    if "\u00ab" in s or "\u00bb" in s:
        s = _GUILLEMET_SPACE.sub(r"\1\2", s)
    return s.translate(_QUOTES_TABLE)


def normalize_spaces(s: str) -> str:
    """Tab, no-break, narrow no-break, thin and other fixed-width spaces to a plain space."""
    return s.translate(_SPACES_TABLE)


def remove_invisible(s: str) -> str:
    """Drop zero-width characters, the BOM, bidi marks and isolates, and soft hyphens."""
    if s.isascii():
        return s
    return s.translate(_INVISIBLE_TABLE)


def remove_control_chars(s: str) -> str:
    """Drop NUL and other C0/C1 control characters; ``\\r\\n``, ``\\r``, U+0085, U+2028 → ``\\n``, U+2029 → ``\\n\\n``.

    ``\\n`` is kept; tab, vertical tab and form feed are left to :func:`normalize_spaces`.
    """
    s = s.replace("\r\n", "\n") if "\r" in s else s
    if s.isascii():
        return _strip_ascii_controls(s, keep_tabs=True)
    return s.translate(_CONTROL_TABLE)


def _strip_ascii_controls(s: str, *, keep_tabs: bool = False) -> str:
    m = _ASCII_CONTROLS.search(s)
    if m is None:
        return s
    table = _ASCII_CONTROL_TABLE
    if keep_tabs:
        return s.translate({k: v for k, v in table.items() if k not in (9, 11, 12)})
    return s.translate(table)


def normalize_whitespace(s: str) -> str:
    """Collapse runs of spaces inside lines, trim lines, keep paragraph breaks as exactly ``"\\n\\n"``.

    Single newlines are kept (a line break inside a paragraph); three or more
    newlines become two. Leading and trailing whitespace is removed.
    """
    if "  " in s:
        s = _MULTI_SPACE.sub(" ", s)
    if "\n" in s:
        s = _SPACE_AROUND_NL.sub("\n", s)
        if "\n\n\n" in s:
            s = _MANY_NL.sub("\n\n", s)
    return s.strip()


def count_replacement_chars(s: str) -> int:
    """Number of U+FFFD (the mark a decoder leaves for undecodable bytes) in ``s``; 0 for non-strings."""
    return s.count(REPLACEMENT_CHAR) if isinstance(s, str) else 0


def make_pipeline(*fns: Callable[[str], str]) -> Callable[[str], str]:
    """Compose ``str -> str`` functions left to right into one function.

    Examples
    --------
    >>> make_pipeline(str.strip, str.lower)("  Damas ")
    'damas'
    """
    for fn in fns:
        if not callable(fn):
            raise TypeError(f"make_pipeline takes str -> str functions; got {fn!r} ({type(fn).__name__}).")

    def pipeline(s: str) -> str:
        return reduce(lambda acc, fn: fn(acc), fns, s)

    pipeline.__name__ = "pipeline_" + "_".join(getattr(f, "__name__", "fn") for f in fns)
    return pipeline


_ASCII_BYTES_TABLE = bytes.maketrans(b"\t\x0b\x0c\r`", b"   \n'")
_ASCII_BYTES_DELETE = bytes(c for c in [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])


@lru_cache(maxsize=1)
def _all_map() -> CharMap:
    return CharMap({**{c: '"' for c in _DOUBLE_QUOTES}, **{c: "'" for c in _SINGLE_QUOTES},
                    **{c: " " for c in _SPACES}, **{c: None for c in _INVISIBLE},
                    **{c: None for c in _CONTROLS}, "\r": "\n", "\x85": "\n", "\u2028": "\n"})


def clean_text(s: str) -> str:
    """The default cleaner: NFC, quotes, spaces, invisible and control characters, whitespace.

    Same result as ``make_pipeline(remove_control_chars, normalize_quotes,
    normalize_spaces, remove_invisible, normalize_unicode, normalize_whitespace)``
    but fused: ASCII text goes through one ``bytes.translate``, other text
    through one vectorised character map. Non-strings (NA) give ``""``.
    """
    if not isinstance(s, str):
        return ""
    return normalize_whitespace(_clean_characters(s, s.isascii()))


def _clean_characters(s: str, is_ascii: bool) -> str:
    """The character steps of :func:`clean_text` (line ends, removed and mapped characters, NFC), shared with
    :func:`joined_clean_text`; white space is left to the caller."""
    if "\r" in s:
        s = s.replace("\r\n", "\n")
    if is_ascii:
        b = s.encode("ascii")
        b2 = b.translate(_ASCII_BYTES_TABLE, _ASCII_BYTES_DELETE)
        if b2 != b:
            s = b2.decode("ascii")
    else:
        if "\u00ab" in s or "\u00bb" in s:
            s = _GUILLEMET_SPACE.sub(r"\1\2", s)
        if "\u2029" in s:
            s = s.replace("\u2029", "\n\n")
        s = _all_map()(s)
        if not unicodedata.is_normalized("NFC", s):
            # after the removals (a dropped zero-width char can leave a decomposed pair); NFC can
            # itself produce a target (U+1FEF → "`"), hence the second pass.
            s = _all_map()(unicodedata.normalize("NFC", s))
    return s


def joined_clean_text(s: str, is_ascii: bool) -> str:
    """:func:`clean_text` of texts joined by a separator character, but not stripped (strip each piece).

    The separator must be a character no step touches (for ASCII text, ``is_ascii``, ASCII punctuation other
    than the backquote; else a private-use character); :func:`diplolib.normalize.columnar.clean_texts` splits
    the result on it. After the collapse of space runs every run is one space, so the spaces around a newline
    (``" *\\n *"`` of :func:`normalize_whitespace`) are one before and one after it: two ``str.replace``.
    """
    s = _clean_characters(s, is_ascii)
    if "  " in s:
        s = _MULTI_SPACE.sub(" ", s)
    if "\n" in s:
        s = s.replace(" \n", "\n").replace("\n ", "\n")
        if "\n\n\n" in s:
            s = _MANY_NL.sub("\n\n", s)
    return s
