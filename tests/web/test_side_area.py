from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from pm_origins.web.series import initial_data
from pm_origins.web.series.models import NavLink, SiteSettings, Widget, validate_link_url

PAGES = [
    "/",
    "/series/",
    "/series/six-competencies-pivot-from-strength/",
    "/series/topics/",
    "/series/feedback/",
    "/series/search/?q=sales",
    "/account/login/",
    "/no-such-page/",
]


@pytest.fixture(autouse=True)
def _loaded() -> None:
    initial_data.load()


@pytest.mark.parametrize("path", PAGES)
def test_the_side_area_is_on_every_page(path: str) -> None:
    html = Client().get(path).content.decode()
    assert '<aside class="side" aria-labelledby="side-title">' in html
    for expected in (
        "Take the assessment",
        "Latest articles",
        'role="search"',
        "Follow us",
        "RSS feed",
        "Series",
    ):
        assert expected in html, (path, expected)


def test_a_fresh_install_invents_no_contact_details_or_social_links() -> None:
    html = Client().get("/").content.decode()

    for invented in ("Example Street", "555", "hello@example.org", "LinkedIn", "Mastodon"):
        assert invented not in html
    assert "widget-contact" not in html, "an empty contact block is left out"


def test_the_contact_block_shows_what_an_editor_set_and_nothing_else() -> None:
    settings = SiteSettings.load()
    settings.contact_email = "team@pm.example"
    settings.save()

    html = Client().get("/").content.decode()

    assert "widget-contact" in html
    assert "mailto:team@pm.example" in html
    assert "Phone:" not in html


def test_the_call_to_take_the_assessment_is_hidden_while_taking_it() -> None:
    client = Client()
    roles = client.post("/find/", follow=True)

    assert roles.status_code == 200
    assert "Take the assessment" not in roles.content.decode()
    assert "Take the assessment" in client.get("/series/").content.decode()


def test_the_admin_says_where_the_contact_block_and_follow_links_are_set(
    staff_client: Client,
) -> None:
    html = staff_client.get("/admin/series/sitesettings/1/change/").content.decode()

    assert "while all three are empty it is left out" in html
    assert "Follow links" in html


def test_it_collapses_with_a_native_disclosure_that_works_without_javascript() -> None:
    html = Client().get("/").content.decode()
    assert '<details class="side-details" open>' in html
    assert '<summary id="side-title">' in html


def test_an_editor_changes_links_contact_and_widgets_without_code() -> None:
    NavLink.objects.create(label="Mentoring programme", url="/mentoring/", position=0)
    settings = SiteSettings.load()
    settings.contact_phone = "+44 20 7946 0000"
    settings.save()
    Widget.objects.filter(kind=Widget.Kind.SEARCH).update(is_active=False)
    Widget.objects.create(kind=Widget.Kind.TEXT, title="Office hours", body="**Tuesdays** 5pm")
    html = Client().get("/").content.decode()
    assert "Mentoring programme" in html
    assert "+44 20 7946 0000" in html and 'href="tel:+442079460000"' in html
    assert "Search the series" not in html
    assert "<strong>Tuesdays</strong>" in html


def test_widgets_follow_the_editors_order() -> None:
    Widget.objects.filter(kind=Widget.Kind.FOLLOW).update(position=0)
    Widget.objects.filter(kind=Widget.Kind.TAKE_ASSESSMENT).update(position=99)
    html = Client().get("/").content.decode()
    assert html.index("widget-follow") < html.index("widget-assessment")


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", " JavaScript:x", "data:text/html,x", "//evil.example", "vbscript:x"],
)
def test_unsafe_link_urls_are_refused_and_never_rendered(url: str) -> None:
    with pytest.raises(ValidationError):
        validate_link_url(url)
    NavLink.objects.create(label="Sneaky", url=url, position=0)
    html = Client().get("/").content.decode()
    assert 'href="#">Sneaky' in html


def test_the_editor_can_open_the_side_area_admin(staff_client: Client) -> None:
    for path in (
        "/admin/series/sitesettings/1/change/",
        "/admin/series/navlink/",
        "/admin/series/followlink/",
        "/admin/series/widget/",
    ):
        assert staff_client.get(path).status_code == 200, path
