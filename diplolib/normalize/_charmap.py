"""A fast one-to-one character map with deletions, applied with numpy.

``str.translate`` with a dict and regex character classes scan a string one
character at a time in Python's interpreter loops (10–50 MB/s); a code-point
table applied to the UTF-32 view of the string is a few vectorised passes. Used
by the cleaners and the matching form for their non-ASCII path.

:func:`code_points` gives that view for the long joined strings of a partition (millions of characters).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np

__all__ = ["CharMap", "code_points", "joined_code_points"]

_N = 0x110000


def code_points(s: str) -> np.ndarray:
    """The code points of ``s``, a writable ``uint32`` array equal to the ``"utf-32-le"`` codec's bytes (with
    ``"surrogatepass"``: a lone surrogate is its own code point).

    Made by numpy's copy of the string as one ``<U`` item (UCS-4) rather than by the codec: ~4x less CPU on the
    joined texts of a partition (8.4 M characters: 4.8 against 20 ms), the same on a text of a few thousand.
    """
    if not s:
        return np.zeros(0, dtype=np.uint32)
    return np.array(s).reshape(1).view(np.uint32)  # the item size is len(s): trailing NULs are kept


def joined_code_points(texts: list[str], sep: str) -> tuple[str, np.ndarray]:
    """``sep.join(texts)`` and its :func:`code_points`."""
    joined = sep.join(texts)
    return joined, code_points(joined)


class CharMap:
    """Map single characters to single characters or delete them.

    Parameters
    ----------
    mapping : mapping of str to str or None
        One character to one character (``"’": "'"``) or to ``None`` (delete).
    delete : iterable of str, optional
        More characters to delete.
    """

    def __init__(self, mapping: Mapping[str, str | None], delete: Iterable[str] = ()) -> None:
        self._table = np.arange(_N, dtype=np.uint32)
        self._delete = np.zeros(_N, dtype=bool)
        for c in delete:
            self._delete[ord(c)] = True
        moved = []  # the code points mapped to another one: the table differs from the identity there alone
        for src, dst in mapping.items():
            if dst is None:
                self._delete[ord(src)] = True
            elif len(dst) == 1:
                self._table[ord(src)] = ord(dst)
                moved.append(ord(src))
            else:
                raise ValueError(f"CharMap maps one character to one character; got {src!r} -> {dst!r}.")
        self._touched = self._delete.copy()
        moved_at = np.asarray(moved, dtype=np.int64)
        self._touched[moved_at[self._table[moved_at] != moved_at]] = True

    def __call__(self, s: str) -> str:
        """``s`` with the map applied (``s`` itself when nothing changes)."""
        a = np.frombuffer(s.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        hit = self._touched[a]
        if not hit.any():
            return s
        dele = self._delete[a]
        if dele.any():
            a = a[~dele]
        return self._table[a].tobytes().decode("utf-32-le", "surrogatepass")
