from __future__ import annotations

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed

from pm_origins.web.series.models import Article, SiteSettings


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
        return item.summary

    def item_pubdate(self, item: Article) -> datetime:
        return item.published_at

    def item_updateddate(self, item: Article) -> datetime:
        return item.updated_at

    def item_author_name(self, item: Article) -> str:
        return item.author

    def item_categories(self, item: Article) -> list[str]:
        return [tag.name for tag in item.tags.all()]


class ArticlesAtomFeed(ArticlesRssFeed):
    feed_type = Atom1Feed
    feed_url = reverse_lazy("feed-atom")

    def subtitle(self) -> str:
        return self.description()
