from __future__ import annotations

from datetime import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from pm_origins.web.series.models import Article


class StaticPagesSitemap(Sitemap[str]):
    changefreq = "weekly"
    priority = 0.6

    def items(self) -> list[str]:
        return ["assessments:home", "series:index", "series:topics", "series:feedback"]

    def location(self, item: str) -> str:
        return reverse(item)


class ArticleSitemap(Sitemap[Article]):
    changefreq = "monthly"
    priority = 0.8

    def items(self) -> QuerySet[Article]:
        return Article.objects.published().order_by("-published_at")

    def lastmod(self, item: Article) -> datetime:
        return item.updated_at
