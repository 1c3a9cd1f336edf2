"""Turning the bytes of one file into text, or a :class:`ReadError` saying why not.

Order of checks: empty file; binary content (magic numbers, many control bytes); byte-order marks
(UTF-8-BOM, UTF-16, UTF-32); UTF-16 without BOM; NUL bytes in text; the declared ``encoding`` (strict);
UTF-8; and only when UTF-8 fails and the bytes do not look like damaged UTF-8, detection with
charset-normalizer (cp1252, cp1256 Arabic, ...). Latin-1 is never assumed.
"""

from __future__ import annotations

import codecs
import re
from typing import Literal

import numpy as np

from .base import ReadError

__all__ = ["decode", "decode_text", "is_utf8", "sniff_binary"]

_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive",
    b"\x1f\x8b": "a gzip file",
    b"\xfd7zXZ": "an xz file",
    b"BZh": "a bzip2 file",
    b"\x7fELF": "an executable",
    b"\x00\x00\x00\x01Bud1": "a macOS .DS_Store file",
    b"SQLite format": "an SQLite database",
}
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_PREFERRED = ("cp1252", "cp1256")
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def sniff_binary(data: bytes) -> str | None:
    """A description of the binary content of ``data`` (e.g. "a PDF document"), or None if it looks like
    text."""
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            return what
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in _BOMS) or _utf16_without_bom(head):
        return None
    n_control = len(head) - len(head.translate(None, _CONTROL))
    if head and n_control / len(head) > 0.10:
        return f"binary data ({n_control} control bytes in the first {len(head)})"
    return None


def is_utf8(data: bytes) -> bool:
    """Whether ``data.decode("utf-8")`` succeeds, checked by Arrow's UTF-8 validation (~10x faster than decoding,
    and no string is built): surrogates, overlong forms and code points above U+10FFFF are refused by both."""
    import pyarrow as pa

    offsets = pa.py_buffer(np.array([0, len(data)], dtype=np.int64))
    try:
        pa.Array.from_buffers(pa.large_string(), 1, [None, offsets, pa.py_buffer(data)]).validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


def _utf16_without_bom(head: bytes) -> str | None:
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str, how: str, errors: str) -> str:
    if not _is_text_codec(encoding):
        raise ReadError("decode", f"{encoding!r} is not a text encoding (it cannot decode a document): pass "
                                  "encoding='utf-8', 'cp1252' or 'cp1256', or fix the file's declared charset.")
    try:
        return data.decode(encoding, errors)
    except UnicodeDecodeError as exc:
        n_bad = data.decode(encoding, "replace").count("\ufffd") - data.decode(encoding, "ignore").count(
            "\ufffd"
        )
        raise ReadError(
            "decode",
            f"{n_bad} byte sequence(s) are invalid in the {how} encoding {encoding} (first at "
            f"byte {exc.start}: {data[exc.start : exc.start + 4]!r}): the file is damaged or in another "
            "encoding; pass encoding='...' if you know it, or encoding_errors='replace' to load it with "
            "U+FFFD in place of the bad bytes.",
        ) from None
    except UnicodeError as exc:  # codecs such as punycode raise their own errors
        raise ReadError("decode", f"the bytes cannot be decoded as {encoding} ({exc}): pass encoding='...' "
                                  "(e.g. 'utf-8', 'cp1252', 'cp1256').") from None
    except LookupError:
        raise ReadError(
            "decode",
            f"unknown encoding {encoding!r}: pass a Python codec name such as 'utf-8', 'cp1252' or 'cp1256'.",
        ) from None


#: Codecs that exist but do not decode documents: they raise on any input or turn bytes into something else.
_NOT_DOCUMENT_CODECS = frozenset({"undefined", "punycode", "idna", "raw_unicode_escape", "unicode_escape",
                                  "mbcs", "oem"})


def _is_text_codec(encoding: str) -> bool:
    """True unless ``encoding`` is a known codec that does not decode documents (unknown names are left to the
    decoder, which reports them)."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        return True
    return getattr(info, "_is_text_encoding", True) and info.name not in _NOT_DOCUMENT_CODECS


def decode(
    data: bytes,
    *,
    encoding: str | None = None,
    declared: str | None = None,
    encoding_errors: Literal["strict", "replace"] = "strict",
) -> str:
    """Decode the bytes of one file: the text of :func:`decode_text`."""
    return decode_text(data, encoding=encoding, declared=declared, encoding_errors=encoding_errors)[0]


def decode_text(
    data: bytes,
    *,
    encoding: str | None = None,
    declared: str | None = None,
    encoding_errors: Literal["strict", "replace"] = "strict",
    need_text: bool = True,
) -> tuple[str | None, bool]:
    """Decode the bytes of one file; also say whether the text is the bytes read as UTF-8, unchanged (then
    ``text.encode("utf-8") == data``, and a caller that needs UTF-8 bytes can keep ``data`` instead of encoding
    the text again). With ``need_text=False``, that case returns ``(None, True)`` once the bytes are checked to be
    UTF-8 (:func:`is_utf8`), without building the string; every other case returns the text as before.

    Parameters
    ----------
    data
        The file's bytes.
    encoding
        The encoding the caller knows (``load_articles(encoding=...)``); bytes invalid in it are an error.
    declared
        An encoding the file declares itself (HTML ``<meta charset>``); used when ``encoding`` is None.
    encoding_errors
        ``"strict"``: invalid bytes raise a "decode" :class:`ReadError`; ``"replace"``: they become U+FFFD.

    Returns
    -------
    (str, bool)
        The text, with a byte-order mark removed; True when it is ``data.decode("utf-8")`` (no byte-order mark,
        no NUL byte removed, no other codec).

    Raises
    ------
    ReadError
        code "empty", "binary", "nul-bytes" or "decode", with a message saying what to do.
    """
    given = data
    if not data or data.isspace():  # (not data.strip(), without copying the file)
        raise ReadError("empty", "the file is empty (or only whitespace): remove it or fetch it again.")
    binary = sniff_binary(data)
    if binary:
        raise ReadError(
            "binary",
            f"the file holds {binary}, not text: remove it from the folder, or give it the "
            "extension of its real format.",
        )
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec, "byte-order-marked", encoding_errors).lstrip("\ufeff"), False
    utf16 = _utf16_without_bom(data[:8192])
    if utf16:
        return _strict(data, utf16, "detected", encoding_errors), False
    if b"\x00" in data:
        n_nul = data.count(b"\x00")
        if encoding_errors != "replace":
            first = data.index(b"\x00")
            raise ReadError(
                "nul-bytes",
                f"the text holds {n_nul} NUL byte(s) (first at byte {first}): "
                "the file is damaged or partly binary; repair it, or pass encoding_errors='replace' to "
                "load it with the NUL bytes removed.",
            )
        data = data.replace(b"\x00", b"")
    if encoding:
        return _strict(data, encoding, "given", encoding_errors), False
    if declared:
        try:
            codecs.lookup(declared)
        except LookupError:
            declared = None
        if declared and not _is_text_codec(declared):  # <meta charset="undefined">: the declaration is ignored
            declared = None
        elif declared and codecs.lookup(declared).name.startswith(("utf-16", "utf-32")):
            declared = "utf-8"  # bytes that reached here have no UTF-16/32 BOM or shape: the HTML standard's rule
    if declared and codecs.lookup(declared).name not in ("utf-8", "iso8859-1", "cp1252", "ascii"):
        return _strict(data, declared, "declared", encoding_errors), False
    if not need_text and data is given and is_utf8(data):
        return None, True
    try:
        return data.decode("utf-8"), data is given  # not after NUL bytes were removed
    except UnicodeDecodeError:
        pass
    if declared and codecs.lookup(declared).name == "utf-8" or _looks_like_damaged_utf8(data):
        return _strict(data, "utf-8", "declared" if declared else "detected", encoding_errors), False
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise ReadError(
            "decode",
            "the bytes are not UTF-8 and their encoding could not be detected: pass "
            "encoding='...' (e.g. 'cp1252', 'cp1256').",
        )
    # French/English/Arabic corpora: on a near tie prefer Windows Western or Arabic over e.g. Central European
    for match in results:
        if match.encoding in _PREFERRED and match.chaos <= best.chaos + 0.02 and _plausible(str(match)):
            return str(match), False
    if _plausible(str(best)):
        return str(best), False
    # the detected encoding turns the odd bytes into letters of no language diplolib reads (Cyrillic, Greek,
    # CJK...): the file is UTF-8 with a few damaged bytes; they become U+FFFD, counted in n_replacement_chars
    return data.decode("utf-8", "replace"), False


#: Non-ASCII characters a French or English text decoded right is made of: Latin-1 letters and signs (é, «),
#: Œ œ Ÿ, typographic punctuation (’ — …) and the euro sign; Central European letters (ž, ĸ) are not.
_PLAUSIBLE_LATIN = re.compile("[\u00a0-\u00ff\u0152\u0153\u0178\u2000-\u206f\u20ac]")
#: Arabic letters count only in runs of two or more: an Arabic text is made of Arabic words, while a damaged
#: byte read as cp1256 gives one Arabic letter glued to Latin ones ("Theے").
_PLAUSIBLE_ARABIC = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]{2,}")


def _plausible(text: str) -> bool:
    """True if at least 90 % of the non-ASCII characters of ``text`` belong to French, English or Arabic
    writing (:data:`_PLAUSIBLE_LATIN`, :data:`_PLAUSIBLE_ARABIC`)."""
    n_high = len(text) - len(text.encode("ascii", "ignore"))
    if n_high == 0:
        return True
    n_ok = len(_PLAUSIBLE_LATIN.findall(text)) + sum(map(len, _PLAUSIBLE_ARABIC.findall(text)))
    return n_ok >= 0.9 * n_high


def _looks_like_damaged_utf8(data: bytes) -> bool:
    """True if the bytes hold more valid multi-byte UTF-8 characters than invalid bytes."""
    text = data.decode("utf-8", "replace")
    n_bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    n_good = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    return n_good >= max(n_bad, 1)
