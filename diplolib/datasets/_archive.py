"""Safe unpacking of ``.tar*`` and ``.zip`` archives into one target folder.

Every member is checked before anything is written: absolute paths, ``..``
components, links (symbolic or hard) that lead outside the target, device files
and FIFOs are refused, and the archive is then not unpacked at all. The members
are extracted into a temporary folder inside the target and moved into place only
when the whole archive has been read without error. Nothing in an archive is
ever executed.
"""

from __future__ import annotations

import os
import posixpath
import shutil
import stat
import tarfile
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

__all__ = ["UnsafeArchiveError", "unpack"]


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


def unpack(archive: Path, target: Path) -> list[str]:
    """Unpack ``archive`` into ``target`` after checking every member.

    Parameters
    ----------
    archive : Path
        A ``.tar``, ``.tar.gz``, ``.tar.xz``, ``.tar.bz2``, ``.tgz`` or ``.zip`` file.
    target : Path
        Folder the members land in (created if missing).

    Returns
    -------
    list of str
        Member names written, in archive order.

    Raises
    ------
    UnsafeArchiveError
        A member is unsafe; nothing was written.
    ValueError
        The file is not an archive diplolib can read.
    """
    target.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".unpack-", dir=target))
    try:
        if zipfile.is_zipfile(archive):
            with zipfile.ZipFile(archive) as zf:
                names = [i.filename for i in _check_zip(archive, zf)]
                zf.extractall(staging)
        else:
            try:
                tar = tarfile.open(archive, mode="r:*")
            except tarfile.TarError as exc:
                raise ValueError(f"{archive}: not a tar or zip archive ({exc}).") from exc
            with tar:
                members = _check_tar(archive, tar)
                names = [m.name for m in members]
                tar.extractall(staging, members=members, filter="data")
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
