"""Theme rules of issue 16's round 15, one class each: the misfire's class is gone and the theme's sense still fires.

The classes came from the wrong hits of the stored readings (``tests/data/theme_precision*.csv``), the thirteenth
reading (``theme_precision_check_s15.csv``, read before any rule) among them: English death(s) is any death (an
actor's, an astronaut's, a road death rate, a loved one's, a world war's death camp) and a casualty only next to
violence, as French décès and Arabic وفاة already were; murder statistics; a bridge collapse as an accident; dialogue
among religions, ethnic groups, public organisations, stakeholders or a meeting's participants; the French "combat
pour" a cause; the honorific "Ambassador" of a domestic official; rebuilding a state's own infrastructure; a consumer's
user agreement; a people held hostage; preventive diplomacy in the name of a UN centre. And from the French-Arabic
disagreements of the UNPC tune half: the decisions of the Security Council and the General Assembly as resolutions
(the Arabic قرار, and مقرر), Arabic "lost their lives", bodies found, an injury or a slaughter of civilians, French
"coût humain" and "massacrer", Arabic combat operations and war with a possessive, the war on terror in French as
in English and Arabic, al-Qaida's acronyms and radicalisation, French coordinated humanitarian aid, an Arabic ceasefire
with adjectives between and no truce in calming a situation, freezing funds as a verb (en, fr, ar), coercive measures
as sanctions only when unilateral, economic or imposed (fr, ar), the French "référendaire". Last, a class of the
earlier readings that changes no UNPC sentence: "homme de paix et de dialogue".

Each case is a short sentence written for the rule (no corpus text), paired with its twin: the sentence the rule must
leave as it was, or the class the rule removes. The rule's reason is in themes.yaml.
"""

from __future__ import annotations

from theme_readings import twin_tests

# (theme, language, a sentence that has the theme, a sentence of the class that has not)
CASES = [
    # the thirteenth reading and the earlier ones
    ("casualties", "en", "Two civilians were among the deaths after the air strike on the market.",
     "Students remembered the Master's death with a minute of silence."),
    ("casualties", "en", "A drop in civilian deaths followed the ceasefire.", "A drop in the road death rate followed the upgrade of the roads."),
    ("casualties", "en", "Three villagers were beaten to death by the militia.", "The audience was bored to death by the speech."),
    ("casualties", "en", "He was implicated in the murder of more than a hundred people.",
     "The country saw the largest increase in murders ever recorded."),
    ("casualties", "en", "Workers who lost their lives in the attack were remembered.", "Workers who lost their lives in the bridge collapse were remembered."),
    ("talks", "en", "The two states maintain a substantive political dialogue.",
     "He wished success in promoting the inter-civilisational and inter-religious dialogue."),
    ("talks", "en", "The parties resumed a direct dialogue on the border.", "The agreement opens up direct dialogue between public organisations."),
    ("talks", "fr", "Nous souhaitons un dialogue entre les différentes parties.", "Les règles doivent résulter d'un dialogue entre chercheurs et parties prenantes."),
    ("clashes", "fr", "Il est mort au combat près de la frontière.", "Ce combat pour les droits est un combat de longue haleine."),
    ("diplomatic_relations", "en", "Russian Ambassador to Ukraine Viktor Chernomyrdin was present.",
     "Ambassador Susan Rice, Assistant to the President and Domestic Policy Advisor, attended."),
    ("diplomatic_relations", "fr", "La diplomatie française reste active dans la région.",
     "M. Draganov dirige le Centre régional des Nations Unies pour la diplomatie préventive en Asie centrale."),
    ("reconstruction", "en", "The attack aims at hindering efforts by the Syrian people to rebuild their country.",
     "The Bipartisan Infrastructure Law is repaving roads and rebuilding bridges."),
    ("agreement", "en", "The two states signed an agreement on their border.", "People need to read user agreements, the fine print, carefully."),
    ("detainees", "en", "Gunmen took twenty people hostage in the hotel.", "They must not again take an entire people hostage."),
    # UNPC tune half, Arabic <-> French
    ("resolution", "fr", "Je vous informe de la mise en œuvre de la décision du Conseil de sécurité.",
     "Je vous informe de la mise en œuvre de la décision du Conseil d'administration."),
    ("resolution", "en", "I inform you of progress in implementing the decision of the Security Council.",
     "I inform you of progress in implementing the decision of the Executive Board."),
    ("resolution", "ar", "وفقا لمقرر الجمعية العامة المتعلق بالميزانية", "قدم المقرر الخاص تقريره إلى اللجنة"),
    ("casualties", "ar", "نتذكر جميع من فقدوا حياتهم في الأحداث", "نتذكر جميع من فقدوا أموالهم في الأزمة"),
    ("casualties", "ar", "عثر على جثث ثلاثة منهم في الوادي", "تتحلل جثث الحيوانات في الغابة ببطء"),
    ("casualties", "ar", "أسقطت براميل متفجرة مما أسفر عن إصابة مدنيين", "انتشرت الآفة مما أسفر عن إصابة المحاصيل"),
    ("casualties", "fr", "Le coût humain de la guerre est immense.", "Le coût financier de la guerre est immense."),
    ("casualties", "fr", "Le régime est prêt à massacrer des milliers de civils.", "Le régime est prêt à libérer des milliers de civils."),
    ("casualties", "en", "The human cost of the illicit transfer of small arms is high.", "The financial cost of the illicit transfer of small arms is high."),
    ("clashes", "ar", "نفذت القوات ست عمليات قتالية في الشمال", "نفذت القوات ست عمليات تدريبية في الشمال"),
    ("conflict", "ar", "على الحوثيين أن يضعوا حدا لحربهم المفتوحة على عدن", "الحكومة ماضية في حربها على الإرهاب"),
    ("conflict", "fr", "La guerre a repris dans le nord.", "Le Gouvernement poursuit sa guerre contre le terrorisme."),
    ("counterterrorism", "ar", "الحكومة ماضية في حربها على الإرهاب", "الحكومة ماضية في حربها على الفساد"),
    ("terrorism", "fr", "Le financement d'AQPA provient des rançons.", "Le financement du PNUD provient des contributions."),
    ("terrorism", "en", "The Council is concerned at the risk of radicalization in the region.",
     "The Council is concerned at the risk of polarization in the region."),
    ("aid", "fr", "La mission coordonne l'acheminement de l'aide et de l'appui humanitaires.",
     "La mission coordonne l'acheminement de l'aide et de l'appui techniques."),
    ("ceasefire", "ar", "يكون هناك وقف فوري وشامل لإطلاق النار في بعض المناطق", "يكون هناك وقف فوري وشامل لإطلاق سراح المعتقلين"),
    ("ceasefire", "ar", "أعلنت الأطراف تهدئة في المدينة", "تحركت السلطات المحلية لاحتواء التوتر وتهدئة المواطنين"),
    ("economic_sanctions", "fr", "Les institutions financières doivent geler les fonds des personnes désignées.",
     "Les institutions financières doivent gérer les fonds des personnes désignées."),
    ("economic_sanctions", "en", "Banks were told to freeze the funds of the listed individuals.", "It is important to avoid the freezing of state funds."),
    ("economic_sanctions", "ar", "ندين الإجراءات القسرية الانفرادية المفروضة على الشعب", "تم ترحيل السكان عملا بإجراءات قسرية نظمتها الدولة"),
    ("elections", "fr", "Le processus référendaire a commencé.", "Le processus budgétaire a commencé."),
    # the earlier readings: a man of peace and dialogue is a virtue
    ("talks", "fr", "Les parties ont repris le dialogue à Genève.", "Homme de paix et de dialogue, il a dirigé le pays pendant quinze ans."),
]

tagged, test_theme_with_and_without = twin_tests(CASES)
