"""py3langid's model unpacked once per machine: the identifier a process loads in ~0.05 s instead of ~0.6 s.

py3langid ships its model as an LZMA-compressed ``.npz``; unpacking it is most of the fixed cost of the first
language detection in every process (each notebook kernel, each Dask worker, each ``load_articles`` run from a
script). :func:`load_identifier` keeps the unpacked ``.npz`` bytes (the same file py3langid reads, not converted)
under ``data/processed/_models/``, named by a hash of the packed model, and builds the identifier from them as
py3langid's own loader does. Where the folder cannot be written, the model is unpacked in memory as before.

Next to the ``.npz``, each of its arrays is also kept as an ``.npy`` file of its own (:func:`model_arrays`), which
:func:`load_identifier` maps into memory instead of reading: no copy of the 68 MB model at each process start
(the DFA table was read and then copied again into a stdlib ``array``), only the pages the texts reach are read,
and every process of the machine shares them through the page cache. The DFA tables are handed to py3langid as
``memoryview`` objects of the mapped files: indexed like its ``array``, with the same integers.
"""

from __future__ import annotations

import hashlib
import io
import lzma
import os
import shutil
import tempfile
from array import array
from pathlib import Path

import numpy as np

from .. import paths

__all__ = ["load_identifier", "unpacked_model", "model_arrays", "packed_digest"]

_TYPECODE = {2: "H", 4: "I", 8: "L"}
_SIGNED_TYPECODE = {2: "h", 4: "i", 8: "l"}


def _to_array(values: np.ndarray) -> array:
    """An unsigned numpy array as a stdlib ``array`` (py3langid's ``modelio._to_array``)."""
    out = array(_TYPECODE[values.dtype.itemsize])
    out.frombytes(memoryview(np.ascontiguousarray(values)).cast("B"))
    return out


def packed_digest(packed: Path, folder: Path) -> tuple[str, bytes | None]:
    """The name of the unpacked model (16 hex digits of the sha1 of ``packed``'s bytes) and the bytes when they had
    to be read. The digest is remembered in ``folder`` under a name made of the packed file's path, size, inode and
    change times (``py3langid-stat-<hash>.txt``, written atomically): a process whose model file has not been
    touched since reads neither it nor the hash of its 4.6 MB (~0.008 s CPU each process). Any write, move or
    reinstall of the file changes its ``st_ctime_ns``, hence the name, and the file is hashed again."""
    st = packed.stat()
    stamp = f"{packed.resolve()}\0{st.st_size}\0{st.st_ino}\0{st.st_mtime_ns}\0{st.st_ctime_ns}"
    memo = folder / f"py3langid-stat-{hashlib.sha1(stamp.encode()).hexdigest()[:16]}.txt"
    try:
        known = memo.read_bytes()
        if len(known) == 16 and known.isascii() and all(c in b"0123456789abcdef" for c in known):
            return known.decode("ascii"), None
    except OSError:
        pass
    data = packed.read_bytes()
    digest = hashlib.sha1(data).hexdigest()[:16]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, delete=False, suffix=".tmp") as tmp:
            tmp.write(digest.encode("ascii"))
        os.chmod(tmp.name, 0o644)
        os.replace(tmp.name, memo)
    except OSError:  # a read-only folder: hashed in each process, as before
        pass
    return digest, data


def unpacked_model(packed: Path, folder: Path | None = None) -> Path | io.BytesIO:
    """The ``.npz`` of the LZMA-packed model ``packed``: its file in ``folder`` (default
    ``data/processed/_models``), unpacked and written there (atomically) the first time; the unpacked bytes in
    memory where the folder cannot be written. Reading the file member by member keeps the whole unpacked model
    (68 MB) from being resident at once."""
    folder = paths.processed_dir("_models") if folder is None else folder
    digest, data = packed_digest(packed, folder)
    target = folder / f"py3langid-{digest}.npz"
    if target.is_file():
        return target
    raw = lzma.decompress(packed.read_bytes() if data is None else data)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, delete=False, suffix=".tmp") as tmp:
            tmp.write(raw)
        os.chmod(tmp.name, 0o644)
        os.replace(tmp.name, target)
    except OSError:  # a read-only data folder: unpacked in memory each time
        return io.BytesIO(raw)
    return target


#: The arrays of the model py3langid's loader reads (``modelio._load_model_file``).
_MEMBERS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def model_arrays(packed: Path, folder: Path | None = None) -> Path | None:
    """The folder holding each array of the unpacked model (:func:`unpacked_model`) as ``<name>.npy``, the same
    bytes ``np.load`` reads from the ``.npz``: written the first time (into a temporary folder renamed into place,
    so a folder that exists is whole); ``None`` where it cannot be written or the model has other arrays."""
    npz = unpacked_model(packed, folder)
    if not isinstance(npz, Path):
        return None
    target = npz.with_suffix("")
    if target.is_dir():
        return target
    try:
        tmp = Path(tempfile.mkdtemp(dir=npz.parent, suffix=".tmp"))
        with np.load(npz, allow_pickle=False) as data:
            if set(data.files) != set(_MEMBERS):
                shutil.rmtree(tmp, ignore_errors=True)
                return None
            for name in _MEMBERS:
                np.save(tmp / f"{name}.npy", data[name], allow_pickle=False)
        os.chmod(tmp, 0o755)
        try:
            os.replace(tmp, target)
        except OSError:  # another process renamed its folder first: use that one
            shutil.rmtree(tmp, ignore_errors=True)
    except OSError:
        return target if target.is_dir() else None
    return target if target.is_dir() else None


def _mapped_view(values: np.ndarray) -> memoryview:
    """An integer array (a read-only memory map) as a flat ``memoryview`` of the typecode py3langid's ``array`` has
    (unsigned: the DFA tables), or of the C type of a signed one (the feature of each state, ``-1`` for none, which
    py3langid keeps as a list): indexed the same way and to the same Python integers, without copying the mapped
    file or making 104,583 integers at each process start (``out_feat.tolist()``, ~0.003 s)."""
    codes = _SIGNED_TYPECODE if values.dtype.kind == "i" else _TYPECODE
    return memoryview(np.ascontiguousarray(values)).cast("B").cast(codes[values.dtype.itemsize])


def load_identifier(*, norm_probs: bool = True, folder: Path | None = None):
    """py3langid's ``LanguageIdentifier`` over its whole model (``from_model_file(MODEL_FILE)``), from the arrays
    of :func:`model_arrays` mapped into memory, else from the unpacked model of :func:`unpacked_model`."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    arrays = model_arrays(MODEL_DIR / MODEL_FILE, folder)
    if arrays is not None:
        data = {name: np.load(arrays / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in _MEMBERS}
        return LanguageIdentifier(np.asarray(data["ptc"]), np.asarray(data["pc"]), data["classes"].tolist(),
                                  _mapped_view(data["nextmove"]), _mapped_view(data["out_feat"]), norm_probs=norm_probs,
                                  tk_row=_mapped_view(data["nextmove_row"]))
    with np.load(unpacked_model(MODEL_DIR / MODEL_FILE, folder), allow_pickle=False) as data:
        if not {"nextmove_row", "out_feat"} <= set(data.files):  # a model layout this module does not know
            return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=norm_probs)
        ptc, pc, classes = data["ptc"], data["pc"], data["classes"].tolist()
        nextmove, row, output = _to_array(data["nextmove"]), _to_array(data["nextmove_row"]), data["out_feat"].tolist()
    return LanguageIdentifier(np.asarray(ptc), np.asarray(pc), classes, nextmove, output, norm_probs=norm_probs,
                              tk_row=row)
