"""How far from its cue a side may stand: a side read too far from the cue is left empty (``reason`` ``far``).

The sides are the actor phrases nearest the cue in its clause (:mod:`~diplolib.events.roles`). When the actor
that did the deed, or underwent it, is one the registry lacks ("the organisers", "an unnamed visitor", "Sinopec",
"the Greek Cypriot side") or is not named at all, the nearest phrase the registry knows is further off, in
another clause, an apposition, the name of a treaty or a list: "Israeli hackers attacked the site of Anonymous,
… an adviser of the Palestinian …" (Palestine read as the target, 268 characters after the cue).

The nine hand readings of issue 15 (seeds 15 and 2026-2034: 699 distinct events still read the same way by the
code of round 9, every corpus and language) measured how often a side at a given distance is right. An event
whose source phrase ends more than :data:`SOURCE_REACH` characters before the cue (or starts that far after it)
was right 38 times in 124 (0.31; FA-KES 31/96, French 5/19, Arabic 2/9), one within that reach 0.58; a target
phrase more than :data:`TARGET_REACH` characters away 24 of 73 (0.33; FA-KES 11/42, French 7/18, Arabic 5/13)
against 0.53. A side wrong two times in three is better left empty, with the reason, than shown: the event keeps
its type, its cue and its other side ("Russia condemned the attack" is kept with no target, a documented choice
of issue 15), and an analyst who wants the far reading back reads the sentence (``sentence``, ``start``).

Not applied to a side the rules took from outside the sentence's phrases: a resolution's author
(:mod:`~diplolib.events.operative`) or a readout's issuer (``speaker=``), which no phrase carries; nor to an
agent that a marker names, however far ("تدين الأعمال الوحشية لتدمير … التراث الثقافي للعراق *التي يقوم بها* تنظيم
الدولة": :func:`~diplolib.events.addressees.condemned_agents`, :func:`~diplolib.events.addressees.deed_agents`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["SOURCE_REACH", "TARGET_REACH", "REACH", "reach_of", "gap", "beyond_reach"]

#: Characters between the cue and its source phrase beyond which the source is left empty.
SOURCE_REACH = 50
#: Characters between the cue and its target phrase beyond which the target is left empty.
TARGET_REACH = 80
#: The reach of each language by default (``extract_events(..., reach=)`` overrides it): Arabic and French only.
#: English keeps every side: PLOVER's English records code a side wherever the sentence names it ("Young
#: Algerians blocked roads … to press their demands … from President Bouteflika's government"), and the rule
#: applied to English took the PLOVER check half's type recall from 0.804 to 0.761 and its source from 0.757 to
#: 0.686, although FA-KES's far sides were right 36 times in 138 (pass ``reach={"en": (50, 80)}`` for news text).
REACH: dict[str, tuple[int, int]] = {"ar": (SOURCE_REACH, TARGET_REACH), "fr": (SOURCE_REACH, TARGET_REACH)}


def reach_of(reach: dict | None, lang: str) -> tuple[int, int] | None:
    """The (source, target) reach of ``lang`` (``None``: no limit) from ``extract_events``'s ``reach=`` (``None``:
    :data:`REACH`); a clear error for anything but a mapping of language to two non-negative integers."""
    table = REACH if reach is None else reach
    if not isinstance(table, dict):
        raise TypeError(f"extract_events: reach= takes a dict of language to (source, target) characters, e.g. "
                        f"{{'en': (50, 80)}}, or {{}} for no limit; got {type(reach).__name__}.")
    limits = table.get(lang)
    if limits is None:
        return None
    if (not isinstance(limits, (tuple, list)) or len(limits) != 2
            or not all(isinstance(x, int) and not isinstance(x, bool) and x >= 0 for x in limits)):
        raise ValueError(f"extract_events: reach[{lang!r}] must be two non-negative integers (source, target "
                         f"characters), e.g. (50, 80); got {limits!r}.")
    return int(limits[0]), int(limits[1])


def gap(cue_start: np.ndarray, cue_end: np.ndarray, side: np.ndarray, phrases: pd.DataFrame) -> np.ndarray:
    """Characters between each cue and the phrase at ``side`` (an index into ``phrases``, ``-1`` for none: gap
    ``-1``), whichever comes first; ``0`` when they touch or overlap."""
    if len(phrases) == 0:
        return np.full(len(side), -1, dtype=np.int64)
    at = np.maximum(side, 0)
    ps, pe = phrases["gstart"].to_numpy(np.int64)[at], phrases["gend"].to_numpy(np.int64)[at]
    d = np.maximum(np.maximum(cue_start - pe, ps - cue_end), 0)
    return np.where(side >= 0, d, -1)


def beyond_reach(cue_start: np.ndarray, cue_end: np.ndarray, src: np.ndarray, tgt: np.ndarray,
                 phrases: pd.DataFrame, limits: tuple[int, int] | None = (SOURCE_REACH, TARGET_REACH)
                 ) -> tuple[np.ndarray, np.ndarray]:
    """Whether each hit's source and target phrase stand beyond their reach (two boolean arrays; all ``False``
    when ``limits`` is ``None``)."""
    if limits is None:
        return np.zeros(len(src), dtype=bool), np.zeros(len(tgt), dtype=bool)
    source_reach, target_reach = limits
    return (gap(cue_start, cue_end, src, phrases) > source_reach,
            gap(cue_start, cue_end, tgt, phrases) > target_reach)
