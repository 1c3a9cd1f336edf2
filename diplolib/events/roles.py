"""Who is the source and who the target of a cue: actor phrases, clauses and flags, as array operations.

Rules (the documented choices of :func:`~diplolib.events.extract_events`):

- **Actor phrases.** Mentions separated only by spaces form one actor phrase when they name the same actor,
  one is unresolved, the first is a demonym or role phrase ("US President" + "Donald Trump"), or one is a
  state and the other one of its people ("President of France Emmanuel Macron"), and so do a
  possessive and what it qualifies ("Russia's President Vladimir Putin"); the phrase
  stands for its last resolved mention. Places ("in Geneva", "the
  Britain-based") are not actors. Phrases joined by "and", "et", "و" or a comma form a compound group
  ("Jordan and Britain"), and so do phrases whose titles stand between them ("Syria's embattled leader and
  former President Barack Obama").
- **Source and target.** The source is the actor phrase (with its compound group) nearest before the cue in the
  same sentence and clause -- skipping an actor governed by a preposition ("Palestinians of the
  Israeli-occupied West Bank shunned work") when the clause has another before it -- and the target the one
  nearest after it. Clauses end at ``; :``, dashes and
  "but", "while", "whereas", "mais", "tandis que", "alors que", "بينما", "لكن". A passive ("was attacked by")
  swaps them; a cue whose direction is ``passive`` is read that way always. For material events a reporting
  verb ends the clause of its speaker ("the Observatory said air strikes killed 20": no source); a verbal
  event reported stays the speaker's ("Russia said Sudan must return …": Russia demands); the speakers of
  :mod:`~diplolib.events.attribution` are passed over. In Arabic, where the verb often comes first
  ("أدانت فرنسا روسيا"), a cue with no actor before it takes the first actor after it as the source and the
  next one as the target.
- **Attributive cues** glued by a hyphen to the actor before them ("US-backed Kurdish forces", "Saudi-led
  coalition") take that actor as the source and a target only when an actor follows at once ("US-backed SDF").
- **Mutual cues** ("X and Y met", "talks between X and Y") with one compound side and no other give one row
  for every ordered pair of its members.
- **Flags**, read on the matching form just before the cue: ``negated`` (not, never, n't, ne/n', pas, jamais,
  لم لن لا), ``hypothetical`` (will, would, could, may, might, to, threatened to, plans to; va, vont,
  pourrait, devrait, menace de; سوف, قد, the prefix س) and ``reported`` (said, according to, claimed; a dit,
  a déclaré, selon; قال, ذكر, وفقا, حسب, between the start of the sentence and the cue).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..actors.name_rules import TITLES
from .attribution import skip
from .chars import SPACE, char_classes, char_table, windows
from .clauses import (
    REACTIVE,
    clause_marks,
    forward_marks,
    participle_subject,
    relative_antecedent,
    relative_subject,
    same_clause,
)
from .scan import Batch
from .string_codes import string_codes
from .words import prev_space, space_positions, spaced_codes, word_bits, word_table

__all__ = ["actor_phrases", "assign", "clause_marks", "same_clause"]

_PREPOSITIONS = frozenset("""of in from for at on with against to into near over under de du des d en au aux dans contre
    pour avec sur في من على الى عن مع regarding concerning about toward towards concernant envers vis بشان حول
    تجاه""".split())  # a topic ("Concernant la Libye, …") is no subject either
_ARTICLES = frozenset({"the", "la", "le", "les", "l"})
_POSSESSIVE = re.compile(r"['’]s?\s+(?:[A-Z][\w-]*\s+){0,3}")  # "Russia's President Vladimir Putin": one actor phrase
_DEMONYM_GAP = 20  # characters between a demonym and the noun cue it qualifies ("Israeli overnight air raids")
#: "Jordan and Britain", "la France, l'Allemagne", and a hyphen with no space: "the Russia-Ukraine talks"
#: "Jordan and the Netherlands", "la France et l'Allemagne": an article after the conjunction
_JOIN = re.compile(r"[-\u2010\u2011\u2013]|\s*(?:,|and|et|&|و)?\s*(?:,\s*)?(?:and|et|و)?\s*|"
                   r"\s*(?:,\s*)?(?:and|et|&)\s+(?:the|la|le|les|l['’])\s*", re.IGNORECASE)
_HYPHENS = "-\u2010\u2011\u2013"
_JOIN_CHARS = r"[\s,&وandethls'’\-\u2010\u2011\u2013]"  # every character a _JOIN match can hold (re.IGNORECASE)
_TITLE = "|".join(sorted((re.escape(t) for t in TITLES if len(t) > 2), key=len, reverse=True))
#: a join that holds the title of either side: "Syria's embattled leader and former President Barack Obama",
#: "Russia's foreign minister and President Putin", "la France et le président Tebboune" -- the first side a
#: possessive (or nothing) and at most two lower-case words before its title, the second side's title before it
_TITLED_JOIN = re.compile(
    rf"(?:(?:['’]s|s)?(?:\s+[a-z][a-z-]*){{0,2}}?\s+(?i:{_TITLE})s?)?\s*,?\s*(?:and|et|&|و)\s+"
    rf"(?:(?:the|le|la|l')\s*)?(?:(?i:former|then|late|ancien|ancienne|ex)-?\s+)?(?:(?i:{_TITLE})\s+){{0,3}}")
#: a join through a head noun: the second conjunct is the members (representatives, leaders, forces …) of another
#: actor, a co-side of the first ("the members of the Security Council *and the members of the* AU Peace and
#: Security Council called on …", "*et les membres du* Conseil de paix …", "مجلس الأمن *وأعضاء* مجلس السلم")
_HEADS_EN = ("members|member states|representatives|delegations|delegates|leaders|heads|ministers|officials|envoys|"
             "ambassadors|governments|government|forces|troops|authorities")
_HEADS_FR = ("membres|États membres|Etats membres|représentants|représentantes|délégations|délégués|dirigeants|chefs|"
             "ministres|responsables|envoyés|ambassadeurs|gouvernements|gouvernement|forces|troupes|autorités")
_HEADS_AR = "أعضاء|اعضاء|ممثلو|ممثلي|وفود|قادة|رؤساء|وزراء|مسؤولو|مسؤولي|سفراء|حكومات|حكومة|قوات|سلطات"
_HEAD_JOIN = re.compile(
    rf"\s*,?\s*(?:(?:and|&)\s+(?:(?:the|its|their|other|all)\s+)*(?:[a-z]+\s+)?(?:{_HEADS_EN})\s+(?:of|from)"
    rf"(?:\s+the)?|et\s+(?:(?:les|des|ses|leurs|autres|tous)\s+)*(?:[a-zé]+\s+)?(?:{_HEADS_FR})\s+"
    rf"(?:de\s+la|de\s+l['’]|du|des|de|d['’])|و\s*(?:{_HEADS_AR}))\s*", re.IGNORECASE)

def actor_phrases(b: Batch, mentions: pd.DataFrame, country: dict[str, str] | None = None,
                  cues: np.ndarray | None = None) -> pd.DataFrame:
    """One row per actor phrase of the batch: ``gstart``, ``gend``, ``actor`` (``""`` when unresolved), ``group``,
    ``governed`` (a preposition comes just before it).

    ``mentions`` needs ``doc`` (article position in the batch), ``start``, ``end``, ``actor_id`` and, when
    present, ``alias_kind`` and ``reason`` (place readings are dropped). ``cues``: sorted global display starts
    of the cue hits; a phrase never spans one (in a title-case headline "Biden's Call With President Duda" the
    possessive does not join Biden to Duda: the cue between them is the event).
    """
    m = mentions
    if "alias_kind" in m.columns:
        m = m[~m["alias_kind"].isin(["place", "location"])]
    if "reason" in m.columns:
        m = m[m["reason"].fillna("") != "place"]
    gstart = (b.doc_base[m["doc"].to_numpy()] + m["start"].to_numpy()).astype(np.int64)
    gend = (b.doc_base[m["doc"].to_numpy()] + m["end"].to_numpy()).astype(np.int64)
    actor_code, actors = string_codes(m["actor_id"])  # compared and looked up as codes of the distinct ids
    kind = (m["alias_kind"].astype("string").fillna("").to_numpy(dtype=object) if "alias_kind" in m.columns
            else np.full(len(m), "", dtype=object))
    order = np.argsort(gstart, kind="stable")
    gstart, gend, actor_code, kind = gstart[order], gend[order], actor_code[order], kind[order]
    actor = actors[actor_code]
    if len(gstart) == 0:
        return pd.DataFrame({"gstart": gstart, "gend": gend, "actor": actor, "group": gstart,
                             "governed": np.zeros(0, dtype=bool), "demonym": np.zeros(0, dtype=bool)})
    # "US President" + "Donald Trump" is one actor; "فرنسا روسيا" (verb-first: France … Russia) is two
    unresolved = actor_code == np.flatnonzero(actors == "")[0]
    same_actor = (actor_code[1:] == actor_code[:-1]) | unresolved[1:] | unresolved[:-1]
    if country:  # "President of France Emmanuel Macron": a state and one of its people
        home = np.array([country.get(a, "") for a in actors.tolist()], dtype=object)[actor_code]
        same_actor |= (home[1:] == home[:-1]) & (home[1:] != "") & ((home[1:] == actor[1:]) | (home[:-1] == actor[:-1]))
    qualifier = np.isin(kind[:-1], ["demonym", "role_phrase", "counterpart"])
    # an organisation right before another is the organ's qualifier: "the AU Peace and Security Council"
    org = np.char.startswith(actors.astype(str), "org:")[actor_code]
    qualifier |= org[:-1] & org[1:]
    # only short gaps can join two mentions ("US President" + "Donald Trump", "Russia's President …"): a blank
    # gap, a possessive ("Russia's President …") or "(" ("the Syrian Observatory for Human Rights (SOHR)")
    blank, possessive, paren = gaps(b, gend[:-1], gstart[1:], 40)
    joined = (blank | possessive | paren) & (same_actor | qualifier | possessive)
    if cues is not None and len(cues):
        joined &= np.searchsorted(cues, gend[:-1]) == np.searchsorted(cues, gstart[1:])
    sent = np.searchsorted(b.sent_start, gstart, side="right") - 1
    same = np.concatenate([[False], (sent[1:] == sent[:-1]) & (gstart[1:] >= gend[:-1])])
    firsts = np.flatnonzero(~(same & np.concatenate([[False], joined])))
    # a phrase runs from its first mention to the last; it stands for its last resolved mention
    last_resolved = np.maximum.reduceat(np.where(actor != "", np.arange(len(actor)), -1), firsts)
    out = pd.DataFrame({"gstart": gstart[firsts], "gend": np.maximum.reduceat(gend, firsts),  # "actor": object,
                        "actor": pd.Series(np.where(last_resolved >= 0, actor[np.maximum(last_resolved, 0)], ""),
                                           dtype=object)})  # not inferred as str and cast back
    out["demonym"] = kind[firsts] == "demonym"  # "Israeli air strikes": an adjective, never a place
    ps, pe = out["gstart"].to_numpy(), out["gend"].to_numpy()
    linked = joins(b, pe[:-1], ps[1:]) | titled_joins(b, pe[:-1], ps[1:]) | headed_joins(b, pe[:-1], ps[1:])
    # a hyphen joins two actors only before the noun cue they qualify ("the Russia-Ukraine *talks*"), not in a
    # topic ("discussed Russian-German relations") or a name ("the Russian-Armenian Treaty of Friendship")
    glued = np.flatnonzero(ps[1:] - pe[:-1] == 1)
    glued = glued[[b.display[i] in _HYPHENS for i in pe[glued].tolist()]]
    if len(glued) and cues is not None and len(cues):
        # a chain of them ("the Russian-French-German *talks*") is read at its last phrase
        chained = np.zeros(len(pe) - 1, dtype=bool)
        chained[glued] = True
        ends = np.minimum.accumulate(np.where(~chained, np.arange(len(chained)), len(chained))[::-1])[::-1]
        chain_end = pe[ends[glued]]
        nxt = np.searchsorted(cues, chain_end)
        cue_next = nxt < len(cues)
        cue_next[cue_next] = cues[nxt[cue_next]] - chain_end[cue_next] == 1
        linked[glued] &= cue_next
    elif len(glued):  # no cues given: no noun cue to qualify
        linked[glued] = False
    psent = np.searchsorted(b.sent_start, ps, side="right") - 1
    link = np.concatenate([[False], linked & (psent[1:] == psent[:-1])])
    out["group"] = np.cumsum(~link) - 1
    out["governed"] = _governed(b.spaced, b.match_offsets(ps).tolist())
    return out


def gaps(b: Batch, a: np.ndarray, z: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(blank, possessive, paren)`` of each gap ``display[a:z]`` at most ``width`` long (all false for longer
    ones): only white space (or nothing), a possessive (:data:`_POSSESSIVE`), an opening bracket between white
    space. Read for all gaps at once on the code points; the regex runs on the gaps starting with an apostrophe."""
    n = len(a)
    length = np.minimum(z, len(b.display)) - np.minimum(a, len(b.display))  # as the slice clips
    short = np.flatnonzero(z - a <= width)
    blank, possessive, paren = np.zeros(n, dtype=bool), np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
    w = windows(b.codes, a[short], width)
    solid = ((char_classes(w) & SPACE) == 0) & (np.arange(width) < length[short, None])  # not white space
    count = solid.sum(axis=1)
    blank[short] = count == 0
    first = w[np.arange(len(short)), np.argmax(solid, axis=1)] if len(short) else w[:, 0]
    paren[short] = (count == 1) & (first == ord("("))
    apos = short[(length[short] > 0) & np.isin(w[:, 0], [ord("'"), ord("’")])]
    disp = b.display
    possessive[apos] = [bool(_POSSESSIVE.fullmatch(disp[i:j])) for i, j in zip(a[apos].tolist(), z[apos].tolist(),
                                                                                strict=True)]
    return blank, possessive, paren


def joins(b: Batch, a: np.ndarray, z: np.ndarray) -> np.ndarray:
    """Does each gap ``display[a:z]`` (at most 12 characters) join two phrases into a compound group: not blank,
    and all of it :data:`_JOIN` ("and", "et", "و", a comma, "&")? The regex runs only on the gaps made of its
    characters."""
    out = np.zeros(len(a), dtype=bool)
    short = np.flatnonzero(z - a <= 12)
    length = np.minimum(z, len(b.display)) - np.minimum(a, len(b.display))  # as the slice clips
    w = windows(b.codes, a[short], 12)
    inside = np.arange(12) < length[short, None]
    fits = (char_table(_JOIN_CHARS, re.IGNORECASE)[np.minimum(w, 0x10000)] | ~inside).all(axis=1)
    solid = (((char_classes(w) & SPACE) == 0) & inside).any(axis=1)
    cand = short[fits & solid]
    disp = b.display
    out[cand] = [bool(_JOIN.fullmatch(disp[i:j])) for i, j in zip(a[cand].tolist(), z[cand].tolist(), strict=True)]
    return out


def titled_joins(b: Batch, a: np.ndarray, z: np.ndarray, width: int = 60) -> np.ndarray:
    """Does each gap ``display[a:z]`` (13 to ``width`` characters, the short ones are :func:`joins`') join two
    phrases whose titles stand in it (:data:`_TITLED_JOIN`)? The regex runs only on the gaps that hold a
    conjunction between spaces."""
    out = np.zeros(len(a), dtype=bool)
    cand = np.flatnonzero((z - a > 12) & (z - a <= width))
    disp = b.display
    gaps_ = [disp[i:j] for i, j in zip(a[cand].tolist(), z[cand].tolist(), strict=True)]
    out[cand] = [(" and " in g or " et " in g or " و" in g or " & " in g) and bool(_TITLED_JOIN.fullmatch(g))
                 for g in gaps_]  # the four tests written out: a generator per gap cost more than the tests
    return out


def headed_joins(b: Batch, a: np.ndarray, z: np.ndarray, width: int = 60) -> np.ndarray:
    """Does each gap ``display[a:z]`` (at most ``width`` characters) join two phrases through a head noun
    (:data:`_HEAD_JOIN`: "… and the members of …", "… et les membres du …", "… وأعضاء …")? The second conjunct is
    then a co-side of the first, not the target. The regex runs only on the gaps that hold a conjunction."""
    out = np.zeros(len(a), dtype=bool)
    cand = np.flatnonzero((z - a >= 3) & (z - a <= width))
    disp = b.display
    gaps_ = [disp[i:j] for i, j in zip(a[cand].tolist(), z[cand].tolist(), strict=True)]
    out[cand] = [(" and " in g or " et " in g or " و" in g or " & " in g) and bool(_HEAD_JOIN.fullmatch(g))
                 for g in gaps_]
    return out


def _qualifies(gap: str) -> bool:
    """Is ``gap`` (between a demonym and a cue) only lower-case words ("Israeli *overnight* air raids"), with no
    punctuation, hyphen or name between?"""
    return not gap.startswith(("-", "\u2010", "\u2011")) and not any(c in ",;:()" or c.isupper() for c in gap)


def _governed(spaced: str, starts: list[int]) -> np.ndarray:
    """Is each phrase (matching-form offset) right after a preposition, maybe with an article between?

    The word before each phrase (``spaced[spaced.rfind(" ", 0, s) + 1:s]``) and the one before that are read on
    arrays: the space before an offset by ``searchsorted`` over the spaces, each word's class by one look-up of
    its code points (:func:`~diplolib.events.words.word_bits`, exact). ``tests/test_events_words.py`` compares it
    with the ``str.rfind`` loop it replaced."""
    s = np.asarray(starts, dtype=np.int64)
    if not len(s):
        return np.zeros(0, dtype=bool)
    codes, spaces = spaced_codes(spaced), space_positions(spaced)
    table = _governor_table()
    j = prev_space(spaces, s)
    bits = word_bits(codes, j + 1, s, table)
    article = np.flatnonzero(bits & 2)
    if len(article):  # "in the …": the word before the article
        jj = j[article]
        i = prev_space(spaces, jj)
        bits[article] = word_bits(codes, i + 1, np.maximum(jj, i + 1), table)
    return (bits & 1) > 0


def assign(b: Batch, hits: dict[str, np.ndarray], phrases: pd.DataFrame,
           marks: dict[str, tuple[np.ndarray, np.ndarray]], material: np.ndarray, lang: str = "",
           events: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The nearest actor phrase before (``before``) and after (``after``) each hit, and the first phrase of the
    next group after that (``after2``, for Arabic verb-first clauses); ``-1`` when none.

    A phrase counts when it lies in the hit's sentence with no clause boundary between it and the cue. For a
    material event (``material``: an attack, an arrest, aid) a reporting verb is a boundary on the source's side
    too: in "the Observatory said air strikes killed 20" the Observatory is not the one who killed; a verbal
    event reported ("Russia said Sudan must return …") stays the speaker's.
    """
    n = len(hits["start"])
    if n == 0 or phrases.empty:
        return np.full(n, -1), np.full(n, -1), np.full(n, -1)
    ps, pe = phrases["gstart"].to_numpy(), phrases["gend"].to_numpy()
    said = clause_marks(b, marks, reported=True)
    ahead = clause_marks(b, marks, reported=False, forward=forward_marks(b, lang, marks=marks))  # for the target
    firm = clause_marks(b, marks, reported=False, forward=forward_marks(b, lang, firm=True, marks=marks))  # reaction
    marks = clause_marks(b, marks, reported=False)
    reactive = np.isin(events, REACTIVE) if events is not None else np.zeros(n, dtype=bool)

    def one_clause(a: np.ndarray, z: np.ndarray) -> np.ndarray:  # the target's clause: see FORWARD
        return np.where(reactive, same_clause(firm, a, z), same_clause(ahead, a, z))

    sent_lo = b.sent_start[hits["sentence"]]
    sent_hi = b.sent_end[hits["sentence"]]
    no = np.zeros(len(ps), dtype=bool)
    speaker = phrases["speaker"].to_numpy() if "speaker" in phrases.columns else no
    reporter = phrases["reporter"].to_numpy() if "reporter" in phrases.columns else no
    place = phrases["place"].to_numpy() if "place" in phrases.columns else no  # places, datelines
    patron = phrases["patron"].to_numpy() if "patron" in phrases.columns else no  # "Turkey-backed": not a target
    # a patron qualifier ("a US-backed group … to seize it") sources only the cue glued to it ("US-backed")
    prev_party, _ = skip(speaker | place | patron)  # material events: no speaker sources them
    prev_verbal, _ = skip((speaker & reporter) | place | patron)  # verbal ones: a state or person speaking may
    _, next_party = skip(speaker | place | patron)  # a speaker is never the target
    before = np.searchsorted(pe, hits["start"], side="right") - 1
    bb = np.maximum(before, 0)
    glued = (before >= 0) & patron[bb] & (pe[bb] == hits["start"] - 1)
    before = np.where(glued, before, np.where(before >= 0, np.where(material, prev_party[bb], prev_verbal[bb]), -1))
    ok = before >= 0
    bb = np.where(ok, before, 0)
    ok &= ps[bb] >= sent_lo
    ok &= same_clause(marks, pe[bb], hits["start"]) & (~material | same_clause(said, pe[bb], hits["start"]))
    before = np.where(ok, before, -1)
    # a subject is not the object of a preposition: take the last phrase before it that is not, if any
    free_ok = ~phrases["governed"].to_numpy() & ~speaker & ~place & ~patron
    last_free = np.maximum.accumulate(np.where(free_ok, np.arange(len(ps)), -1))
    free = last_free[np.maximum(before, 0)]
    ff = np.maximum(free, 0)
    use = (before >= 0) & (free >= 0) & (ps[ff] >= sent_lo)
    use &= same_clause(marks, pe[ff], hits["start"]) & (~material | same_clause(said, pe[ff], hits["start"]))
    if "demonym" in phrases.columns:  # "killed in *Israeli* overnight air raids": the demonym of a noun cue acts
        bb = np.maximum(before, 0)
        gap = hits["start"] - pe[bb]
        adjacent_demonym = (before >= 0) & phrases["demonym"].to_numpy()[bb] & (gap >= 0) & (gap <= _DEMONYM_GAP)
        for k in np.flatnonzero(adjacent_demonym).tolist():  # only short gaps are read
            adjacent_demonym[k] = _qualifies(b.display[int(pe[bb[k]]):int(hits["start"][k])])
        use &= ~adjacent_demonym
    before = np.where(use & ~glued, free, before)
    before = relative_antecedent(b.display, hits["start"], sent_lo, ps, pe, before, (prev_verbal, prev_party),
                                 material)
    before = relative_subject(b.display, hits["start"], sent_lo, pe, before, codes=b.codes)
    first = _main_subject(ps, sent_lo, ~phrases["governed"].to_numpy() & ~place, speaker, reporter, material)
    before = participle_subject(b.display, hits["start"], hits["end"], sent_lo, ps, before, first, lang,
                                codes=b.codes)
    after = np.searchsorted(ps, hits["end"], side="left")
    after = np.where(after < len(ps), next_party[np.minimum(after, len(ps) - 1)], len(ps))
    ok = after < len(ps)
    aa = np.where(ok, after, 0)
    ok &= pe[aa] <= sent_hi
    within = ok & one_clause(hits["end"], ps[aa])
    # past a subordinate clause only when the cue's own clause names no actor and no place (then the place
    # stands for the target: "eased measures *in Montenegro* as authorities in Croatia …")
    k = np.minimum(np.searchsorted(ps, hits["end"], side="left"), len(ps) - 1)
    first_place = np.where(k < len(ps), _next_flag(place)[k], len(ps))
    fp = np.minimum(first_place, len(ps) - 1)
    place_here = (first_place < len(ps)) & (pe[fp] <= sent_hi) & one_clause(hits["end"], ps[fp])
    ok &= within | (~place_here & same_clause(marks, hits["end"], ps[aa]))
    after = np.where(ok, after, -1)
    group = phrases["group"].to_numpy()
    group_end = pd.Series(np.arange(len(group))).groupby(group).transform("max").to_numpy()
    after2 = np.where(after >= 0, group_end[np.maximum(after, 0)] + 1, -1)
    after2 = np.where((after2 >= 0) & (after2 < len(ps)), next_party[np.clip(after2, 0, len(ps) - 1)], after2)
    ok = (after2 >= 0) & (after2 < len(ps))
    a2 = np.where(ok, after2, 0)
    ok &= pe[a2] <= sent_hi
    ok &= one_clause(hits["end"], ps[a2])
    return before, after, np.where(ok, after2, -1)


def _main_subject(ps: np.ndarray, sent_lo: np.ndarray, free: np.ndarray, speaker: np.ndarray, reporter: np.ndarray,
                  material: np.ndarray) -> np.ndarray:
    """For each cue, the first phrase of its sentence that may be its source: not governed by a preposition nor a
    place (``free``), not a speaker for a material event, not a reporting organisation for a verbal one (``-1``
    when none): the subject of the main clause ("The Coalition said …, *urging* it")."""
    k = np.minimum(np.searchsorted(ps, sent_lo), len(ps) - 1)
    first = np.where(material, _next_flag(free & ~speaker)[k], _next_flag(free & ~(speaker & reporter))[k])
    return np.where((first < len(ps)) & (ps[np.minimum(first, len(ps) - 1)] >= sent_lo), first, -1)


def _next_flag(flag: np.ndarray) -> np.ndarray:
    """For each position, the first index at or after it where ``flag`` is true (``len(flag)`` when none)."""
    idx = np.where(flag, np.arange(len(flag)), len(flag))
    return np.minimum.accumulate(idx[::-1])[::-1] if len(flag) else idx


def _governor_table() -> tuple:
    """:func:`~diplolib.events.words.word_table` of the prepositions (bit 1) and articles (bit 2)."""
    return word_table(tuple([(w, 1) for w in sorted(_PREPOSITIONS)] + [(w, 2) for w in sorted(_ARTICLES)]))
