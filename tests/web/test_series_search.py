from __future__ import annotations

from django.test import Client

from pm_origins.web.series.models import Article, Series
from pm_origins.web.series.queries import search_articles

from .conftest import make_article


def test_it_finds_articles_by_words_in_title_or_body(series: Series) -> None:
    make_article(series, "estimates", title="Why estimates slip", body="Delivery and planning.")
    make_article(series, "interviews", title="Customer interviews", body="Talk to users weekly.")
    assert [a.slug for a in search_articles("estimates")] == ["estimates"]
    assert [a.slug for a in search_articles("users")] == ["interviews"]
    assert [a.slug for a in search_articles("customer interviews")] == ["interviews"]


def test_it_never_finds_drafts(series: Series) -> None:
    make_article(series, "secret", title="Secret roadmap", status=Article.Status.DRAFT)
    assert list(search_articles("roadmap")) == []


def test_an_empty_or_odd_query_gives_a_page_not_an_error(article: Article) -> None:
    odd = ("", "   ", "'; DROP TABLE x; --", "a" * 5000, "\\", "%_%", "& | !")
    for query in odd:
        response = Client().get("/series/search/", {"q": query})
        assert response.status_code == 200, query
    # No one types a NUL: the request is malformed and stops before the search runs.
    assert Client().get("/series/search/", {"q": "nul\x00byte"}).status_code == 400


def test_the_search_page_shows_results_with_links(series: Series) -> None:
    make_article(series, "estimates", title="Why estimates slip", body="Delivery and planning.")
    html = Client().get("/series/search/", {"q": "estimates"}).content.decode()
    assert "1 article found" in html
    assert 'href="/series/estimates/"' in html
