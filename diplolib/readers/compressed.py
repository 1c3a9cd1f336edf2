"""Single compressed files (``report.csv.gz``, ``notes.txt.bz2``, ``dump.jsonl.xz``): read as the file inside.

Exports of news databases and ministries' bulk downloads often come gzip-, bzip2- or xz-compressed one file at a
time. Such a file is read by the reader of the name without its compression suffix (``report.csv.gz`` by the
``csv`` reader), its records keep the file's own origin (``report.csv.gz:row 3``). Decompression streams with a
cap: a file that would expand beyond ``max_file_bytes`` (a decompression bomb, or just a very large export) is a
``too-large`` error row before more than the cap is held; a truncated or damaged stream is an
``unreadable-compressed`` row. Tar archives (``.tar.gz`` …) are not single files: :mod:`.sources` opens them
member by member.
"""

from __future__ import annotations

import bz2
import lzma
import zlib

from .base import ReadError
from .sources import is_archive

__all__ = ["COMPRESSION_SUFFIXES", "split_compression", "decompress"]

#: Suffix → a new streaming decompressor (gzip with its header: zlib's ``wbits=31``).
_DECOMPRESSORS = {
    ".gz": lambda: zlib.decompressobj(wbits=31),
    ".bz2": bz2.BZ2Decompressor,
    ".xz": lzma.LZMADecompressor,
}
COMPRESSION_SUFFIXES = tuple(_DECOMPRESSORS)


def split_compression(name: str) -> tuple[str, str | None]:
    """``(inner name, suffix)`` of a singly compressed file name, else ``(name, None)`` (archives included)."""
    lower = name.lower()
    if is_archive(lower):
        return name, None
    for suffix in COMPRESSION_SUFFIXES:
        if lower.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], suffix
    return name, None


def decompress(data: bytes, suffix: str, limit: int | None) -> bytes:
    """The bytes compressed in ``data`` (one or more concatenated streams, as ``cat a.gz b.gz`` makes), at most
    ``limit`` of them (None: no cap).

    Raises
    ------
    ReadError
        ``too-large`` beyond ``limit``; ``unreadable-compressed`` for a truncated or damaged stream.
    """
    out: list[bytes] = []
    total = 0
    rest = data
    while True:
        stream = _DECOMPRESSORS[suffix]()
        try:
            chunk = _step(stream, rest, None if limit is None else limit - total + 1)
        except (zlib.error, OSError, lzma.LZMAError, EOFError, ValueError) as exc:
            raise _damaged(suffix, exc) from None
        total += len(chunk)
        out.append(chunk)
        if limit is not None and total > limit:
            raise ReadError("too-large", f"the file expands to more than max_file_bytes={limit:,} bytes: "
                                         "split it, or pass max_file_bytes=None if you trust it.")
        if not stream.eof:
            raise _damaged(suffix, EOFError("the compressed stream ends before its end marker"))
        rest = stream.unused_data.lstrip(b"\x00")  # gzip and xz allow zero padding between streams
        if not rest:
            return b"".join(out)


def _step(stream, data: bytes, cap: int | None) -> bytes:
    if isinstance(stream, type(zlib.decompressobj())):
        return stream.decompress(data, 0 if cap is None else cap)
    return stream.decompress(data, -1 if cap is None else cap)


def _damaged(suffix: str, exc: BaseException) -> ReadError:
    return ReadError("unreadable-compressed",
                     f"the {suffix} file could not be decompressed ({type(exc).__name__}: {exc}): it is "
                     "truncated or damaged; fetch it again, or decompress it by hand to see how much is left.")
