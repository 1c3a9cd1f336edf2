"""Compute every table of every sample corpus, store them, and compare two such dumps exactly.

    .venv/bin/python benchmarks/compare_tables.py dump DIR [--only JOB ...] [--list]
    .venv/bin/python benchmarks/compare_tables.py compare DIR_A DIR_B

``dump`` runs the library end to end on the sample corpora (read from the raw files, no cache) and writes each
table as a pickle (exact dtypes, values and ``attrs``) under ``DIR/<job>/<table>.pkl``: the raw records, articles
and load errors of every corpus, its actor mentions and theme hits, co-mention edges (every window, by outlet and
by period), actor counts, theme prevalence and the theme × actor cross-tabulation, keyness tables, topic-model
tables, the Dask path's tables, and the CSV of every registered figure. ``compare`` checks two dumps table by
table with ``pandas.testing.assert_frame_equal(check_exact=True)`` plus ``attrs``; it reports each table as
identical, identical after one of the ALLOWED changes below (each named with its reason), or different.

The calls are written in the table grammar of ``diplolib._tables`` (primary table first, the others by keyword);
:func:`call` translates the parameters issue 13 renamed, so the same script dumps the code before the redesign
(``git worktree add /tmp/main-check <commit>``, then run this file from there) and after it.

The "fa-kes-damascus" job loads FA-KES with ``tz="Asia/Damascus"``: its dates are midnight in Damascus, 21:00 or
22:00 UTC the day before, so it shows the one time-zone rule (periods cut in the stored time zone, not in UTC).
"""

from __future__ import annotations

import argparse
import inspect
import json
import pickle
import sys
import tempfile
import time
import traceback
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

CORPORA = ("sana-fr", "fa-kes", "wikinews-fr", "kremlin-en", "wh-readouts", "re3d", "sib200", "ungdc")
DATED = ("sana-fr", "fa-kes", "wikinews-fr", "kremlin-en", "wh-readouts")
#: Parameters renamed by issue 13: new name -> old name (the old name is tried when a function lacks the new).
RENAMED = {"period": "freq", "theme_hits": ("themes", "hits")}


# ---------------------------------------------------------------------------------------------- calling
def call(fn: Callable, *args, **kwargs):
    """``fn(*args, **kwargs)``, with a renamed keyword translated back to its old name on older code."""
    params = inspect.signature(fn).parameters
    takes_any = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())
    for new, olds in RENAMED.items():
        if new in kwargs and new not in params:
            old = next((o for o in ((olds,) if isinstance(olds, str) else olds) if o in params), None)
            if old is not None:
                kwargs[old] = kwargs.pop(new)
            elif not takes_any:
                raise TypeError(f"{fn.__name__} takes neither {new!r} nor {olds!r}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return fn(*args, **kwargs)


def _single_thread():
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1)


# ---------------------------------------------------------------------------------------------- the jobs
def _load(name: str, **options):
    from diplolib import datasets

    return datasets.load(name, cache=False, **options)


def _raw_records(name: str, **options):
    """The readers' raw records of a catalogue corpus (before normalisation)."""
    try:  # after issue 13: the recipes live beside the catalogue
        from diplolib.datasets import read_corpus
    except ImportError:
        from diplolib.readers.corpora import read_corpus
    return read_corpus(name, **options)


def _options(name: str) -> dict:
    return {"published": "2016-02-10"} if name == "sana-fr" else {}


def job_corpus(name: str, *, tz: str | None = None) -> dict[str, pd.DataFrame]:
    """Loading and annotating one corpus, and the analyses every corpus gets."""
    from diplolib import actors, comention, describe_corpus, segment, themes

    opts = _options(name) | ({"tz": tz} if tz else {})
    records, raw_errors = _raw_records(name, **{k: v for k, v in opts.items() if k != "published"})
    articles, errors = _load(name, **opts)
    registry = actors.load_registry()
    mentions = actors.tag_actors(articles, registry=registry)
    hits = themes.tag_themes(articles)
    out = {"records": records, "record_errors": raw_errors, "articles": articles, "errors": errors,
           "describe": describe_corpus(articles, errors), "mentions": mentions, "theme_hits": hits,
           "sentences": segment.sentences(articles)}
    out["actor_counts"] = call(actors.actor_counts, mentions, articles=articles, by="source",
                               actors=registry.actors)
    out["theme_prevalence"] = call(themes.theme_prevalence, hits, articles=articles, by="source")
    out["theme_prevalence_sentence_parent"] = call(themes.theme_prevalence, hits, articles=articles, by="lang",
                                                   unit="sentence", level="parent")
    out["theme_scores"] = call(themes.theme_scores, hits, articles=articles)
    out["crosstab"] = call(themes.theme_actor_crosstab, hits, mentions=mentions, articles=articles)
    joined = mentions.merge(articles[["article_id", "source", "published"]], on="article_id")
    for window in ("sentence", "paragraph", "article"):
        out[f"edges_{window}"] = comention.co_mentions(joined, window=window)
    out["edges_by_source"] = comention.co_mentions(joined, window="sentence", by="source", min_count=2)
    if name in DATED:
        out |= _periods(articles, mentions, hits, registry)
    if tz is not None:  # topics over time cut in the stored time zone too
        from diplolib import topics

        with _single_thread():
            model = topics.fit_topics(articles, n_topics=5)
        out["topics_over_time_M"] = call(topics.topics_over_time, model, period="M")
    return out


def _periods(articles, mentions, hits, registry) -> dict[str, pd.DataFrame]:
    """Every analysis that groups by period (the one period rule of the table grammar)."""
    from diplolib import actors, comention, themes

    joined = mentions.merge(articles[["article_id", "source", "published"]], on="article_id")
    out = {}
    for period in ("Y", "Q", "M"):
        out[f"actor_counts_{period}"] = call(actors.actor_counts, mentions, articles=articles, by=None,
                                             period=period, actors=registry.actors)
        out[f"edges_{period}"] = comention.co_mentions(joined, window="sentence", period=period)
        out[f"theme_prevalence_{period}"] = call(themes.theme_prevalence, hits, articles=articles, by="source",
                                                 period=period)
    out["theme_prevalence_W"] = call(themes.theme_prevalence, hits, articles=articles, by=None, period="W")
    return out


def job_fakes_extras() -> dict[str, pd.DataFrame]:
    """FA-KES: keyness, keyword in context, significance, graphs, evidence, change over time."""
    from diplolib import actors, comention, themes

    articles, _ = _load("fa-kes")
    registry = actors.load_registry()
    mentions = actors.tag_actors(articles, registry=registry)
    hits = themes.tag_themes(articles)
    sana = articles.assign(outlet=articles["source"].where(articles["source"] == "sana", "other outlets"))
    words = themes.word_counts(sana, by="outlet")
    theme_counts = call(themes.theme_counts, hits, articles=sana, by="outlet")
    theme_articles = call(themes.theme_counts, hits, articles=sana, by="outlet", unit="article", level="parent")
    around = call(themes.actor_sentences, sana, mentions=mentions, actor="place:aleppo")
    out = {
        "word_counts": words, "theme_counts": theme_counts, "theme_counts_articles": theme_articles,
        "keyness_words": themes.keyness(words, by="outlet", a="sana", min_count=5),
        "keyness_themes": themes.keyness(theme_counts, by="outlet", a="sana", b="other outlets", min_count=2),
        "keyness_uniform": themes.keyness(words, by="outlet", a="sana", prior="uniform"),
        "actor_sentences": around,
        "keyness_around": themes.keyness(themes.word_counts(around, by="outlet"), by="outlet", a="sana",
                                         min_count=3),
        "compare_words": call(themes.compare, sana, by="outlet", a="sana", features="words", min_count=5),
        "compare_themes_actor": call(themes.compare, sana, by="outlet", a="sana", features="themes",
                                     theme_hits=hits, actor="RUS", mentions=mentions, min_count=1),
        "kwic": themes.kwic(articles, "ceasefire", window=70),
        "kwic_regex": themes.kwic(articles, r"truce|ceasefire", regex=True, window=30),
    }
    joined = mentions.merge(articles[["article_id", "source", "published"]], on="article_id")
    edges = comention.co_mentions(joined, window="sentence", min_count=5)
    strong = comention.significant(edges, alpha=0.01, method="holm")
    out["significant_holm"] = strong
    out["significant_fdr"] = comention.significant(edges, alpha=0.05, method="fdr_bh", min_npmi=0.1)
    out["edges_kinds"] = comention.co_mentions(joined, window="sentence", kinds=["state", "person"],
                                               actors=registry.actors)
    graph = comention.to_graph(strong, weight="npmi")
    out["communities"] = comention.communities(graph)
    out["communities_greedy"] = comention.communities(graph, method="greedy")
    out["centrality"] = comention.centrality(graph)
    yearly = comention.co_mentions(joined, window="sentence", period="Y")
    out["edge_change"] = comention.edge_change(yearly, before="2016", after="2017", min_count=3)
    out["edge_change_n"] = comention.edge_change(yearly, before="2015", after="2016", measure="n", top=10)
    out["evidence"] = call(comention.evidence, strong.head(3), mentions=mentions, articles=articles, n=4)
    out["evidence_article"] = call(comention.evidence, ("RUS", "SYR"), mentions=mentions, articles=articles,
                                   window="article", n=3)
    out["crosstab_paragraph_by"] = call(themes.theme_actor_crosstab, hits, mentions=mentions, articles=articles,
                                        window="paragraph", by="source", level="parent")
    out["crosstab_annotations"] = call(themes.theme_actor_crosstab, hits, mentions=mentions, same_words=True)
    return out


def job_topics() -> dict[str, pd.DataFrame]:
    """Topic models: FA-KES with actor tokens, transform, trends, maps, k selection; sib200 and wikinews-fr."""
    from diplolib import actors, themes, topics

    articles, _ = _load("fa-kes")
    registry = actors.load_registry()
    mentions = actors.tag_actors(articles, registry=registry)
    out: dict[str, pd.DataFrame] = {}
    with _single_thread():
        model = topics.fit_topics(articles, n_topics=10, mentions=mentions, actor_labels=registry.actors)
        out |= _model_tables("fakes", model)
        out["fakes_transform"] = call(model.transform, articles.head(50), mentions=mentions)
        out["fakes_by_source"] = topics.topics_by(model, model.meta["source"], name="source", n_terms=6)
        out["fakes_over_time_Q"] = call(topics.topics_over_time, model, period="Q")
        out["fakes_over_time_Y_source"] = call(topics.topics_over_time, model, period="Y", by="source")
        out["fakes_map_svd"] = topics.topic_map(model, method="svd")
        out["fakes_select_k"] = topics.select_k(articles, ks=[6, 8], seeds=(0, 1), mentions=mentions)
        out["fakes_documents"] = call(topics.documents, articles, mentions=mentions)
        sib, _ = _load("sib200")
        both = sib[sib["lang"].isin(["en", "fr"])].reset_index(drop=True)
        hits = themes.tag_themes(both)
        joint = call(topics.fit_topics, both, n_topics=7, mentions=actors.tag_actors(both), theme_hits=hits)
        out |= _model_tables("sib200_joint", joint)
        wn, _ = _load("wikinews-fr")
        for method in ("lda", "minibatch-nmf"):
            out |= _model_tables(f"wikinews_{method}", topics.fit_topics(wn, n_topics=5, method=method))
    return out


def _model_tables(prefix: str, model) -> dict[str, pd.DataFrame]:
    def table(name):
        value = getattr(model, name + "_", None)
        return value if value is not None else getattr(model, name)

    out = {f"{prefix}_{name}": table(name) for name in ("doc_topics", "topic_terms", "labels", "clusters",
                                                         "representatives")}
    out[f"{prefix}_coherence"] = model.coherence(10)
    return out


def job_evaluation() -> dict[str, pd.DataFrame]:
    """Checks against people: theme precision, wikinews-fr keyphrases, re3d actor scores; the catalogue."""
    from diplolib import actors, datasets, themes
    from diplolib.actors.evaluate import read_re3d, score_mentions

    repo = Path(__file__).resolve().parents[1]
    sample = pd.read_csv(repo / "tests" / "data" / "theme_precision.csv", dtype={"article_id": "string"})
    wn, _ = _load("wikinews-fr")
    docs, gold = read_re3d(datasets.path("re3d"))
    out = {
        "precision_theme": themes.precision(sample),
        "precision_corpus": themes.precision(sample, by="corpus"),
        "keyphrase_agreement": call(themes.keyphrase_agreement, themes.tag_themes(wn), articles=wn),
        "re3d_scores": pd.concat([score_mentions(docs, gold, typed=True), score_mentions(docs, gold, typed=False)]),
        "catalogue": datasets.available().drop(columns="fetched"),
        "suggest_actors": actors.suggest_actors(docs.assign(lang="en"), method="rules"),
    }
    for name in CORPORA:
        out[f"inventory_{name}"] = datasets.inventory(name)
    return out


def job_store() -> dict[str, pd.DataFrame]:
    """The corpus store: FA-KES articles and mentions written in two chunks and read back."""
    from diplolib import actors, store

    articles, _ = _load("fa-kes")
    mentions = actors.tag_actors(articles)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "fa-kes"
        half = len(articles) // 2
        for chunk, part in enumerate((articles.iloc[:half], articles.iloc[half:])):
            store.write_table(part, "articles", store=folder, chunk=chunk)
            store.write_table(mentions[mentions["article_id"].isin(part["article_id"])], "mentions", store=folder,
                              chunk=chunk, articles=part)
        return {"articles": store.read_table("articles", store=folder),
                "mentions": store.read_table("mentions", store=folder),
                "sana_2016": store.read_table("articles", store=folder, columns=["article_id", "title"],
                                              filters=[("source", "==", "sana"), ("year", ">=", 2016)])}


def job_dask() -> dict[str, pd.DataFrame]:
    """The Dask path on a two-worker local cluster: wikinews-fr pages and the FA-KES CSV."""
    from diplolib import datasets
    from diplolib.parallel import run_pipeline

    out = {}
    wn = datasets.path("wikinews-fr")
    result = run_pipeline(wn / "documents", root=wn, format="html", source="wikinews", lang="fr",
                          steps=("actors", "themes", "edges"), by="source", partition_size="100kB")
    try:
        out["wikinews_articles"] = result.articles.compute().reset_index(drop=True)
        out["wikinews_errors"] = result.errors
        out["wikinews_mentions"] = result.mentions.compute().reset_index(drop=True)
        hits = getattr(result, "theme_hits", None)
        out["wikinews_theme_hits"] = (hits if hits is not None else result.hits).compute().reset_index(drop=True)
        out["wikinews_edges"] = result.edges
        fk = datasets.path("fa-kes")
        again = run_pipeline(fk / "FA-KES-Dataset.csv", root=fk, preset="fa-kes", client=result.client,
                             steps=("actors", "edges"), period="Y", partition_size="1MB")
        out["fakes_articles"] = again.articles.compute().reset_index(drop=True)
        out["fakes_edges_Y"] = again.edges
    finally:
        result.close()
    return out


def job_load_articles() -> dict[str, pd.DataFrame]:
    """``load_articles`` on the raw files of the multi-file corpora (the recipes' readers and options, without their
    extra columns), chunks of 500 records where the code takes the records a chunk of files at a time."""
    import diplolib.load as load_mod
    from diplolib import datasets
    from diplolib.load import load_articles

    if hasattr(load_mod, "CHUNK_RECORDS"):
        load_mod.CHUNK_RECORDS = 500
    cases = {
        "fa-kes": ("FA-KES-Dataset.csv", {"preset": "fa-kes"}),
        "wikinews-fr": ("documents", {"format": "html", "source": "wikinews", "lang": "fr"}),
        "kremlin-en": ("var", {"format": "html", "source": "kremlin", "lang": "en", "encoding_errors": "replace",
                               "include": "*.html"}),
        "wh-readouts": ("", {"format": "markdown", "include": "*/*.md", "source": "whitehouse", "lang": "en"}),
        "re3d": ("", {"format": "jsonl", "include": "*/documents.json", "lang": "en"}),
        "sib200": ("", {"preset": "sib200", "format": "csv", "source": "sib200",
                        "include": ["fra_Latn/*.tsv", "arb_Arab/*.tsv", "eng_Latn/*.tsv"]}),
        "ungdc": ("TXT", {"format": "filename", "include": "*.txt", "source": "ungdc", "lang": "en"}),
        "sana-fr": ("", {"format": "page", "include": "*.txt", "source": "sana", "lang": "fr",
                         "published": "2016-02-10"}),
    }
    out = {}
    for name, (sub, options) in cases.items():
        root = datasets.path(name)
        articles, errors = load_articles(root / sub if sub else root, **options)
        out[f"{name}_articles"], out[f"{name}_errors"] = articles, errors
    return out


def job_figures() -> dict[str, pd.DataFrame]:
    """The CSV of every registered figure (the PNGs are compared by eye, not here)."""
    from diplolib import figures

    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        built = figures.build(out=Path(tmp))
        for row in built.itertuples():
            out[row.name] = pd.read_csv(row.csv, dtype=str, keep_default_na=False)
    return out


JOBS: dict[str, Callable[[], dict[str, pd.DataFrame]]] = {
    **{name: (lambda n=name: job_corpus(n)) for name in CORPORA},
    "fa-kes-damascus": lambda: job_corpus("fa-kes", tz="Asia/Damascus"),
    "fakes-extras": job_fakes_extras,
    "topics": job_topics,
    "evaluation": job_evaluation,
    "store": job_store,
    "dask": job_dask,
    "load-articles": job_load_articles,
    "figures": job_figures,
}


def dump(folder: Path, only: list[str] | None = None) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    names = only or list(JOBS)
    failed = 0
    for name in names:
        start = time.process_time()
        target = folder / name
        target.mkdir(exist_ok=True)
        try:
            tables = JOBS[name]()
        except Exception:  # keep going: a failed job is reported and compares as different
            (target / "FAILED.txt").write_text(traceback.format_exc(), "utf-8")
            print(f"{name}: FAILED (see {target / 'FAILED.txt'})", flush=True)
            failed += 1
            continue
        (target / "FAILED.txt").unlink(missing_ok=True)
        for table, frame in tables.items():
            with open(target / f"{table}.pkl", "wb") as handle:
                pickle.dump(frame, handle, protocol=pickle.HIGHEST_PROTOCOL)
        print(f"{name}: {len(tables)} tables, {time.process_time() - start:.0f} s CPU", flush=True)
    return 1 if failed else 0


# ---------------------------------------------------------------------------------------------- comparing
def _period_labels(frame: pd.DataFrame, code: str | None) -> pd.DataFrame:
    """A ``period`` column of start timestamps (the old themes and topics tables, also as text in a figure's CSV)
    as the grammar's labels; any period column as the ``string`` dtype."""
    from diplolib._tables import period_of

    if "period" not in frame.columns:
        return frame
    col = frame["period"]
    if (code is not None and not pd.api.types.is_datetime64_any_dtype(col)
            and col.dropna().astype(str).str.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d[+-]\d\d:\d\d").all()):
        col = pd.to_datetime(col, format="ISO8601", utc=True)  # timestamps written as text (a figure's CSV)
    if code is not None and pd.api.types.is_datetime64_any_dtype(col):
        col = period_of(col, code)
    return frame.assign(period=col.astype("string"))


#: The period of the figures whose CSV has a period column.
FIGURE_PERIODS = {"fakes_theme_timeline": "Q", "wh_readouts_theme_timeline": "Q", "fakes_actors_over_time": "Q",
                  "fakes_sources_by_month": "M"}


def _code_of(table: str, frame: pd.DataFrame) -> str | None:
    code = frame.attrs.get("period") or FIGURE_PERIODS.get(table)
    if code:
        return code
    for c in ("_Y", "_Q", "_M", "_W", "_D"):
        if f"{c}_" in table + "_" or table.endswith(c):
            return c[1]
    return None


#: The changes issue 13 asks for: (which tables, what changed and why, normaliser of the old and new tables).
ALLOWED: list[tuple[Callable[[str, str, pd.DataFrame], bool], str, Callable]] = [
    (lambda job, table, frame: "period" in frame.columns,
     "period: one dtype (pandas' period label as a `string`) in every table; theme prevalence and topics over "
     "time gave period-start Timestamps, co-mentions object strings",
     lambda table, old, new: (_period_labels(old, _code_of(table, old)), _period_labels(new, _code_of(table, new)))),
]
#: Tables whose values may change, with the reason (shown when they differ; never counted as identical).
EXPECTED_CHANGES = {
    ("fa-kes-damascus", "actor_counts_Y"): "one time-zone rule: actor counts cut periods in UTC, now in the "
                                           "stored time zone like co-mentions and theme prevalence",
    ("fa-kes-damascus", "actor_counts_Q"): "same (time-zone rule)",
    ("fa-kes-damascus", "actor_counts_M"): "same (time-zone rule)",
    ("fa-kes-damascus", "topics_over_time_M"): "same (time-zone rule): topics over time cut periods in UTC",
    ("figures", "fakes_keyness_around_aleppo"): "the mislabelled figure: it drew the sentences naming Russia "
                                                 "(actor='RUS'); it now draws those naming Aleppo",
}


def _same(old: pd.DataFrame, new: pd.DataFrame) -> str | None:
    if type(old) is not type(new):
        return f"types differ: {type(old).__name__} vs {type(new).__name__}"
    if not isinstance(old, pd.DataFrame):
        return None if old == new else "values differ"
    try:
        pd.testing.assert_frame_equal(old, new, check_exact=True)
    except AssertionError as exc:
        return " ".join(str(exc).split())[:600]
    if _attrs(old) != _attrs(new):
        return f"attrs differ: {_attrs(old)} vs {_attrs(new)}"
    return None


def _attrs(frame: pd.DataFrame) -> str:
    return json.dumps(frame.attrs, sort_keys=True, default=str)


def compare(a: Path, b: Path) -> int:
    """Compare dump ``a`` (before) with dump ``b`` (after); exit status 1 if a table differs unexpectedly."""
    counts = {"identical": 0, "allowed": 0, "expected change": 0, "DIFFERENT": 0}
    used_rules: dict[str, list[str]] = {}
    for job_dir in sorted(p for p in a.iterdir() if p.is_dir()):
        job = job_dir.name
        other = b / job
        for path in sorted(job_dir.glob("*.pkl")):
            table = path.stem
            target = other / path.name
            if not target.is_file():
                print(f"DIFFERENT  {job}/{table}: missing from {b}")
                counts["DIFFERENT"] += 1
                continue
            old, new = (pickle.loads(p.read_bytes()) for p in (path, target))
            problem = _same(old, new)
            if problem is None:
                counts["identical"] += 1
                continue
            for applies, reason, normalise in ALLOWED:
                if isinstance(old, pd.DataFrame) and applies(job, table, old):
                    if _same(*normalise(table, old.copy(), new.copy())) is None:
                        counts["allowed"] += 1
                        used_rules.setdefault(reason, []).append(f"{job}/{table}")
                        break
            else:
                why = EXPECTED_CHANGES.get((job, table))
                if why:
                    counts["expected change"] += 1
                    print(f"expected   {job}/{table}: {why}\n           {problem[:300]}")
                else:
                    counts["DIFFERENT"] += 1
                    print(f"DIFFERENT  {job}/{table}: {problem}")
        for path in sorted(other.glob("*.pkl")) if other.is_dir() else []:
            if not (job_dir / path.name).is_file():
                print(f"new        {job}/{path.stem} (not in {a})")
        if (job_dir / "FAILED.txt").is_file() or (other / "FAILED.txt").is_file():
            counts["DIFFERENT"] += 1
            print(f"DIFFERENT  {job}: a dump of this job failed")
    for reason, tables in used_rules.items():
        print(f"allowed    {len(tables)} table(s): {reason}\n           {', '.join(tables)}")
    print(" · ".join(f"{k}: {v}" for k, v in counts.items()))
    return 1 if counts["DIFFERENT"] else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump", help="compute and store every table")
    d.add_argument("folder", type=Path)
    d.add_argument("--only", nargs="*", choices=list(JOBS), help="run these jobs only")
    c = sub.add_parser("compare", help="compare two dumps exactly")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    np.seterr(all="ignore")
    if args.command == "dump":
        return dump(args.folder, args.only)
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
