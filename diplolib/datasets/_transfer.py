"""Moving one file into the data cache: from a URL or a mirror folder, verified, atomically.

A file is written to a temporary name beside its destination, hashed while it is
written, compared with the expected SHA-256, and only then renamed into place.
On any failure the temporary file is removed, so the cache never holds a partial
or unverified file under a real name.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import BinaryIO

from tqdm import tqdm

__all__ = ["FetchError", "ChecksumError", "sha256_file", "transfer", "DEFAULT_MAX_DOWNLOAD_BYTES",
           "max_download_bytes"]

_CHUNK = 1 << 20
#: A download larger than this stops with a FetchError (a server that sends no length would otherwise write
#: until the disk is full); override with ``max_bytes=`` or the ``DIPLOLIB_MAX_DOWNLOAD_BYTES`` variable.
DEFAULT_MAX_DOWNLOAD_BYTES = 8 * 1024**3


def max_download_bytes() -> int:
    """The download cap: ``$DIPLOLIB_MAX_DOWNLOAD_BYTES`` (read at call time) or the default."""
    value = os.environ.get("DIPLOLIB_MAX_DOWNLOAD_BYTES", "")
    return int(value) if value.strip().isdigit() else DEFAULT_MAX_DOWNLOAD_BYTES


class FetchError(RuntimeError):
    """A corpus file could not be fetched; the message names the corpus, the location and what to do."""


class ChecksumError(FetchError):
    """A fetched file did not have the checksum the catalogue expects."""


def sha256_file(path: Path) -> str:
    """SHA-256 of a file, read in 1 MiB chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _is_url(location: str) -> bool:
    return urllib.parse.urlsplit(location).scheme in {"http", "https", "file"}


def _open(location: str, timeout: float) -> tuple[BinaryIO, int | None]:
    if _is_url(location):
        request = urllib.request.Request(location, headers={"User-Agent": "diplolib"})
        response = urllib.request.urlopen(request, timeout=timeout)  # noqa: S310 (http/https/file only)
        length = response.headers.get("Content-Length")
        return response, int(length) if length and length.isdigit() else None
    path = Path(location)
    return open(path, "rb"), path.stat().st_size


def transfer(
    location: str,
    dest: Path,
    *,
    sha256: str,
    corpus: str,
    hint: str,
    timeout: float = 60.0,
    progress: bool = True,
    max_bytes: int | None = None,
) -> Path:
    """Copy ``location`` (URL or local path) to ``dest``, verifying its SHA-256.

    Parameters
    ----------
    location : str
        An ``http(s)://`` or ``file://`` URL, or a local path.
    dest : Path
        Final path in the cache. Written only once the checksum matches.
    sha256 : str
        Expected hex digest.
    corpus : str
        Corpus name, used in error messages.
    hint : str
        What the user can do when the transfer fails (appended to the message).
    timeout : float
        Seconds to wait for a connection or for the next bytes of a download.
    progress : bool
        Show a tqdm progress bar.
    max_bytes : int, optional
        Stop with a FetchError past this many bytes (default :func:`max_download_bytes`), whether or not the
        server announces a length.

    Returns
    -------
    Path
        ``dest``.

    Raises
    ------
    FetchError
        The location is unreachable, the transfer stopped early, or it timed out.
    ChecksumError
        The bytes arrived but their SHA-256 differs from ``sha256``.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
    tmp = Path(tmp_name)
    out = os.fdopen(fd, "wb")
    digest = hashlib.sha256()
    received = 0
    cap = max_download_bytes() if max_bytes is None else max_bytes
    too_big = (f"{corpus}: {location} is larger than the download cap of {cap:,} bytes; if it is genuine, "
               "raise the cap with DIPLOLIB_MAX_DOWNLOAD_BYTES (or max_bytes=). The partial file was removed.")
    try:
        try:
            source, length = _open(location, timeout)
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            raise FetchError(
                f"{corpus}: cannot reach {location} ({reason}). {hint}"
            ) from exc
        if length is not None and length > cap:
            source.close()
            raise FetchError(too_big)
        with source, out, tqdm(
            total=length, unit="B", unit_scale=True, desc=f"{corpus}: {dest.name}",
            disable=not progress, leave=False,
        ) as bar:
            try:
                for chunk in iter(lambda: source.read(_CHUNK), b""):
                    if received + len(chunk) > cap:
                        raise FetchError(too_big)
                    out.write(chunk)
                    digest.update(chunk)
                    received += len(chunk)
                    bar.update(len(chunk))
            except (TimeoutError, OSError, urllib.error.URLError) as exc:
                raise FetchError(
                    f"{corpus}: the transfer of {location} stopped after {received} bytes ({exc}). {hint}"
                ) from exc
        if length is not None and received != length:
            raise FetchError(
                f"{corpus}: {location} was cut short ({received} of {length} bytes). {hint}"
            )
        got = digest.hexdigest()
        if got != sha256:
            raise ChecksumError(
                f"{corpus}: {location} has SHA-256 {got}, but the catalogue expects {sha256}. The file was "
                f"not kept. The source may have changed or been corrupted; {hint}"
            )
        os.replace(tmp, dest)
        return dest
    finally:
        out.close()
        if tmp.exists():
            tmp.unlink()
