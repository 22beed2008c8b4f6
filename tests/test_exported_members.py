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
    },
    "pm_origins.engine": {
        "MODES",
        "SE_TARGETS",
        "AdaptiveBank",
        "AdaptiveSession",
        "CompetencyEstimate",
        "QuestionOutOfTurn",
        "ThetaPrior",
        "adaptive_bank",
        "replay",
        "start_session",
        "theta_prior",
        "KIND_CHOSEN",
        "KIND_ORIGIN",
        "KIND_PRODUCT",
        "KIND_UNMATCHED",
        "DEFAULT_HOURS_PER_MONTH",
        "MAX_HOURS_PER_MONTH",
        "MIN_HOURS_PER_MONTH",
        "MAX_ROLES",
        "MAX_TITLE_LENGTH",
        "MAX_YEARS",
        "NOTHING_TO_SCORE",
        "REASON_MIXED_SCRIPTS",
        "REASON_OTHER_JOB",
        "TOO_MANY_ROLES",
        "check_answers",
        "check_many",
        "check_responses",
        "ResponseQuality",
        "target_role",
        "title_problem",
        "Advice",
        "Calibration",
        "GrmFit",
        "ItemCalibration",
        "ScaleFit",
        "calibrate",
        "fit_grm",
        "ReliabilityReport",
        "ScaleReliability",
        "reliability_report",
        "ResponseTable",
        "read_responses",
        "responses_csv",
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
        "SemanticTitles",
        "TitleMatch",
        "TitleMatcher",
        "UnmatchedTitlesError",
        "build_plan",
        "evaluate",
        "evaluate_roster",
        "evidence_log_likelihood",
        "evidence_summary",
        "item_bank",
        "match_origins",
        "questionnaire_order",
        "questionnaire_pages",
        "read_history",
        "read_roles",
        "recency_weight",
        "score_answers",
        "score_matrix",
        "title_targets",
        "title_words",
        "CompetencyCoverage",
        "Pair",
        "TeamAnalysis",
        "TeamGap",
        "TeamMember",
        "analyze_team",
        "benefit_matrix",
        "first_joint_action",
        "optimal_pairs",
        "single_points_of_failure",
        "target_mix",
        "team_coverage",
        "third_person",
        "Roster",
        "RosterPerson",
        "read_roster",
        "memo_matcher",
        "PROFICIENT",
        "BAND_Z",
        "OpinionComparison",
        "compare_opinions",
    },
    "pm_origins.evidence": {
        "FORMATS",
        "MAX_BULLETS",
        "MAX_TEXT_CHARS",
        "MAX_UPLOAD_BYTES",
        "BulletReader",
        "EvidenceUnavailable",
        "ResumeAnalysis",
        "ResumeFileError",
        "ResumeRole",
        "SentenceEncoder",
        "analyze_resume",
        "clean_text",
        "default_encoder",
        "default_model_path",
        "default_reader",
        "evaluate_resume_text",
        "evaluate_with_resume",
        "parse_resume",
        "read_resume_file",
        "resume_text",
        "SemanticIndex",
        "extra_installed",
        "title_matcher",
    },
    "pm_origins.reports": {
        "EVIDENCE_NOT_SCORED",
        "NOTHING_MEASURED_TEXT",
        "PROVISIONAL_TEXT",
        "QUALITY_TEXT",
        "QUALITY_WIDENED_TEXT",
        "TYPICAL_GAPS_TEXT",
        "TYPICAL_STRENGTHS_TEXT",
        "BASIS_TEXT",
        "CLOSE_ENOUGH_TEXT",
        "LATER_TEXT",
        "CONTRACT_KEYS",
        "RESULT_FORMAT",
        "ResultFormatError",
        "SavedResult",
        "Score",
        "answer_label",
        "calibration_data",
        "calibration_notes",
        "calibration_override_yaml",
        "evaluation_data",
        "information_figure_html",
        "information_svg",
        "information_table_html",
        "item_text",
        "largest_remainder",
        "percent",
        "plan_data",
        "radar_figure_html",
        "radar_svg",
        "radar_table_html",
        "read_result",
        "reliability_data",
        "render_json",
        "render_markdown",
        "result_format",
        "saved_result",
        "trend_svg",
        "whole",
        "heatmap_svg",
        "heatmap_table_html",
        "member_from_result",
        "team_data",
    },
}
CORE = ("framework", "engine", "reports", "evidence")


@pytest.mark.parametrize("module_name", sorted(PINNED))
def test_the_public_names_are_pinned(module_name: str) -> None:
    module = importlib.import_module(module_name)
    assert set(module.__all__) == PINNED[module_name]


@pytest.mark.parametrize("module_name", sorted(PINNED))
def test_every_public_name_is_defined_inside_its_own_package(module_name: str) -> None:
    module = importlib.import_module(module_name)
    for name in module.__all__:
        assert name in vars(module), f"{module_name}.{name} is listed but not bound"
        value = vars(module)[name]
        home = getattr(value, "__module__", None)
        if callable(value) and home is not None:
            # A class or function re-exported from a third-party library would not be ours.
            assert home.startswith(module_name), f"{module_name}.{name} comes from {home}"


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


SHELLS = ("web", "cli")


@pytest.mark.parametrize("shell", SHELLS)
def test_the_shells_use_only_the_cores_public_names(shell: str) -> None:
    root = Path(pm_origins.__file__).parent / shell
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                parts = node.module.split(".")
                if parts[0] == "pm_origins" and len(parts) > 1 and parts[1] in CORE:
                    assert len(parts) == 2, f"{path.name} imports from {node.module}"
                    public = set(importlib.import_module(node.module).__all__)
                    for alias in node.names:
                        assert alias.name in public, f"{path.name}: {node.module}.{alias.name}"
