"""Turning articles into a document-term matrix, one language at a time.

Each article becomes a list of tokens built from its title and text:

* actor mentions (rows of the ``mentions`` table) are replaced by one token per actor,
  ``@`` + the ``actor_id`` (``@syr``, ``@per:sergey_lavrov``), so "Lavrov", "Sergueï Lavrov" and
  "le chef de la diplomatie russe" are one feature in every language;
* theme hits (rows of ``theme_hits``) add one ``#theme`` token per hit (the cue words stay);
* the rest is split into tokens by :func:`diplolib.tokens.tokenize` (lower-cased, Arabic diacritics and
  tatweel removed, numbers, one-letter words and the stop words of the article's language dropped, optionally
  lemmatised with simplemma) and joined into n-grams. Pass ``keep_words=KEEP_WORDS`` (or your own set) to keep
  meaningful words of the aggressive English stop-word list as features (:data:`diplolib.tokens.KEEP_WORDS`).

:class:`TopicVectorizer` is a scikit-learn transformer: ``fit`` learns the vocabulary and idf
weights, ``transform`` returns a sparse matrix, so it sits in a ``Pipeline`` in front of NMF/LDA.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Literal

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from .._tables import check_columns, legacy_arguments
from ..tokens import fold, stop_words_for, tokenize
from .arabic import arabic_tokens, display_forms, known_words
from .weighting import frequent_in_a_language, idf_table, is_shared, weigh

__all__ = ["TopicVectorizer", "actor_token", "documents"]


def actor_token(actor_id: str, *, prefix: str = "@") -> str:
    """The feature token of an actor or theme id: ``"per:Sergey Lavrov"`` → ``"@per:sergey_lavrov"``."""
    ident = re.sub(r"[^\w:.\-]+", "_", str(actor_id).strip().lower()).strip("_")
    if not ident:
        raise ValueError(f"actor_token: id {actor_id!r} is empty once normalised; give a non-empty id.")
    return prefix + ident


def _identity(tokens):
    return tokens


def _missing(value) -> bool:
    """True for None, NaN, pd.NA and blank strings (unresolved mentions, untagged theme rows)."""
    if value is None or value is pd.NA:
        return True
    if isinstance(value, float) and value != value:
        return True
    return isinstance(value, str) and not value.strip()


def _substitute(text: str, spans: list[tuple[int, int, str]]) -> str:
    """Replace ``(start, end, token)`` spans of ``text`` (overlaps: the earlier, longer one wins)."""
    parts, pos = [], 0
    for start, end, token in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if start < pos or start < 0 or end > len(text) or end <= start:
            continue
        parts.append(text[pos:start])
        parts.append(f" {token} ")
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


@legacy_arguments(renamed={"themes": "theme_hits"})
def documents(
    articles: pd.DataFrame,
    *,
    mentions: pd.DataFrame | None = None,
    theme_hits: pd.DataFrame | None = None,
    title: bool = True,
) -> pd.DataFrame:
    """One document string per article, with actor and theme tokens in place.

    Parameters
    ----------
    articles : DataFrame
        The articles table: ``article_id``, ``lang``, ``text`` and optionally ``title``.
    mentions : DataFrame, optional
        ``article_id``, ``actor_id``, ``start``, ``end`` (offsets into ``text``), e.g. from
        :func:`diplolib.actors.tag_actors`: each span is replaced by :func:`actor_token` of its
        actor. Unresolved mentions (empty ``actor_id``: ambiguous, no date, no holder) keep
        their words.
    theme_hits : DataFrame, optional
        ``article_id``, ``theme``, e.g. from :func:`diplolib.themes.tag_themes`: one ``#theme``
        token per hit is appended to the document (the cue words stay). Rows with an empty
        ``theme`` (articles not tagged) are ignored.
    title : bool
        Put the title in front of the text.

    Returns
    -------
    DataFrame
        ``article_id``, ``lang``, ``doc`` in the order of ``articles``.
    """
    check_columns(articles, ["article_id", "lang", "text"], func="documents", name="articles",
                  fix="build it with diplolib's loaders")
    if articles["article_id"].duplicated().any():
        dup = articles.loc[articles["article_id"].duplicated(), "article_id"].iloc[0]
        raise ValueError(
            f"documents: article_id {dup!r} occurs more than once; article ids must be "
            "unique (e.g. use the row number)."
        )
    texts = articles["text"].fillna("").astype(str).tolist()
    ids = articles["article_id"].tolist()
    spans: dict[object, list[tuple[int, int, str]]] = {}
    if mentions is not None and len(mentions):
        check_columns(mentions, ["article_id", "actor_id", "start", "end"], func="documents", name="mentions",
                      fix="pass the output of tag_actors()")
        for aid, act, s, e in zip(
            mentions["article_id"], mentions["actor_id"], mentions["start"], mentions["end"], strict=False
        ):
            if _missing(act) or _missing(s) or _missing(e):  # unresolved mention (ambiguous, no-date, ...)
                continue
            spans.setdefault(aid, []).append((int(s), int(e), actor_token(act)))
    extra: dict[object, list[str]] = {}
    if theme_hits is not None and len(theme_hits):
        check_columns(theme_hits, ["article_id", "theme"], func="documents", name="theme_hits",
                      fix="pass the output of tag_themes()")
        for aid, th in zip(theme_hits["article_id"], theme_hits["theme"], strict=False):
            if _missing(th):  # a "not tagged" row of tag_themes (language without cues, no text)
                continue
            extra.setdefault(aid, []).append(actor_token(th, prefix="#"))
    titles = (
        articles["title"].fillna("").astype(str).tolist()
        if title and "title" in articles.columns
        else [""] * len(articles)
    )
    docs = []
    for aid, text, head in zip(ids, texts, titles, strict=False):
        body = _substitute(text, spans.get(aid, []))
        docs.append(" ".join(p for p in (head, body, " ".join(extra.get(aid, []))) if p))
    return pd.DataFrame({"article_id": ids, "lang": articles["lang"].astype(str).tolist(), "doc": docs})


class TopicVectorizer(TransformerMixin, BaseEstimator):
    """TF-IDF (or counts) over per-language tokens, n-grams and actor/theme tokens.

    ``X`` is a DataFrame with ``doc`` and ``lang`` columns (as from :func:`documents`) or a
    sequence of strings (all in ``lang``).

    Parameters
    ----------
    lang : str
        Language of ``X`` when it is a plain sequence of strings.
    lemmatize : bool
        Lemmatise words with simplemma (default True: +0.04–0.08 NMI on sib200); Arabic words are
        light-stemmed instead (:mod:`diplolib.topics.arabic`: the article and the clitics before it go,
        meanings never change), and ``display_forms_`` maps each folded stem to its written form (hamza kept).
    ngram_range : tuple of int
        Word n-grams, e.g. ``(1, 2)``; n-grams never cross an actor token.
    min_df, max_df, max_features :
        As in :class:`~sklearn.feature_extraction.text.TfidfVectorizer`; ``min_df`` is lowered
        automatically for tiny corpora (fewer than 20 documents).
    weighting : {"tfidf", "count"}
        ``"count"`` for LDA.
    unknown_lang : {"error", "none"}
        A language without a stop-word list: raise (default) or vectorise without stop words.
    extra_stop_words : iterable of str, optional
        More words to drop, in every language.
    keep_words : iterable of str, optional
        Words of the stop-word lists to keep as features (e.g. :data:`diplolib.tokens.KEEP_WORDS`).
    shared_weight : float
        Weight of the language-independent ``@actor`` / ``#theme`` columns against the words (1 = as
        TF-IDF gives them). Raising it pulls the translations of one story into one topic: on the UNPC
        documents in three languages, ``shared_weight=4, max_df=0.1, procedural=True`` took the share of
        documents whose versions share their main topic from 0.14 to 0.66 (dev documents, where it was tuned)
        and from 0.14 to 0.73 (test documents; ``benchmarks/bench_topics_unpc.py``).
    procedural : bool
        Drop the calendar and meeting-procedure words of :data:`diplolib.topics.procedural.PROCEDURAL`
        (weekdays, months, "agenda", "ordre du jour", "جلسة" …): they name when and where a text was
        issued, not what it is about.

    With several languages, the document frequencies of words are also counted within each language
    (:mod:`diplolib.topics.weighting`): a word in more than ``max_df`` of the articles of its own language is
    dropped however rare it is in the whole corpus, and its idf is that of its language; the actor and theme
    tokens keep their corpus-wide idf and are never dropped by this rule. With one language it is plain TF-IDF.

    Attributes
    ----------
    vectorizer_ : TfidfVectorizer
    vocabulary_ : dict
    feature_names_ : ndarray of str
    """

    def __init__(
        self,
        *,
        lang: str = "en",
        lemmatize: bool = True,
        ngram_range: tuple[int, int] = (1, 1),
        min_df: int | float = 2,
        max_df: int | float = 0.3,
        max_features: int | None = None,
        weighting: Literal["tfidf", "count"] = "tfidf",
        sublinear_tf: bool = False,
        unknown_lang: Literal["error", "none"] = "error",
        extra_stop_words: Iterable[str] | None = None,
        keep_words: Iterable[str] | None = None,
        shared_weight: float = 1.0,
        procedural: bool = False,
    ):
        self.lang = lang
        self.lemmatize = lemmatize
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.max_df = max_df
        self.max_features = max_features
        self.weighting = weighting
        self.sublinear_tf = sublinear_tf
        self.unknown_lang = unknown_lang
        self.extra_stop_words = extra_stop_words
        self.keep_words = keep_words
        self.shared_weight = shared_weight
        self.procedural = procedural

    def _token_lists(self, X) -> list[list[str]]:
        return list(self._iter_tokens(X))

    def _iter_tokens(self, X, fitting: bool = False):
        """An iterator of one token list per document: the corpus's tokens are never all held at once."""
        if isinstance(X, pd.DataFrame):
            if "doc" not in X.columns:
                raise ValueError("TopicVectorizer: X must have a 'doc' column (see topics.documents).")
            docs = X["doc"].fillna("").astype(str).tolist()
            langs = X["lang"].astype(str).tolist() if "lang" in X.columns else [self.lang] * len(docs)
        elif isinstance(X, str):
            raise TypeError("TopicVectorizer: X must be a sequence of documents, not one string.")
        else:
            docs = ["" if d is None else str(d) for d in X]
            langs = [self.lang] * len(docs)
        extra = {fold(w, "en") for w in (self.extra_stop_words or ())}
        keep = {fold(w, "en") for w in (self.keep_words or ())}
        stops = {lg: (stop_words_for(lg, missing=self.unknown_lang) | extra | self._procedural(lg)) - keep
                 for lg in dict.fromkeys(langs)}
        if fitting:  # Arabic stems: the corpus's words decide which prefixes go (topics/arabic.py)
            arabic = [d for d, lg in zip(docs, langs, strict=False) if lg == "ar"]
            self.arabic_known_ = known_words(arabic) if arabic and self.lemmatize else None
            self._forms = Counter()
        return self._generate(docs, langs, stops, self._forms if fitting else None)  # tokenising runs lazily

    def _generate(self, docs: list[str], langs: list[str], stops: dict[str, frozenset[str]], forms=None):
        lo, hi = self.ngram_range
        known = getattr(self, "arabic_known_", None)
        for doc, lg in zip(docs, langs, strict=False):
            if lg == "ar" and self.lemmatize:
                toks = arabic_tokens(doc, stops[lg], known, forms)
            else:
                toks = tokenize(doc, lg, stop_words=stops[lg], lemmatize=self.lemmatize)
            if hi <= 1:
                yield toks
                continue
            grams = list(toks) if lo <= 1 else []
            words = [t if t[0] not in "@#" else None for t in toks]
            for n in range(max(lo, 2), hi + 1):
                grams += [" ".join(words[i : i + n]) for i in range(len(words) - n + 1) if None not in words[i : i + n]]
            yield grams

    def fit(self, X, y=None):
        self.fit_transform(X)
        return self

    def fit_transform(self, X, y=None):
        if isinstance(X, str):
            raise TypeError("TopicVectorizer: X must be a sequence of documents, not one string.")
        n = len(X)
        lists = self._iter_tokens(X, fitting=True)
        if n == 0:
            raise ValueError("TopicVectorizer: no documents to vectorise; pass at least one article.")
        min_df = self.min_df if not (isinstance(self.min_df, int) and n < 20) else 1
        max_df = self.max_df if n >= 20 else 1.0
        if not (isinstance(self.shared_weight, (int, float)) and self.shared_weight > 0):
            raise ValueError(f"TopicVectorizer: shared_weight={self.shared_weight!r}; give a positive number "
                             "(1 weighs actor and theme tokens like words).")
        self.vectorizer_ = TfidfVectorizer(
            analyzer=_identity,
            min_df=min_df,
            max_df=max_df,
            max_features=self.max_features,
            use_idf=False,  # idf counted here, within each language (topics/weighting.py)
            norm=None,
            sublinear_tf=self.sublinear_tf,
            dtype=np.float64,
        )
        try:
            counts = self.vectorizer_.fit_transform(lists)
        except ValueError as err:
            raise ValueError(
                f"TopicVectorizer: the vocabulary is empty after filtering ({err}). The texts may be "
                "empty, all stop words, or too few for min_df/max_df: check the 'text' column, lower "
                "min_df or raise max_df."
            ) from None
        names = self.vectorizer_.get_feature_names_out()
        shared, langs = is_shared(names), self._langs(X)
        keep = ~frequent_in_a_language(counts, langs, max_df) | shared
        if not keep.any():
            raise ValueError("TopicVectorizer: every word is in more than max_df of its language's articles; "
                             "raise max_df.")
        self.columns_ = np.flatnonzero(keep)
        self.column_weights_ = np.where(shared[keep], float(self.shared_weight), 1.0)
        self.feature_names_ = names[keep]
        self.vocabulary_ = {t: i for i, t in enumerate(self.feature_names_)}
        self.n_features_out_ = len(self.feature_names_)
        counts = sparse.csr_matrix(counts)[:, self.columns_]
        self.idf_ = idf_table(counts, langs, shared[keep]) if self.weighting == "tfidf" else None
        self.display_forms_ = display_forms(self._forms)
        del self._forms
        return self._finish(counts, langs)

    def _finish(self, counts, langs):
        """Kept columns in, each row's language idf and the shared weight applied, rows L2-normalised (TF-IDF)."""
        X = weigh(counts, langs, self.idf_, self.column_weights_)
        return normalize(X) if self.weighting == "tfidf" else X

    def _langs(self, X) -> np.ndarray:
        if isinstance(X, pd.DataFrame) and "lang" in X.columns:
            return X["lang"].astype(str).to_numpy()
        return np.full(len(X), self.lang, dtype=object)

    def _procedural(self, lang: str) -> frozenset[str]:
        if not self.procedural:
            return frozenset()
        from .procedural import procedural_words

        return procedural_words(lang)

    def transform(self, X):
        if not hasattr(self, "vectorizer_"):
            raise ValueError("TopicVectorizer: call fit before transform.")
        counts = sparse.csr_matrix(self.vectorizer_.transform(self._iter_tokens(X)))[:, self.columns_]
        return self._finish(counts, self._langs(X))

    def get_feature_names_out(self, input_features=None):
        return np.asarray(self.feature_names_, dtype=object)
