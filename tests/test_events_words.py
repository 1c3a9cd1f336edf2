"""The array primitives of ``events.words`` and the rules rewritten on them, against the per-offset code they
replaced (kept here as the reference): random texts over a pool of nasty characters (apostrophes, hyphens,
digits, underscores, accents, combining marks, final sigma, ligatures, Arabic, non-BMP), and every phrase of the
sample corpora in English, French and Arabic."""

from __future__ import annotations

import random
import re

import numpy as np
import pandas as pd
import pytest

from conftest import corpus_dir
from diplolib import actors, datasets
from diplolib.events import extract, sectors, words
from diplolib.events.roles import actor_phrases
from diplolib.events.scan import batch

_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SPLIT = r"[,.;:()\"“”]"
POOL = list("ab sS'’-_1é,.;:()\"“”ĀΣς İ\u0301x\tZ\n") + ["😀", "ﬁ", "²", "و", "ا", "ـ", "\u00a0"]


def _random_texts(seed: int, n: int = 200) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(POOL) for _ in range(rng.randint(0, 160))) for _ in range(n)]


def _ref_tokens_after(t: str, s: int) -> list[tuple[int, int]]:
    part = re.split(_SPLIT, t[s:s + 48], maxsplit=1)[0]
    span = re.sub(r"^['’]s?\b", "", part)
    off = s + len(part) - len(span)
    return [(m.start() + off, m.end() + off) for m in _TOKEN.finditer(span)][:3]


def _ref_tokens_before(t: str, e: int) -> list[tuple[int, int]]:
    span = re.split(_SPLIT, t[max(e - 48, 0):e])[-1]
    return [(m.start() + e - len(span), m.end() + e - len(span)) for m in _TOKEN.finditer(span)][-4:]


@pytest.mark.parametrize("seed", range(4))
def test_tokens_around_offsets_equal_the_regex(seed):
    rng = random.Random(seed)
    for t in _random_texts(seed):
        codes = words.codes_of(t)
        pos = np.array([rng.randint(0, len(t)) for _ in range(20)], dtype=np.int64)
        a, z = words.tokens_after(codes, pos)
        for i, s in enumerate(pos.tolist()):
            assert [(x, y) for x, y in zip(a[i], z[i], strict=True) if x >= 0] == _ref_tokens_after(t, s), (t, s)
        a, z = words.tokens_before(codes, pos)
        for i, e in enumerate(pos.tolist()):
            assert [(x, y) for x, y in zip(a[i], z[i], strict=True) if x >= 0] == _ref_tokens_before(t, e), (t, e)


@pytest.mark.parametrize("seed", range(4))
def test_words_around_offsets_equal_rfind_and_find(seed):
    rng = random.Random(seed)
    for t in _random_texts(seed):
        spaced = " " + re.sub(r"[^\w]|_", " ", t) + "   "
        spaces = words.space_positions(spaced)
        pos = [rng.randint(0, len(spaced)) for _ in range(20)]
        assert words.word_before(spaced, spaces, np.array(pos)) == [spaced[spaced.rfind(" ", 0, s) + 1:s] for s in pos]
        assert words.word_after(spaced, spaces, np.array(pos)) == [spaced[s:spaced.find(" ", s)] for s in pos]


def test_char_classes_of_every_code_point_agree_with_re_and_str():
    chars = [chr(c) for c in range(0, 0x10000, 7)] + ["😀", "𝐀", "𝟏"]
    cls = words.char_classes(np.array([ord(c) for c in chars], dtype=np.uint32))
    for c, bits in zip(chars, cls.tolist(), strict=True):
        assert bool(bits & words.LETTER) == bool(re.match(r"[^\W\d_]", c)), repr(c)
        assert bool(bits & words.WORD) == bool(re.match(r"\w", c)), repr(c)
        assert bool(bits & words.UPPER) == c.isupper(), repr(c)


# --- the sectors of actor phrases: the per-phrase code before the array rewrite --------------------------------

def _ref_after(disp: str, z: int) -> str:
    span = re.sub(r"^['’]s?\b", "", re.split(r"[,.;:()\"“”]", disp[z:z + 48], maxsplit=1)[0])
    qualified = False
    for k, tok in enumerate(_TOKEN.findall(span)[:3]):
        code = sectors.SECTOR_NOUNS.get(tok.lower().replace("'", "").replace("’", ""))
        if code:
            return "REB" if qualified and code in ("MIL", "GOV") else code
        if not tok[:1].isupper() or k == 2:
            return ""
        qualified = True
    return ""


def _ref_before(disp: str, a: int, lang: str) -> str:
    span = re.split(r"[,.;:()\"“”]", disp[max(a - 48, 0):a])[-1]
    toks = [sectors._norm(t) for t in _TOKEN.findall(span)[-4:]]
    if lang in ("fr", "ar") and toks:
        code = sectors.SECTOR_NOUNS.get(toks[-1]) or (sectors.SECTOR_NOUNS.get(toks[-2]) if len(toks) > 1 else None)
        if code:
            return code
    while toks and toks[-1] in sectors._ARTICLES:
        toks.pop()
    if len(toks) >= 2 and toks[-1] in sectors._LOCALISING:
        return sectors.SECTOR_NOUNS.get(toks[-2], "")
    return ""


def reference_phrase_sectors(disp, phrases, country, lang, only=None, **_):
    out = np.full(len(phrases), "", dtype=object)
    near = np.zeros(len(phrases), dtype=bool)
    near[np.arange(len(phrases)) if only is None else np.asarray(only, dtype=np.int64)] = True
    states = near & np.array([a != "" and country.get(a) == a for a in phrases["actor"].tolist()], dtype=bool)
    gs, ge = phrases["gstart"].to_numpy(), phrases["gend"].to_numpy()
    for i in np.flatnonzero(states).tolist():
        code = _ref_after(disp, int(ge[i])) if lang == "en" else ""
        out[i] = code or _ref_before(disp, int(gs[i]), lang)
    return out


@pytest.fixture(scope="module")
def registry():
    return actors.load_registry()


def _phrases(arts: pd.DataFrame, registry) -> tuple:
    b = batch(arts["text"].tolist())
    mentions = actors.tag_actors(arts, registry=actors.ActorMatcher(registry))
    m = extract._batch_mentions(mentions, arts["article_id"], frozenset())
    country = dict(zip(registry.actors["actor_id"], registry.actors["country"].fillna(""), strict=True))
    return b, actor_phrases(b, m, country), country


@pytest.mark.parametrize("name, lang", [("fa-kes", "en"), ("meae-fr", "fr"), ("wikinews-fr", "fr"),
                                        ("wikinews-ar", "ar"), ("kremlin-en", "en")])
def test_phrase_sectors_equal_the_per_phrase_code(name, lang, registry):
    corpus_dir(name)
    arts = datasets.load(name)[0].iloc[:1500]
    b, phrases, country = _phrases(arts, registry)
    for la in {lang, "en", "fr"}:
        got = sectors.phrase_sectors(b.display, phrases, country, la, codes=b.codes)
        want = reference_phrase_sectors(b.display, phrases, country, la)
        np.testing.assert_array_equal(got, want)
        assert la != lang or (got != "").sum() > 0


def test_phrase_sectors_on_random_texts(registry):
    country = dict(zip(registry.actors["actor_id"], registry.actors["country"].fillna(""), strict=True))
    states = [a for a, c in country.items() if a == c][:5]
    rng = random.Random(7)
    texts = [t + rng.choice([" civilians", "'s forces", " Kurdish forces", " in", " of the", "s rebels"])
             for t in _random_texts(11, 100)]
    disp = "".join(texts)
    ends = np.cumsum([len(t) for t in texts])
    phrases = pd.DataFrame({"gstart": np.maximum(ends - 7, 0), "gend": np.maximum(ends - 3, 0),
                            "actor": [rng.choice(states) for _ in texts]})
    for lang in ("en", "fr", "ar"):
        np.testing.assert_array_equal(sectors.phrase_sectors(disp, phrases, country, lang),
                                      reference_phrase_sectors(disp, phrases, country, lang))
