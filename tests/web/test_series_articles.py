from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from pm_origins.framework import ENV_VAR
from pm_origins.web.core.framework import current_framework
from pm_origins.web.series.models import Article, Series, Tag
from pm_origins.web.series.rendering import reading_minutes

from .conftest import make_article


def test_an_article_page_shows_the_rendered_markdown_and_its_fields(article: Article) -> None:
    article.tags.add(Tag.objects.create(name="Career change", slug="career-change"))
    html = Client().get(article.get_absolute_url()).content.decode()
    assert '<h2 id="heading">Heading</h2>' in html
    assert article.author in html
    assert "1 min read" in html
    assert 'href="/series/tags/career-change/"' in html


def test_it_links_to_the_origin_and_competency_pages(article: Article) -> None:
    html = Client().get(article.get_absolute_url()).content.decode()
    assert '<a href="/origins/sales/">Sales &amp; Account Management</a>' in html
    assert '<a href="/competencies/execution/">Development Execution</a>' in html


def test_it_links_to_the_previous_and_next_article_in_the_series(series: Series) -> None:
    first = make_article(series, "one", position=1)
    second = make_article(series, "two", position=2)
    third = make_article(series, "three", position=3)
    html = Client().get(second.get_absolute_url()).content.decode()
    assert f'href="{first.get_absolute_url()}" rel="prev"' in html
    assert f'href="{third.get_absolute_url()}" rel="next"' in html
    first_html = Client().get(first.get_absolute_url()).content.decode()
    assert 'rel="prev"' not in first_html


def test_drafts_and_future_articles_are_hidden_from_readers(series: Series) -> None:
    draft = make_article(series, "draft", status=Article.Status.DRAFT)
    soon = timezone.now() + timezone.timedelta(days=3)
    future = make_article(series, "future", published_at=soon)
    for hidden in (draft, future):
        assert Client().get(hidden.get_absolute_url()).status_code == 404
    index = Client().get("/series/").content.decode()
    assert "Article draft" not in index and "Article future" not in index


def test_staff_can_preview_a_draft(series: Series, staff_client: Client) -> None:
    draft = make_article(series, "draft", status=Article.Status.DRAFT)
    response = staff_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Draft: only staff can see this page." in response.content.decode()


def test_raw_html_in_an_article_is_sanitised(series: Series) -> None:
    article = make_article(
        series,
        "html",
        body='Hi <script>alert(1)</script><a href="javascript:x()">l</a>'
        '<img src=x onerror="alert(2)">',
    )
    assert "<script" not in article.body_html
    assert "javascript:" not in article.body_html
    assert "onerror" not in article.body_html


def test_reading_time_is_counted_in_whole_minutes() -> None:
    assert reading_minutes("word " * 10) == 1
    assert reading_minutes("word " * 441) == 3


def test_each_page_has_its_own_title_description_and_open_graph_tags(article: Article) -> None:
    html = Client().get(article.get_absolute_url()).content.decode()
    assert f"<title>{article.title} · pm-origins</title>" in html
    assert f'<meta name="description" content="{article.summary}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert f'<meta property="og:title" content="{article.title}">' in html
    assert '<link rel="canonical" href="http://testserver/series/first-article/">' in html


def test_series_and_tag_pages_list_their_articles(article: Article) -> None:
    tag = Tag.objects.create(name="Sales", slug="sales")
    article.tags.add(tag)
    assert article.title in Client().get(article.series.get_absolute_url()).content.decode()
    assert article.title in Client().get(tag.get_absolute_url()).content.decode()
    assert Client().get("/series/s/nope/").status_code == 404


def test_a_bad_page_number_does_not_break_the_index(article: Article) -> None:
    for page in ("x", "-1", "99999", "1" * 40):
        assert Client().get("/series/", {"page": page}).status_code == 200


def test_article_links_name_origins_as_the_operators_framework_does(
    series: Series, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    custom = tmp_path / "framework.yaml"
    custom.write_text("origins:\n  - id: sales\n    name: Sales and Partnerships\n")
    monkeypatch.setenv(ENV_VAR, str(custom))
    current_framework.cache_clear()
    try:
        article = make_article(series, "renamed", origin_ids="sales, no_such_origin")
        page = Client().get(article.get_absolute_url()).content.decode()
    finally:
        current_framework.cache_clear()
    assert f'href="{reverse("assessments:origin", args=["sales"])}"' in page
    assert "Sales and Partnerships" in page
    assert "no_such_origin" not in page  # an id the framework does not define is not linked
