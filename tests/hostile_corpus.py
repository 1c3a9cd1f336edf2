"""Build a corpus of hostile files (issue 14) and, run as a script, load it under a memory limit and report.

    python tests/hostile_corpus.py [FOLDER]        # builds FOLDER (default: a temporary folder) and loads it

``tests/test_load_properties.py::test_hostile_corpus_loads_in_bounded_time_and_memory`` runs it in a subprocess
with the limits stated in the README ("Your own corpus"): :data:`MEMORY_LIMIT_BYTES` of address space and
:data:`TIME_LIMIT_S` seconds. Every file here once crashed, hung or lost records.
"""

from __future__ import annotations

import io
import json
import os
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

#: The hostile corpus loads within these limits (address space, wall-clock seconds on one core).
MEMORY_LIMIT_BYTES = 3 * 1024**3
TIME_LIMIT_S = 60

BODY = "The two ministers met in Geneva to discuss the ceasefire and the delivery of humanitarian aid."


def _tar(path: Path, members: dict[str, bytes], *, special: bool = False) -> None:
    with tarfile.open(path, "w:gz") as tf:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
        if special:
            for name, kind in [("sym.txt", tarfile.SYMTYPE), ("hard.txt", tarfile.LNKTYPE),
                               ("dev.txt", tarfile.CHRTYPE), ("fifo.txt", tarfile.FIFOTYPE)]:
                info = tarfile.TarInfo(name)
                info.type, info.linkname = kind, "./doc.txt"
                tf.addfile(info)


def _bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{c}: &{c} [{','.join(['*' + p] * 9)}]" for p, c in zip("abcdefgh", "bcdefghi", strict=True)]
    return "\n".join(lines) + "\n"


def files() -> dict[str, bytes]:
    """File name -> bytes of every regular hostile file (special files are made by :func:`build`)."""
    doc = f"Title\n\n{BODY}\n".encode()
    clash = ",".join(["text", "byline", "dateline", "credits", "article_id", "duplicate_of", "text_match",
                      "n_replacement_chars", "origin", "tag", "tag"])
    return {
        "clash.csv": f"{clash}\n\"{BODY}\",b,d,c,a,du,tm,n,o,t1,t2\n".encode(),
        "offsets.csv": f'text,date\n"{BODY}",2016-01-10T10:00:00+01:00\n"{BODY}",2016-07-10T10:00:00+02:00\n'.encode(),
        "range.csv": f'text,date\n"{BODY}",0001-01-01\n"{BODY}",9999-12-31\n"{BODY}",2015\n'.encode(),
        "surrogate.jsonl": ('{"text": "' + BODY + ' \\ud800", "k\\udc00": ["a", "b"]}\n').encode(),
        "deep.jsonl": b"[" * 100_000 + b"]" * 100_000 + b"\n" + json.dumps({"text": BODY}).encode() + b"\n",
        "charset.html": f"<html><head><meta charset='undefined'></head><body><p>{BODY}</p></body></html>".encode(),
        "punycode.html": f"<html><head><meta charset='punycode'></head><body><p>{BODY}</p></body></html>".encode(),
        "bomb.md": f"---\n{_bomb()}---\n{BODY}\n".encode(),
        "emphasis.md": b"# T\n\n" + b"_a " * 32_000 + b"\n",
        "brackets.md": b"# T\n\n" + b"[![<a" * 20_000 + b"\n",
        "damaged.txt": doc[:20] + b"\xff\xfe" + doc[20:] + b"\x81",
        "nul.txt": b"Title\n\nText\x00 with a NUL.\n",
        "binary.txt": bytes(range(256)) * 64,
        "long-line.txt": b"Title\n\n" + b"x" * 3_000_000,
        "utf16.txt": f"Titre\n\n{BODY}".encode("utf-16"),
        ".hidden.txt": doc,
        "no-extension": doc,
    }


def build(folder: Path) -> Path:
    """Write the hostile corpus into ``folder`` (created) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files().items():
        (folder / name).write_bytes(data)
    doc = f"Title\n\n{BODY}\n".encode()
    _tar(folder / "dots.tgz", {"./doc.txt": doc, "../up.txt": doc, "/abs.txt": doc, "r\udce9union.txt": doc},
         special=True)
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("inner.txt", doc)
    _tar(folder / "nested.tar.gz", {"a/inner.zip": inner.getvalue(), "a/truncated.tgz": b"\x1f\x8b\x08\x00broken"})
    (folder / "truncated.tar.gz").write_bytes((folder / "dots.tgz").read_bytes()[:100])
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.txt")
    if os.path.exists("/dev/zero"):
        os.symlink("/dev/zero", folder / "zero.txt")
    os.symlink(folder / "missing.txt", folder / "broken-link.txt")
    (folder / "dir_actors.csv").mkdir()
    return folder


def main(argv: list[str]) -> int:
    """Build the corpus (in ``argv[0]`` or a temporary folder), load it and print one JSON line of counts."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    from diplolib.load import load_articles

    with tempfile.TemporaryDirectory() as tmp:
        folder = build(Path(argv[0]) if argv else Path(tmp) / "hostile")
        start = time.perf_counter()
        articles, errors = load_articles(folder)
        seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"articles": len(articles), "errors": len(errors), "seconds": round(seconds, 2),
                      "peak_rss_bytes": peak, "codes": errors["error"].value_counts().to_dict()}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
