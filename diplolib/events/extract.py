"""Directed events -- who did what to whom -- with the sentence behind each: :func:`extract_events`."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from .._tables import check_columns
from ..actors import ActorMatcher, tag_actors
from ..actors.matcher_cache import default_matcher
from ..normalize.matching import matching_form
from .attribution import regroup, reporting_actors, self_reports, speakers
from .clauses import FIRM, FORWARD, forward_marks
from .columns import as_strings, with_objects
from .cue_flags import flags
from .hits import ends_with, ends_with_any, may_have_sides, outside_actors, side_members
from .lexicon import NOT_AN_EVENT, CueLexicon, load_cues
from .locations import LOCATIVE, article_states, near_cues, not_parties
from .markers import adjacent
from .nesting import background, embedded, promised_threats
from .operative import author_hits
from .pairs import pairs as _pairs
from .roles import actor_phrases, assign
from .scan import batch, scan
from .sectors import domestic, organ_attacks, phrase_sectors, without_self_pairs
from .sides import addressee as _addressee
from .sides import attributive as _attributive
from .sides import clause_sides as _sides
from .sides import governed_source as _governed
from .sides import heavy_subject as _heavy_subject
from .sides import modal_and_places as _modal_and_places

__all__ = ["extract_events", "EVENT_COLUMNS", "empty_events", "role_states", "norm_phrases"]

EVENT_COLUMNS = ["event_id", "article_id", "sentence", "start", "end", "cue", "event", "mode", "source", "target",
                 "source_sector", "target_sector", "negated", "hypothetical", "reported", "embedded", "compound",
                 "discovered", "reason", "published"]
#: PLOVER's material event types (cooperation and conflict): deeds, not words.
_MATERIAL = ("COOPERATE", "AID", "RETREAT", "CONCEDE", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT",
             "FIGHT")
#: Participles that, glued by a hyphen to the word before ("Israeli-occupied"), name who holds a place.
_RELATION = frozenset({"occupied", "held", "controlled", "administered", "run", "dominated"})
_PARTICIPLES = ("ed", "en", "struck", "hit", "shot", "led", "held", "fought", "sent", "made")
_DTYPES = {"event_id": "string", "article_id": "string", "sentence": "int64", "start": "int64", "end": "int64",
           "cue": "string", "event": "string", "mode": "string", "source": "string", "target": "string",
           "source_sector": "string", "target_sector": "string",
           "negated": "bool", "hypothetical": "bool", "reported": "bool", "embedded": "bool", "compound": "bool",
           "discovered": "bool", "reason": "string"}


def empty_events() -> pd.DataFrame:
    """The events table with no rows, typed."""
    out = pd.DataFrame({c: pd.Series(dtype=t) for c, t in _DTYPES.items()})
    out["published"] = pd.Series(dtype="datetime64[ns, UTC]")
    return out[EVENT_COLUMNS]


def _lexicon(cues) -> CueLexicon:
    if cues is None:
        return load_cues()
    if isinstance(cues, CueLexicon):
        return cues
    if isinstance(cues, (str, Path)):
        return load_cues(cues)
    return load_cues(*cues)


def _reason(out: pd.DataFrame) -> pd.Series:
    reason = pd.Series("", index=out.index, dtype=object)
    reason[out["target"] == ""] = "no-target"
    reason[out["source"] == ""] = "no-source"
    unresolved = ((out["src_group"] >= 0) & (out["source"] == "")) | ((out["tgt_group"] >= 0) & (out["target"] == ""))
    reason[unresolved] = "unresolved"
    return reason


def _without_reporters(events: pd.DataFrame, reporters: frozenset) -> pd.DataFrame:
    """Agencies and monitors report deeds, they do not do them or suffer them: a reporting organisation is no
    side of a material event (:mod:`~diplolib.events.attribution`); a row left with no side is dropped."""
    material = events["event"].isin(_MATERIAL).to_numpy()
    out = events
    for side in ("source", "target"):
        gone = material & out[side].isin(reporters).to_numpy()
        if gone.any():
            out = out.copy() if out is events else out
            out.loc[gone, side] = ""
            if f"{side}_sector" in out.columns:
                out.loc[gone, f"{side}_sector"] = ""
    return out[(out["source"] != "") | (out["target"] != "")] if out is not events else out


def _batch_mentions(mentions: pd.DataFrame, ids: pd.Series, places: frozenset) -> pd.DataFrame:
    """The mentions of the batch's articles that are not places, with ``doc``, the article's position in it; only
    the columns that :func:`~diplolib.events.roles.actor_phrases` reads (the rows are taken from fewer arrays)."""
    mentions = mentions[[c for c in mentions.columns if c in ("article_id", "actor_id", "start", "end", "alias_kind",
                                                              "reason")]]
    index = pd.Index(ids.to_numpy())
    if not index.is_unique:  # the lookup below needs unique ids; the table-wide way says what is wrong
        pos = pd.Series(np.arange(len(ids)), index=ids.to_numpy())
        m = mentions[mentions["article_id"].isin(pos.index) & ~mentions["actor_id"].isin(places)]
        return m.assign(doc=m["article_id"].map(pos).to_numpy())
    doc = index.get_indexer(mentions["article_id"])
    keep = (doc >= 0) & ~mentions["actor_id"].isin(places).to_numpy()
    return mentions[keep].assign(doc=doc[keep])


def _city_mentions(mentions: pd.DataFrame, ids: pd.Series, cities: dict[str, str]) -> pd.DataFrame:
    """The mentions of the registry's places that lie in a state ("in Tehran", "in Aleppo"), as mentions of that
    state (``alias_kind`` ``city``): a place phrase, never a party, that stands for its state where no actor takes
    the role, as PLOVER codes it ("opened an embassy in Tehran": Iran the target; ``locations.place_sides``)."""
    m = _batch_mentions(mentions[mentions["actor_id"].isin(cities.keys())], ids, frozenset())
    return m.assign(actor_id=m["actor_id"].map(cities).to_numpy(dtype=object), alias_kind="city",
                    **({"reason": ""} if "reason" in m.columns else {}))


_CITY_LOCATIVE = {"en": LOCATIVE["en"], "fr": LOCATIVE["fr"] | {"à", "a"}, "ar": LOCATIVE["ar"]}
_SKIP = frozenset("the a la le les l' of de du des north south east west northern southern eastern western central "
                  "nord sud est ouest".split())


def _located(display: str, starts: np.ndarray, lang: str) -> np.ndarray:
    """Does a locative word ("in", "near", "à", "في"; an article or a compass word between) come before each
    city mention at ``starts``? Only such a city is a place phrase ("in Tehran"); one elsewhere ("south of Manbij",
    a dateline "Hama Syrian Army units …") stays out, as the registry's places always did."""
    words = _CITY_LOCATIVE.get(lang, frozenset())
    out = np.zeros(len(starts), dtype=bool)
    for k, s in enumerate(starts.tolist()):
        before = [w.strip(".,;:()\"'«»").lower() for w in display[max(0, s - 40):s].split()[-4:]]
        while len(before) > 1 and before[-1] in _SKIP:
            before.pop()
        out[k] = bool(before) and before[-1] in words
    return out


def _cue_columns(lexicon: CueLexicon) -> dict[str, np.ndarray]:
    """``event``, ``mode`` and ``direction`` of the lexicon's cue rows as arrays (built once per lexicon)."""
    return lexicon.cached(("columns",), lambda: {k: lexicon.cues[k].to_numpy() for k in ("event", "mode",
                                                                                         "direction")})


def _language_events(sub: pd.DataFrame, mentions: pd.DataFrame, lexicon: CueLexicon, lang: str, *, text: str,
                     speaker: pd.Series | None, places: frozenset, country: dict[str, str],
                     reporters: frozenset = frozenset(), author: pd.Series | None = None,
                     cities: dict[str, str] | None = None) -> pd.DataFrame:
    b = batch(sub[text].tolist())
    hits, marks = scan(b, lexicon, lang, {"forward": FORWARD.get(lang, ()), "firm": FIRM.get(lang, ())})
    if len(hits["start"]) == 0:
        return empty_events()
    m = _batch_mentions(mentions, sub["article_id"], places)
    city = _city_mentions(mentions, sub["article_id"], cities or {})
    city_at = (b.doc_base[city["doc"].to_numpy()] + city["start"].to_numpy()).astype(np.int64)
    located = _located(b.display, city_at, lang)
    city, city_at = city[located], np.sort(city_at[located])
    if len(city):
        m = pd.concat([m, city], ignore_index=True)
    real = (lexicon.cues["event"].to_numpy() != NOT_AN_EVENT)[hits["cue_row"]]  # false friends, matched to hide
    phrases = actor_phrases(b, m, country, np.sort(hits["start"][real]))
    hits = outside_actors({k: v[real] for k, v in hits.items()}, phrases)
    if lang == "en":  # "the occupied territories", "a wounded soldier": a participle after a determiner qualifies
        participle = np.flatnonzero(ends_with(b, hits["m_start"], hits["m_end"], "ed"))
        adjective = np.zeros(len(hits["start"]), dtype=bool)
        adjective[participle] = adjacent(b.spaced, hits["m_start"][participle].tolist(), [], "determiner", lang)
        # "the Israeli-occupied Golan", "rebel-held areas": glued by a hyphen, the participle names a standing
        # relation (who holds the place), not an event of this report
        glued = np.flatnonzero(~adjective)
        glued = glued[[b.display[s - 1:s] == "-" and b.match[a:z] in _RELATION
                       for s, a, z in zip(hits["start"][glued].tolist(), hits["m_start"][glued].tolist(),
                                          hits["m_end"][glued].tolist(), strict=True)]]
        adjective[glued] = True
        hits = {k: v[~adjective] for k, v in hits.items()}
    near = near_cues(phrases, hits["start"], hits["end"])  # the phrases that can take a side
    spk_doc = (speaker.astype(object).where(speaker.notna(), None).to_numpy(dtype=object) if speaker is not None
               else np.full(len(sub), None, dtype=object))
    speaking = np.array([isinstance(x, str) and x != "" for x in spk_doc.tolist()], dtype=bool)
    hits = {k: v[may_have_sides(b, hits, phrases, speaking)] for k, v in hits.items()}
    if len(hits["start"]) == 0:
        return empty_events()
    place, patron = not_parties(b, phrases, lang, near)
    place = place | np.isin(phrases["gstart"].to_numpy(), city_at)  # a city is a place wherever it stands
    own = self_reports(b, marks, lang)  # "said they will release": the speaker's own act
    phrases = phrases.assign(speaker=speakers(b, phrases, own),
                             reporter=phrases["actor"].isin(reporters).to_numpy(), place=place, patron=patron)
    phrases["group"] = regroup(phrases)
    cue_rows = {k: v[hits["cue_row"]] for k, v in _cue_columns(lexicon).items()}
    cue_rows["event"] = promised_threats(b.match, hits, cue_rows["event"], lang)
    material = np.isin(cue_rows["event"], _MATERIAL)
    before, after, after2 = assign(b, hits, phrases, own, material, lang, cue_rows["event"])
    fl = flags(b, hits, phrases, after, marks, lang)
    direction = cue_rows["direction"]
    doc = hits["doc"]
    spk, has_speaker = spk_doc[doc], speaking[doc]
    if lang == "en":  # "forces backed by Russia": a participle with its agent is passive without an auxiliary
        by = np.flatnonzero(fl["by"])
        fl["passive"] = fl["passive"].copy()
        fl["passive"][by] |= ends_with_any(b, hits["m_start"][by], hits["m_end"][by], _PARTICIPLES)
    src, tgt = _sides(direction, fl, before, after, after2, np.full(len(doc), lang == "ar") & ~has_speaker)
    tgt = _attributive(b, hits, phrases, before, after, tgt)
    src = _governed(b, hits, phrases, material, before, src, lang)
    fl["heavy"] = fl["heavy"] | _heavy_subject(b, hits, phrases, marks, before, src)
    tgt = _addressee(b, hits, phrases, cue_rows["event"], direction, tgt, lang)  # "called on all parties to …"
    src, tgt = _modal_and_places(b, hits, phrases, own, direction, fl, before, src, tgt, cue_rows["event"],
                                 forward_marks(b, lang, marks=marks))
    authored = author_hits(b, hits, phrases, lang)  # "Condemns …": the resolution's author, never the sentence's
    src = np.where(authored, -1, src)
    # a phrase's sector is read only where a row can show it: the members of the groups that take a side
    phrases = with_objects(phrases, sector=phrase_sectors(b.display, phrases, country, lang, np.intersect1d(
        near, side_members(phrases, src, tgt)), codes=b.codes))
    table = with_objects(pd.DataFrame({
        "doc": doc, "start": hits["start"] - b.doc_base[doc], "end": hits["end"] - b.doc_base[doc],
        "sentence": b.sent_index[np.maximum(hits["sentence"], 0)],
        "negated": fl["negated"], "hypothetical": fl["hypothetical"], "reported": fl["reported"],
        "embedded": embedded(hits["start"], hits["end"], hits["sentence"], cue_rows["event"], b.display)
        | background(b.spaced, b.match, hits["m_start"], hits["m_end"], np.minimum(b.match_offsets(
            b.sent_start[hits["sentence"]]), hits["m_start"]), hits["sentence"], lang),
        "src": src, "tgt": tgt, "has_speaker": has_speaker, "nominal": fl["nominal"],
    }), event=cue_rows["event"], mode=cue_rows["mode"], direction=direction, speaker=spk)
    table["speaker"] = table["speaker"].where(table["has_speaker"] & (table["src"] < 0), None)
    table["authored"] = authored
    if authored.any():
        auth = (author.astype(object).where(author.notna(), "").to_numpy(dtype=object) if author is not None
                else np.full(len(sub), "", dtype=object))[doc]
        table.loc[authored, "speaker"] = np.where(auth[authored] != "", auth[authored], None)
    heavy = fl["heavy"] & np.isin(table["event"].to_numpy(), ["ASSAULT", "COERCE"])
    table.loc[heavy, "event"] = "FIGHT"
    table.loc[heavy, "mode"] = "heavy-weapons"
    out = _pairs(table, phrases)
    if out.empty:
        return empty_events()
    where = (article_states(b, _batch_mentions(mentions, sub["article_id"], frozenset()), places, country, phrases)
             if organ_attacks(out).any() else None)  # "Russian warplanes struck": where the article is
    out = without_self_pairs(domestic(out, where))  # "Sudanese rebels shelled Juba": within the state
    out = _without_reporters(out, reporters)
    out["reason"] = _reason(out)
    out.loc[out["authored"].to_numpy(dtype=bool) & (out["source"] == "").to_numpy(), "reason"] = "unnamed-author"
    out.loc[(out["source"] == out["target"]) & (out["source"] != ""), "reason"] = "self"
    return _finish(out, sub, b)


def _finish(out: pd.DataFrame, sub: pd.DataFrame, b) -> pd.DataFrame:
    """The event rows of one language with their article, cue text, id and date, in text order."""
    aid = sub["article_id"].to_numpy()[out["doc"].to_numpy()]
    disp = b.display
    base = b.doc_base[out["doc"].to_numpy()]
    out = with_objects(out, cue=[disp[s:e] for s, e in zip((out["start"] + base).tolist(),
                                                           (out["end"] + base).tolist(), strict=True)],
                       article_id=aid, event_id=[f"{a}:{s}" for a, s in zip(aid, out["start"].tolist(), strict=True)])
    out["mode"] = out["mode"].replace("", pd.NA)
    out["discovered"] = False  # set by extract_events from the mentions
    out["published"] = (sub["published"].to_numpy()[out["doc"].to_numpy()] if "published" in sub.columns
                        else pd.NaT)
    return out.sort_values(["doc", "start"], kind="stable")[EVENT_COLUMNS]


def extract_events(
    articles: pd.DataFrame,
    mentions: pd.DataFrame | None = None,
    *,
    cues: CueLexicon | str | Path | list | None = None,
    registry=None,
    text: str = "text",
    lang: str | None = None,
    speaker: str | None = None,
    author: str | None = None,
    reasons: bool = False,
) -> pd.DataFrame:
    """Directed events in the articles: one row per (event, source actor, target actor).

    Parameters
    ----------
    articles : DataFrame
        Needs ``article_id`` and ``text``; ``lang`` picks the cue lexicon of each article (or pass ``lang=``),
        ``published`` is copied onto the events.
    mentions : DataFrame, optional
        The mentions of these articles from :func:`~diplolib.actors.tag_actors` (``article_id``, ``actor_id``,
        ``start``, ``end``; ``alias_kind`` and ``reason`` when present). Tagged here (with ``registry``) when
        omitted.
    cues : CueLexicon, path or list of paths, optional
        The cue lexicon: :func:`~diplolib.events.load_cues` (default), or the user's cue files added to it.
    registry : Registry or ActorMatcher, optional
        The actor registry (the built-in one by default): its places ("in Geneva") are not actors, and it tags
        the actors when ``mentions`` is omitted.
    text : str
        Column holding the text to read (``"title"`` reads the titles; the mentions must then be the titles').
    lang : str, optional
        Language of every article, when ``articles`` has no ``lang`` column.
    speaker : str, optional
        Column of ``articles`` holding an actor id that is the source of a cue with no actor before it (the
        issuer of a readout: "Telephone conversation with …" on the Kremlin's site is the Russian president's).
    author : str, optional
        Column of ``articles`` holding the actor id of the document's author (a resolution's adopting body:
        :func:`~diplolib.events.un_authors` reads it from UN symbols), the source of the verbs of its operative
        and preambular paragraphs, whose subject is never written ("Condemns …", "Décide …", "يدين …";
        :mod:`~diplolib.events.operative`). Without it, or where it is empty, such a verb has no source and
        ``reason`` ``unnamed-author``.
    reasons : bool
        Also give one row for each article without events, saying why in ``reason``: ``no-text``,
        ``language`` (no cue lexicon for it), ``no-actors``, ``no-cue``.

    Returns
    -------
    DataFrame
        The events table, in text order (see the README, "Events"): ``event_id`` (``article_id:start``,
        shared by the rows of one cue), ``article_id``, ``sentence``, ``start``, ``end`` (the cue's display
        offsets), ``cue``, ``event`` (PLOVER type), ``mode``, ``source``, ``target`` (actor ids, ``""`` when
        the text names none), ``negated``, ``hypothetical``, ``reported``, ``compound``, ``discovered``
        (the source or the target is an actor the registry lacks: a ``discovered`` mention of
        :func:`~diplolib.actors.discover_actors` or a readout's counterpart), ``reason``
        (``""``, ``no-source``, ``no-target``, ``unresolved``, ``self``: source and target are the same
        actor, a domestic event; ``unnamed-author``: the verb of a resolution's paragraph whose author was not
        given) and ``published``. A cue with no actor in its clause gives no row. A role
        phrase whose holder the registry does not know on the date ("British Defence Secretary" in 1990)
        stands for its state. An attack or killing whose clause names heavy weapons (aircraft, tanks,
        artillery, missiles, shelling, air strikes) is FIGHT with mode ``heavy-weapons``, as PLOVER codes it.
    """
    check_columns(articles, ["article_id", text], func="extract_events", name="articles",
                  fix="pass the articles table from load_articles()")
    if lang is None and "lang" not in articles.columns:
        raise ValueError("extract_events: articles has no 'lang' column; pass lang='en', 'fr' or 'ar'.")
    if speaker is not None:
        check_columns(articles, [speaker], func="extract_events", name="articles",
                      fix="name a column of actor ids with speaker=, or leave it out")
    if author is not None:
        check_columns(articles, [author], func="extract_events", name="articles",
                      fix="name a column of actor ids with author= (events.un_authors() for UN documents), or leave "
                          "it out")
    lexicon = _lexicon(cues)
    if registry is None:
        registry = default_matcher()
    reg = registry.registry if isinstance(registry, ActorMatcher) else registry
    places = frozenset(reg.actors.loc[reg.actors["kind"] == "place", "actor_id"])
    in_state = (reg.actors["kind"] == "place") & reg.actors["country"].fillna("").isin(reg.actors["actor_id"])
    cities = dict(zip(reg.actors.loc[in_state, "actor_id"], reg.actors.loc[in_state, "country"], strict=True))
    country = dict(zip(reg.actors["actor_id"], reg.actors["country"].fillna(""), strict=True))
    if mentions is None:
        mentions = tag_actors(articles, registry=registry, text=text)
    check_columns(mentions, ["article_id", "actor_id", "start", "end"], func="extract_events", name="mentions",
                  fix="pass the mentions table from tag_actors() on the same articles and text column")
    mentions = role_states(mentions, reg)
    langs = pd.Series(lang, index=articles.index) if lang is not None else articles["lang"]
    parts = [empty_events()]
    for code, sub in articles.groupby(langs.fillna(""), sort=True):
        if code in lexicon.languages:
            parts.append(_language_events(sub, mentions, lexicon, code, text=text,
                                          speaker=sub[speaker] if speaker else None, places=places,
                                          country=country, reporters=reporting_actors(reg.actors),
                                          author=sub[author] if author else None, cities=cities))
    out = pd.concat([p for p in parts if len(p) or p is parts[0]], ignore_index=True)
    if reasons:
        out = pd.concat([out, _article_reasons(articles, out, mentions, langs, lexicon, text)], ignore_index=True)
    if "discovered" in mentions.columns:  # an actor the registry lacks (discover_actors, a readout's counterpart)
        found = mentions.loc[mentions["discovered"].fillna(False).astype(bool), "actor_id"].dropna().unique()
        out["discovered"] = out["source"].isin(found) | out["target"].isin(found)
    order = pd.Series(np.arange(len(articles)), index=articles["article_id"].to_numpy())
    out = out.iloc[np.lexsort((out["start"].fillna(-1).to_numpy(), out["article_id"].map(order).to_numpy()))]
    return _typed(out.reset_index(drop=True))


_OFFICES: dict[int, tuple[object, dict[str, str]]] = {}  # registry -> role phrase -> its state (built once)


def role_states(mentions: pd.DataFrame, registry) -> pd.DataFrame:
    """Mentions with an unresolved role phrase ("British Defence Secretary" in 1990) standing for its state (a new
    table; the others unchanged)."""
    if "alias_kind" not in mentions.columns or "surface" not in mentions.columns:
        return mentions
    key = id(registry)  # the table of offices is built once per registry and process, at its first use
    if key not in _OFFICES or _OFFICES[key][0] is not registry:
        rp = registry.role_phrases
        rp = rp[rp["of"].fillna("") != ""]
        _OFFICES[key] = (registry, dict(zip(norm_phrases(rp["phrase"].tolist()), rp["of"], strict=True)))
    office = _OFFICES[key][1]
    unresolved = mentions["actor_id"].isna() & (mentions["alias_kind"] == "role_phrase")
    if not unresolved.any():
        return mentions
    surfaces = mentions.loc[unresolved, "surface"]
    uniq = surfaces.unique().tolist()  # a few hundred distinct phrases among thousands of mentions
    norm = dict(zip(uniq, norm_phrases(uniq), strict=True))
    state = surfaces.map(norm).map(office)
    out = mentions.copy()
    out.loc[state.index, "actor_id"] = state
    return out


def _norm(phrase: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", matching_form(phrase)).split())


_NOT_WORD = re.compile(r"(?:[^\w\n]|_)+")


def norm_phrases(phrases: list[str]) -> list[str]:
    """``_norm`` of each phrase (its matching form, words joined by one space), computed on all of them joined by
    line breaks at once: the matching form of the joined text is the forms joined (a line break folds to itself
    and ends every word and elision), and a line break is never inside a run of other non-word characters. The
    17,978 role phrases of the registry take one call instead of one each."""
    if not phrases or any("\n" in p for p in phrases):
        return [_norm(p) for p in phrases]
    lines = _NOT_WORD.sub(" ", matching_form("\n".join(phrases))).split("\n")
    return [" ".join(x.split()) for x in lines]


def _typed(out: pd.DataFrame) -> pd.DataFrame:
    out = out.astype({k: v for k, v in _DTYPES.items() if k not in ("sentence", "start", "end") and v != "string"})
    for col in (k for k, v in _DTYPES.items() if v == "string"):
        out[col] = as_strings(out[col])
    for col in ("sentence", "start", "end"):
        out[col] = out[col].astype("Int64") if out[col].isna().any() else out[col].astype("int64")
    out["published"] = pd.to_datetime(out["published"], utc=True, errors="coerce") if len(out) else out["published"]
    return out


def _article_reasons(articles, events, mentions, langs, lexicon, text) -> pd.DataFrame:
    """One row per article without events, with the reason."""
    rest = articles[~articles["article_id"].isin(events["article_id"])]
    body = rest[text]
    reason = pd.Series("no-cue", index=rest.index, dtype=object)
    reason[~rest["article_id"].isin(mentions.dropna(subset=["actor_id"])["article_id"])] = "no-actors"
    reason[~langs.loc[rest.index].isin(lexicon.languages)] = "language"
    reason[~body.map(lambda s: isinstance(s, str) and bool(s.strip()))] = "no-text"
    out = pd.DataFrame({"article_id": rest["article_id"].to_numpy(), "reason": reason.to_numpy()})
    for col in EVENT_COLUMNS:
        if col not in out.columns:
            out[col] = pd.NA
    for col in ("negated", "hypothetical", "reported", "embedded", "compound", "discovered"):
        out[col] = False
    out["published"] = rest["published"].to_numpy() if "published" in rest.columns else pd.NaT
    return out[EVENT_COLUMNS]
