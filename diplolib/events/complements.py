"""English verbs read with their complement: who the side is when a verb takes an object and a second phrase.

Three rules of the same shape (verb + object + a phrase that says what it is about), each on arrays of hit and
phrase indices (``-1``: none), reading the text only for the few candidate hits:

- **A complaint's topic is its target** (:func:`topic_targets`): in "Lebanon complained *to the United Nations*
  over Israeli air raids" the UN is the addressee and Israel the one complained of; PLOVER codes DISAPPROVE
  against the latter. A complaint or protest whose target phrase stands right after the cue ("complained to",
  "protested to", "lodged a complaint with") takes the first actor after "over", "about", "regarding",
  "concerning" or "at" in the same clause instead; with no such actor the addressee stays.
- **A warning of reprisals is a threat** (:func:`warned_threats`): "Iran warned Israel *to expect reprisals*",
  "warned Ukraine to brace for retaliation", "warned Turkey that it would face consequences" are THREATEN with
  the one warned as the target (the lexicon's "warned of retaliation" has no object between); a warning with no
  threat named stays DISAPPROVE.
- **Coordinated verbs share their subject** (:func:`shared_subjects`): in "a roadside bombing killed one U.S.
  soldier *and wounded* two others" the soldier is the object of "killed", not the one who wounded: a verb in the
  past (its first word ends as a participle: "wounded", "struck") right after "and" (an auxiliary or adverb
  between) whose source phrase lies between the previous cue of its sentence and itself takes that cue's source
  (none when it has none), when that cue is a verb in the past too, at most 60 characters before: nouns joined by
  "and" ("Turkish artillery fire and *air strikes*") and a verb coordinated with one that is no cue ("after Daesh
  bombers *entered* the town and *engaged* SDF forces") are left alone.
- **The object of a phrasal verb is the subject of its infinitive** (:func:`infinitive_subjects`): in "Britain
  called on Iran *to release* the sailors" or "appealed to the rebels to lay down their arms" the actor after the
  verb's particle is governed by it, not by a preposition of place, and does what the infinitive says; the rule
  that skips an actor governed by a preposition for the subject before it does not apply there.
- **A discussion's object is its topic** (:func:`discussed_topics`): in "They discussed their shared concern over
  *Russia's* attempts to annex …" or "the two discussed the *U.S.* National Strategy …" the actor after a bare
  "discussed" or "negotiated" is what is discussed, not who with; the party is the first actor after "with" in the
  sentence ("discussed the situation in Syria *with* Russian Foreign Minister Sergey Lavrov"), or one of a
  bilateral topic's hyphen pair ("discussed *UK*-France co-operation": one of the two), else none, and no
  place stands in for it (the place is the topic's or where they met; hand reading, seed 2037: 2 of the 60
  events). "discussed with X" is a cue of its own. (Read as mutual, "X and Y discussed" would pair X and Y, but
  the "between X and Y" of an earlier phrase would pair them too: a judged-right Kremlin row of seed 2035 changed;
  "between" as the party's word was tried too: it is mostly the topic's, "discussed the cooperation between the
  United States and France", 25 of 26 changed cues of a wide sample.)
- **A noun's agent after its object** (:func:`object_agents`): in "attacks on Syrian hospitals *by* Russian
  warplanes" or "the support for the YPG *by* the United States" the actor after "by" did it, the one before the
  cue did not (the agent right after the noun, "strikes by the coalition", is a flag of :mod:`cue_flags`): a cue
  that ends with a preposition or stands before one (its object is no direct object: "condemned the support for
  the YPG by the United States" keeps Turkey as the one who condemns), its target phrase, then "by" and an actor
  within a few words (hand reading, seed 2037: "the collective support for Ukraine by a coalition of over fifty
  countries", read with Russia as the supporter).
- **No target past "according to"** (:func:`attributed_targets`): an attribution names who reports, not who
  undergoes: in "Afghanistan has been sharing expertise with the LTTE *according to* a report submitted to the
  Canadian Security Intelligence Service" the Canadian service is no target (with the LTTE untagged, none is).
- **No target inside the object's purpose** (:func:`purpose_targets`): in "rebels bombarded a campaign rally *in
  support of* President Bashar al-Assads re-election" or "officials met with manufacturers … *as part of* President
  Biden's Investing in America agenda" the actor, the owner of a noun in what the object is for, is not the one
  the cue reaches. Only where the purpose phrase follows an object (a word that is no determiner between the cue
  and it) and the actor owns a noun of it ("X's", "al-Assads re-election"): "rallied in support of Assad's
  re-election", "sent troops in support of the Syrian government" keep their target.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .agents import PARTICIPLES
from .chars import pattern_spans_in
from .contents import agreed_contents
from .fronted import fronted_objects, fronted_subjects
from .reduced import agent_subjects
from .sides import addressee

__all__ = ["topic_targets", "warned_threats", "shared_subjects", "infinitive_subjects", "attributed_targets",
           "purpose_targets", "discussed_topics", "object_agents", "subjects", "targets"]

#: The gap between a complaint's addressee and its topic's actor: "on Tuesday over two", "about the".
_TOPIC = re.compile(r"(?:[^.;:,()]{0,40}?\s)?(?:over|about|regarding|concerning|at)\s[^.;:,()]{0,40}",
                    re.IGNORECASE)
#: At most this many characters between a complaint cue and its addressee ("complained to the United Nations").
_ADDRESSEE_GAP = 6
_THREAT_NOUN = (r"(?:reprisals?|retaliation|retaliatory\s+\w+|consequences|punishment|revenge|countermeasures|"
                r"(?:military\s+)?(?:response|action|attacks?|strikes?)|war|force)")
#: After "warned" and its object: what it is told to expect ("to expect reprisals", "that it would face …").
_WARNED = re.compile(
    r"\s+(?!of\b|that\b|against\b|about\b)[^.;:,()]{1,60}?\s+(?:to\s+(?:expect|anticipate|face|brace\s+(?:\w+\s+)?"
    r"for|prepare\s+(?:\w+\s+)?for)|(?:that\s+)?(?:it|they|he|she|its\s+\w+|their\s+\w+)\s+(?:would|will|could|"
    r"might)\s+(?:face|suffer|pay|see|be\s+met\s+with)|of)\s+(?:[a-z]+\s+){0,3}?" + _THREAT_NOUN + r"\b",
    re.IGNORECASE)
#: A bare discussion verb (its matching form), whose object is a topic; and the way to its party's "with".
_DISCUSSED = re.compile(r"(?:discuss|negotiat)\w*")
_DN = np.array([ord(c) for c in "dDnN"])  # the first letters of those cues in the display
_HYPHENS = ("-", "\u2010", "\u2011", "\u2013")
_WITH = re.compile(r"\bwith\s", re.IGNORECASE)
#: How far after the cue its "with" may stand, and how far after "with" its party (titles: "with Foreign Minister").
_WITH_REACH, _PARTY_GAP = 160, 40
#: A cue whose object follows a preposition (the cue's own last word or the word after it), then what may stand
#: between that object and "by", and between "by" and the agent ("by the Syrian regime", "by Russian warplanes").
_PREP_END = re.compile(r"(?:^|\s)(?:for|of|on|to|against|into|at|in)$", re.IGNORECASE)
_PREP_NEXT = re.compile(r"\s+(?:for|of|on|to|against|into|at|in)\s", re.IGNORECASE)
_TO_BY = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}?by\s+(?:(?:the|a|an)\s+)?", re.IGNORECASE)
#: Just before a verb, not a noun: a pronoun, an auxiliary or modal, "to" ("We call again for", "will support").
_POSS = ("'s", "’s", "s'", "s’")
_VERB_BEFORE = re.compile(r"\b(?:we|i|they|he|she|it|you|will|would|shall|should|can|could|may|might|must|to|has|"
                          r"have|had|did|does|do|also|not|again)\s+$", re.IGNORECASE)
#: At most this many characters between two coordinated verbs (the first one's object and "and").
_OBJECT_GAP = 60
#: Just before a coordinated verb: "and", maybe an auxiliary or adverb ("and has also wounded").
_AND_BEFORE = re.compile(r"\band\s+(?:(?:has|have|had|also|then|later|subsequently|reportedly)\s+){0,3}$",
                         re.IGNORECASE)


def topic_targets(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, event: np.ndarray, tgt: np.ndarray,
                  lang: str, party: np.ndarray | None = None) -> np.ndarray:
    """The topic's actor as the target of a complaint made to an addressee (module rules). ``party``: the phrases
    that may take a side (not a place, speaker or patron); all when omitted. A new array."""
    if lang != "en" or phrases.empty or len(tgt) == 0:
        return tgt
    ps, pe = phrases["gstart"].to_numpy(), phrases["gend"].to_numpy()
    t = np.maximum(tgt, 0)
    cand = np.flatnonzero((event == "DISAPPROVE") & (tgt >= 0) & (ps[t] - hits["end"] <= _ADDRESSEE_GAP)
                          & (ps[t] >= hits["end"]))
    if not len(cand):
        return tgt
    group = phrases["group"].to_numpy()
    last = pd.Series(np.arange(len(group))).groupby(group).transform("max").to_numpy()[tgt[cand]]
    nxt = last + 1
    ok = nxt < len(ps)
    nx = np.minimum(nxt, len(ps) - 1)
    ok &= pe[nx] <= b.sent_end[hits["sentence"][cand]]
    if party is not None:
        ok &= party[nx]
    disp = b.display
    ok[ok] = [bool(_TOPIC.fullmatch(disp[a:z])) for a, z in zip(pe[last[ok]].tolist(), ps[nx[ok]].tolist(),
                                                                strict=True)]
    out = tgt.copy()
    out[cand[ok]] = nx[ok]
    return out


def warned_threats(b, hits: dict[str, np.ndarray], event: np.ndarray, lang: str) -> np.ndarray:
    """THREATEN for a warning whose object is told to expect reprisals (module rules). A new array."""
    if lang != "en" or len(event) == 0:
        return event
    cand = np.flatnonzero(event == "DISAPPROVE")
    cand = cand[[b.match[a:a + 4] == "warn" for a in hits["m_start"][cand].tolist()]]
    if not len(cand):
        return event
    disp = b.display
    hot = cand[[_WARNED.match(disp, e, min(e + 160, len(disp))) is not None for e in hits["end"][cand].tolist()]]
    out = event.copy()
    out[hot] = "THREATEN"
    return out


def shared_subjects(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, before: np.ndarray,
                    lang: str) -> np.ndarray:
    """The previous cue's source for a verb coordinated with it (module rules). A new array."""
    if lang != "en" or phrases.empty or len(before) < 2:
        return before
    order = np.argsort(hits["start"], kind="stable")
    start, end, sent = hits["start"][order], hits["end"][order], hits["sentence"][order]
    bef = before[order]
    ps = phrases["gstart"].to_numpy()
    prev_end = np.concatenate([[-1], end[:-1]])
    cand = np.flatnonzero((np.concatenate([[False], sent[1:] == sent[:-1]])) & (bef >= 0)
                          & (prev_end <= start))
    cand = cand[(ps[bef[cand]] >= prev_end[cand]) & (start[cand] - prev_end[cand] <= _OBJECT_GAP)]
    disp = b.display
    cand = cand[[_AND_BEFORE.search(disp, max(s - 40, 0), s) is not None
                 and disp[s:e].split(" ", 1)[0].lower().endswith(PARTICIPLES)
                 and disp[p:q].split(" ", 1)[0].lower().endswith(PARTICIPLES)
                 for s, e, p, q in zip(start[cand].tolist(), end[cand].tolist(), start[cand - 1].tolist(),
                                       prev_end[cand].tolist(), strict=True)]]
    if not len(cand):
        return before
    out = before.copy()
    out[order[cand]] = bef[cand - 1]
    return out


def infinitive_subjects(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, before: np.ndarray,
                        lang: str, party: np.ndarray | None = None) -> np.ndarray:
    """The object of the cue before an infinitive cue as its source (module rules). A new array."""
    if lang != "en" or phrases.empty or len(before) < 2:
        return before
    ps, pe = phrases["gstart"].to_numpy(), phrases["gend"].to_numpy()
    start = hits["start"]
    disp = b.display
    cand = np.flatnonzero(start >= 3)
    cand = cand[[disp[s - 3:s] == "to " for s in start[cand].tolist()]]
    k = np.searchsorted(pe, start[cand], side="right") - 1  # the phrase right before "to"
    ok = (k >= 0) & (pe[np.maximum(k, 0)] == start[cand] - 4)
    if party is not None:
        ok &= party[np.maximum(k, 0)]
    cand, k = cand[ok], k[ok]
    ends = np.sort(hits["end"])
    j = np.searchsorted(ends, ps[k], side="right") - 1  # the cue that ends right before that phrase
    ok = j >= 0
    e = ends[np.maximum(j, 0)]
    ok &= (ps[k] - e <= 5) & (e >= b.sent_start[hits["sentence"][cand]])
    ok[ok] = [disp[a:z] in (" ", " the ") for a, z in zip(e[ok].tolist(), ps[k[ok]].tolist(), strict=True)]
    out = before.copy()
    out[cand[ok]] = k[ok]
    return out


def attributed_targets(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, tgt: np.ndarray,
                       lang: str) -> np.ndarray:
    """No target after an "according to" that stands between the cue and it (module rules): the offsets of the
    phrase found once in the batch, each hit's gap tested by two ``searchsorted``. A new array."""
    if lang != "en" or phrases.empty or len(tgt) == 0:
        return tgt
    disp, found, i = b.display, [], b.display.find("according to ")
    while i != -1:
        found.append(i)
        i = disp.find("according to ", i + 1)
    if not found:
        return tgt
    acc = np.asarray(found, dtype=np.int64)
    ps = phrases["gstart"].to_numpy()
    at = ps[np.maximum(tgt, 0)]
    past = (tgt >= 0) & (at > hits["end"]) & (np.searchsorted(acc, at) > np.searchsorted(acc, hits["end"]))
    return np.where(past, -1, tgt)


#: The purpose phrases that qualify an object (:func:`purpose_targets`).
_PURPOSE = re.compile(r"\b(?:in\s+(?:support|memory|hono(?:u)?r|favou?r|celebration|solidarity)\s+(?:of|with)|as\s+"
                      r"part\s+of|en\s+(?:soutien|solidarit[ée])\s+(?:à|avec)|à\s+la\s+mémoire\s+d|en\s+"
                      r"(?:faveur|l'honneur|mémoire)\s+d|dans\s+le\s+cadre\s+d)", re.IGNORECASE)
#: The first two characters of every :data:`_PURPOSE` match (:func:`~diplolib.events.chars.pattern_spans`' filter).
_PURPOSE_HEADS = (("i", "n"), ("a", "s"), ("e", "n"), ("à", r"\s"), ("d", "a"))
#: Every character a :data:`_PURPOSE` match can hold (words, white space, the apostrophe of "l'honneur").
_PURPOSE_CHARS = r"[\w\s'’]"
#: Words that may stand between a cue and a purpose phrase of its own ("rallied *today* in support of").
_NOT_AN_OBJECT = frozenset({"a", "an", "the", "today", "yesterday", "again", "also", "on", "monday", "tuesday",
                            "wednesday", "thursday", "friday", "saturday", "sunday", "été", "ont", "le", "la",
                            "les", "aujourd'hui", "hier"})
#: At most this many characters between the purpose phrase and the actor it holds ("of *President* Bashar …").
_PURPOSE_GAP = 40


def purpose_targets(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, tgt: np.ndarray) -> np.ndarray:
    """No target inside a purpose phrase that qualifies the cue's object (module rules): the phrases looked for
    only in the gaps between the cues and their targets (:func:`~diplolib.events.chars.pattern_spans_in`: the
    spans ``finditer`` gives there), each hit's gap read only where one stands between the cue and its target. A
    new array."""
    if phrases.empty or len(tgt) == 0:
        return tgt
    at = phrases["gstart"].to_numpy()[np.maximum(tgt, 0)]
    gap = (tgt >= 0) & (at > hits["end"])  # only a phrase between the cue and its target counts: read only there
    mark_start, mark_end = pattern_spans_in(b.display, b.codes, _PURPOSE, _PURPOSE_HEADS, hits["end"][gap], at[gap],
                                            _PURPOSE_CHARS)  # finditer's spans
    if not len(mark_start):
        return tgt
    k = np.searchsorted(mark_start, at) - 1  # the last purpose phrase before the target
    cand = np.flatnonzero((tgt >= 0) & (k >= 0) & (mark_start[np.maximum(k, 0)] >= hits["end"])
                          & (at - mark_end[np.maximum(k, 0)] <= _PURPOSE_GAP))
    out, disp, pe = tgt.copy(), b.display, phrases["gend"].to_numpy()
    person = phrases["actor"].astype(str).str.startswith("per:").to_numpy()
    for i in cand.tolist():
        gap = disp[hits["end"][i]:mark_start[k[i]]].lower().replace(",", " ").split()
        z = pe[tgt[i]]
        owner = disp[z:z + 2] in ("'s", "’s") or (  # "al-Assads re-election": a person's possessive without "'"
            person[tgt[i]] and disp[z - 1:z] == "s" and disp[z:z + 1] == " " and disp[z + 1:z + 2].islower())
        if owner and any(w not in _NOT_AN_OBJECT for w in gap):
            out[i] = -1
    return out


def discussed_topics(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, tgt: np.ndarray, lang: str,
                     party: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(target, topical)``: the target of a bare "discussed" or "negotiated" is the first actor that may take a
    side standing after "with" in its sentence (at most 40 characters of titles between), else none, and such a
    cue is ``topical`` (no place stands in for its target; module rules); the text is read only for the few
    cues of the right first letter and length. New arrays."""
    topical = np.zeros(len(tgt), dtype=bool)
    if lang != "en" or phrases.empty or len(tgt) == 0:
        return tgt, topical
    size = hits["m_end"] - hits["m_start"]
    cand = np.flatnonzero(np.isin(b.codes[hits["start"]], _DN) & (size >= 7) & (size <= 11))  # the few to read
    cand = cand[[_DISCUSSED.fullmatch(b.match[a:z]) is not None
                 for a, z in zip(hits["m_start"][cand].tolist(), hits["m_end"][cand].tolist(), strict=True)]]
    if not len(cand):
        return tgt, topical
    ps, pe = phrases["gstart"].to_numpy(), phrases["gend"].to_numpy()
    disp = b.display
    # a party of a bilateral topic joined by a hyphen ("discussed UK-France co-operation", "Russian-Chinese
    # relations") is one of the two who discussed it: kept
    t = np.maximum(tgt[cand], 0)
    paired = (tgt[cand] >= 0) & np.fromiter(((disp[z:z + 1] in _HYPHENS or disp[a - 1:a] in _HYPHENS)
                                             for a, z in zip(ps[t].tolist(), pe[t].tolist(), strict=True)),
                                            dtype=bool, count=len(cand))
    cand = cand[~paired]
    stop = b.sent_end[hits["sentence"][cand]]
    out = tgt.copy()
    out[cand], topical[cand] = -1, True
    for i, e, z in zip(cand.tolist(), hits["end"][cand].tolist(), stop.tolist(), strict=True):
        m = _WITH.search(b.display, e, min(z, e + _WITH_REACH))
        if m is None:
            continue
        k = int(np.searchsorted(ps, m.end()))
        while k < len(ps) and ps[k] < z and not party[k]:
            k += 1
        if k < len(ps) and ps[k] < z and ps[k] - m.end() <= _PARTY_GAP:
            out[i] = k
    return out, topical


def near_phrases(pe: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """The index of the phrase ending last before each offset (0 where none): the candidate subjects."""
    order = np.argsort(pe, kind="stable")
    k = np.searchsorted(pe[order], starts, side="left") - 1
    return order[np.maximum(k, 0)]


def object_agents(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, src: np.ndarray, tgt: np.ndarray,
                  lang: str, party: np.ndarray) -> np.ndarray:
    """The source of a noun cue whose agent follows its object: the actor right after "by" (at most three words
    after the target phrase, none a participle; an article between) when the cue's object follows a preposition and
    no subject, pronoun or auxiliary stands right before the cue (module rules); the
    text is read only for the cues whose target phrase has "by" after it. A new array."""
    if lang != "en" or phrases.empty or len(tgt) == 0:
        return src
    ps, pe = phrases["gstart"].to_numpy(), phrases["gend"].to_numpy()
    disp = b.display
    found, i = [], disp.find(" by ")
    while i != -1:  # the batch's " by ", found once; each target's end looked up by searchsorted
        found.append(i)
        i = disp.find(" by ", i + 1)
    if not found:
        return src
    by = np.asarray(found, dtype=np.int64)
    cand = np.flatnonzero(tgt >= 0)
    end = pe[tgt[cand]]
    cand = cand[np.searchsorted(by, end + 27, side="right") > np.searchsorted(by, end, side="left")]
    ends = set(pe[near_phrases(pe, hits["start"][cand])].tolist()) if len(cand) else set()
    out = src.copy()
    for i in cand.tolist():
        a, z, t = int(hits["start"][i]), int(hits["end"][i]), int(tgt[i])
        if not (_PREP_END.search(disp, a, z) or _PREP_NEXT.match(disp, z, ps[t] + 1)):
            continue
        if _VERB_BEFORE.search(disp, max(a - 20, 0), a) or (a - 1 in ends and disp[a - 3:a - 1] not in _POSS):
            continue  # a verb: its subject or auxiliary right before it
        m = _TO_BY.match(disp, int(pe[t]), int(b.sent_end[hits["sentence"][i]]))
        if m and any(w.lower().endswith(PARTICIPLES) for w in m.group(0).split()[:-1]):
            continue  # "the release of all Palestinians detained by Israel": the participle's own agent
        k = int(np.searchsorted(ps, m.end())) if m else len(ps)
        if k < len(ps) and ps[k] == m.end() and party[k] and k != t:
            out[i] = k
    return out


def subjects(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, before: np.ndarray, lang: str,
             party: np.ndarray) -> np.ndarray:
    """:func:`~diplolib.events.fronted.fronted_subjects`, :func:`~diplolib.events.reduced.agent_subjects`,
    :func:`shared_subjects` then :func:`infinitive_subjects` on the phrase before each cue."""
    before = fronted_subjects(b, hits, phrases, before, lang)  # "Looking forward to India's G20 presidency, they"
    before = agent_subjects(b, hits, phrases, before, lang)  # "the Syrian army backed by Russia seized": the army
    return infinitive_subjects(b, hits, phrases, shared_subjects(b, hits, phrases, before, lang), lang, party)


def targets(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, event: np.ndarray, direction: np.ndarray,
            tgt: np.ndarray, lang: str, party: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(target, topical)``: a demand's addressee (:func:`~diplolib.events.sides.addressee`), a complaint's
    topic (:func:`topic_targets`), a discussion's party (:func:`discussed_topics`, which says which cues are
    ``topical``), no target past "according to" (:func:`attributed_targets`) nor inside the object's purpose
    (:func:`purpose_targets`) nor after a fronted adjunct's comma (:func:`~diplolib.events.fronted.fronted_objects`),
    none inside what was agreed (:func:`~diplolib.events.contents.agreed_contents`)."""
    tgt = fronted_objects(b, hits, phrases, tgt, direction, event, lang)  # "After the signing, the President"
    tgt = agreed_contents(b, hits, phrases, event, addressee(b, hits, phrases, event, direction, tgt, lang), lang)
    tgt, topical = discussed_topics(b, hits, phrases, topic_targets(b, hits, phrases, event, tgt, lang, party), lang,
                                    party)
    return purpose_targets(b, hits, phrases, attributed_targets(b, hits, phrases, tgt, lang)), topical
