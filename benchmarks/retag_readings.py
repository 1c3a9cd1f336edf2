"""Re-tag every stored theme reading and count what the tagger gives now (issue 16's sweep after a rule change).

Every judged hit of ``tests/data/theme_precision*.csv`` (right or wrong) is looked up in what ``tag_themes`` gives
now on its article (the same article id, theme and offsets); every judged passage of ``tests/data/theme_recall*.csv``
is found when a hit of its theme lies inside it. The judged articles are tagged once per corpus.

    DIPLOLIB_MIRROR=/work/shared/data PYTHONPATH=$PWD .venv/bin/python benchmarks/retag_readings.py --out /tmp/after.csv
    git archive BASE diplolib | tar -x -C /tmp/before
    .venv/bin/python benchmarks/with_code.py /tmp/before benchmarks/retag_readings.py --out /tmp/before.csv
    .venv/bin/python benchmarks/retag_readings.py --diff /tmp/before.csv /tmp/after.csv

The verdicts are those of ``tests/data/theme_verdicts_amended.csv`` where a later convention re-read a hit (round 18).
Prints right hits kept and wrong hits produced (of all judged), per reading file and in total, and recall per recall
file; ``--out`` writes one row per judged hit or passage with ``produced``/``found``; ``--diff`` lists the judged
hits whose state changed between two such files (a right hit lost, a wrong one removed).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
_KEY = ["file", "corpus", "article_id", "theme", "start", "end"]


def _judged() -> tuple[pd.DataFrame, pd.DataFrame]:
    def read(pattern: str, cols: list[str]) -> pd.DataFrame:
        parts = [pd.read_csv(f, dtype={"article_id": "string", "corpus": "string", "theme": "string"},
                             keep_default_na=False).assign(file=f.name) for f in sorted(DATA.glob(pattern))]
        return pd.concat(parts, ignore_index=True)[["file", *cols]]

    precision = read("theme_precision*.csv", ["corpus", "article_id", "theme", "start", "end", "verdict"])
    recall = read("theme_recall*.csv", ["corpus", "article_id", "theme", "start", "end"])
    # the verdicts as they stand now: a hit re-read by a convention written after its reading (round 18)
    changes = pd.read_csv(DATA / "theme_verdicts_amended.csv", dtype={"article_id": "string", "theme": "string"},
                          keep_default_na=False)
    key = ["file", "article_id", "theme", "start", "end"]
    now = precision[key].merge(changes[[*key, "verdict"]], on=key, how="left")["verdict"]
    precision = precision.assign(verdict=precision["verdict"].where(now.isna().to_numpy(), now.to_numpy()),
                                 amended=now.notna().to_numpy())
    return precision, recall


def _hits(corpora: dict[str, set[str]]) -> pd.DataFrame:
    sys.path.insert(0, str(REPO / "tests"))
    from theme_readings import load_articles  # the readings' own corpus look-up (UNPC keys, PLOVER, SIB-200)

    from diplolib.themes import tag_themes

    out = []
    for corpus, ids in sorted(corpora.items()):
        try:
            arts = load_articles(corpus, ids)
        except BaseException as exc:  # a corpus not fetched here (pytest.skip raises a BaseException)
            print(f"  {corpus}: not loaded ({type(exc).__name__}: {exc})", file=sys.stderr)
            continue
        hits = tag_themes(arts).dropna(subset=["theme"])
        out.append(hits[["article_id", "theme", "start", "end"]].assign(corpus=corpus))
    hits = pd.concat(out, ignore_index=True)
    return hits.astype({"article_id": "string", "theme": "string", "start": "int64", "end": "int64"})


def measure() -> tuple[pd.DataFrame, pd.DataFrame]:
    precision, recall = _judged()
    both = pd.concat([precision[["corpus", "article_id"]], recall[["corpus", "article_id"]]])
    corpora = both.groupby("corpus")["article_id"].agg(set).to_dict()
    hits = _hits(corpora)
    precision = precision.astype({"start": "int64", "end": "int64"})
    produced = precision.merge(hits.drop_duplicates(), on=["corpus", "article_id", "theme", "start", "end"],
                               how="left", indicator=True)
    precision = precision.assign(produced=(produced["_merge"] == "both").to_numpy())
    pairs = recall.reset_index().merge(hits, on=["corpus", "article_id", "theme"], suffixes=("", "_hit"))
    inside = pairs.loc[(pairs["start_hit"] >= pairs["start"]) & (pairs["end_hit"] <= pairs["end"]), "index"]
    recall = recall.assign(found=recall.index.isin(inside))
    return precision, recall


def report(precision: pd.DataFrame, recall: pd.DataFrame) -> None:
    right = precision["verdict"] == "correct"
    per = pd.DataFrame({"right_kept": (precision["produced"] & right).groupby(precision["file"]).sum(),
                        "right": right.groupby(precision["file"]).sum(),
                        "wrong_produced": (precision["produced"] & ~right).groupby(precision["file"]).sum(),
                        "wrong": (~right).groupby(precision["file"]).sum()})
    print(per.to_string())
    print(f"all readings: right hits {int((precision['produced'] & right).sum()):,} of {int(right.sum()):,} kept; "
          f"wrong hits produced {int((precision['produced'] & ~right).sum()):,} of {int((~right).sum()):,}")
    for f, part in recall.groupby("file"):
        print(f"recall {f}: {int(part['found'].sum())}/{len(part)} = {part['found'].mean():.3f}")


def diff(before: str, after: str) -> None:
    a, b = pd.read_csv(before, dtype={"article_id": "string"}), pd.read_csv(after, dtype={"article_id": "string"})
    both = a.merge(b, on=[*_KEY, "verdict"], suffixes=("_before", "_after"))
    changed = both[both["produced_before"] != both["produced_after"]]
    for r in changed.itertuples():
        what = ("RIGHT HIT LOST" if r.verdict == "correct" else "wrong hit removed") if r.produced_before else (
            "right hit gained" if r.verdict == "correct" else "WRONG HIT ADDED")
        print(f"{what}: {r.file} {r.corpus} {r.article_id} {r.theme} {r.start}-{r.end}")
    print(f"{len(changed)} judged hits changed")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", help="write the judged hits with 'produced' to this CSV (recall: *.recall.csv)")
    ap.add_argument("--diff", nargs=2, metavar=("BEFORE", "AFTER"), help="compare two --out files, tag nothing")
    args = ap.parse_args()
    if args.diff:
        diff(*args.diff)
        return
    precision, recall = measure()
    report(precision, recall)
    if args.out:
        precision.to_csv(args.out, index=False)
        recall.to_csv(Path(args.out).with_suffix(".recall.csv"), index=False)


if __name__ == "__main__":
    main()
