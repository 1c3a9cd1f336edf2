"""Walking what ``load_articles`` is given: a file, a folder (recursive) or an archive, member by member.

Archives (``.tar``, ``.tar.gz``, ``.tgz``, ``.tar.xz``, ``.tar.bz2``, ``.zip``) are streamed with
:mod:`tarfile` / :mod:`zipfile` and never unpacked to disk; an archive inside an archive is opened in memory.
Operating-system litter is skipped silently: ``.DS_Store``, ``._name`` resource forks, ``__MACOSX/``,
``Thumbs.db``, dot-folders (``.git``) and diplolib's own ``.diplolib-*`` stamps. Any other hidden file
(``.Rhistory``, ``.DS_Store-to-UTF-8.txt``) is not read but reported as a ``hidden-file`` error row, so that
nothing named like a document disappears unseen. Files are only read, never written.
"""

from __future__ import annotations

import fnmatch
import io
import os
import posixpath
import stat
import tarfile
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Entry", "ARCHIVE_SUFFIXES", "is_archive", "is_included", "iter_entries"]

ARCHIVE_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.xz", ".txz", ".tar.bz2", ".tbz2", ".zip")


@dataclass
class Entry:
    """One input file: its ``origin`` (relative path, ``!member`` inside archives), ``name`` and a way to read
    it.

    ``error`` is set (a (code, message) pair) when the entry could not even be opened.
    """

    origin: str
    name: str
    size: int
    read: Callable[[], bytes]
    error: tuple[str, str] | None = None


def is_archive(name: str) -> bool:
    """True if the file name ends with an archive suffix."""
    return name.lower().endswith(ARCHIVE_SUFFIXES)


_LITTER = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})


def _skipped(relpath: str) -> bool:
    """OS litter and hidden folders: skipped without a trace (see the module docstring)."""
    parts = [p for p in relpath.replace("\\", "/").split("/") if p and p not in (".", "..")]
    if any(p.startswith(".") or p == "__MACOSX" for p in parts[:-1]):
        return True
    name = parts[-1] if parts else ""
    return name in _LITTER or name.startswith(("._", ".diplolib-"))


def _hidden(origin: str, name: str) -> Entry | None:
    """An error entry for a hidden file that is not OS litter, else None."""
    if not name.startswith("."):
        return None
    message = (f"{name} is a hidden file and was not read; if it holds a document, rename it without the "
               "leading dot and load it again.")
    return Entry(origin, name, 0, bytes, error=("hidden-file", message))


def is_included(relpath: str, include: Sequence[str] | None) -> bool:
    """True if ``relpath`` matches one of the glob patterns ``include`` (None: every file is included)."""
    return include is None or any(fnmatch.fnmatch(relpath, pat) for pat in include)


def iter_entries(
    source: Path, *, recursive: bool = True, include: Sequence[str] | None = None, archives: bool = True
) -> Iterator[Entry]:
    """Every file under ``source`` (a file or a folder), archives opened member by member, in a stable order.

    Parameters
    ----------
    source
        A file or folder.
    recursive
        Descend into sub-folders.
    include
        Glob patterns matched against the relative path (``"*/documents.json"``); None keeps every file.
        Archive members are matched by their path inside the archive.
    archives
        Open archives; False treats them as ordinary files.
    """
    source = Path(source)
    if source.is_file():
        yield from _file_entries(source, source.name, include, archives, top=True)
        return
    walker = (
        os.walk(source)
        if recursive
        else [(str(source), [], [p.name for p in source.iterdir() if not p.is_dir()])]
    )
    for folder, dirs, files in walker:
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__MACOSX")
        for fname in sorted(files):
            path = Path(folder) / fname
            rel = path.relative_to(source).as_posix()
            if _skipped(rel):
                continue
            hidden = _hidden(rel, fname)
            if hidden is not None:
                if is_included(rel, include):
                    yield hidden
                continue
            yield from _file_entries(path, rel, include, archives, top=False)


def _file_entries(path: Path, rel: str, include, archives: bool, top: bool) -> Iterator[Entry]:
    if archives and is_archive(path.name):
        try:
            with open(path, "rb") as handle:
                yield from _archive_entries(handle, path.name, rel, include)
        except Exception as exc:  # truncated, corrupt (zlib.error, lzma.LZMAError, ...), not an archive
            yield _unreadable(rel, path.name, exc)
        return
    if not top and not is_included(rel, include):
        return
    try:
        info = path.stat()  # follows a symbolic link: what matters is what would be read
    except OSError as exc:
        yield Entry(rel, path.name, 0, bytes, error=("unreadable", f"the file could not be opened "
                                                                    f"({type(exc).__name__}: {exc}): a broken "
                                                                    "link or no permission."))
        return
    if not stat.S_ISREG(info.st_mode):
        yield Entry(rel, path.name, 0, bytes, error=_not_a_file(_KINDS.get(stat.S_IFMT(info.st_mode), "special file")))
        return
    yield Entry(rel, path.name, info.st_size, path.read_bytes)


_KINDS = {stat.S_IFIFO: "named pipe (FIFO)", stat.S_IFCHR: "character device", stat.S_IFBLK: "block device",
          stat.S_IFSOCK: "socket", stat.S_IFDIR: "folder", stat.S_IFLNK: "symbolic link"}


def _not_a_file(kind: str) -> tuple[str, str]:
    """The error of an entry that is not a regular file: only regular files are read (a pipe would hang the
    load, a link to ``/dev/zero`` would never end)."""
    return ("not-a-file", f"this is a {kind}, not a regular file, and was not read: copy the document it "
                          "stands for into the folder as an ordinary file.")


def _unreadable(origin: str, name: str, exc: BaseException) -> Entry:
    message = (
        f"the archive could not be read ({type(exc).__name__}: {exc}): it is truncated or not an archive; "
        "fetch it again (diplolib.datasets.fetch) or unpack it by hand and load the folder."
    )
    return Entry(origin, name, 0, bytes, error=("unreadable-archive", message))


def _archive_entries(handle, name: str, origin: str, include) -> Iterator[Entry]:
    if name.lower().endswith(".zip"):
        with zipfile.ZipFile(handle) as zf:
            for info in sorted(zf.infolist(), key=lambda i: i.filename):
                mname = _member_name(info.filename)
                if info.is_dir() or _skipped(mname):
                    continue
                if stat.S_ISLNK(info.external_attr >> 16):
                    if is_included(mname, include):
                        yield Entry(f"{origin}!{mname}", mname.rsplit("/", 1)[-1], 0, bytes,
                                    error=_not_a_file("symbolic link"))
                    continue
                yield from _member(origin, mname, info.file_size, lambda i=info: zf.read(i), include)
        return
    with tarfile.open(fileobj=handle, mode="r:*") as tf:
        for member in tf:  # streaming: members in archive order, each read before the next
            mname = _member_name(member.name)
            if member.isdir() or _skipped(mname):
                continue
            if not member.isfile():
                yield from _special_member(origin, mname, member, include)
                continue
            data_holder: list[bytes] = []

            def read(m=member, holder=data_holder) -> bytes:
                if not holder:
                    fobj = tf.extractfile(m)
                    holder.append(fobj.read() if fobj else b"")
                return holder[0]

            yield from _member(origin, mname, member.size, read, include)


def _member_name(name: str) -> str:
    """An archive member's path without ``./`` prefixes, ``//`` or a leading ``/`` (``../`` is kept: the member is
    only read, never written)."""
    clean = posixpath.normpath(name.replace("\\", "/")).lstrip("/")
    return "" if clean == "." else clean


def _special_member(origin: str, member: str, info: tarfile.TarInfo, include) -> Iterator[Entry]:
    """An error entry for a link, device or FIFO member of a tar archive (only regular members are read)."""
    if not is_included(member, include):
        return
    kinds = {tarfile.SYMTYPE: f"symbolic link to {info.linkname!r}",
             tarfile.LNKTYPE: f"hard link to {info.linkname!r}", tarfile.CHRTYPE: "character device",
             tarfile.BLKTYPE: "block device", tarfile.FIFOTYPE: "named pipe (FIFO)"}
    kind = kinds.get(info.type, f"special member (type {info.type!r})")
    yield Entry(f"{origin}!{member}", member.rsplit("/", 1)[-1], 0, bytes, error=_not_a_file(kind))


def _member(origin: str, member: str, size: int, read, include) -> Iterator[Entry]:
    mname = member.rsplit("/", 1)[-1]
    morigin = f"{origin}!{member}"
    hidden = _hidden(morigin, mname)
    if hidden is not None:
        if is_included(member, include):
            yield hidden
        return
    if is_archive(mname):
        try:
            yield from _archive_entries(io.BytesIO(read()), mname, morigin, include)
        except Exception as exc:  # truncated, corrupt (zlib.error, lzma.LZMAError, ...), not an archive
            yield _unreadable(morigin, mname, exc)
        return
    if is_included(member, include):
        yield Entry(morigin, mname, size, read)
