from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject


class SideArea:
    """The side area's records, fetched only when a template uses them."""

    def __init__(self) -> None:
        from pm_origins.web.series.models import (
            Article,
            FollowLink,
            NavLink,
            Series,
            SiteSettings,
            Widget,
        )

        self.settings = SiteSettings.load()
        self.nav_links = list(NavLink.objects.filter(is_active=True))
        self.follow_links = list(FollowLink.objects.filter(is_active=True))
        self.widgets = list(Widget.objects.filter(is_active=True))
        needs = {widget.kind for widget in self.widgets}
        latest_count = max(
            (w.item_count for w in self.widgets if w.kind == Widget.Kind.LATEST_ARTICLES),
            default=0,
        )
        self.latest_articles = (
            list(Article.objects.published().order_by("-published_at")[:latest_count])
            if latest_count
            else []
        )
        self.series_list = list(Series.objects.all()) if Widget.Kind.SERIES_LIST in needs else []


def side_area(request: HttpRequest) -> dict[str, Any]:
    return {"side": SimpleLazyObject(SideArea)}
