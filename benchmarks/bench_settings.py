"""The site's settings with a benchmark-only URL added; production code stays as it is."""

from __future__ import annotations

from pm_origins.web.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.bench_urls"
