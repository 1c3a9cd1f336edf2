"""Who speaks in a UN document: the organ in whose voice it is written, or another body than the one issuing it.

:func:`document_voice` reads the organ whose own voice a document is (a presidential statement is the Security
Council speaking: :data:`VOICE_SERIES`).

The UN parallel corpus gives each document its issuing organ (``organ``: the Economic and Social Council for
the statements of non-governmental organisations, the NPT Review Conference for the papers of its states parties
and organisations). In those documents "the Organization" / "l'Organisation" / المنظمة is the author — the NGO,
the Organisation of Islamic Cooperation quoting its resolutions, the treaty body a working paper proposes — and
"the Council" of an NGO's report is that NGO's council, not the organ (on the UNPC tune half, 13 such short forms
in 10 sentences were read as the UN, ECOSOC or UNESCO, none in all three versions). :func:`other_author` reads them from the
document symbol; :func:`~diplolib.actors.short_forms.resolve_short_forms` then takes neither the issuing organ nor
the UN-text signal for their short forms, and resolves the author's own noun ("the Organization") only from a body
its own text names before it. The Secretary-General keeps the UN-text reading (NGOs and NPT papers quote the UN's
Secretary-General: 6 of 6 NGO and 10 of 13 NPT ones are found in all three versions).
"""

from __future__ import annotations

import pandas as pd

__all__ = ["OTHER_AUTHOR_SERIES", "VOICE_SERIES", "document_voice", "other_author"]

#: UN document series written in an organ's own voice (its resolutions, decisions and presidential statements),
#: as (pattern on the symbol or ODS path, case-folded, the organ's name)
VOICE_SERIES = ((r"^(?:\d{4}/)?s/prst/", "Security Council"), (r"^(?:\d{4}/)?s/res/", "Security Council"),
                (r"^(?:\d{4}/)?a/hrc/res/", "Human Rights Council"), (r"^(?:\d{4}/)?a/res/", "General Assembly"),
                (r"^(?:\d{4}/)?e/res/", "Economic and Social Council"))

#: UN document series written by another body than their issuing organ, as (pattern on the symbol or ODS path,
#: case-folded, who writes them)
OTHER_AUTHOR_SERIES = (
    (r"/ngo/", "statements of non-governmental organisations in consultative status (E/CN.6/2015/NGO/1)"),
    (r"^(?:\d{4}/)?e/c_2/\d{4}/\d+/add", "NGOs' quadrennial reports to the Committee on NGOs (E/C.2/2015/2/Add.1)"),
    (r"^(?:\d{4}/)?npt/", "papers of the NPT Review Conference: states parties, the IAEA, OPANAL, the OIC"),
)


def other_author(symbols: pd.Series) -> pd.Series:
    """True where the document (UN symbol or ODS path) is written by another body than its issuing organ.

    Examples
    --------
    >>> other_author(pd.Series(["2015/e/cn_6/2015/ngo/248", "2015/npt/conf_2015/18", "2015/s/2015/31"])).tolist()
    [True, True, False]
    """
    folded = symbols.astype("string").str.casefold()
    out = pd.Series(False, index=symbols.index)
    for pattern, _ in OTHER_AUTHOR_SERIES:
        out |= folded.str.contains(pattern, regex=True).fillna(False).astype(bool)
    return out


def document_voice(symbols: pd.Series) -> pd.Series:
    """The organ in whose voice each document is written, from its UN symbol or ODS path ("S/PRST/2015/1",
    "2015/s/prst/2015/1" → "Security Council"; :data:`VOICE_SERIES`), else None."""
    folded = symbols.astype("string").str.casefold()
    out = pd.Series([None] * len(symbols), index=symbols.index, dtype="object")
    for pattern, organ in reversed(VOICE_SERIES):  # the first pattern of the table wins
        out[folded.str.contains(pattern, regex=True).fillna(False).to_numpy()] = organ
    return out
