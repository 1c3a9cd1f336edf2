"""Theme rules of issue 16's round 14, one class each: the misfire's class is gone and the theme's sense still fires.

The classes came from the wrong hits of the stored readings (``tests/data/theme_precision*.csv``), the twelfth reading
(``theme_precision_check_s14.csv``, read before any rule) among them: a contradiction "in conflict with" a rule or its
spirit (and the UN's "children in conflict with the law"), weapons of war as arms, a protest blockade, the UN's
Commission on International Trade Law named, civil accord as harmony, a head of state's visit to a school, a plant
or an academy at home. Across all stored readings they drop 7 wrong hits and lose no right one. And from the
French-Arabic disagreements of the UNPC tune half: humanitarian conditions, operations and actors and aid agencies
named alike in the three languages, an Arabic high-level meeting a summit only with leaders meeting near (as in
English and French), a revolution of data or industry no protest, an Arabic arms embargo (حظر توريد الأسلحة) no arms transfer, war games (manoeuvres, not a war), an Arabic homicide rate (crime,
as homicide already is in English and French), air attacks (الهجمات الجوية, "aerial attacks") and air campaigns
in every language. (A French bombardment with no aircraft near read as shelling only, as Arabic قصف, was tried and
dropped: news names the aircraft further back, as the English rule dropped in the fifth round found on FA-KES.)

Each case is a short sentence written for the rule (no corpus text), paired with its twin: the sentence the rule must
leave as it was. The rule's reason is in themes.yaml.
"""

from __future__ import annotations

from theme_readings import twin_tests

# (theme, language, a sentence that has the theme, a sentence of the class that has not)
CASES = [
    ("conflict", "en", "The two states have been in conflict with each other over the border.",
     "Such plans are manifestly in conflict with the spirit of the Charter."),
    ("conflict", "en", "The children were caught in conflict zones.", "Training was given to staff dealing with children in conflict with the law."),
    ("conflict", "fr", "Le pays est en conflit avec ses voisins depuis dix ans.", "Une formation pour le personnel chargé des enfants en conflit avec la loi."),
    ("conflict", "en", "The war in the north has resumed.", "The police seized a huge war arsenal in his house."),
    ("conflict", "fr", "La guerre a repris dans le nord.", "Il a été arrêté en possession d'un arsenal de guerre."),
    ("conflict", "ar", "اندلعت الحرب في المنطقة", "ألقت الشرطة القبض عليه وفي حوزته ترسانة حرب ضخمة"),
    ("siege", "en", "The blockade of the port by the navy continues.", "Radical farmers said they would blockade Paris from Monday."),
    ("siege", "fr", "Le blocus du port par la marine se poursuit.", "Les agriculteurs ont annoncé un blocus de Paris lundi."),
    ("trade", "en", "Trade between the two countries grew last year.",
     "Georgia relinquished its seat in the United Nations Commission on International Trade Law."),
    ("agreement", "en", "The two states signed an accord on their border.", "I wish all the people of the republic civil accord and peace."),
    ("visit", "en", "During his visit to Moscow, the President met Vladimir Putin.",
     "During his visit to the educational centre, the President met pupils."),
    ("visit", "en", "Vladimir Putin visited France and met President Macron.", "Vladimir Putin visited the Russian State Academy of Arts."),
    ("arms_transfers", "ar", "ويدين توريد الأسلحة إلى الجماعات المسلحة", "يؤكد من جديد مسؤوليته عن رصد تنفيذ حظر توريد الأسلحة الذي يفرضه المجلس"),
    ("aid", "ar", "تمويل العمليات الإنسانية في منظومة الأمم المتحدة", "تمويل العمليات العسكرية في المنطقة"),
    ("aid", "ar", "تمكنت وكالات المعونة من إيصال الغذاء", "تمكنت وكالات الأنباء من نقل الخبر"),
    ("aid", "fr", "Les conditions humanitaires continuent de se détériorer.", "Les conditions économiques continuent de se détériorer."),
    ("aid", "en", "Humanitarian conditions continue to deteriorate.", "Economic conditions continue to deteriorate."),
    ("summit", "ar", "اجتمع القادة في اجتماع رفيع المستوى في نيويورك", "قدم الخبراء تقريرا إلى الاجتماع الرفيع المستوى للحوار العالمي بشأن بناء القدرات"),
    ("protests", "ar", "اندلعت الثورة في الشوارع ضد النظام", "يجري إعداد دورات دراسية عن ثورة البيانات"),
    # UNPC tune half, fr<->ar: war games are manoeuvres; a homicide rate is crime (as homicide in en, fr)
    ("conflict", "ar", "اندلعت الحرب النووية في المنطقة", "وكانت هذه المناورات العسكرية ألعاب حرب نووية حقيقية"),
    ("conflict", "en", "The war in the north resumed.", "The joint exercises were war games aimed at the capital."),
    ("conflict", "fr", "La guerre a repris dans le nord.", "Ces exercices conjoints étaient des jeux de guerre."),
    ("casualties", "ar", "أدى قتل النساء والأطفال في القرية إلى موجة نزوح", "ويبلغ معدل قتل النساء من السكان الأصليين عشرة أضعاف المتوسط الوطني"),
    # UNPC tune half, fr<->ar: air attacks and air campaigns in every language
    ("airstrike", "ar", "أدت الهجمات الجوية التي شنها النظام إلى وفاة 82 شخصا", "أدت الهجمات التي شنها النظام إلى وفاة 82 شخصا"),
    ("airstrike", "en", "More than 60 aerial attacks on the town killed 82 people.", "More than 60 attacks on the town killed 82 people."),
    ("airstrike", "fr", "Les groupes, aidés par la campagne aérienne étrangère, avancent.",
     "Les groupes, aidés par la campagne électorale étrangère, avancent."),
]

tagged, test_theme_with_and_without = twin_tests(CASES)
