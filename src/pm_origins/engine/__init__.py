"""The pm-origins engine: pure functions from answers and history to results.

No I/O and no Django here; callers load the framework and pass it in.
"""

from __future__ import annotations

from pm_origins.engine.answers import check_answers
from pm_origins.engine.calibration import (
    Calibration,
    GrmFit,
    ItemCalibration,
    ScaleFit,
    calibrate,
    fit_grm,
)
from pm_origins.engine.errors import (
    NOTHING_TO_SCORE,
    TOO_MANY_ROLES,
    EngineInputError,
    UnmatchedTitlesError,
)
from pm_origins.engine.evaluate import CompetencyReason, Evaluation, evaluate
from pm_origins.engine.evidence import (
    BulletCompetency,
    CompetencyEvidence,
    EvidenceBullet,
    evidence_log_likelihood,
    evidence_summary,
)
from pm_origins.engine.history import (
    History,
    Role,
    RoleEvidence,
    read_history,
    read_roles,
    recency_weight,
)
from pm_origins.engine.limits import MAX_ROLES, MAX_TITLE_LENGTH, MAX_YEARS, title_problem
from pm_origins.engine.matching import Advice, OriginMatch, OriginShare, match_origins
from pm_origins.engine.opinions import OpinionComparison, compare_opinions
from pm_origins.engine.planning import GrowthPlan, PlanGap, PlannedAction, build_plan, target_role
from pm_origins.engine.quality import ResponseQuality, check_responses
from pm_origins.engine.questionnaire import questionnaire_order, questionnaire_pages, third_person
from pm_origins.engine.reliability import ReliabilityReport, ScaleReliability, reliability_report
from pm_origins.engine.responses import ResponseTable, read_responses, responses_csv
from pm_origins.engine.roster import Roster, RosterPerson, memo_matcher, read_roster
from pm_origins.engine.scoring import (
    BAND_Z,
    AnswerContribution,
    CompetencyScore,
    ItemBank,
    Prior,
    Profile,
    item_bank,
    score_answers,
    score_matrix,
)
from pm_origins.engine.team import (
    PROFICIENT,
    CompetencyCoverage,
    Pair,
    TeamAnalysis,
    TeamGap,
    TeamMember,
    analyze_team,
    benefit_matrix,
    first_joint_action,
    optimal_pairs,
    single_points_of_failure,
    target_mix,
    team_coverage,
)
from pm_origins.engine.titles import (
    KIND_CHOSEN,
    KIND_ORIGIN,
    KIND_PRODUCT,
    KIND_UNMATCHED,
    REASON_MIXED_SCRIPTS,
    SemanticTitles,
    TitleMatch,
    TitleMatcher,
    title_targets,
    title_words,
)

__all__ = [
    "BAND_Z",
    "KIND_CHOSEN",
    "KIND_ORIGIN",
    "KIND_PRODUCT",
    "KIND_UNMATCHED",
    "MAX_ROLES",
    "MAX_TITLE_LENGTH",
    "MAX_YEARS",
    "NOTHING_TO_SCORE",
    "PROFICIENT",
    "REASON_MIXED_SCRIPTS",
    "TOO_MANY_ROLES",
    "Advice",
    "AnswerContribution",
    "BulletCompetency",
    "Calibration",
    "CompetencyCoverage",
    "CompetencyEvidence",
    "CompetencyReason",
    "CompetencyScore",
    "EngineInputError",
    "Evaluation",
    "EvidenceBullet",
    "GrmFit",
    "GrowthPlan",
    "History",
    "ItemBank",
    "ItemCalibration",
    "OpinionComparison",
    "OriginMatch",
    "OriginShare",
    "Pair",
    "PlanGap",
    "PlannedAction",
    "Prior",
    "Profile",
    "ReliabilityReport",
    "ResponseQuality",
    "ResponseTable",
    "Role",
    "RoleEvidence",
    "Roster",
    "RosterPerson",
    "ScaleFit",
    "ScaleReliability",
    "SemanticTitles",
    "TeamAnalysis",
    "TeamGap",
    "TeamMember",
    "TitleMatch",
    "TitleMatcher",
    "UnmatchedTitlesError",
    "analyze_team",
    "benefit_matrix",
    "build_plan",
    "calibrate",
    "check_answers",
    "check_responses",
    "compare_opinions",
    "evaluate",
    "evidence_log_likelihood",
    "evidence_summary",
    "first_joint_action",
    "fit_grm",
    "item_bank",
    "match_origins",
    "memo_matcher",
    "optimal_pairs",
    "questionnaire_order",
    "questionnaire_pages",
    "read_history",
    "read_responses",
    "read_roles",
    "read_roster",
    "recency_weight",
    "reliability_report",
    "responses_csv",
    "score_answers",
    "score_matrix",
    "single_points_of_failure",
    "target_mix",
    "target_role",
    "team_coverage",
    "third_person",
    "title_problem",
    "title_targets",
    "title_words",
]
