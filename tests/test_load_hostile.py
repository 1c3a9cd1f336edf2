"""An analyst's own corpus, built in tmp_path: unusual columns and hostile files end as articles or error rows,
never as a crash, a lost record or a hang (issue 14)."""

from __future__ import annotations

import io
import json
import os
import tarfile
import time
import zipfile

import pandas as pd
import pytest

from diplolib.load import load_articles
from diplolib.normalize import ARTICLE_COLUMNS, normalize_articles
from diplolib.readers import read_records
from diplolib.readers.base import RESERVED_COLUMNS, meta_name

BODY = "The two ministers met in Geneva to discuss the ceasefire and the delivery of humanitarian aid."


def _write(path, data: bytes | str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def _tar(path, members: dict[str, bytes]):
    with tarfile.open(path, "w:gz") as tf:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    return path


# ---------------------------------------------------------------- clashing metadata names


CLASHING = ["byline", "dateline", "credits", "article_id", "duplicate_of", "text_match", "n_replacement_chars",
            "origin"]


def test_reserved_columns_cover_the_articles_table():
    assert set(ARTICLE_COLUMNS) <= RESERVED_COLUMNS
    assert meta_name("byline") == "meta_byline"
    assert meta_name("byline", {"meta_byline"}) == "meta_meta_byline"
    assert meta_name("topic") == "topic"


def test_csv_metadata_named_like_article_columns_is_kept_as_meta(tmp_path):
    header = ",".join(["text", *CLASHING])
    row = ",".join([f'"{BODY}"', *[f"v_{c}" for c in CLASHING]])
    _write(tmp_path / "a.csv", f"{header}\n{row}\n")
    articles, errors = load_articles(tmp_path)
    assert errors.empty and len(articles) == 1
    for col in CLASHING:
        assert articles.loc[0, f"meta_{col}"] == f"v_{col}"
    assert articles.columns.is_unique
    assert articles.loc[0, "origin"] == "a.csv:row 1"


def test_leftover_text_and_title_columns_when_columns_maps_elsewhere(tmp_path):
    _write(tmp_path / "a.csv", f'body,text,title,headline\n"{BODY}",old text,old title,New title\n')
    articles, errors = load_articles(tmp_path, columns={"text": "body", "title": "headline"})
    assert errors.empty
    assert articles.loc[0, "text"] == BODY and articles.loc[0, "title"] == "New title"
    assert articles.loc[0, "meta_text"] == "old text" and articles.loc[0, "meta_title"] == "old title"


def test_jsonl_and_markdown_clashing_keys(tmp_path):
    obj = {"text": BODY, **{c: f"v_{c}" for c in CLASHING}}
    _write(tmp_path / "a.jsonl", json.dumps(obj) + "\n")
    front = "".join(f"{c}: v_{c}\n" for c in CLASHING)
    _write(tmp_path / "b.md", f"---\ntitle: T\n{front}---\n{BODY}\n")
    articles, errors = load_articles(tmp_path)
    assert errors.empty and len(articles) == 2
    assert (articles["meta_byline"] == "v_byline").all()
    assert (articles["meta_origin"] == "v_origin").all()


def test_normalize_articles_renames_clashing_extras():
    raw = pd.DataFrame({"origin": ["x"], "text": [BODY], "byline": ["someone"], "meta_byline": ["other"]})
    before = raw.copy()
    art = normalize_articles(raw)
    pd.testing.assert_frame_equal(raw, before)
    assert art.columns.is_unique
    assert art.loc[0, "meta_byline"] == "someone" and art.loc[0, "meta_meta_byline"] == "other"


# ---------------------------------------------------------------- dates


def test_csv_dates_with_two_utc_offsets(tmp_path):
    _write(tmp_path / "a.csv", f'text,date\n"{BODY}",2016-01-10T10:00:00+01:00\n"{BODY} 2",2016-07-10T10:00:00+02:00\n')
    articles, errors = load_articles(tmp_path)
    assert errors.empty and len(articles) == 2
    assert sorted(articles["published"].dt.hour) == [8, 9]


@pytest.mark.parametrize("date", ["0001-01-01", "9999-12-31"])
def test_out_of_range_dates_are_error_rows_or_kept(tmp_path, date):
    _write(tmp_path / "a.csv", f'text,date\n"{BODY}",{date}\n"{BODY} 2",2016-01-01\n')
    _write(tmp_path / "b.jsonl", json.dumps({"text": BODY, "date": date}) + "\n")
    _write(tmp_path / "c.md", f"---\ndate: {date}\n---\n{BODY}\n")
    _write(tmp_path / "d.html", f"<html><body><time datetime='{date}'>x</time><article><p>{BODY} {BODY}</p>"
                                f"<p>{BODY}</p></article></body></html>")
    articles, errors = load_articles(tmp_path)
    assert len(articles) + len(errors) == 5
    assert set(errors["error"]) <= {"bad-date"}
    assert "a.csv:row 2" in set(articles["origin"])
    kept, kept_errors = load_articles(tmp_path, on_bad_date="keep")
    assert len(kept) == 5 and kept_errors.empty


# ---------------------------------------------------------------- text that is not UTF-8


def test_lone_surrogate_in_json_and_non_utf8_names(tmp_path):
    _write(tmp_path / "a.jsonl", '{"text": "' + BODY + ' \\ud800", "note\\udc00": "x\\udfff"}\n')
    bad_name = os.fsdecode(b"caf\xe9.txt")
    try:
        _write(tmp_path / bad_name, f"Title\n\n{BODY}\n")
    except (OSError, UnicodeEncodeError):  # a file system that refuses such names
        pass
    with tarfile.open(tmp_path / "x.tar", "w", encoding="latin-1") as tf:
        data = f"Title\n\n{BODY}\n".encode()
        info = tarfile.TarInfo("r\xe9union.txt")
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
    articles, errors = load_articles(tmp_path)
    assert errors.empty
    assert len(articles) >= 2
    for col in ("text", "origin", "article_id"):
        articles[col].str.encode("utf-8")  # raises if a lone surrogate is left
    json_row = articles[articles["origin"].str.startswith("a.jsonl")].iloc[0]
    assert json_row["n_replacement_chars"] == 1
    assert "note\ufffd" in articles.columns


def test_deep_json_is_an_error_row(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    _write(tmp_path / "a.jsonl", json.dumps({"text": BODY}) + "\n" + deep + "\n")
    _write(tmp_path / "b.json.jsonl", deep)
    articles, errors = load_articles(tmp_path)
    assert len(articles) == 1
    assert list(errors["error"]) == ["bad-json", "bad-json"]
    assert errors["message"].str.contains("nested too deeply").all()


@pytest.mark.parametrize("charset", ["undefined", "punycode", "idna", "rot13", "hex"])
def test_html_meta_charset_that_is_not_a_text_encoding(tmp_path, charset):
    html = (f"<html><head><meta charset=\"{charset}\"><title>T</title></head><body><article><p>{BODY}</p>"
            f"<p>{BODY}</p></article></body></html>")
    _write(tmp_path / "a.html", html)
    articles, errors = load_articles(tmp_path)
    assert len(articles) + len(errors) == 1
    assert len(articles) == 1 and BODY in articles.loc[0, "text"]


def test_any_reader_exception_is_one_error_row(tmp_path):
    from diplolib.readers import READERS, register_reader

    def explode(data, *, origin):
        raise KeyError("boom")

    register_reader("explode-test", explode, extensions=(".boom",))
    try:
        _write(tmp_path / "a.boom", "x")
        _write(tmp_path / "b.txt", f"Title\n\n{BODY}\n")
        articles, errors = load_articles(tmp_path)
    finally:
        READERS.pop("explode-test")
    assert len(articles) == 1
    assert errors.loc[0, "error"] == "reader-failed" and "KeyError" in errors.loc[0, "message"]


# ---------------------------------------------------------------- records lost


def test_tar_members_named_dot_slash_and_dot_dot(tmp_path):
    doc = f"Title\n\n{BODY}\n".encode()
    _tar(tmp_path / "a.tgz", {"./one.txt": doc, "./sub/two.txt": doc, "../three.txt": doc, "/abs.txt": doc})
    articles, errors = load_articles(tmp_path / "a.tgz")
    assert errors.empty
    assert sorted(articles["origin"]) == ["a.tgz!../three.txt", "a.tgz!abs.txt", "a.tgz!one.txt",
                                          "a.tgz!sub/two.txt"]


def test_make_archive_output_loads(tmp_path):
    import shutil

    _write(tmp_path / "src" / "a.txt", f"Title\n\n{BODY}\n")
    _write(tmp_path / "src" / "b" / "c.txt", f"Title\n\n{BODY} 2\n")
    archive = shutil.make_archive(str(tmp_path / "out" / "corpus"), "gztar", root_dir=tmp_path / "src")
    articles, errors = load_articles(archive)
    assert errors.empty and len(articles) == 2


def test_links_devices_and_fifos_in_tar_are_error_rows(tmp_path):
    doc = f"Title\n\n{BODY}\n".encode()
    with tarfile.open(tmp_path / "a.tar", "w") as tf:
        info = tarfile.TarInfo("doc.txt")
        info.size = len(doc)
        tf.addfile(info, io.BytesIO(doc))
        for name, kind in [("sym.txt", tarfile.SYMTYPE), ("hard.txt", tarfile.LNKTYPE),
                           ("dev.txt", tarfile.CHRTYPE), ("fifo.txt", tarfile.FIFOTYPE)]:
            info = tarfile.TarInfo(name)
            info.type = kind
            info.linkname = "doc.txt" if kind in (tarfile.SYMTYPE, tarfile.LNKTYPE) else ""
            tf.addfile(info)
    articles, errors = load_articles(tmp_path / "a.tar")
    assert len(articles) == 1
    assert sorted(errors["origin"]) == ["a.tar!dev.txt", "a.tar!fifo.txt", "a.tar!hard.txt", "a.tar!sym.txt"]
    assert set(errors["error"]) == {"not-a-file"}


def test_zip_symlink_member_is_an_error_row(tmp_path):
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as zf:
        zf.writestr("doc.txt", f"Title\n\n{BODY}\n")
        info = zipfile.ZipInfo("link.txt")
        info.external_attr = (0o120777 << 16)
        zf.writestr(info, "doc.txt")
    articles, errors = load_articles(tmp_path / "a.zip")
    assert len(articles) == 1 and list(errors["error"]) == ["not-a-file"]


def test_duplicate_csv_header_keeps_both_columns(tmp_path):
    _write(tmp_path / "a.csv", f'text,tag,tag,tag_2\n"{BODY}",first,second,third\n')
    articles, errors = load_articles(tmp_path)
    assert errors.empty
    row = articles.iloc[0]
    assert (row["tag"], row["tag_3"], row["tag_2"]) == ("first", "second", "third")


def test_mostly_ascii_utf8_with_a_few_bad_bytes(tmp_path):
    text = ("Title\n\n" + " ".join([BODY] * 20)).encode()
    data = text[:200] + b"\xff\xfe" + text[200:600] + b"\x81" + text[600:]
    _write(tmp_path / "a.txt", data)
    articles, errors = load_articles(tmp_path)
    assert errors.empty
    assert articles.loc[0, "n_replacement_chars"] == 3
    assert "Geneva to discuss" in articles.loc[0, "text"]
    assert not any("\u0400" <= ch <= "\u04ff" for ch in articles.loc[0, "text"])  # no Cyrillic


def test_cp1252_french_still_detected(tmp_path):
    _write(tmp_path / "a.txt", "Titre\n\nLe ministre a déclaré à la presse que la réunion était très importante."
           .encode("cp1252"))
    articles, errors = load_articles(tmp_path)
    assert errors.empty and "déclaré" in articles.loc[0, "text"]


# ---------------------------------------------------------------- hangs and memory


def test_yaml_alias_bomb_is_refused_before_expansion(tmp_path):
    bomb = ("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
            + "".join(f"{c}: &{c} [{','.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)))
    _write(tmp_path / "a.md", f"---\n{bomb}---\n{BODY}\n")
    articles, errors = load_articles(tmp_path)  # refused by the alias count, never expanded (was 59 s and 6 GB)
    assert articles.empty and list(errors["error"]) == ["bad-front-matter"]
    assert "aliases" in errors.loc[0, "message"]


@pytest.mark.parametrize("unit", ["_a ", "*a ", "__a ", "[", "![", "<a", "<http://x", "[a]((", "**a *"])
def test_markdown_inline_patterns_are_linear(tmp_path, unit):
    _write(tmp_path / "a.md", f"# T\n\n{unit * (96_000 // len(unit))}\n\n{BODY}\n")
    start = time.perf_counter()
    articles, errors = load_articles(tmp_path, max_text_chars=None)
    # a hang guard, not a speed measurement: the quadratic patterns took over 60 s here, the linear ones well
    # under a second (benchmarks/README.md, "Hostile corpus")
    assert time.perf_counter() - start < 10
    assert len(articles) + len(errors) == 1


@pytest.mark.parametrize("md, plain", [
    ("**bold** and *it* and __b__ and _i_", "bold and it and b and i"),
    ("**bold *it* bold**", "bold it bold"),
    ("snake_case_name stays", "snake_case_name stays"),
    ("[link](http://x.org/a_(b)) and ![img](p.png)", "link and img"),
    ("<http://x.org> and <b>tag</b>", "http://x.org and tag"),
])
def test_markdown_inline_results_unchanged(md, plain):
    from diplolib.readers.markdown import strip_markdown

    assert strip_markdown(md) == plain


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_fifo_and_dev_zero_symlink_are_not_read(tmp_path):
    _write(tmp_path / "good.txt", f"Title\n\n{BODY}\n")
    os.mkfifo(tmp_path / "pipe.txt")
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    os.symlink(tmp_path / "missing.txt", tmp_path / "broken.txt")
    articles, errors = load_articles(tmp_path)
    assert len(articles) == 1
    codes = dict(zip(errors["origin"], errors["error"], strict=True))
    assert codes == {"pipe.txt": "not-a-file", "zero.txt": "not-a-file", "broken.txt": "unreadable"}
    _, flat_errors = load_articles(tmp_path, recursive=False)
    assert len(flat_errors) == 3


def test_read_records_direct_fifo(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    os.mkfifo(tmp_path / "pipe.csv")
    records, errors = read_records(tmp_path)
    assert records.empty and list(errors["error"]) == ["not-a-file"]


# ---------------------------------------------------------------- silent mistakes made loud


@pytest.mark.parametrize("body", [
    "Le 5 mars 2015, l'armée russe a commencé des exercices sur douze champs de tir.",
    "Dimanche 1er mars 2015, un porte-parole de l'état-major a publié un communiqué.",
    "On 3 May 2015, the Republic held so-called elections in the occupied region.",
    "ONU-Habitat - Conseil d'administration, vingt-cinquième session.",
    "5 mars 2015\nÀ l'intérieur des fermes occupées, des soldats ont quadrillé le périmètre.",
    "21 July 2014-22 July 2015\nSubsequently, WHO hosted a national consultation in Fiji.",
])
def test_sentences_opening_with_a_date_or_compound_keep_it(body):
    from diplolib.normalize.dispatch import split_header

    assert split_header(body)[0] == ""


@pytest.mark.parametrize("body, dateline", [
    ("22 mai 2012. - Prévu initialement, le sommet a eu lieu.", "22 mai 2012"),
    ("5 March 2015, MOSCOW (Reuters) - Russia said on Monday it would talk.", "5 March 2015 MOSCOW (Reuters)"),
    ("BEIRUT-KHALDE — Air strikes hit the city on Monday.", "BEIRUT-KHALDE"),
    ("Wed 05 Apr 2017 Syria attack symptoms were reported.", "Wed 05 Apr 2017"),
])
def test_real_datelines_still_split(body, dateline):
    from diplolib.normalize.dispatch import split_header

    assert split_header(body)[0] == dateline


def test_columns_with_an_unknown_field_raises_at_once(tmp_path):
    _write(tmp_path / "a.csv", f'text,date\n"{BODY}",2016-01-01\n')
    with pytest.raises(ValueError, match=r"\['txt'\] are not record fields.*did you mean \{'text': 'txt'\}"):
        load_articles(tmp_path, columns={"txt": "text"})


def test_columns_naming_a_missing_column_is_an_error_row(tmp_path):
    _write(tmp_path / "a.csv", f'text,date\n"{BODY}",2016-01-01\n')
    _write(tmp_path / "b.jsonl", json.dumps({"text": BODY, "date": "2016-01-01"}) + "\n")
    articles, errors = load_articles(tmp_path, columns={"published": "datee"})
    assert articles.empty
    assert list(errors["error"]) == ["missing-column", "missing-column"]
    assert errors["message"].str.contains("date").all() and errors["message"].str.contains("datee").all()


def test_article_id_from_the_source_on_request(tmp_path):
    _write(tmp_path / "a.csv", f'id,text\nA7,"{BODY}"\nA8,"{BODY} 2"\nA7,"{BODY} 3"\n')
    articles, errors = load_articles(tmp_path, columns={"article_id": "id"})
    assert errors.empty
    assert list(articles["article_id"]) == ["A7", "A8", "A7~1"]
    default, _ = load_articles(tmp_path)
    assert default["article_id"].str.fullmatch(r"[0-9a-f]{16}").all()
    assert list(default["id"]) == ["A7", "A8", "A7"]


def test_published_precision_and_periods(tmp_path):
    from diplolib._tables import period_of

    _write(tmp_path / "a.csv", f'text,date\n"{BODY}",2015\n"{BODY} 2",2015-03\n"{BODY} 3",2015-03-04\n')
    articles, errors = load_articles(tmp_path)
    assert errors.empty
    assert list(articles["published_precision"]) == ["year", "month", "day"]
    with pytest.warns(UserWarning, match="2 date"):
        labels = period_of(articles["published"], "D", precision=articles["published_precision"])
    assert labels.isna().tolist() == [True, True, False]
    with pytest.warns(UserWarning, match="known only to the year"):
        monthly = period_of(articles["published"], "M", precision=articles["published_precision"])
    assert monthly.tolist()[1:] == ["2015-03", "2015-03"] and monthly.isna().tolist()[0]
    assert period_of(articles["published"], "Y", precision=articles["published_precision"]).notna().all()
    with pytest.raises(ValueError, match="too coarse"):
        period_of(articles["published"], "M", precision=articles["published_precision"], imprecise="raise")
    kept = period_of(articles["published"], "M", precision=articles["published_precision"], imprecise="keep")
    assert kept.tolist() == ["2015-01", "2015-03", "2015-03"]


def test_steps_switch_off_the_dateline(tmp_path):
    from diplolib.normalize import STEPS

    _write(tmp_path / "a.txt", "Titre\n\nMOSCOU (Reuters) - Les ministres se sont rencontrés hier à Genève.\n")
    on, _ = load_articles(tmp_path)
    off, _ = load_articles(tmp_path, steps=[s for s in STEPS if s != "dateline"])
    assert on.loc[0, "dateline"] == "MOSCOU (Reuters)" and on.loc[0, "text"].startswith("Les ministres")
    assert off.loc[0, "text"].startswith("MOSCOU (Reuters)") and pd.isna(off.loc[0, "dateline"])
    with pytest.raises(ValueError, match="unknown step"):
        load_articles(tmp_path, steps=["datelines"])


def test_language_field_disagreeing_with_the_text_is_flagged(tmp_path):
    fr = "Le ministre des affaires étrangères a rencontré son homologue pour discuter du cessez-le-feu."
    rows = [("en", BODY), ("en", fr), ("fr", fr), ("de", fr)]
    _write(tmp_path / "a.jsonl", "".join(json.dumps({"text": t, "lang": lang}) + "\n" for lang, t in rows))
    articles, errors = load_articles(tmp_path)
    assert errors.empty
    assert list(articles["lang"]) == ["en", "en", "fr", "de"]
    assert list(articles["lang_mismatch"]) == [False, True, False, True]


def test_json_list_fields_stay_lists(tmp_path):
    _write(tmp_path / "a.jsonl", json.dumps({"text": BODY, "category": ["Politics", "Syria"], "info": {"a": 1}})
           + "\n" + json.dumps({"text": BODY + " 2", "category": []}) + "\n")
    articles, errors = load_articles(tmp_path)
    assert errors.empty
    assert articles.loc[0, "category"] == ["Politics", "Syria"] and articles.loc[1, "category"] == []
    assert articles.loc[0, "info"] == '{"a": 1}'


def test_front_matter_text_key_is_kept_as_meta(tmp_path):
    _write(tmp_path / "a.md", f"---\ntitle: T\ntext: a summary\n---\n{BODY}\n")
    articles, errors = load_articles(tmp_path)
    assert errors.empty and articles.loc[0, "meta_text"] == "a summary" and BODY in articles.loc[0, "text"]


@pytest.mark.parametrize("charset", ["utf-16", "utf-16le", "utf-32"])
def test_html_declaring_utf16_without_utf16_bytes_is_read_as_utf8(tmp_path, charset):
    html = (f"<html><head><meta charset='{charset}'><title>Réunion</title></head><body><article><p>{BODY} é</p>"
            f"<p>{BODY}</p></article></body></html>")
    _write(tmp_path / "a.html", html)
    articles, errors = load_articles(tmp_path)
    assert errors.empty and "Geneva" in articles.loc[0, "text"] and articles.loc[0, "title"] == "Réunion"


def test_json_integer_over_python_digit_limit_is_one_error_row(tmp_path):
    _write(tmp_path / "a.jsonl", '{"text": "' + BODY + '", "n": ' + "9" * 5000 + "}\n" + json.dumps({"text": BODY})
           + "\n")
    articles, errors = load_articles(tmp_path)
    assert len(articles) == 1 and list(errors["origin"]) == ["a.jsonl:line 1"] and errors.loc[0, "error"] == "bad-json"


@pytest.mark.parametrize("value", ["2016-13-45", "9" * 5000, "2016-01-01 25:61:00"])
def test_front_matter_values_yaml_cannot_build(tmp_path, value):
    _write(tmp_path / "a.md", f"---\ntitle: T\nwhen: {value}\n---\n{BODY}\n")
    _write(tmp_path / "b.md", f"---\ntitle: T\n---\n{BODY}\n")
    articles, errors = load_articles(tmp_path)
    assert len(articles) + len(errors) == 2 and len(articles) >= 1
    assert set(errors["error"]) <= {"bad-front-matter"}
