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

from .chars import codes_of
from .clauses import relative_ends
from .reduced import patron_governors
from .words import spaced_codes, word_bits, word_spans, word_table

__all__ = ["main_left", "DEEDS", "GOVERNING", "REACH", "ADJUNCT", "SUBORDINATE", "PURPOSE", "DETERMINERS", "PROMISES", "CONFLICT", "embedded",
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
#: Words after which a later cue is no longer inside the noun phrase of the adjunct or object before it: a
#: coordination, or an English copula or modal, which opens the predicate of the clause ("lifting sanctions on
#: Burma *is* out of the question", "Israel's strikes on Syria *must* stop": the predicate is the main event, not
#: the background of "sanctions"; "may" is left out, a month too).
_COORDINATION = frozenset({"and", "then", "et", "puis", "و", "ثم", "is", "are", "was", "were", "must", "should",
                           "would", "will", "can", "could", "might", "shall", "cannot"})
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
    gov = np.isin(events, GOVERNING)
    if display is not None and gov.any():  # "the army backed by Russia seized …": no content (events/reduced.py)
        gi = np.flatnonzero(gov)
        gov[gi[patron_governors(starts[gi], ends[gi], display)]] = False
    last = np.maximum.accumulate(np.where(gov, idx, -1))
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

    All cues at once: the words between the previous cue and each cue (the window the rules read) are a range of
    the batch's words (:func:`_window_flags`: their classes from one look-up of every window word, the tests as
    sums over the ranges); only a window that starts or ends inside a word (240 characters before a cue, an Arabic
    prefix) is split into words in Python, as is the first word of a sentence and the comma before a participle,
    for the few cues that can still be flagged by them. ``tests/test_events_reference4.py`` compares it with the
    per-cue loop it replaced.
    """
    n = len(m_start)
    out = np.zeros(n, dtype=bool)
    if n < 2:
        return out
    m_start, m_end = np.asarray(m_start, dtype=np.int64), np.asarray(m_end, dtype=np.int64)
    sent_m = np.asarray(sent_m, dtype=np.int64)
    same_prev = np.concatenate([[False], sentences[1:] == sentences[:-1]])
    same_next = np.concatenate([sentences[1:] == sentences[:-1], [False]])
    r_open, r_close = relative_ends(match, opens=True)
    last_close = np.searchsorted(r_close, m_start) - 1  # the last relative clause closed before each cue
    has = len(r_close) > 0
    # the words read before a cue: from the previous cue (at most _WINDOW characters), or from the comma that
    # closes a relative clause opened in the sentence ("Israel, which has vowed to stay, *rejected* …")
    ip = np.flatnonzero(same_prev)
    a = m_start[ip]
    lo = np.maximum(m_end[ip - 1], a - _WINDOW)
    k = last_close[ip]
    kk = np.maximum(k, 0)
    closed = (k >= 0) & has & (r_close[kk] >= lo if has else False) & (r_open[kk] >= sent_m[ip] if has else False)
    w0 = np.where(closed, (r_close[kk] if has else 0) + 1, lo)
    first, and_last = _window_flags(spaced, w0 + 1, a + 1, lang)
    flag = np.zeros(n, dtype=bool)
    flag[ip] = first
    if lang == "en":  # a participle of consequence: "shelled Juba, killing 20 people and arresting 12"
        ing = np.zeros(n, dtype=bool)
        after_and = np.zeros(n, dtype=bool)
        cand = ip[~first]
        cand = cand[[match.endswith("ing", x, z) for x, z in zip(m_start[cand].tolist(), m_end[cand].tolist(),
                                                                strict=True)]]
        ing[cand] = [match[max(s, e):x].rstrip().endswith(",") for s, e, x in zip(
            sent_m[cand].tolist(), m_end[cand - 1].tolist(), m_start[cand].tolist(), strict=True)]
        after_and[ip] = and_last
        flag |= ing
        chain = cand[~ing[cand] & after_and[cand]]  # "… and arresting": flagged when the cue before is (below)
    else:
        chain = np.zeros(0, dtype=np.int64)
    loop = same_prev | same_next
    il = np.flatnonzero(loop)
    il = il[spaced_codes(spaced).take(m_start[il]) == 32]  # a hyphen before the cue is a space of ``spaced``
    hyphen = np.array([match[x - 1:x] in _HYPHENS for x in m_start[il].tolist()], dtype=bool)
    flag[il[hyphen]] = True
    # inside a relative clause closed before the next cue ("Israel, which has *vowed* to stay, rejected …")
    inn = np.flatnonzero(same_next & ~flag)
    if has and len(inn):
        k = last_close[inn + 1]
        kk = np.maximum(k, 0)
        flag[inn] = (k >= 0) & (r_close[kk] >= m_end[inn]) & (r_open[kk] >= sent_m[inn])
    # a fronted adjunct: "In a letter handed over to the UN, Iraq said …"
    inn = np.flatnonzero(same_next & ~flag)
    if len(inn):
        commas = _commas(match)  # a comma after the cue, before the next one, and none before it in the sentence
        inn = inn[(np.searchsorted(commas, m_end[inn]) < np.searchsorted(commas, m_start[inn + 1]))
                  & (np.searchsorted(commas, sent_m[inn]) == np.searchsorted(commas, m_start[inn]))]
        adj = ADJUNCT.get(lang, frozenset()) | SUBORDINATE.get(lang, frozenset())
        flag[inn] = [bool(head) and head[0] in adj for head in (
            spaced[s + 1:min(s + 24, x + 1)].split()[:1] for s, x in zip(sent_m[inn].tolist(), m_start[inn].tolist(),
                                                                         strict=True))]
    for i in chain.tolist():  # in text order, each after the flag of the cue before it is final
        flag[i] |= flag[i - 1]
    out[:] = flag & loop
    return out


_COMMAS: list = [(None, None)]  # the last matching form's comma offsets, one tuple (read and replaced whole)


def _commas(match: str) -> np.ndarray:
    """Sorted offsets of the commas of ``match`` (kept for the last form asked for)."""
    kept_form, kept = _COMMAS[0]
    if kept_form is not match:
        kept = np.flatnonzero(codes_of(match) == ord(","))
        _COMMAS[0] = (match, kept)
    return kept


_PAIRS = sorted(_NOT_SUBORDINATE)
_SUB, _ADJ, _PURP, _DET, _COORD, _AND = 1, 2, 4, 8, 16, 32


def _vocabulary(lang: str) -> tuple:
    """The :func:`~diplolib.events.words.word_table` of the words :func:`_subordinated`, :func:`_object` and the
    purpose test read, with their class bits (bit ``64 << 2p`` / ``64 << 2p + 1``: first / second word of pair
    ``p`` of :data:`_NOT_SUBORDINATE`)."""
    entries = [(w, cls) for cls, words in ((_SUB, SUBORDINATE.get(lang, ())), (_ADJ, ADJUNCT.get(lang, ())),
                                           (_PURP, PURPOSE.get(lang, ())), (_DET, DETERMINERS.get(lang, ())),
                                           (_COORD, _COORDINATION), (_AND, ("and",))) for w in sorted(words)]
    for p, (x, y) in enumerate(_PAIRS):
        entries += [(x, 64 << 2 * p), (y, 64 << 2 * p + 1)]
    return word_table(tuple(entries))


def _window_flags(spaced: str, p: np.ndarray, q: np.ndarray, lang: str) -> tuple[np.ndarray, np.ndarray]:
    """For each window ``spaced[p:q]`` (``q`` >= ``p``): ``_subordinated(words) or words[-1] in PURPOSE or
    _object(words)`` and ``words[-1:] == ["and"]``, with ``words = spaced[p:q].split()``.

    A window whose ends fall between word boundaries is a range of the batch's words (between spaces of
    ``spaced``); those are classed at once and the tests are sums and running maxima over the ranges. A window
    cut inside a word (its words are not the batch's) is read in Python."""
    m = len(p)
    first, and_last = np.zeros(m, dtype=bool), np.zeros(m, dtype=bool)
    if not m:
        return first, and_last
    codes = spaced_codes(spaced)
    size = len(codes)
    ws, we = word_spans(spaced)  # runs of characters that are not spaces, between two spaces
    inside = codes.take(np.clip(p, 0, size - 1)) != 32
    cut = (p > 0) & (p < size) & inside & (codes.take(np.clip(p - 1, 0, size - 1)) != 32)
    cut |= (q > 0) & (q < size) & (codes.take(np.clip(q, 0, size - 1)) != 32) & \
        (codes.take(np.clip(q - 1, 0, size - 1)) != 32) & (q > p)
    f = np.searchsorted(ws, p, side="left")
    g = np.maximum(np.searchsorted(ws, q, side="left"), f)
    length = np.where(cut, 0, g - f)
    total = int(length.sum())
    seg_start = np.cumsum(length) - length
    seg = np.repeat(np.arange(m), length)
    j = np.repeat(f - seg_start, length) + np.arange(total)  # the batch's word of each window position
    cls = word_bits(codes, ws[j], we[j], _vocabulary(lang))
    # a subordinating word, unless a pair of _NOT_SUBORDINATE holds it with its neighbour in the window
    has_next = np.zeros(total, dtype=bool)
    has_next[:-1] = seg[1:] == seg[:-1]
    nxt = np.zeros(total, dtype=np.int64)
    nxt[:-1] = cls[1:]
    prv = np.zeros(total, dtype=np.int64)
    prv[1:] = cls[:-1]
    has_prev = np.zeros(total, dtype=bool)
    has_prev[1:] = has_next[:-1]
    excluded = np.zeros(total, dtype=bool)
    for b in range(len(_PAIRS)):
        one, two = 64 << 2 * b, 64 << 2 * b + 1
        excluded |= ((cls & one) > 0) & has_next & ((nxt & two) > 0)
        excluded |= ((cls & two) > 0) & has_prev & ((prv & one) > 0)
    sub = ((cls & _SUB) > 0) & ~excluded
    any_sub = np.bincount(seg, weights=sub, minlength=m) > 0
    n_coord = np.bincount(seg, weights=(cls & _COORD) > 0, minlength=m)
    n_det = np.bincount(seg, weights=(cls & _DET) > 0, minlength=m)
    idx = np.arange(total)
    last_adj = np.maximum.accumulate(np.where((cls & _ADJ) > 0, idx, -1)) if total else idx
    last_coord = np.maximum.accumulate(np.where((cls & _COORD) > 0, idx, -1)) if total else idx
    some = length > 0
    end = np.where(some, seg_start + length - 1, 0)
    tail = seg_start + np.maximum(length - (_NP_WORDS + 1), 0)  # the last _NP_WORDS + 1 words
    last_cls = np.where(some, cls[end] if total else 0, 0)
    adjunct = some & (last_adj[end] >= tail if total else False) & (last_coord[end] <= last_adj[end] if total
                                                                      else False)
    obj = some & (length <= _NP_WORDS) & (n_coord == 0) & (n_det > 0)
    first = any_sub | adjunct | ((last_cls & _PURP) > 0) | obj
    and_last = (last_cls & _AND) > 0
    purpose = PURPOSE.get(lang, frozenset())
    for i in np.flatnonzero(cut).tolist():  # windows cut inside a word: their words are read as strings
        words = spaced[p[i]:q[i]].split()
        first[i] = _subordinated(words, lang) or bool(words and words[-1] in purpose) or _object(words, lang)
        and_last[i] = words[-1:] == ["and"]
    return first, and_last


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
    # only the windows of these cues are read (a word absent from them changes nothing): no search of the whole
    # batch's form for each word first, which cost more than the windows (four passes over 7.7 M characters)
    for i in (np.flatnonzero(np.isin(out, list(PEACEKEEPING_TYPES))).tolist() if words else ()):
        a, z = int(hits["m_start"][i]), int(hits["m_end"][i])
        lo, hi = max(a - _PK_BEFORE, 0), z + _PK_AFTER
        left, right = match[lo:a], match[a:hi]  # the cue itself may name them ("withdrew its peacekeepers")
        left = left[left.rfind(". ") + 1:]  # within the sentence
        right = right[:right.find(". ")] if ". " in right else right
        if any(w in left or w in right for w in words):
            out[i] = PEACEKEEPING_TYPES[out[i]]
    return out


#: Types of deeds that happened whatever governs them (the bombing did happen; a refusal may not have): the only
#: ones :func:`main_left` makes main.
DEEDS = ("ASSAULT", "FIGHT", "COERCE", "PROTEST")


def main_left(doc: np.ndarray, sentence: np.ndarray, start: np.ndarray, embedded_: np.ndarray,
              event: np.ndarray, liftable: np.ndarray | None = None) -> np.ndarray:
    """The ``embedded`` flags of the event rows (``doc``, ``sentence``, cue ``start``, ``event``) with the first
    cue of each sentence whose rows are all embedded made the main one when it is a deed (:data:`DEEDS`): the
    sentence's main cue gave no row (no actor in its clause: "a prominent anti-Syria journalist has been *killed*
    in a car bomb explosion in … Beirut" leaves the car bomb, background, as the only event the sentence names),
    and PLOVER codes one event per sentence. A verbal or intended event left alone stays embedded ("the aid convoy
    was struck while *traveling* to Orem": no visit), and so does, with ``liftable`` (may each row be made main),
    the content of a demand whose author is not named ("Exhorte les États Membres à *combattre* …"). A new
    array."""
    emb = np.asarray(embedded_, dtype=bool)
    if not len(emb) or not emb.any():
        return emb.copy()
    key = np.asarray(doc, dtype=np.int64) * (int(np.max(sentence)) + 2) + np.asarray(sentence, dtype=np.int64)
    order = np.lexsort((np.asarray(start), key))
    k, e = key[order], emb[order]
    first = np.concatenate([[True], k[1:] != k[:-1]])
    group = np.cumsum(first) - 1
    all_emb = np.bincount(group, weights=~e, minlength=group[-1] + 1) == 0
    first_start = np.asarray(start)[order][first][group]
    out = emb.copy()
    deed = np.isin(np.asarray(event)[order], DEEDS)
    if liftable is not None:
        deed &= np.asarray(liftable, dtype=bool)[order]
    out[order[all_emb[group] & (np.asarray(start)[order] == first_start) & deed]] = False
    return out
