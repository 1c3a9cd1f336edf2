"""Calendar and meeting-procedure words: they say when and where a text was issued, not what it is about.

UN documents open and close with the same formulas in every language ("Item 68 of the provisional agenda",
"The Security Council will hold its 7,400th meeting on Thursday, 5 February, at 10 a.m.", "I have the honour to
transmit …", "Point 68 de l'ordre du jour provisoire", "جدول الأعمال المؤقت"), and readouts the same dating
lines. Fitted on UNPC documents, such words made topics of their own, one per language ("ordre · jour ·
provisoire", "hold · agenda · thursday", "عقدها · ساعة · مقرر"). ``TopicVectorizer(procedural=True)`` drops
the words below, in three classes (one reason each):

* calendar: weekdays and months (Arabic: both the Egyptian names, يناير, and the Levantine ones, كانون الثاني);
* meeting procedure: agenda, item, session, meeting, hold, provisional, hour …;
* correspondence formulas: letter, dated, addressed, annex, transmit, honour, circulate, document …

Words that also carry a subject are left out on purpose ("report", "council", Arabic عقد, which is also
"contract" and "decade"; أعمال, also "acts" as in "acts of violence").
"""

from __future__ import annotations

from functools import lru_cache

from ..tokens import fold

__all__ = ["PROCEDURAL", "procedural_words"]

_CALENDAR = {
    "en": "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
          "august september october november december",
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août "
          "septembre octobre novembre décembre",
    "ar": "الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد يناير فبراير مارس أبريل إبريل مايو يونيو "
          "يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين",
}
_PROCEDURE = {
    "en": "agenda item items provisional session sessions meeting meetings hold holds held holding convene convened "
          "hour hours sixty seventy sixty-ninth seventieth ninth tenth resumed plenary",
    "fr": "ordre jour provisoire point points session sessions séance séances réunion réunions tenir tenu tenue "
          "tiendra heure heures soixante soixante-dixième neuvième dixième reprise plénière",
    "ar": "جدول المؤقت مؤقت البند بند الدورة دورة الجلسة جلسة جلسات عقدها المعقودة تعقد ستعقد الساعة ساعة "
          "صباحا مساء العامة",
}
_LETTERS = {
    "en": "letter letters dated addressed annex annexed transmit transmitting honour circulate circulated "
          "circulation document documents original distribution paragraph paragraphs page",
    "fr": "lettre lettres daté datée adressé adressée annexe annexé transmettre honneur distribuer distribution "
          "document documents original paragraphe paragraphes page",
    "ar": "رسالة الرسالة مؤرخة المؤرخة موجهة الموجهة مرفق المرفق أتشرف بالشرف تعميم الوثيقة وثيقة الفقرة فقرة",
}

#: The procedural words of each language, as written (see the module's docstring for the three classes).
PROCEDURAL = {lang: f"{_CALENDAR[lang]} {_PROCEDURE[lang]} {_LETTERS[lang]}".split() for lang in _CALENDAR}


@lru_cache(maxsize=8)
def procedural_words(lang: str) -> frozenset[str]:
    """The procedural words of ``lang`` folded like the tokens (empty for a language without a list).

    In Arabic each word also counts without the article ال, and with a one-letter proclitic (و ف ب ل ك) before
    the word without its article ("لجلسة", "for a meeting"): the light stemmer strips only prefixes that end
    with the article.
    """
    words = {fold(w, lang) for w in PROCEDURAL.get(lang, ())}
    words |= {w.replace("-", " ").split()[0] for w in words if "-" in w}
    if lang == "ar":
        words |= {w[2:] for w in words if w.startswith("ال") and len(w) > 4}
        words |= {c + w for w in words if not w.startswith("ال") for c in "وفبلك"}
    return frozenset(words)
