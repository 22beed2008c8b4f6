"""The core's public API is explicit: pinned names, each really importable."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import pm_origins

PINNED = {
    "pm_origins.framework": {
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
        "Scale",
        "TargetRole",
        "Thresholds",
        "UnknownId",
        "framework_data",
        "framework_from_data",
        "framework_path_from_env",
        "level_of",
        "load_framework",
        "normalise_alias",
    },
    "pm_origins.engine": {
        "Advice",
        "AnswerContribution",
        "BulletCompetency",
        "CompetencyEvidence",
        "CompetencyReason",
        "CompetencyScore",
        "EngineInputError",
        "Evaluation",
        "EvidenceBullet",
        "GrowthPlan",
        "History",
        "ItemBank",
        "OriginMatch",
        "OriginShare",
        "PlanGap",
        "PlannedAction",
        "Prior",
        "Profile",
        "Role",
        "RoleEvidence",
        "TitleMatch",
        "TitleMatcher",
        "UnmatchedTitlesError",
        "build_plan",
        "evaluate",
        "evidence_log_likelihood",
        "evidence_summary",
        "item_bank",
        "match_origins",
        "questionnaire_order",
        "questionnaire_pages",
        "read_history",
        "recency_weight",
        "score_answers",
        "score_matrix",
        "title_words",
    },
    "pm_origins.evidence": {
        "EvidenceUnavailable",
        "SentenceEncoder",
        "default_encoder",
        "default_model_path",
    },
}
CORE = ("framework", "engine", "reports", "evidence")


@pytest.mark.parametrize("module_name", sorted(PINNED))
def test_the_public_names_are_pinned(module_name: str) -> None:
    module = importlib.import_module(module_name)
    assert set(module.__all__) == PINNED[module_name]
    for name in module.__all__:
        assert getattr(module, name) is not None


def test_reports_exports_what_it_lists() -> None:
    module = importlib.import_module("pm_origins.reports")
    assert {"evaluation_data", "render_json", "render_markdown", "radar_svg"} <= set(module.__all__)
    for name in module.__all__:
        assert hasattr(module, name)


def test_the_package_is_typed() -> None:
    assert (Path(pm_origins.__file__).parent / "py.typed").is_file()


@pytest.mark.parametrize("package", CORE)
def test_the_core_never_imports_django_or_the_shells(package: str) -> None:
    root = Path(pm_origins.__file__).parent / package
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith(("django", "pm_origins.web", "pm_origins.cli")), (
                    f"{path.name} imports {name}"
                )
