"""The patterns that tell a short form of a UN body from a longer name or another word (:mod:`.short_forms`).

A generic noun followed by a qualifier names another body ("the Council of Europe", "le Conseil d'administration",
"l'Organisation internationale de la Francophonie", "المجلس التنفيذي", "اللجنة الخامسة"); Arabic writes the nouns
with a kashida inside words in UN typesetting, and المنظمة is also the adjective "organised".
"""

from __future__ import annotations

import re

__all__ = ["APOS", "EN_QUALIFIER", "FR_QUALIFIER", "AR_QUALIFIER", "SG_QUALIFIER", "AR_DEFINITE_BEFORE",
           "AR_PARTICIPLES", "HYPHEN", "TATWEEL", "flexible", "plain"]

APOS = "['’]"
# "of", "on", "for" + a possessive is no name: "the report of the Commission on its forty-eighth session",
# "informed the Committee of its decision" (the body itself)
_POSSESSIVE = {"en": r"(?:its|their)\b", "fr": r"(?:les\s+travaux\s+de\s+)?(?:sa|son|ses|leurs?)\b"}
EN_QUALIFIER = rf"(?!\s+(?:of|on|for)\b(?!\s+{_POSSESSIVE['en']}))(?!['’]s\s+[A-Z])(?![\s-]+[A-Z])"
# "de" + a noun names another body ("le Conseil de mise en œuvre de la paix", "l'Organisation de libération de la
# Palestine", "l'Organisation pour la sécurité …"); "de" + an infinitive is the body itself ("prie le Conseil de lever")
FR_INFINITIVE = r"[^\W\d_]+(?:er|ir|re|oir)\b"
FR_QUALIFIER = (rf"(?!\s+(?:de|des|du|pour|sur)\s+(?!{_POSSESSIVE['fr']})(?:la\s+|les\s+|l['’])?"
                rf"(?!{FR_INFINITIVE})[^\W\d_])"
                # "sur les travaux de sa … session", "sur ses travaux": the body's own session, as in English
                # "d'" + a noun too ("la Conférence d'examen", "la Mission d'établissement des faits", "le Comité
                # d'experts"), but not an article, an adverb or an infinitive ("le Haut-Commissariat d'une
                # structure", "au Secrétariat d'ici", "prie le Conseil d'agir")
                rf"(?!\s+d['’](?!(?:une?|ici|ailleurs|abord|autant|urgence)\b)(?!{FR_INFINITIVE})[^\W\d_])"
                r"(?!\s+(?:chargée?|adjointe?|exécutif|spécial|spéciale|permanente?|consultatif|générale?|généraux)\b)"
                r"(?!\s+[A-Z])"  # "la Conférence générale" (the IAEA's), "le Fonds général", "le Secrétariat général"
                # an adjective after the noun names another body: "l'Organisation internationale de la
                # Francophonie", "le Conseil supérieur de l'éducation", "le Conseil danois pour les réfugiés"
                r"(?!\s+(?:inter)?(?:nationa|mondia|régiona|fédéra|europé|africa|supérieur|suprême|économique)\w*)"
                r"(?!\s+\w{2,}(?:ois|ais|ien|ienne|aise|oise|ain|aine)s?\b)"
                # an adjective in a form no verb of the third person takes ("le Conseil électoral provisoire", "le
                # Programme commun", "le Comité préparatoire", "le Fonds humanitaire"); not -ale/-elle/-ique/-ive,
                # which are also verbs after the noun ("la Commission signale", "rappelle", "indique")
                r"(?!\s+[^\W\d_]+(?:al|aux|el|if|un|aire|oire)s?\b)")
AR_QUALIFIERS = ("المعنية", "المعني", "التابعة", "التابع", "المشتركة", "المشترك", "الخاصة", "الخاص",
                 "الفرعية", "الفرعي", "المخصصة", "المنشأة", "المساعد", "المساعدة", "الأعلى", "العليا", "السابق",
                 "السابقة", "العام", "العامة", "الدائمة")  # a state's "البعثة الدائمة": no UN body
# an ordinal after the noun names another body: "اللجنة الخامسة" is the Fifth Committee, "اللجنة الثالثة" the Third
AR_ORDINALS = tuple(f"ال{o}" for o in ("أول", "أولى", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع",
                                        "عاشر")) + ("الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة",
                                                    "السابعة", "الثامنة", "التاسعة", "العاشرة")
_AR_WORDS = "|".join(AR_QUALIFIERS + AR_ORDINALS)
AR_QUALIFIER = rf"(?!\s+(?:{_AR_WORDS})(?!\w))(?!\s+ال\w+(?:ي|ية|يين|يون)(?!\w))(?!\s+ل)"
AR_DEFINITE_BEFORE = re.compile(r"(?:^|\s)(?:[وف]?(?:ال|لل|بال)\w+|هي|هو|وهي|وهو)\s+$")
# Arabic nouns that are also a participle: bare (no proclitic) right after a definite noun they are its adjective
# ("الجريمة المنظمة" organised crime), whatever the document names; "للمنظمة", "والمنظمة" stay nouns
AR_PARTICIPLES = frozenset({"المنظمة"})

HYPHEN = "[-‐‑]"
TATWEEL = "\u0640"  # Arabic kashida, a stretch inside a word in UN typesetting ("تقريــــر الأمين العـــــام")
SG_QUALIFIER = {"en": r"(?!\s+of\b)", "fr": r"(?!\s+(?:de|des|du)\s+(?:la\s+|l['’])?[A-Z])(?!\s+adjointe?\b)",
                "ar": r"(?!\s+(?:المساعد|السابق)(?!\w))(?!\s+ل)"}


def flexible(word: str) -> str:
    """The pattern of one noun: any hyphen, and in Arabic a kashida after any letter and any run of spaces."""
    if not any("\u0600" <= c <= "\u06ff" for c in word):
        return re.escape(word).replace(r"\-", HYPHEN)
    return "".join(r"\s+" if c == " " else re.escape(c) + TATWEEL + "*" for c in word)


def plain(noun: str) -> str:
    """A matched Arabic noun as the UN table writes it: no kashida, one space."""
    return re.sub(r"\s+", " ", noun.replace(TATWEEL, ""))
