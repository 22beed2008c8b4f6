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


@pytest.fixture
def client() -> Client:
    return Client()


@pytest.fixture
def link(client: Client) -> NavLink:
    """A link already shown, so the cached side area holds it before each change."""
    link = NavLink.objects.create(label="Mentoring programme", url="/mentoring/")
    assert "Mentoring programme" in side(client)
    return link


def side(client: Client) -> str:
    return client.get("/").content.decode().split('<aside class="side"')[1]


def test_an_added_link_shows_on_the_next_page(client: Client, link: NavLink) -> None:
    NavLink.objects.create(label="Office hours", url="/office-hours/")
    assert "Office hours" in side(client)


def test_a_renamed_link_shows_its_new_name(client: Client, link: NavLink) -> None:
    link.label = "Coaching"
    link.save()
    html = side(client)
    assert "Coaching" in html and "Mentoring programme" not in html


def test_a_deleted_link_is_gone(client: Client, link: NavLink) -> None:
    link.delete()
    assert "Mentoring programme" not in side(client)


def test_a_new_side_title_shows(client: Client, link: NavLink) -> None:
    settings = SiteSettings.load()
    settings.side_title = "Around the series"
    settings.save()
    assert "Around the series" in side(client)


def test_a_dropped_widget_is_gone(client: Client, link: NavLink) -> None:
    assert 'role="search"' in side(client)
    Widget.objects.get(kind=Widget.Kind.SEARCH).delete()
    assert 'role="search"' not in side(client)


def test_an_unpublished_article_leaves_the_latest_list(client: Client, link: NavLink) -> None:
    article = Article.objects.published().order_by("-published_at").first()
    assert article is not None
    assert f'href="{article.get_absolute_url()}">' in side(client)
    article.status = Article.Status.DRAFT
    article.save()
    assert f'href="{article.get_absolute_url()}">' not in side(client)
