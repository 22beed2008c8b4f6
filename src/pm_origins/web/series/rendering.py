"""Markdown to safe HTML: Markdown renders, nh3 keeps only an allow-list."""

from __future__ import annotations

import math
import re

import markdown
import nh3

_ARTICLE_TAGS = {
    "a",
    "abbr",
    "blockquote",
    "br",
    "code",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "img",
    "li",
    "ol",
    "p",
    "pre",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
_ARTICLE_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "td": {"align"},
    "th": {"align", "scope"},
    "abbr": {"title"},
    "code": {"class"},
}
_COMMENT_TAGS = {"a", "blockquote", "br", "code", "em", "li", "ol", "p", "pre", "strong", "ul"}
_URL_SCHEMES = {"http", "https", "mailto"}

_WORD = re.compile(r"\w+")
_LINK = re.compile(r"https?://|www\.|\[[^\]]*\]\(", re.IGNORECASE)


def render_article(text: str) -> str:
    """Article Markdown (written by editors) to sanitised HTML."""
    html = markdown.markdown(text, extensions=["extra", "sane_lists", "toc"], output_format="html")
    return nh3.clean(
        html,
        tags=_ARTICLE_TAGS,
        attributes=_ARTICLE_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel="noopener",
    )


def render_comment(text: str) -> str:
    """Reader-written Markdown to a small, safe subset of HTML.

    Raw HTML in the input is not interpreted, so it shows as text, and links get
    ``rel="nofollow ugc noopener"`` so spam gains nothing from them.
    """
    md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    html = md.convert(text)
    return nh3.clean(
        html,
        tags=_COMMENT_TAGS,
        attributes={"a": {"href"}},
        url_schemes=_URL_SCHEMES,
        link_rel="nofollow ugc noopener",
    )


def reading_minutes(text: str, *, words_per_minute: int = 220) -> int:
    """Whole minutes to read ``text``, at least one."""
    return max(1, math.ceil(len(_WORD.findall(text)) / words_per_minute))


def count_links(text: str) -> int:
    return len(_LINK.findall(text))
