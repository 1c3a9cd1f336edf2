"""The py3langid identifier built from the model unpacked once per machine (normalize/langid_model.py) is the one
py3langid loads itself: every attribute equal, same dtypes and array types (the DFA tables as memory-mapped
``memoryview`` objects of the same typecode and values); a second load maps the unpacked arrays; where they cannot be
written, the ``.npz`` is read as before."""

from __future__ import annotations

from array import array

import numpy as np

from diplolib.normalize import langid_model
from diplolib.normalize.langid_model import load_identifier


def _same(x, y) -> bool:
    if isinstance(x, np.ndarray):
        return isinstance(y, np.ndarray) and x.dtype == y.dtype and np.array_equal(x, y)
    if isinstance(x, tuple):
        return type(y) is tuple and len(x) == len(y) and all(_same(a, b) for a, b in zip(x, y, strict=True))
    if isinstance(x, array):
        if isinstance(y, memoryview):  # mapped from the unpacked file: same typecode, same integers
            return y.format == x.typecode and y.ndim == 1 and y.tolist() == x.tolist()
        return isinstance(y, array) and x.typecode == y.typecode and x == y
    if isinstance(x, list) and isinstance(y, memoryview):  # py3langid's list of ints, a mapped signed array here
        return y.format in "hil" and y.ndim == 1 and y.tolist() == x
    return type(x) is type(y) and x == y


def test_unpacked_model_gives_py3langids_identifier(tmp_path):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    want = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    first = load_identifier(folder=tmp_path)
    files = list(tmp_path.glob("py3langid-*.npz"))
    assert len(files) == 1
    mapped = files[0].with_suffix("")
    assert sorted(p.name for p in mapped.iterdir()) == sorted(f"{m}.npy" for m in langid_model._MEMBERS)
    again = load_identifier(folder=tmp_path)  # read from the unpacked file
    for got in (first, again):
        for slot in LanguageIdentifier.__slots__:
            assert _same(getattr(want, slot), getattr(got, slot)), slot
    text = "Le ministre russe des Affaires étrangères a rencontré son homologue à Genève."
    assert again.classify(text) == want.classify(text)
    assert isinstance(again.tk_nextmove, memoryview) and isinstance(again.nb_ptc, np.ndarray)
    assert isinstance(again.tk_output, memoryview) and min(again.tk_output) == -1  # signed: "no feature" stays -1
    assert not again.nb_ptc.flags.writeable  # the mapped file, not a copy


TEXTS = [
    "Le ministre russe des Affaires étrangères a rencontré son homologue à Genève.",
    "The Security Council met on Tuesday to discuss the situation in Syria.",
    "التقى وزير الخارجية الروسي نظيره الأمريكي في جنيف لبحث الأزمة السورية",
    "Der Außenminister traf seinen Amtskollegen in Genf.",
    "", "12 345", "SANA – DAMASCUS", "ok", "Путин встретился с Эрдоганом в Сочи.", "習近平會見了外國領導人",
]


def test_mapped_and_read_models_classify_alike(tmp_path, monkeypatch):
    """The identifier over the mapped arrays and the one over the ``.npz`` read whole (the fallback where the arrays
    cannot be written: here ``mkdtemp`` fails) give the same language and probability, all languages or three."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    want = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    mapped = load_identifier(folder=tmp_path / "a")
    monkeypatch.setattr(langid_model.tempfile, "mkdtemp", lambda **kw: (_ for _ in ()).throw(OSError("read-only")))
    read = load_identifier(folder=tmp_path / "b")
    assert isinstance(read.tk_nextmove, array) and not any((tmp_path / "b").glob("*/"))
    assert isinstance(mapped.tk_nextmove, memoryview)
    rng = np.random.default_rng(0)
    noise = ["".join(map(chr, rng.integers(32, 0x700, 40))) for _ in range(20)]
    for langs in (None, ["fr", "en", "ar"]):
        for ident in (want, mapped, read):
            ident.set_languages(langs)
        for text in TEXTS + noise:
            assert mapped.classify(text) == want.classify(text) == read.classify(text), text


def test_packed_digest_is_remembered_until_the_file_changes(tmp_path, monkeypatch):
    """The digest naming the unpacked model is the sha1 of the packed file; remembered, it is not read again; a file
    rewritten (same size, even the same bytes) or a damaged memo is hashed again; another content, another name."""
    import hashlib
    import os
    import time

    packed, folder = tmp_path / "model.npz.xz", tmp_path / "models"
    packed.write_bytes(b"a" * 1000)
    want = hashlib.sha1(b"a" * 1000).hexdigest()[:16]
    assert langid_model.packed_digest(packed, folder) == (want, b"a" * 1000)  # hashed: the bytes come back
    assert langid_model.packed_digest(packed, folder) == (want, None)  # remembered: not read
    memos = list(folder.glob("py3langid-stat-*.txt"))
    assert len(memos) == 1 and memos[0].read_text() == want
    memos[0].write_text("not a digest")
    assert langid_model.packed_digest(packed, folder) == (want, b"a" * 1000)  # a damaged memo: hashed again
    before = packed.stat()
    time.sleep(0.05)  # past the file system's clock tick, so that the rewrite has another change time
    packed.write_bytes(b"b" * 1000)  # same size, same inode, and the old modification time put back
    os.utime(packed, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (packed.stat().st_size, packed.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert langid_model.packed_digest(packed, folder) == (hashlib.sha1(b"b" * 1000).hexdigest()[:16], b"b" * 1000)
    monkeypatch.setattr(langid_model.tempfile, "NamedTemporaryFile",
                        lambda **kw: (_ for _ in ()).throw(OSError("read-only")))
    other = tmp_path / "other.npz.xz"
    other.write_bytes(b"c")
    for _ in range(2):  # a folder that cannot be written: hashed each time, same digest
        assert langid_model.packed_digest(other, folder) == (hashlib.sha1(b"c").hexdigest()[:16], b"c")
