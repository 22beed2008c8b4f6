"""The first page after `make run` on an empty install is useful: every section says
something, nothing is a placeholder."""

from __future__ import annotations

import html as html_lib
import importlib
import re

from django.test import Client

from pm_origins.web.serve import INITIAL_DATA_APPS

SECTION = re.compile(r"<section\b[^>]*>(.*?)</section>", re.S)
HEADING = re.compile(r"<h[1-6]\b[^>]*>.*?</h[1-6]>", re.S)
TAG = re.compile(r"<[^>]+>")


def _fresh_install() -> None:
    """What `pm-origins serve` loads into a new database before it serves."""
    for app in INITIAL_DATA_APPS:
        importlib.import_module(f"pm_origins.web.{app}.initial_data").load()


def _text(fragment: str) -> str:
    return " ".join(html_lib.unescape(TAG.sub(" ", fragment)).split())


def test_every_section_of_the_first_page_has_something_to_say() -> None:
    _fresh_install()

    page = Client().get("/").content.decode()

    sections = SECTION.findall(page)
    assert len(sections) >= 4
    empty = [_text(s)[:60] for s in sections if not _text(HEADING.sub("", s))]
    assert empty == []
    assert not re.search(r"<(ul|ol|dl)\b[^>]*>\s*</\1>", page), "an empty list"
    for placeholder in ("No articles yet", "No series yet", "Example Street", "555 0100"):
        assert placeholder not in page


def test_the_first_page_leads_a_newcomer_to_the_assessment_and_the_series() -> None:
    _fresh_install()

    page = Client().get("/").content.decode()

    assert 'href="/find/"' in page
    assert 'href="/series/"' in page
    assert "Latest articles" in page
    assert "How it works" in page


def test_a_widget_with_nothing_to_show_is_left_out() -> None:
    from pm_origins.web.series.models import Article

    _fresh_install()
    Article.objects.all().delete()

    page = Client().get("/").content.decode()

    assert "Latest articles" not in page
    assert "No articles yet" not in page
