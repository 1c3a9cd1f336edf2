"""The catalogue, fetching (mirror folder and a real HTTP server on 127.0.0.1) and safe unpacking."""

from __future__ import annotations

import hashlib
import http.server
import io
import tarfile
import threading
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from diplolib import datasets, paths
from diplolib.datasets import ChecksumError, FetchError, UnsafeArchiveError
from diplolib.datasets._archive import unpack

CATALOGUE_NAMES = {"fa-kes", "wikinews-fr", "kremlin-en", "wh-readouts", "re3d", "sib200", "ungdc", "sana-fr",
                   "leaders-cia", "unpc-ar-fr-en", "wikinews-ar", "meae-fr", "plover-gsr"}


def test_catalogue_lists_every_mirrored_corpus():
    assert set(datasets.catalogue()) == CATALOGUE_NAMES


@pytest.mark.parametrize("name", sorted(CATALOGUE_NAMES))
def test_catalogue_entry_is_complete(name):
    c = datasets.corpus(name)
    for field in ("title", "description", "licence", "citation", "homepage", "format"):
        assert getattr(c, field).strip(), f"{name}: empty {field}"
    assert c.files, f"{name}: empty manifest"
    assert all(len(h) == 64 and int(h, 16) >= 0 for h in c.files.values())
    assert set(c.unpack) <= set(c.files)
    if c.url_prefix:
        assert c.url_prefix.startswith("https://") and c.url_prefix.endswith("/")


def test_available_is_a_table_of_the_catalogue(home):
    table = datasets.available()
    assert isinstance(table, pd.DataFrame)
    assert set(table["name"]) == CATALOGUE_NAMES
    assert {"name", "description", "licence", "citation", "homepage", "documents", "fetched"} <= set(table.columns)
    assert not table["fetched"].any()  # nothing in a fresh home
    assert table.set_index("name").loc["kremlin-en", "mirror_only"]
    assert not table.set_index("name").loc["fa-kes", "mirror_only"]


def test_unknown_corpus_names_the_known_ones():
    with pytest.raises(ValueError, match="fa-kes"):
        datasets.corpus("no-such-corpus")


def test_public_url_keeps_the_path_and_quotes_spaces():
    c = datasets.corpus("re3d")
    url = c.url("UK Government/documents.json")
    assert url.endswith("/UK%20Government/documents.json")
    assert datasets.corpus("kremlin-en").url("kremlin_en_news_main.tar.xz") is None


# --- fetching over HTTP from 127.0.0.1 ------------------------------------------------------------------

def test_fetch_over_http_right_checksum_is_cached(home, http_root, copy_corpus):
    root, base_url, _ = http_root
    copy_corpus("fa-kes", dest=root)
    where = datasets.fetch("fa-kes", mirror=base_url, progress=False)
    assert where == home / "data" / "raw" / "fa-kes"
    body = (where / "FA-KES-Dataset.csv").read_bytes()
    assert hashlib.sha256(body).hexdigest() == datasets.corpus("fa-kes").files["FA-KES-Dataset.csv"]
    assert datasets.is_fetched("fa-kes")
    assert not list(where.glob("*.part"))
    # a second call is a no-op: the file is not rewritten
    mtime = (where / "FA-KES-Dataset.csv").stat().st_mtime_ns
    datasets.fetch("fa-kes", mirror=base_url, progress=False)
    assert (where / "FA-KES-Dataset.csv").stat().st_mtime_ns == mtime


def test_fetch_over_http_wrong_checksum_leaves_no_file(home, http_root, copy_corpus):
    root, base_url, _ = http_root
    copy_corpus("fa-kes", dest=root)
    served = root / "fa-kes" / "FA-KES-Dataset.csv"
    served.write_bytes(served.read_bytes().replace(b"Syria", b"Syrie", 1))
    with pytest.raises(ChecksumError, match=r"fa-kes: .*FA-KES-Dataset\.csv has SHA-256"):
        datasets.fetch("fa-kes", mirror=base_url, progress=False)
    folder = paths.raw_dir("fa-kes")
    assert not (folder / "FA-KES-Dataset.csv").exists()
    assert not [p for p in folder.iterdir() if p.name != ".diplolib-fetched.json"] if folder.exists() else True
    assert not datasets.is_fetched("fa-kes")


def test_fetch_when_server_is_gone_says_what_to_do(home, http_root):
    _, base_url, server = http_root
    server.shutdown()
    server.server_close()
    with pytest.raises(FetchError) as info:
        datasets.fetch("fa-kes", mirror=base_url, progress=False, timeout=5)
    message = str(info.value)
    assert message.startswith("fa-kes: cannot reach http://127.0.0.1:")
    assert "DIPLOLIB_MIRROR" in message
    assert not (paths.raw_dir("fa-kes") / "FA-KES-Dataset.csv").exists()


class _Truncating(http.server.BaseHTTPRequestHandler):
    """Announces 1000 bytes, sends 10, and hangs up: an interrupted download."""

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Length", "1000")
        self.end_headers()
        self.wfile.write(b"0123456789")
        self.wfile.flush()
        self.close_connection = True

    def log_message(self, *args):
        pass


def test_interrupted_download_leaves_no_partial_file(home):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Truncating)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with pytest.raises(FetchError, match="fa-kes"):
            datasets.fetch("fa-kes", mirror=f"http://127.0.0.1:{server.server_address[1]}/",
                           progress=False, timeout=5)
    finally:
        server.shutdown()
        server.server_close()
    folder = paths.raw_dir("fa-kes")
    assert not any(p.suffix in {".part", ".csv"} for p in folder.rglob("*"))


def test_fetch_from_a_mirror_folder(home, copy_corpus, tmp_path):
    mirror = copy_corpus("sana-fr")
    where = datasets.fetch("sana-fr", mirror=mirror, progress=False)
    assert (where / "000_9686c5b622632da7.txt").read_text("utf-8").startswith("Lavrov et Kerry")
    assert datasets.is_fetched("sana-fr")


def test_mirror_from_environment_variable(home, copy_corpus, monkeypatch):
    mirror = copy_corpus("sana-fr")
    monkeypatch.setenv("DIPLOLIB_MIRROR", str(mirror))
    datasets.fetch("sana-fr", progress=False)
    assert datasets.is_fetched("sana-fr")


def test_mirror_only_corpus_without_mirror_says_set_the_mirror(home):
    with pytest.raises(FetchError, match="Set DIPLOLIB_MIRROR"):
        datasets.fetch("kremlin-en", progress=False)


def test_fetch_unpacks_archives(home, copy_corpus):
    mirror = copy_corpus("kremlin-en")
    where = datasets.fetch("kremlin-en", mirror=mirror, progress=False)
    pages = list((where / "var/extract/en.kremlin.ru/events/president/news").glob("*.html"))
    assert len(pages) == 7235


# --- safe unpacking ----------------------------------------------------------------------------------------

def _tar(path: Path, members: list[tuple[str, str, bytes | str]]) -> Path:
    with tarfile.open(path, "w:xz") as tar:
        for kind, name, payload in members:
            info = tarfile.TarInfo(name)
            if kind == "file":
                info.size = len(payload)
                tar.addfile(info, io.BytesIO(payload))
            elif kind == "symlink":
                info.type, info.linkname = tarfile.SYMTYPE, payload
                tar.addfile(info)
            elif kind == "hardlink":
                info.type, info.linkname = tarfile.LNKTYPE, payload
                tar.addfile(info)
            elif kind == "fifo":
                info.type = tarfile.FIFOTYPE
                tar.addfile(info)
    return path


GOOD = ("file", "ok/a.txt", b"fine")


@pytest.mark.parametrize("bad, why", [
    (("file", "../escape.txt", b"x"), "'..'"),
    (("file", "/tmp/absolute.txt", b"x"), "absolute"),
    (("file", "ok/../../escape.txt", b"x"), "'..'"),
    (("symlink", "ok/link", "../../outside"), "outside"),
    (("symlink", "ok/abs", "/etc/passwd"), "absolute"),
    (("hardlink", "ok/hard", "../outside"), "'..'"),
    (("fifo", "ok/pipe", b""), "special"),
])
def test_unsafe_tar_members_are_refused_and_nothing_written(tmp_path, bad, why):
    archive = _tar(tmp_path / "bad.tar.xz", [GOOD, bad])
    target = tmp_path / "target"
    with pytest.raises(UnsafeArchiveError, match=why):
        unpack(archive, target)
    assert not any(target.rglob("*")), "nothing may be written for an unsafe archive"
    assert not (tmp_path / "escape.txt").exists()


def test_unsafe_zip_member_is_refused(tmp_path):
    archive = tmp_path / "bad.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("ok/a.txt", "fine")
        zf.writestr("../../escape.txt", "x")
    target = tmp_path / "target"
    with pytest.raises(UnsafeArchiveError, match="'..'"):
        unpack(archive, target)
    assert not any(target.rglob("*"))


def test_safe_archives_unpack_inside_target(tmp_path):
    archive = _tar(tmp_path / "good.tar.xz", [GOOD, ("symlink", "ok/link", "a.txt")])
    names = unpack(archive, tmp_path / "t")
    assert names == ["ok/a.txt", "ok/link"]
    assert (tmp_path / "t/ok/a.txt").read_bytes() == b"fine"
    zarchive = tmp_path / "good.zip"
    with zipfile.ZipFile(zarchive, "w") as zf:
        zf.writestr("z/b.txt", "zip")
    unpack(zarchive, tmp_path / "t")
    assert (tmp_path / "t/z/b.txt").read_text() == "zip"


def test_corrupt_archive_in_the_cache_is_an_error(tmp_path):
    bogus = tmp_path / "x.tar.xz"
    bogus.write_bytes(b"not an archive at all")
    with pytest.raises(ValueError, match="not a tar or zip archive"):
        unpack(bogus, tmp_path / "t")


# --- inventory ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, n", [("fa-kes", 804), ("wikinews-fr", 100), ("wh-readouts", 1412), ("re3d", 90),
                                     ("sib200", 3012), ("ungdc", 10952), ("kremlin-en", 7235),
                                     ("unpc-ar-fr-en", 4389), ("wikinews-ar", 68), ("meae-fr", 48),
                                     ("plover-gsr", 158)])
def test_inventory_counts_match_provenance(name, n, monkeypatch):
    from conftest import corpus_dir

    corpus_dir(name)
    monkeypatch.delenv("DIPLOLIB_HOME", raising=False)
    inv = datasets.inventory(name)
    assert len(inv) == n
    assert list(inv.columns) == ["corpus", "document", "year"]
    assert inv["document"].is_unique


# --- the corpora added for issues 12-16 -------------------------------------------------------------------------

@pytest.mark.parametrize("name, n, source, langs", [
    ("unpc-ar-fr-en", 4389, "un", {"ar": 1463, "fr": 1463, "en": 1463}),
    ("wikinews-ar", 68, "wikinews", {"ar": 68}),
    ("meae-fr", 48, "meae", {"fr": 48}),
])
def test_new_jsonl_corpora_load_every_document(name, n, source, langs):
    from conftest import corpus_dir

    corpus_dir(name)
    articles, errors = datasets.load(name, cache=False, fetch_missing=False)
    assert len(articles) == n and errors.empty
    assert set(articles["source"]) == {source}
    assert articles["lang"].value_counts().to_dict() == langs
    assert "provenance" in articles.columns  # the file's own "source" note, kept under another name
    assert not {"text_diacritized", "title_diacritized"} & set(articles.columns)


def test_parallel_sentences_are_aligned_triples():
    from conftest import corpus_dir

    corpus_dir("unpc-ar-fr-en")
    triples = datasets.parallel_sentences("unpc-ar-fr-en", fetch_missing=False)
    assert len(triples) == 8000 and triples["id"].is_unique
    assert list(triples.columns) == ["id", "doc_id", "organ", "ar", "fr", "en"]
    assert (triples[["ar", "fr", "en"]].apply(lambda c: c.str.len()) > 0).all().all()
    with pytest.raises(ValueError, match="not a parallel corpus"):
        datasets.parallel_sentences("fa-kes")


def test_cache_files_are_replaced_whole_or_not_at_all(tmp_path):
    """A writer that fails half-way leaves the previous cache file intact and no temporary file behind."""
    from diplolib.datasets._load import _write_atomically

    target = tmp_path / "articles.parquet"
    _write_atomically(tmp_path, target.name, lambda f: Path(f).write_bytes(b"old, whole"))

    def crash(f):
        Path(f).write_bytes(b"new, half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        _write_atomically(tmp_path, target.name, crash)
    assert target.read_bytes() == b"old, whole"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles.parquet"]
