"""Clauses as array look-ups: where a clause ends, for the search of a cue's source and target.

A clause ends at ``; :``, dashes, " - " and the clause words of the markers ("but", "while", "mais", "بينما");
for a material event a reporting verb ends its speaker's clause too (:func:`clause_marks`). The target of a cue is
not looked for past a word that opens a subordinate or relative clause or an adjunct (:data:`FORWARD`, found by
:func:`forward_marks` in one regular-expression pass): "Serbia eased emergency measures in Montenegro *as*
authorities in Croatia cracked down" does not make Croatia the target; for a reaction (:data:`REACTIVE`) only the
relative words of :data:`FIRM` end that search, as PLOVER takes the target of a threat or demand from its
condition or cause ("Israel threatened to ban voting *if Hamas* ran").
"""

from __future__ import annotations

import re

import numpy as np

from .chars import codes_of, pattern_starts
from .governed import NOUNS as GOV_NOUNS
from .scan import Batch
from .words import spaced_codes

__all__ = ["FORWARD", "FIRM", "REACTIVE", "PARTICIPLE_ENDINGS", "clause_marks", "forward_marks", "participle_subject",
           "relative_antecedent", "relative_ends", "relative_subject",
           "same_clause"]

_CLAUSE = (";", ":", "\u2014", "\u2013", " - ")  # found with str.find: far faster than a regex over the batch


def _find_all(text: str, sub: str) -> list[int]:
    out, i = [], text.find(sub)
    while i != -1:
        out.append(i)
        i = text.find(sub, i + 1)
    return out


#: Words that open a subordinate or relative clause, or an adjunct: the target of a cue is never found past one
#: ("Serbia eased emergency measures in Montenegro *as* authorities in Croatia cracked down": not Croatia).
#: The source is still looked for before them: in "Macedonia, which is preparing an offensive", Macedonia
#: prepares.
#: For a reaction (:data:`REACTIVE`: a threat, a demand, a sanction …) the condition or the cause names the target
#: when the main clause does not ("Israel threatened to ban voting *if Hamas* ran"; "troops on alert *after*
#: Palestinian unrest"; "the army withdrew *as* they faced a counter-offensive led by Al Nusra"): there only the
#: relative words and reporting participles of :data:`FIRM` end the search. "after", "before", "since" are left
#: out: mostly prepositions of time.
FORWARD = {
    "en": ("as", "which", "who", "whom", "whose", "where", "when", "whenever", "because", "although", "though",
           "unless", "if", "saying", "adding", "claiming"),
    "fr": ("qui", "dont", "lorsque", "quand", "lequel", "laquelle", "lesquels", "lesquelles", "puisque", "parce",
           "si", "apres que", "avant que", "affirmant", "ajoutant"),
    "ar": ("الذي", "التي", "الذين", "عندما", "حين", "حينما", "لان", "اذا", "بعد ان", "قبل ان"),
}
#: "as" that opens no clause: "as well as", "such as", "as part of", "as of", "so as", "as a(n) …", "known as".
FIRM = {"en": ("which", "who", "whom", "whose", "where", "saying", "adding", "claiming"),
        "fr": ("qui", "dont", "lequel", "laquelle", "lesquels", "lesquelles", "affirmant", "ajoutant"),
        "ar": ("الذي", "التي", "الذين")}
REACTIVE = ("DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "SUPPORT", "RETREAT")
_NOT_FORWARD = re.compile(r"(?:such|well|so|known|same|referred to|described|seen|regarded|designated) as |"
                          r"as (?:well|part|of|a|an|long as|soon as|far as)(?= )")
#: An English adjunct of time or manner with a gerund ("demanded a truce *before allowing* U.N. aid convoys",
#: "*after meeting* …", "*without consulting* …"): its actors are the gerund's, done by the main clause's subject,
#: so it ends the target's search like :data:`FIRM` (without a gerund, "after", "before" are prepositions of time).
_GERUND_ADJUNCT = {"en": re.compile(r" (?:before|after|without|instead of) [a-z]+ing(?= )")}
#: An English participle of consequence after a comma ("were shipped out of the Bosnian enclave of Gorazde,
#: *leaving* 100 UN troops …", "shelled Juba, *killing* 20"): the cue's own clause ends there, so a place in it
#: stands for the target before an actor of the participle's clause (PLOVER's tune record SANCTION-0012: Bosnia,
#: not the UN troops left; a reaction's too: a consequence is no condition). Where the cue's own clause names no
#: actor and no place the target is still looked for past it ("opened fire, killing three Palestinians"). Read on the
#: display text: a lowercase word of at least six letters ending in "-ing", not a preposition or a noun of
#: :data:`_NOT_PARTICIPLES`.
_CONSEQUENCE = {"en": re.compile(r", ([a-z]{3,}ing)\b")}
_NOT_PARTICIPLES = frozenset("""including during according regarding concerning following excluding notwithstanding
    pending morning evening something nothing anything everything building spring""".split())
_FORWARD_RE = {(lang, firm): re.compile(" (?:" + "|".join(re.escape(w) for w in words) + ")(?= )")
               for firm, table in ((False, FORWARD), (True, FIRM)) for lang, words in table.items()}


#: A relative clause set off by commas ("Ariel Sharon, *who has vowed not to return the Golan to Syria*,
#: rejected …"): the subject of the verb after it is its antecedent, not an actor inside it.
#: Arabic writes its own comma "،" and sets off "، الذي …،" the same way.
_RELATIVE = re.compile(r"[,،]\s*(?:who|which|whom|whose|qui|dont|lequel|laquelle|lesquels|lesquelles|"
                       r"الذي|التي|الذين)\b", re.IGNORECASE)
_COMMA = re.compile(r"[,،]")


def _comma(text: str, lo: int, hi: int | None = None) -> int:
    """The first comma (Latin or Arabic) of ``text[lo:hi]``, ``-1`` none."""
    m = _COMMA.search(text, lo, len(text) if hi is None else hi)
    return -1 if m is None else m.start()


def _relative_matches(text: str) -> list[re.Match]:
    """``list(_RELATIVE.finditer(text))``: every match begins with a comma (Latin or Arabic) and holds no other, so
    the commas are found by ``str.find`` and the pattern tried at each (``finditer`` tries every offset: 0.06 s on
    FA-KES x 10, which has no comma; 0.13-0.16 against 0.08-0.09 s on the Kremlin's 18 M characters)."""
    match = _RELATIVE.match
    found = (match(text, i) for i in sorted(_find_all(text, ",") + _find_all(text, "،")))
    return [m for m in found if m is not None]


#: The last two texts' ``(text, _relatives(text))``: a batch's matching form and display; each entry read and
#: replaced whole, so that threads never mix two batches'.
_RELATIVES: list = [(None, None), (None, None)]


def _relatives(text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(every match, opening commas, closing commas)`` of :data:`_RELATIVE` in ``text``: the start of every match
    and the relative clauses set off by commas (their opening and closing commas). The rules of a batch ask for
    them four times (the forward marks, the antecedents, the embedded cues, the backgrounds) of two texts, its
    matching form and its display: the answers for the last two texts are kept (with the texts, so that their
    identity stays valid) and given again."""
    hit = [kept for kept_text, kept in _RELATIVES if kept_text is text]
    if hit:
        return hit[0]
    every, starts, out = [], [], []
    for m in _relative_matches(text):
        every.append(m.start())
        c = _comma(text, m.end())
        stop = text.find(". ", m.end())
        if c != -1 and (stop == -1 or c < stop):
            starts.append(m.start())
            out.append(c)
    kept = tuple(np.asarray(x, dtype=np.int64) for x in (every, starts, out))
    _RELATIVES[:] = [_RELATIVES[-1], (text, kept)]
    return kept


def relative_ends(match: str, *, opens: bool = False) -> list[int] | tuple[np.ndarray, np.ndarray]:
    """Offsets of the commas that close a relative clause set off by commas (", who …,"); with ``opens``, the
    arrays of the clauses' opening commas and closing commas (:func:`_relatives`, kept per text)."""
    _, starts, out = _relatives(match)
    if opens:
        return starts.copy(), out.copy()
    return out.tolist()


def _is_as(spaced: str, pos: np.ndarray) -> np.ndarray:
    """``spaced.startswith("as ", i + 1)`` for each ``i`` of ``pos`` (offsets >= 0), read on the form's code points."""
    codes = spaced_codes(spaced)
    n = len(codes)
    at = np.minimum(pos[:, None] + np.arange(1, 4), n - 1)
    return (pos + 3 < n) & (codes[at] == np.array([ord("a"), ord("s"), 32])).all(axis=1) if n else \
        np.zeros(len(pos), dtype=bool)


def forward_marks(b: Batch, lang: str, *, firm: bool = False,
                  marks: dict[str, tuple[np.ndarray, np.ndarray]] | None = None, consequence: bool = True
                  ) -> np.ndarray:
    """Matching-form offsets of the words of :data:`FORWARD` (:data:`FIRM` with ``firm``) in the batch, of the
    commas closing a relative clause (:func:`relative_ends`: the target of a cue inside it is not after it), of
    the English gerund adjuncts (:data:`_GERUND_ADJUNCT`) and, with ``consequence``, of the English participles
    of consequence (:data:`_CONSEQUENCE`; not for a place: "shelled the town of Juba, killing 20 people in Sudan"
    keeps Sudan as the target where the cue's own clause names no place the registry knows).

    The words are those the cue scan found (``marks["forward"]``, ``marks["firm"]``: the classes of
    :data:`~diplolib.events.markers.CLAUSE_WORDS`), or found by one pass of a regular expression without ``marks``;
    kept on the batch. Only "as" is read against :data:`_NOT_FORWARD`: its every reading ("such as", "as well",
    …) has "as" as the word found or the word after the one before it."""
    if (lang, firm) not in _FORWARD_RE:
        return np.zeros(0, dtype=np.int64)
    cache = b.__dict__.setdefault("_forward_marks", {})
    if lang not in cache:
        spaced = b.spaced
        if marks is not None and "forward" in marks:
            pos, firm_pos = np.sort(marks["forward"][0]).tolist(), np.sort(marks["firm"][0]).tolist()
        else:
            found = [(m.start(), m.group()[1:]) for m in _FORWARD_RE[(lang, False)].finditer(spaced)]
            firm_words = frozenset(FIRM.get(lang, ()))
            pos, firm_pos = [i for i, _ in found], [i for i, w in found if w in firm_words]

        def clause(i: int) -> bool:  # spaced[i] is the space before the word; the word starts at match offset i
            return not (spaced.startswith("as ", i + 1) and (
                _NOT_FORWARD.match(spaced, i + 1) or _NOT_FORWARD.match(spaced, max(0, spaced.rfind(" ", 0, i) + 1))))

        def clauses(p: list[int]) -> np.ndarray:  # clause(i) read only where the word is "as" (its code points)
            p = np.asarray(p, dtype=np.int64)
            keep = ~_is_as(spaced, p)
            keep[~keep] = [clause(i) for i in p[~keep].tolist()]
            return p[keep]

        closes = relative_ends(b.match)
        if lang in _GERUND_ADJUNCT:
            closes = closes + [m.start() for m in _GERUND_ADJUNCT[lang].finditer(spaced)]
        then = [m.start(1) for m in _CONSEQUENCE[lang].finditer(b.display) if m.group(1) not in _NOT_PARTICIPLES] \
            if lang in _CONSEQUENCE else []
        then = b.match_offsets(np.asarray(then, dtype=np.int64)).tolist() if then else []
        kept, closes, then = clauses(pos), np.asarray(closes, dtype=np.int64), np.asarray(then, dtype=np.int64)
        firm_kept = clauses(firm_pos)
        cache[lang] = tuple(np.concatenate([p, closes, extra]) for p, extra in (
            (kept, then), (firm_kept, then), (kept, then[:0]), (firm_kept, then[:0])))
    return cache[lang][int(firm) + 2 * (not consequence)]


def clause_marks(b: Batch, marks: dict[str, tuple[np.ndarray, np.ndarray]], *, reported: bool,
                 forward: np.ndarray | None = None) -> np.ndarray:
    """Display offsets where a clause ends: ``; :`` and dashes, " - ", the clause words of the markers and, with
    ``reported``, the end of a reporting verb ("said", "selon", "قال"); with ``forward`` (matching-form offsets
    of :func:`forward_marks`), the words opening a subordinate clause too."""
    punct = b.__dict__.get("_clause_punct")  # the same for every call on a batch: found once
    if punct is None:
        punct = b.__dict__["_clause_punct"] = np.asarray([p for mark in _CLAUSE for p in _find_all(b.match, mark)],
                                                         dtype=np.int64)
    pos = np.concatenate([punct, marks["clause"][0],
                          *([marks["reported"][1] - 1] if reported else []),
                          *([forward] if forward is not None else [])])
    return np.sort(b.display_at(pos)) if len(pos) else pos


def same_clause(marks: np.ndarray, a: np.ndarray, z: np.ndarray) -> np.ndarray:
    return np.searchsorted(marks, a) == np.searchsorted(marks, z)


def relative_antecedent(display: str, starts: np.ndarray, sent_lo: np.ndarray, ps: np.ndarray, pe: np.ndarray,
                        before: np.ndarray, prev: tuple[np.ndarray, np.ndarray], material: np.ndarray
                        ) -> np.ndarray:
    """The source phrase of each cue with a relative clause between it and its subject skipped.

    ``starts``: the cues' display starts; ``sent_lo``: their sentences' starts; ``ps``/``pe``: the actor
    phrases' spans; ``before``: the phrase chosen so far (``-1`` none); ``prev``: for each phrase, the last one at
    or before it that may be the source of a verbal event, and of a material one (``attribution.skip``);
    ``material``: is each cue a material event. When ``before`` lies inside ", who … ," closed
    before the cue, the antecedent (the last such phrase ending before the comma) is taken. A new array.
    """
    rel = _relatives(display)[0].copy()  # every relative pronoun after a comma
    if len(rel) == 0 or len(before) == 0:
        return before
    i = np.searchsorted(rel, starts) - 1
    r = rel[np.maximum(i, 0)]
    cand = np.flatnonzero((i >= 0) & (before >= 0) & (r >= sent_lo) & (ps[np.maximum(before, 0)] > r))
    out = before.copy()
    for k in cand.tolist():
        a, s = int(r[k]), int(starts[k])
        if _comma(display, a + 1, s) == -1:  # the cue is inside the relative clause: its subject is the antecedent
            continue
        j = int(np.searchsorted(pe, a, side="right")) - 1
        j = int(prev[int(material[k])][j]) if j >= 0 else -1
        out[k] = j if j >= 0 and ps[j] >= sent_lo[k] else -1
    return out


#: A relative pronoun that is the subject of the verb right after it ("militants *who* have seized", "les rebelles
#: *qui* ont attaqué"): at most three auxiliaries, negations or adverbs between it and the cue, no comma (not
#: "facilities *which it* supports", where the subject is inside the clause).
_BETWEEN = (r"(?:has|have|had|is|are|was|were|been|be|being|will|would|could|can|may|might|should|did|does|do|not|"
            r"never|also|[a-z]+ly|a|ont|avait|avaient|est|sont|va|vont|aurait|auraient|ne|n'|n’|pas|jamais|aussi|"
            r"également|deja|déjà)")
_SUBJECT_RELATIVE = re.compile(rf"(?:who|which|qui)\s+(?:{_BETWEEN}\s+){{0,3}}$", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:who|which|qui)\b", re.IGNORECASE)
_PRONOUN_HEADS = (("w", "h"), ("q", "u"))  # the first two letters of every pronoun: pattern_starts' filter
#: Words that cannot stand between an actor phrase and the relative pronoun whose antecedent it is: a
#: preposition, an article or a verb means the antecedent is another noun ("the advance of IS militants who …").
_NOT_IN_ANTECEDENT = frozenset("""of in from for at on with against to into near over under by about the a an de du
    des d en au aux dans contre pour avec sur par le la les l un une is are was were has have had be been said
    a ont est sont et and or ou""".split())


#: Nouns of deeds (``governed.NOUNS`` of English and French and a few more): an antecedent that names a deed.
_EVENT_NOUNS = frozenset(GOV_NOUNS["en"] | GOV_NOUNS["fr"] | frozenset(
    "explosion explosions blast blasts bomb bombs airstrike airstrikes operation operations campaign".split()))

#: Words that end a noun phrase: a deed noun followed by one of them is not the antecedent ("the US strikes *are*
#: meant to limit the advance of militants who …").
_VERBISH = frozenset("is are was were has have had be been said says to ont est sont".split())


def relative_subject(display: str, starts: np.ndarray, sent_lo: np.ndarray, pe: np.ndarray, before: np.ndarray,
                     codes: np.ndarray | None = None) -> np.ndarray:
    """The source phrase of each cue that is the verb of a subject relative clause: its antecedent, or none.

    In "The US strikes are intended to limit the advance of IS militants *who have seized* territory" the seizer
    is the antecedent of "who" (the militants), not the nearest actor before it (the US of the main clause): a
    relative pronoun right before the cue (:data:`_SUBJECT_RELATIVE`) keeps ``before`` only when that phrase is
    the antecedent -- it ends right before the pronoun, maybe with a possessive, a comma or up to three words
    that qualify it ("Syrian rebels who", "Russia's forces, which"; none of :data:`_NOT_IN_ANTECEDENT`) -- and
    gives no source otherwise (the antecedent is a noun the registry does not tag). ``pe``: the phrases' ends;
    ``before``: the phrase chosen so far (``-1`` none). An antecedent that is a deed ("a suicide bombing on a
    bus on Sunday *which killed* …", a noun of :data:`_EVENT_NOUNS`) keeps ``before``. ``codes``: the code
    points of ``display`` (:func:`~diplolib.events.chars.codes_of`; computed when not given). A new array."""
    out = before.copy()
    if len(before) == 0:
        return out
    pron = pattern_starts(display, codes_of(display) if codes is None else codes, _PRONOUN, _PRONOUN_HEADS)
    if len(pron) == 0 or len(before) == 0:
        return out
    i = np.searchsorted(pron, starts) - 1  # the last pronoun before each cue: a candidate within 40 characters
    r = pron[np.maximum(i, 0)]
    for k in np.flatnonzero((i >= 0) & (before >= 0) & (r >= sent_lo) & (starts - r <= 40)).tolist():
        s = int(starts[k])
        m = _SUBJECT_RELATIVE.match(display, int(r[k]), s)
        if m is None or display.find(",", m.start(), s) != -1:
            continue
        end = int(pe[before[k]])
        if end > m.start():
            continue  # the chosen phrase is inside the relative clause (an object: "which Russia attacked")
        gap = display[end:m.start()]
        words = re.findall(r"[\w'’-]+", gap.replace("'s", " ").replace("’s", " "))
        low = [w.lower() for w in words]
        deed = [i for i, w in enumerate(low) if w in _EVENT_NOUNS]
        if deed and not _VERBISH.intersection(low[deed[-1] + 1:]):
            continue  # "a suicide bombing on a bus which killed …": the deed's doer is the nearest actor, kept
        if len(words) > 3 or any(w.lower() in _NOT_IN_ANTECEDENT for w in words) or ";" in gap or ":" in gap:
            out[k] = -1
    return out


#: Endings of a participle that opens an adjunct after a comma ("…, *urging* it to act", "…, *accusant* Moscou").
PARTICIPLE_ENDINGS = {"en": ("ing",), "fr": ("ant",), "ar": ()}


def participle_subject(display: str, starts: np.ndarray, ends: np.ndarray, sent_lo: np.ndarray, ps: np.ndarray,
                       before: np.ndarray, first_free: np.ndarray, lang: str, codes: np.ndarray | None = None
                       ) -> np.ndarray:
    """The source of each cue with a participle after a comma read as the subject of its sentence's main clause:
    in "The Coalition said the UN ignores the crisis, *urging* it to act" the Coalition urges, not the UN.

    ``first_free``: for each cue, the first actor phrase of its sentence that may be its source (``-1`` none);
    ``codes``: the code points of ``display`` (:func:`~diplolib.events.chars.codes_of`; computed when not
    given). Other cues keep ``before``. A new array."""
    endings = PARTICIPLE_ENDINGS.get(lang, ())
    out = before.copy()
    if not endings or len(starts) == 0:
        return out
    # only the cues with ", " right before them are read in Python (the two code points tested on arrays)
    codes = codes_of(display) if codes is None else codes
    st = np.asarray(starts, dtype=np.int64)
    comma = np.zeros(len(st), dtype=bool)
    inside = (st >= 2) & (st <= len(codes))
    comma[inside] = (codes[st[inside] - 2] == ord(",")) & (codes[st[inside] - 1] == ord(" "))
    for k in np.flatnonzero((first_free >= 0) & comma).tolist():
        s = int(starts[k])
        if display[max(s - 2, 0):s] != ", " or s - 2 < sent_lo[k]:
            continue
        word = display[s:int(ends[k])].split(" ", 1)[0].lower()
        if word.endswith(endings) and ps[first_free[k]] < s:
            out[k] = first_free[k]
    return out
