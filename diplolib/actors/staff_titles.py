"""A head of state or government named inside a staff member's title is not that person acting.

"Jennifer Klein, Assistant to the President and Director of the Gender Policy Council", "Special Assistant to the
President for Housing and Urban Policy Erika Poethig", "Deputy Assistant to the President for Economic Mobility":
the White House's readouts style every aide by their place under the president, and "the President" was read as
the president of the outlet's state (the source context), once per aide (round 17, the fresh documents: two
readouts, two false hits). The office's holder is named by the title only as the aide's principal, as a state's
name inside the name of an agency is. The mention stays, with an empty ``actor_id`` and ``reason="in-title"``.

The rule: a person's hit resolved from a role phrase ("the President", "the President of the United States"),
right after "Assistant to", "Adviser to", "Advisor to", "Counselor to", "Counsellor to" or "Aide to", with
"Special", "Deputy", "Senior" or "Principal" before them or not. "spoke to the President", "a letter to the
President", "Assistant Secretary of State" keep their reading; a name hit ("Assistant to President Biden") is not a
role hit and stays too.
"""

from __future__ import annotations

import re

import numpy as np

from .hit_columns import Hits

__all__ = ["staff_title_heads"]

_STAFF = re.compile(r"\b(?:Assistant|Advis[eo]r|Counsell?or|Aide)\s+to\s+(?:the\s+)?$")


def in_staff_title(text: str, start: int) -> bool:
    """Whether the hit starting at ``start`` comes right after a staff title's "Assistant to" (40 characters read)."""
    return bool(_STAFF.search(text[max(0, start - 40):start]))


def staff_title_heads(texts: list[str], hits: Hits, resolved: list[np.ndarray], kind_of: dict) -> None:
    """Re-resolve (in place) each person hit read from a role phrase inside a staff title as ``in-title``."""
    roles = np.flatnonzero(resolved[1] == "role")  # the role hits only (a few per text), then their people
    for i in roles.tolist():  # each test reads 40 characters before the hit
        text, s = texts[int(hits.pos[i])], int(hits.start[i])
        if (kind_of.get(resolved[0][i]) == "person" and "to" in text[max(0, s - 10):s]
                and in_staff_title(text, s)):
            resolved[0][i], resolved[3][i] = None, "in-title"
