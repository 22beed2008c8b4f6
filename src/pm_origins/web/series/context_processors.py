from __future__ import annotations

from functools import cached_property
from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from pm_origins.web.series.side_cache import FRAGMENT_SECONDS, side_version


class SideArea:
    """The side area's records, each fetched only when a template uses it.

    The page title and footer need only the settings; the rest is read when the
    side area's HTML is not in the shared cache (see ``side_cache``).
    """

    @cached_property
    def settings(self) -> Any:
        from pm_origins.web.series.models import SiteSettings

        return SiteSettings.load()

    @cached_property
    def nav_links(self) -> list[Any]:
        from pm_origins.web.series.models import NavLink

        return list(NavLink.objects.filter(is_active=True))

    @cached_property
    def follow_links(self) -> list[Any]:
        from pm_origins.web.series.models import FollowLink

        return list(FollowLink.objects.filter(is_active=True))

    @cached_property
    def widgets(self) -> list[Any]:
        from pm_origins.web.series.models import Widget

        return list(Widget.objects.filter(is_active=True))

    @cached_property
    def latest_articles(self) -> list[Any]:
        from pm_origins.web.series.models import Article, Widget

        count = max(
            (w.item_count for w in self.widgets if w.kind == Widget.Kind.LATEST_ARTICLES), default=0
        )
        if not count:
            return []
        return list(Article.objects.published().order_by("-published_at")[:count])

    @cached_property
    def series_list(self) -> list[Any]:
        from pm_origins.web.series.models import Series, Widget

        if all(w.kind != Widget.Kind.SERIES_LIST for w in self.widgets):
            return []
        return list(Series.objects.all())


def side_area(request: HttpRequest) -> dict[str, Any]:
    return {
        "side": SideArea(),
        "side_version": SimpleLazyObject(side_version),
        "side_seconds": FRAGMENT_SECONDS,
    }
