"""The pm-origins framework: competencies, origins, items, actions and roles as data."""

from __future__ import annotations

from pm_origins.framework.loader import (
    ENV_VAR,
    FrameworkError,
    Problem,
    framework_data,
    framework_from_data,
    framework_path_from_env,
    load_framework,
    normalise_alias,
)
from pm_origins.framework.schema import (
    Action,
    AdviceItem,
    Competency,
    Expectation,
    Framework,
    Item,
    Origin,
    ProductTitles,
    Scale,
    ScoreScale,
    TargetRole,
    Thresholds,
    TitleRules,
    UnknownId,
    level_of,
)

__all__ = [
    "ENV_VAR",
    "Action",
    "AdviceItem",
    "Competency",
    "Expectation",
    "Framework",
    "FrameworkError",
    "Item",
    "Origin",
    "Problem",
    "ProductTitles",
    "Scale",
    "ScoreScale",
    "TargetRole",
    "Thresholds",
    "TitleRules",
    "UnknownId",
    "framework_data",
    "framework_from_data",
    "framework_path_from_env",
    "level_of",
    "load_framework",
    "normalise_alias",
]
