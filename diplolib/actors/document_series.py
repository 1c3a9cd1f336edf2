"""The body a UN document's symbol series makes certain: E/CN.6/… is the Commission on the Status of Women's.

A UN document symbol names the body it belongs to in its series (the UN's "document symbols" scheme:
E/CN.6/2015/3 is a document of the Commission on the Status of Women, E/C.19/… of the Permanent Forum on
Indigenous Issues, CEDAW/C/… of the CEDAW Committee). Its sentences call that body by its generic noun ("the
Commission" / "la Commission" / اللجنة, "the Permanent Forum" / "l'Instance permanente" / المنتدى الدائم) and may
name it in full in none of the sentences one has: on the UNPC tune half such nouns were left unresolved in all
three languages, or in one (Arabic writes المكتب where English writes UNODC). :func:`series_bodies` reads the
bodies from the symbols; :func:`~diplolib.actors.agreement.parallel_mentions` counts them among the bodies the
document names, so a short form resolves to the series' body when it is the only body with that noun in view, and
stays unresolved when the document also names another ("ambiguous").

Some series make a second body certain: the body serving the organ (UNODC, the secretariat of the Commissions on
Narcotic Drugs and on Crime Prevention and of the Conferences of the Parties to UNTOC and UNCAC: "the Office" /
"l'Office" / المكتب) or the one the papers are about (the NPT Review Conference's papers and the IAEA's safeguards:
"the Agency" / "l'Agence" / الوكالة; a paper naming another agency, OPANAL, keeps its الوكالة unresolved).
"""

from __future__ import annotations

import pandas as pd

__all__ = ["SERIES_BODIES", "series_bodies"]

#: (pattern on the case-folded symbol or ODS path, the bodies the series makes certain, whose series)
SERIES_BODIES = (
    (r"(?:^|/)e/cn_6/", ("org:csw",), "Commission on the Status of Women"),
    (r"(?:^|/)e/cn_9/", ("org:cpd",), "Commission on Population and Development"),
    (r"(?:^|/)e/cn_5/", ("org:csocd",), "Commission for Social Development"),
    (r"(?:^|/)e/cn_7/", ("org:cnd", "org:unodc"), "Commission on Narcotic Drugs, served by UNODC"),
    (r"(?:^|/)e/cn_15/", ("org:ccpcj", "org:unodc"), "Commission on Crime Prevention and Criminal Justice, UNODC"),
    (r"(?:^|/)(?:ctoc|cac)/", ("org:unodc",), "Conferences of the Parties to UNTOC and UNCAC, served by UNODC"),
    (r"(?:^|/)e/c_19/", ("org:unpfii",), "Permanent Forum on Indigenous Issues"),
    (r"(?:^|/)e/cn_18/", ("org:unff",), "United Nations Forum on Forests"),
    (r"(?:^|/)a/ac_105/", ("org:copuos",), "Committee on the Peaceful Uses of Outer Space"),
    (r"(?:^|/)a/cn_4/", ("org:ilc",), "International Law Commission"),
    (r"(?:^|/)cedaw/c/", ("org:cedaw_committee",), "Committee on the Elimination of Discrimination against Women"),
    (r"(?:^|/)npt/", ("org:iaea",), "papers of the NPT Review Conference (the IAEA's safeguards)"),
)


def series_bodies(symbols: pd.Series) -> pd.Series:
    """The bodies each document's symbol series makes certain (:data:`SERIES_BODIES`), a frozenset per row.

    Examples
    --------
    >>> [sorted(b) for b in series_bodies(pd.Series(["2015/e/cn_15/2015/3", "2015/s/2015/31"]))]
    [['org:ccpcj', 'org:unodc'], []]
    """
    folded = symbols.astype("string").str.casefold()
    out = pd.Series([frozenset()] * len(symbols), index=symbols.index, dtype="object")
    for pattern, bodies, _ in SERIES_BODIES:
        hit = folded.str.contains(pattern, regex=True).fillna(False).to_numpy(dtype=bool)
        out[hit] = [b | frozenset(bodies) for b in out[hit]]
    return out
