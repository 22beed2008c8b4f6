from __future__ import annotations

from django.apps import AppConfig


class SeriesConfig(AppConfig):
    name = "pm_origins.web.series"
    label = "series"
    verbose_name = "PM series"

    def ready(self) -> None:
        from pm_origins.web.accounts import exports
        from pm_origins.web.core import pagecache
        from pm_origins.web.series import side_cache
        from pm_origins.web.series.services import series_export

        exports.register("series", series_export)
        side_cache.connect()
        pagecache.depends_on(side_cache.side_version)  # every page shows the side area
