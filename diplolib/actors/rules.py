"""The rules that check and resolve the hits of the actor automaton (see :mod:`diplolib.actors.tagger`).

:class:`MatcherRules` is the part of :class:`~diplolib.actors.matcher.ActorMatcher` that works on the hits of
one text: common words, counterpart phrases, coordinated demonyms, the resolution of one hit, context roles.
The partition path (:mod:`diplolib.actors.partition`) calls these same methods on the few hits and articles
that need them and resolves the rest from columns.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..normalize.matching import matching_form
from .context import context_country
from .coordination import CoordinationRules
from .keys import key_form
from .name_memos import name_word, owner_names
from .seats import seat_of

__all__ = ["MatcherRules", "based_place", "other_office"]

# Prepositions after which a capital is the city, not its government ("à Bagdad", "talks in Geneva"); matched on
# the matching form of the preceding characters (accents removed: "à" is "a").
_NUMBER_AFTER = re.compile(r"\s*,?\s*\d")
_NUMBER_BEFORE = re.compile(r"(?:\d(?:st|nd|rd|th|er)?|\b(?:in|since|until|till|from|during|early|late|mid|last|next|"
                            r"this|en|depuis|début|fin|mi|(?:week|weeks|end|month|beginning|middle|half|days?) of))"
                            r"[\s-]*$", re.IGNORECASE)
# "between May and August", "May to July": a month coordinated with another month is the month
_MONTH_AFTER = re.compile(r"\s*(?:and|to|or|through|until|-|–|et|à)\s*(?:January|February|March|April|June|July|August|"
                          r"September|October|November|December|janvier|février|mars|avril|juin|juillet|août|"
                          r"septembre|octobre|novembre|décembre)\b")
_OTHER_MONTH_BEFORE = re.compile(r"(?:\bthe|(?:January|February|March|April|June|July|August|September|October|"
                                 r"November|December)\s*(?:and|or|to|through|-|–|,))\s*$")  # "April and May", "the May decrees"
_TITLE_BEFORE = re.compile(r"\b(?:Mrs|Ms|Miss|Mr|Dr|Minister|Premier|Madame|Mme)\.?\s+$")
_MODAL_AFTER = re.compile(r"\s+(?:I|we|you|he|she|it|they|God|Allah|the|your|our|his|her|their|this|these|all|every|be|"
                          r"there|peace)\b")  # "May God give him health", "May I, Mr President?": the verb
# a capital naming an instrument, a meeting or a negotiation is part of that name, in each language alike ("Vienna
# Conference" / "Conférence de Vienne" / "مؤتمر فيينا"; "Madrid Plan" / "Plan d'action international de Madrid" /
# "خطة عمل مدريد"; "les accords de Minsk" / "اتفاقات مينسك"; "Doha Development Agenda" / "خطة الدوحة الإنمائية";
# "pourparlers d'Alger"; an airport: "مطار مقديشو الدولي"). English needs a capital letter after the name (the
# tagger's vectorised pre-test): "the Minsk agreements" stays Belarus.
_INSTRUMENT_AFTER = re.compile(r"[\s-]+(?:Convention|Declaration|Platform|Programme|Program|Protocol|Agreement|"
                               r"Accords?|Principles|Process|Format|Document|Statute|Consensus|Plan|Rules|Conference|"
                               r"Summit|Agenda|Development|Talks|Round|Forum|Initiative|Communiqu[ée]|Framework|"
                               r"Commitments?|Conventions|Agreements|Declarations|Action|Airport|International Airport|"
                               r"Club)\b")
# a capital, "+" and a number name the review of the conference held there ("Beijing+10", "Pékin + 20", "بيجين+5":
# the Beijing Platform for Action ten years on; "Cairo+20" the ICPD): a meeting, not the state
_REVIEW_AFTER = re.compile(r" ?\+ ?\d")
_INSTRUMENT_BEFORE = re.compile(r"(?:\b(?:Conventions?|Déclaration|Plateforme|Programme|Protocole|Accords?|Statut|"
                                r"Consensus|Plan|Processus|Format|Document|Règles|Principes|Conférence|Sommet|"
                                r"pourparlers|négociations|Cycle|Forum|Initiative|Communiqué|Club|aéroport|Agenda|attentats?|"
                                r"engagements?)(?: d'action)?(?:\s+[a-zà-ÿ'-]+){0,3}? d[eu']\s?"
                                r"(?:[A-ZÀ-Ý][\w'-]*(?:,|\s+et)\s+d[eu']\s?)*|"
                                r"(?:اتفاقية|إعلان|منهاج عمل|برنامج عمل|بروتوكول|اتفاق|نظام|مبادئ|عملية|وثيقة|مؤتمر|"
                                r"خطة عمل|خطة|مطار|اتفاقات|اتفاقيات|محادثات|مفاوضات|قمة|منتدى|جولة|مبادرة|بيان|"
                                r"إعلان)\s)$",
                                re.IGNORECASE)  # "les accords de Vienne"; "les attentats de Nice et de Vienne": places
# a feminine noun right before an Arabic adjective: a word in ة, or a feminine noun without it (parts of the body
# that come in pairs: اليد، العين، الأذن، القدم، الساق، الكف، الذراع), after its proclitics (و، ف، ب، ل، ك)
# an office next to a role phrase that makes it another office: a deputy, a vice-holder, a former holder
_OTHER_OFFICE_BEFORE = re.compile(r"(?:\b(?:vice|deputy|sous|ex|co|former|ancien|ancienne|late)[\s-]|نائب\s|نائبة\s)$",
                                  re.IGNORECASE)
_OTHER_OFFICE_AFTER = re.compile(r"(?:[\s-](?:adjoint|adjointe|adjoints)\b|\s+(?:السابق|السابقة)\b)", re.IGNORECASE)


def other_office(text: str, start: int, end: int) -> bool:
    """Whether the role phrase at ``text[start:end]`` is part of another office: "vice-président de la Commission
    européenne" (not its president), "the former Russian president", "secrétaire d'Etat adjoint", "نائب الرئيس
    السوري", "الرئيس الأمريكي السابق". The holder on the date would be the wrong person."""
    return bool(_OTHER_OFFICE_BEFORE.search(text[max(0, start - 12):start]) or _OTHER_OFFICE_AFTER.match(text, end))


_BASED_ON = re.compile(r"\s(?:up)?on(?![^\W\d_])", re.IGNORECASE)


def based_place(text: str, end: int) -> bool:
    """"-based" or " based" right after a name says where something is ("the Britain-based Observatory", "UK based
    NGOs"), not the state acting; " based on" / " based upon" is "on the basis of" ("Armenia based on the
    Convention", "UNFPA based on survey research"): the name stays what it is. A hyphen is always the place."""
    tail = text[end:end + 6].lower()
    return tail == "-based" or (tail == " based" and not _BASED_ON.match(text, end + 6))


# a word right before a short name, with only a space between (an elided "d'"/"l'" is not part of the word)
_NAME_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(\"«“]))(?:[dlDL][’'])?([^\W\d_][\w’'.-]*) $")
_PARTICLE_AFTER = re.compile(r"(?:[ -](?:al|el|ad|ed|as|es|az|ez|ar|er|an|at|ash|ush)-\w|\s+(?:bin|ibn|ben|bint|ould|بن|ابن)\s)",
                             re.IGNORECASE)
_PARTICLES = frozenset({"bin", "ibn", "ben", "bint", "ould", "بن", "ابن"})
_NAME_WORD_AFTER = re.compile(r" ([A-ZÀ-ÖØ-Þ][\w’'-]*\w)(?![\w’'.-])")  # "Diogo Freitas", "Tong Hyok"
# capitalised words before a name that are not parts of it (sentence openers, honorifics, function words)
_NOT_NAME_PARTS = frozenset(
    "the a an and or but of in on at by for from to with as said says told according when while after before "
    "mr mrs ms miss dr sir lord lady dame madame mme mlle monsieur m me maître le la les un une et ou de du des "
    "au aux en par pour sur selon avec dans chez comme quand alors puis mais donc".split())
_FEMININE_BEFORE = re.compile(r"(?:ة|(?:^|\s)[وفبلك]{0,2}(?:ال|لل)?(?:يد|عين|أذن|اذن|قدم|ساق|كف|ذراع))[\s\u0640]*$")



def _us_state_before() -> re.Pattern:
    """A US state's name or the word "state" right before a title ("Nevada Senate Majority Leader")."""
    import pycountry

    states = sorted((x.name for x in pycountry.subdivisions.get(country_code="US") if x.type == "State"),
                    key=len, reverse=True)
    return re.compile(r"(?:\b[Ss]tate|\b(?:" + "|".join(re.escape(n) for n in states) + r")(?:\s+[Ss]tate)?)"
                      r"(?:'s)?\s+$")


_US_STATE_BEFORE = _us_state_before()
# a head's title right after a deputy's word is the deputy's office ("vice-président du Ghana", "Deputy Prime Minister
# of Turkey", "نائب رئيس الوزراء التركي", "النائب الأول للرئيس"): when the registry has no phrase for that deputy
# (its holders unknown, or several deputies at once) the head's phrase inside it stays unresolved, reason "deputy"
_DEPUTY_BEFORE = re.compile(r"(?:\b(?:[Vv]ice|VICE)[- ]?|\b(?:[Dd]eputy|DEPUTY)\s+|نائبة?\s+|النائبة?\s+الأولى?\s+ل?)$")
_HEAD_ROLES = frozenset({"head_of_state", "head_of_government"})
_DATELINE = re.compile(r"\s*[,،]\s*(?:le\s+)?\d")  # a capital opening the text before a date is where it was written
_PAREN_PLACE = re.compile(r"\s*[,،]\s*\d")  # "(Astana, 11 et 12 mars)"; "(Mexico)" alone is often a nationality
# an unqualified office followed by "of" + a complement is that complement's office: "the President of the Security
# Council", "le Président de l'Assemblée générale", "the President of the sixty-ninth session" name a body's president,
# not the head of the document's only state; "the President of the Republic of Yemen" names that state's
_OF_COMPLEMENT = re.compile(r"\s+(?:of(?:\s+the)?|de\s+la|de\s+l['’]|du|des|de|d['’])\s*", re.IGNORECASE)
_MEETING = r"(?:[\w-]+\s+){0,3}(?:session|meeting|conference|summit|séance|réunion|conférence|sommet)\b"
_LOCATIVE = re.compile(r"(?:(?:^|\W)(?:a|au|aux|en|dans|vers|in|at|to|near|outside|around|via|في|الي)\s+|(?:^|\W)ب)$")


class MatcherRules(CoordinationRules):
    """Checks and resolution of hits; mixed into :class:`~diplolib.actors.matcher.ActorMatcher`."""

    def _named_in_full(self, key: str, text: str) -> bool:
        """A person's one-word name that is also a month ("May") counts only in a text that names them in full
        ("Theresa May"): otherwise it is the month or the verb ("May God give him health")."""
        cache = self.__dict__.setdefault("_full_names", {})
        if key not in cache:
            people = {e.target for e in self._entries.get(key, ()) if self.kind_of.get(e.target) == "person"}
            al = self.registry.aliases
            names = al.loc[al["actor_id"].isin(people) & al["kind"].isin(["name", "nickname"]), "alias"]
            names = sorted({n for n in names if " " in n.strip()}, key=len, reverse=True)
            cache[key] = re.compile("|".join(re.escape(n) for n in names), re.IGNORECASE) if names else None
        return cache[key] is None or bool(cache[key].search(text))

    def common_words(self, text: str, hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Drop hits that are ordinary words here: a month by a day, a year or "in"; another person's surname.

        "May 2015", "1 May", "in May" are the month (guards with ``rule="month"``); a surname right after the
        first name of someone else is not that person ("جاك هولاند" is not François Hollande).
        """
        months, surnames = self._month_keys, self._surnames
        if self._watched.isdisjoint([h[2] for h in hits]):
            return hits
        out = []
        for start, end, key in hits:
            if key in months and (_NUMBER_AFTER.match(text, end) or _MONTH_AFTER.match(text, end)
                                  or _MODAL_AFTER.match(text, end)
                                  or _NUMBER_BEFORE.search(text[max(0, start - 16):start])
                                  or _OTHER_MONTH_BEFORE.search(text[max(0, start - 16):start])
                                  or not (_TITLE_BEFORE.search(text[max(0, start - 16):start])
                                          or self._named_in_full(key, text))):
                continue
            if text[end - 1:end] == "ى" and (key in self._maqsura_keys or key in self._feminine_keys and
                                             _FEMININE_BEFORE.search(text[max(0, start - 24):start])):
                continue  # "اليد اليمنى" (the right hand), "مجرى النهر" (the river's course): see the sweep's rule 6
            if key in self._congress_keys and _US_STATE_BEFORE.search(text[max(0, start - 32):start]):
                continue  # "Nevada Senate Majority Leader", "the state Senate minority leader": a state's legislature
            if key in surnames and (self._inside_another_name(text, start, end, key, surnames[key])
                                    or self._other_named_before(text, start, end, key, surnames[key])):
                continue
            out.append((start, end, key))
        return out

    def _other_named_before(self, text: str, start: int, end: int, key: str, owners: set[str]) -> bool:
        """A lone short name after the same word was written inside someone else's longer name earlier in the
        text, when no name of the owner's is in the text: "le procès d'Yvan Colonna … Colonna avait …" is Yvan."""
        if start < 4:
            return False
        surface = text[start:end]
        earlier = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text[:start])]
        if not any(self._inside_another_name(text, s, s + len(surface), key, owners) for s in earlier):
            return False
        names = {n for o in owners for n in self._full_names.get(o, ())}
        return not any(n in key_form(text) for n in names)

    def _inside_another_name(self, text: str, start: int, end: int, key: str, owners: set[str]) -> bool:
        """A registered short name ("Colonna", "Hadi", "Fatah") written as part of a longer name that the registry
        does not have is someone or something else: "Yvan Colonna" is not Catherine Colonna, "Hadi al-Bahra" is not
        Abd Rabbuh Mansur Hadi, "Maher al-Assad" is not Bashar al-Assad. The longer name is a name word right before
        (another person's first name, or a capitalised word that is neither a title, an alias, nor an ordinary word
        of English or French), a particle right before ("bin", "ibn", "ben", "ould", بن, ابن) or right after ("al-",
        "el-", "bin", "ibn", بن). The owner keeps the hit when one of its own names holds the pair ("Bashar
        al-Assad", "Salman bin Abdulaziz").
        """
        before = _NAME_WORD_BEFORE.search(text, max(0, start - 32), start)
        after = _PARTICLE_AFTER.match(text, end)
        follow = _NAME_WORD_AFTER.match(text, end)
        if not before and not after and not follow:
            return False  # the cheap test first: most hits follow a space and a lower-case word or punctuation
        names, own = owner_names(self, key, owners)  # own: "Kishida Fumio" is his; "Assads Alawite sect" a possessive
        if after:
            pair = key_form(text[start:after.end()])
            return not any(pair in n for n in names)
        word = re.sub(r"[’']s$", "", follow.group(1)) if follow else ""  # "the Biden Administration's"
        if (word and not re.fullmatch(r"[IVX]+|Jr|Sr", word) and name_word(self, word) and key_form(word) not in own
                and key_form(text[start:end - 1]) not in own):
            return True  # a name word right after: "Diogo Freitas do Amaral" is not Luisa Diogo (round 16)
        if not before:
            return False
        word = before.group(1)
        if len(word) == 2 and word[1] == "." and word[0].isupper():  # a middle initial: the word before it counts
            before = _NAME_WORD_BEFORE.search(text, max(0, before.start(1) - 32), before.start(1))
            if not before:
                return False
            word = before.group(1)
        if word.endswith(".") and len(word) > 2 and word.casefold() not in ("jr.", "sr."):
            return False  # the end of the sentence before ("… in Paris. Pompeo said")
        low = word.casefold()
        pair = key_form(f"{word} {text[start:end]}")
        if any(pair in n for n in names):
            return False
        if low in _PARTICLES:
            return True
        if low in self._first_raw and not word[0].islower():  # "said Kerry": Said is a first name, "said" no name
            others = self._first_names.get(key_form(word))
            return bool(others) and not others & owners
        return name_word(self, word)

    def _name_word(self, word: str) -> bool:
        """A capitalised word that is neither a title, an alias ("Russian Putin", "Kremlin"), a function word nor an
        ordinary word of English or French: a part of someone's name."""
        low = word.casefold()
        if not word[0].isupper() or key_form(word) in self._title_words or low.strip(".") in _NOT_NAME_PARTS:
            return False
        if key_form(word) in self._entries:
            return False
        from .name_rules import ORDINARY_ZIPF, zipf_table

        return max(zipf_table("en").get(low, 0.0), zipf_table("fr").get(low, 0.0)) < ORDINARY_ZIPF

    def resolve(self, text: str, key: str, start: int, end: int, when: pd.Timestamp | None
                ) -> tuple[str | None, str, str, str | None]:
        """``(actor_id or None, method, alias_kind, reason or None)`` for one hit."""
        if isinstance(key, tuple) and key[0] == "coord":  # a coordinated demonym (see coordinate)
            key, start, end = key[1], -1, -1
        elif isinstance(key, tuple):  # a merged counterpart phrase (see merge_counterparts)
            return None, "role", "counterpart", "counterpart"
        if based_place(text, end):
            # "the Britain-based Syrian Observatory", "UK-based": where something is, not the state acting
            place = self._place_of_key.get(key)
            return (place, "alias", "place", None) if place else (None, "alias", "location", "place")
        if key in self._capital_keys and self._in_a_name(text, start, end):
            return None, "alias", "capital", "in-name"
        plain = self._plain.get(key)
        if plain is not None:
            return plain
        surface = text[start:end].replace("\xa0", " ") if start >= 0 else None  # no-break space = space
        entries = [e for e in self._entries[key] if not e.case_sensitive or surface is None or e.surface == surface]
        role_entries = [e for e in entries if e.kind == "role_phrase"]
        alias_entries = [e for e in entries if e.kind != "role_phrase"]
        if alias_entries:
            kinds = {e.kind for e in alias_entries}
            if "capital" in kinds:
                places = sorted({e.target for e in alias_entries if self.kind_of.get(e.target) == "place"})
                states = sorted({e.target for e in alias_entries if e.kind == "capital"})
                if self.as_place(text, start, end) or seat_of(text, start, end):
                    return (places[0], "alias", "place", None) if places else (None, "alias", "capital", "place")
                if len(states) == 1 and key not in self._readings:
                    return states[0], "alias", "capital", None
                alias_entries = [e for e in alias_entries if e.target not in places]
                kinds = {e.kind for e in alias_entries}
            kind = sorted(kinds)[0] if len(kinds) > 1 else next(iter(kinds))
            actors = sorted({e.target for e in alias_entries})
            if key in self._readings or len(actors) > 1:
                candidates = self.candidates(key, when) if key in self._readings else actors
                if len(candidates) == 1:
                    return candidates[0], "alias", kind, None
                return None, "alias", kind, "ambiguous"
            return actors[0], "alias", kind, None
        e = role_entries[0]
        if e.role in _HEAD_ROLES and e.of and self.deputy_before(text, start):
            return None, "role", "role_phrase", "deputy"  # "vice-président du Ghana", "نائب رئيس الوزراء"
        if e.role and other_office(text, start, end):
            return None, "role", "role_phrase", "other-office"  # "vice-président de la Commission", "former …"
        if e.role == "language":  # "en français", "اللغة الفرنسية": a language, not an actor
            return None, "alias", "language", "language"
        if e.role == "instrument":  # "the Minsk agreements": a text or meeting named after a city
            return None, "alias", "capital", "in-name"
        if e.role in ("company", "currency"):  # "Air France", "dollars des États-Unis": named after the state
            return None, "alias", e.role, "in-name"
        if e.role == "feature":  # "the South China Sea": a place named after the state
            return None, "alias", "location", "place"
        if e.role == "other_body":  # "National Security Council", "مجلس الأمن القومي": not the UN Security Council
            return None, "alias", "organisation", "other-body"
        if not e.role:
            return None, "role", "counterpart", "counterpart"
        if not e.of:
            return None, "role", "context_role", "no-context"
        if when is None:
            return None, "role", "role_phrase", "no-date"
        held = self.holders(e.role, e.of, when)
        if len(held) == 1:
            return held[0], "role", "role_phrase", None
        return None, "role", "role_phrase", "ambiguous" if held else "no-holder"

    @staticmethod
    def as_place(text: str, start: int, end: int) -> bool:
        """A capital read as the city: after a locative preposition ("à Bagdad", "in Geneva"), or opening the
        text before a date, where the dispatch was written ("Vienna, 9 May"), or before a date in parentheses,
        where a meeting was held ("(Astana, 11 et 12 mars)")."""
        dateline = start < 4 and not text[:start].strip() and _DATELINE.match(text, end)
        if dateline or (text[start - 1:start] == "(" and _PAREN_PLACE.match(text, end)):
            return True
        return bool(_LOCATIVE.search(matching_form(text[max(0, start - 24):start])))

    def _in_a_name(self, text: str, start: int, end: int) -> bool:
        """A capital inside the name of an instrument or forum ("Stockholm Convention", "Plateforme d'action de
        Beijing", "اتفاقية استكهولم", the review conference "Beijing+10"): the name of a text, not the state acting."""
        if _REVIEW_AFTER.match(text, end):
            return True
        after = text[end:end + 2]
        if len(after) == 2 and after[0] in " -" and after[1].isupper() and _INSTRUMENT_AFTER.match(text, end):
            return True
        before = text[max(0, start - 70):start]
        if not (before.endswith(("de ", "du ", "d'", "d’")) or "\u0600" <= before[-2:-1] <= "\u06ff"):
            return False  # the cheap test first: most capitals follow neither "de" nor an Arabic word
        return bool(_INSTRUMENT_BEFORE.search(before))

    def _office_of_body(self) -> re.Pattern:
        """A body's generic noun ("the Council", "l'Assemblée": :mod:`~diplolib.actors.un_system`) or a meeting."""
        if getattr(self, "_body_noun", None) is None:
            from .un_system import short_forms

            nouns = sorted({n for (lang, n) in short_forms() if lang != "ar"}, key=len, reverse=True)
            self._body_noun = re.compile(rf"(?:{'|'.join(map(re.escape, nouns))})\b|{_MEETING}", re.IGNORECASE)
        return self._body_noun

    def resolve_context(self, text: str, hits: list, resolved: list, when: pd.Timestamp | None, source: object,
                        dateline: object) -> tuple[list, list]:
        """Resolve unqualified offices from the document's country (:mod:`diplolib.actors.context`)."""
        states = {r[0] for r in resolved if r[0] and self.kind_of.get(r[0]) == "state"}
        on_line = set()
        if isinstance(dateline, str) and dateline:
            for *_, key in self.scan(dateline):
                for entry in self._entries.get(key, ()):
                    state = entry.target if self.kind_of.get(entry.target) == "state" else self.country_of.get(
                        entry.target, "")
                    if state and entry.kind != "role_phrase":
                        on_line.add(state)
        country_all, signal_all = context_country(source, on_line, states)
        out_hits, out, taken = [], [], -1
        for i, ((s, e, key), r) in enumerate(zip(hits, resolved, strict=True)):
            if i == taken:
                continue  # the state of "the President of Brazil", read into the office (below)
            if r[2] == "context_role":
                nxt = resolved[i + 1][0] if i + 1 < len(hits) else None
                if nxt and self.kind_of.get(nxt) == "person" and hits[i + 1][0] - e <= 1:
                    continue  # "the President Joe Biden", "الرئيس بشار الأسد": a title, not a second mention
                cls = next(x.role for x in self._entries[key] if x.kind == "role_phrase")
                of = _OF_COMPLEMENT.match(text, e)
                own = None
                if of:
                    nkey = hits[i + 1][2] if i + 1 < len(hits) and hits[i + 1][0] == of.end() else None
                    state = isinstance(nkey, str) and any(self.kind_of.get(x.target) == "state"
                                                          for x in self._entries.get(nkey, ()))
                    if (nkey is not None and not state) or self._office_of_body().match(text, of.end()):
                        out_hits.append((s, e, key))  # the president of another body or of a meeting
                        out.append((None, "role", "context_role", "other-office"))
                        continue
                    own = resolved[i + 1][0] if state and self.kind_of.get(resolved[i + 1][0]) == "state" else None
                elif (i + 1 < len(hits) and 0 < hits[i + 1][0] - e <= 1 and text[e:hits[i + 1][0]].isspace()
                      and resolved[i + 1][2] == "demonym" and self.kind_of.get(resolved[i + 1][0]) == "state"):
                    own = resolved[i + 1][0]  # "le Premier ministre arménien": the demonym names the country
                country, signal = (own, "context:complement") if own else (country_all, signal_all)
                role = self.title_role.get((country, cls)) if country else None
                held = self.holders(role, country, when) if role and when is not None else []
                if len(held) == 1:
                    r = (held[0], "role", signal, None)
                    if own:  # one office, one mention, as the generated "Président de la Fédération de Russie"
                        e, taken = hits[i + 1][1], i + 1
                else:
                    why = (signal if not country else "no-office" if not role else "no-date" if when is None
                           else "ambiguous" if held else "no-holder")
                    r = (None, "role", "context_role", why)
            out_hits.append((s, e, key))
            out.append(r)
        return out, out_hits

    def head_key_mask(self) -> np.ndarray:
        """key id -> whether the key is a role phrase of a head of state or government (built once): the keys whose
        resolution reads the words before them (:data:`_DEPUTY_BEFORE`)."""
        if "_head_mask" not in self.__dict__:
            self._head_mask = np.array([any(e.kind == "role_phrase" and e.role in _HEAD_ROLES
                                            for e in self._entries[k]) for k in self.key_names], dtype=bool)
        return self._head_mask

    @staticmethod
    def deputy_before(text: str, start: int) -> bool:
        """A deputy's word right before a head's title ("vice-", "Deputy", "نائب")."""
        return start > 0 and bool(_DEPUTY_BEFORE.search(text[max(0, start - 16):start]))
