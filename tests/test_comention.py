"""Tests of diplolib.comention (edges, measures, evidence, graphs, change) and diplolib.plots.network."""

from __future__ import annotations

import itertools
import re
from collections import Counter

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from scipy.stats import chi2_contingency, false_discovery_control  # noqa: E402

from diplolib import paths  # noqa: E402
from diplolib.comention import (  # noqa: E402
    centrality,
    co_mentions,
    communities,
    edge_change,
    evidence,
    export_graph,
    significant,
    to_graph,
)
from diplolib.comention.edges import edge_columns  # noqa: E402
from diplolib.comention.sentences import window_span  # noqa: E402
from diplolib.plots import (  # noqa: E402
    plot_comention_heatmap,
    plot_ego_network,
    plot_network,
    plot_pair_timeline,
)
from diplolib.stats import adjust_pvalues  # noqa: E402

KINDS = ["person", "state", "organisation", "armed_group", "place"]


def random_mentions(
    seed: int, n_articles: int = 60, n_actors: int = 12, per_article: int = 8
) -> pd.DataFrame:
    """Synthetic mentions: Zipf-ish actors, repeated mentions, NA actor ids, several outlets and years."""
    rng = np.random.default_rng(seed)
    rows = []
    p = 1.0 / np.arange(1, n_actors + 1)
    p /= p.sum()
    for k in range(n_articles):
        art = f"a{k:03d}"
        source = ["sana", "reuters", "tass"][k % 3]
        published = pd.Timestamp("2015-01-01", tz="UTC") + pd.Timedelta(days=int(rng.integers(0, 3 * 365)))
        for m in range(int(rng.integers(0, per_article + 1))):
            actor = f"actor{int(rng.choice(n_actors, p=p)):02d}"
            if rng.random() < 0.1:
                actor = None
            sentence = int(rng.integers(0, 4))
            rows.append(
                {
                    "article_id": art,
                    "actor_id": actor,
                    "start": 100 * sentence + m,
                    "end": 100 * sentence + m + 3,
                    "surface": str(actor),
                    "sentence": sentence,
                    "paragraph": sentence // 2,
                    "method": "alias",
                    "source": source,
                    "lang": ["en", "fr"][k % 2],
                    "published": published,
                }
            )
    df = pd.DataFrame(rows)
    kind_of = {f"actor{i:02d}": KINDS[i % len(KINDS)] for i in range(n_actors)}
    df["kind"] = df["actor_id"].map(kind_of)
    return df


def brute_force(m: pd.DataFrame, window: str, by=()) -> dict:
    """(group..., a, b) -> (n, n_a, n_b, n_windows, first, last) with itertools.combinations per window."""
    m = m[m["actor_id"].notna()]
    keys = list(by) + ["article_id"] + ([window] if window != "article" else [])
    windows = {}
    for key, part in m.groupby(keys, sort=True):
        windows[key] = (set(part["actor_id"]), part["published"].min() if "published" in part else None)
    out, per_group = {}, {}
    for key, (actors, date) in windows.items():
        g = tuple(key[: len(by)])
        total, single, pairs = per_group.setdefault(g, [0, Counter(), {}])
        per_group[g][0] += 1
        single.update(actors)
        for a, b in itertools.combinations(sorted(actors), 2):
            pairs.setdefault((a, b), []).append(date)
    for g, (total, single, pairs) in per_group.items():
        for (a, b), dates in pairs.items():
            span = (min(dates), max(dates)) if dates[0] is not None else (None, None)
            out[(*g, a, b)] = (len(dates), single[a], single[b], total, *span)
    return out


def as_dict(edges: pd.DataFrame, by=()) -> dict:
    cols = list(by) + ["actor_a", "actor_b"]
    return {
        tuple(r[c] for c in cols): (r["n"], r["n_a"], r["n_b"], r["n_windows"], r["first"], r["last"])
        for r in edges.to_dict("records")
    }


# ---------------------------------------------------------------- exact counts


@pytest.mark.parametrize("window", ["sentence", "paragraph", "article"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_counts_equal_brute_force(window, seed):
    m = random_mentions(seed)
    edges = co_mentions(m, window=window)
    assert as_dict(edges) == brute_force(m, window)
    assert list(edges.columns) == edge_columns()


@pytest.mark.parametrize("by", [["source"], ["source", "lang"], ["lang"]])
def test_counts_by_group_equal_brute_force(by):
    m = random_mentions(3)
    edges = co_mentions(m, window="sentence", by=by)
    assert list(edges.columns) == edge_columns(by)
    assert as_dict(edges, by) == brute_force(m, "sentence", by)


def test_period_groups_equal_brute_force():
    m = random_mentions(4)
    edges = co_mentions(m, window="article", by="source", period="Y")
    m2 = m.assign(period=m["published"].dt.year.astype(str))
    assert as_dict(edges, ["source", "period"]) == brute_force(m2, "article", ["source", "period"])
    assert set(edges["period"]) <= {"2015", "2016", "2017"}
    q = co_mentions(m, window="article", period="Q")
    assert q["period"].str.fullmatch(r"\d{4}Q[1-4]").all()


@pytest.mark.parametrize("source", ["sana", "reuters", "tass"])
def test_by_groups_are_independent(source):
    m = random_mentions(5)
    grouped = co_mentions(m, by="source")
    part = grouped[grouped["source"] == source].drop(columns="source").reset_index(drop=True)
    alone = co_mentions(m[m["source"] == source])
    pd.testing.assert_frame_equal(part, alone)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 5), st.integers(0, 3), st.sampled_from(["x", "y", "z", "w", None])),
        max_size=60,
    )
)
def test_counts_property(rows):
    m = pd.DataFrame(rows, columns=["article_id", "sentence", "actor_id"])
    m["article_id"] = "art" + m["article_id"].astype(str)
    edges = co_mentions(m, window="sentence")
    got = {k: v[:4] for k, v in as_dict(edges).items()}
    want = {k: v[:4] for k, v in brute_force(m, "sentence").items()}
    assert got == want


@pytest.mark.parametrize("seed", [0, 6])
def test_measure_properties(seed):
    e = co_mentions(random_mentions(seed, n_articles=120), window="paragraph", by="source")
    assert len(e) > 20
    assert (e["actor_a"] < e["actor_b"]).all()
    assert (e["n"] <= np.minimum(e["n_a"], e["n_b"])).all()
    assert (np.maximum(e["n_a"], e["n_b"]) <= e["n_windows"]).all()
    assert e["npmi"].between(-1, 1).all()
    assert (e["g2"] >= 0).all()
    assert e["p_value"].between(0, 1).all()
    assert e["jaccard"].between(0, 1, inclusive="right").all()
    np.testing.assert_allclose(e["lift"], 2 ** e["pmi"])


def test_measures_match_formulas_and_scipy():
    e = co_mentions(random_mentions(7, n_articles=150), window="article")
    for r in e.head(25).to_dict("records"):
        n, a, b, N = r["n"], r["n_a"], r["n_b"], r["n_windows"]
        assert r["pmi"] == pytest.approx(np.log2(n * N / (a * b)))
        if n < N:
            assert r["npmi"] == pytest.approx(np.log2(n * N / (a * b)) / -np.log2(n / N))
        table = np.array([[n, a - n], [b - n, N - a - b + n]])
        if (table.sum(axis=0) > 0).all() and (table.sum(axis=1) > 0).all():
            g2, p, _, _ = chi2_contingency(table, correction=False, lambda_="log-likelihood")
            assert r["g2"] == pytest.approx(g2, abs=1e-9)
            assert r["p_value"] == pytest.approx(p, abs=1e-12)
        assert r["jaccard"] == pytest.approx(n / (a + b - n))


def test_perfect_pair_has_npmi_one():
    m = pd.DataFrame(
        {
            "article_id": ["1", "1", "2", "2", "3"],
            "actor_id": ["a", "b", "a", "b", "c"],
            "sentence": [0, 0, 0, 0, 0],
        }
    )
    e = co_mentions(m).set_index(["actor_a", "actor_b"])
    assert e.loc[("a", "b"), "npmi"] == pytest.approx(1.0)
    assert e.loc[("a", "b"), "n"] == 2 and e.loc[("a", "b"), "n_windows"] == 3
    assert len(e) == 1  # pairs that never co-occur are absent


def test_first_last_and_dates_dtype():
    m = random_mentions(8)
    e = co_mentions(m, window="sentence")
    assert str(e["first"].dtype).startswith("datetime64") and e["first"].dt.tz is not None
    assert (e["first"] <= e["last"]).all()
    naive = co_mentions(
        m.assign(published=m["published"].dt.tz_convert("Asia/Damascus").dt.tz_localize(None))
    )
    assert naive["first"].dt.tz is None
    pd.testing.assert_series_equal(
        naive["first"].dt.tz_localize("Asia/Damascus").dt.tz_convert("UTC"), e["first"], check_dtype=False
    )
    undated = co_mentions(m.assign(published=None))
    assert undated["first"].isna().all() and len(undated) == len(e)
    no_dates = co_mentions(m.drop(columns="published"))
    assert no_dates["first"].isna().all() and len(no_dates) == len(e)


@pytest.mark.parametrize("block_max, chunk, lookup", [(2, 5, 0), (3, 1, 2**25), (24, 4_000_000, 0)])
def test_first_last_code_paths(monkeypatch, block_max, chunk, lookup):
    """Small blocks and tiny chunks force the pair-by-pair expansion of first/last."""
    import diplolib.comention.dates as counts_mod

    monkeypatch.setattr(counts_mod, "_BLOCK_MAX", block_max)
    monkeypatch.setattr(counts_mod, "_PAIR_CHUNK", chunk)
    monkeypatch.setattr(counts_mod, "_LOOKUP_MAX", lookup)
    m = random_mentions(21, per_article=14)
    for window, by in (("article", ()), ("sentence", ("source",))):
        assert as_dict(co_mentions(m, window=window, by=list(by)), by) == brute_force(m, window, by)


def test_min_count_kinds_and_actor_table():
    m = random_mentions(9)
    full = co_mentions(m)
    assert (co_mentions(m, min_count=3)["n"] >= 3).all()
    pd.testing.assert_frame_equal(co_mentions(m, min_count=3), full[full["n"] >= 3].reset_index(drop=True))
    states = co_mentions(m, kinds=["state", "person"])
    kind_of = m.dropna(subset=["actor_id"]).set_index("actor_id")["kind"].to_dict()
    assert {kind_of[a] for a in pd.concat([states["actor_a"], states["actor_b"]])} <= {"state", "person"}
    assert as_dict(states) == brute_force(m[m["kind"].isin(["state", "person"])], "sentence")
    actors = pd.DataFrame({"actor_id": list(kind_of), "kind": list(kind_of.values())})
    pd.testing.assert_frame_equal(
        co_mentions(m.drop(columns="kind"), kinds=["state", "person"], actors=actors), states
    )


def test_inputs_unchanged_and_deterministic(tmp_path):
    m = random_mentions(10)
    before = m.copy(deep=True)
    e1 = co_mentions(m, by="source", period="Y", kinds="state")
    e2 = co_mentions(m, by="source", period="Y", kinds="state")
    pd.testing.assert_frame_equal(m, before)
    pd.testing.assert_frame_equal(e1, e2)
    e_before = e1.copy(deep=True)
    significant(e1, method="fdr_bh")
    edge_change(e1, before="2015", after="2016", min_count=1)
    pd.testing.assert_frame_equal(e1, e_before)


# ---------------------------------------------------------------- bad input


def _empty_ok(e, by=()):
    assert len(e) == 0
    assert list(e.columns) == edge_columns(by)
    assert e["n"].dtype == np.int64 and e["npmi"].dtype == np.float64


@pytest.mark.parametrize("case", ["empty", "single_actor", "no_pair", "all_na"])
def test_degenerate_inputs_give_empty_edges(case):
    m = random_mentions(11).head(30)
    if case == "empty":
        m = m.iloc[:0]
    elif case == "single_actor":
        m = m.assign(actor_id="actor00")
    elif case == "no_pair":
        m = m.assign(article_id=[f"x{i}" for i in range(len(m))])
    else:
        m = m.assign(actor_id=None)
    _empty_ok(co_mentions(m, by="source"), ["source"])
    _empty_ok(co_mentions(m, window="article", period="M"), ["period"])


@pytest.mark.parametrize(
    "drop, kwargs, words",
    [
        ("actor_id", {}, ["actor_id"]),
        ("sentence", {}, ["sentence"]),
        ("paragraph", {"window": "paragraph"}, ["paragraph"]),
        ("published", {"period": "Y"}, ["published", "merge"]),
        ("kind", {"kinds": "state"}, ["kind", "actors="]),
        ("source", {"by": "source"}, ["source"]),
    ],
)
def test_missing_column_names_column_and_fix(drop, kwargs, words):
    m = random_mentions(12).drop(columns=drop)
    with pytest.raises(ValueError) as err:
        co_mentions(m, **kwargs)
    for w in words:
        assert w in str(err.value)


@pytest.mark.parametrize(
    "kwargs, word",
    [
        ({"window": "page"}, "window"),
        ({"period": "quarter"}, "period"),
        ({"min_count": 0}, "min_count"),
        ({"by": "period"}, "period"),
    ],
)
def test_bad_options(kwargs, word):
    with pytest.raises(ValueError, match=word):
        co_mentions(random_mentions(13), **kwargs)


def test_bad_published_and_type():
    m = random_mentions(14)
    with pytest.raises(ValueError, match="to_datetime"):
        co_mentions(m.assign(published=m["published"].astype(str)))
    with pytest.raises(TypeError, match="DataFrame"):
        co_mentions([1, 2, 3])


# ---------------------------------------------------------------- significance


def test_adjust_pvalues_reference():
    p = np.array([0.01, 0.04, 0.03, 0.2, 0.001, 0.04])
    np.testing.assert_allclose(adjust_pvalues(p, method="fdr_bh"), false_discovery_control(p))
    np.testing.assert_allclose(adjust_pvalues(p, method="bonferroni"), np.minimum(p * 6, 1))
    order = np.argsort(p, kind="stable")
    holm = np.maximum.accumulate(p[order] * (6 - np.arange(6)))
    want = np.empty(6)
    want[order] = np.minimum(holm, 1)
    np.testing.assert_allclose(adjust_pvalues(p, method="holm"), want)
    assert (adjust_pvalues(p, method="holm") >= adjust_pvalues(p, method="fdr_bh") - 1e-12).all()


def test_significant_filters():
    e = co_mentions(random_mentions(15, n_articles=300, n_actors=10), window="article")
    for method in ("holm", "fdr_bh", "bonferroni"):
        s = significant(e, alpha=0.05, method=method)
        assert (s["p_adjusted"] <= 0.05).all() and (s["n"] > s["expected"]).all()
        assert set(zip(s.actor_a, s.actor_b, strict=False)) <= set(zip(e.actor_a, e.actor_b, strict=False))
    assert len(significant(e, method="bonferroni")) <= len(significant(e, method="fdr_bh"))
    assert (significant(e, min_npmi=0.1, alpha=0.5)["npmi"] >= 0.1).all()
    with pytest.raises(ValueError, match="p_value"):
        significant(e.drop(columns="p_value"))


# ---------------------------------------------------------------- evidence

ARTICLES = pd.DataFrame(
    {
        "article_id": ["d1", "d2"],
        "source": ["sana", "reuters"],
        "published": pd.to_datetime(["2017-04-05", "2017-04-07"], utc=True),
        "title": ["One", "Two"],
        "text": [
            "Russia and Syria met in Damascus. Iran was absent. The U.S. officials said Syria and Iran talk.",
            "Iran and Russia spoke.\n\nSyria said nothing. Russia, Syria and Iran will meet again!",
        ],
    }
)
NAMES = ["Russia", "Syria", "Iran"]


def tag(articles, names=NAMES):
    """Crude tagger for tests: regex per name, sentence index from the boundary rule of window_span."""
    rows = []
    for art, text in zip(articles["article_id"], articles["text"], strict=False):
        bounds = [0] + [mm.end() for mm in re.finditer(r"[.!?][\"')]*\s+(?=[^a-z\s])|\n", text)]
        for name in names:
            for mm in re.finditer(rf"\b{re.escape(name)}\b", text):
                sent = int(np.searchsorted(bounds, mm.start(), side="right") - 1)
                rows.append(
                    {
                        "article_id": art,
                        "actor_id": name.lower(),
                        "start": mm.start(),
                        "end": mm.end(),
                        "surface": mm.group(),
                        "sentence": sent,
                        "paragraph": text.count("\n\n", 0, mm.start()),
                        "method": "alias",
                    }
                )
    return pd.DataFrame(rows)


def test_evidence_returns_sentences_with_both_surfaces():
    m = tag(ARTICLES)
    before = m.copy(deep=True)
    ev = evidence(("syria", "iran"), mentions=m, articles=ARTICLES, window="sentence")
    pd.testing.assert_frame_equal(m, before)
    assert len(ev) == 2
    assert list(ev["article_id"]) == ["d2", "d1"]  # most recent first
    assert ev["text"].iloc[0] == "Russia, Syria and Iran will meet again!"
    assert ev["text"].iloc[1] == "The U.S. officials said Syria and Iran talk."
    for r in ev.to_dict("records"):
        assert r["surface_a"] in r["text"] and r["surface_b"] in r["text"]
        assert (
            ARTICLES.set_index("article_id").at[r["article_id"], "text"][r["start"] : r["end"]] == r["text"]
        )
    assert len(evidence(("syria", "iran"), mentions=m, articles=ARTICLES, n=1)) == 1


def test_evidence_from_edges_paragraph_article_and_sentences_table():
    m = tag(ARTICLES)
    edges = co_mentions(m, window="sentence")
    ev = evidence(edges, mentions=m, articles=ARTICLES)
    assert set(zip(ev.actor_a, ev.actor_b, strict=False)) == set(
        zip(edges.actor_a, edges.actor_b, strict=False)
    )
    assert (
        ev.groupby(["actor_a", "actor_b"]).size().to_dict()
        == edges.set_index(["actor_a", "actor_b"])["n"].to_dict()
    )
    para = evidence(("russia", "syria"), mentions=m, articles=ARTICLES, window="paragraph")
    assert "Syria said nothing. Russia, Syria and Iran will meet again!" in list(para["text"])
    art = evidence(("iran", "syria"), mentions=m, articles=ARTICLES, window="article")
    assert len(art) == 2 and art["unit"].isna().all()
    sentences = pd.DataFrame({"article_id": ["d1"], "sentence": [0], "start": [0], "end": [6]})
    ev2 = evidence(("russia", "syria"), mentions=m[m.article_id == "d1"], articles=ARTICLES, sentences=sentences)
    assert ev2["text"].iloc[0] == "Russia"
    assert len(evidence(("russia", "nobody"), mentions=m, articles=ARTICLES)) == 0
    with pytest.raises(ValueError, match="surface"):
        evidence(("russia", "syria"), mentions=m.drop(columns="surface"), articles=ARTICLES)
    with pytest.raises(TypeError, match="pair"):
        evidence("russia", mentions=m, articles=ARTICLES)


@pytest.mark.parametrize(
    "text, start, end, level, want",
    [
        ("One. Two and three. Four.", 5, 8, "sentence", "Two and three."),
        ("The U.S. officials met Iran. Next.", 23, 27, "sentence", "The U.S. officials met Iran."),
        ("Hello\nRussia met Syria? Yes.", 6, 12, "sentence", "Russia met Syria?"),
        ("Hello\n\nRussia met Syria? Yes.\n \nEnd", 7, 13, "paragraph", "Russia met Syria? Yes."),
        ("One.\nTwo.\n\nThree.", 5, 8, "paragraph", "One.\nTwo."),
        ("No boundary at all", 3, 5, "sentence", "No boundary at all"),
        ("سوريا وروسيا؟ نعم.", 0, 5, "sentence", "سوريا وروسيا؟"),
    ],
)
def test_window_span(text, start, end, level, want):
    s, e = window_span(text, start, end, level=level)
    assert text[s:e] == want


# ---------------------------------------------------------------- graphs


def two_cliques() -> pd.DataFrame:
    rows = []
    for k in range(20):
        group = ["a", "b", "c"] if k % 2 else ["x", "y", "z"]
        rows += [{"article_id": f"t{k}", "actor_id": g, "sentence": 0} for g in group]
    rows += [{"article_id": "bridge", "actor_id": g, "sentence": 0} for g in ("c", "x")]
    return pd.DataFrame(rows)


def test_graph_communities_centrality():
    e = co_mentions(two_cliques())
    G = to_graph(
        e, weight="npmi", nodes=pd.DataFrame({"actor_id": ["a"], "label": ["Alpha"], "kind": ["state"]})
    )
    assert G.nodes["a"]["label"] == "Alpha" and G.nodes["a"]["kind"] == "state"
    assert G.nodes["b"]["kind"] == "unknown" and G.nodes["b"]["mentions"] == 10
    assert G.edges["a", "b"]["n"] == 10 and isinstance(G.edges["a", "b"]["npmi"], float)
    for method in ("louvain", "greedy"):
        c = communities(G, method=method, seed=0)
        groups = c.groupby("community")["actor_id"].apply(frozenset).tolist()
        assert set(groups) == {frozenset("abc"), frozenset("xyz")}
        pd.testing.assert_frame_equal(c, communities(G, method=method, seed=0))
    cen = centrality(G)
    assert list(cen.columns) == [
        "actor_id",
        "label",
        "degree",
        "weighted_degree",
        "betweenness",
        "eigenvector",
    ]
    assert cen.set_index("actor_id")["betweenness"].idxmax() in {"c", "x"}
    with pytest.raises(ValueError, match="several groups"):
        to_graph(co_mentions(random_mentions(16), by="source"))


@pytest.mark.parametrize("suffix, reader", [(".gexf", nx.read_gexf), (".graphml", nx.read_graphml)])
def test_graph_file_round_trip(tmp_path, suffix, reader):
    e = co_mentions(random_mentions(17), by="source")
    G = to_graph(e[e["source"] == "sana"], weight="npmi")
    path = export_graph(G, tmp_path / f"net{suffix}")
    H = reader(path)
    assert set(H.nodes) == set(G.nodes) and H.number_of_edges() == G.number_of_edges()
    u, v = next(iter(G.edges))
    assert float(H.edges[u, v]["npmi"]) == pytest.approx(G.edges[u, v]["npmi"])
    assert int(H.edges[u, v]["n"]) == G.edges[u, v]["n"]
    assert H.edges[u, v]["first"] == G.edges[u, v]["first"] != ""
    assert H.nodes[u]["kind"] == "unknown"
    with pytest.raises(ValueError, match="suffix"):
        export_graph(G, tmp_path / "net.txt")


# ---------------------------------------------------------------- change


def test_edge_change_rising_and_falling_pairs():
    rows = []
    for year, pairs in (
        ("2016", [("a", "b")] * 8 + [("c", "d")] * 2 + [("c",), ("d",)] * 3),
        ("2017", [("a", "b")] * 1 + [("c", "d")] * 8 + [("a",), ("b",)] * 4),
    ):
        for k, group in enumerate(pairs):
            rows += [
                {
                    "article_id": f"{year}-{k}",
                    "actor_id": g,
                    "sentence": 0,
                    "published": pd.Timestamp(f"{year}-06-01", tz="UTC"),
                }
                for g in group
            ]
    e = co_mentions(pd.DataFrame(rows), period="Y")
    ch = edge_change(e, before="2016", after="2017", measure="npmi", min_count=2)
    top = ch.set_index(["actor_a", "actor_b"])
    assert top.loc[("c", "d"), "direction"] == "rose" and top.loc[("a", "b"), "direction"] == "fell"
    assert ch["change"].abs().is_monotonic_decreasing
    n = edge_change(e, before="2016", after="2017", measure="n", min_count=1, top=1)
    assert list(n["direction"]) == ["rose", "fell"] and list(n["change"]) == [6, -7]
    with pytest.raises(ValueError, match="2019"):
        edge_change(e, before="2016", after="2019")


# ---------------------------------------------------------------- plots


def _texts(ax):
    return [t.get_text() for t in ax.texts]


def _node_labels(ax):
    """The node labels drawn (the figure is drawn first: labels are placed at draw time)."""
    from diplolib.plots._labels import PointLabels

    ax.figure.canvas.draw()
    layer = next(a for a in ax.get_children() if isinstance(a, PointLabels))
    return [t for t in layer.texts if t.get_visible()], layer


def test_plot_network_labels_collections_and_cap():
    e = co_mentions(random_mentions(18, n_actors=12), window="article")
    fig, ax = plt.subplots()
    plot_network(e, max_nodes=5, weight="n", ax=ax)
    labels, _ = _node_labels(ax)
    assert len(labels) == 5 and all(t.get_text().startswith("actor") for t in labels)
    assert any("more actors not shown" in t for t in _texts(ax))
    assert len(ax.collections) == 2  # edges (LineCollection) and nodes (PathCollection)
    assert len(ax.collections[1].get_offsets()) == 5
    fig2, ax2 = plt.subplots()
    plot_network(e, max_nodes=5, weight="n", ax=ax2)
    np.testing.assert_allclose(ax.collections[1].get_offsets(), ax2.collections[1].get_offsets())
    fig3, ax3 = plt.subplots()
    plot_network(co_mentions(two_cliques()), color="community", ax=ax3)
    legend = sorted(t.get_text() for t in ax3.get_legend().get_texts())
    assert len(legend) == 2 and all("+" in t for t in legend)  # each community named by two of its members
    plt.close("all")


def _crowded_edges(n: int = 40, seed: int = 0) -> pd.DataFrame:
    """A dense graph of long-named actors whose layout puts many nodes close together."""
    rng = np.random.default_rng(seed)
    ids = [f"org:an_organisation_with_a_long_name_{k:02d}" for k in range(n)]
    pairs = [(a, b) for i, a in enumerate(ids) for b in ids[i + 1:] if rng.random() < 0.3]
    return pd.DataFrame({"actor_a": [a for a, _ in pairs], "actor_b": [b for _, b in pairs], "window": "sentence",
                         "n": rng.integers(1, 20, len(pairs)), "n_a": 50, "n_b": 50,
                         "npmi": rng.uniform(0.05, 0.9, len(pairs))})


@pytest.mark.parametrize("color", ["kind", "community"])
def test_network_labels_never_overlap(color):
    """However crowded the layout, no two labels overlap, none leaves the axes, none covers another node."""
    fig, ax = plt.subplots(figsize=(6, 5))
    plot_network(_crowded_edges(), max_nodes=40, color=color, ax=ax)
    labels, layer = _node_labels(ax)
    renderer = fig.canvas.get_renderer()
    boxes = layer.placed_boxes(renderer)
    assert len(boxes) == len(labels) > 10
    for i, a in enumerate(boxes):
        assert ax.bbox.x0 <= a.x0 and a.x1 <= ax.bbox.x1 and ax.bbox.y0 <= a.y0 and a.y1 <= ax.bbox.y1
        assert not any(a.overlaps(b) for b in boxes[i + 1:])
    assert len(labels) + len(layer.hidden) == 40  # every node is labelled or listed as without room
    if color == "community":
        handles = ax.get_legend().legend_handles
        assert len(handles) <= 10
        colours = [tuple(h.get_color()) if not isinstance(h.get_color(), str) else h.get_color() for h in handles]
        assert len(set(colours)) == len(colours)  # no colour repeated
    plt.close(fig)


def test_network_labels_default_to_the_registry():
    e = pd.DataFrame({"actor_a": ["RUS", "RUS"], "actor_b": ["SYR", "org:african_union"], "window": "sentence",
                      "n": [5, 3], "n_a": [9, 9], "n_b": [6, 4], "npmi": [0.4, 0.2]})
    fig, ax = plt.subplots()
    plot_network(e, ax=ax)
    labels, _ = _node_labels(ax)
    assert sorted(t.get_text() for t in labels) == ["African Union", "Russia", "Syria"]
    plt.close(fig)


def test_small_multiples_by_outlet():
    e = co_mentions(random_mentions(19), window="article", by="source")
    sources = sorted(e["source"].unique())
    fig, axes = plt.subplots(1, len(sources))
    for ax, (source, part) in zip(axes, e.groupby("source", sort=True), strict=False):
        plot_network(part, weight="n", max_nodes=8, ax=ax).set_title(source)
    assert [ax.get_title() for ax in axes] == sources
    for ax, source in zip(axes, sources, strict=False):
        n_actors = len(set(e.loc[e.source == source, "actor_a"]) | set(e.loc[e.source == source, "actor_b"]))
        assert len(ax.collections[-1].get_offsets()) == min(8, n_actors)
    plt.close(fig)


def test_heatmap_ego_timeline_and_empty():
    e = co_mentions(random_mentions(20), window="article")
    fig, ax = plt.subplots()
    plot_comention_heatmap(e, actors=["actor00", "actor01", "actor02"], ax=ax, colorbar=False)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["actor00", "actor01", "actor02"]
    fig, ax = plt.subplots()
    plot_ego_network(e, "actor00", max_nodes=4, weight="n", ax=ax)
    bold = [t.get_text() for t in _node_labels(ax)[0] if t.get_fontweight() == "bold"]
    assert bold == ["actor00"]
    assert len(ax.collections[-1].get_offsets()) == 4
    per = co_mentions(random_mentions(20), window="article", by="source", period="Y")
    fig, ax = plt.subplots()
    plot_pair_timeline(per, "actor01", "actor00", measure="n", ax=ax)
    assert len(ax.get_lines()) == per["source"].nunique() + 0  # one line per outlet
    assert [t.get_text() for t in ax.get_xticklabels()] == sorted(per["period"].unique())
    fig, ax = plt.subplots()
    plot_network(e.iloc[:0], ax=ax)
    assert _texts(ax) == ["no co-mentions"]
    plt.close("all")


# ---------------------------------------------------------------- real corpus

FAKES_NAMES = [
    "Russia",
    "Syria",
    "Iran",
    "Turkey",
    "United States",
    "Assad",
    "Putin",
    "Lavrov",
    "Kerry",
    "Erdogan",
    "ISIS",
    "Kurdish",
]


@pytest.fixture(scope="module")
def fakes():
    path = paths.raw_dir("fa-kes") / "FA-KES-Dataset.csv"
    if not path.is_file():
        pytest.skip("data/raw/fa-kes/FA-KES-Dataset.csv is absent (fetch the fa-kes corpus)")
    raw = pd.read_csv(path, encoding="utf-8")
    articles = pd.DataFrame(
        {
            "article_id": raw["unit_id"].astype(str),
            "source": raw["source"],
            "published": pd.to_datetime(raw["date"], format="%m/%d/%Y", utc=True),
            "title": raw["article_title"],
            "text": raw["article_content"].fillna(""),
        }
    )
    mentions = tag(articles, FAKES_NAMES).merge(
        articles[["article_id", "source", "published"]], on="article_id"
    )
    return articles, mentions


def test_fakes_counts_equal_brute_force(fakes):
    articles, m = fakes
    assert len(m) > 1000
    for window in ("sentence", "article"):
        assert as_dict(co_mentions(m, window=window)) == brute_force(m, window)
    by = co_mentions(m, window="article", by="source", period="Y")
    m2 = m.assign(period=m["published"].dt.year.astype(str))
    assert as_dict(by, ["source", "period"]) == brute_force(m2, "article", ["source", "period"])


def test_fakes_evidence(fakes):
    articles, m = fakes
    ev = evidence(("russia", "syria"), mentions=m, articles=articles, n=20)
    assert len(ev) == 20
    assert ev["published"].is_monotonic_decreasing
    for r in ev.to_dict("records"):
        assert "Russia" in r["text"] and "Syria" in r["text"]


def test_exact_counts_on_real_tagged_fakes():
    """Edges from the real actor tagger on FA-KES (sentence and article windows) equal a brute-force count."""
    from diplolib import datasets
    from diplolib.actors import tag_actors

    if not (paths.raw_dir("fa-kes") / ".diplolib-fetched.json").is_file():
        pytest.skip("fa-kes is not in data/raw (run 'make data')")
    articles, _ = datasets.load("fa-kes")
    mentions = tag_actors(articles).merge(articles[["article_id", "published"]], on="article_id")
    for window in ("sentence", "article"):
        edges = co_mentions(mentions, window=window)
        got = {k: v[:4] for k, v in as_dict(edges).items()}
        want = {k: v[:4] for k, v in brute_force(mentions, window).items()}
        assert got == want
        assert edges["npmi"].between(-1, 1).all() and (edges["g2"] >= 0).all()


def test_association_measures_in_blocks_equal_one_pass():
    """The measures computed block by block (cache-sized) are the same bits as in one pass over every pair,
    edge cells included (n = 0, n = N, a or b = N)."""
    from diplolib import stats

    rng = np.random.default_rng(7)
    size = 3 * stats.BLOCK + 123
    N = rng.integers(1, 300, size)
    a, b = rng.integers(0, N + 1), rng.integers(0, N + 1)
    n = rng.integers(0, np.minimum(a, b) + 1)
    n[:50], a[50:100], b[100:150] = 0, N[50:100], N[100:150]
    n[150:200] = a[150:200] = b[150:200] = N[150:200]
    blocked = stats.association_measures(n, a, b, N)
    whole = stats._measures(*(x.astype(np.float64) for x in (n, a, b, N)))
    assert list(blocked) == stats.MEASURES
    for name in stats.MEASURES:
        assert blocked[name].shape == (size,)
        assert np.array_equal(blocked[name].view(np.int64), whole[name].view(np.int64)), name


def test_articles_join_reads_only_what_counts_and_keeps_string_keys():
    """``co_mentions(mentions, articles=...)`` joins only the columns the counts read, on a key of the mentions'
    string dtype (``str`` from tag_actors, ``string`` from load_articles: pandas joins those into an ``object``
    column with one Python string per row); same edges as on the mentions joined beforehand, with a mention of an
    article the table lacks and an article without mentions."""
    from diplolib.comention.counts import _join_articles

    full = random_mentions(21, n_articles=90)
    str_dtype = pd.StringDtype("pyarrow", na_value=np.nan)
    mentions = full.drop(columns=["source", "published"]).astype({"article_id": str_dtype})
    articles = (full.drop_duplicates("article_id")[["article_id", "source", "published"]]
                .iloc[1:]  # the first article's mentions find no article
                .astype({"article_id": "string"}))
    articles = pd.concat([articles, pd.DataFrame({"article_id": pd.array(["zzz"], dtype="string"),
                                                  "source": ["sana"],
                                                  "published": pd.Series([pd.NaT], dtype=full["published"].dtype)})],
                         ignore_index=True)
    joined = full.astype({"article_id": str_dtype})
    lost = joined["article_id"] == full["article_id"].iloc[0]
    joined.loc[lost, "source"] = None
    joined.loc[lost, "published"] = pd.NaT
    for window, by, period in (("sentence", None, None), ("paragraph", "source", "Y"), ("article", "lang", "Q")):
        got = co_mentions(mentions, articles=articles, window=window, by=by, period=period)
        want = co_mentions(joined, window=window, by=by, period=period)
        pd.testing.assert_frame_equal(got, want, check_exact=True)
        assert len(got)
        join = _join_articles(mentions, articles, window=window, by=[by] if by else [])
        assert join["article_id"].dtype == str_dtype
        assert "surface" not in join.columns and "start" not in join.columns
        assert len(join) == len(mentions) and join["published"].isna().sum() == lost.sum()
