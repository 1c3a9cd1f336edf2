"""The word lists and look-ups that say whether a capitalised sequence names a person, and why not.

Discovery (:mod:`diplolib.actors.provisional`) proposes a person only with *evidence* and without any *rejection*:

Evidence (one is enough)
    - ``title``: a title or office word right before the name, possibly with its complements in between
      ("President X", "Deputy National Security Adviser X", "le ministre des Affaires étrangères X", "M. X",
      "Mme X", Arabic الرئيس / وزير الخارجية ... X);
    - ``first-name``: the name starts with a first name that the registry's own people use ("Jon" from
      "Jon Finer" is not needed: "John Kerry", "Sergey Lavrov", "Jean-Yves Le Drian" give "John", "Sergey",
      "Jean-Yves"); first names of at least two letters that are not titles or particles;
    - ``surname``: a later surname-only reference to a full name already proposed in the same article
      ("Finer" after "Jon Finer"), grouped under its id;
    - ``ner``: spaCy's PER label (``method="spacy"``).

Rejections (any one, with the reason kept in the candidates table)
    - ``registry``: the name, or a part of the sentence it overlaps, is an alias the registry covers;
    - ``registry-surname``: a registry person under another spelling of the first name ("Vladimir Zelensky"
      for Volodymyr Zelensky: same surname, same initial; same first name and a surname one letter apart; or
      the same consonant skeletons in any script, "جون هوارد" for John Howard),
      or the lone surname of one ("Mr. Sullivan");
    - ``date-word``: a day or month name ("Tuesdays", "Mardi");
    - ``place``: a word of the name is a state, capital, place or demonym alias of the registry;
    - ``ordinary-word``: the name starts with, or consists only of, ordinary words of the language, or ends
      with one and no title precedes it ("Rose Garden", "Roosevelt Room"): a Zipf
      frequency of at least :data:`ORDINARY_ZIPF` in wordfreq, or more lower-case than capitalised occurrences
      in the corpus being read ("Heartbroken", "Mesdames") -- first names of the registry excepted;
    - ``acronym``: an all-capital word ("NATO", "SANA") is an organisation's or agency's name, not a person's;
    - ``organisation``: a head word of organisations ("Ministry", "Council", "Brigade", "Université");
    - ``eponym``: the name follows the head word of an organisation, place or concept ("Fondation Charles de
      Gaulle", "mosquée Sidi Yeyia", "boson de Higgs"): a thing named after a person;
    - ``one-word``: a single word, unless an honorific stands right before it ("Mr Finer", "M. Dupont").
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import pandas as pd

from ..normalize.matching import matching_form
from .registry import Registry

__all__ = ["NameRules", "skeleton", "zipf_table", "ORDINARY_ZIPF", "TITLES", "HONORIFICS", "ORG_HEADS", "PLACE_HEADS", "EPONYM_HEADS",
           "DATE_WORDS", "AR_TITLES"]

#: Words at least this frequent (Zipf scale, wordfreq) are ordinary words of the language, not names.
ORDINARY_ZIPF = 4.0

TITLES = frozenset(
    # English
    "president president-elect vice-president premier chancellor minister secretary undersecretary "
    "under-secretary deputy ambassador envoy senator sen rep representative congressman congresswoman governor "
    "gov mayor judge justice prosecutor king queen prince princess emir sheikh sheik sultan pope patriarch "
    "archbishop bishop cardinal imam ayatollah general gen lieutenant lt colonel col major maj brigadier captain "
    "capt admiral adm commander cmdr sergeant spokesman spokeswoman spokesperson adviser advisor director "
    "chairman chairwoman chair speaker leader mr mrs ms dr prof professor coordinator administrator counselor "
    "counsellor commissioner attaché attache "
    # French
    "président présidente ministre secrétaire sous-secrétaire ambassadeur ambassadrice envoyé envoyée sénateur "
    "sénatrice député députée gouverneur maire juge procureur roi reine émir cheikh pape patriarche archevêque "
    "évêque imam ayatollah général colonel commandant capitaine lieutenant porte-parole conseiller conseillère "
    "directeur directrice chef m mme mlle me dr pr haut-commissaire commissaire coordinateur coordonnateur "
    "représentant représentante".split())

# Words that may stand between a title and the name ("Secretary of State X", "ministre des Affaires étrangères X").
TITLE_COMPLEMENTS = frozenset(
    "of for the and of state defense defence foreign affairs national security homeland interior justice "
    "treasury commerce energy trade general special senior chief deputy assistant principal press political "
    # round 16: more portfolios between "Secretary of" and the holder ("Acting Secretary of Labor Julie Su")
    "labor labour education agriculture transportation health veterans housing "
    "military economic prime vice high acting former late then new own cabinet white house un u.n. "
    "de des du d la le l les et aux à au affaires étrangères étranger l'europe europe défense armées intérieur "
    "économie finances spécial spéciale adjoint adjointe délégué déléguée chargé chargée général générale "
    "haut haute premier première ancien ancienne nouveau nouvel nouvelle état".split())

ORG_HEADS = frozenset(
    "ministry department council committee commission agency office army brigade brigades battalion division "
    "regiment front movement party union university college school institute institution foundation "
    "association organization organisation group bank fund corporation company airlines airport port hospital "
    "news agency press times post tv television radio channel network court tribunal parliament assembly "
    "senate congress forces force guard guards police embassy consulate mission coalition alliance league "
    "federation centre center observatory authority board service services church mosque "
    "ministère département conseil comité commission agence bureau armée brigade bataillon division régiment "
    "front mouvement parti union université école institut fondation association organisation groupe banque "
    "fonds société compagnie aéroport hôpital journal tribunal cour parlement assemblée sénat congrès forces "
    "garde police ambassade consulat mission coalition alliance ligue fédération centre observatoire autorité "
    "église mosquée "
    "liwa jaish jaysh harakat kataib katibat faylaq failaq jabhat ansar hizb".split())

#: Titles after which a single word is a surname ("Mr Finer", "M. Dupont"); "Sheikh Maqsoud" is a district.
HONORIFICS = frozenset("mr mrs ms dr m mme mlle me".split())

#: Words that make a name a place ("Castello Road", "Place Vendôme").
PLACE_HEADS = frozenset("road street avenue square boulevard bridge river lake mountain mount valley district "
                        "neighbourhood neighborhood camp crossing gate highway province governorate countryside "
                        "region territory oblast krai strait sea island islands "
                        "rue avenue place boulevard pont fleuve rivière lac mont vallée quartier camp province".split())

#: Words after which a person's name names a thing ("boson de Higgs", "Turing test" reads the other way).
EPONYM_HEADS = frozenset("boson test théorème theorem loi law prix prize award affaire affair case effet effect "
                         "syndrome maladie disease doctrine plan prize fondation foundation rue avenue lycée collège "
                         "école stade stadium hôpital aéroport mosquée mosque église church musée museum".split())

DATE_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays "
    "saturdays sundays january february march april may june july august september october november december "
    "lundi mardi mercredi jeudi vendredi samedi dimanche janvier février fevrier mars avril mai juin juillet "
    "août aout septembre octobre novembre décembre decembre".split())

STOP_WORDS = frozenset(
    "the a an this that these those he she it they we i you his her their its our in on at for from with by of "
    "and but or if as after before during while when where what who which there here also however meanwhile "
    "yesterday today tomorrow then later earlier dear thank thanks le la les un une des du de il elle ils elles "
    "nous vous on ce cette ces son sa ses leur leurs mais et ou si selon lors dans pour par avec sans sous sur "
    "hier aujourd'hui demain puis ainsi enfin cher chère chers mesdames messieurs madame monsieur".split())

PARTICLES = frozenset("al el ad as ash at az ez es ed er ar an bin ben ibn bint abu abou abd abdel abdul de du des "
                      "la le da di do van von der den ter dos das del y".split())

# Arabic: titles that precede a name, words of the office between title and name, and words that end a name.
AR_TITLES = frozenset(
    "الرئيس رئيس رئيسة الرئيسة وزير وزيرة الوزير الوزيرة السيد السيدة الشيخ الأمير الأميرة الملك الملكة العاهل "
    "العميد اللواء العقيد الجنرال الفريق المشير النقيب الرائد المستشار المستشارة المتحدث المتحدثة الناطق "
    "السفير السفيرة المبعوث المبعوثة الأمين النائب النائبة القاضي الدكتور الدكتورة المرشح زعيم قائد القائد "
    "نائب مساعد المندوب المندوبة البابا الإمام آية "
    # professions of people in the news (round 15: coaches, players, critics; "المدرب البرتغالي مانويل جوزيه")
    "المدرب مدرب الناقد اللاعب لاعب لاعبه المهاجم الحارس الكاتب الكاتبة الصحفي الصحفية الصحافي المخرج الممثل "
    "الممثلة المغني المغنية الشاعر الروائي الباحث المحلل المدير مدير المديرة مديرة المسؤول مسؤول مسؤولة "
    "المتحدث المتحدثة "
    # round 16: musicians and singers, and Sudan's honorific (wikinews-ar: "الموسيقار المصري الكبير عمار الشريعي")
    "الموسيقار الملحن المطرب المطربة الفنان الفنانة مولانا".split())
AR_COMPLEMENTS = frozenset(
    "العام الخاص الأممي الأمريكي باسم خارجية دفاع داخلية الخارجية الدفاع الداخلية الوزراء الحكومة الجمهورية "
    "الدولة لشؤون شؤون الأمن القومي العهد الله العظمى الركن المتحدة الأمم للأمم الأسبق السابق الحالي المنتهية "
    "ولايته".split())
AR_STOP = frozenset(
    "في على من إلى الى عن مع أن إن ان أنه إنه قال قالت أكد أكدت أعلن أعلنت وقال وقالت الذي التي الذين خلال "
    "بعد قبل حول ضد لدى عند منذ حتى كما هو هي هم وهو وهي لا لم لن قد كان كانت يوم اليوم أمس غدا و أو ثم "
    "بين بان بأن عبر عقب إثر اثر بشأن يقول تقول يرى ترى وأضاف وأضافت أضاف أضافت وأكد وأشار أشار أشارت "
    # round 16: verbs of reporting that open a sentence before its subject ("صرح سيب بلاتر رئيس الفيفا")
    "صرح صرحت أوضح أوضحت اتهم اتهمت أشاد أشادت أفاد أفادت ذكر ذكرت دعا دعت طالب طالبت أعرب أعربت شدد شددت "
    "نفى نفت كشف كشفت وصف وصفت بصفته بصفتها بصفتي".split())  # "in his capacity as"
AR_PARTICLES = frozenset("بن ابن بنت أبو ابو أبي عبد آل ولد".split())

_LATIN_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$", re.UNICODE)


# Consonant classes shared by Latin and Arabic script, for comparing a name with the registry's across scripts
# and spellings ("جون هوارد" and "John Howard", "Sassou N'Guesso" and "Sassou Nguesso"): vowels, h, w, y and the
# Arabic long vowels, hamza and ʿayn are dropped; letters transliterated into one another share a class.
_LATIN_DIGRAPHS = (("sh", "S"), ("ch", "S"), ("kh", "K"), ("gh", "K"), ("th", "T"), ("dh", "T"), ("ph", "F"))
_CLASSES = {**dict.fromkeys("bp", "B"), **dict.fromkeys("fv", "F"), **dict.fromkeys("td", "T"),
            **dict.fromkeys("szx", "S"), **dict.fromkeys("kqgjc", "K"), "l": "L", "r": "R", "m": "M", "n": "N",
            **dict.fromkeys("بپ", "B"), **dict.fromkeys("فڤ", "F"), **dict.fromkeys("تطدضثذظ", "T"),
            **dict.fromkeys("سصزشژ", "S"), **dict.fromkeys("كقغجخگ", "K"), "ل": "L", "ر": "R", "م": "M", "ن": "N"}


def skeleton(word: str) -> str:
    """The consonant skeleton of a word in Latin or Arabic script ("Howard" and "هوارد" → "RT")."""
    w = matching_form(word)
    for digraph, cls in _LATIN_DIGRAPHS:
        w = w.replace(digraph, cls)  # the matching form is lower-case: the class letters cannot clash
    out: list[str] = []
    for ch in w:
        cls = ch if ch in "BFTSKLRMN" else _CLASSES.get(ch, "")
        if cls and (not out or out[-1] != cls):
            out.append(cls)
    return "".join(out)


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by at most one substituted, inserted or deleted letter. An Arabic nisba
    ending is no spelling slip: الأحمدي (al-Ahmadi) is another family than الأحمد (al-Ahmad)."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = sorted((a, b), key=len)
    if long_ == short + "ي" and short[-1:] != "ي":
        return False
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


@lru_cache(maxsize=8)
def zipf_table(lang: str) -> dict[str, float]:
    """wordfreq's Zipf frequency of the words of ``lang`` at least one point below the ordinary-word line
    (empty when wordfreq is absent: then only the corpus's own lower-case counts mark ordinary words)."""
    try:
        from wordfreq import get_frequency_dict
    except ImportError:  # pragma: no cover - depends on the optional extra
        return {}
    floor = 10 ** (ORDINARY_ZIPF - 1 - 9)
    return {w: math.log10(f) + 9 for w, f in get_frequency_dict(lang).items() if f >= floor}


class NameRules:
    """The registry-derived look-ups of the rules above: first names, place words, known aliases.

    Parameters
    ----------
    registry : Registry
    """

    def __init__(self, registry: Registry) -> None:
        actors, aliases = registry.actors, registry.aliases
        people = set(actors.loc[actors["kind"] == "person", "actor_id"])
        named = pd.concat([actors.loc[actors["actor_id"].isin(people), "label"],
                           aliases.loc[aliases["actor_id"].isin(people) & aliases["kind"].isin(
                               ["name", "short_name", "nickname", "former_name"]), "alias"]])
        self.first_names = self._first_names(named)
        place_ids = set(actors.loc[actors["kind"].isin(["state", "place"]), "actor_id"])
        placey = aliases[aliases["actor_id"].isin(place_ids) | aliases["kind"].isin(["demonym", "capital"])]
        self.place_words = frozenset(a.casefold() for a in placey["alias"] if len(a.split()) == 1)
        self.known_people = self._surnames(named)
        self.known_firsts: dict[str, set[str]] = {}
        self.known_skeletons: set[tuple[str, str]] = set()
        for name in named.dropna():
            words = str(name).split()
            if len(words) >= 2:
                self.known_firsts.setdefault(words[0].casefold(), set()).add(words[-1].casefold())
                last = skeleton(words[-1])
                self.known_skeletons.update((skeleton(w), last) for w in words[:-1])

    @staticmethod
    def _first_names(named: pd.Series) -> frozenset[str]:
        firsts = set()
        for name in named.dropna():
            words = str(name).split()
            if len(words) < 2:
                continue
            first = words[0].strip(",.")
            low = first.casefold()
            if (len(first) >= 2 and _LATIN_WORD.match(first) and first[0].isupper() and "." not in first
                    and low not in TITLES and low not in PARTICLES and low not in STOP_WORDS):
                firsts.add(low)
            elif re.fullmatch(r"[\u0621-\u064A]{2,}", first) and first not in AR_TITLES and first not in AR_PARTICLES:
                firsts.add(first)
        return frozenset(firsts)

    @staticmethod
    def _surnames(named: pd.Series) -> dict[str, set[str]]:
        """Surname (case-folded last word) → the case-folded first names the registry's people have with it."""
        out: dict[str, set[str]] = {}
        for name in named.dropna():
            words = str(name).split()
            if len(words) >= 2:
                out.setdefault(words[-1].casefold(), set()).add(words[0].casefold())
        return out

    def _first_name_variant(self, first: str, known: str) -> bool:
        """Whether ``first`` may spell the registry's first name ``known``: the same initial, and an initial alone,
        a word that is no known first name, one letter apart or the same consonant skeleton ("Vladimir" for
        "Volodymyr"); "Julie" is not "Jorge" (Julie Chavez Rodriguez is not Venezuela's Jorge Rodriguez)."""
        if first[:1] != known[:1]:
            return False
        bare = first.rstrip(".")
        return (len(bare) <= 1 or bare not in self.first_names or _one_edit(bare, known)
                or skeleton(bare) == skeleton(known))

    def known_person(self, words: list[str]) -> bool:
        """A registry person under another spelling of the first name ("Vladimir Zelensky" for Volodymyr):
        same surname, same initial; same first name and a surname one letter apart (باروزو for باروسو); the
        same consonant skeletons of first name and surname in any script ("جون هوارد" for John Howard); or a
        lone surname of a registry person ("Mr. Sullivan")."""
        firsts = self.known_people.get(words[-1].casefold(), set())
        if len(words) == 1:  # or a lone surname one letter from a registry surname ("President Nazabayev")
            low = words[0].casefold()
            return bool(firsts) or (len(low) >= 6 and any(
                _one_edit(low, s) for n in (len(low) - 1, len(low), len(low) + 1) for s in self._by_length().get(n, ())))
        if any(self._first_name_variant(words[0].casefold(), f) for f in firsts):
            return True
        last = words[-1].casefold()
        if len(last) >= 4 and any(_one_edit(last, s) for s in self.known_firsts.get(words[0].casefold(), ())):
            return True
        if last.endswith("ي") and words[0].casefold() in self.known_people.get(last[:-1], ()):
            return False  # the nisba of a registry family: أحمد الأحمدي is not أحمد الأحمد (skeletons drop the ي)
        pair = (skeleton(words[0]), skeleton(words[-1]))
        return len(pair[1]) >= 2 and len(pair[0]) + len(pair[1]) >= 4 and pair in self.known_skeletons

    def _by_length(self) -> dict[int, list[str]]:
        """The registry's surnames by length (built on first use)."""
        if not hasattr(self, "_lengths"):
            self._lengths: dict[int, list[str]] = {}
            for surname in self.known_people:
                self._lengths.setdefault(len(surname), []).append(surname)
        return self._lengths

    def is_place(self, word: str) -> bool:
        """Whether the case-folded ``word`` (or it without a final "s": "Syrias", fa-kes' lost apostrophes) names
        a state, capital or place, or is a demonym."""
        return word in self.place_words or (word.endswith("s") and word[:-1] in self.place_words)

    def zipf(self, word: str, lang: str) -> float:
        """wordfreq's Zipf frequency of the lower-case ``word`` in ``lang`` (0 when rare or unknown)."""
        return zipf_table(lang).get(word.casefold(), 0.0)

    def ordinary(self, word: str, lang: str, lower: dict[str, int], capital: dict[str, int]) -> bool:
        """Whether ``word`` is an ordinary word: frequent in the language, or mostly lower-case in the corpus."""
        low = word.casefold().strip("’'.")
        if low in self.first_names:
            return False
        if low in STOP_WORDS or low in DATE_WORDS:
            return True
        return self.zipf(low, lang) >= ORDINARY_ZIPF or lower.get(low, 0) > capital.get(word, 0)
