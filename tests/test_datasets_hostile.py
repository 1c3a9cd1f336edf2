"""Hostile archives and downloads for diplolib.datasets (issue 14): size caps, truncated archives, link chains,
a download without a length, each built in tmp_path (the server runs on 127.0.0.1)."""

from __future__ import annotations

import hashlib
import http.server
import io
import tarfile
import threading
import zipfile

import pytest

from diplolib.datasets._archive import UnsafeArchiveError, max_unpack_bytes, unpack
from diplolib.datasets._transfer import FetchError, transfer


def _tar(path, members):
    with tarfile.open(path, "w:gz") as tf:
        for info, data in members:
            tf.addfile(info, io.BytesIO(data) if data is not None else None)
    return path


def _file(name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    return info, data


def _link(name, target):
    info = tarfile.TarInfo(name)
    info.type, info.linkname = tarfile.SYMTYPE, target
    return info, None


def test_unpack_cap_refuses_a_bomb_before_writing(tmp_path, monkeypatch):
    archive = _tar(tmp_path / "bomb.tar.gz", [_file("big.txt", b"\0" * 200_000)])
    target = tmp_path / "out"
    with pytest.raises(UnsafeArchiveError, match="more than the unpack cap of 100,000"):
        unpack(archive, target, max_bytes=100_000)
    assert not any(target.iterdir())
    monkeypatch.setenv("DIPLOLIB_MAX_UNPACK_BYTES", "1000")
    assert max_unpack_bytes() == 1000
    with pytest.raises(UnsafeArchiveError):
        unpack(archive, target)
    with zipfile.ZipFile(tmp_path / "bomb.zip", "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("big.txt", b"\0" * 200_000)
    with pytest.raises(UnsafeArchiveError):
        unpack(tmp_path / "bomb.zip", target)
    assert unpack(archive, target, max_bytes=10**9) == ["big.txt"]


def test_truncated_archive_is_a_value_error(tmp_path):
    whole = _tar(tmp_path / "a.tar.gz", [_file(f"d{i}.txt", bytes(range(256)) * 200) for i in range(5)])
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(whole.read_bytes()[: len(whole.read_bytes()) // 2])
    with pytest.raises(ValueError, match="truncated or damaged") as info:
        unpack(cut, tmp_path / "out")
    assert not isinstance(info.value, UnsafeArchiveError)
    assert not any((tmp_path / "out").iterdir())
    (tmp_path / "cut.zip").write_bytes(b"PK\x03\x04" + b"\0" * 40)
    with pytest.raises(ValueError):
        unpack(tmp_path / "cut.zip", tmp_path / "out2")


def test_symlink_chain_leading_outside_is_unsafe(tmp_path):
    """Each link stays inside on its own ("d1/up" -> "..", "x" -> "d1/up/.." which reads as "d1"), but followed
    in turn they lead to the target's parent: tarfile's data filter sees it, and it is an UnsafeArchiveError."""
    folder = tarfile.TarInfo("d1")
    folder.type = tarfile.DIRTYPE
    archive = _tar(tmp_path / "chain.tar.gz", [(folder, None), _link("d1/up", ".."), _link("x", "d1/up/.."),
                                               _file("d.txt", b"x")])
    with pytest.raises(UnsafeArchiveError):
        unpack(archive, tmp_path / "out")
    assert not any((tmp_path / "out").iterdir())


class _NoLength(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's hook
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.end_headers()  # no Content-Length: the body ends when the connection closes
        for _ in range(64):
            try:
                self.wfile.write(b"x" * 65536)
            except (BrokenPipeError, ConnectionResetError):
                return
        self.close_connection = True

    def log_message(self, *args):
        pass


def test_download_without_a_length_is_capped(tmp_path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _NoLength)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/corpus.tar.gz"
        dest = tmp_path / "corpus.tar.gz"
        with pytest.raises(FetchError, match="larger than the download cap"):
            transfer(url, dest, sha256="0" * 64, corpus="x", hint="h", progress=False, max_bytes=1_000_000)
        assert not dest.exists() and not list(tmp_path.glob("*.part"))
        body = b"x" * 65536 * 64
        got = transfer(url, dest, sha256=hashlib.sha256(body).hexdigest(), corpus="x", hint="h", progress=False,
                       max_bytes=10_000_000)
        assert got.read_bytes() == body
    finally:
        server.shutdown()
        server.server_close()
