"""From a match in the matching form back to the display text: :func:`offset_map`.

A thin adapter over :func:`diplolib.normalize.matching.aligned_matching_form`: the taggers want an offset map
with one extra entry, so that a match ``[a, b)`` of the matching form maps back to
``text[index_map[a]:index_map[b]]`` -- the end is the start of the next kept character,
so marks that vanish from the matching form (a final Arabic vowel sign, a tatweel) stay
inside the surface form instead of being cut off.
"""

from __future__ import annotations

from ..normalize.matching import aligned_matching_form

__all__ = ["offset_map"]


def offset_map(s: str) -> tuple[str, list[int]]:
    """Matching form of ``s`` and ``index_map`` (``len(match) + 1`` offsets into ``s``).

    ``index_map[i]`` is the offset in ``s`` of the character that produced ``match[i]``;
    the last entry is ``len(s)``.
    """
    match, idx = aligned_matching_form(s)
    index_map = idx.tolist()
    index_map.append(len(s) if isinstance(s, str) else 0)
    return match, index_map
