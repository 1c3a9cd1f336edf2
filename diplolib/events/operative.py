"""The unnamed author of a resolution's paragraphs: "Condemns …", "Décide …", "يدين …".

A resolution (and a draft, a decision, a presidential statement) writes its paragraphs without a subject: the
body adopting the text is their author. Operative paragraphs open with a verb in the third person of the present
("Decides to …", "3. Condemns …", "Prend acte …, et demande aux …", "54 - يدعو إلى …"), preambular ones with a
participle or an adjective and end with a comma or a semicolon ("Recalling …,", "Rappelant …,", "وإذ ترحب …،").
These forms are a closed class, fixed by the UN editorial rules, and a news sentence never opens with them
(Arabic, verb-first, does: "وتدين أرمينيا …" names its subject right after the verb, so an actor there makes the
paragraph an ordinary sentence). Read with the ordinary rules, such a paragraph takes its source from any actor
before the cue ("Takes note of the communiqué of the African Union, and requests …": the African Union asks),
which is always wrong.

Rule (:func:`author_hits`): a cue that *is* the paragraph's opening verb, or a verb of the same closed class
coordinated with it ("…, and requests", "…, et salue", "… ويطلب"), has the paragraph's author as its source: the
document's author when the caller gives it (``extract_events(..., author=column)``; :func:`un_authors` reads it
from a UN document symbol), otherwise no source and ``reason`` ``unnamed-author``, never an actor of the
sentence. Its target is read by the ordinary rules.
"""

from __future__ import annotations

import re
from itertools import islice

import numpy as np
import pandas as pd

from ..normalize.matching import matching_form

__all__ = ["OPERATIVE", "PREAMBULAR", "author_hits", "authored_sides", "candidates", "un_authors", "UN_AUTHORS"]


def _forms(words: str) -> frozenset:
    return frozenset(matching_form(w) for w in words.split())


#: Verbs that open an operative paragraph (third person of the present; French also in the feminine body's
#: agreement, Arabic masculine ي and feminine ت, with or without و). Matching forms.
OPERATIVE = {
    "en": _forms("""accepts acknowledges adopts affirms agrees appeals appreciates approves authorizes authorises
        calls commends concurs condemns confirms congratulates considers decides declares demands deplores
        designates directs emphasizes emphasises encourages endorses expresses highlights invites notes proclaims
        reaffirms recalls recognizes recognises recommends regrets reiterates reminds renews requests resolves
        stresses supports takes transmits trusts underlines underscores urges welcomes commits pledges"""),
    "fr": _forms("""accepte accueille adopte affirme appelle apprécie approuve autorise charge condamne confirme
        considère constate décide déclare demande déplore encourage engage entend estime exhorte exige félicite
        insiste invite lance note prend prie proclame rappelle réaffirme recommande reconnaît regrette réitère
        remercie salue souligne souscrit soutient appuie sait compte reste demeure"""),
    "ar": _forms("""يقرر تقرر يدين تدين يطلب تطلب يحث تحث يرحب ترحب يؤكد تؤكد يدعو تدعو يهيب تهيب يشجع تشجع
        يلاحظ تلاحظ يحيط تحيط يعرب تعرب يشدد تشدد يكرر تكرر يعيد تعيد يناشد تناشد يأذن تأذن يوافق توافق يؤيد
        تؤيد يسلم تسلم يعترف تعترف يشيد تشيد يقر تقر يوصي توصي يدعم تدعم يطالب تطالب يشير تشير يكلف تكلف يعلن
        تعلن يرجو ترجو يعتمد تعتمد يستنكر تستنكر يشجب تشجب يلتمس تلتمس يعتبر تعتبر يدرك تدرك"""),
}
#: Words that open a preambular paragraph (which ends with a comma or a semicolon). English and French
#: participles are read by their ending ("-ing", "-ant"); these are the adjectives and adverbs besides them.
PREAMBULAR = {
    "en": _forms("""alarmed aware cognizant concerned conscious convinced deeply determined encouraged gravely
        guided mindful fully seriously strongly desirous"""),
    "fr": _forms("""consciente conscient convaincue convaincu préoccupée préoccupé profondément vivement gravement
        alarmée alarmé résolue résolu déterminée déterminé guidée guidé soucieuse soucieux désireuse désireux
        sachant ayant"""),
    "ar": _forms("اذ واذ"),
}
_ENDING = {"en": "ing", "fr": "ant", "ar": None}
#: Adverbs that may come before the opening verb ("Also requests", "Strongly condemns", "En outre, décide").
_ADVERBS = {"en": _forms("also further furthermore again once strongly firmly solemnly unanimously"),
            "fr": _forms("en outre également aussi de nouveau vivement fermement énergiquement"),
            "ar": _forms("كما")}
_COORDINATORS = {"en": _forms("and also further"), "fr": _forms("et également aussi"), "ar": frozenset()}
#: "(a)", "3.", "54 -", "iv)": a paragraph's number or letter before its first word (matching form).
_NUMBER = re.compile(r"^[\W\d_]*(?:\(?(?:[a-z]|[ivx]{1,5})\)\s*)?[\W\d_]*")
_WORD = re.compile(r"\w+")
_HEAD = 160


_HEAD_WORD = re.compile(_NUMBER.pattern.lstrip("^") + r"(\w*)")  # the word :func:`_opening` reads first
_FIRST = {lang: OPERATIVE[lang] | PREAMBULAR[lang] | _ADVERBS[lang] | ({"se", "s", "est"} if lang == "fr" else set())
          for lang in OPERATIVE}


def candidates(text: str, lo: list[int], hi: list[int], lang: str) -> list[bool]:
    """May :func:`_opening` find an opening in each head ``text[lo:hi]``? Its first word after the number must be an
    adverb, an opening or preambular word, French "se"/"s"/"est", an Arabic opening verb with its و, or end as a
    participle (or be too long for ``_opening``'s 80-character window, which may cut it so). A superset of its
    readings, read with one regex match and set look-ups per head, so that the Python of :func:`_opening` runs
    only on the few heads it keeps (2,590 of 99,150 sentences of FA-KES x 10)."""
    first, ending, head = _FIRST[lang], _ENDING[lang], _HEAD_WORD.match
    words = [head(text, a, z).group(1) for a, z in zip(lo, hi, strict=True)]
    if lang == "ar":
        ops = OPERATIVE[lang]
        return [w in first or (w[:1] == "و" and w[1:] in ops) for w in words]
    return [w in first or w.endswith(ending) or len(w) >= 80 for w in words]


def _opening(head: str, lang: str, ends_open: bool) -> tuple[int, int] | None:
    """``(start, end)`` in ``head`` (a paragraph's first characters, matching form) of its opening verb when the
    paragraph is operative or preambular, else ``None``."""
    pos = _NUMBER.match(head).end()
    words = [(m.start(), m.end(), m.group()) for m in islice(_WORD.finditer(head, pos, pos + 80), 4)]
    k = 0
    while k < len(words) - 1 and words[k][2] in _ADVERBS[lang]:
        k += 1
    if not words:
        return None
    a, z, w = words[k]
    bare = w[1:] if lang == "ar" and w.startswith("و") and len(w) > 3 else w
    if w in OPERATIVE[lang] or bare in OPERATIVE[lang]:
        return a, z
    if ends_open and (w in PREAMBULAR[lang] or (_ENDING[lang] and len(w) > 5 and w.endswith(_ENDING[lang]))):
        if lang == "ar":  # "وإذ ترحب": the verb is the next word
            return (words[k + 1][0], words[k + 1][1]) if k + 1 < len(words) else None
        return a, z
    if lang == "fr" and w in ("se", "s") and k + 1 < len(words):  # "Se félicite", "Se déclarant"
        nxt = words[k + 1][2]
        if nxt in OPERATIVE[lang] or (ends_open and nxt.endswith("ant")):
            return a, words[k + 1][1]
    if lang == "fr" and w == "est" and k + 1 < len(words) and words[k + 1][2] in PREAMBULAR[lang]:
        return a, words[k + 1][1]  # "Est conscient que …"
    return None


def _last_char(display: str, start: int, end: int) -> str:
    """The last character of ``display[start:end]`` that is not a space (``""`` if none), read from its end."""
    step = 16
    while end > start:
        tail = display[max(start, end - step):end].rstrip()
        if tail:
            return tail[-1]
        end, step = max(start, end - step), step * 4
    return ""


def author_hits(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, lang: str) -> np.ndarray:
    """Is each cue hit the unnamed author's verb of an operative or preambular paragraph (see the module)?"""
    n = len(hits["start"])
    out = np.zeros(n, dtype=bool)
    if n == 0 or lang not in OPERATIVE:
        return out
    sent = np.maximum(hits["sentence"], 0)
    uniq, inv = np.unique(sent, return_inverse=True)
    m_lo = b.match_offsets(b.sent_start[uniq])
    m_hi = b.match_offsets(b.sent_end[uniq])
    ps = phrases["gstart"].to_numpy() if len(phrases) else np.zeros(0, np.int64)
    opener = np.full((len(uniq), 2), -1, dtype=np.int64)
    preamble = np.zeros(len(uniq), dtype=bool)
    lo_all, hi_all = m_lo.tolist(), np.minimum(m_lo + _HEAD, m_hi).tolist()
    seen = np.flatnonzero(candidates(b.match, lo_all, hi_all, lang))
    for i in seen.tolist():
        lo, hi, s = lo_all[i], int(m_hi[i]), int(uniq[i])
        head = b.match[lo:min(lo + _HEAD, hi)]
        if _opening(head, lang, True) is None:  # nor without an open end (which only takes openings away)
            continue
        last = _last_char(b.display, b.sent_start[s], b.sent_end[s])
        span = _opening(head, lang, last in (",", ";", "،", "؛"))
        if span is None:
            continue
        if lang == "ar":  # verb first: an actor right after the verb is its subject ("وتدين أرمينيا")
            d_end = b.display_at(min(lo + span[1], len(b.match) - 1))
            j = np.searchsorted(ps, d_end)
            if j < len(ps) and len(b.display[d_end:ps[j]].split()) == 0:
                continue
        opener[i] = (lo + span[0], lo + span[1])
        preamble[i] = last in (",", "،")
    op, pre = opener[inv], preamble[inv]
    ms = hits["m_start"]
    first = (op[:, 0] >= 0) & (ms >= op[:, 0]) & (ms < op[:, 1])
    # a verb of the same class coordinated with the opening one, later in the paragraph
    later = np.flatnonzero((op[:, 0] >= 0) & ~first & (ms >= op[:, 1]))
    for k in later.tolist():
        word = _WORD.match(b.match, ms[k])
        w = word.group() if word else ""
        if lang == "ar":  # "… ويرحب": the hit may start after its proclitic و; "…، وإذ يدعو": a later preamble
            glued = b.match[max(0, ms[k] - 1):ms[k]] == "و" and w in OPERATIVE[lang]
            clause = w in OPERATIVE[lang] and b.match[max(0, ms[k] - 4):ms[k]].split()[-1:] in (["اذ"], ["واذ"])
            out[k] = glued or clause or (w.startswith("و") and w[1:] in OPERATIVE[lang])
            continue
        participle = pre[k] and _ENDING[lang] is not None and len(w) > 5 and w.endswith(_ENDING[lang])
        if w in OPERATIVE[lang] or participle:  # "…, and requests", "Recalling … and welcoming …"
            gap = b.match[max(op[k, 1], ms[k] - 30):ms[k]]
            before = gap.split()
            # "Condamnant …, Demandant …": a preamble's participles in a row, set off by commas
            listed = participle and lang == "fr" and gap.rstrip().endswith(",")
            out[k] = (bool(before) and before[-1] in _COORDINATORS[lang]) or listed
    return out | first


def authored_sides(authored: np.ndarray, src: np.ndarray, tgt: np.ndarray,
                   after: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The sides of the author's verbs (:func:`author_hits`): no source from the sentence, and the actor right
    after a verb the clause rules read as its subject ("وإذ يدعو حكومة جنوب السودان إلى …": verb first, the
    actor after it) is the one addressed, its target, since the author is the subject. New arrays."""
    subject_read = authored & (src >= 0) & (src == after)
    return np.where(authored, -1, src), np.where(subject_read, after, tgt)


#: The bodies whose resolutions, drafts and statements a UN document symbol names (first part of the symbol).
UN_AUTHORS = (("A/HRC/", "org:unhrc"), ("S/", "org:unsc"), ("A/", "org:unga"))
_ADOPTED = re.compile(r"/RES/|/PRST/|/L\.\d")


def un_authors(articles: pd.DataFrame, symbol: str = "title") -> pd.Series:
    """The author of each UN document whose symbol says it: a resolution (``/RES/``), a presidential statement
    (``/PRST/``) or a draft (``/L.``) of the Security Council (``S/``), the Human Rights Council (``A/HRC/``) or
    the General Assembly and its committees (``A/``); ``""`` for any other document (letters and reports are
    written by many, and their symbol does not say by whom). For ``extract_events(..., author=...)``."""
    if symbol not in articles.columns:
        raise ValueError(f"un_authors: articles has no {symbol!r} column; name the column of UN symbols with symbol=.")
    sym = articles[symbol].astype("string").fillna("").str.strip()
    out = pd.Series("", index=articles.index, dtype=object)
    adopted = sym.str.contains(_ADOPTED).to_numpy(dtype=bool)
    for prefix, body in reversed(UN_AUTHORS):  # the longest prefix last, so that it wins
        out[adopted & sym.str.startswith(prefix).to_numpy(dtype=bool)] = body
    return out
