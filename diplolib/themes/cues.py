"""The cue syntax of the theme dictionary, compiled to regular expressions.

See :mod:`diplolib.themes.dictionary` for the syntax.  Cues are put in matching form
(:func:`diplolib.themes._matching.matching_form`) piece by piece, so that the pattern
matches the matching form of a text.
"""

from __future__ import annotations

import re

from ._matching import matching_form

__all__ = ["cue_pattern"]

_FORBIDDEN = set("{}^$+?\\")
_SEP = r"[\s\-\u2010-\u2013]+"  # spaces, hyphens and dashes
_AR_PROCLITICS = "(?:[\u0648\u0641]?(?:[\u0628\u0643\u0644]?\u0627\u0644|\u0644\u0644|[\u0628\u0643\u0644])?)"
_PROCLITIC_LANGS = {"ar"}
_BOUNDARY = r"(?<!\w)"


def _literal(text: str) -> tuple[str, int]:
    """Regex for a literal chunk of a cue, and its number of word characters."""
    norm = matching_form(text)
    words = norm.split()
    src = _SEP.join(re.escape(w) for w in words)
    if norm[:1].isspace() and words:
        src = _SEP + src
    if norm[-1:].isspace() and words:
        src = src + _SEP
    return src, sum(ch.isalnum() for ch in norm)


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
    parts: list[str] = []
    buf = ""
    mandatory = 0  # word characters that must be present
    before_wild: int | None = None
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "()[]*-" or ch.isspace():
            if buf:
                src, n = _literal(buf)
                parts.append(src)
                mandatory += n
                buf = ""
        if ch in "([":
            close = ")" if ch == "(" else "]"
            j = text.find(close, i)
            if j < 0 or any(c in text[i + 1 : j] for c in "()[]"):
                raise ValueError(
                    f"cue {cue!r}: unbalanced or nested {ch!r}: write 'word(s|es)' or '[a|b] word'"
                )
            alts = [matching_form(a).strip() for a in text[i + 1 : j].split("|")]
            if ch == "[" and not all(alts):
                raise ValueError(f"cue {cue!r}: empty alternative in '[...]': use '(...)' for optional parts")
            alts = sorted({a for a in alts if a}, key=len, reverse=True)
            if not alts:
                raise ValueError(f"cue {cue!r}: empty {ch + close!r}: remove it")
            group = "(?:" + "|".join(_SEP.join(map(re.escape, a.split())) for a in alts) + ")"
            if ch == "(":
                group += "?"
            else:
                mandatory += min(sum(c.isalnum() for c in a) for a in alts)
            parts.append(group)
            i = j + 1
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
        src, n = _literal(buf)
        parts.append(src)
        mandatory += n
    body = "".join(_join_optional_words(parts))
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
    prefix = _AR_PROCLITICS if lang in _PROCLITIC_LANGS else ""
    return rf"{_BOUNDARY}{prefix}(?:{body})(?!\w)"
