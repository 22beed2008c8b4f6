"""The pm-origins engine: pure functions from answers and history to results.

No I/O and no Django here; callers load the framework and pass it in.
"""

from __future__ import annotations

from pm_origins.engine.answers import check_answers
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
    recency_weight,
)
from pm_origins.engine.limits import MAX_ROLES, MAX_TITLE_LENGTH, MAX_YEARS, title_problem
from pm_origins.engine.matching import Advice, OriginMatch, OriginShare, match_origins
from pm_origins.engine.planning import GrowthPlan, PlanGap, PlannedAction, build_plan, target_role
from pm_origins.engine.questionnaire import questionnaire_order, questionnaire_pages
from pm_origins.engine.scoring import (
    AnswerContribution,
    CompetencyScore,
    ItemBank,
    Prior,
    Profile,
    item_bank,
    score_answers,
    score_matrix,
)
from pm_origins.engine.titles import TitleMatch, TitleMatcher, title_words

__all__ = [
    "MAX_ROLES",
    "MAX_TITLE_LENGTH",
    "MAX_YEARS",
    "NOTHING_TO_SCORE",
    "TOO_MANY_ROLES",
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
    "check_answers",
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
    "target_role",
    "title_problem",
    "title_words",
]
