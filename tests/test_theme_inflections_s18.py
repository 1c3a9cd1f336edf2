"""Round 18 (issue 16, UNPC Arabic↔French): the Arabic endings generated for every one-word cue
(``themes.cues.AR_INFLECTIONS``: dual, dual in construct, accusative, sound feminine plural), each with a case it
fixes and a twin it must not change; and the order of a theme's cues, which the longer patterns must not move."""

from __future__ import annotations

import pandas as pd
import pytest

from diplolib.themes import tag_themes
from diplolib.themes.cues import AR_INFLECTIONS, cue_pattern, order_length


def _themes(text: str, body: str | None = None) -> set[str]:
    arts = pd.DataFrame({"article_id": ["a"], "lang": ["ar"], "text": [text], "body": [body or ""]})
    hits = tag_themes(arts, body="body" if body else None)
    return set(hits["theme"].dropna().astype(str))


# (text, theme it must now carry): UNPC tune-half sentences and their forms, read before the rule
CASES = [
    ("ويجوز أيضا أن تبرم الدولة التي تعقد اتفاقا للضمانات بروتوكولا إضافيا.", "agreement"),      # accusative
    ("تؤيد أستراليا المبادئ المنصوص عليها في اتفاقيتي المسؤولية النووية لعامي 1997 و 2004.", "agreement"),  # dual construct
    ("والفارق بين هذين الاتفاقين لا يكمن في بنيانهما.", "agreement"),                            # dual
    ("من خلال تنفيذ هدنات إنسانية لفترات محددة.", "ceasefire"),                                  # feminine plural
    ("وأشار المفوضون الانتخابيين إلى أن الدعم سيكون مجديا.", "elections"),                       # plural of a nisba
    ("وتقدم المساعدة إلى النساء المشردات في المخيمات الحضرية.", "refugees"),                    # plural in ات
    ("وقد أجريت ثلاثة استفتاءات على الدستور منذ عام 2005.", "elections"),                      # plural in ات
]

# (text, theme it must still not carry): near-misses that keep their reading
TWINS = [
    ("ويجب تعزيز طاقات الشباب وقدراتهم.", "energy"),         # [طاقة|الطاقة] is a written list: طاقات "capacities"
    ("وتعمل الوزارة على تحسين الخدمات.", "visit"),            # زار has 3 letters: no endings (وزارة "ministry")
    ("وتدعم الحكومة الروابط الاسرية.", "detainees"),          # اسرى takes no ending: الاسرية "of the family"
    ("وتحسين المعاهد الوطنية للتدريب.", "agreement"),        # معاهدة's plural in ات only, not معاهد "institutes"
    ("ورصد الفقر بجميع مظاهرها.", "protests"),                # مظاهرة without its ة: مظاهرها "its aspects"
]


@pytest.mark.parametrize(("text", "theme"), CASES)
def test_generated_ending_is_found(text, theme):
    assert theme in _themes(text)


@pytest.mark.parametrize(("text", "theme"), TWINS)
def test_twin_keeps_its_reading(text, theme):
    assert theme not in _themes(text)


def test_endings_are_generated_for_one_word_cues_only():
    one = cue_pattern("اتفاقية", "ar")
    assert all(ending in one or ending[-1] in one for ending in AR_INFLECTIONS["ta_marbuta"])
    assert "\u0627\u0646|\u064a\u0646" not in cue_pattern("عملية السلام", "ar")   # a phrase: as written
    assert "\u0627\u0646|\u064a\u0646" not in cue_pattern("[طاقة|الطاقة]", "ar")   # a list: as written


def test_order_length_counts_the_endings_as_the_pronouns_alone():
    # a body-bound المجلس (the Security Council's documents only) must stay after مجلس الأمن in the theme's
    # alternation: otherwise it takes the place in a General Assembly document and the body filter drops it
    council, security_council = cue_pattern("المجلس", "ar"), cue_pattern("مجلس الأمن", "ar")
    assert order_length(council) < order_length(security_council)
    assert order_length(cue_pattern("security council", "en")) == len(cue_pattern("security council", "en"))
    text = "وأرجو تعميم هذه الرسالة بوصفها وثيقة من وثائق الجمعية العامة ومن وثائق مجلس الأمن."
    assert "security_council" in _themes(text, body="General Assembly")
    assert "security_council" in _themes(text, body="Security Council")
