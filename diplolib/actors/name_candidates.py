"""Candidate names in one text, each with its evidence or the reason it was rejected.

The rules are those of :mod:`diplolib.actors.name_rules`. Latin script (English, French): maximal runs of
capitalised words (name particles such as "al-", "bin", "de" allowed inside), cut where the registry already
tags something, trimmed of the titles, office words, demonyms and sentence-initial ordinary words in front.
Arabic (no capital letters): the words after a title word and its office complements (الرئيس السوري بشار الأسد →
بشار الأسد), two to four words, ended by punctuation, a function word or a verb of saying.

A candidate is a tuple ``(start, end, name, kind, evidence, reason)``: ``kind`` is ``person`` or
``organisation``; ``reason`` is empty for an accepted candidate and names the first rejection otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..segment import sentence_spans
from .name_rules import (
    AR_COMPLEMENTS,
    AR_PARTICLES,
    AR_STOP,
    AR_TITLES,
    DATE_WORDS,
    EPONYM_HEADS,
    HONORIFICS,
    ORG_HEADS,
    PARTICLES,
    PLACE_HEADS,
    STOP_WORDS,
    TITLE_COMPLEMENTS,
    TITLES,
    NameRules,
)

__all__ = ["latin_candidates", "arabic_candidates", "eponym", "Candidate", "AR_MONTHS"]

Candidate = tuple[int, int, str, str, str, str]

_PART = r"(?:al|el|ad|as|ash|at|az|ez|es|ed|er|ar|an|bin|ben|ibn|bint|abu|abou|abd|abdel|abdul|de|du|des|la|le|da|" \
        r"di|do|van|von|der|den|dos|das|del)"
_CAP = r"(?:[A-ZÀ-ÖØ-Þ][\w’'\-]*\w|[A-ZÀ-ÖØ-Þ]\.?)"
_RUN = re.compile(rf"(?<![\w’'\-]){_CAP}(?:(?:[^\S\n]+|-)(?:{_PART}(?:[^\S\n]+|-))?{_CAP})*",
                  re.UNICODE)
_TRAILING = STOP_WORDS | PARTICLES | DATE_WORDS | TITLES | TITLE_COMPLEMENTS
_TOKEN = re.compile(r"[^\s]+")
_ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{0,3}|IX|X|Jr\.?|Sr\.?)$")
_AR_NOT_NAME = re.compile(r"^(?:[\u0621-\u064A]{2,}(?:ها|هم|هما|هن)|ل[يت][\u0621-\u064A]{3,})$")
_AR_WORD = re.compile(r"[\u0621-\u064A\u0671-\u06D3]+")
AR_MONTHS = frozenset("يناير فبراير مارس أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر كانون "
                      "شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين".split())


def _clean(word: str) -> str:
    """A token without trailing punctuation or possessive ("Finer's," → "Finer"); initials keep their dot."""
    word = re.sub(r"[’']s$", "", word.rstrip(",;:!?)\"»”"))
    if len(word) > 2 and word.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", word):
        word = word[:-1]
    return word.lstrip("(\"«“-")


def _pieces(start: int, end: int, covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``[start, end)`` outside the ``covered`` spans (sorted, non-overlapping)."""
    out, at = [], start
    for s, e in covered:
        if e <= at or s >= end:
            continue
        if s > at:
            out.append((at, s))
        at = max(at, e)
    if at < end:
        out.append((at, end))
    return out


_GAP = re.compile(rf"\s*(?:{_PART}(?:\s+|-))?")
_BREAK = re.compile(r"(?<!\n)\n(?!\n)")


def _unwrap(text: str) -> str:
    """``text`` with its single line breaks as spaces (same length) when it is hard-wrapped: a third or more of
    them fall inside a sentence (a lower-case letter follows), as in UN documents and speeches, where a name
    runs across lines ("Mr. Harri\nHolkeri"). Lists of one name a line stay as they are."""
    breaks = [m.start() for m in _BREAK.finditer(text)]
    inside = sum(1 for b in breaks if text[b + 1:b + 2].islower())
    return _BREAK.sub(" ", text) if breaks and inside >= len(breaks) / 3 else text


def _headline(sentence: str) -> bool:
    """A title-case headline or byline ("US-Led Coalition Destroys ..."): capitals there say nothing of names."""
    words = [w for w in _TOKEN.findall(sentence) if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 4 and all(w[0].isupper() for w in words)


def _split_names(tokens: list[tuple[int, int, str]], rules: NameRules) -> list[list[tuple[int, int, str]]]:
    """A run cut where a lower-case word stands, and before a first name that follows a two-word name and
    starts another of two words or more ("Youssef Diab Paula Astih": two people in a byline; "Syed Yawar Ali"
    stays whole)."""
    parts: list[list[tuple[int, int, str]]] = [[]]
    for tok in tokens:
        if tok[2][0].islower() and tok[2].casefold() not in PARTICLES:
            parts.append([])
        else:
            parts[-1].append(tok)
    out = []
    for part in filter(None, parts):
        words = [i for i, t in enumerate(part) if t[2].casefold().strip(".") not in PARTICLES | TITLES]
        cut = words[2] if len(words) >= 4 and part[words[2]][2].casefold() in rules.first_names else None
        out.extend([part[:cut], part[cut:]] if cut else [part])
    return out


def eponym(text: str, start: int) -> str:
    """``"eponym"`` when the name at ``start`` names a thing after a person: it follows the head word of an
    organisation, place or concept, with or without "de"/"of" ("Fondation Charles de Gaulle", "mosquée Sidi
    Yeyia", "boson de Higgs", "test de Turing", "l'affaire Merah"); else ``""``."""
    words = [_clean(w).casefold() for w in text[max(0, start - 40):start].replace("’", "'").split()]
    if words and words[-1] in ("de", "du", "des", "of", "d'") or (words and words[-1].endswith("'")):
        words = words[:-1]
    if words and words[-1].split("'")[-1] in ORG_HEADS | PLACE_HEADS | EPONYM_HEADS:
        # not the office's body between a title and its holder ("Speaker of Parliament Nabih Berri")
        office = len(words) >= 3 and words[-2] in ("of", "de", "du") and words[-3] in TITLES
        return "" if office else "eponym"
    return ""


def _incomplete(text: str, found: Candidate, covered_spans: list[tuple[int, int]]) -> str:
    """``"registry"`` when the name runs on into a registry mention ("Michael R." before "Pompeo"): it is the
    front of a name the registry knows."""
    gap = _GAP.match(text, found[1]).end() - found[1]
    return "registry" if any(s == found[1] + gap for s, _ in covered_spans) else ""


#: Titles that also name places and things, or precede first names: a lone word after them is not read as a surname
#: ("Sheikh Maqsoud" is a district, "Imam Ali" a mosque, "King Fahd" a road, "General Motors", "Prince Harry").
_NAMING_TITLES = frozenset("sheikh sheik cheikh imam king queen prince princess emir émir sultan pope pape roi reine "
                           "general gen général chef leader chair patriarch patriarche".split())


#: an age right before a name is a person's ("as 21-year-old Faysal Hussein Habibi", FA-KES, round 18); not after an
#: article, which an age before a thing takes ("a 10-year-old Toyota Corolla")
_AGE_BEFORE = re.compile(r"(?<!\ba )(?<!\ban )(?<!\bthe )\b\d{1,3}-year-old\s+$", re.IGNORECASE)


def _title_before(text: str, start: int, sent_start: int, rules: NameRules) -> str:
    """``honorific`` right before ``start`` ("Mr. X"), ``title`` in the few words before it with only office
    words or demonyms in between ("le ministre des Affaires étrangères X") or an age ("21-year-old X"), else ``""``."""
    if _AGE_BEFORE.search(text[max(sent_start, start - 24):start]):
        return "title"
    words = text[max(sent_start, start - 80):start].split()
    if len(words) >= 2 and words[-1].casefold() in ("the", "la", "le", "l'") and words[-2].casefold() in ("de", "of"):
        words = words[:-1]  # "Chairman of the Government of the Autonomous Republic"
    if words and words[-1].casefold() in ("de", "du", "of") and any(
            _clean(w).casefold().strip(".,") in TITLES for w in words[-6:-1]):
        return "office-of"  # "le maire de Zubin Potok", "Governor of Hasakeh": the name is the office's place
    for n, word in enumerate(reversed(words[-6:])):
        low = _clean(word).casefold().strip(".,")
        if low in TITLES:
            # a title right before the name reads a lone surname as a honorific does ("Ambassador Insanally")
            return "honorific" if n == 0 and low not in _NAMING_TITLES and word[-1].isalpha() else "title"
        known = low in TITLE_COMPLEMENTS or low in rules.place_words
        if not (known or word[:1].isupper()) or (word.endswith(",") and not known):
            return ""  # another name and a comma end the title's reach ("Sheikh Jarrah, Beit Safafa")
    return ""


def _judge(tokens: list[tuple[int, int, str]], *, lang: str, rules: NameRules, ordinary: Callable[[str], bool],
           sentence_first: int, title: str, covered: Callable[[str], bool], ner: bool) -> Candidate | None:
    """Trim the tokens of one capitalised run and decide: a candidate with evidence, or with a rejection."""
    honorific, office_of, title = title == "honorific", title == "office-of", title not in ("", "office-of")
    if office_of:  # "Speaker of Parliament Nabih Berri": two words or more past the office's words name its holder
        rest = tokens
        while rest and rest[0][2].casefold() in ORG_HEADS | TITLE_COMPLEMENTS:
            rest = rest[1:]
        if len(rest) >= 2 and len(rest) < len(tokens) and not any(t[2].casefold() in ORG_HEADS for t in rest):
            tokens, office_of, title = rest, False, True
    while tokens:
        low = tokens[0][2].casefold().strip(".")
        if low in TITLES:
            title, honorific = True, low in HONORIFICS or low not in _NAMING_TITLES
        elif honorific and low in PARTICLES and len(tokens) > 1:
            break  # the particle of a surname after a honorific is the surname's ("Mme de Sarnez")
        elif not (low in TITLE_COMPLEMENTS or low in STOP_WORDS or rules.is_place(low)
                  or (tokens[0][0] == sentence_first and ordinary(tokens[0][2]))):
            break
        tokens = tokens[1:]
    while tokens and (tokens[-1][2].casefold().strip(".") in _TRAILING):
        tokens = tokens[:-1]
    if not tokens:
        return None
    start, end = tokens[0][0], tokens[-1][1]
    words = [w for _, _, w in tokens]
    name = " ".join(words)
    core = [w for w in words if w.casefold() not in PARTICLES]
    lows = [w.casefold() for w in core]
    kind = "organisation" if any(w in ORG_HEADS for w in lows) else "person"

    def out(evidence: str, reason: str = "") -> Candidate:
        return (start, end, name, kind, evidence, reason)

    evidence = "ner" if ner else "title" if title else "first-name" if lows and lows[0] in rules.first_names else ""
    if not core:
        return None
    if any(w in DATE_WORDS for w in lows):
        return out(evidence, "date-word")
    if kind == "person" and any(sum(c.isupper() for c in w) >= 2 and w.isupper() and not _ROMAN.match(w)
                                for w in core):
        return out(evidence, "acronym")
    if any(covered(" ".join(words[:k])) or covered(" ".join(words[:k])[:-1]) for k in range(len(words), 0, -1)
           if k >= 2 or len(words) == 1):
        return out(evidence, "registry")
    if kind == "person" and rules.known_person(core):
        return out(evidence, "registry-surname")
    if kind == "organisation":
        rest = [w for w in core if w.casefold() not in ORG_HEADS]
        if len(core) < 2 or not rest or all(ordinary(w) or w.casefold() in TITLE_COMPLEMENTS for w in rest):
            return out("head-word", "ordinary-word")
        return out("head-word")
    if office_of or any(rules.is_place(w) or w in PLACE_HEADS for w in lows):
        return out(evidence, "place")
    if ordinary(core[0]) or all(ordinary(w) for w in core) or (not title and ordinary(core[-1])):
        return out(evidence, "ordinary-word")
    if len(core) == 1 and not honorific:
        return out(evidence, "one-word")
    if not evidence:
        return out(evidence, "no-person-evidence")
    return out(evidence)


def latin_candidates(text: str, *, lang: str, rules: NameRules, covered_spans: list[tuple[int, int]],
                     ordinary: Callable[[str], bool], covered: Callable[[str], bool],
                     ner_spans: list[tuple[int, int]] | None = None) -> list[Candidate]:
    """Candidates of an English or French text (``ner_spans``: spaCy's PER/ORG spans instead of the runs)."""
    out: list[Candidate] = []
    text = _unwrap(text)
    spans = sentence_spans(text)
    for ss, se in spans:
        if ner_spans is None:
            runs = [(ss + m.start(), ss + m.end()) for m in _RUN.finditer(text[ss:se])]
        else:
            runs = [(s, e) for s, e in ner_spans if ss <= s < se]
        first = next((ss + m.start() for m in _TOKEN.finditer(text[ss:se])), ss)
        if _headline(text[ss:se]):
            continue
        for r0, r1 in runs:
            for s, e in _pieces(r0, r1, covered_spans):
                tokens = [(s + m.start() + m.group(0).find(w), s + m.start() + m.group(0).find(w) + len(w), w)
                          for m in _TOKEN.finditer(text[s:e]) if (w := _clean(m.group(0)))]
                for part in _split_names(tokens, rules):
                    found = _judge(part, lang=lang, rules=rules, ordinary=ordinary, sentence_first=first,
                                   title=_title_before(text, part[0][0], ss, rules), covered=covered,
                                   ner=ner_spans is not None)
                    if found and not found[5] and found[3] == "person":
                        why = eponym(text, found[0]) or _incomplete(text, found, covered_spans)
                        found = (*found[:5], why) if why else found
                    if found:
                        out.append(found)
    return out


def _ar_bare(word: str) -> str:
    """An Arabic word without one conjunction or preposition in front ("والرئيس" → "الرئيس"); li- before the
    article takes its alif ("للمخرج بن آفليك" → "المخرج", round 18)."""
    if len(word) > 4 and word.startswith("لل") and "ال" + word[2:] in AR_TITLES:
        return "ال" + word[2:]
    return word[1:] if len(word) > 3 and word[0] in "وبلف" and word[1:] in AR_TITLES else word


def arabic_candidates(text: str, *, rules: NameRules, covered_spans: list[tuple[int, int]],
                      covered: Callable[[str], bool]) -> list[Candidate]:
    """Candidates of an Arabic text: the name after a title word (evidence ``title``)."""
    words = [(m.start(), m.end(), m.group(0)) for m in _AR_WORD.finditer(text)]
    inside = [any(s < e1 and e > s1 for s1, e1 in covered_spans) for s, e, _ in words]
    out: list[Candidate] = []
    i = 0
    while i < len(words):
        if _ar_bare(words[i][2]) not in AR_TITLES or (i and inside[i - 1] and _joined(text, words, i)):
            i += 1  # a title right after a tagged name is its apposition ("كولن باول وزير الخارجية السابق افترى")
            continue
        j, skipped = i + 1, 0
        while j < len(words) and skipped < 5 and _joined(text, words, j) and (
                words[j][2] in AR_COMPLEMENTS or words[j][2].startswith(("ال", "لل")) or inside[j]
                or words[j][2] in AR_TITLES):
            j, skipped = j + 1, skipped + 1
        k = j
        while k < len(words) and k - j < 4 and _joined(text, words, k) and not inside[k] and _ar_name_word(
                words[k][2], [w for _, _, w in words[j:k]], rules=rules):
            k += 1
            if words[k - 1][2].startswith("ال") and words[k - 2][2] not in AR_PARTICLES:
                # a family name with the article ends the name ("أحمد الجربا"), unless a rare word follows
                # ("رجب الطيب أردوغان")
                nxt = words[k][2] if k < len(words) else ""
                if nxt and _joined(text, words, k) and not inside[k] and rules.zipf(nxt, "ar") < 4.5 \
                        and not nxt.startswith("ال") and _ar_name_word(nxt, ["", ""], rules=rules):
                    k += 1
                break
        while k > j and words[k - 1][2] in AR_PARTICLES:
            k -= 1
        if sum(w not in AR_PARTICLES for _, _, w in words[j:k]) >= 2:
            out.append(_ar_judge(words[j:k], rules, covered))
        i = max(k, i + 1)
    return out + _ar_appositions(text, words, inside, out, rules, covered)


def _ar_appositions(text: str, words: list[tuple[int, int, str]], inside: list[bool], found: list[Candidate],
                    rules: NameRules, covered: Callable[[str], bool]) -> list[Candidate]:
    """Names followed by their title, the apposition Arabic news puts after a first mention ("عبد الباسط سيدا
    رئيس المجلس الوطني"، "مايا كوسيانيتش، المتحدثة باسم"): two to four name words right before a title word
    (a comma between allowed; not "و" + title, a coordination: "هاري بوتر والأمير الهجين"), the first opening the
    sentence or following punctuation or a function word. Evidence ``apposition``."""
    taken = [(c[0], c[1]) for c in found]
    out: list[Candidate] = []
    for t in range(2, len(words)):
        if words[t][2] not in AR_TITLES or text[words[t - 1][1]:words[t][0]].strip() not in ("", "،", ","):
            continue
        best = None
        for b in range(t - 2, max(t - 5, -1), -1):
            run = [w for _, _, w in words[b:t]]
            ok = all(_joined(text, words, x) for x in range(b + 1, t)) and not any(inside[b:t]) and all(
                _ar_name_word(w, run[:n], rules=rules) for n, w in enumerate(run))
            if not ok:
                break
            if b == 0 or not _joined(text, words, b) or words[b - 1][2] in AR_STOP:
                best = b
        if best is None or run[-1] in AR_PARTICLES or any(s < words[t - 1][1] and words[best][0] < e for s, e in taken):
            continue
        cand = _ar_judge(words[best:t], rules, covered)
        out.append((*cand[:4], "apposition", cand[5]))
        taken.append((cand[0], cand[1]))
    return out


def _ar_name_word(word: str, before: list[str], *, rules: NameRules) -> bool:
    """Whether an Arabic word can continue (or, ``first``, begin) a name after a title.

    Arabic has no capitals, so: a first word is a first name of the registry's people, a name particle
    (عبد, أبو) or a rare word (a transliterated foreign name: Zipf < 3.5); a later word is a first name, a word
    after a particle, or any word rarer than Zipf 4.5 that is not a conjunction or preposition glued to a
    word ("ونائبه", "بالشؤون"); a family name with the article (الجربا) only after a first name or a
    particle's compound ("عبد الرحمن السميط"); function words, verbs of saying and titles end the name."""
    first = not before
    after_particle = bool(before) and before[-1] in AR_PARTICLES
    if word in AR_STOP or word in AR_TITLES or _AR_NOT_NAME.match(word):
        return False
    if word in rules.first_names or word in AR_PARTICLES:
        return True
    if word[0] in "وبلكف" and (word[1:].startswith("ال") or word[1:] in rules.first_names
                              or (first and (word[0] == "و" or rules.zipf(word[1:], "ar") > 0))
                              or rules.zipf(word[1:], "ar") >= 4):
        return False  # a glued conjunction or preposition; a first name's own letter when the rest is no word ("فنسان")
    if first:
        return not word.startswith("ال") and rules.zipf(word, "ar") < 3.5
    if after_particle:
        return True
    if word.endswith("ا") and rules.zipf(word[:-1], "ar") >= 4:
        return False  # a pronoun suffix (محلها), a verb after ل (ليضطلع), an accusative noun (ممثلا، منسقا)
    if word.startswith("ال") and not (before[-1] in rules.first_names or before[-2:-1] == ["عبد"]):
        return False
    return rules.zipf(word, "ar") < 4.5


def _joined(text: str, words: list[tuple[int, int, str]], j: int) -> bool:
    """Whether word ``j`` follows word ``j - 1`` with only spaces between (no punctuation, no digit)."""
    return not text[words[j - 1][1]:words[j][0]].strip()


def _ar_judge(words: list[tuple[int, int, str]], rules: NameRules, covered: Callable[[str], bool]) -> Candidate:
    start, end = words[0][0], words[-1][1]
    name = " ".join(w for _, _, w in words)
    bare = [w for _, _, w in words]
    if any(w in AR_MONTHS for w in bare):
        return (start, end, name, "person", "title", "date-word")
    if covered(name):
        return (start, end, name, "person", "title", "registry")
    if rules.known_person([w for w in bare if w not in AR_PARTICLES]) or (
            rules.known_person(bare[:1]) and bare[0] not in rules.first_names):  # "أحمد هارون": Ahmed, a first name
        return (start, end, name, "person", "title", "registry-surname")
    if any(w in rules.place_words or w.removeprefix("ال") in rules.place_words for w in bare):
        return (start, end, name, "person", "title", "place")
    return (start, end, name, "person", "title", "")
