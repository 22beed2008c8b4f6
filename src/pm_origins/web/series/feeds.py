from __future__ import annotations

import html
from datetime import datetime
from typing import Any

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed

from pm_origins.web.series.models import Article, SiteSettings


class TextSummaryAtomFeed(Atom1Feed):
    """Atom whose entry summary is plain text (``type="text"``), never HTML."""

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        summary = item.get("description")
        super().add_item_elements(handler, {**item, "description": None})
        if summary is not None:
            handler.addQuickElement("summary", summary, {"type": "text"})


class ArticlesRssFeed(Feed[Article, None]):
    feed_type: type[SyndicationFeed] = Rss201rev2Feed
    link = reverse_lazy("series:index")
    feed_url = reverse_lazy("feed-rss")

    def title(self) -> str:
        return f"{SiteSettings.load().site_name}: the PM series"

    def description(self) -> str:
        return (
            "Articles on moving into Product Management from another career, "
            "and on growing as a Product Manager."
        )

    def items(self) -> QuerySet[Article]:
        return Article.objects.published().prefetch_related("tags").order_by("-published_at")[:20]

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        # RSS readers show <description> as HTML; escaping it once shows the summary
        # as the plain text it is, whatever characters it holds.
        return html.escape(item.summary)

    def item_pubdate(self, item: Article) -> datetime:
        return item.published_at

    def item_updateddate(self, item: Article) -> datetime:
        return item.updated_at

    def item_author_name(self, item: Article) -> str:
        return item.author

    def item_categories(self, item: Article) -> list[str]:
        return [tag.name for tag in item.tags.all()]


class ArticlesAtomFeed(ArticlesRssFeed):
    feed_type = TextSummaryAtomFeed
    feed_url = reverse_lazy("feed-atom")

    def item_description(self, item: Article) -> str:
        return item.summary

    def subtitle(self) -> str:
        return self.description()
