"""Article-level text steps: boilerplate, dateline, repeated title, byline, credits, splitting pages.

Each step is a function on a cleaned body (paragraphs separated by ``"\\n\\n"``)
that returns its parts, so nothing is thrown away silently: a dateline, byline
or credit moves to its own column. The rules are conservative on purpose: a
false split or a false byline destroys text, so every pattern asks for strong
evidence (a known agency, a slash between editors' names, a headline shape on
both sides of a split).

Examples
--------
>>> split_dateline("Moscou/Le ministre russe a dit.")
('Moscou', 'Le ministre russe a dit.')
>>> split_byline("Texte.\\n\\nD.H./ L.A. / A. Chatta")
('Texte.', 'D.H./ L.A. / A. Chatta')
>>> split_credits("The minister said so. - REUTERS")
('The minister said so.', 'REUTERS')
"""

from __future__ import annotations

import re
from functools import lru_cache

from .boilerplate import remove_boilerplate
from .dates import date_prefix_end, match_date_prefix
from .matching import matching_form

__all__ = [
    "AGENCIES",
    "remove_boilerplate",
    "split_dateline",
    "strip_repeated_title",
    "split_header",
    "split_byline",
    "split_credits",
    "split_dispatches",
]

AGENCIES = ("REUTERS", "Reuters", "AFP", "AP", "SANA", "TASS", "Xinhua", "XINHUA", "Sputnik", "RIA Novosti", "UPI",
            "dpa", "DPA", "Anadolu", "IRNA", "QNA", "KUNA", "WAFA", "ANSA", "EFE", "MENA", "NNA", "APS", "Interfax")
_AG = "(?:" + "|".join(re.escape(a) for a in sorted(AGENCIES, key=len, reverse=True)) + ")"
_AGENCY_ENDS = (*AGENCIES, ")")
_UP = "A-ZÀ-ÖØ-Þ"
_WORD = rf"[{_UP}][\w'’.-]*"

# --- dateline -----------------------------------------------------------------------------------------------
_PLACE_DATELINES = [
    # MOSCOW (Reuters) -   |   Beirut (AFP) —
    re.compile(rf"(?P<dl>{_WORD}(?:[ ,]+{_WORD}){{0,3}}\s*\({_AG}\))\s*[-–—:]+\s*"),
    # Damas-SANA /   Damascus, SANA-   Aleppo SANA-Terrorist
    re.compile(rf"(?P<dl>(?:{_WORD}(?:[ -]{_WORD}){{0,3}}\s*[-,]?\s*)?SANA)\s*[-–—/]+\s*"),
    # BEIRUT —   NEW YORK, Feb. 3 -   (a glued hyphen is a compound, not a separator: "ONU-Habitat" stays whole)
    re.compile(rf"(?P<dl>[{_UP}][{_UP}'.]{{2,}}(?:-[{_UP}][{_UP}'.]+)*(?: [{_UP}][{_UP}'.-]+){{0,2}}"
               rf"(?:,\s*[{_UP}][a-z]{{2,4}}\.? \d{{1,2}})?)"
               r"\s*(?:--?(?!\w)|–|—)\s*"),
    # Moscou/Le ministre   (SANA French: "Place/Sentence")
    re.compile(rf"(?P<dl>{_WORD}(?:[ -]{_WORD}){{0,2}})\s?/\s?(?=[{_UP}\"«])"),
]
#: A literal every match of each place pattern holds ("(" of "(Reuters)", "SANA", the "/" of "Place/"; none for the
#: capitals), looked up in the body before the pattern is tried (most bodies hold no "SANA").
_PLACE_LITERALS = ("(", "SANA", "", "/")
_DATE_TAIL = re.compile(r"(?:\s*\((?:updated|mis à jour)[^)]{0,40}\)|\s+at \d{3,4}(?!\d)|\s+\d{3,4} UTC[+-]\d{1,2}"
                        r"|\s*Get short URL(?: \d+)*)*")
_DATE_SEP = re.compile(r"\s*(?:[.,]\s*)?(?:[-–—/:]+\s*)?")
_HEADER_CREDIT = re.compile(rf"(?:State media\s+)?(?P<cr>{_AG})\s+(?=(?:mon|tue|wed|thu|fri|sat|sun|\d))", re.I)
_PRINT_TWEET = re.compile(r"\s*Print Tweet(?: Views \d+)?\s*")


_SENTENCE_OPENER = re.compile(r"(?i)(?:le|on|in|en|depuis|since|au|dès)\s")


def _date_prefix(text: str) -> tuple[str, str]:
    """A leading date and the rest when the date opens a dispatch: on the first line with the text running on
    (not alone on its line, a UN document's date), not by a comma continuing a sentence ("Le 5 mars 2015,
    l'armée …", "On 3 May 2015, Russia …"; "22 août 2012, Espagne. -" is a dateline), not a span "date-date"."""
    end = date_prefix_end(text)
    if not end:
        return "", text
    dl = text[:end].strip()
    rest = text[end:]
    rest = rest[_DATE_TAIL.match(rest).end():]
    rest = rest[_DATE_SEP.match(rest).end():]
    between = text[end:len(text) - len(rest)]
    if "\n" in between or (rest and not any(c.isspace() for c in between) and date_prefix_end(rest)):
        return "", text  # a date alone on its line; a span "21 July 2014-22 July 2015"
    comma_only = "," in between and not any(c in between for c in "-–—/:")
    if comma_only and (rest[:1].islower() or _SENTENCE_OPENER.match(dl)):
        return "", text  # "Le 5 mars 2015, l'armée …", "On 3 May 2015, Russia …": a sentence, not a dateline
    return dl, rest


def split_dateline(text: str) -> tuple[str, str]:
    """Split a dateline (date and/or place and/or agency) off the start of a body.

    Returns
    -------
    (str, str)
        The dateline as written, without its trailing separator (``"Moscou"``,
        ``"Damas-SANA"``, ``"6 October 2016 Aleppo SANA"``, ``"MOSCOW (Reuters)"``,
        ``"Wed 05 Apr 2017"``, ``"22 mai 2012"``), or ``""``; and the rest of the body.
    """
    parts: list[str] = []
    date, rest = _date_prefix(text)
    if date:
        parts.append(date)
    for pat, literal in zip(_PLACE_DATELINES, _PLACE_LITERALS, strict=True):
        if literal and literal not in rest:  # every match of the pattern holds the literal: it cannot match
            continue
        m = pat.match(rest)
        if m is not None and m.end() < len(rest):
            parts.append(m.group("dl").strip(" ,"))
            rest = rest[m.end():]
            break
    if not parts:
        return "", text
    return " ".join(parts), rest.lstrip()


_WORDS = re.compile(r"\w+")
_TITLE_SEP = re.compile(r"[\s.:;!?\-–—]*")
# without punctuation after the repeated title, the rest must open a sentence: a capitalised word in
# lower case ("Air strikes …"), a number or a quote; "TV A bomb blast …" (a truncated title) is kept whole
_NEW_SENTENCE = re.compile(rf"[{_UP}][a-zà-ÿ'’-]+\s|\d|[\"«'(]")


@lru_cache(maxsize=4096)
def _title_words(title: str) -> tuple[tuple[str, ...], ...]:
    """The case-folded words of each candidate form of ``title`` (whole, before " | ", before " - "), ≥ 3 words."""
    out = []
    for cand in dict.fromkeys((title, title.split(" | ")[0], title.split(" - ")[0])):
        words = tuple(w.casefold() for w in _WORDS.findall(cand))
        if len(words) >= 3:
            out.append(words)
    return tuple(out)


def strip_repeated_title(text: str, title: str) -> str:
    """Remove the title when the body starts by repeating it (FA-KES: ``"Syria attack … WHO. Victims of …"``).

    Only removed when the repetition is followed by punctuation, by what opens a
    sentence (a capitalised word, a number, a quote) or by the end, so a first
    sentence that merely starts like the title ("Putin met Erdogan in Sochi…")
    is kept. The title without a site suffix (``" - Region - World - Ahram Online"``,
    ``" | Jordan Times"``) is tried too.
    """
    if not isinstance(title, str) or not text:
        return text
    # every candidate form starts with the title's first word, which must open the text (after ≤ 3 characters):
    # tested before the title's words are listed (titles are distinct, so caching them does not help)
    first, title_first = _WORDS.search(text), _WORDS.search(title)
    if (first is None or first.start() > 3 or title_first is None
            or first.group().casefold() != title_first.group().casefold()):
        return text
    for words in _title_words(title):
        end = 0
        for n, m in enumerate(_WORDS.finditer(text)):
            if n == 0 and m.start() > 3:  # only a few non-word characters may precede the title
                break
            if m.group().casefold() != words[n]:
                break
            end = m.end()
            if n == len(words) - 1:
                sep = _TITLE_SEP.match(text, end)
                rest = text[sep.end():]
                if (not rest or sep.group().strip() or _NEW_SENTENCE.match(rest)
                        or _HEADER_CREDIT.match(rest) or match_date_prefix(rest)[1]):
                    return rest
                break
    return text


_LEDE_DATE_SEP = re.compile(r"\.?\s*[-–—]\s+")


def split_header(text: str, title: str | None = None) -> tuple[str, str, str]:
    """Peel the header of a body: dateline, repeated title and header credits, in any order.

    Returns
    -------
    (str, str, str)
        dateline (``""`` if none), credits found in the header (``"Reuters"`` in
        Ahram's ``"… State media Reuters Friday 17 Nov 2017 Print Tweet Views 1662 …"``,
        else ``""``), and the body.
    """
    datelines: list[str] = []
    credits = ""
    body = text
    for _ in range(4):
        before = body
        if title:
            body = strip_repeated_title(body, title)
        m = _HEADER_CREDIT.match(body)
        if m is not None and not credits and match_date_prefix(body[m.end():])[1]:
            credits = m.group("cr")
            body = body[m.end():]
        dl, body = split_dateline(body)
        if dl:
            datelines.append(dl)
            pt = _PRINT_TWEET.match(body)
            body = body[pt.end():] if pt else body
        if body == before:
            break
    if not datelines:  # a lede, then "22 mai 2012. - Prévu …" (Wikinews): strict "date. -" form only
        lede, sep, rest = body.partition("\n\n")
        _, end = match_date_prefix(rest)
        m = _LEDE_DATE_SEP.match(rest, end) if sep and end and len(lede) <= 400 else None
        if m is not None:
            datelines.append(rest[:end].strip())
            body = f"{lede}\n\n{rest[m.end():]}"
    return " ".join(datelines), credits, body


# --- byline and credits -------------------------------------------------------------------------------------
_PARTICLE = r"(?:al|el|ad|as|ash|ar|an|bin|ben|ibn|abu|abou|de|du|da|van|von)"
_TOKEN = rf"(?:(?:[{_UP}]\.\s?){{1,3}}|(?:{_PARTICLE}[- ])?[{_UP}][\w'’]*(?:-[\w'’]+)*)"
_NAME = rf"{_TOKEN}(?:\s+{_TOKEN}){{0,3}}"
_BYLINE_PARA = re.compile(rf"(?:{_NAME})(?:\s*/\s*(?:{_NAME}))+|(?:[{_UP}]\.){{2,3}}")
_REPORTING = re.compile(r"\s*\(?(?P<by>(?:Additional )?[Rr]eporting by (?:[^.!?;()]|(?<=\b[A-Z])\.){3,200}"
                        r"(?:;\s*(?:[Ww]riting|[Ee]diting|[Ee]dited) by (?:[^.!?;()]|(?<=\b[A-Z])\.){3,120})*)\)?\s*$")


_INLINE_SLASH_BYLINE = re.compile(rf"(?<=[.!?\"])\s+(?P<by>(?:{_NAME})(?:\s*/\s*(?:{_NAME}))+)\s*$")


def split_byline(text: str) -> tuple[str, str]:
    """Split the editors' byline that closes a dispatch.

    Recognised: a last paragraph of names or initials joined by slashes
    (``"D.H./ L.A. / A. Chatta"``, ``"Manar al-Freih / Hazem Sabbagh"``,
    ``"Manar/Mazen"``) or of initials alone (``"D.H."``), and a closing
    ``"Reporting by …; Editing by …"`` sentence. A lone name is not taken (too
    easily a real last line).

    Returns
    -------
    (str, str)
        The body without the byline and the byline (``""`` if none).
    """
    head, sep, last = text.rpartition("\n\n")
    cand = last.strip()
    if sep and len(cand) <= 100 and _BYLINE_PARA.fullmatch(cand):
        return head.rstrip(), cand
    # literal prechecks: a "Reporting by" byline holds "eporting by ", a slash byline holds "/"
    start = max(0, len(text) - 500)
    m = _REPORTING.search(text, start) if text.find("eporting by ", start) >= 0 else None
    if m is None and text.find("/", max(0, len(text) - 120)) >= 0:
        # editors' names closing a one-paragraph body: "… said. Manar/Manal"
        m = _INLINE_SLASH_BYLINE.search(text, max(0, len(text) - 120))
    if m is not None and m.start() > 0:
        return text[: m.start()].rstrip(), m.group("by").strip()
    return text, ""


_CREDIT_TAIL = re.compile(rf"(?:\s*[-–—]{{1,2}}\s*\(?(?P<a>{_AG})\)?|\s*\((?P<b>{_AG})\)|\n\n\(?(?P<c>{_AG})\)?"
                          r"|(?<=[.!?\"])\s*\(?Source:?\s+(?P<d>[A-Z][\w.-]*(?: (?:and )?[\w.-]+){0,4})\)?)\s*$")


def split_credits(text: str) -> tuple[str, str]:
    """Split an agency credit closing the body: ``"- REUTERS"``, ``"--AFP"``, ``"(AP)"``, ``"(Source: X)"``.

    Only known agencies (:data:`AGENCIES`) after a dash or in parentheses, or an
    explicit "Source" note after the last sentence, are taken.

    Returns
    -------
    (str, str)
        The body without the credit, and the credit (``""`` if none).
    """
    start = max(0, len(text) - 200)
    # every credit ends the body with an agency or ")" (then whitespace), or holds "Source": else no search
    tail = text.rstrip()
    if not (tail.endswith(_AGENCY_ENDS) or text.find("Source", start) >= 0):
        return text, ""
    m = _CREDIT_TAIL.search(text, start)
    if m is None or m.start() == 0:
        return text, ""
    credit = next(g for g in m.group("a", "b", "c", "d") if g)
    return text[: m.start()].rstrip(), credit


# --- splitting a page into dispatches -----------------------------------------------------------------------
_SENT_END = (".", "!", "?", '"', "»", ")", "…", "'")
_NO_HEADLINE_END = (".", "!", "?", ";", ":", ",", "…")


_SENTENCE_BREAK = re.compile(r"[.!?…][\"'»”)\]]*\s")
# how SANA opens the second dispatch of a page ("Sur un autre plan, Lavrov a exprimé …")
_TRANSITION = re.compile(r"(?i)(?:sur un autre plan|par ailleurs|d'autre part|dans un autre contexte|"
                         r"dans un contexte similaire|in another context|in a related context|on another level|"
                         r"in a separate development)\b")


def _is_headline(p: str) -> bool:
    if len(p) > 220:  # before splitting the paragraph into words (most paragraphs are long)
        return False
    words = p.split()
    return (4 <= len(words) <= 30 and p[0].isupper() and "\n" not in p
            and not p.rstrip("\"'»”)]").endswith(_NO_HEADLINE_END) and _BYLINE_PARA.fullmatch(p) is None
            and _SENTENCE_BREAK.search(p) is None)


def split_dispatches(text: str, title: str | None = None) -> list[tuple[str | None, str]]:
    """Split a page holding several dispatches into ``(title, body)`` pairs.

    A paragraph starts a new dispatch when it is shaped like a headline (4–30
    words, no final punctuation, no sentence break, not a byline), the
    paragraph before it ends a sentence, the dispatch it closes already has a
    substantial paragraph (≥ 100 characters), the paragraph after it is a
    body paragraph (≥ 80 characters, ends a sentence), it does not repeat the
    page title, AND it has the marks of a new dispatch rather than of a section
    heading: a transition opening the next paragraph (``"Sur un autre plan,
    …"`` after ``"Lavrov : La victoire … est proche"``, ``"In another context,
    …"``), a dateline opening it, or a byline closing the previous paragraph.
    A colon alone is not enough: interview turns ("Megyn Kelly: You are a
    politician"), deadlines ("Deadline: July 15, 2018") and quoted questions
    in UN speeches look like headlines with a colon. Wikinews-fr section
    headings and Kremlin transcript headings are thus not split. The first pair
    carries ``title``.
    """
    if "\n\n" not in text:  # one paragraph: nothing to split
        return [(title, text)]
    paras = text.split("\n\n")
    title_key = f" {matching_form(title).strip()} " if isinstance(title, str) and title.strip() else None
    out: list[tuple[str | None, str]] = []
    cur_title, cur = title, []
    for i, p in enumerate(paras):
        nxt = paras[i + 1] if i + 1 < len(paras) else ""
        # the cheap tests first (the conditions are pure: their order does not change the decision)
        if (cur and cur[-1].endswith(_SENT_END) and len(nxt) >= 80 and nxt.endswith(_SENT_END) and _is_headline(p)
                and any(len(c) >= 100 for c in cur)
                and (title_key is None or title_key not in f" {matching_form(p)} ")
                and (_TRANSITION.match(nxt) or split_dateline(nxt)[0]
                     or _BYLINE_PARA.fullmatch(cur[-1]) is not None)):
            out.append((cur_title, "\n\n".join(cur)))
            cur_title, cur = p, []
            continue
        cur.append(p)
    if not out:  # no split: the page is one dispatch
        return [(title, text)]
    out.append((cur_title, "\n\n".join(cur)))
    return out
