"""Read-only lookups for the series pages."""

from __future__ import annotations

from django.db import connection
from django.db.models import Q, QuerySet

from pm_origins.web.series.models import Article

SEARCH_MAX_LENGTH = 200
SEARCH_MAX_TERMS = 8


def search_articles(query: str) -> QuerySet[Article]:
    """Published articles matching ``query``, best first.

    PostgreSQL uses its full-text search (stemming, ranking); other databases
    match every word of the query in the title, summary or body.
    """
    query = query.strip()[:SEARCH_MAX_LENGTH]
    published = Article.objects.published().select_related("series")
    if not query:
        return published.none()
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = (
            SearchVector("title", weight="A", config="english")
            + SearchVector("summary", weight="B", config="english")
            + SearchVector("body", weight="C", config="english")
        )
        search = SearchQuery(query, search_type="websearch", config="english")
        return (
            published.annotate(document=vector, rank=SearchRank(vector, search))
            .filter(document=search)
            .order_by("-rank", "-published_at")
        )
    condition = Q()
    for term in query.split()[:SEARCH_MAX_TERMS]:
        condition &= Q(title__icontains=term) | Q(summary__icontains=term) | Q(body__icontains=term)
    return published.filter(condition).order_by("-published_at")


def neighbours(article: Article) -> tuple[Article | None, Article | None]:
    """The published articles before and after ``article`` in its series."""
    siblings = list(
        Article.objects.published()
        .filter(series=article.series_id)
        .order_by("position", "published_at", "pk")
        .only("pk", "slug", "title")
    )
    index = next((i for i, other in enumerate(siblings) if other.pk == article.pk), None)
    if index is None:
        return None, None
    previous = siblings[index - 1] if index > 0 else None
    following = siblings[index + 1] if index + 1 < len(siblings) else None
    return previous, following
