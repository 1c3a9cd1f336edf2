"""Where an Arabic verb's subject stands: is the first actor after a verb-first cue its subject?

An Arabic clause often starts with its verb ("أدانت فرنسا روسيا": France condemned Russia), and
:func:`~diplolib.events.sides.clause_sides` then reads the first actor after the cue as the source. That actor is
the subject only where it opens the noun phrase right after the verb, maybe as the last term of a construct
(idafa) chain whose heads carry no article ("أدان *وزير خارجية* فرنسا", "أدانت *الحكومة* السورية"). It is not
when (hand reading of seeds 2031 and 2032, UN Arabic documents: 13 of their 31 wrong events were of this kind):

- a preposition, or a word with a prepositional proclitic (ب، ل، ك: "بما", "بمستشار", "للأمم"), comes between:
  "رحب مجلس الإدارة *بما* أبدته الكويت", "شن هجوم استباقي *على* جمهورية كوريا", "فالتقى *بمستشار* أمير الكويت";
  the actor is an object, never the subject;
- a definite noun is followed by an indefinite word: a new noun phrase begins, the definite one was the subject
  (not tagged) and the actor comes after it: "أدان أعضاء *المجلس* عملية القتل … مصريا", "ووقّع *الإقليم* أيضا اتفاقات";
- a definite noun that is no title stands right before an actor whose first word has no article (adverbs may
  stand between): a definite word heads no construct, so the two are two noun phrases, the definite one the
  subject ("وفي هذا الصدد، يحث *المجلس* بوروندي على …": the Council urges Burundi; hand reading, seed 2037); a title
  before a name is its apposition ("الرئيس بوتين", "رئيس الوزراء نتنياهو", "الملك عبد الله") and an actor with the
  article continues the phrase ("الحكومة السورية");
- more than :data:`MAX_GAP` words come between;
- the cue itself ends with a preposition ("التعاون مع", "محادثات مع"): what follows is its object.

"من" right after a noun of support or aid names its giver ("بدعم من فرنسا", :data:`AGENT_NOUNS`), also where an actor
comes before it: in "يتبعها حزب الله للقيام بعملياته، بدعم من إيران" Iran supports Hezbollah, not the reverse
(:func:`agent_givers`). A preposition
after a title belongs to the subject ("اتهم تيري ديران *مدير العمليات في* منظمة أطباء بلا حدود …":
the organisation stands for its officer).

Then the cue has no source from its clause and that actor is its target (PLOVER's reading of an unnamed
subject). Adverbs ("أيضا", "اليوم", "بشدة") are passed over. Read for all hits at once: the gap's words are looked
up by :func:`~diplolib.events.words.word_bits`, their first letters on the code points, column by column over
at most :data:`MAX_GAP` words.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

from ..normalize.matching import matching_form
from .words import prev_space, space_positions, spaced_codes, word_bits, word_spans, word_table

__all__ = ["MAX_GAP", "agent_givers", "inverted", "subject_after", "verb_first"]

#: Words that may stand between a verb and its subject (construct heads, a definite noun, adverbs).
MAX_GAP = 6
_PREP, _ADVERB, _TITLE = 1, 2, 4
#: Prepositions and particles that end the subject's place (matching form: hamza folded, ة as ه).
PREPOSITIONS = frozenset("""في من على علي الى عن مع ضد بعد قبل خلال حول لدى لدي عند منذ بين تجاه ازاء عبر نحو
    بما مما ما ان انه انها لان كي حتى بان الذي التي الذين عليه عليها اليه اليها منه منها فيه فيها""".split())
#: Adverbs passed over between a verb and its subject ("أدانت بشدة فرنسا", "وقّعت اليوم روسيا").
ADVERBS = frozenset("""ايضا كذلك اليوم امس مجددا مجدداً بشده رسميا قد فقد وقد السبت الاحد الاثنين الثلاثاء
    الاربعاء الخميس الجمعه صباح مساء""".split())
#: Titles: a preposition after one belongs to the subject ("اتهم فلان *مدير* العمليات *في* منظمة أطباء بلا حدود").
TITLES = frozenset("""مدير المدير رئيس الرئيس وزير الوزير المتحدث متحدث الناطق ناطق ممثل الممثل سفير السفير مسؤول
    المسؤول عضو قائد القائد الامين امين مندوب المندوب نائب مستشار المستشار المبعوث مبعوث منسق المنسق المدعي
    مدعي الملك الامير الشيخ السلطان الملكه الاميره البابا""".split())
#: Nouns of support or aid whose giver follows "من" ("بدعم من فرنسا": with France's support; "مساعدات من اليابان").
AGENT_NOUNS = frozenset("دعم بدعم ودعم وبدعم مساعده بمساعده مساعدات تاييد بتاييد".split())
_MIN = 8
#: Cues ending with one of these take their object after them, never a subject.
_CUE_PREPOSITIONS = frozenset("مع على علي ضد الى عن من في".split())
_BA, _LAM, _KAF, _WAW, _FA, _ALIF = (ord(c) for c in "بلكوفا")
_MIM, _TA, _NUN = (ord(c) for c in "متن")


@lru_cache(maxsize=1)
def _table() -> tuple:
    # the words are looked up in the matching form, so folded here too ("رئيس": ئ -> ي; "الى", "حتى", "لدى": ى -> ي;
    # unfolded, "إلى" read as a word with the article)
    return word_table(tuple([(matching_form(w), _PREP) for w in sorted(PREPOSITIONS)]
                            + [(matching_form(w), _ADVERB) for w in sorted(ADVERBS)]
                            + [(matching_form(w), _TITLE) for w in sorted(TITLES)] + [("من", _MIN)]))


def _at(codes: np.ndarray, pos: np.ndarray) -> np.ndarray:
    return codes.take(np.clip(pos, 0, len(codes) - 1))


def _word_classes(codes: np.ndarray, ws: np.ndarray, we: np.ndarray) -> tuple[np.ndarray, ...]:
    """``(governing, adverb, definite, title)`` of each word ``spaced[ws:we]``: a preposition or a word with a
    prepositional proclitic (بال، لل، كال, ب/ل before م ت ا ن, after an optional و or ف), an adverb, a word with
    the article (ال، وال، فال), a title (:data:`TITLES`)."""
    bits = word_bits(codes, ws, we, _table())
    length = we - ws
    c = [_at(codes, ws + i) for i in range(4)]
    conj = np.isin(c[0], [_WAW, _FA]) & (length > 3)  # "و" or "ف" before the word
    c0, c1, c2 = np.where(conj, c[1], c[0]), np.where(conj, c[2], c[1]), np.where(conj, c[3], c[2])
    article = (c0 == _ALIF) & (c1 == _LAM)
    proclitic = (np.isin(c0, [_BA, _KAF]) & (c1 == _ALIF) & (c2 == _LAM)) | ((c0 == _LAM) & (c1 == _LAM))
    proclitic |= np.isin(c0, [_BA, _LAM]) & np.isin(c1, [_MIM, _TA, _ALIF, _NUN]) & (length > 3)
    governing = ((bits & _PREP) > 0) | proclitic
    adverb = ((bits & _ADVERB) > 0) & ~governing
    return governing, adverb, article & ~governing & ~adverb, (bits & _TITLE) > 0, (bits & _MIN) > 0


def inverted(b, hits: dict[str, np.ndarray], lang: str) -> np.ndarray:
    """French subject inversion: is each cue a verb after "comme", "que", "qu'", "où", "ainsi" -- maybe with the
    object pronoun "l'" between ("comme *l'a demandé* la France", "la résolution *que condamne* la Russie",
    "*ainsi a condamné* la France …")? Its subject then follows it (:func:`subject_after`)."""
    n = len(hits["start"])
    if lang != "fr" or n == 0:
        return np.zeros(n, dtype=bool)
    spaced = b.spaced
    codes, spaces = spaced_codes(spaced), space_positions(spaced)
    s = hits["m_start"].astype(np.int64) + 1  # spaced[i + 1] == match[i]; spaced[s - 1] is the space before
    j = prev_space(spaces, s - 1)
    first = word_bits(codes, j + 1, s - 1, word_table(tuple((w, 1) for w in sorted(_INVERTING | _PRONOUNS))))
    out = first == 1
    pron = np.flatnonzero(first == 2)  # "comme l'a demandé": the word before the pronoun
    if len(pron):
        jj = j[pron]
        i = prev_space(spaces, jj)
        out[pron] = word_bits(codes, i + 1, np.maximum(jj, i + 1), word_table(tuple(
            (w, 1) for w in sorted(_INVERTING)))) == 1
    return out


#: Words after which a French verb comes before its subject, and the object pronouns between ("comme l'a dit").
_INVERTING = frozenset("comme que qu ou où ainsi".split())
_PRONOUNS = frozenset({"l"})
#: French determiners that may stand between an inverted verb and its subject ("a condamné *la* France").
_FR_GAP = frozenset("la le les l".split())
#: Titles that may follow that determiner before a name the registry knows alone ("comme l'a demandé *le Président*
#: Poroshenko"; hand reading, seed 2041), in matching form.
_FR_TITLES = frozenset("president presidente ministre roi reine chancelier chanceliere secretaire emir prince "
                       "general senateur".split())


def subject_after(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, after: np.ndarray,
                  lang: str = "ar") -> np.ndarray:
    """Does the phrase ``after[k]`` (``-1``: none) stand in the subject's place of cue ``k``? See the module's
    rules (Arabic); in French (an inverted verb, :func:`inverted`) only a determiner may stand between. ``b`` is
    the batch of the hits (:func:`~diplolib.events.scan.batch`)."""
    n = len(after)
    out = np.zeros(n, dtype=bool)
    cand = np.flatnonzero(after >= 0)
    if not len(cand) or phrases.empty:
        return out
    if lang == "fr":
        return _french_subject(b, hits, phrases, after, cand)
    spaced = b.spaced
    codes, spaces = spaced_codes(spaced), space_positions(spaced)
    ws, we = word_spans(spaced)
    cue_end = hits["m_end"][cand].astype(np.int64) + 1  # spaced[i + 1] == match[i]
    # the cue's last word: a preposition there ("التعاون مع") makes what follows its object
    last_lo = prev_space(spaces, cue_end) + 1
    last = word_bits(codes, last_lo, cue_end, word_table(tuple([(w, 1) for w in sorted(_CUE_PREPOSITIONS)]
                                                             + [(w, 2) for w in sorted(AGENT_NOUNS)])))
    ends_prep, agent_noun = last == 1, last == 2
    p_start = b.match_offsets(phrases["gstart"].to_numpy()[after[cand]]) + 1
    i0 = np.searchsorted(ws, cue_end, side="left")  # the first word after the cue
    i1 = np.searchsorted(ws, p_start, side="left")  # words starting before the phrase
    partial = (i1 > i0) & (we[np.clip(i1 - 1, 0, len(we) - 1)] > p_start)  # the phrase starts inside a word
    n_gap = i1 - i0 - partial
    ok = ~ends_prep & (n_gap <= MAX_GAP) & (n_gap >= 0)
    # the phrase's own word begun by a proclitic ("للأمم المتحدة", "بفرنسا"): governed
    lead = ws[np.clip(i1 - 1, 0, len(ws) - 1)]
    head = np.where(partial, _at(codes, lead), 0)
    head = np.where(partial & np.isin(head, [_WAW, _FA]) & (p_start - lead > 1), _at(codes, lead + 1), head)
    ok &= ~(partial & np.isin(head, [_BA, _LAM, _KAF]))
    seen_definite = np.zeros(len(cand), dtype=bool)
    seen_title = np.zeros(len(cand), dtype=bool)
    last_definite = np.zeros(len(cand), dtype=bool)  # the gap's last word (adverbs passed over): definite, no title
    for k in range(MAX_GAP):  # column by column over the gap's words (at most MAX_GAP)
        live = ok & (k < n_gap)
        if not live.any():
            break
        idx = np.clip(i0 + k, 0, len(ws) - 1)
        governing, adverb, definite, title, min_ = _word_classes(codes, ws[idx], we[idx])
        licensed = governing & seen_title  # "مدير العمليات في منظمة …": the title's complement, a new phrase
        licensed |= min_ & agent_noun & (k == 0)  # "بدعم من فرنسا": the giver
        ok &= ~(live & ((governing & ~licensed) | (seen_definite & ~definite & ~adverb & ~licensed)))
        seen_definite = np.where(live & licensed, False, seen_definite | (live & definite))
        seen_title |= live & title & ~governing
        last_definite = np.where(live & ~adverb, definite & ~title, last_definite)
    p0, p1 = _at(codes, p_start), _at(codes, p_start + 1)
    ok &= ~(last_definite & ~seen_title & ~partial & ~((p0 == _ALIF) & (p1 == _LAM)))  # "يحث المجلس بوروندي"
    out[cand] = ok
    return out


def _french_subject(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, after: np.ndarray,
                    cand: np.ndarray) -> np.ndarray:
    """The French subject's place after an inverted verb: the next phrase, with at most one determiner between (or a
    determiner and a title: "le Président")."""
    out = np.zeros(len(after), dtype=bool)
    spaced = b.spaced
    codes = spaced_codes(spaced)
    ws, we = word_spans(spaced)
    cue_end = hits["m_end"][cand].astype(np.int64) + 1
    p_start = b.match_offsets(phrases["gstart"].to_numpy()[after[cand]]) + 1
    i0 = np.searchsorted(ws, cue_end, side="left")
    i1 = np.searchsorted(ws, p_start, side="left")
    n_gap = i1 - i0
    idx = np.clip(i0, 0, len(ws) - 1)
    det = word_bits(codes, ws[idx], we[idx], word_table(tuple((w, 1) for w in sorted(_FR_GAP)))) == 1
    nxt = np.clip(i0 + 1, 0, len(ws) - 1)
    title = word_bits(codes, ws[nxt], we[nxt], word_table(tuple((w, 1) for w in sorted(_FR_TITLES)))) == 1
    out[cand] = (n_gap == 0) | ((n_gap == 1) & det) | ((n_gap == 2) & det & title)
    return out


def verb_first(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, before: np.ndarray, after: np.ndarray,
               lang: str, has_speaker: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(verb_first, subject)`` of each hit for :func:`~diplolib.events.sides.clause_sides`: an Arabic cue or an
    inverted French verb (:func:`inverted`) with no speaker given, and whether the first actor after it stands in
    its subject's place (:func:`subject_after`, read where no actor comes before the cue, and after an inverted
    French verb wherever)."""
    inv = inverted(b, hits, lang)
    first = (np.full(len(before), lang == "ar") | inv) & ~has_speaker
    # an inverted French verb's subject follows it even when an actor of the clause before stands before it
    # ("en Ukraine, comme l'a demandé le Président Poroshenko")
    return first, subject_after(b, hits, phrases, np.where(first & ((before < 0) | inv), after, -1), lang)


#: Per language: nouns of support or aid, what must stand right before the cue (``None``: anything), and the
#: gaps between the cue and its giver ("بدعم من إيران"; "with the support of Russian air strikes").
_GIVEN = {"ar": (AGENT_NOUNS, None, frozenset({" من "})),
          "en": (frozenset("support backing help assistance".split()), re.compile(r"\bwith (?:the )?$"),
                 frozenset({" of ", " of the "}))}
#: English, read on the cue and the gap to the actor together (the cue may end with "of": "help of"): the giver
#: may also be the agent of the help named ("with the help of *air strikes by* the U.S.-led coalition": the
#: coalition helps; hand reading, English seed 2035, read the other way round).
_GIVEN_EN = re.compile(r"\b(?:support|backing|help|assistance) of (?:the )?(?:(?:[^\W\d_]+ ){1,2}by (?:the )?)?$")


#: The last three characters of every :data:`_GIVEN_EN` match.
_GIVEN_TAILS = np.array([[ord(c) for c in t] for t in ("of ", "by ", "he ")])


def _ends_as_given(spaced: str, p: np.ndarray) -> np.ndarray:
    """Does ``match[:p]`` end with one of :data:`_GIVEN_TAILS` (or ``match[:p - 1]``, before a newline, where
    ``$`` matches too), read on the spaced form's code points (``spaced[i + 1]`` is ``match[i]`` for a word
    character or a space, a space for a newline): a test every match of :data:`_GIVEN_EN` with ``endpos`` ``p``
    passes."""
    codes = spaced_codes(spaced)
    n = len(codes)
    w = codes[np.clip(p[:, None] + np.arange(-3, 1), 0, n - 1)].astype(np.int64)  # match[p - 4:p]
    ends = (w[:, None, 1:] == _GIVEN_TAILS[None]).all(axis=2).any(axis=1) & (p >= 3)
    before_newline = (w[:, None, :3] == _GIVEN_TAILS[None]).all(axis=2).any(axis=1) & (p >= 4) & (w[:, 3] == 32)
    return ends | before_newline


def agent_givers(b, hits: dict[str, np.ndarray], before: np.ndarray, after: np.ndarray, src: np.ndarray,
                 tgt: np.ndarray, phrases: pd.DataFrame, lang: str) -> tuple[np.ndarray, np.ndarray]:
    """"X …، بدعم من Y", "X … with the support of Y": a noun of support or aid (:data:`AGENT_NOUNS`; English
    "with (the) support/backing/help/assistance of") followed by "من" ("of") and an actor has that actor as its
    giver (source) and the actor before it, read as the source by the clause's order, as the one
    supported (target; none when no actor comes before). New arrays."""
    if lang not in _GIVEN or phrases.empty or len(src) == 0:
        return src, tgt
    cand = np.flatnonzero((after >= 0) & (tgt == after) & ((before < 0) | (src == before)))
    if not len(cand):
        return src, tgt
    match, ms, me = b.match, hits["m_start"], hits["m_end"]
    p_lo = b.match_offsets(phrases["gstart"].to_numpy()[after[cand]])
    if lang == "en":  # a match ends with "of ", "by " or "the " at the actor: those three code points read first
        tail = _ends_as_given(b.spaced, p_lo)
        cand, p_lo = cand[tail], p_lo[tail]
    nouns, before_cue, gaps = _GIVEN[lang]
    hot = np.fromiter((((match[a:z].rsplit(" ", 1)[-1] in nouns and match[z:p] in gaps) if lang != "en"
                        else (m := _GIVEN_EN.search(match, a, p)) is not None and m.start() < z)
                       and (before_cue is None or before_cue.search(match, max(a - 12, 0), a) is not None)
                       for a, z, p in zip(ms[cand].tolist(), me[cand].tolist(), p_lo.tolist(), strict=True)),
                      dtype=bool, count=len(cand))
    cand = cand[hot]
    src, tgt = src.copy(), tgt.copy()
    src[cand], tgt[cand] = after[cand], before[cand]
    return src, tgt
