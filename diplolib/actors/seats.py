"""A capital that names where an office, a facility or an area is: the city, not the state acting.

"contacting the Nicosia ACC", "the Nicosia FIR", "the Ankara Area Control Centre", "centre de contrôle régional de
Nicosie", "région d'information de vol de Nicosie", "منطقة معلومات الطيران التابعة لنيقوسيا", "منطقة نيقوسيا لمعلومات
الطيران": the same sentence that another version writes "في نيقوسيا" or "à Damas" (a locative, read as the city by
:meth:`~diplolib.actors.rules.MatcherRules.as_place`). A capital standing for its government keeps the state:
"Moscow said", "the Damascus regime", "les autorités de Damas", "Moscow's position" — none of the nouns below.

:func:`seat_of` only answers "yes" where the tagger's vectorised pre-test for the in-name rule
(:func:`~diplolib.actors.pretests.maybe_in_a_name`) asks: a space and a capital letter after the hit (English), "de ",
"d'" or an Arabic letter before it (French, Arabic); ``tests/test_actors_seats.py`` checks it.
"""

from __future__ import annotations

import re

__all__ = ["SEAT_AFTER", "SEAT_BEFORE", "seat_of"]

#: English: the capital, up to three capitalised words, then the noun of a facility, an office or an air-traffic
#: area ("Nicosia FIR", "Ankara Area Control Centre", "Kabul International Airport" is in-name already)
SEAT_AFTER = re.compile(r" (?:[A-Z][\w-]* ){0,3}?(?:FIR|UIR|ACC|TMA|Flight Information Region|Control Cent(?:re|er)|"
                        r"Approach|Tower|Regional Office|Liaison Office|Field Office|Sub-Office|Station|"
                        r"Headquarters|Logistics Base|Naval Base|Air Base|Port|University|Stock Exchange)\b")
#: French and Arabic: the noun of a facility, an office or an area, up to four words, then "de" / "d'" (French) or
#: the capital with ل, ب, في or التابعة ل (Arabic) right before it
SEAT_BEFORE = re.compile(
    r"(?:\b(?:région d'information de vol|centre de contrôle(?: régional| d'approche| aérien)?|bureau régional|"
    r"bureau de liaison|bureau auxiliaire|sous-bureau|base logistique|base navale|base aérienne|port|université|"
    r"bourse|aéroport international|tour de contrôle)(?:\s+[\w'-]+){0,2}?\s+d(?:e\s+|['’]\s?)|"
    r"(?:منطقة معلومات الطيران|مركز المراقبة الجوية|مركز مراقبة|المركز الإقليمي للمراقبة|المكتب الإقليمي|"
    r"مكتب الاتصال|القاعدة الجوية|القاعدة البحرية|قاعدة اللوجستيات|ميناء|جامعة|مطار)"
    r"(?:\s+[\u0600-\u06ff]+){0,2}?\s+(?:(?:التابعة|التابع)\s+)?(?:في\s+|ب|ل)?)$",
    re.IGNORECASE)
#: Arabic: the capital, then "لمعلومات الطيران" ("منطقة نيقوسيا لمعلومات الطيران")
_SEAT_AFTER_AR = re.compile(r"\s+(?:لمعلومات الطيران|للمراقبة الجوية)")


def seat_of(text: str, start: int, end: int) -> bool:
    """Whether the capital at ``text[start:end]`` names where an office, facility or area is (see the module)."""
    nxt = text[end:end + 2]
    if len(nxt) == 2 and nxt[0] == " " and nxt[1].isupper() and SEAT_AFTER.match(text, end):
        return True
    before = text[max(0, start - 80):start]
    arabic = any("\u0600" <= c <= "\u06ff" for c in before[-2:])
    if arabic and _SEAT_AFTER_AR.match(text, end):
        return True
    if not (arabic or before.endswith(("de ", "d'", "d’"))):
        return False
    return bool(SEAT_BEFORE.search(before))
