"""The matching form as the themes package uses it.

A thin adapter over :mod:`diplolib.normalize.matching`: the taggers want an offset map
with one extra entry, so that a match ``[a, b)`` of the matching form maps back to
``text[index_map[a]:index_map[b]]`` -- the end is the start of the next kept character,
so marks that vanish from the matching form (a final Arabic vowel sign, a tatweel) stay
inside the surface form instead of being cut off.
"""

from __future__ import annotations

from diplolib.normalize.matching import aligned_matching_form as _aligned
from diplolib.normalize.matching import matching_form

__all__ = ["matching_form", "aligned_matching_form"]


def aligned_matching_form(s: str) -> tuple[str, list[int]]:
    """Matching form of ``s`` and ``index_map`` (``len(match) + 1`` offsets into ``s``).

    ``index_map[i]`` is the offset in ``s`` of the character that produced ``match[i]``;
    the last entry is ``len(s)``.
    """
    match, idx = _aligned(s)
    index_map = idx.tolist()
    index_map.append(len(s) if isinstance(s, str) else 0)
    return match, index_map
