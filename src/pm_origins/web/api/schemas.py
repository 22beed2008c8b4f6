"""The shapes the API reads and writes; they are its OpenAPI schema too."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from typing import Annotated, Any, Literal

from ninja import Field, Schema
from pydantic import AfterValidator, StringConstraints

from pm_origins.engine.history import MAX_TITLE_LENGTH, MAX_YEARS
from pm_origins.web.assessments.services import MAX_ROLES

MAX_ANSWERS = 500
MAX_PAGE = 100
CONTROL_CHARACTERS = (
    "Text may not contain control characters (such as NUL or a line break) or lone surrogates."
)


def plain_text(value: str) -> str:
    """Refuse text that no database column or person wants: control characters, surrogates."""
    if any(unicodedata.category(ch) in {"Cc", "Cs"} for ch in value):
        raise ValueError(CONTROL_CHARACTERS)
    return value


PlainText = Annotated[str, AfterValidator(plain_text)]


# Input ---------------------------------------------------------------------------------


class RoleIn(Schema):
    title: Annotated[PlainText, StringConstraints(min_length=1, max_length=MAX_TITLE_LENGTH)] = (
        Field(
            description="Job title as people in that job would write it.", examples=["QA Engineer"]
        )
    )
    years: float = Field(ge=0, le=MAX_YEARS, description="Years in the role.", examples=[5])
    years_ago: float = Field(
        0, ge=0, le=MAX_YEARS, description="How long ago the role ended; 0 for your current job."
    )
    origin: Annotated[str, StringConstraints(max_length=64)] | None = Field(
        None,
        description="An origin id (see /framework/origins) you choose for this title; it "
        "overrides how the title would be read. Use it for a title we cannot place.",
        examples=["qa"],
    )


class EvaluateIn(Schema):
    roles: list[RoleIn] = Field(
        default_factory=list,
        max_length=MAX_ROLES,
        description=f"Past and current jobs, at most {MAX_ROLES}.",
    )
    answers: dict[Annotated[str, StringConstraints(max_length=64)], int] = Field(
        default_factory=dict,
        max_length=MAX_ANSWERS,
        description="Question id to answer, 1 (lowest) to the scale's top point (see "
        "/framework/items). Any subset of the questions.",
        examples=[{"innovation_01": 4}],
    )
    target: Annotated[str, StringConstraints(max_length=64)] | None = Field(
        None,
        description="A target PM role id (see /framework/roles) for a growth plan.",
        examples=["technical"],
    )


class PageIn(Schema):
    limit: int = Field(20, ge=1, le=MAX_PAGE, description="How many items per page.")
    offset: int = Field(0, ge=0, le=1_000_000, description="How many items to skip.")


# Errors --------------------------------------------------------------------------------


class FieldErrorOut(Schema):
    loc: list[str | int] = Field(description="Where: body, query or path, then the field.")
    msg: str
    type: str


class ErrorOut(Schema):
    error: str = Field(
        description="A stable code: not_found, invalid, rate_limited, …", examples=["not_found"]
    )
    detail: str = Field(description="What went wrong and what to do, for people.")
    errors: list[FieldErrorOut] | None = Field(
        None, description="One entry per bad field; only when the request did not validate."
    )


# Framework -----------------------------------------------------------------------------


class VersionOut(Schema):
    framework_version: str = Field(description="Content hash of the framework in use.")
    api_version: str


class CompetencyOut(Schema):
    id: str
    name: str
    summary: str
    levels: list[str] = Field(description="What levels 0 to 4 look like.")
    indicators: list[str]


class AdviceItemOut(Schema):
    competency: str
    text: str


class OriginOut(Schema):
    id: str
    name: str
    summary: str
    strengths: list[str] = Field(description="Competency ids this origin is strong in.")
    weaknesses: list[str]
    expected: dict[str, int] = Field(description="Typical 0-100 score per competency.")
    aliases: list[str] = Field(description="Job titles that map to this origin.")
    story: str
    advice: list[AdviceItemOut]


class ScaleOut(Schema):
    id: str
    labels: list[str] = Field(description="Answer labels, lowest (1) first.")


class ItemOut(Schema):
    id: str
    competency: str
    text: str
    scale: ScaleOut


class ExpectationOut(Schema):
    level: int
    weight: float


class TargetRoleOut(Schema):
    id: str
    name: str
    summary: str
    expectations: dict[str, ExpectationOut]


# The JSON contract (pm_origins.reports.data.evaluation_data) -----------------------------


class ScoreOut(Schema):
    score: float
    low: float
    high: float
    level: int
    answered: int


class OriginShareOut(Schema):
    id: str
    name: str
    share: float


class AdviceOut(Schema):
    competency: str
    origin: str
    text: str


class PlanTargetOut(Schema):
    id: str
    name: str


class PlanGapOut(Schema):
    competency: str
    current: float
    target: float
    gap: float
    weight: float
    priority: float
    uncertain: bool


class PlanActionOut(Schema):
    id: str
    competency: str
    title: str
    description: str
    kind: str
    hours: int
    effort: str


class PlanPhaseOut(Schema):
    days: int
    actions: list[PlanActionOut]


class PlanOut(Schema):
    target: PlanTargetOut
    ready: bool
    gaps: list[PlanGapOut]
    phases: list[PlanPhaseOut]


class RoleEvidenceOut(Schema):
    title: str
    years: float
    years_ago: float
    weight: float
    matched: bool
    alias: str | None
    origins: dict[str, float]
    suggestions: list[str]
    kind: Literal["origin", "product", "chosen", "unmatched"] | None = Field(
        None,
        description='How the role counts: "origin", "product" (product experience, no '
        'origin), "chosen" (you picked the origin) or "unmatched". Absent in results '
        "saved before it existed.",
    )
    read_by: str | None = Field(
        None, description='How the title was read: "alias", "words", "semantic" or "person".'
    )
    reason: str | None = Field(
        None,
        description='Why an unmatched title was not placed: "no_match", "generic", '
        '"other_job" or "mixed_scripts".',
    )
    closest: list[str] = Field(
        default_factory=list, description="For an unmatched title, the closest origin ids."
    )
    chosen_origin: str | None = None


class AnswerReasonOut(Schema):
    item: str
    answer: int
    points: float


class ReasonOut(Schema):
    competency: str
    prior: float
    source: str
    answers: list[AnswerReasonOut]


class ProductOut(Schema):
    name: str
    years: float = Field(description="Years in product roles (not weighted by recency).")
    roles: int
    only_product: bool = Field(
        description="True when every placed role is a product role: the origin comes "
        "from the answers alone."
    )


class EvaluationOut(Schema):
    """Exactly what `pm-origins report --format json` prints."""

    framework_version: str
    profile: dict[str, ScoreOut]
    origins: list[OriginShareOut]
    blend: list[OriginShareOut]
    basis: str
    superpowers: list[str]
    gaps: list[str]
    uncertain: list[str]
    advice: list[AdviceOut]
    plan: PlanOut | None
    roles: list[RoleEvidenceOut]
    reasons: list[ReasonOut]
    answers: dict[str, int]
    product: ProductOut | None = None


# Results -------------------------------------------------------------------------------


class ResultSummaryOut(Schema):
    id: str = Field(description="The result's id: a secret, unguessable token.")
    url: str
    created: datetime
    completed_at: datetime | None
    framework_version: str
    target: str | None
    top_origin: OriginShareOut | None
    shared: bool


class ResultOut(ResultSummaryOut):
    share_url: str | None
    result: EvaluationOut


class ResultPageOut(Schema):
    count: int = Field(description="How many results there are in all.")
    limit: int
    offset: int
    next: str | None = Field(description="The next page's URL, or null on the last page.")
    previous: str | None
    items: list[ResultSummaryOut]


class ShareOut(Schema):
    share_url: str = Field(description="A read-only page anyone with the link can open.")


class MeOut(Schema):
    email: str
    auth: Literal["token", "session"]


Export = dict[str, Any]
