"""The UN system in three languages: bodies, agencies, missions and offices with their names and acronyms.

``data/sources/un_system.csv`` holds one row per body with its UN official names (UNTERM) in English, French
and Arabic, the acronyms each language writes (``PNUE`` for ``UNEP``, ``ONUDI`` for ``UNIDO``, Arabic
``اليونيدو``), the body it belongs to (``part_of``) and the generic noun its own documents use for it
(``short_en``, ``short_fr``, ``short_ar``: "the Council", "le Conseil", "المجلس"). Several variants of a cell are
separated by ``|``. A short cell also holds the acronyms that name another thing elsewhere (French ``CCS`` for the
CEB, carbon capture in English; ``CEA`` for the ECA, the French atomic energy commission; English ``SC``): as
short forms they are read only where the document names the body. A noun whose readings the other languages of the
UN's parallel sentences rarely confirm is left out (Arabic البرنامج, any programme; French "Comité" of the Board
of Auditors). :func:`un_system_rows` turns it into registry rows for :mod:`~diplolib.actors.build`
(actors the registry lacks; every name and acronym as an alias, acronyms case-sensitive), and
:func:`short_forms` gives the generic nouns to :mod:`~diplolib.actors.short_forms`, which resolves them from
the document's context.

``data/sources/regional_bodies.csv`` has the same columns for the bodies of regional organisations that UN texts
name: the missions of the African Union, the European Union and ECOWAS (AMISOM, EULEX, EUFOR RCA, ECOMIB …) and
OPANAL. Its ``short_ar`` is the construct the UN's Arabic writes where English writes the acronym ("بعثة الاتحاد
الأفريقي" for AMISOM, "بعثة الاتحاد الأوروبي" for EULEX): the mission's noun with its parent's name, which the
tagger reads as the parent alone. Both tables give registry rows and short forms; only the first is the UN system.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from .registry import DATA_DIR

__all__ = ["UN_SYSTEM_FILE", "REGIONAL_FILE", "LANGS", "read_un_system", "un_system_rows", "short_forms",
           "construct_parents", "ORGAN_SERVED"]

UN_SYSTEM_FILE = DATA_DIR / "sources" / "un_system.csv"
#: missions and agencies of regional organisations, in the same columns (not the UN system)
REGIONAL_FILE = DATA_DIR / "sources" / "regional_bodies.csv"
LANGS = ("en", "fr", "ar")
#: (language, noun) → (issuing organ, body): a body's qualified noun that the organ's own documents use for the one
#: body serving it, read so when no body with that noun is in view. The General Assembly's documents (A/…: the
#: reports of the Advisory Committee on Administrative and Budgetary Questions on budgets, the Fifth Committee's)
#: call the ACABQ "the Advisory Committee": on the UNPC tune half 19-21 such nouns per language had no body in view,
#: 2 per language resolved, all to the ACABQ. Not the bare "Committee", which is any committee.
ORGAN_SERVED = {("en", "Advisory Committee"): ("org:unga", "org:acabq"),
                ("fr", "Comité consultatif"): ("org:unga", "org:acabq"),
                ("ar", "اللجنة الاستشارية"): ("org:unga", "org:acabq")}
_REQUIRED = ("actor_id", "label", "part_of", "source", *LANGS, *(f"{lang}_acronym" for lang in LANGS),
             *(f"short_{lang}" for lang in LANGS))


def read_un_system(path: str | Path | None = None) -> list[dict[str, str]]:
    """The rows of the UN-system table; a missing column or a row without an id, label or source raises.

    Raises
    ------
    ValueError
        "file:line: field: message" for the first problem found.
    """
    path = Path(path) if path is not None else UN_SYSTEM_FILE
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in _REQUIRED if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path.name}:1: header: columns {missing} are missing; the table needs {_REQUIRED}")
        rows = [{k: (v or "").strip() for k, v in r.items() if k} for r in reader]
    seen: set[str] = set()
    for line, r in enumerate(rows, start=2):
        for field in ("actor_id", "label", "source", "en"):
            if not r[field]:
                raise ValueError(f"{path.name}:{line}: {field}: empty; every body needs an id, label, source "
                                 "and English name")
        if r["actor_id"] in seen:
            raise ValueError(f"{path.name}:{line}: actor_id: {r['actor_id']!r} appears twice")
        seen.add(r["actor_id"])
    return rows


def un_system_rows(known: set[str], path: str | Path | None = None) -> dict[str, list[dict[str, str]]]:
    """Registry rows from the table: ``actors`` (bodies not in ``known``) and ``aliases`` (every name, acronym).

    Parameters
    ----------
    known : set of str
        Actor ids the registry already has (their rows are kept; only their names are added).
    path : str or Path, optional
        One table; by default the UN system's and the regional bodies' (:data:`REGIONAL_FILE`).
    """
    actors, aliases = [], []
    tables = [(UN_SYSTEM_FILE, "UN system table"), (REGIONAL_FILE, "regional bodies table")] if path is None \
        else [(path, "UN system table")]
    for r, note in ((r, note) for table, note in tables for r in read_un_system(table)):
        if r["actor_id"] not in known:
            actors.append({"actor_id": r["actor_id"], "label": r["label"], "kind": "organisation",
                           "part_of": r["part_of"], "source": r["source"], "note": note})
        for lang in LANGS:
            for col, kind, case in ((lang, "name", "false"), (f"{lang}_acronym", "acronym", "true")):
                for name in filter(None, r[col].split("|")):
                    # an Arabic acronym is a transliterated word (اليونيدو): Arabic has no case to test
                    aliases.append({"actor_id": r["actor_id"], "alias": name, "lang": lang, "kind": kind,
                                    "case_sensitive": "false" if lang == "ar" else case,
                                    "source": r["source"]})
        aliases += _of_the_un(r)
    return {"actors": actors, "aliases": aliases}


#: a UN body's name followed (or, in English, preceded) by the United Nations it belongs to, in every language:
#: (frame, case-sensitive); "UN" only in capitals
_OF_THE_UN = {"en": (("{n} of the United Nations", "false"), ("United Nations {n}", "false"), ("UN {n}", "true")),
              "fr": (("{n} des Nations Unies", "false"), ("{n} de l'Organisation des Nations Unies", "false"),
                     ("{n} de l'ONU", "false")),
              "ar": (("{n} التابع للأمم المتحدة", "false"), ("{n} التابعة للأمم المتحدة", "false"),
                     ("{n} للأمم المتحدة", "false"))}
_UN_NAMES = ("United Nations", "Nations Unies", "الأمم المتحدة")


def _of_the_un(r: dict[str, str]) -> list[dict[str, str]]:
    """Generated names "Conseil de sécurité de l'Organisation des Nations Unies", "UN Security Council", "مجلس الأمن
    التابع للأمم المتحدة" of a body of the UN (``part_of`` org:un) whose name does not hold the UN's already: one
    mention of the body, as the English "United Nations Security Council" always was, not the body and the UN
    (French and Arabic named the UN beside the Council where English did not: a disagreement of the UN triples)."""
    if r["part_of"] != "org:un":
        return []
    out = []
    for lang, frames in _OF_THE_UN.items():
        for name in filter(None, r[lang].split("|")):
            if any(u in name for u in _UN_NAMES):
                continue
            for frame, case in frames:
                out.append({"actor_id": r["actor_id"], "alias": frame.format(n=name), "lang": lang, "kind": "name",
                            "case_sensitive": case, "source": "generated",
                            "note": "the body's name with the United Nations it belongs to"})
    return out


@lru_cache(maxsize=4)
def short_forms(path: str | None = None) -> dict[tuple[str, str], tuple[str, ...]]:
    """(language, generic noun) → the bodies whose documents call them so ("Council" → UNSC, ECOSOC, …); by
    default from the UN system's table and the regional bodies' ("بعثة الاتحاد الأفريقي" → AMISOM)."""
    out: dict[tuple[str, str], list[str]] = {}
    for r in read_un_system(path) if path is not None else read_un_system() + read_un_system(REGIONAL_FILE):
        for lang in LANGS:
            for noun in filter(None, r[f"short_{lang}"].split("|")):
                out.setdefault((lang, noun), []).append(r["actor_id"])
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def construct_parents() -> dict[str, str]:
    """Arabic construct of a regional body → the organisation it belongs to ("بعثة الاتحاد الأفريقي" → the AU)."""
    return {noun: r["part_of"] for r in read_un_system(REGIONAL_FILE) if r["part_of"]
            for noun in r["short_ar"].split("|") if noun and not noun.startswith("ال")}
