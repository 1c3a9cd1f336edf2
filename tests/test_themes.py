"""Tests for diplolib.themes: the theme dictionary, tagging, scores, sentences and kwic."""

from __future__ import annotations

import re
import textwrap
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from suite_cache import shipped_themes

from diplolib.normalize.matching import matching_form
from diplolib.segment import sentence_spans, split_sentences
from diplolib.themes import HIT_COLUMNS, ThemeFileError, kwic, load_themes, tag_themes, theme_scores
from diplolib.themes.cues import cue_pattern
from diplolib.themes.offsets import offset_map

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def themes():
    return shipped_themes()


def _articles(*rows):
    return pd.DataFrame(rows, columns=["article_id", "lang", "text"])


def _hits_of(text, lang, themes):
    hits = tag_themes(_articles(("a1", lang, text)), dictionary=themes)
    return hits[hits["theme"].notna()]


# ---------------------------------------------------------------- shipped dictionary


def test_shipped_dictionary_validates(themes):
    t, c = themes.themes, themes.cues
    assert list(t.columns) == ["theme", "parent", "label", "description", "source", "scope"]
    assert list(c.columns) == ["theme", "parent", "lang", "cue", "pattern", "kind", "source", "near", "not_near", "window", "body"]
    leaves = t[t["parent"].notna()]
    roots = set(t.loc[t["parent"].isna(), "theme"])
    assert 25 <= len(leaves) <= 45
    assert set(leaves["parent"]) <= roots
    assert t["theme"].is_unique
    assert (t["description"].str.len() > 10).all()
    assert themes.languages == ["ar", "en", "fr"]
    inc = c[c["kind"] == "include"]
    for leaf in leaves["theme"]:
        assert set(inc.loc[inc["theme"] == leaf, "lang"]) == {"ar", "en", "fr"}, leaf
    for pattern in c["pattern"]:
        rx = re.compile(pattern)
        assert rx.search("") is None
        assert rx.search("le la the of and in a و في من") is None, pattern


def test_spec_examples_are_in_the_dictionary(themes):
    for parent in (
        "diplomacy",
        "conflict",
        "humanitarian",
        "terrorism_security",
        "sanctions",
        "un",
        "economy",
        "politics",
        "human_rights",
    ):
        assert parent in set(themes.themes["theme"])
    for leaf in (
        "talks",
        "mediation",
        "phone_call",
        "visit",
        "agreement",
        "summit",
        "airstrike",
        "shelling",
        "siege",
        "ceasefire",
        "chemical_weapons",
        "ground_offensive",
        "casualties",
        "aid",
        "refugees",
        "detainees",
        "evacuation",
        "terrorism",
        "counterterrorism",
        "resolution",
        "security_council",
        "un_envoy",
        "trade",
        "energy",
        "reconstruction",
        "elections",
        "constitution",
        "political_transition",
    ):
        assert leaf in set(themes.themes["theme"]), leaf


# ---------------------------------------------------------------- cues per language

POSITIVE = [
    ("en", "ceasefire", "The ceasefire held overnight.", "ceasefire"),
    ("en", "ceasefire", "Two cease-fires collapsed.", "cease-fires"),
    ("en", "ceasefire", "A cease fire was announced.", "cease fire"),
    ("en", "ceasefire", "The TRUCE in Homs.", "TRUCE"),
    ("en", "airstrike", "Russian air strikes hit Idlib.", "air strikes"),
    ("en", "airstrike", "Aleppo was bombarded at dawn.", "bombarded"),
    ("en", "airstrike", "The bombardment lasted hours.", "bombardment"),
    ("en", "talks", "Negotiations resumed in Geneva.", "Negotiations"),
    ("en", "talks", "The chief negotiator left.", "negotiator"),
    ("en", "chemical_weapons", "Use of chemical weapons was confirmed.", "chemical weapons"),
    ("en", "chemical_weapons", "A sarin attack.", "sarin"),
    ("en", "phone_call", "Putin and Trump spoke by phone on Monday.", "spoke by phone"),
    ("en", "phone_call", "In a telephone conversation, the leaders agreed.", "telephone conversation"),
    ("en", "mediation", "A truce brokered by Russia.", "brokered"),
    ("en", "resolution", "The council adopted resolution 2254.", "resolution 2254"),
    ("en", "counterterrorism", "Counter-terrorism cooperation was discussed.", "Counter-terrorism"),
    ("en", "siege", "The besieged town of Madaya.", "besieged"),
    ("fr", "ceasefire", "Le cessez-le-feu a été violé.", "cessez-le-feu"),
    ("fr", "ceasefire", "Deux trêves ont échoué.", "trêves"),
    ("fr", "ceasefire", "La Trêve tient.", "Trêve"),
    ("fr", "airstrike", "Des bombardements ont visé Alep.", "bombardements"),
    ("fr", "airstrike", "La ville a été bombardée hier.", "bombardée"),
    ("fr", "airstrike", "Les quartiers bombardés.", "bombardés"),
    ("fr", "airstrike", "Des frappes aériennes russes.", "frappes aériennes"),
    ("fr", "aid", "L’aide humanitaire est arrivée.", "humanitaire"),
    ("fr", "chemical_weapons", "L'usage d’armes chimiques.", "armes chimiques"),
    ("fr", "talks", "Les négociations de Genève.", "négociations"),
    (
        "fr",
        "phone_call",
        "Lavrov et Kerry, lors d’un contact téléphonique, ont convenu.",
        "contact téléphonique",
    ),
    ("fr", "phone_call", "Il s'est entretenu par téléphone avec Erdogan.", "entretenu par téléphone"),
    ("fr", "refugees", "Les réfugiées syriennes.", "réfugiées"),
    ("fr", "elections", "L'élection présidentielle.", "élection"),
    ("fr", "siege", "Les zones assiégées.", "assiégées"),
    ("ar", "ceasefire", "أعلنت الهدنة في حمص", "الهدنة"),
    ("ar", "ceasefire", "وقعت هدنة جديدة", "هدنة"),
    ("ar", "ceasefire", "والهدنة صامدة", "والهدنة"),
    ("ar", "ceasefire", "دعا للهدنة", "للهدنة"),
    ("ar", "ceasefire", "خرق اتفاق وقف إطلاق النار", "وقف إطلاق النار"),
    ("ar", "ceasefire", "هدن محلية", "هدن"),
    ("ar", "ceasefire", "الهُدْنَةُ", "الهُدْنَةُ"),
    ("ar", "shelling", "قصف مدفعي على الأحياء", "قصف"),
    ("ar", "shelling", "وبالقصف", "وبالقصف"),
    ("ar", "un", "التابعة للأمم المتحدة", "للأمم المتحدة"),
    ("ar", "chemical_weapons", "استخدام الأسلحة الكيميائية", "الأسلحة الكيميائية"),
    ("ar", "terrorism", "المجموعات الإرهابية", "الإرهابية"),
    ("ar", "talks", "جولة من المفاوضات", "جولة من المفاوضات"),
]


@pytest.mark.parametrize(("lang", "theme", "text", "surface"), POSITIVE)
def test_cue_fires(lang, theme, text, surface, themes):
    hits = _hits_of(text, lang, themes)
    got = hits.loc[hits["theme"] == theme, "surface"].tolist()
    assert surface in got, (theme, got)


NEGATIVE = [
    ("en", "talks", "He appeared on a talk show."),
    ("en", "resolution", "A peaceful resolution of the conflict is needed."),
    ("en", "resolution", "The image has a high resolution."),
    ("en", "agreement", "They must deal with the crisis."),
    ("en", "agreement", "He resigned of his own accord."),
    ("en", "agreement", "Tourists treat themselves."),
    ("en", "visit", "Please visit our website for details."),
    ("en", "conflict", "Veterans of World War II and the Cold War."),
    ("en", "rights_abuses", "The Syrian Observatory for Human Rights said."),
    ("en", "ground_offensive", "He apologised for offensive remarks."),
    ("en", "un", "An unusual union."),
    ("en", "aid", "A sigh of relief."),
    ("en", "mediation", "Coverage by the media was immediate."),
    ("en", "energy", "The energy of the particles."),
    ("en", "airstrike", "A car bomb exploded."),
    ("en", "phone_call", "she told AFP by telephone"),
    ("fr", "agreement", "Je suis d'accord avec vous."),
    ("fr", "refugees", "Le ministre s'est déplacé à Lyon."),
    ("fr", "refugees", "Des gestes déplacés."),
    ("fr", "summit", "Au sommet de la montagne."),
    ("fr", "trade", "C'est important de commercialiser."),
    ("fr", "siege", "Le siège de l'ONU à New York."),
    ("fr", "resolution", "La résolution du conflit passe par le dialogue."),
    ("fr", "mediation", "Une couverture médiatique."),
    ("fr", "un", "Un homme et une femme."),
    ("fr", "un_envoy", "L'émission Envoyé spécial a diffusé un reportage."),
    ("fr", "energy", "L'énergie des particules."),
    ("fr", "peacekeeping", "Les observateurs craignent une hausse."),
    ("ar", "chemical_weapons", "الحالة الكيميائية للمادة"),
    ("ar", "visit", "جولة الإعادة في الانتخابات"),
    ("ar", "ceasefire", "هدية"),
]


@pytest.mark.parametrize(("lang", "theme", "text"), NEGATIVE)
def test_false_friend_does_not_fire(lang, theme, text, themes):
    hits = _hits_of(text, lang, themes)
    assert theme not in set(hits["theme"]), hits[["theme", "surface", "cue"]].to_dict("records")


# ---------------------------------------------------------------- cue syntax


@pytest.mark.parametrize(
    ("cue", "lang", "yes", "no"),
    [
        ("negotiat*", "en", ["negotiations", "negotiate"], ["renegotiate", "negotia"]),
        ("bomb(s|ed)", "en", ["bomb", "bombs", "bombed"], ["bombing", "abomb"]),
        ("cease-fire(s)", "en", ["ceasefire", "cease fire", "cease-fires"], ["ceasefired"]),
        ("chemical weapon(s)", "en", ["chemical weapons", "chemical  weapon"], ["chemicalweapons"]),
        ("[peaceful|political] resolution", "en", ["peaceful resolution"], ["resolution"]),
        (
            "embargo on (the) [arms|weapons]",
            "en",
            ["embargo on arms", "embargo on the weapons"],
            ["embargo on the"],
        ),
        ("treve(s)", "fr", ["treve", "treves"], ["trevestre"]),
        ("هدنه", "ar", ["هدنه", "الهدنه", "والهدنه", "فبالهدنه", "للهدنه"], ["هدنهم", "مهدنه"]),
    ],
)
def test_cue_syntax(cue, lang, yes, no):
    rx = re.compile(cue_pattern(cue, lang))
    for text in yes:
        assert rx.fullmatch(text), (cue, text)
    for text in no:
        assert not rx.fullmatch(text), (cue, text)


@pytest.mark.parametrize(
    "cue", ["", "   ", "*", "a*", "ab*", "(s)", "x", "(a|b)", "[|x] y", "war$", "a+b", "bo(mb"]
)
def test_bad_cue_refused(cue):
    with pytest.raises(ValueError):
        cue_pattern(cue, "en")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab c*()|[]-éهدنة", max_size=12))
def test_cue_pattern_never_matches_empty(cue):
    try:
        pattern = cue_pattern(cue, "ar")
    except ValueError:
        return
    assert re.search(pattern, "") is None
    assert re.search(pattern, "   ") is None


# ---------------------------------------------------------------- theme files


def _write(tmp_path, body, name="user.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(body).lstrip(), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("themes:\n  - id: x\n    label: [unclosed\n", 4, "not valid YAML"),
        ("themes:\n  - id: truce2\n    parent: nowhere\n    label: T\n", 3, "unknown parent"),
        ("themes:\n  - id: a\n    label: A\n  - id: a\n    label: B\n", 4, "duplicate theme id"),
        ("themes:\n  - id: a\n    label: A\n    cues:\n      en: [ok, '']\n", 5, "empty cue"),
        (
            "themes:\n  - id: a\n    label: A\n    cues:\n      en:\n        - fine\n        - '*'\n",
            7,
            "wildcard",
        ),
        ("themes:\n  - id: a\n    label: A\n    cues:\n      english: [truce]\n", 5, "unknown language"),
        ("themes:\n  - id: a\n    label: A\n    colour: red\n", 4, "unknown theme key"),
        ("themes:\n  - id: A-B\n    label: A\n", 2, "invalid"),
        ("themes:\n  - id: a\n", 2, "no 'label'"),
        ("themes: {}\n", 1, "must be a list"),
        ("themes:\n  - id: a\n    label: A\n    cues:\n      fr: [guerre, (la|le)]\n", 5, "almost anything"),
        ("themes:\n  - id: a\n    label: A\n    exclude:\n      en: [ab*]\n", 5, "wildcard"),
    ],
)
def test_malformed_file_reports_file_and_line(tmp_path, body, line, words):
    path = _write(tmp_path, body)
    with pytest.raises(ThemeFileError) as err:
        load_themes(path)
    msg = str(err.value)
    assert msg.startswith(f"{path}:{line}:"), msg
    assert words in msg


def test_user_file_adds_overrides_and_extends(tmp_path, themes):
    path = _write(
        tmp_path,
        """
        themes:
          - id: cyber
            parent: conflict
            label: Cyber attacks
            description: Hacking and cyber attacks.
            cues:
              en: [cyber-attack(s), hack(ed|ers)]
              de: [cyberangriff(e)]
          - id: ceasefire
            parent: conflict
            label: Truce only
            cues:
              en: [truce(s)]
          - id: summit
            extend: true
            cues:
              en: [davos]
        """,
    )
    d = load_themes(path)
    assert "cyber" in set(d.themes["theme"])
    assert d.languages == ["ar", "de", "en", "fr"]
    cf = d.cues[d.cues["theme"] == "ceasefire"]
    assert cf["cue"].tolist() == ["truce(s)"]
    assert d.themes.set_index("theme").loc["ceasefire", "label"] == "Truce only"
    summit = d.cues[(d.cues["theme"] == "summit") & (d.cues["lang"] == "en")]["cue"].tolist()
    assert "davos" in summit and "summit(s)" in summit
    assert d.cues[d.cues["cue"] == "davos"]["source"].iloc[0] == f"{path}:17"
    hits = tag_themes(_articles(("x", "en", "Hackers and a cease-fire at Davos; a truce.")), dictionary=d)
    assert set(hits["theme"]) == {"cyber", "ceasefire", "summit"}
    assert "cease-fire" not in hits["surface"].tolist()


def test_user_file_alone_needs_its_parents(tmp_path):
    path = _write(tmp_path, "themes:\n  - id: x\n    parent: conflict\n    label: X\n")
    with pytest.raises(ThemeFileError, match="unknown parent 'conflict'"):
        load_themes(path, include_default=False)


# ---------------------------------------------------------------- tagging


NASTY = _articles(
    ("en1", "en", "Talks in Geneva.\nA CEASEFIRE was agreed by U.S. and Russian envoys. Airstrikes resumed!"),
    (
        "fr1",
        "fr",
        "M. Lavrov l’a dit : la trêve tient. Les bombardements d’artillerie ont cessé…"
        "\nL’aide humanitaire arrive.",
    ),
    ("ar1", "ar", "أعلنت الهُدْنَةُ في حمص. وقال المبعوث الأممي إن القصــف توقف؟ نعم"),
    ("de1", "de", "Der Waffenstillstand hält."),
    ("empty", "en", ""),
    ("ss", "en", "Straße talks: the truce."),
)


def test_offsets_point_at_surface():
    hits = tag_themes(NASTY)
    ok = hits[hits["theme"].notna()]
    text = NASTY.set_index("article_id")["text"]
    assert len(ok) >= 12
    for r in ok.itertuples():
        assert text[r.article_id][r.start : r.end] == r.surface


def test_hit_table_shape_and_sentences():
    hits = tag_themes(NASTY)
    assert list(hits.columns) == HIT_COLUMNS
    ok = hits[hits["theme"].notna()].set_index(["article_id", "surface"])
    assert ok.loc[("en1", "Talks"), "sentence"] == 0
    assert ok.loc[("en1", "CEASEFIRE"), "sentence"] == 1
    assert ok.loc[("en1", "Airstrikes"), "sentence"] == 2
    assert ok.loc[("fr1", "trêve"), "sentence"] == 0
    assert ok.loc[("fr1", "humanitaire"), "sentence"] == 2
    assert ok.loc[("ar1", "القصــف"), "sentence"] == 1
    assert ok.loc[("ar1", "القصــف"), "theme"] == "shelling"
    assert ok.loc[("en1", "CEASEFIRE"), "parent"] == "conflict"


def test_untagged_language_is_reported_not_zero():
    hits = tag_themes(NASTY)
    untagged = hits[hits["theme"].isna()].set_index("article_id")["reason"]
    assert "no cues for language 'de'" in untagged["de1"]
    assert untagged["empty"] == "no text"
    scores = theme_scores(hits, articles=NASTY)
    de = scores[scores["article_id"] == "de1"]
    assert not de["tagged"].any() and de["n"].isna().all()
    en = scores[scores["article_id"] == "en1"].set_index("theme")
    assert en.loc["ceasefire", "n"] == 1 and en.loc["siege", "n"] == 0
    assert en["share"].sum() == pytest.approx(1.0)
    assert len(scores) == NASTY["article_id"].nunique() * scores["theme"].nunique()


def test_langs_selects_and_unknown_lang_raises():
    hits = tag_themes(NASTY, langs=["fr"])
    assert set(hits.loc[hits["theme"].notna(), "article_id"]) == {"fr1"}
    assert "not in langs" in hits.set_index("article_id").loc["en1", "reason"]
    with pytest.raises(ValueError, match="no cues"):
        tag_themes(NASTY, langs=["xx"])


def test_input_unchanged_and_errors():
    before = NASTY.copy(deep=True)
    tag_themes(NASTY)
    kwic(NASTY, "truce(s)")
    theme_scores(tag_themes(NASTY), articles=NASTY)
    pd.testing.assert_frame_equal(NASTY, before)
    with pytest.raises(ValueError, match="lacks column"):
        tag_themes(NASTY.drop(columns="lang"))
    with pytest.raises(TypeError):
        tag_themes(["not", "a", "frame"])


def test_deterministic():
    pd.testing.assert_frame_equal(tag_themes(NASTY), tag_themes(NASTY))


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab truce.  \nÉé’'-هدنةالقصف،؟ّـ") + ["ﬁ", "ß", "İ"]), max_size=60)
)
def test_tagging_any_text_keeps_offsets(text):
    arts = _articles(("x", "en", text), ("y", "ar", text))
    for r in tag_themes(arts).dropna(subset=["theme"]).itertuples():
        assert text[r.start : r.end] == r.surface
        assert r.surface.strip()


# ---------------------------------------------------------------- matching form, sentences, kwic


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("L’Aide", "l aide"),
        ("Trêves ÉTÉ", "treves ete"),
        ("الهُدْنَةُ", "الهدنه"),
        ("أإآ", "ااا"),
        ("القصــف", "القصف"),
        ("مستشفى", "مستشفي"),
        ("Straße", "strasse"),
    ],
)
def test_matching_form(raw, expected):
    assert matching_form(raw) == expected
    match, index_map = offset_map(raw)
    assert len(index_map) == len(match) + 1 and index_map[-1] == len(raw)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "M. Lavrov a rencontré Mr. Kerry. Puis il est parti.",
            ["M. Lavrov a rencontré Mr. Kerry.", "Puis il est parti."],
        ),
        ("The U.S. said so. Then 3 died!", ["The U.S. said so.", "Then 3 died!"]),
        ("Le N° 5 est là ? « Oui. » Fin", ["Le N° 5 est là ?", "« Oui. » Fin"]),
        ("قال الوزير. وأضاف أن الهدنة صامدة؟ نعم", ["قال الوزير.", "وأضاف أن الهدنة صامدة؟", "نعم"]),
        ("Line one\nLine two", ["Line one", "Line two"]),
        ("J. Smith arrived… Then he left.", ["J. Smith arrived…", "Then he left."]),
        ("", []),
    ],
)
def test_sentences(text, expected):
    assert split_sentences(text) == expected
    for a, b in sentence_spans(text):
        assert text[a:b].strip() == text[a:b]


def test_kwic_table():
    k = kwic(NASTY, "truce(s)", window=10)
    assert list(k.columns) == ["article_id", "start", "end", "left", "match", "right"]
    assert k["article_id"].tolist() == ["ss"]
    assert k["match"].tolist() == ["truce"] and k["left"].iloc[0] == "alks: the "
    text = NASTY.set_index("article_id")["text"]
    for r in k.itertuples():
        assert text[r.article_id][r.start : r.end] == r.match
    fr = kwic(NASTY, "treve(s)", lang="fr")
    assert fr["match"].tolist() == ["trêve"]
    ar = kwic(NASTY, "هدنة", lang="ar")
    assert ar["match"].tolist() == ["الهُدْنَةُ"]
    rx = kwic(NASTY, r"bombardement\w*", regex=True)
    assert rx["match"].tolist() == ["bombardements"]
    with pytest.raises(ValueError):
        kwic(NASTY, "(", regex=True)
    with pytest.raises(ValueError):
        kwic(NASTY, "x*", regex=True)


# ---------------------------------------------------------------- real corpora


def _raw(name):
    path = REPO / "data" / "raw" / name
    if not path.is_dir():
        pytest.skip(f"corpus {name} not fetched: run `diplolib fetch {name}`")
    return path


def test_fakes_offsets_and_coverage(themes):
    path = _raw("fa-kes") / "FA-KES-Dataset.csv"
    raw = pd.read_csv(path, encoding="utf-8").head(120)
    arts = pd.DataFrame({"article_id": range(len(raw)), "lang": "en", "text": raw["article_content"]})
    hits = tag_themes(arts, dictionary=themes)
    ok = hits[hits["theme"].notna()]
    for r in ok.itertuples():
        assert arts.at[r.article_id, "text"][r.start : r.end] == r.surface
    assert {"casualties", "airstrike", "terrorism", "ceasefire"} <= set(ok["theme"])
    assert ok["article_id"].nunique() > 100


def test_wikinews_fr_offsets(themes):
    from lxml import html

    docs = sorted((_raw("wikinews-fr") / "documents").glob("*.html"))[:40]
    texts = ["\n".join(p.text_content() for p in html.fromstring(d.read_bytes()).xpath("//p")) for d in docs]
    arts = pd.DataFrame({"article_id": [d.name for d in docs], "lang": "fr", "text": texts})
    hits = tag_themes(arts, dictionary=themes).dropna(subset=["theme"])
    by_id = arts.set_index("article_id")["text"]
    assert len(hits) > 20
    for r in hits.itertuples():
        assert by_id[r.article_id][r.start : r.end] == r.surface


# ---------------------------------------------------------------- fast path == exact path


def _same_as_exact(arts, themes):
    from diplolib.themes.tagging import _tag_themes_exact

    fast = tag_themes(arts, dictionary=themes)
    pd.testing.assert_frame_equal(fast, _tag_themes_exact(arts, dictionary=themes))
    return fast


def test_fast_path_equals_exact_path_on_nasty_rows(themes):
    _same_as_exact(NASTY, themes)


@lru_cache(maxsize=1)
def _shared_themes():
    return shipped_themes()


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["truce", "un", "U.N.", "war", "crimes", "al-Qaeda", "qaida", "talks", "talk", "show", "unrest",
             "the", "de", "accord", "d'accord", "suis", "visite", "aux", "gaz", "sarin", "هدنة", "الهدنة", "وقف",
             "إطلاق", "النار", "للأمم", "المتحدة", "الحرب", "الأهلية", ".", ",", "-", " ", "\n", "’", "é"]
        ),
        max_size=25,
    ),
    st.sampled_from(["en", "fr", "ar"]),
)
def test_fast_path_equals_exact_path_on_any_text(words, lang):
    text = "".join(w if w in ".,-\n’" else f" {w}" for w in words)
    _same_as_exact(_articles(("x", lang, text)), _shared_themes())


def test_fast_path_equals_exact_path_on_real_corpora(themes):
    from lxml import html

    fakes = pd.read_csv(_raw("fa-kes") / "FA-KES-Dataset.csv", encoding="utf-8").head(300)
    docs = sorted((_raw("wikinews-fr") / "documents").glob("*.html"))
    texts = ["\n".join(p.text_content() for p in html.fromstring(d.read_bytes()).xpath("//p")) for d in docs]
    arabic = pd.read_csv(_raw("sib200") / "arb_Arab" / "train.tsv", sep="\t", quoting=3)
    arts = pd.concat(
        [
            pd.DataFrame({"article_id": [f"fk{i}" for i in range(len(fakes))], "lang": "en",
                          "text": fakes["article_content"]}),
            pd.DataFrame({"article_id": [d.name for d in docs], "lang": "fr", "text": texts}),
            pd.DataFrame({"article_id": [f"ar{i}" for i in range(len(arabic))], "lang": "ar",
                          "text": arabic["text"]}),
        ],
        ignore_index=True,
    )
    hits = _same_as_exact(arts, themes)
    assert hits["theme"].notna().sum() > 3000
    assert set(hits.loc[hits["theme"].notna(), "lang"]) == {"en", "fr", "ar"}


def test_prefilter_anchors_are_in_every_match():
    from diplolib.themes.prefilter import pattern_prefilter

    d = shipped_themes()
    samples = {
        "truce(s)": ["truce", "truces"],
        "al-qa(e|i)da": ["al-qaeda", "alqaida", "al qada"],
        "هدنة": ["والهدنه", "للهدنه", "هدنه"],
        "[spoke|speaks] [by|over the] [phone|telephone]": ["spoke by phone", "speaks over the  telephone"],
    }
    for cue, texts in samples.items():
        lang = "ar" if cue == "هدنة" else "en"
        pattern = cue_pattern(cue, lang)
        anchors, extra = pattern_prefilter(pattern)
        assert anchors and extra == frozenset()
        for text in texts:
            m = re.fullmatch(pattern, text)
            assert m, (cue, text)
            assert any(
                text.find(lit, lo) != -1 and (hi is None or text.find(lit, lo) <= hi)
                for lit, _, _, lo, hi in anchors
            ), (cue, text, anchors)
    assert len(d.cues) > 0


def test_missing_or_unknown_language_is_reported_untagged():
    arts = _articles(("a", None, "The truce held."), ("b", "es", "La tregua."), ("c", "en", "The truce held."))
    hits = tag_themes(arts)
    reasons = hits[hits["theme"].isna()].set_index("article_id")["reason"]
    assert set(reasons.index) == {"a", "b"}
    assert "no cues for language 'es'" in reasons["b"]
    assert set(hits.loc[hits["theme"].notna(), "article_id"]) == {"c"}


# ---------------------------------------------------------------- evaluation


def test_keyphrase_agreement_counts():
    from diplolib.themes.evaluate import keyphrase_agreement

    arts = pd.DataFrame(
        {
            "article_id": ["a", "b", "c", "d"],
            "lang": "fr",
            "text": ["Les élections ont eu lieu.", "Rien à signaler.", "Un attentat à Paris.", "Le scrutin."],
            "keyphrases": ["Élections;vote", "élections", "attentat; paris", None],
        }
    )
    before = arts.copy(deep=True)
    mapping = pd.DataFrame({"keyphrase": ["élections", "attentat", "absent"],
                            "theme": ["elections", "terrorism", "talks"], "note": ""})
    out = keyphrase_agreement(tag_themes(arts), articles=arts, mapping=mapping).set_index(["keyphrase", "theme"])
    pd.testing.assert_frame_equal(arts, before)
    assert out.loc[("élections", "elections"), ["n_articles", "n_fired"]].tolist() == [2, 1]
    assert out.loc[("élections", "elections"), "recall"] == pytest.approx(0.5)
    assert out.loc[("élections", "elections"), "missed"] == "b"
    assert out.loc[("attentat", "terrorism"), "recall"] == 1.0
    assert out.loc[("absent", "talks"), "n_articles"] == 0 and pd.isna(out.loc[("absent", "talks"), "recall"])
    assert out.loc[("(all)", "(all)"), ["n_articles", "n_fired"]].tolist() == [3, 2]
    with pytest.raises(ValueError, match="lacks column"):
        keyphrase_agreement(tag_themes(arts), articles=arts.drop(columns="keyphrases"), mapping=mapping)


def test_shipped_keyphrase_mapping_is_valid(themes):
    from diplolib.themes.evaluate import load_keyphrase_mapping

    mapping = load_keyphrase_mapping()
    assert len(mapping) >= 30
    assert set(mapping["theme"]) <= set(themes.themes["theme"])
    assert not mapping.duplicated(["keyphrase", "theme"]).any()


def test_wikinews_fr_keyphrase_recall(themes):
    from diplolib import datasets
    from diplolib.themes.evaluate import keyphrase_agreement

    _raw("wikinews-fr")
    articles, _ = datasets.load("wikinews-fr")
    out = keyphrase_agreement(tag_themes(articles, dictionary=themes), articles=articles)
    pairs = out[~out["keyphrase"].isin(["(any)", "(all)"])]
    assert (pairs["n_articles"] >= 1).all(), pairs[pairs["n_articles"] == 0]  # every mapped keyphrase occurs
    overall = out.set_index("keyphrase").loc["(all)"]
    assert overall["n_articles"] >= 30
    assert overall["recall"] >= 0.9


def test_precision_sample_and_precision():
    from diplolib.themes.evaluate import precision, precision_sample

    arts = pd.concat([NASTY, _articles(("en2", "en", "Truce, truce and a truce; the ceasefire. Talks."))])
    hits = tag_themes(arts)
    before = hits.copy(deep=True)
    s1 = precision_sample(hits, 2, articles=arts, random_state=1)
    pd.testing.assert_frame_equal(hits, before)
    pd.testing.assert_frame_equal(s1, precision_sample(hits, 2, articles=arts, random_state=1))
    per_theme = s1.groupby("theme").size()
    assert per_theme.max() == 2 and per_theme["ceasefire"] == 2
    assert set(per_theme.index) == set(hits["theme"].dropna())
    assert all(f"[[{s}]]" in c for s, c in zip(s1["surface"], s1["context"], strict=True))
    assert s1["verdict"].isna().all()
    judged = s1.assign(verdict=["correct" if i % 3 else "incorrect" for i in range(len(s1))])
    judged.loc[0, "verdict"] = pd.NA  # unjudged rows are not counted
    p = precision(judged).set_index("theme")
    n = judged["verdict"].notna().sum()
    assert p.loc["(all)", "n_judged"] == n
    assert p.loc["(all)", "precision"] == pytest.approx((judged["verdict"] == "correct").sum() / n)
    assert (p["ci_low"] <= p["precision"]).all() and (p["precision"] <= p["ci_high"]).all()
    with pytest.raises(ValueError, match="unknown verdict"):
        precision(judged.assign(verdict="yes"))
    with pytest.raises(ValueError):
        precision_sample(hits, 0)
