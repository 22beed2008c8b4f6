"""The framework in use: one accessor for every app of the site."""

from __future__ import annotations

from functools import lru_cache

from pm_origins.framework import Framework, framework_path_from_env, load_framework


@lru_cache(maxsize=1)
def current_framework() -> Framework:
    """The framework new assessments use and the site's pages show: the bundled one,
    merged with the operator's file when ``PM_ORIGINS_FRAMEWORK`` names one.

    Read once per process: an edit to the file takes effect on restart, after
    `pm-origins serve` has checked it, so a half-saved file never breaks pages.
    """
    return load_framework(framework_path_from_env())
