"""The common-word sweep: every alias checked against the ordinary words of its language.

``python -m diplolib.actors.sweep`` writes ``data/generated/guards.csv`` (see the registry's ``guards``
table), one row per alias that the sample corpora show to be an ordinary word, with its rule, reason and
evidence. Three tests, run over every alias of the registry rather than a list of known cases:

1. **Months** (``rule="month"``): an alias that is a month name of its language ("May") is dropped by the
   tagger next to a day or a year ("May 2015", "1 May").
2. **Lower-case words** (``rule="case"``, Latin script): a one-word alias (not a demonym: French ones are
   lower-case by nature) matched case-insensitively whose occurrences in the sample corpora are mostly
   lower-case ("séjourné", the verb) is matched only as the
   registry writes it ("Séjourné").
3. **Names that the parallel sentences do not confirm** (``rule="block"``): the UN sentence triples
   (``unpc-ar-fr-en``) are tagged in the three languages without guards; an alias of one or two words (not
   an acronym, official name or a state's name) that matched four times or more and whose actor the other
   two languages of the same sentence confirm in under 30% of the matches (tune half of the triples only)
   is an ordinary word there (Arabic القطرية
   "national", English "Friday", "Major"). An Arabic demonym is judged on its whole paradigm (the
   matches of قطري, قطرية, القطري, القطرية, القطريين of one actor pooled), so that a rare form is blocked
   with its frequent siblings.
4. **Persons' one-word names that are frequent words** (``rule="block"``, Latin script): a person's
   one-word alias whose lower-case form occurs 20 times or more in the sample corpora ("Note", "Rice")
   names the person only in full; so does one that is among the commonest words of its language (wordfreq
   Zipf ≥ 5: "English", "Brown").
5. **Arabic words with the letters of a name** (``rule="case"``: only the registry's exact spelling): a
   one-word Arabic alias whose matching form (hamza and alif forms normalised) is shared by a more frequent
   word (wordfreq, Zipf ≥ 3) spelled differently after the first letter (ترأس "chairs" = تراس Truss).

6. **Arabic nisbas whose spelling with ى is another word** (rules ``feminine`` and ``maqsura``, wordfreq): "اليمنى"
   ("the right") after a feminine noun (اليد اليمنى) is not Yemen; "مجرى" ("course") is never Hungary (see
   :func:`_maqsura_rule`).

Corpora read (the held-out wikinews-ar and meae-fr are not): unpc-ar-fr-en and sib200 in all three
languages, fa-kes and wh-readouts in English, wikinews-fr in French.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import replace

import pandas as pd

from ..normalize.matching import matching_form
from .agreement import alias_confirmation, parallel_mentions
from .parallel_aliases import split_half
from .registry import GENERATED_DIR, TABLES, Registry, load_registry

__all__ = ["MONTHS", "sweep_corpora", "word_counts", "sweep", "main"]

MONTHS = {
    "en": "january february march april may june july august september october november december".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "ar": ("يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر "
           "كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين").split(),
}
_WORD = re.compile(r"\w+", re.UNICODE)


def sweep_corpora() -> dict[str, list[str]]:
    """Texts of the sample corpora by language (held-out corpora left out); missing corpora are skipped."""
    from ..datasets.recipes import parallel_sentences, read_corpus

    texts: dict[str, list[str]] = {"en": [], "fr": [], "ar": []}
    triples = parallel_sentences("unpc-ar-fr-en")
    for lang in texts:
        texts[lang] += triples[lang].tolist()
    for name, lang in (("sib200", None), ("fa-kes", "en"), ("wh-readouts", "en"), ("wikinews-fr", "fr")):
        try:
            arts, _ = read_corpus(name, fetch_missing=False)
        except (FileNotFoundError, ValueError):
            continue
        for lg, group in arts.groupby("lang") if lang is None else [(lang, arts)]:
            if lg in texts:
                texts[lg] += group["text"].dropna().astype(str).tolist()
    return texts


def word_counts(texts: list[str]) -> tuple[Counter, Counter, Counter]:
    """Counts of words by matching form: all occurrences, lower-case ones, and exact spellings."""
    every, lower, exact = Counter(), Counter(), Counter()
    for text in texts:
        for word in _WORD.findall(text):
            key = matching_form(word)
            every[key] += 1
            exact[word] += 1
            if word.islower():
                lower[key] += 1
    return every, lower, exact


def _key(alias: str) -> str:
    return " ".join(_WORD.findall(matching_form(alias)))


def _spelling_variants(lang: str, top: int = 200_000) -> dict[str, list[tuple[str, float]]]:
    """Matching form → the frequent words of ``lang`` (wordfreq) written that way, with their Zipf frequency."""
    try:
        from wordfreq import top_n_list, zipf_frequency
    except ImportError as exc:  # an extra, only needed to regenerate the guards
        raise ImportError("the common-word sweep needs wordfreq: pip install 'diplolib[registry]'") from exc
    out: dict[str, list[tuple[str, float]]] = {}
    for word in top_n_list(lang, top):
        out.setdefault(matching_form(word), []).append((word, zipf_frequency(word, lang)))
    return out


def _zipf(lang: str):
    """wordfreq's Zipf frequency of a word of ``lang`` (a function of the word)."""
    from wordfreq import zipf_frequency

    return lambda word: zipf_frequency(word, lang)


def _maqsura_rule(alias: str, zipf) -> tuple[str, str, str] | None:
    """An Arabic nisba whose spelling with a final ى is a word of its own (rules ``maqsura`` and ``feminine``).

    The matching form folds ى into ي, so "اليمنى" ("the right", feminine of الأيمن: اليد اليمنى، الضفة اليمنى) and
    "مجرى" ("course": مجرى النهر) read as "اليمني" (Yemeni) and "مجري" (Hungarian). Egyptian spelling writes every
    final ي as ى, so the ى form of any nisba occurs: 1 to 2 Zipf below the nisba (السورى 3.4 vs السوري 5.2).
    A ى form within 0.5 Zipf of the nisba is another word too (اليمنى 4.4 vs 4.8): written so, it is that word
    after a feminine noun, which the nisba would agree with (اليمنية) — rule ``feminine``. A ى form more frequent
    than the nisba (مجرى 4.2 vs مجري 3.5) is that word whenever written so — rule ``maqsura``.
    """
    other = alias[:-1] + "ى"
    z_other, z_alias = zipf(other), zipf(alias)
    if z_other < 3 or z_other < z_alias - 0.5:
        return None
    evidence = f"wordfreq Zipf {other} {z_other:.2f}, {alias} {z_alias:.2f}"
    if z_other > z_alias:
        return "maqsura", f"spelled {other} it is another word, more frequent than the nisba", evidence
    return "feminine", f"spelled {other} after a feminine noun it is another word (the nisba would be feminine)", \
        evidence


def _rule(alias: str, lang: str, kind: str, cs: bool, stats: dict) -> tuple[str, str, str]:
    """(rule, reason, evidence) for one alias, or three empty strings."""
    key = _key(alias)
    words = key.split()
    every, lower, variants, conf = stats["every"], stats["lower"], stats["variants"], stats["conf"]
    if key in stats["months"]:
        return "month", "a month name: not an actor next to a day or a year", \
            f"{every[key]} occurrences in the {lang} sample corpora"
    if lang == "ar" and kind == "demonym" and len(words) == 1 and alias.endswith("ي"):
        rule = _maqsura_rule(alias, stats["zipf"])
        if rule:
            return rule
    total, ok = stats["paradigm"].get(key) if kind == "demonym" and key in stats["paradigm"] else conf.get(key, (0, 0))
    latin_demonym = kind == "demonym" and lang != "ar"  # "arméniens": English lacks the plural, not a word
    state_name = stats.get("state") and kind in ("name", "short_name")  # a longer name cut short, not a word
    if len(words) <= 2 and total >= 4 and ok < 0.3 * total and kind not in ("acronym", "official_name") \
            and not state_name \
            and not latin_demonym:
        return ("block", "an ordinary word where it matched: the other languages of the sentence rarely name the actor",
                f"{ok} of {total} matches confirmed in unpc-ar-fr-en")
    if len(words) == 1 and lang != "ar" and stats["person"] and lower[key] >= 20:
        return ("block", "a person's one-word name that is a frequent lower-case word: only the full name is safe",
                f"{lower[key]} lower-case occurrences in the {lang} sample corpora")
    zipf = stats["zipf"](alias.lower()) if len(words) == 1 and lang != "ar" and stats["person"] else 0.0
    if zipf >= 5.0:  # "English" (Bill English), "Brown", "King": among the language's commonest words
        return ("block", "a person's one-word name that is one of the language's very frequent words: "
                "only the full name is safe", f"wordfreq Zipf {zipf:.2f} for {alias.lower()}")
    if len(words) != 1 or cs or kind in ("demonym", "acronym"):
        return "", "", ""
    if lang == "ar":
        own = max((z for w, z in variants.get(key, []) if w == alias), default=0.0)
        clash = [(w, z) for w, z in variants.get(key, []) if z >= 3.0 and z > own and _inner_variant(alias, w)]
        if clash:
            w, z = max(clash, key=lambda x: x[1])
            return ("case", f"another word ({w}) has these letters once hamza and alif forms are normalised: "
                    "matched only as the registry spells it", f"wordfreq Zipf {z:.2f} for {w}, {own:.2f} for {alias}")
        return "", "", ""
    if every[key] >= 1 and lower[key] >= 0.5 * every[key]:
        return ("case", "also an ordinary lower-case word: matched only capitalised as the registry writes it",
                f"{lower[key]} of {every[key]} occurrences lower-case in the {lang} sample corpora")
    return "", "", ""


_NISBA_ENDINGS = ("يين", "يون", "ية", "يه", "يا", "ي")  # ة is ه in the matching form; يا the accusative


def _nisba_stem(key: str) -> str:
    """The stem of a one-word Arabic nisba form: القطريين, قطرية, القطري → قطر (other keys unchanged)."""
    if " " in key:
        return key
    word = key[2:] if key.startswith("ال") else key
    for end in _NISBA_ENDINGS:
        if word.endswith(end) and len(word) > len(end) + 1:
            return word[: -len(end)]
    return key


def _paradigms(aliases: pd.DataFrame, conf: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """Arabic demonyms: each one-word form's key → the matches and confirmations pooled over every form of
    the same actor with the same stem (قطري, قطرية, القطري, القطرية, القطريين: "country-level", not Qatar).
    A rare form then inherits the evidence of its frequent siblings."""
    dem = aliases[(aliases["kind"] == "demonym") & ~aliases["alias"].str.contains(" ")]
    keys = dem["alias"].map(_key)
    groups: dict[tuple[str, str], list[str]] = {}
    for actor, key in zip(dem["actor_id"], keys, strict=True):
        groups.setdefault((actor, _nisba_stem(key)), []).append(key)
    out = {}
    for members in groups.values():
        pooled = [conf.get(k, (0, 0)) for k in set(members)]
        total = (sum(n for n, _ in pooled), sum(ok for _, ok in pooled))
        out.update({k: total for k in members})
    return out


_LETTER_FORMS = {"ا": "أإآ", "ه": "ة", "ي": "ى", "و": "ؤ"}


def _inner_variant(alias: str, word: str) -> bool:
    """``word`` is ``alias`` with a hamza or letter form changed after the first letter (ترأس / تراس).

    A different first letter (إردوغان / أردوغان) is a spelling variant of the same name, not another word.
    """
    if len(alias) != len(word) or alias == word:
        return False
    diff = [i for i, (a, b) in enumerate(zip(alias, word, strict=True)) if a != b]
    return all(i > 0 for i in diff) and all(
        word[i] in _LETTER_FORMS.get(alias[i], "") or alias[i] in _LETTER_FORMS.get(word[i], "") for i in diff)


def sweep(registry: Registry, texts: dict[str, list[str]], confirmation: pd.DataFrame | None) -> pd.DataFrame:
    """Guard rows (``alias, lang, rule, reason, evidence, source``) for every alias the corpora flag.

    Parameters
    ----------
    registry : Registry
        The registry to sweep (its own guards are ignored).
    texts : dict
        Language → texts (:func:`sweep_corpora`).
    confirmation : DataFrame or None
        :func:`~diplolib.actors.agreement.alias_confirmation` of the unguarded tagger on parallel sentences.
    """
    al = registry.aliases.merge(registry.actors[["actor_id", "kind"]].rename(columns={"kind": "actor_kind"}),
                                on="actor_id", how="left")
    al = al[al["actor_kind"] != "place"]
    conf: dict[str, dict[str, tuple[int, int]]] = {}
    if confirmation is not None:
        for r in confirmation.itertuples(index=False):
            n, ok = conf.setdefault(r.lang, {}).get(_key(r.key), (0, 0))
            conf[r.lang][_key(r.key)] = (n + r.n, ok + r.confirmed)
    rows: dict[tuple[str, str], dict[str, str]] = {}
    for lang, group in al.groupby("lang"):
        every, lower, _ = word_counts(texts.get(lang, []))
        stats = {"every": every, "lower": lower, "variants": _spelling_variants(lang), "conf": conf.get(lang, {}),
                 "months": {matching_form(m) for m in MONTHS.get(lang, [])}, "zipf": _zipf(lang),
                 "paradigm": _paradigms(group, conf.get(lang, {})) if lang == "ar" else {}}
        for alias, cs, kind, actor_kind in zip(group["alias"], group["case_sensitive"], group["kind"],
                                               group["actor_kind"], strict=True):
            stats["person"] = actor_kind == "person"
            stats["state"] = actor_kind == "state"
            rule, reason, evidence = _rule(alias, lang, kind, bool(cs), stats)
            if rule:
                rows.setdefault((lang, alias), {"alias": alias, "lang": lang, "rule": rule, "reason": reason,
                                                "evidence": evidence, "source": "sweep"})
    cols = [*TABLES["guards"][0], *TABLES["guards"][1]]
    return pd.DataFrame(sorted(rows.values(), key=lambda r: (r["lang"], r["alias"])), columns=cols)


def main() -> int:
    """Entry point of ``python -m diplolib.actors.sweep``: write ``data/generated/guards.csv``."""
    from ..datasets.recipes import parallel_sentences

    registry = load_registry()
    bare = replace(registry, guards=registry.guards.iloc[0:0])
    triples = parallel_sentences("unpc-ar-fr-en")
    triples = triples[split_half(triples["id"]) == "tune"]  # the check half measures agreement
    confirmation = alias_confirmation(parallel_mentions(triples, registry=bare))
    guards = sweep(bare, sweep_corpora(), confirmation)
    path = GENERATED_DIR / "guards.csv"
    guards.to_csv(path, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    print(f"{len(guards)} guards -> {path.relative_to(GENERATED_DIR.parent.parent)}: "
          + ", ".join(f"{k} {v}" for k, v in guards["rule"].value_counts().items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
