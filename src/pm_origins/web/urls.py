"""Top-level URLs. Apps that others add (assessments, api) append here."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path, reverse_lazy
from django.views.generic import RedirectView

from pm_origins.web.api.api import api
from pm_origins.web.api.guard import not_found as api_not_found
from pm_origins.web.series.feeds import ArticlesAtomFeed, ArticlesRssFeed
from pm_origins.web.series.sitemaps import ArticleSitemap, StaticPagesSitemap

# Each app contributes its sitemap section here.
sitemaps = {
    "pages": StaticPagesSitemap,
    "articles": ArticleSitemap,
}

admin.site.site_header = "pm-origins administration"
admin.site.site_title = "pm-origins admin"

urlpatterns = [
    path("", include("pm_origins.web.core.urls")),
    # The admin signs in through the throttled log-in page.
    path(
        "admin/login/",
        RedirectView.as_view(url=reverse_lazy("accounts:login"), query_string=True),
    ),
    path("admin/", admin.site.urls),
    path("account/", include("pm_origins.web.accounts.urls")),
    path("account/api-tokens/", include("pm_origins.web.api.urls")),
    path("api/v1/", api.urls),
    re_path(r"^api/", api_not_found),
    path("", include("pm_origins.web.assessments.urls")),
    path("", include("pm_origins.web.resumes.urls")),
    path("", include("pm_origins.web.teams.urls")),
    path("series/", include("pm_origins.web.series.urls")),
    path("feeds/rss.xml", ArticlesRssFeed(), name="feed-rss"),
    path("feeds/atom.xml", ArticlesAtomFeed(), name="feed-atom"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
]

handler400 = "pm_origins.web.core.views.bad_request"
handler403 = "pm_origins.web.core.views.permission_denied"
handler404 = "pm_origins.web.core.views.page_not_found"
