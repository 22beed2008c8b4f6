"""The side area's HTML is rendered once per change and shared through the cache."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from pm_origins.web.series import initial_data
from pm_origins.web.series.models import Article, NavLink, SiteSettings, Widget


@pytest.fixture(autouse=True)
def _loaded() -> None:
    initial_data.load()


def test_a_cached_side_area_costs_fewer_queries(django_assert_max_num_queries: Any) -> None:
    client = Client()
    client.get("/origins/qa/")  # fills the cache
    with django_assert_max_num_queries(4):  # settings, the version, the fragment
        page = client.get("/origins/qa/")
    assert "Latest articles" in page.content.decode()


@pytest.mark.parametrize(
    "change",
    ["add link", "rename link", "delete link", "new title", "drop widget", "unpublish article"],
)
def test_an_editors_change_shows_on_the_next_page(change: str) -> None:
    client = Client()
    link = NavLink.objects.create(label="Mentoring programme", url="/mentoring/")
    assert "Mentoring programme" in client.get("/").content.decode()
    article = Article.objects.published().order_by("-published_at").first()
    assert article is not None
    if change == "add link":
        NavLink.objects.create(label="Office hours", url="/office-hours/")
        expected, gone = "Office hours", None
    elif change == "rename link":
        link.label = "Coaching"
        link.save()
        expected, gone = "Coaching", "Mentoring programme"
    elif change == "delete link":
        link.delete()
        expected, gone = None, "Mentoring programme"
    elif change == "new title":
        settings = SiteSettings.load()
        settings.side_title = "Around the series"
        settings.save()
        expected, gone = "Around the series", None
    elif change == "drop widget":
        Widget.objects.get(kind=Widget.Kind.SEARCH).delete()
        expected, gone = None, 'role="search"'
    else:
        article.status = Article.Status.DRAFT
        article.save()
        expected, gone = None, f'href="{article.get_absolute_url()}">'
    html = client.get("/").content.decode().split('<aside class="side"')[1]
    if expected:
        assert expected in html
    if gone:
        assert gone not in html
