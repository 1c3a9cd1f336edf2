"""The ``html`` reader: one article per HTML page, main content extracted with trafilatura.

Metadata comes from the page itself: the title from ``og:title``, ``<title>`` or ``<h1>``; the date from
``<time datetime>`` or meta tags (``article:published_time``, ``datePublished``, ``date``, ``DC.date``); the
URL from ``<link rel="canonical">`` or ``og:url``; the language from ``<html lang>``. A lead paragraph kept
outside the body (Kremlin ``.read__lead``, a Wikinews ``<h2>`` after the ``<h1>``) is put back in front.
When trafilatura finds nothing, the reader falls back to the content blocks (``.read__content``,
``.entry-content``, ``<article>``, ``<main>``) and then to all ``<p>``; a page with none of them is a
"no-main-text" error.
"""

from __future__ import annotations

import re
from typing import Literal

import lxml.html

from .base import DEFAULT_MAX_TEXT_CHARS, ReadError
from .common import finish_record, read_text

__all__ = ["read_html", "html_metadata"]

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
#: Meta tags (by property, name or itemprop) that carry the publication date, in order of preference.
_DATE_KEYS = (
    "article:published_time",
    "datePublished",
    "date",
    "DC.date",
    "dc.date",
    "DC.date.issued",
    "pubdate",
    "publish-date",
    "og:published_time",
)
#: Classes of a lead paragraph kept outside the article body, and of content blocks (fallbacks).
_LEAD_CLASSES = ("read__lead", "entry-summary")
_BLOCK_CLASSES = ("entry-content", "read__content")
#: Descendants of a content block that are not article text (related links, tag lists, share buttons).
_NOISE = re.compile(
    r"\b(read__cut|read__bottommeta|read__top|hidden-copy|masha-ignore|related|see-also|share|"
    r"social|tags?|meta|breadcrumbs?|nav)\b"
)
_SPACES = re.compile(r"[ \t\r\n\f\v]+")  # not NO-BREAK SPACE: characters are left to diplolib.normalize


def _text(element) -> str:
    return _SPACES.sub(" ", element.text_content()).strip()


_WANTED = _LEAD_CLASSES + _BLOCK_CLASSES
_CLASS_XPATH = "//*[" + " or ".join(f"contains(@class, '{c}')" for c in _WANTED) + "]"


def _class_index(tree) -> dict[str, list]:
    """Class token (of the lead and content-block classes) → elements carrying it, in document order."""
    index: dict[str, list] = {}
    for element in tree.xpath(_CLASS_XPATH):
        for token in element.get("class", "").split():
            if token in _WANTED:
                index.setdefault(token, []).append(element)
    return index


def html_metadata(tree) -> dict:
    """Title, date string, URL and language declared by a parsed page (values None when absent)."""
    meta: dict[str, str] = {}
    for element in tree.xpath("//meta[@content]"):
        key = (
            element.get("property")
            or element.get("name")
            or element.get("itemprop")
            or element.get("http-equiv")
        )
        content = element.get("content", "").strip()
        if key and content and key not in meta:
            meta[key] = content
    times = [
        t.get("datetime").strip() for t in tree.xpath("//time[@datetime]") if t.get("datetime", "").strip()
    ]
    stamped = [t.get("datetime").strip() for t in tree.xpath("//time[@itemprop='datePublished'][@datetime]")]
    title = meta.get("og:title")
    if not title:
        heads = [_text(e) for e in tree.xpath("//title|//h1")]
        title = next((h for h in heads if h), None)
    if title and " • " in title:  # "Title • President of Russia"
        title = title.rsplit(" • ", 1)[0].strip()
    links = {link.get("rel"): link.get("href") for link in tree.xpath("//link[@rel][@href]")}
    canonical = links.get("canonical")
    urls = [u for u in (canonical, meta.get("og:url")) if u]
    return {
        "title": title,
        "published": next((v for v in [*stamped, *times, *(meta.get(k) for k in _DATE_KEYS)] if v), None),
        "url": next((u for u in urls if u.startswith(("http://", "https://"))), urls[0] if urls else None),
        "lang": tree.get("lang") or meta.get("inLanguage") or meta.get("content-language"),
    }


def _lead(tree, classes) -> str | None:
    for cls in _LEAD_CLASSES:
        for element in classes.get(cls, ()):
            text = _text(element)
            if text:
                return text
    for h1 in tree.xpath("//h1"):
        nxt = h1.getnext()
        if nxt is not None and nxt.tag == "h2" and _text(nxt):
            return _text(nxt)
    return None


def _paragraphs_of(element) -> str:
    for noise in element.xpath(".//script|.//style|.//nav|.//*[@class]"):
        if noise.tag in ("script", "style", "nav") or _NOISE.search(noise.get("class", "")):
            if noise.getparent() is not None:
                noise.drop_tree()
    blocks = element.xpath(".//p|.//li|.//h2|.//h3|.//h4|.//blockquote") or [element]
    members = set(blocks)
    blocks = [b for b in blocks if not any(a in members for a in b.iterancestors())]
    parts = [_text(b) for b in blocks]
    return "\n\n".join(p for p in parts if p)


def _main_text(tree, html: str, extractor: str, classes: dict, lead: str | None, title: str | None):
    import trafilatura

    if extractor == "auto":
        entry = classes.get("entry-content", [])
        if len(entry) == 1:
            body = _paragraphs_of(entry[0])
            if body or lead:  # a short item can be its lead alone (the body holds only "See also" links)
                return body, "entry-content"
            if title:  # a headline-only item: an article page whose body is empty
                return title, "title-only"

    text = trafilatura.extract(
        html,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        with_metadata=False,
        output_format="txt",
    )
    if text and text.strip():
        lines = [line.strip() for line in text.split("\n")]
        return "\n\n".join(line for line in lines if line), "trafilatura"
    candidates = [e for cls in _BLOCK_CLASSES for e in classes.get(cls, ())] + tree.xpath("//article|//main")
    for element in candidates:
        body = _paragraphs_of(element)
        if body:
            return body, "block"
    paras = [_text(p) for p in tree.xpath("//body//p")]
    body = "\n\n".join(p for p in paras if p)
    return body, "paragraphs"


def read_html(
    data: bytes,
    *,
    origin: str,
    encoding: str | None = None,
    encoding_errors: Literal["strict", "replace"] = "strict",
    source: str = "",
    tz: str = "UTC",
    date_format: str | None = None,
    on_bad_date: Literal["error", "keep"] = "error",
    keep_lead: bool = True,
    extractor: Literal["auto", "trafilatura"] = "auto",
    lang: str | None = None,
    min_text_chars: int = 20,
    max_text_chars: int | None = DEFAULT_MAX_TEXT_CHARS,
) -> tuple[list[dict], list[dict]]:
    """Read one HTML page.

    Parameters
    ----------
    keep_lead
        Put a lead paragraph that sits outside the main text (``.read__lead``, a ``<h2>`` right after the
        ``<h1>``) back at the start of the text.
    min_text_chars
        Less main text than this (a menu, "Home") is a "no-main-text" error.
    extractor
        ``"auto"``: a page with one h-entry ``entry-content`` block (Kremlin, many CMS themes) is read
        from that block, minus related links and tag lists (exact, ~10x faster); if that block is empty
        and there is no lead, the page is a headline-only item and its title is the text (``extractor``
        "title-only"); other pages go through trafilatura. ``"trafilatura"``: always trafilatura.
    source, lang
        Outlet and language to record when the page does not say (``lang`` overrides ``<html lang>``).

    Returns
    -------
    One record: ``title``, ``text`` (paragraphs separated by blank lines, NO-BREAK SPACEs and other
    characters as in the page), ``url``, ``published`` (tz-aware), ``lang``, plus ``extractor``
    ("entry-content", "title-only", "trafilatura", "block" or "paragraphs": how the text was found).
    Errors: "no-main-text", "bad-date", "decode", "empty", "binary", "too-large".
    """
    declared = _CHARSET.search(data[:4096])
    html = read_text(
        data,
        encoding=encoding,
        encoding_errors=encoding_errors,
        declared=declared.group(1).decode("ascii", "ignore") if declared else None,
    )
    html = _XML_DECL.sub("", html, count=1)
    try:
        tree = lxml.html.fromstring(html)
    except Exception as exc:  # lxml raises ParserError or ValueError on documents with no elements
        raise ReadError(
            "no-main-text", f"the page could not be parsed as HTML ({exc}): check it is an HTML file."
        ) from None
    meta = html_metadata(tree)
    classes = _class_index(tree)
    lead = _lead(tree, classes) if keep_lead else None
    text, how = _main_text(tree, html, extractor, classes, lead, meta["title"])
    if lead:
        flat_lead, flat_text = " ".join(lead.split()), " ".join(text.split())
        if flat_lead[:60] not in flat_text:  # not already the first paragraph(s) of the main text
            text = f"{lead}\n\n{text}" if text else lead
    if len(text.strip()) < min_text_chars:
        raise ReadError(
            "no-main-text",
            f"no main text was found in the page (no article body, no paragraph, "
            f"under min_text_chars={min_text_chars} characters): "
            "it is probably an index, a redirect or an error page; remove it, or load it with "
            "format='page' if it is really plain text.",
        )
    record = finish_record(origin, "html", text=text, title=meta["title"], source=source, url=meta["url"],
                           lang=lang or meta["lang"], extra={"extractor": how}, raw_date=meta["published"],
                           on_bad_date=on_bad_date, date_format=date_format, tz=tz, max_text_chars=max_text_chars)
    return [record], []
