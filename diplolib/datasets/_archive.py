"""Safe unpacking of ``.tar*`` and ``.zip`` archives into one target folder.

Every member is checked before anything is written: absolute paths, ``..``
components, links (symbolic or hard) that lead outside the target, device files
and FIFOs are refused, and the archive is then not unpacked at all. The members
are extracted into a temporary folder inside the target and moved into place only
when the whole archive has been read without error. Nothing in an archive is
ever executed. An archive that would unpack to more than :func:`max_unpack_bytes` (declared member sizes) is
refused before anything is written (an "archive bomb"); a truncated or damaged archive is a ValueError.
"""

from __future__ import annotations

import lzma
import os
import posixpath
import shutil
import stat
import tarfile
import tempfile
import zipfile
import zlib
from pathlib import Path, PurePosixPath

__all__ = ["UnsafeArchiveError", "unpack", "DEFAULT_MAX_UNPACK_BYTES", "max_unpack_bytes"]

#: Unpacked size above which an archive is refused; override with ``unpack(max_bytes=)`` or the
#: ``DIPLOLIB_MAX_UNPACK_BYTES`` variable (the largest catalogue corpus unpacks to well under 1 GiB).
DEFAULT_MAX_UNPACK_BYTES = 4 * 1024**3


def max_unpack_bytes() -> int:
    """The unpack cap: ``$DIPLOLIB_MAX_UNPACK_BYTES`` (read at call time) or the default."""
    value = os.environ.get("DIPLOLIB_MAX_UNPACK_BYTES", "")
    return int(value) if value.strip().isdigit() else DEFAULT_MAX_UNPACK_BYTES


def _check_total(archive: Path, total: int, cap: int) -> None:
    if total > cap:
        raise UnsafeArchiveError(f"{archive.name}: the members add up to {total:,} bytes, more than the unpack cap "
                                 f"of {cap:,}; refusing to unpack (an archive bomb?). If the archive is genuine, "
                                 "raise the cap with DIPLOLIB_MAX_UNPACK_BYTES or unpack(max_bytes=).")


class UnsafeArchiveError(ValueError):
    """An archive member would land outside the target folder, or is not a plain file or folder."""


def _check_name(archive: Path, name: str) -> None:
    pure = PurePosixPath(name.replace("\\", "/"))
    if pure.is_absolute() or name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        raise UnsafeArchiveError(f"{archive.name}: member {name!r} has an absolute path; refusing to unpack.")
    if ".." in pure.parts:
        raise UnsafeArchiveError(f"{archive.name}: member {name!r} climbs out of the target with '..'; "
                                 "refusing to unpack.")


def _check_link(archive: Path, name: str, target: str) -> None:
    if target.startswith("/") or os.path.isabs(target):
        raise UnsafeArchiveError(f"{archive.name}: link {name!r} points to the absolute path {target!r}; "
                                 "refusing to unpack.")
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(name), target))
    if joined == ".." or joined.startswith("../"):
        raise UnsafeArchiveError(f"{archive.name}: link {name!r} leads outside the target ({target!r}); "
                                 "refusing to unpack.")


def _check_tar(archive: Path, tar: tarfile.TarFile) -> list[tarfile.TarInfo]:
    members = tar.getmembers()
    for m in members:
        _check_name(archive, m.name)
        if m.issym():
            _check_link(archive, m.name, m.linkname)
        elif m.islnk():
            _check_name(archive, m.linkname)
        elif not (m.isfile() or m.isdir()):
            raise UnsafeArchiveError(f"{archive.name}: member {m.name!r} is a device, FIFO or other special "
                                     "file; refusing to unpack.")
    return members


def _check_zip(archive: Path, zf: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    infos = zf.infolist()
    for info in infos:
        _check_name(archive, info.filename)
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise UnsafeArchiveError(f"{archive.name}: member {info.filename!r} is a symbolic link; "
                                     "refusing to unpack.")
    return infos


def _extract(archive: Path, staging: Path, cap: int) -> list[str]:
    """Check every member, then extract them all into ``staging``; the member names."""
    if zipfile.is_zipfile(archive):
        with zipfile.ZipFile(archive) as zf:
            infos = _check_zip(archive, zf)
            _check_total(archive, sum(i.file_size for i in infos), cap)
            zf.extractall(staging)
            return [i.filename for i in infos]
    with tarfile.open(archive, mode="r:*") as tar:  # TarError: not an archive, or cut short (see unpack)
        members = _check_tar(archive, tar)
        _check_total(archive, sum(m.size for m in members if m.isfile()), cap)
        tar.extractall(staging, members=members, filter="data")
        return [m.name for m in members]


def unpack(archive: Path, target: Path, *, max_bytes: int | None = None) -> list[str]:
    """Unpack ``archive`` into ``target`` after checking every member.

    Parameters
    ----------
    archive : Path
        A ``.tar``, ``.tar.gz``, ``.tar.xz``, ``.tar.bz2``, ``.tgz`` or ``.zip`` file.
    target : Path
        Folder the members land in (created if missing).
    max_bytes : int, optional
        Refuse archives whose members add up to more bytes (default :func:`max_unpack_bytes`).

    Returns
    -------
    list of str
        Member names written, in archive order.

    Raises
    ------
    UnsafeArchiveError
        A member is unsafe (also a link chain leading outside the target), or the archive unpacks to more than
        ``max_bytes``; nothing was written.
    ValueError
        The file is not an archive diplolib can read, or it is truncated or damaged; nothing was written.
    """
    cap = max_unpack_bytes() if max_bytes is None else max_bytes
    target.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".unpack-", dir=target))
    try:
        try:
            names = _extract(archive, staging, cap)
        except UnsafeArchiveError:
            raise
        except tarfile.FilterError as exc:  # e.g. a chain of links that ends outside the target
            raise UnsafeArchiveError(f"{archive.name}: {exc}; refusing to unpack.") from exc
        except (tarfile.TarError, zipfile.BadZipFile, EOFError, OSError, zlib.error, lzma.LZMAError) as exc:
            raise ValueError(f"{archive}: not a tar or zip archive, or truncated or damaged ({type(exc).__name__}: "
                             f"{exc}); fetch it again (datasets.fetch(name, force=True)).") from exc
        for entry in staging.iterdir():
            dest = target / entry.name
            if dest.is_dir() and not dest.is_symlink():
                shutil.rmtree(dest)
            elif dest.exists() or dest.is_symlink():
                dest.unlink()
            os.replace(entry, dest)
        return names
    finally:
        shutil.rmtree(staging, ignore_errors=True)
