"""The cue syntax of the theme dictionary, compiled to regular expressions.

See :mod:`diplolib.themes.dictionary` for the syntax.  Cues are put in matching form
(:func:`diplolib.normalize.matching.matching_form`) piece by piece, so that the pattern
matches the matching form of a text.
"""

from __future__ import annotations

import functools
import re

from ..normalize.matching import matching_form
from ..tokens import SUPPORTED_LANGS, stop_words_for

__all__ = ["AR_INFLECTIONS", "AR_PROCLITICS", "BOUNDARY", "DEFAULT_GAP", "cue_pattern", "order_length", "phrase_body"]

_FORBIDDEN = set("{}^$+?\\")
_SEP = r"[\s\-\u2010-\u2013]+"  # spaces, hyphens and dashes
# An English possessive is written with a space in a cue ("women s rights", "russia s"): the matching form keeps
# the apostrophe of "women's" (only French elisions become spaces), so before a lone "s" either one matches.
_POSSESSIVE_LANGS = {"en"}
_POSSESSIVE = "(?:'|" + _SEP + ")"


def _join_words(words: list[str], lang: str) -> str:
    """``words`` escaped and joined by separators; in English a lone ``s`` also follows an apostrophe."""
    if lang not in _POSSESSIVE_LANGS or "s" not in words[1:]:
        return _SEP.join(re.escape(w) for w in words)
    out = re.escape(words[0]) if words else ""
    for w in words[1:]:
        out += (_POSSESSIVE if w == "s" else _SEP) + re.escape(w)
    return out
_AR_PROCLITICS = "(?:[\u0648\u0641]?(?:[\u0628\u0643\u0644]?\u0627\u0644|\u0644\u0644|[\u0628\u0643\u0644])?)"
_PROCLITIC_LANGS = {"ar"}
_AR_ARTICLE = "(?:\u0627\u0644)?"
# pronouns attached to a noun or verb: ه ها هم هما كم كما نا (him/his, her, them, both, you, us)
_AR_ENCLITICS = "(?:\u0647\u0645\u0627|\u0643\u0645\u0627|\u0647\u0627|\u0647\u0645|\u0643\u0645|\u0646\u0627|\u0647)"
# endings a one-word cue takes besides the pronouns (cue_pattern, _with_enclitics): after the ت of a noun in ة the
# dual ان / ين and the dual in construct ا / ي; after any other noun the dual ان / ين, the plurals ون and ات
# (with a pronoun: اتها) and the accusative ا
_AR_DUAL_T = "\u0627\u0646|\u064a\u0646|\u0627|\u064a"
_AR_MASCULINE = "\u0627\u0646|\u064a\u0646|\u0648\u0646|\u0627|\u0627\u062a" + _AR_ENCLITICS + "?"
_AR_TA_FORMS = "(?:\u0647|\u062a(?:" + _AR_ENCLITICS + "|" + _AR_DUAL_T + ")|\u0627\u062a" + _AR_ENCLITICS + "?)"
_AR_OTHER_FORMS = "(?:" + _AR_ENCLITICS + "|" + _AR_MASCULINE + ")?"
# the same endings before round 18 (the pronouns only): what order_length measures a compiled cue with
_AR_TA_PRONOUNS, _AR_OTHER_PRONOUNS = "(?:\u0647|\u062a" + _AR_ENCLITICS + ")", _AR_ENCLITICS + "?"
#: The endings generated for every one-word Arabic cue (besides the pronouns), as documented in the cue syntax.
AR_INFLECTIONS = {"ta_marbuta": ("تان", "تين", "تا", "تي", "ات"), "other": ("ان", "ين", "ون", "ا", "ات")}
#: What every compiled Arabic cue starts with after :data:`BOUNDARY`: the optional proclitics and article.
AR_PROCLITICS = _AR_PROCLITICS
#: The look-behind that starts every compiled cue: no word character before the match.
BOUNDARY = r"(?<!\w)"
#: Words a gap ``...`` allows between the two parts of a cue when it gives no number (``...2``).
DEFAULT_GAP = 3
_GAP = re.compile(r"(?<!\S)(?:\.\.\.|\u2026)([0-9]*)(?!\S)")


def _literal(text: str, lang: str = "", inner: bool = False) -> tuple[str, int]:
    """Regex for a literal chunk of a cue, and its number of word characters.

    In Arabic an adjective or a second noun takes the article like its head ("ابادة جماعية",
    "الابادة الجماعية"), so every word after the first of a cue (``inner``: this chunk does not
    start the cue) may carry ال, written or not.
    """
    norm = matching_form(text)
    words = norm.split()
    if lang in _PROCLITIC_LANGS:
        src = _SEP.join(_AR_ARTICLE + _ar_bare(w) if k or inner else re.escape(w) for k, w in enumerate(words))
    else:
        src = _join_words(words, lang)
    if norm[:1].isspace() and words:
        src = _SEP + src
    if norm[-1:].isspace() and words:
        src = src + _SEP
    return src, sum(ch.isalnum() for ch in norm)


def phrase_body(text: str, lang: str) -> str:
    """The regex body of a plain phrase (a name, no cue syntax) as :func:`cue_pattern` would compile it, without the
    look-arounds and proclitics: ``-`` as a space or hyphen; in Arabic without a written article (the proclitics
    supply it) and with ال optional on the words after the first. For generated lists of many names, where the
    checks of :func:`cue_pattern` cost more than they are worth (:mod:`diplolib.themes.state_names`)."""
    text = text.replace("-", " ")
    if lang in _PROCLITIC_LANGS and matching_form(text[:2]) == "\u0627\u0644" and len(text) > 4:
        text = text[2:]
    return _literal(text, lang)[0]


def _ar_bare(word: str) -> str:
    """``word`` escaped, without a written article (kept when fewer than 3 letters would remain)."""
    if word.startswith("\u0627\u0644") and len(word) > 4:
        word = word[2:]
    return re.escape(word)


def _join_optional_words(parts: list[str]) -> list[str]:
    """An optional group standing as a word of its own takes its following separator with it."""
    out: list[str] = []
    k = 0
    while k < len(parts):
        p = parts[k]
        standalone = (
            (not out or out[-1] == _SEP or out[-1].endswith(_SEP + ")?"))
            and k + 1 < len(parts)
            and parts[k + 1] == _SEP
        )
        if p.startswith("(?:") and p.endswith(")?") and standalone:
            out.append("(?:" + p[:-1] + _SEP + ")?")
            k += 2
            continue
        out.append(p)
        k += 1
    return out


def cue_pattern(cue: str, lang: str) -> str:
    """Compile one cue of the dictionary syntax into a regex source.

    Parameters
    ----------
    cue : str
        The cue, e.g. ``"bomb(s|ed|ing)"``, ``"negotiat*"``, ``"cessez-le-feu"``.
    lang : str
        Language code; ``"ar"`` adds the Arabic proclitics before the cue.

    Returns
    -------
    str
        Regex source matching the cue as whole words on the matching form.

    Raises
    ------
    ValueError
        Empty cue, lone or too short wildcard, pattern able to match the empty string,
        unbalanced parentheses or regex characters the syntax does not use.
    """
    if not isinstance(cue, str):
        raise ValueError(f"cue {cue!r} is not a string: write cues as quoted text")
    text = cue.strip()
    if not text:
        raise ValueError("empty cue: remove it or write a word")
    bad = sorted(set(text) & _FORBIDDEN)
    if bad:
        raise ValueError(
            f"cue {cue!r} uses {''.join(bad)!r}: the cue syntax only knows '*', '(a|b)', '[a|b]' and '-'; "
            "write the forms out as separate cues"
        )
    if lang in _PROCLITIC_LANGS and matching_form(text[:2]) == "\u0627\u0644" and len(text) > 4:
        text = text[2:]  # the article is part of the proclitics: also matches لل (li + al)
    pieces = _GAP.split(text)
    prefix = _AR_PROCLITICS if lang in _PROCLITIC_LANGS else ""
    bodies, mandatory, before_wild = [], 0, None
    for k in range(0, len(pieces), 2):
        piece = pieces[k].strip()
        if not piece:
            raise ValueError(f"cue {cue!r}: a gap '...' must stand between two words, as in 'fight ... terrorism'")
        if k and prefix and matching_form(piece[:2]) == "\u0627\u0644" and len(piece) > 4:
            piece = piece[2:]
        body, n, wild = _piece(cue, piece, lang)
        if before_wild is None and wild is not None:
            before_wild = mandatory + wild
        mandatory += n
        if k:
            words = int(pieces[k - 1] or DEFAULT_GAP)
            if not 1 <= words <= 9:
                raise ValueError(f"cue {cue!r}: a gap allows 1 to 9 words in between ('...4'), not {words}")
            bodies.append(rf"{_SEP}(?:\w+{_SEP}){{0,{words}}}(?<!\w){prefix}")
        bodies.append(body)
    body = "".join(bodies)
    _check_body(cue, body, mandatory, before_wild)
    if lang in _PROCLITIC_LANGS and _SEP not in body and mandatory >= 4:
        body = _with_enclitics(body, maqsura=text.rstrip().endswith("\u0649"))
    pattern = rf"{BOUNDARY}{prefix}(?:{body})(?!\w)"
    _check_breadth(cue, pattern, lang)
    return pattern


def _with_enclitics(body: str, maqsura: bool = False) -> str:
    """A one-word Arabic cue also matches its inflected forms, generated for every such cue alike: with a
    possessive or object pronoun attached (انتخابه "his election", زيارتها "her visit": the ta marbuta, ه in
    matching form, is then written ت), and in the endings the dictionary would otherwise write out one word at a
    time (:data:`AR_INFLECTIONS`): the dual (اتفاقيتان, اتفاقيتين, اتفاقين), the dual in construct (اتفاقيتا,
    اتفاقيتي "the two conventions of"), the accusative of an indefinite noun (اتفاقا "an agreement", round 18,
    UNPC: "التي تعقد اتفاقا للضمانات", a State that concludes a safeguards agreement) and the sound plurals: of a
    noun in ة (هدنات "truces", with a pronoun: اتفاقياتها), of any other noun in ات (استفتاءات "referendums",
    المشردات "displaced women") and in ون (the nominative that ين, its accusative and genitive, already has).

    Only for cues of 4 letters or more: on shorter ones a proclitic and an enclitic together make
    other words (و + زار + ه is وزاره, "ministry"). A cue written with a final alif maqsura (ى, ي in
    matching form: اسرى "prisoners") takes the pronoun on an alif (اسراهم "their prisoners") and no other
    ending: ى + ه would be the adjective ending ية (الاسرية "of the family"). A cue written as a list of
    alternatives ([طاقة|الطاقة]) is left as written: its author chose its forms (طاقات is "capacities").
    """
    if body.endswith("\u0647") and not body.endswith("\\\u0647"):
        return body[:-1] + _AR_TA_FORMS
    if maqsura and body.endswith("\u064a"):
        return body[:-1] + "(?:\u064a|\u0627" + _AR_ENCLITICS + ")"
    if body[-1:].isalpha():
        return body + _AR_OTHER_FORMS
    return body


def order_length(pattern: str) -> int:
    """The length by which a theme's compiled cues are ordered in its alternation (longest first: at one place the
    first alternative that matches wins, :meth:`~diplolib.themes.dictionary.ThemeDictionary.compiled`): the
    pattern's length with an Arabic one-word cue's generated endings (:data:`AR_INFLECTIONS`) counted as its
    pronouns alone, so that the endings change no cue's rank (المجلس, a cue bound to the Security Council's documents,
    stays after مجلس الأمن and does not take its place elsewhere)."""
    return len(pattern.replace(_AR_TA_FORMS, _AR_TA_PRONOUNS).replace(_AR_OTHER_FORMS, _AR_OTHER_PRONOUNS))


def _piece(cue: str, text: str, lang: str) -> tuple[str, int, int | None]:
    """Regex body of a cue without gaps, its mandatory word characters, and how many come before a wildcard."""
    parts: list[str] = []
    buf = ""
    mandatory = 0  # word characters that must be present
    before_wild: int | None = None
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "()[]*-" or ch.isspace():
            if buf:
                _possessive(parts, buf, lang)
                src, n = _literal(buf, lang, inner=bool(parts) and parts[-1] == _SEP)
                parts.append(src)
                mandatory += n
                buf = ""
        if ch in "([":
            group, extra, i = _bracket(cue, text, i, lang)
            parts.append(group)
            mandatory += extra
            continue
        if ch in ")]":
            raise ValueError(f"cue {cue!r}: {ch!r} without its opening bracket")
        if ch == "*":
            if i + 1 < len(text) and not (text[i + 1].isspace() or text[i + 1] in "-"):
                raise ValueError(f"cue {cue!r}: '*' is only allowed at the end of a word")
            if before_wild is None:
                before_wild = mandatory
            parts.append(r"\w*")
        elif ch == "-":
            parts.append(r"[\s\-\u2010-\u2013]?")
        elif ch.isspace():
            if parts and parts[-1] != _SEP:
                parts.append(_SEP)
        else:
            buf += ch
        i += 1
    if buf:
        _possessive(parts, buf, lang)
        src, n = _literal(buf, lang, inner=bool(parts) and parts[-1] == _SEP)
        parts.append(src)
        mandatory += n
    return "".join(_join_optional_words(parts)), mandatory, before_wild


def _possessive(parts: list[str], word: str, lang: str) -> None:
    """Before a lone English ``s`` that follows a word ("women s rights"), the separator may be an apostrophe."""
    if lang in _POSSESSIVE_LANGS and word == "s" and len(parts) >= 2 and parts[-1] == _SEP:
        parts[-1] = _POSSESSIVE


#: A cue matching at least this share of a language's common words (its stop words of 3 letters or more) is a
#: catch-all ("[a|…|z][a|…|z][a|…|z]*" matches every word) and is refused, whatever syntax built it.
MAX_COMMON_WORD_SHARE = 0.25


@functools.lru_cache(maxsize=8)
def _probe_words(lang: str) -> tuple[str, ...]:
    langs = [lang] if lang in SUPPORTED_LANGS else list(SUPPORTED_LANGS)
    return tuple(sorted({matching_form(w) for code in langs for w in stop_words_for(code) if len(w) >= 3}))


def _check_breadth(cue: str, pattern: str, lang: str) -> None:
    """Refuse a cue that matches a large share of the language's common words (:data:`MAX_COMMON_WORD_SHARE`)."""
    words = _probe_words(lang)
    compiled = re.compile(pattern)
    hits = sum(1 for w in words if compiled.match(w))
    if words and hits >= MAX_COMMON_WORD_SHARE * len(words):
        raise ValueError(f"cue {cue!r} matches {hits} of {len(words)} common {lang} words: it would tag almost "
                         "every text; write the words the theme is about")


def _bracket(cue: str, text: str, i: int, lang: str = "") -> tuple[str, int, int]:
    """The regex of the ``(…)`` (optional) or ``[…]`` (required) group at ``text[i]``, the word characters it
    makes mandatory, and the position after it."""
    ch = text[i]
    close = ")" if ch == "(" else "]"
    j = text.find(close, i)
    if j < 0 or any(c in text[i + 1 : j] for c in "()[]"):
        raise ValueError(f"cue {cue!r}: unbalanced or nested {ch!r}: write 'word(s|es)' or '[a|b] word'")
    alts = [matching_form(a).strip() for a in text[i + 1 : j].split("|")]
    if ch == "[" and not all(alts):
        raise ValueError(f"cue {cue!r}: empty alternative in '[...]': use '(...)' for optional parts")
    alts = sorted({a for a in alts if a}, key=len, reverse=True)
    if not alts:
        raise ValueError(f"cue {cue!r}: empty {ch + close!r}: remove it")
    group = "(?:" + "|".join(_join_words(a.split(), lang) for a in alts) + ")"
    if ch == "(":
        return group + "?", 0, j + 1
    return group, min(sum(c.isalnum() for c in a) for a in alts), j + 1


def _check_body(cue: str, body: str, mandatory: int, before_wild: int | None) -> None:
    """Refuse cues that would match too much: a short wildcard stem, fewer than 2 mandatory letters, nothing."""
    if before_wild is not None and before_wild < 3:
        raise ValueError(
            f"cue {cue!r}: a wildcard needs at least 3 letters before it, otherwise it matches "
            "too many words; write the forms out"
        )
    if mandatory < 2:
        raise ValueError(
            f"cue {cue!r} has fewer than 2 letters that must match: it would match almost anything"
        )
    if re.fullmatch(body, "") is not None:
        raise ValueError(f"cue {cue!r} can match the empty string: make at least one word mandatory")

