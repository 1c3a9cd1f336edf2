"""Theme rules of issue 16's round 16, one class each: the misfire's class is gone and the theme's sense still fires.

The classes came from the wrong hits of the stored readings (``tests/data/theme_precision*.csv``), the fourteenth
reading (``theme_precision_check_s16.csv``, read before any rule) among them: rallying support is no rally; people
rebuilding their lives or trust is no reconstruction; the Secretary General of a state's national security
secretariat is not the UN's. (The diplomatic clearance of a military flight, judged wrong by three readings, was
tried and withdrawn: a tune reading, ``theme_precision_tune_i16f.csv``, judged the same sentence right.) And from the French-Arabic disagreements of the UNPC tune
half: the French feminine and plural of the UN Secretary-General ("la Secrétaire générale adjointe", where the
Arabic says وكيلة الأمين العام); an Arabic presidential decree (القرار الرئاسي) is no resolution; Arabic "agreed
upon" (سبق الاتفاق عليها) is no agreement; the French participle "compromis" (compromised) near a resolution is no
compromise; "les manifestations les plus visibles" of a thing are its signs, no protests.

Each case is a short sentence written for the rule (no corpus text), paired with its twin: the sentence the rule must
leave as it was, or the class the rule removes. The rule's reason is in themes.yaml.
"""

from __future__ import annotations

from theme_readings import twin_tests

# (theme, language, a sentence that has the theme, a sentence of the class that has not)
CASES = [
    # the fourteenth reading and the earlier ones
    ("protests", "en", "Thousands joined a rally against the government in the capital.",
     "The League will intensify its activities to rally international support for the initiative."),
    ("protests", "en", "Police dispersed the rallies outside the embassy.", "The party's members rally behind their leader."),
    ("protests", "en", "Rebels bombarded a campaign rally in support of the president's re-election.",
     "Member States must rally to the support of the United Nations."),
    ("reconstruction", "en", "Donors pledged funds to rebuild the country after the war.",
     "Partnerships support the newcomers as they rebuild their lives in their new communities."),
    ("reconstruction", "en", "The conference discussed rebuilding Gaza's homes and schools.", "Both sides work at rebuilding trust after the crisis."),
    ("reconstruction", "fr", "Il faut reconstruire les écoles détruites par la guerre.", "Les réfugiés veulent reconstruire leur vie en France."),
    ("un", "en", "The Secretary-General of the United Nations spoke today.",
     "Sullivan spoke today with Akiba Takeo, Secretary General of Japan's National Security Secretariat."),
    # UNPC tune half, Arabic <-> French
    ("un", "fr", "La Secrétaire générale adjointe à la communication a souligné l'attachement du Département au multilinguisme.",
     "La secrétaire générale du syndicat a souligné l'attachement des salariés à leurs droits."),
    ("un", "fr", "Les secrétaires généraux adjoints rendent compte au Secrétaire général.",
     "Les secrétaires généraux des partis se sont réunis hier."),
    ("resolution", "ar", "أشار إلى قرار مجلس الأمن رقم 2085 المتعلق بمالي.", "شكّل اعتماد القرار الرئاسي رقم 2085 خطوة مهمة."),
    ("resolution", "fr", "Ils ont violé les résolutions du Conseil de sécurité et compromis la transition politique.",
     "La résolution trouvée grâce à un compromis satisfait les deux camps."),
    ("protests", "fr", "Les manifestations contre le gouvernement ont repris à Bamako.",
     "Le trafic d'armes n'est qu'une des manifestations les plus visibles de cette coopération."),
    ("agreement", "ar", "توصل الطرفان إلى اتفاق بشأن الحدود.", "يجب إرساء إطار زمني للتدابير التي سبق الاتفاق عليها."),
]

tagged, test_theme_with_and_without = twin_tests(CASES)
