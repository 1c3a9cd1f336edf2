"""The py3langid identifier built from the model unpacked once per machine (normalize/langid_model.py) is the one
py3langid loads itself: every attribute equal, same dtypes and array types; a second load reads the unpacked file."""

from __future__ import annotations

from array import array

import numpy as np

from diplolib.normalize.langid_model import load_identifier


def _same(x, y) -> bool:
    if isinstance(x, np.ndarray):
        return isinstance(y, np.ndarray) and x.dtype == y.dtype and np.array_equal(x, y)
    if isinstance(x, tuple):
        return type(y) is tuple and len(x) == len(y) and all(_same(a, b) for a, b in zip(x, y, strict=True))
    if isinstance(x, array):
        return isinstance(y, array) and x.typecode == y.typecode and x == y
    return type(x) is type(y) and x == y


def test_unpacked_model_gives_py3langids_identifier(tmp_path):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    want = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    first = load_identifier(folder=tmp_path)
    files = list(tmp_path.glob("py3langid-*.npz"))
    assert len(files) == 1
    again = load_identifier(folder=tmp_path)  # read from the unpacked file
    for got in (first, again):
        for slot in LanguageIdentifier.__slots__:
            assert _same(getattr(want, slot), getattr(got, slot)), slot
    text = "Le ministre russe des Affaires étrangères a rencontré son homologue à Genève."
    assert again.classify(text) == want.classify(text)
