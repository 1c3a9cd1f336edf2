"""Aliases the registry lacks, proposed from parallel sentences: the names the UN writes in one language.

When an actor is found in one language of a sentence triple and not in another, the other language usually
names it in a way the registry does not know (the UN's Arabic "شيلي" where CLDR writes "تشيلي", French
"ÉtatsUnis" where the PDF lost the hyphen). :func:`propose_aliases` counts, for every such (actor, target
language), the word n-grams of the target sentences that miss it, and keeps those that occur mostly in
those sentences (an association test, not a translation model). The proposals are read by a person and
the good ones added to a curated file with the source "unpc" (``data/sources/state_aliases.csv`` for
states); nothing is added automatically.

    python -m diplolib.actors.parallel_aliases            # proposals from the tune half of unpc-ar-fr-en
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter

import pandas as pd

__all__ = ["split_half", "propose_aliases", "main"]

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
_PROCLITICS = "وبلفك"


def split_half(ids: pd.Series) -> pd.Series:
    """"tune" or "check" for every id, by an MD5 hash of the id (stable across runs and machines)."""
    return ids.astype(str).map(lambda s: "tune" if int(hashlib.md5(s.encode()).hexdigest(), 16) % 2 == 0
                               else "check")


def _grams(text: str, max_n: int) -> set[str]:
    words = _WORD.findall(text)
    out = set()
    for n in range(1, max_n + 1):
        for i in range(len(words) - n + 1):
            gram = " ".join(words[i:i + n])
            out.add(gram)
            if gram[0] in _PROCLITICS and len(words[i]) > 3:  # "وشيلي" also counts as "شيلي"
                out.add(gram[1:])
    return out


def propose_aliases(triples: pd.DataFrame, mentions: pd.DataFrame, source: str, target: str, *,
                    max_n: int = 4, min_count: int = 3, min_share: float = 0.6, top: int = 3) -> pd.DataFrame:
    """Word n-grams of ``target`` sentences that name an actor found only in ``source``.

    Parameters
    ----------
    triples : DataFrame
        ``id`` and one text column per language.
    mentions : DataFrame
        :func:`~diplolib.actors.agreement.parallel_mentions` of ``triples``.
    source, target : str
        Language columns: the actor is found in ``source`` and missed in ``target``.
    min_count : int
        Missed sentences an n-gram must occur in.
    min_share : float
        Share of all ``target`` sentences holding the n-gram that are missed sentences of that actor.

    Returns
    -------
    DataFrame
        ``actor_id``, ``lang`` (= target), ``alias``, ``count`` (missed sentences holding it), ``df``
        (target sentences holding it), ``share``, ``missed`` (missed sentences of the actor); the best
        ``top`` per actor, longest n-gram first among equal counts.
    """
    hit = mentions[mentions["actor_id"].fillna("") != ""]
    found = hit[["article_id", "lang", "actor_id"]].drop_duplicates()
    a = found[found["lang"] == source]
    b = found[found["lang"] == target]
    miss = a.merge(b, on=["article_id", "actor_id"], how="left", indicator=True)
    miss = miss[miss["_merge"] == "left_only"]
    text = triples.set_index("id")[target]
    grams = {i: _grams(str(t), max_n) for i, t in text.items()}
    df = Counter(g for gs in grams.values() for g in gs)
    rows = []
    for actor, ids in miss.groupby("actor_id")["article_id"]:
        counts = Counter(g for i in set(ids) for g in grams.get(i, ()))
        for g, c in counts.items():
            if c >= min_count and c >= min_share * df[g]:
                rows.append({"actor_id": actor, "lang": target, "alias": g, "count": c, "df": df[g],
                             "share": c / df[g], "missed": ids.nunique()})
    out = pd.DataFrame(rows, columns=["actor_id", "lang", "alias", "count", "df", "share", "missed"])
    out["words"] = out["alias"].str.count(" ") + 1
    out = out.sort_values(["actor_id", "count", "share", "words"], ascending=[True, False, False, False])
    return out.groupby("actor_id").head(top).drop(columns="words").reset_index(drop=True)


def main() -> int:
    """Print the proposals of every ordered pair of languages on the tune half of unpc-ar-fr-en."""
    from ..datasets.recipes import parallel_sentences
    from .agreement import parallel_mentions

    triples = parallel_sentences("unpc-ar-fr-en")
    triples = triples[split_half(triples["id"]) == "tune"]
    mentions = parallel_mentions(triples)
    pd.set_option("display.width", 200)
    for source in ("en", "fr", "ar"):
        for target in ("en", "fr", "ar"):
            if source != target:
                print(f"== found in {source}, missed in {target}")
                print(propose_aliases(triples, mentions, source, target).to_string())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
