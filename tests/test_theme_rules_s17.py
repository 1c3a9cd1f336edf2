"""Theme rules of issue 16's round 17, one class each: the misfire's class is gone and the theme's sense still fires.

The classes came from the wrong hits of the fifteenth reading (``theme_precision_check_s17.csv``, read before any
rule): "religiously sanctioned" (approved) is no sanction; objects illegally exported are trafficking, no trade;
combat planes are an aircraft type, no clash; a container's detention fees hold no detainee; workers' negotiated
health benefits are no talks; a pipeline of professionals is no energy; a bipartisan (one legislature's) deal is no
agreement between parties abroad; "extremist officials" and "extremist laws" are a political epithet, no terrorism;
a preventable death of childbirth is no casualty; a source's phone call with a news agency is no call between
officials; the decision of the African Union's Peace and Security Council (قرار) is no UN resolution. (The election
of a meeting's chair or bureau as a procedure, no election, was tried and withdrawn: two earlier readings,
``theme_precision_check_s7.csv`` and ``theme_precision_check_s16.csv``, judged "Élection du Bureau" and انتخاب نواب
الرئيس right.)

And from the French-Arabic disagreements of the UNPC tune half: Arabic decision-makers (صانعي السياسات والقرارات,
"les décideurs") and a decision "that" (قرارها بأن, "elle a décidé de") are no resolutions; emergency aid in French
("l'aide d'urgence") and humanitarian personnel are aid, as the Arabic and English say; French consent obtained
("obtenir l'accord de ses États membres") is no agreement; land disputes ("conflits fonciers", النزاعات على الأراضي)
are no war; the Arabic feminine displaced and refugees (النازحات) and asylum granted or sought (منح اللجوء; bare
اللجوء is also recourse, "اللجوء إلى القوة") are refugees; French arrest warrants ("mandats d'arrêt") are detainees,
as "arrest warrants" and أوامر الاعتقال. Tried and withdrawn: an Arabic قصف with no artillery near read as an air
strike too, as the French and English bombardment (Arabic→English fell by five triples: the UN's English says
"shelling"); the French bombardment with no aircraft near as shelling only (three cue tests of ``test_themes.py``
read it as an air strike); the settlement of conflicts in general ("le règlement pacifique des conflits", تسوية
النزاعات), as the English "conflict resolution" (the three languages say "the prevention and settlement of
conflicts" in different words: Arabic→French fell by three triples on the tune half).

Each case is a short sentence written for the rule (no corpus text), paired with its twin: the sentence the rule must
leave as it was, or the class the rule removes. The rule's reason is in themes.yaml.
"""

from __future__ import annotations

from theme_readings import twin_tests

# (theme, language, a sentence that has the theme, a sentence of the class that has not)
CASES = [
    # the fifteenth reading
    ("economic_sanctions", "en", "The EU sanctioned three banks on Monday.",
     "Such marriages are, in fact, a form of religiously sanctioned prostitution."),
    ("economic_sanctions", "en", "The regime's officials were sanctioned by the Treasury.", "They denounced state-sanctioned violence against women."),
    ("trade", "en", "Syria exported wheat to Lebanon.",
     "Antiquities from Syria were sold or illegally exported to collectors."),
    ("trade", "fr", "Le pays a exporté du blé vers le Liban.", "Les objets d'art ont été exportés illégalement vers l'Europe."),
    ("clashes", "en", "Combat between the army and the rebels continued overnight.",
     "On Friday the Israeli combat planes delivered a missile strike on army positions."),
    ("detainees", "en", "They called for the release of all those held in detention.",
     "Carriers must follow just practices relating to demurrage and detention fees."),
    ("talks", "en", "They negotiated a ceasefire with the rebels.",
     "The restrictions have a direct impact on negotiated health care benefits of women in the workforce."),
    ("energy", "en", "The gas pipeline to Europe was completed in June.",
     "The funding will bolster the pipeline of mental health professionals serving in schools."),
    ("agreement", "en", "The two leaders discussed the deal now on the table to secure the release of hostages.",
     "Disasters demonstrate the urgent need for the President's Bipartisan Infrastructure Deal."),
    ("terrorism", "en", "Extremist groups attacked the town at dawn.",
     "Extremist officials in more than a dozen states are enforcing laws that make it a crime."),
    ("casualties", "fr", "L'attaque contre le marché a fait trois morts et dix blessés.",
     "Il faut protéger les femmes contre une mort évitable par suite de complications dues à une obstruction du travail."),
    ("phone_call", "en", "President Assad received a phone call from President Putin.",
     "Local sources said in a phone call with SANA that terrorists fired rocket shells on the city."),
    ("resolution", "ar", "والقرار الأخير الذي اتخذه مجلس الأمن بشأن مسألة الصحراء مثال جديد.",
     "والقرار الأخير الذي اتخذه مجلس السلام والأمن التابع للاتحاد الأفريقي بشأن مسألة الصحراء مثال جديد."),
    # UNPC tune half, Arabic <-> French
    ("resolution", "ar", "تلقى المكتب موارد لتنفيذ هذا القرار.", "يعتمد النجاح على فهم صانعي السياسات والقرارات لهذا الإطار القانوني."),
    ("resolution", "ar", "تعيد تأكيد قرارها 68/1 بشأن تعزيز المجلس.", "تعيد تأكيد قرارها بأن تنظر في دورتها التاسعة والستين في الحاجة إلى عقد اجتماع."),
    ("aid", "fr", "Le personnel humanitaire a été pris pour cible.", "Le personnel de la société a été pris pour cible."),
    ("aid", "fr", "L'acheminement de l'aide d'urgence reprendra la semaine prochaine.",
     "L'aide du professeur a permis aux élèves de réussir leur examen."),
    ("agreement", "fr", "Les deux pays ont signé un accord sur la coopération nucléaire.",
     "L'Agence doit obtenir l'accord de ses États membres pour l'élaboration de ce concept."),
    ("conflict", "fr", "Le conflit armé a fait des milliers de morts.", "Le projet porte sur le règlement des conflits fonciers dans la région."),
    ("conflict", "ar", "ويجب تسوية النزاع في سوريا بالوسائل السياسية.", "وخاصة الموظفين العاملين في المشاريع المتعلقة بحل النزاعات على الأراضي."),
    ("refugees", "ar", "ومن المؤسف أن هؤلاء النازحات داخليا تعرضن للتمييز.", "ومن المؤسف أن هؤلاء العاملات تعرضن للتمييز."),
    ("refugees", "ar", "ولا تبرر هذه الأحداث منح اللجوء لصاحبة البلاغ.", "ولا يبرر ذلك اللجوء إلى القوة دون إذن من مجلس الأمن."),
    ("detainees", "fr", "La Cour a lancé plusieurs mandats d'arrêt contre les suspects.", "La Cour a prorogé son mandat de trois ans."),
    ("aid", "en", "Humanitarian personnel were harassed and targeted.", "The humanitarian values of our people guide its foreign policy."),
]

tagged, test_theme_with_and_without = twin_tests(CASES)
