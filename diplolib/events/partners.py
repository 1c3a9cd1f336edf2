"""Who the parties of a two-sided (``mutual``) cue are when its partners are coordinated after it.

A mutual cue pairs the members of its one compound side with each other ("Jordan and Britain *agreed*", "Russia,
France and Germany *held talks*": every ordered pair). Where the partners follow the cue, the last word of the cue
says whose they are:

- **between** ("talks *between* X and Y", "the accord *between* X and Y", "négociations *entre*", "محادثات *بين*"):
  X and Y are the two sides, whoever stands before the cue ("Kenya said the accord between Sudan and Uganda …",
  "Russia closed its borders … because of fighting between Azerbaijanis and Armenians"): the source before is
  dropped and the pairs are formed within the coordinated group;
- **with** ("signed *with* X and Y", "talks *with* X and Y", "avec", "مع"): X and Y are the partners of one
  party, never each other's; the word may also follow the cue ("*talks* with X and Y"). With no party named before the cue the rows go from the speaker, or nobody, to each
  of them, and X and Y are not paired.

Read on the matched text of the mutual hits only (few), after the sides are assigned.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["BETWEEN", "WITH", "coordinated_partners"]

#: Last words of a cue after which the coordinated actors are the two sides.
BETWEEN = frozenset({"between", "entre", "بين"})
#: Last words of a cue after which the coordinated actors are one party's partners.
WITH = frozenset({"with", "avec", "مع", "ومع"})


def _linking_words(match: str, m_start: np.ndarray, m_end: np.ndarray) -> list[str]:
    """The cue's last word, or the word right after it when that is one of :data:`BETWEEN` or :data:`WITH`
    ("*talks* with X and Y", "*talks* between X and Y")."""
    out = []
    for a, z in zip(m_start.tolist(), m_end.tolist(), strict=True):
        after = match[z:z + 12].split()
        nxt = after[0] if after and match[z:z + 1].isspace() else ""
        out.append(nxt if nxt in BETWEEN or nxt in WITH else (match[a:z].split() or [""])[-1])
    return out


def coordinated_partners(match: str, hits: dict[str, np.ndarray], phrases: pd.DataFrame, direction: np.ndarray,
                         src: np.ndarray, tgt: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(src, direction)`` with the rules of the module applied; new arrays, the inputs are not modified.

    ``match`` is the batch's matching form, ``hits`` carries ``m_start``/``m_end`` (the cue in it), ``src`` and
    ``tgt`` are phrase indexes (``-1``: none) and ``phrases`` has the compound ``group`` of each phrase."""
    mutual = np.flatnonzero(direction == "mutual")
    if len(mutual) == 0 or phrases.empty:
        return src, direction
    group = phrases["group"].to_numpy(np.int64)
    size = np.bincount(group)
    t = tgt[mutual]
    coordinated = np.zeros(len(mutual), dtype=bool)
    coordinated[t >= 0] = size[group[t[t >= 0]]] >= 2
    mutual, t = mutual[coordinated], t[coordinated]
    if len(mutual) == 0:
        return src, direction
    last = np.array(_linking_words(match, hits["m_start"][mutual], hits["m_end"][mutual]), dtype=object)
    src, direction = src.copy(), direction.copy()
    between = mutual[np.isin(last, list(BETWEEN))]
    src[between] = -1
    partners = mutual[np.isin(last, list(WITH)) & (src[mutual] < 0)]
    direction[partners] = "active"
    return src, direction
