from __future__ import annotations

import html
import xml.etree.ElementTree as ET

import pytest
from django.test import Client

from pm_origins.web.series.models import Article, Series, Tag

from .conftest import make_article

ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_rss_feed_is_valid_rss_with_each_article(article: Article, series: Series) -> None:
    make_article(series, "draft", status=Article.Status.DRAFT)
    article.tags.add(Tag.objects.create(name="Sales", slug="sales"))
    response = Client().get("/feeds/rss.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel is not None
    for required in ("title", "link", "description"):
        assert channel.findtext(required), required
    items = channel.findall("item")
    assert len(items) == 1
    item = items[0]
    assert item.findtext("title") == article.title
    assert item.findtext("link") == "http://testserver/series/first-article/"
    assert item.findtext("description") == html.escape(article.summary)
    assert item.findtext("pubDate") and item.findtext("guid")
    assert item.findtext("category") == "Sales"


def test_the_atom_feed_is_valid_atom_with_each_article(article: Article) -> None:
    response = Client().get("/feeds/atom.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.findtext(f"{ATOM}{required}"), required
    assert root.find(f"{ATOM}link[@rel='self']") is not None
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 1
    entry = entries[0]
    for required in ("id", "title", "updated", "summary"):
        assert entry.findtext(f"{ATOM}{required}"), required
    assert entry.find(f"{ATOM}link").get("href") == "http://testserver/series/first-article/"
    assert entry.find(f"{ATOM}author/{ATOM}name").text == article.author


MARKUP_SUMMARY = 'Pick <b>one</b> bet & "test" it <script>alert(1)</script>'


@pytest.mark.parametrize("path", ["/feeds/rss.xml", "/feeds/atom.xml"])
def test_a_summary_with_markup_reaches_readers_as_text_not_html(series: Series, path: str) -> None:
    make_article(series, "markup", summary=MARKUP_SUMMARY)
    response = Client().get(path)
    root = ET.fromstring(response.content)
    assert b'type="html"' not in response.content
    if path.endswith("atom.xml"):
        summary = root.find(f"{ATOM}entry/{ATOM}summary")
        assert summary is not None
        assert summary.get("type") == "text"
        assert summary.text == MARKUP_SUMMARY
    else:
        # RSS readers render <description> as HTML: escaped once, it displays as the text.
        description = root.findtext("channel/item/description")
        assert description == html.escape(MARKUP_SUMMARY)
        assert "<script>" not in (description or "")


def test_the_sitemap_lists_published_articles_and_main_pages(
    article: Article, series: Series
) -> None:
    make_article(series, "draft", status=Article.Status.DRAFT)
    response = Client().get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locations = {url.findtext(f"{ns}loc") for url in root.findall(f"{ns}url")}
    assert "http://testserver/series/first-article/" in locations
    assert "http://testserver/series/" in locations
    assert "http://testserver/" in locations
    assert not any("draft" in loc for loc in locations)


def test_robots_txt_points_at_the_sitemap_and_keeps_out_of_private_pages() -> None:
    response = Client().get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text and "Disallow: /account/" in text


def test_every_page_advertises_the_feeds() -> None:
    html = Client().get("/").content.decode()
    assert 'type="application/rss+xml"' in html and 'type="application/atom+xml"' in html
