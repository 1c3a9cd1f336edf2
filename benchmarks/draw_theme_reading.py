"""Draw a fresh held-out theme reading (issue 16): one hit per article, articles of no earlier reading.

The draw of rounds 17 and 18 written down as a script: with one seed, the unread articles of each corpus are put in
a random order, tagged by the tagger as it is (no document body, no ``un_bodies``), and the first ``n`` of them that
have a hit give one hit each, drawn at random among its hits. kremlin-en is drawn from its first 150 unread articles
in the seed's order, ungdc from its first 60 unread speeches; UNPC from the check half, a triple read in any language
of any earlier reading left out in all three, and no triple drawn twice in this reading.

    DIPLOLIB_MIRROR=/work/shared/data PYTHONPATH=$PWD .venv/bin/python benchmarks/draw_theme_reading.py \
        --seed 20270713 --out tests/data/theme_precision_check_s18.csv --context /tmp/s18_context.csv

``--out`` is the file to be read (verdict and note empty, no corpus text); ``--context`` the same rows with the
sentence around each hit, for the reader only (never committed).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
# corpus: (hits drawn, articles considered in the seed's order or None for all)
# (round 18: plover-gsr had one unread article with a hit left, so its other four hits went to wh-readouts, drawn
# first: its first 35 are the 35 of a plan of 35)
PLAN = {"wh-readouts": (39, None), "kremlin-en": (30, 150), "ungdc": (25, 60), "fa-kes": (25, None),
        "plover-gsr": (5, None), "unpc-fr": (15, None), "unpc-ar": (15, None), "unpc-en": (10, None)}


def draw(seed: int, out: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    sys.path.insert(0, str(REPO / "tests"))
    from theme_readings import hash_half, load_articles, read_before

    from diplolib.themes import tag_themes

    rng = np.random.default_rng(seed)
    before = read_before(out.resolve())
    used_triples: set[str] = set()
    rows, ctx = [], []
    for corpus, (n, first) in PLAN.items():
        arts = load_articles(corpus)
        arts = arts[~arts["article_id"].astype(str).isin(before)]
        if corpus.startswith("unpc-"):
            triple = arts["article_id"].str.rsplit("-", n=1).str[0]
            arts = arts[(triple.str.removeprefix("unpc-").map(hash_half) == 1) & ~triple.isin(used_triples)]
        arts = arts.iloc[rng.permutation(len(arts))]
        if first is not None:
            arts = arts.iloc[:first]
        hits = tag_themes(arts).dropna(subset=["theme"])
        order = pd.Index(arts["article_id"].astype(str))
        hits = hits.assign(_at=order.get_indexer(hits["article_id"].astype(str)))
        texts = dict(zip(arts["article_id"].astype(str), arts["text"], strict=True))
        taken = 0
        for aid, part in hits.sort_values(["_at", "start", "theme"]).groupby("_at", sort=True):
            h = part.iloc[int(rng.integers(len(part)))]
            aid = str(h["article_id"])
            rows.append({"corpus": corpus, "article_id": aid, "theme": h["theme"], "cue": h["cue"],
                         "start": int(h["start"]), "end": int(h["end"]), "verdict": "", "note": ""})
            text = texts[aid]
            ctx.append({**rows[-1], "surface": text[h["start"]:h["end"]],
                        "context": text[max(0, h["start"] - 400):h["end"] + 250].replace("\n", " ")})
            if corpus.startswith("unpc-"):
                used_triples.add(aid.rsplit("-", 1)[0])
            taken += 1
            if taken == n:
                break
        print(f"{corpus}: {taken} of {n} drawn ({len(arts)} articles considered, "
              f"{hits['article_id'].nunique()} with a hit)", file=sys.stderr)
    return pd.DataFrame(rows), pd.DataFrame(ctx)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--context", type=Path, required=True)
    args = ap.parse_args()
    rows, ctx = draw(args.seed, args.out)
    rows.to_csv(args.out, index=False)
    ctx.to_csv(args.context, index=False)


if __name__ == "__main__":
    main()
