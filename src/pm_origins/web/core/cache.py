"""The shared cache backends, timed for /metrics.

Each operation the site uses is timed (``pm_origins_cache_operation_seconds``)
and gets are counted as hits or misses with django-prometheus's counters.
"""

from __future__ import annotations

from typing import Any

from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.redis import RedisCache
from django_prometheus.cache.metrics import (
    django_cache_get_total,
    django_cache_hits_total,
    django_cache_misses_total,
)

from pm_origins.web.core.metrics import cache_timer

_MISSING = object()


class _Timed:
    backend_label = ""

    def get(self, key: Any, default: Any = None, version: Any = None) -> Any:
        django_cache_get_total.labels(backend=self.backend_label).inc()
        with cache_timer(self.backend_label, "get"):
            value = super().get(key, _MISSING, version)  # type: ignore[misc]
        if value is _MISSING:
            django_cache_misses_total.labels(backend=self.backend_label).inc()
            return default
        django_cache_hits_total.labels(backend=self.backend_label).inc()
        return value

    def set(self, *args: Any, **kwargs: Any) -> Any:
        with cache_timer(self.backend_label, "set"):
            return super().set(*args, **kwargs)  # type: ignore[misc]

    def add(self, *args: Any, **kwargs: Any) -> Any:
        with cache_timer(self.backend_label, "add"):
            return super().add(*args, **kwargs)  # type: ignore[misc]

    def incr(self, *args: Any, **kwargs: Any) -> Any:
        with cache_timer(self.backend_label, "incr"):
            return super().incr(*args, **kwargs)  # type: ignore[misc]

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        with cache_timer(self.backend_label, "delete"):
            return super().delete(*args, **kwargs)  # type: ignore[misc]


class TimedDatabaseCache(_Timed, DatabaseCache):
    backend_label = "database"


class TimedRedisCache(_Timed, RedisCache):
    backend_label = "redis"
