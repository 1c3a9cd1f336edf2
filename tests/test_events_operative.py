"""Round-7 rule: the verbs of a resolution's operative and preambular paragraphs have the document's author as
their source (events/operative.py), never an actor of the sentence; without a known author, no source and
``reason`` ``unnamed-author``."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from diplolib.actors.matcher_cache import default_matcher
from diplolib.events import extract_events, un_authors

TEXTS = [
    ("en", "S/RES/2254", "3. Condemns the attacks by ISIS on Iraq and requests the Secretary-General to report;"),
    ("en", "A/RES/69/170", "Recalling its resolution 2118 and welcoming the efforts of Russia and Turkey,"),
    ("en", "A/69/700", "Russia condemns the attacks by ISIS on Iraq."),  # a named subject: the ordinary rules
    ("fr", "A/RES/69/1", "Est conscient que la stabilité est essentielle pour Haïti, et salue les efforts déployés par "
                         "l'Organisation des Nations Unies ;"),
    ("fr", "S/2015/95", "Condamne les attaques de l'EIIL contre l'Iraq ;"),  # symbol of a letter or a draft: unknown
    ("ar", "A/RES/69/3", "وإذ ترحب في هذا الصدد بمبادرات تركمانستان المتعلقة بكفالة المرور العابر للطاقة،"),
    ("ar", "A/69/5", "وتدين أرمينيا بشدة هذه الاستفزازات من جانب أذربيجان."),  # verb first, its subject after it
    ("en", "S/RES/1", "Following the talks, Russia welcomes the agreement with Turkey."),  # a news sentence
    ("ar", "S/RES/2209", "5 - يعرب عن تأييده لقرار المجلس التنفيذي، ويرحب بجهود تركمانستان؛"),  # coordinated, و glued
]


@pytest.fixture(scope="module")
def articles():
    arts = pd.DataFrame({"article_id": [str(i) for i in range(len(TEXTS))], "lang": [t[0] for t in TEXTS],
                         "title": [t[1] for t in TEXTS], "text": [t[2] for t in TEXTS]})
    return arts.assign(author=un_authors(arts))


@pytest.fixture(scope="module")
def both(articles):
    m = default_matcher()
    return extract_events(articles, registry=m), extract_events(articles, registry=m, author="author")


def _rows(ev, article, event):
    return ev[(ev["article_id"] == article) & (ev["event"] == event)]


def test_un_authors_read_the_symbol(articles):
    assert un_authors(articles).tolist() == ["org:unsc", "org:unga", "", "org:unga", "", "org:unga", "", "org:unsc",
                                             "org:unsc"]
    hrc = pd.DataFrame({"title": ["A/HRC/RES/28/1", "A/C.3/69/L.12", "S/PRST/2015/2", "E/CN.5/2015/L.4"]})
    assert un_authors(hrc).tolist() == ["org:unhrc", "org:unga", "org:unsc", ""]
    with pytest.raises(ValueError, match="symbol="):
        un_authors(hrc, symbol="symbol")


def test_operative_verb_has_the_author_as_source(both):
    plain, given = both
    cond = _rows(given, "0", "DISAPPROVE")
    assert set(cond["source"]) == {"org:unsc"} and "grp:isis" in set(cond["target"])
    assert set(_rows(given, "0", "DEMAND")["source"]) == {"org:unsc"}  # "…, and requests": coordinated
    un = _rows(plain, "0", "DISAPPROVE")  # no author given: no source, flagged, never ISIS
    assert set(un["source"]) == {""} and set(un["reason"]) == {"unnamed-author"}
    fr = _rows(given, "4", "DISAPPROVE")  # a symbol that does not say the author
    assert set(fr["source"]) == {""} and set(fr["reason"]) == {"unnamed-author"}


def test_preambular_and_coordinated_verbs(both):
    plain, given = both
    welcome = _rows(given, "1", "SUPPORT")
    assert set(welcome["source"]) == {"org:unga"} and set(welcome["target"]) == {"RUS", "TUR"}
    assert set(_rows(plain, "1", "SUPPORT")["source"]) == {""}
    salue = _rows(given, "3", "SUPPORT")  # "Est conscient …, et salue les efforts … de l'ONU"
    assert set(salue["source"]) == {"org:unga"} and set(salue["target"]) == {"org:un"}
    assert set(_rows(given, "5", "SUPPORT")["source"]) == {"org:unga"}  # "وإذ ترحب …،"
    assert set(_rows(given, "8", "SUPPORT")["source"]) == {"org:unsc"}  # "… ويرحب بجهود تركمانستان"


def test_named_subjects_keep_the_ordinary_rules(both):
    plain, given = both
    for ev in both:
        assert set(_rows(ev, "2", "DISAPPROVE")["source"]) == {"RUS"}
        assert set(_rows(ev, "6", "DISAPPROVE")["source"]) == {"ARM"}  # "وتدين أرمينيا": its subject follows
        assert set(_rows(ev, "7", "SUPPORT")["source"]) == {"RUS"}
        assert "unnamed-author" not in set(ev.loc[ev["article_id"].isin(["2", "6", "7"]), "reason"])


def _random_heads(lang: str, n: int, seed: int) -> list[str]:
    """Heads built from the closed classes, their near misses and filler, with numbers and punctuation."""
    import random

    from diplolib.events import operative

    rng = random.Random(seed)
    words = sorted(operative.OPERATIVE[lang] | operative.PREAMBULAR[lang] | operative._ADVERBS[lang])
    filler = ["se", "s", "est", "3", "iv", "a", "and", "the", "و", "لا", "x" * 85, "x" * 77 + "ing" + "xyz",
              "x" * 77 + "ant" + "xyz", "singing", "chantant", "ing",
              "condemn", "condemnsx", "Russia", "Россия", "ويدين", "وتدين", "_", "2014"]
    marks = ["", " ", ". ", "(a) ", "iv) ", "54 - ", ", ", "- ", "« ", "(", ")", "' "]
    out = []
    for _ in range(n):
        parts = [rng.choice(marks)]
        for _ in range(rng.randint(0, 6)):
            w = rng.choice(words if rng.random() < 0.5 else filler)
            parts += [w[: rng.randint(1, len(w))] if rng.random() < 0.1 else w, rng.choice([" ", " ", ", ", "-"])]
        out.append("".join(parts))
    return out


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_candidate_heads_hold_every_opening(lang):
    """``author_hits`` runs ``_opening`` only on the heads ``candidates`` keeps: it must keep every head ``_opening``
    reads as operative or preambular (a superset), on random heads and on the module's sample paragraphs, read
    inside a longer string by their offsets as ``author_hits`` does; and it must leave out a news sentence (else it
    filters nothing)."""
    from diplolib.events import operative
    from diplolib.normalize.matching import matching_form

    heads = _random_heads(lang, 20000, seed=7) + [matching_form(t[2]) for t in TEXTS if t[0] == lang]
    wide = "".join("zz. " + h + " tail" for h in heads)  # each head read inside a longer string, as in a batch
    lo = np.cumsum([0] + [len(h) + 9 for h in heads[:-1]]) + 4
    found = operative.candidates(wide, lo.tolist(), (lo + [len(h) for h in heads]).tolist(), lang)
    opened = 0
    for head, kept in zip(heads, found, strict=True):
        if operative._opening(head, lang, True) is not None:
            opened += 1
            assert kept, head
    assert opened > 500 and sum(found) < len(heads)
    news = {"en": "russia condemns the attacks", "fr": "la france condamne les attaques", "ar": "روسيا تدين الهجمات"}
    assert operative.candidates(news[lang], [0], [len(news[lang])], lang) == [False]
    assert operative._opening(news[lang], lang, True) is None
