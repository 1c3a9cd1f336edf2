"""Context roles: "the President", "le président de la République", "رئيس الجمهورية" without a country word.

An unqualified office names a person only when the document makes the country certain. The signals, in
the order they are tried (the first that gives a country wins; the mention's ``alias_kind`` says which):

1. ``context:source`` — the outlet is that government (the Kremlin's readouts, the White House's, the
   French foreign ministry's, SANA): :data:`SOURCE_COUNTRY`, matched on the ``source`` column.
2. ``context:dateline`` — the dateline names a capital or city of one state, and no other state is named
   in the document.
3. ``context:only-country`` — exactly one state is named in the document.

An office followed by "of" + a state ("the President of Brazil", "the President of the Republic of Yemen") takes
that state (``context:complement``), whatever the document names, and the mention covers the state's words: one
office, one actor, as the generated role phrases ("le président brésilien", "Président de la Fédération de
Russie", "رئيس البرازيل") read it; the state is the person's ``country`` in the actors table. When no holder is
found the state stays a mention of its own (the office is then unresolved). Followed by "of" + another body or a meeting
("the President of the Security Council", "le Président de l'Assemblée", "the President of the sixty-ninth
session") it is that body's president and stays unresolved with ``reason="other-office"``.

Otherwise the mention stays unresolved with ``reason="no-context"``. The office is read with the state's own
titles (the generated role phrases' title classes: "President" is the head of government in Iran and the
head of state in the United States), then its holder on the article's date. An unqualified office right
before a person's name ("الرئيس بشار الأسد", "the President Joe Biden") is the title of that name, not a
second mention, and is dropped.
"""

from __future__ import annotations

__all__ = ["SOURCE_COUNTRY", "source_country", "context_country"]

#: outlet (a substring of the articles' ``source``, lower-case) → the government it speaks for
SOURCE_COUNTRY: dict[str, str] = {
    "kremlin": "RUS",
    "whitehouse": "USA",
    "white house": "USA",
    "wh-readouts": "USA",
    "state.gov": "USA",
    "meae": "FRA",
    "diplomatie.gouv": "FRA",
    "elysee": "FRA",
    "sana": "SYR",
    "mid.ru": "RUS",
}


def source_country(source: object) -> str | None:
    """The government an outlet speaks for ("kremlin" → RUS), or None."""
    if not isinstance(source, str):
        return None
    low = source.lower()
    return next((c for key, c in SOURCE_COUNTRY.items() if key in low), None)


def context_country(source: object, dateline_states: set[str], states: set[str]) -> tuple[str | None, str]:
    """(country, signal) that makes an unqualified office certain in one document, or (None, "no-context").

    Parameters
    ----------
    source : str
        The article's ``source``.
    dateline_states : set of str
        States whose capital or cities the dateline names.
    states : set of str
        States named anywhere in the document.
    """
    own = source_country(source)
    if own:
        return own, "context:source"
    if len(dateline_states) == 1 and states <= dateline_states:
        return next(iter(dateline_states)), "context:dateline"
    if len(states) == 1:
        return next(iter(states)), "context:only-country"
    return None, "no-context"
