"""Who the parties of a two-sided (``mutual``) cue are when its partners are coordinated after it.

A mutual cue pairs the members of its one compound side with each other ("Jordan and Britain *agreed*", "Russia,
France and Germany *held talks*": every ordered pair). Where the partners follow the cue, the last word of the cue
says whose they are:

- **between** ("talks *between* X and Y", "the accord *between* X and Y", "négociations *entre*", "محادثات *بين*"):
  X and Y are the two sides, whoever stands before the cue ("Kenya said the accord between Sudan and Uganda …",
  "Russia closed its borders … because of fighting between Azerbaijanis and Armenians"): the source before is
  dropped and the pairs are formed within the coordinated group;
- **with** ("signed *with* X and Y", "talks *with* X and Y", "avec", "مع"): X and Y are the partners of one
  party, never each other's; the word may also follow the cue ("*talks* with X and Y"). With no party named before
  the cue the rows go from the speaker, or nobody, to each
  of them, and X and Y are not paired.

- **a coordinated subject** ("Vladimir Putin and Mohammed Morsi *discussed* bilateral cooperation", "President
  Biden and President Macron *agreed* their teams will stay in close touch, including in consultation with NATO
  Allies"): the members of a compound source are the two sides of a mutual cue, or of a verb of talk that takes
  its partners as its subject (:data:`RECIPROCAL`: "discussed", "negotiated", "ont discuté"), and an actor
  further on is no party: it stands in the content or the topic. A partner named by "with" stays the target: within
  :data:`WITH_REACH` words after a mutual cue ("X and Y held talks in Moscow with Z", "met with Z"), or wherever a
  verb of talk's "with" stands (:func:`~diplolib.events.complements.discussed_topics`). Not for a compound that a
  preposition or a relative word governs (:data:`GOVERNORS`: "the friendship between the United States and
  Canada, and discussed …", "calls to his French and Turkish counterparts to discuss …").

- **between, further on** ("Talks were held at the Kremlin *between* Vladimir Putin and Emmanuel Macron", "des
  négociations ont eu lieu à Genève *entre* …"): a "between" within :data:`BETWEEN_REACH` characters after a mutual
  cue, in its sentence, that a coordinated group follows names the two sides as if it ended the cue (the place
  before it, "at the Kremlin", is where, not who).

- **a bilateral topic with no party before** ("The two leaders will discuss the further development of
  *Russian-Qatari* trade", seed 2039): where a talk names no source and its target is one of a hyphen pair, the
  other of the pair is the source (the two who talked are the topic's two sides); with a source named ("The
  Prime Minister and President Hollande discussed UK-France co-operation") nothing changes.

Read on the matched text of the mutual hits only (few), after the sides are assigned.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

__all__ = ["BETWEEN", "BETWEEN_REACH", "GOVERNORS", "RECIPROCAL", "WITH", "WITH_REACH", "between_further",
           "compound_subjects", "coordinated_partners", "hyphen_partners", "partner_sides"]

#: Last words of a cue after which the coordinated actors are the two sides.
BETWEEN = frozenset({"between", "entre", "بين"})
#: Last words of a cue after which the coordinated actors are one party's partners.
WITH = frozenset({"with", "avec", "مع", "ومع"})
#: Verbs of talk (a cue's last word, matching form) whose coordinated subject holds both parties.
RECIPROCAL = frozenset({"discussed", "discuss", "discusses", "discussing", "negotiated", "negotiate", "negotiates",
                        "consulted", "discute", "discuteront", "negocie", "negocient"})
#: How far after a mutual cue a "between" of its parties may stand ("were held at the Kremlin between").
BETWEEN_REACH = 60
_HYPHENS = "-\u2010\u2011\u2013"
_BETWEEN_WORD = re.compile(r"(?<!\w)(?:between|entre|بين)(?!\w)", re.IGNORECASE)
#: Words before a compound that make it no subject: it is governed ("between the United States and Canada",
#: "calls to his French and Turkish counterparts", "of which Britain and France are members").
GOVERNORS = BETWEEN | WITH | frozenset({"of", "to", "for", "by", "from", "in", "at", "on", "among", "which", "whose",
                                        "de", "du", "des", "a", "au", "aux", "par", "pour", "dont", "que"})
#: Determiners passed over before a compound ("between *the* United States …", "to *his* … counterparts").
_DETERMINERS = frozenset({"the", "his", "her", "their", "its", "our", "le", "la", "les", "l", "ses", "leurs"})
#: How many words after a mutual cue a partner's "with" may stand ("held talks *in Moscow with* Z").
WITH_REACH = 4


def _linking_words(match: str, m_start: np.ndarray, m_end: np.ndarray) -> list[str]:
    """The cue's last word, or the word right after it when that is one of :data:`BETWEEN` or :data:`WITH`
    ("*talks* with X and Y", "*talks* between X and Y")."""
    out = []
    for a, z in zip(m_start.tolist(), m_end.tolist(), strict=True):
        after = match[z:z + 12].split()
        nxt = after[0] if after and match[z:z + 1].isspace() else ""
        out.append(nxt if nxt in BETWEEN or nxt in WITH else (match[a:z].split() or [""])[-1])
    return out


def coordinated_partners(match: str, hits: dict[str, np.ndarray], phrases: pd.DataFrame, direction: np.ndarray,
                         src: np.ndarray, tgt: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(src, direction)`` with the rules of the module applied; new arrays, the inputs are not modified.

    ``match`` is the batch's matching form, ``hits`` carries ``m_start``/``m_end`` (the cue in it), ``src`` and
    ``tgt`` are phrase indexes (``-1``: none) and ``phrases`` has the compound ``group`` of each phrase."""
    mutual = np.flatnonzero(direction == "mutual")
    if len(mutual) == 0 or phrases.empty:
        return src, direction
    group = phrases["group"].to_numpy(np.int64)
    size = np.bincount(group)
    t = tgt[mutual]
    coordinated = np.zeros(len(mutual), dtype=bool)
    coordinated[t >= 0] = size[group[t[t >= 0]]] >= 2
    mutual, t = mutual[coordinated], t[coordinated]
    if len(mutual) == 0:
        return src, direction
    last = np.array(_linking_words(match, hits["m_start"][mutual], hits["m_end"][mutual]), dtype=object)
    src, direction = src.copy(), direction.copy()
    between = mutual[np.isin(last, list(BETWEEN))]
    src[between] = -1
    partners = mutual[np.isin(last, list(WITH)) & (src[mutual] < 0)]
    direction[partners] = "active"
    return src, direction


def compound_subjects(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, direction: np.ndarray, src: np.ndarray,
                      tgt: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(direction, tgt)`` with a coordinated subject's members as the two sides (module rules): such a hit is
    ``mutual`` with no target. ``b`` is the batch, ``hits`` carries ``m_start``/``m_end``; new arrays."""
    if phrases.empty or len(src) == 0:
        return direction, tgt
    group = phrases["group"].to_numpy(np.int64)
    size, first = np.bincount(group), np.searchsorted(group, np.arange(group.max() + 1))
    cand = np.flatnonzero((src >= 0) & np.isin(direction, ["mutual", "active"]))
    cand = cand[size[group[src[cand]]] >= 2]
    if len(cand) == 0:
        return direction, tgt
    match, m_start, m_end = b.match, hits["m_start"], hits["m_end"]
    lead = b.match_offsets(phrases["gstart"].to_numpy()[first[group[src[cand]]]])
    sent = hits["sentence"][cand]  # the words read stay in the hit's sentence (and article)
    s_lo, s_hi = b.match_offsets(b.sent_start[sent]), b.match_offsets(b.sent_end[sent])
    ok = []
    for i, g, lo, hi in zip(cand.tolist(), lead.tolist(), s_lo.tolist(), s_hi.tolist(), strict=True):
        words = (match[m_start[i]:m_end[i]].split() or [""])
        if direction[i] == "active" and words[-1] not in RECIPROCAL:
            ok.append(False)
            continue
        before = [w for w in match[max(g - 30, lo, 0):g].split()[-3:] if w not in _DETERMINERS] or [""]
        governed = before[-1] in GOVERNORS
        after = match[m_end[i]:min(m_end[i] + 60, hi)].split()[:WITH_REACH]
        partner = words[-1] in WITH or words[-1] in BETWEEN or (direction[i] == "mutual" and bool(WITH & set(after)))
        ok.append(not governed and not partner and not (direction[i] == "active" and tgt[i] >= 0))
    pick = cand[np.array(ok, dtype=bool)]
    direction, tgt = direction.copy(), tgt.copy()
    direction[pick], tgt[pick] = "mutual", -1
    return direction, tgt


def partner_sides(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, direction: np.ndarray, src: np.ndarray,
                  tgt: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(src, tgt, direction)`` after both rules of the module: the coordinated partners after the cue
    (:func:`coordinated_partners`), then a coordinated subject (:func:`compound_subjects`), then a bilateral topic
    (:func:`hyphen_partners`). New arrays."""
    src, tgt = between_further(b, hits, phrases, direction, src, tgt)
    src, direction = coordinated_partners(b.match, hits, phrases, direction, src, tgt)
    direction, tgt = compound_subjects(b, hits, phrases, direction, src, tgt)
    return hyphen_partners(b, hits, phrases, direction, src, tgt), tgt, direction


def hyphen_partners(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, direction: np.ndarray, src: np.ndarray,
                    tgt: np.ndarray) -> np.ndarray:
    """``src`` with the other of a hyphen pair as the source of a talk that names none and takes one of the pair
    as its target (module rules). A new array."""
    cand = np.flatnonzero((src < 0) & (tgt >= 0) & np.isin(direction, ["mutual", "active"]))
    if len(cand) == 0 or phrases.empty:
        return src
    ps, pe, disp, out = phrases["gstart"].to_numpy(), phrases["gend"].to_numpy(), b.display, src.copy()
    for i in cand.tolist():
        words = b.match[hits["m_start"][i]:hits["m_end"][i]].split() or [""]
        if direction[i] == "active" and words[-1] not in RECIPROCAL:
            continue
        t = int(tgt[i])
        if t + 1 < len(ps) and ps[t + 1] - pe[t] == 1 and disp[pe[t]] in _HYPHENS:
            out[i] = t + 1  # "Russian-*Qatari*": the other one after
        elif t > 0 and ps[t] - pe[t - 1] == 1 and disp[pe[t - 1]] in _HYPHENS:
            out[i] = t - 1
    return out


def between_further(b, hits: dict[str, np.ndarray], phrases: pd.DataFrame, direction: np.ndarray, src: np.ndarray,
                    tgt: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(src, tgt)``: a mutual cue's parties after a "between" further on in its sentence (module rules): the
    first member of the coordinated group as the target, no source (:func:`coordinated_partners` then pairs them).
    Read only for the mutual hits; new arrays."""
    mutual = np.flatnonzero(direction == "mutual")
    if len(mutual) == 0 or phrases.empty:
        return src, tgt
    group = phrases["group"].to_numpy(np.int64)
    size, ps = np.bincount(group), phrases["gstart"].to_numpy()
    src, tgt, disp = src.copy(), tgt.copy(), b.display
    for i in mutual.tolist():
        e = int(hits["end"][i])
        stop = min(int(b.sent_end[hits["sentence"][i]]), e + BETWEEN_REACH)
        m = _BETWEEN_WORD.search(disp, e, stop)
        if m is None or m.start() == e + 1:  # "talks between": the cue's own word (coordinated_partners)
            continue
        k = int(np.searchsorted(ps, m.end()))
        if k < len(ps) and ps[k] - m.end() <= 25 and size[group[k]] >= 2:
            src[i], tgt[i] = -1, k
    return src, tgt
