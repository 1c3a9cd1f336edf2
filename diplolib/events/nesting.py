"""Embedded and background events: what a sentence reports as its main event, and what it mentions around it.

Two classes of cue are not the main event of their sentence; both stay in the events table (the bombing did
happen; a refusal may not have) with ``embedded`` true, and :func:`~diplolib.events.plover_reading` leaves them
out, as PLOVER codes one event per sentence (the main verb's):

- **Content of a verbal event**: "Greece demanded that its partners *refuse* to recognize Macedonia", "Russia
  threatened to stop *negotiations*", "Palestinians blamed Israel for the *bombing*": a cue that follows a cue of
  the types in :data:`GOVERNING` in the same sentence, at most :data:`REACH` characters after it.
- **Background of another event** (:func:`background`), when an earlier cue of the same sentence is the main
  one: a cue heading the object of an adjunct preposition ("imposed a curfew *after a demonstration*", "complained
  to the UN *over two air raids*", "renewed negotiations *on an Israeli troop pullback*"), a cue in a relative or
  subordinate clause ("… Macedonia, *which is preparing an offensive*", "resigned *as the opposition threatened*",
  "Mubarak, *who has vowed*"), a participle of consequence after a comma ("shelled Juba, *killing* 20") and a
  purpose infinitive ("staged demonstrations *to demand* reforms"), the head of the previous cue's object
  ("lifted a day-old *blockade*", "cancelled a planned *visit*"), an attribute glued by a hyphen
  ("Israeli-*occupied*"); and a cue inside a fronted adjunct ("*In a
  letter handed over to the UN*, Iraq said it would allow …") when a cue follows its comma. The word lists are
  :data:`ADJUNCT`, :data:`SUBORDINATE` and :data:`PURPOSE`, per language.
"""

from __future__ import annotations

import numpy as np

from .clauses import relative_ends

__all__ = ["GOVERNING", "REACH", "ADJUNCT", "SUBORDINATE", "PURPOSE", "DETERMINERS", "PROMISES", "CONFLICT", "embedded",
           "background",
           "promised_threats", "peacekeeping", "PEACEKEEPING", "PEACEKEEPING_TYPES"]

#: Verbal event types whose cue takes another event as its content.
GOVERNING = ("AGREE", "SUPPORT", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN")
#: Characters from the end of the governing cue to the start of the embedded one.
REACH = 100
#: Prepositions whose object names a background event ("after a demonstration", "over the air raids"); the cue
#: heads the object when at most :data:`_NP_WORDS` words (determiners, adjectives, numbers) lie between.
ADJUNCT = {
    "en": frozenset("""after following before during over amid amidst despite since for in on of about against
        upon""".split()),
    "fr": frozenset("apres avant pendant lors malgre depuis contre sur dans suite".split()),
    "ar": frozenset("بعد قبل خلال اثر جراء بسبب رغم ضد عقب".split()),
}
_NP_WORDS = 4
_WINDOW = 240  # characters before a cue read for the words that subordinate it
#: Words that open a relative or subordinate clause between the main cue and a later one, or the content of a
#: reporting participle ("staged rallies against Abbas, *saying* he must resign").
SUBORDINATE = {
    "en": frozenset("""which who whom whose where when whenever while as because since until although though
        whereas unless once after before if saying adding claiming insisting arguing stating noting
        explaining""".split()),
    "fr": frozenset("""qui dont ou lorsque quand lequel laquelle lesquels lesquelles puisque parce si affirmant
        ajoutant estimant declarant soulignant""".split()),
    "ar": frozenset("""الذي التي الذين اللذين اللتين عندما حين حينما بينما لان كما اذا لو مضيفا مشيرا مؤكدا
        قائلا""".split()),
}
#: A purpose infinitive's marker, just before the cue ("to demand", "pour exiger", "لكي").
PURPOSE = {"en": frozenset({"to"}), "fr": frozenset({"pour"}), "ar": frozenset({"لكي", "كي"})}
_COORDINATION = frozenset({"and", "then", "et", "puis", "و", "ثم"})
_NOT_SUBORDINATE = {("as", "well"), ("such", "as"), ("as", "part"), ("so", "as")}


def embedded(starts: np.ndarray, ends: np.ndarray, sentences: np.ndarray, events: np.ndarray,
             display: str | None = None) -> np.ndarray:
    """Is each cue hit (sorted by start; ``sentences`` global sentence numbers) embedded in a governing cue? With
    ``display`` (the batch's display text), a cue after the comma that closes a relative clause holding the
    governing cue is not ("Israel, which has *vowed* to stay, *rejected* the offer")."""
    n = len(starts)
    if n == 0:
        return np.zeros(0, dtype=bool)
    idx = np.arange(n)
    last = np.maximum.accumulate(np.where(np.isin(events, GOVERNING), idx, -1))
    prev = np.concatenate([[-1], last[:-1]])  # the governing cue strictly before each hit
    p = np.maximum(prev, 0)
    out = (prev >= 0) & (sentences[p] == sentences) & (starts - ends[p] <= REACH)
    if display is not None and out.any():
        closes = np.asarray(relative_ends(display), dtype=np.int64)
        if len(closes):
            k = np.searchsorted(closes, starts) - 1  # the last closing comma before the cue
            out &= ~((k >= 0) & (closes[np.maximum(k, 0)] >= ends[p]))
    return out


def _subordinated(words: list[str], lang: str) -> bool:
    """Do ``words`` (between the previous cue and this one) open a clause or an adjunct this cue belongs to?"""
    subs = SUBORDINATE.get(lang, frozenset())
    for k, w in enumerate(words if not subs.isdisjoint(words) else ()):  # most windows hold none: one C-level test
        if w in subs and (w, words[k + 1] if k + 1 < len(words) else "") not in _NOT_SUBORDINATE and \
                (words[k - 1] if k else "", w) not in _NOT_SUBORDINATE:
            return True
    tail = words[-(_NP_WORDS + 1):]
    adj = ADJUNCT.get(lang, frozenset())
    for k in range(len(tail) - 1, -1, -1):  # the last adjunct of the tail
        if tail[k] in adj:
            return _COORDINATION.isdisjoint(tail[k + 1:])
    return False


_HYPHENS = ("-", "\u2010", "\u2011")
#: Determiners that open the object of the previous cue ("lifted *a* day-old blockade", "cancelled *a* planned
#: visit"): an event noun there is what the previous event acts on.
DETERMINERS = {"en": frozenset("a an the its their his her this that these those".split()),
               "fr": frozenset("un une le la les l sa son ses leur leurs ce cette".split()), "ar": frozenset()}


def _object(words: list[str], lang: str) -> bool:
    """Are ``words`` (between the previous cue and this one) a determiner and at most :data:`_NP_WORDS` - 1
    modifiers: the cue heads the previous cue's object?"""
    dets = DETERMINERS.get(lang, frozenset())
    if not words or len(words) > _NP_WORDS or any(w in _COORDINATION for w in words):
        return False
    return any(w in dets for w in words)


def background(spaced: str, match: str, m_start: np.ndarray, m_end: np.ndarray, sent_m: np.ndarray,
               sentences: np.ndarray, lang: str) -> np.ndarray:
    """Is each cue hit (sorted by start) the background of another cue of its sentence?

    ``spaced``/``match``: the batch's matching forms (``spaced[i + 1] == match[i]``); ``m_start``, ``m_end``: the
    cues' matching-form offsets; ``sent_m``: the matching-form start of each hit's sentence; ``sentences``: global
    sentence numbers.
    """
    n = len(m_start)
    out = np.zeros(n, dtype=bool)
    if n < 2:
        return out
    same_prev = np.concatenate([[False], sentences[1:] == sentences[:-1]])
    same_next = np.concatenate([sentences[1:] == sentences[:-1], [False]])
    purpose = PURPOSE.get(lang, frozenset())
    adj = ADJUNCT.get(lang, frozenset()) | SUBORDINATE.get(lang, frozenset())
    ms, me, sm = m_start.tolist(), m_end.tolist(), sent_m.tolist()
    prev, nxt = same_prev.tolist(), same_next.tolist()
    flag = [False] * n
    r_open, r_close = relative_ends(match, opens=True)
    # the last relative clause closed before each cue (and before the next one), for all cues at once
    last_close = (np.searchsorted(r_close, m_start) - 1).tolist()
    r_open, r_close = r_open.tolist(), r_close.tolist()
    for i in np.flatnonzero(same_prev | same_next).tolist():
        a, z = ms[i], me[i]
        if prev[i]:
            lo = max(me[i - 1], a - _WINDOW)
            # after the comma closing a relative clause: "Israel, which has vowed to stay, *rejected* …"
            k = last_close[i]
            closed = k >= 0 and r_close[k] >= lo and r_open[k] >= sm[i]
            words = spaced[(r_close[k] + 1 if closed else lo) + 1:a + 1].split()
            if _subordinated(words, lang) or (words and words[-1] in purpose) or _object(words, lang):
                flag[i] = True
            elif lang == "en" and match.endswith("ing", a, z) and (
                    match[max(sm[i], me[i - 1]):a].rstrip().endswith(",") or (words[-1:] == ["and"] and flag[i - 1])):
                flag[i] = True  # "shelled Juba, killing 20 people and arresting 12"
        if match[a - 1:a] in _HYPHENS:  # "Israeli-occupied", "US-backed": an attribute of a noun, not the event
            flag[i] = True
        if nxt[i] and not flag[i]:  # inside a relative clause closed before the next cue ("Israel, which has *vowed*
            # to stay, rejected …"): that cue is the main one
            k = last_close[i + 1]  # the last clause closed before the next cue
            flag[i] = k >= 0 and r_close[k] >= z and r_open[k] >= sm[i]
        if nxt[i] and not flag[i]:  # a fronted adjunct: "In a letter handed over to the UN, Iraq said …"
            head = spaced[sm[i] + 1:min(sm[i] + 24, a + 1)].split()[:1]
            flag[i] = bool(head) and head[0] in adj and match.find(",", z, ms[i + 1]) != -1 \
                and match.find(",", sm[i], a) == -1
    out[:] = flag
    return out


#: Stems of promise cues (matching form): a promise whose content is a conflict is a threat ("vowed to fight").
PROMISES = {"en": ("vow", "pledg", "promis", "swor", "swear", "commit"),
            "fr": ("promet", "a promis", "jure", "a jure", "s engage", "s est engage"),
            "ar": ("تعهد", "يتعهد", "تتعهد", "وعد", "توعد", "يتوعد")}
#: Types whose promise is a threat.
CONFLICT = ("THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "FIGHT")


def promised_threats(match: str, hits: dict[str, np.ndarray], events: np.ndarray, lang: str) -> np.ndarray:
    """The event types with a promise of conflict read as THREATEN: an AGREE cue of :data:`PROMISES` ("vowed",
    "a promis", "تعهد") followed in its sentence, within :data:`REACH` characters, by a cue of a type in
    :data:`CONFLICT` ("vowed to fight on", "a promis de frapper") threatens; a promise to cooperate stays AGREE.
    ``match``: the batch's matching form; ``hits``: the cue hits (``m_start``, ``m_end``, ``start``, ``end``,
    ``sentence``), sorted by start. A new array."""
    out = np.asarray(events, dtype=object).copy()
    starts, ends, sentences = hits["start"], hits["end"], hits["sentence"]
    forms = [match[a:z] for a, z in zip(hits["m_start"].tolist(), hits["m_end"].tolist(), strict=True)]
    stems = PROMISES.get(lang, ())
    nxt = np.arange(1, len(out) + 1)
    for i in np.flatnonzero(out[:-1] == "AGREE").tolist():
        j = int(nxt[i])
        if forms[i].startswith(stems) and sentences[j] == sentences[i] and starts[j] - ends[i] <= REACH \
                and events[j] in CONFLICT:
            out[i] = "THREATEN"
    return peacekeeping(match, hits, out, lang)


#: Words of peacekeeping (matching form): peacekeepers sent are aid, withdrawn a sanction (PLOVER's AID and
#: SANCTION codes reduce to what is given or taken away).
PEACEKEEPING = {"en": ("peacekeep", "peace-keep", "peace keep", "blue helmets"),
                "fr": ("maintien de la paix", "casques bleus", "soldats de la paix"),
                "ar": ("حفظ السلام", "القبعات الزرق")}
#: How a cue's type reads with peacekeepers near it: arriving or deployed is AID, withdrawn is SANCTION.
PEACEKEEPING_TYPES = {"CONSULT": "AID", "MOBILIZE": "AID", "RETREAT": "SANCTION"}
_PK_BEFORE, _PK_AFTER = 60, 40


def peacekeeping(match: str, hits: dict[str, np.ndarray], events: np.ndarray, lang: str) -> np.ndarray:
    """The event types with peacekeepers read as PLOVER codes them: a visit, arrival or deployment
    (CONSULT, MOBILIZE) of peacekeepers named within :data:`_PK_BEFORE` characters before the cue or
    :data:`_PK_AFTER` after it in its sentence is AID ("NATO peacekeeping troops have arrived in Bosnia"), their
    withdrawal (RETREAT) SANCTION ("UN peacekeepers were shipped out of Gorazde"). A new array."""
    out = np.asarray(events, dtype=object).copy()
    words = PEACEKEEPING.get(lang, ())
    if not words or not any(w in match for w in words):
        return out
    for i in np.flatnonzero(np.isin(out, list(PEACEKEEPING_TYPES))).tolist():
        a, z = int(hits["m_start"][i]), int(hits["m_end"][i])
        lo, hi = max(a - _PK_BEFORE, 0), z + _PK_AFTER
        left, right = match[lo:a], match[a:hi]  # the cue itself may name them ("withdrew its peacekeepers")
        left = left[left.rfind(". ") + 1:]  # within the sentence
        right = right[:right.find(". ")] if ". " in right else right
        if any(w in left or w in right for w in words):
            out[i] = PEACEKEEPING_TYPES[out[i]]
    return out
