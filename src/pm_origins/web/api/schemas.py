"""The shapes the API reads and writes; they are its OpenAPI schema too."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any, Literal

from ninja import Field, Schema
from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    StringConstraints,
    WithJsonSchema,
    create_model,
    model_validator,
)

from pm_origins.engine import (
    DEFAULT_HOURS_PER_MONTH,
    MAX_HOURS_PER_MONTH,
    MAX_ROLES,
    MAX_TITLE_LENGTH,
    MAX_YEARS,
    MIN_HOURS_PER_MONTH,
    NOTHING_TO_SCORE,
    title_problem,
)
from pm_origins.evidence import MAX_BULLETS, MAX_TEXT_CHARS
from pm_origins.framework import Framework
from pm_origins.web.core.framework import current_framework

MAX_ANSWERS = 500
MAX_PAGE = 100
# The engine's title rules (title_problem) for the JSON schema: no C0/C1 control
# character, at least one character that is not a space.
PLAIN_LINE_PATTERN = r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$"


def job_title(value: str) -> str:
    problem = title_problem(value)
    if problem:
        raise ValueError(problem)
    return value


# Input ---------------------------------------------------------------------------------
# Bodies are strict: no number from a string or a boolean, no unknown keys, and the
# JSON schema says everything the server checks, so a body the schema allows is one
# the server takes.


class StrictIn(Schema):
    model_config = ConfigDict(strict=True, extra="forbid")


ORIGIN_IDS = tuple(origin.id for origin in current_framework().origins)
UNKNOWN_ORIGIN = f"Unknown origin; choose one of: {', '.join(ORIGIN_IDS)}."


def known_origin(value: str) -> str:
    if value not in ORIGIN_IDS:
        raise ValueError(UNKNOWN_ORIGIN)
    return value


OriginId = Annotated[
    str,
    AfterValidator(known_origin),
    WithJsonSchema({"type": "string", "enum": list(ORIGIN_IDS)}),
]


class RoleIn(StrictIn):
    title: Annotated[
        str,
        AfterValidator(job_title),
        StringConstraints(min_length=1, max_length=MAX_TITLE_LENGTH),
    ] = Field(
        description="Job title as people in that job would write it: no control "
        "characters, not only spaces.",
        examples=["QA Engineer"],
        json_schema_extra={"pattern": PLAIN_LINE_PATTERN},
    )
    years: float = Field(ge=0, le=MAX_YEARS, description="Years in the role.", examples=[5])
    years_ago: float = Field(
        0, ge=0, le=MAX_YEARS, description="How long ago the role ended; 0 for your current job."
    )
    origin: OriginId | None = Field(
        None,
        description="An origin id (see /framework/origins) you choose for this title; it "
        "overrides how the title would be read. Use it for a title we cannot place.",
        examples=["qa"],
    )


def whole_number(value: object) -> object:
    """A JSON number with no fractional part (4 or 4.0), as JSON Schema's "integer" has it;
    booleans, strings and null stay refused."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


WholeNumber = Annotated[int, BeforeValidator(whole_number)]


def _answers_model(framework: Framework) -> type[StrictIn]:
    """One optional whole-number field per question, bounded by its own answer scale."""

    def no_default(schema: dict[str, Any]) -> None:
        schema.pop("default", None)  # absent means unanswered; null is not an answer

    fields: dict[str, Any] = {
        item.id: (
            WholeNumber,
            Field(
                None,
                ge=1,
                le=framework.scale(item.scale).points,
                description=f"1 to {framework.scale(item.scale).points}: {item.text}",
                json_schema_extra=no_default,
            ),
        )
        for item in framework.items
    }
    model: type[StrictIn] = create_model("AnswersIn", __base__=StrictIn, **fields)
    return model


FRAMEWORK = current_framework()
if TYPE_CHECKING:
    AnswersIn = StrictIn
else:
    AnswersIn = _answers_model(FRAMEWORK)
TARGET_IDS = tuple(role.id for role in FRAMEWORK.roles)
UNKNOWN_TARGET = f"Unknown target role; choose one of: {', '.join(TARGET_IDS)}."


def known_target(value: str) -> str:
    if value not in TARGET_IDS:
        raise ValueError(UNKNOWN_TARGET)
    return value


TargetId = Annotated[
    str,
    AfterValidator(known_target),
    WithJsonSchema({"type": "string", "enum": list(TARGET_IDS)}),
]
NOTHING_TO_SCORE_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"required": ["roles"], "properties": {"roles": {"minItems": 1}}},
        {"required": ["answers"], "properties": {"answers": {"minProperties": 1}}},
    ]
}
NOTHING_TO_EVALUATE_SCHEMA: dict[str, Any] = {
    "anyOf": [
        *NOTHING_TO_SCORE_SCHEMA["anyOf"],
        {"required": ["resume_text"], "properties": {"resume_text": {"type": "string"}}},
    ]
}
# Résumé text: any text with at least one character that is neither white space nor a
# control character (control characters are read as spaces).
RESUME_TEXT_PATTERN = r"[^\s\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
BULLET_ID_PATTERN = r"^b[1-9][0-9]{0,2}$"


class ResultIn(StrictIn):
    """Roles, answers and a target: what a saved result is made from."""

    model_config = ConfigDict(json_schema_extra=NOTHING_TO_SCORE_SCHEMA)

    roles: list[RoleIn] = Field(
        default_factory=list,
        max_length=MAX_ROLES,
        description=f"Past and current jobs, at most {MAX_ROLES}.",
    )
    answers: AnswersIn = Field(
        default_factory=AnswersIn,
        description="Question id to answer, 1 (lowest) to the scale's top point (see "
        "/framework/items). Any subset of the questions.",
        examples=[{"innovation_01": 4}],
    )
    target: TargetId | None = Field(
        None,
        description="A target PM role id (see /framework/roles) for a growth plan.",
        examples=["technical"],
    )

    @model_validator(mode="after")
    def _something_to_score(self) -> ResultIn:
        if not self.roles and not self.given_answers:
            raise ValueError(NOTHING_TO_SCORE)
        return self

    @property
    def given_answers(self) -> dict[str, int]:
        dumped: dict[str, int] = self.answers.model_dump(exclude_none=True)
        return dumped


class EvaluateIn(ResultIn):
    """A stateless evaluation: a saved result's inputs, and a résumé to read."""

    model_config = ConfigDict(json_schema_extra=NOTHING_TO_EVALUATE_SCHEMA)

    resume_text: (
        Annotated[
            str,
            StringConstraints(max_length=MAX_TEXT_CHARS, pattern=RESUME_TEXT_PATTERN),
        ]
        | None
    ) = Field(
        None,
        description=f"Your résumé as plain text, at most {MAX_TEXT_CHARS:,} characters. Its "
        "roles (title and dates) are used when `roles` is empty; its bullets become "
        "evidence, listed under `evidence` in the result. Read offline and not stored.",
    )
    rejected: list[Annotated[str, StringConstraints(pattern=BULLET_ID_PATTERN)]] = Field(
        default_factory=list,
        max_length=MAX_BULLETS,
        description="Ids of résumé bullets read wrongly (b1, b2, ... as in `evidence`); "
        "the result is worked out without them. Unknown ids are ignored.",
    )
    hours_per_month: WholeNumber = Field(
        DEFAULT_HOURS_PER_MONTH,
        ge=MIN_HOURS_PER_MONTH,
        le=MAX_HOURS_PER_MONTH,
        description=f"Hours a month for the growth plan, {MIN_HOURS_PER_MONTH} to "
        f"{MAX_HOURS_PER_MONTH}: each 30-day phase fits in them.",
        examples=[40],
    )

    @model_validator(mode="after")
    def _something_to_score(self) -> EvaluateIn:
        if not self.roles and not self.given_answers and self.resume_text is None:
            raise ValueError(NOTHING_TO_SCORE)
        return self


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
    level: int | None = Field(
        description="0-4; null when nothing measured the score (no answers, no résumé "
        "evidence): it is then only typical for the background."
    )
    answered: int
    measured: bool = Field(
        description="True when answers or accepted résumé bullets stand behind the score."
    )
    basis: list[str] = Field(
        description='What the score rests on: any of "career", "answers", "resume"; '
        "empty for the population average alone."
    )


class QualityOut(Schema):
    flags: list[str] = Field(
        description='Response checks that fired: "straight_lining", "inconsistent", '
        '"misfit", "too_few_answers". A flagged response has wider ranges.'
    )
    person_fit: float | None = Field(
        description="The lz person-fit statistic (large negative: answers unlike anyone's "
        "at that level); null with too few answers."
    )


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
    priority: float = Field(description="The gap times the weight: what the plan sorts by.")
    uncertain: bool
    high: float | None = Field(None, description="The top of the person's 90% band.")
    status: Literal["planned", "close_enough", "later"] | None = Field(
        None,
        description='"close_enough": the target lies inside the band, so no action; '
        '"later": nothing for it fits the 90 days. Absent from results saved before.',
    )
    advice: list[str] = Field(
        default_factory=list, description="Advice for closing it, for the person's origin."
    )
    actions: list[str] = Field(default_factory=list, description="Ids of its planned actions.")


class PlanActionOut(Schema):
    id: str
    competency: str
    title: str
    description: str
    kind: str
    hours: int
    effort: str
    tailored: bool = Field(False, description="A variant written for the person's origin.")
    uses: list[str] = Field(
        default_factory=list, description="The person's strengths the action puts to work."
    )


class PlanPhaseOut(Schema):
    days: int
    hours: int | None = Field(None, description="Hours of the phase's actions.")
    actions: list[PlanActionOut]


class PlanOut(Schema):
    target: PlanTargetOut
    ready: bool
    sorted_by: Literal["priority"] | None = None
    hours_per_phase: int | None = Field(None, description="The hour budget of each 30 days.")
    gaps: list[PlanGapOut]
    phases: list[PlanPhaseOut]


class ResemblanceOut(Schema):
    id: str
    share: float


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


class BulletCompetencyOut(Schema):
    id: str
    score: float = Field(description="How sure the reader is that the bullet shows it, 0-1.")


class EvidenceOut(Schema):
    id: str = Field(description="The bullet's id within this résumé: b1, b2, ...")
    text: str
    role: str = Field(description="Title of the role it was listed under; empty if none.")
    competencies: list[BulletCompetencyOut] = Field(
        description="What it shows; empty when the reader abstained rather than guess."
    )
    rejected: bool


class EvaluationOut(Schema):
    """Exactly what `pm-origins report --format json` prints."""

    format: int = Field(description="The result format this data is written in.")
    framework_version: str
    profile: dict[str, ScoreOut]
    origins: list[OriginShareOut]
    blend: list[OriginShareOut]
    basis: str
    superpowers: list[str] = Field(description="Measured competencies at the superpower mark.")
    gaps: list[str] = Field(description="Measured competencies at the gap mark.")
    typical_superpowers: list[str] = Field(
        description="The named origins' own strengths: typical for the background."
    )
    typical_gaps: list[str] = Field(
        description="The named origins' own weaknesses: typical for the background."
    )
    quality: QualityOut
    item_parameters: str = Field(
        description='"provisional" until the items are calibrated on real responses.'
    )
    origin_basis: Literal["history", "answers", "both"] | None = Field(
        None, description="What the origin rests on; null with neither history nor answers."
    )
    clarity: Literal["clear", "blend", "unclear"] | None = Field(
        None, description='"unclear": the evidence cannot tell origins apart.'
    )
    career_weight: float | None = Field(
        None, description="How much of the origin shares the career carries (0-1)."
    )
    answers_resemble: list[ResemblanceOut] = Field(
        default_factory=list,
        description="The origins the answers alone resemble, shown beside the career's.",
    )
    uncertain: list[str]
    advice: list[AdviceOut]
    plan: PlanOut | None
    roles: list[RoleEvidenceOut]
    reasons: list[ReasonOut]
    answers: dict[str, int]
    product: ProductOut | None = None
    evidence: list[EvidenceOut]


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
    show_answers: bool = Field(
        description="Whether the share page shows the roles, answers and résumé bullets."
    )
    actions_done: list[str] = Field(description="Ids of the plan's actions ticked off.")


class ResultOut(ResultSummaryOut):
    share_url: str | None
    result: dict[str, Any] = Field(
        description="The result exactly as it was saved, in its own result format (its "
        "`format` key; absent means 1) and under its own framework version. A result saved "
        "now has the fields of `EvaluationOut`; older ones keep the fields they had."
    )


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


# Teams ---------------------------------------------------------------------------------

NAME_PROBLEM = "A name needs a character that is not a space, and no control characters."
TOKEN_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"


def plain_name(value: str) -> str:
    if title_problem(value) is not None:
        raise ValueError(NAME_PROBLEM)
    return value


NameText = Annotated[
    str,
    AfterValidator(plain_name),
    StringConstraints(min_length=1, max_length=80),
    WithJsonSchema(
        {"type": "string", "minLength": 1, "maxLength": 80, "pattern": PLAIN_LINE_PATTERN}
    ),
]
TokenText = Annotated[str, StringConstraints(pattern=TOKEN_PATTERN)]


class TeamIn(StrictIn):
    name: NameText = Field(description="The team's name.", examples=["Checkout squad"])


class TargetsIn(StrictIn):
    targets: list[TargetId] = Field(
        max_length=10,
        description="Target PM role ids (see /framework/roles) whose mix sets the gaps and "
        "the pairing weights; empty for none.",
        examples=[["technical", "growth_data"]],
    )


class JoinIn(StrictIn):
    token: TokenText = Field(
        description="The token at the end of the invitation link (/join/<token>/)."
    )
    name: NameText = Field(description="Your name as the team sees it.")


class ShareIn(StrictIn):
    result_id: TokenText = Field(description="One of your finished results (see /results).")


class TeamSummaryOut(Schema):
    id: int
    name: str
    role: Literal["lead", "member"] = Field(description="Your role in the team.")
    url: str


class InviteOut(Schema):
    id: int
    url: str = Field(description="The link to send; it works until `expires_at`.")
    expires_at: datetime


class SharedScoreOut(Schema):
    score: float | None
    low: float | None
    high: float | None
    measured: bool = Field(
        description="True when the score rests on answers, not a career's typical profile."
    )


class SharedOriginOut(Schema):
    id: str | None
    name: str | None
    share: float | None


class SharedGapOut(Schema):
    competency: str | None
    current: float | None
    target: float | None


class SharedActionOut(Schema):
    title: str | None
    days: int | None


class SharedPlanOut(Schema):
    target: str | None
    gaps: list[SharedGapOut]
    actions: list[SharedActionOut]


class MemberCardOut(Schema):
    """Exactly what a team sees of a member: the shared result's scores, origin and plan."""

    name: str
    origins: list[SharedOriginOut]
    profile: dict[str, SharedScoreOut]
    plan: SharedPlanOut | None


class CoverageOut(Schema):
    best: float | None
    mean: float | None
    depth: int = Field(description="Members at or above proficient.")


class TeamGapOut(Schema):
    competency: str
    target: float
    best: float | None
    gap: float | None
    weight: float


class FirstActionOut(Schema):
    id: str
    title: str
    hours: int


class PairOut(Schema):
    mentor: str
    mentee: str
    competency: str
    benefit: float | None
    mentor_score: float | None
    mentee_score: float | None
    first_action: FirstActionOut | None


class TrendPointOut(Schema):
    date: str
    members: int
    mean: dict[str, float]


class MembershipOut(Schema):
    id: int
    name: str
    role: Literal["lead", "member"]


class TeamOut(Schema):
    id: int
    name: str
    role: Literal["lead", "member"]
    target_roles: list[str]
    members: list[MemberCardOut] = Field(description="Members who share a result.")
    waiting: list[str] = Field(description="Names of members who have not shared a result.")
    memberships: list[MembershipOut] | None = Field(
        description="Every membership with its id, for the lead only (null for members)."
    )
    coverage: dict[str, CoverageOut]
    single_points_of_failure: list[str]
    uncovered: list[str]
    gaps: list[TeamGapOut]
    pairs: list[PairOut]
    formula: str
    trend: list[TrendPointOut]


class SharedOut(Schema):
    shared_at: datetime


# Second opinions -------------------------------------------------------------------------


class OpinionIn(StrictIn):
    relationship: Literal["lead", "mentor", "peer"] = Field(
        description="Whom you are asking: a lead, a mentor or a peer."
    )


class OpinionOut(Schema):
    id: int
    relationship: str
    created: datetime
    expires_at: datetime
    submitted_at: datetime | None
    rater: str | None = Field(description="The rater's name, or null when they stayed anonymous.")
    rate_url: str | None = Field(description="The link to send while it is open; else null.")


class BandOut(Schema):
    score: float
    low: float
    high: float


class OpinionRowOut(Schema):
    competency: str
    own: BandOut
    other: BandOut
    verdict: Literal["blind_spot", "hidden_strength", "agree", "not_rated"]


class OpinionDetailOut(OpinionOut):
    own_result_id: str | None = Field(description="Your result it is compared with (the latest).")
    comparison: list[OpinionRowOut]


# Question sessions (adaptive) ----------------------------------------------------------

MAX_POINTS = max(FRAMEWORK.scale(item.scale).points for item in FRAMEWORK.items)
ONE_MOVE = "Send either `answer` or `skip: true`, not both and not neither."


def _no_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)


ITEM_IDS = tuple(item.id for item in FRAMEWORK.items)


def known_item(value: str) -> str:
    if value not in ITEM_IDS:
        raise ValueError("Unknown question id; the ids are listed by /framework/items.")
    return value


ItemId = Annotated[
    str,
    AfterValidator(known_item),
    WithJsonSchema({"type": "string", "enum": list(ITEM_IDS)}),
]


class SessionIn(StrictIn):
    """A new adaptive question session; roles and target are optional."""

    mode: Literal["quick", "full", "all"] = Field(
        description="quick: stop each competency at a standard error of 0.55 on the theta "
        "scale; full: at 0.40; all: ask every question.",
        examples=["quick"],
    )
    roles: list[RoleIn] = Field(
        default_factory=list,
        max_length=MAX_ROLES,
        description=f"Past and current jobs, at most {MAX_ROLES}; they set the prior, so "
        "a long career in one origin needs fewer questions where it says much.",
    )
    target: TargetId | None = Field(
        None, description="A target PM role id for the result's growth plan."
    )


class SessionAnswerIn(StrictIn):
    """What the person did with the question asked: an answer, or a skip."""

    model_config = ConfigDict(
        json_schema_extra={"oneOf": [{"required": ["answer"]}, {"required": ["skip"]}]}
    )

    item: ItemId = Field(
        description="The id of the question asked (`next.item`).", examples=["innovation_01"]
    )
    # Absent means "not this move"; null is neither an answer nor a skip.
    answer: WholeNumber = Field(  # type: ignore[assignment]
        None,
        ge=1,
        le=MAX_POINTS,
        description="1 (lowest) to the question's top point (`next.options`).",
        json_schema_extra=_no_default,
    )
    skip: Literal[True] = Field(
        None,  # type: ignore[arg-type]
        description="true to skip the question; it is never asked again.",
        json_schema_extra=_no_default,
    )

    @model_validator(mode="after")
    def _one_move(self) -> SessionAnswerIn:
        if (self.answer is None) == (self.skip is None):
            raise ValueError(ONE_MOVE)
        return self


class OptionOut(Schema):
    value: int = Field(description="What to send as `answer`.")
    label: str


class QuestionOut(Schema):
    item: str = Field(description="The question's id, to send back with the answer.")
    competency: str
    text: str
    options: list[OptionOut] = Field(description="The answer scale, lowest first.")


class SessionEstimateOut(Schema):
    competency: str
    theta: float = Field(description="The current estimate on the theta scale (EAP).")
    se: float = Field(description="Its standard error (posterior standard deviation).")
    asked: int
    answered: int
    done: bool = Field(description="True when this competency asks no more questions.")


class SessionOut(Schema):
    id: str = Field(description="The session's secret id; whoever holds it can answer.")
    mode: Literal["quick", "full", "all"]
    expires: datetime = Field(description="After this the session answers 410.")
    next: QuestionOut | None = Field(description="The question to answer now; null when done.")
    done: bool
    questions_left: int = Field(
        description="An estimate of the questions still to come, `next` included; it "
        "depends on the answers and may change."
    )
    answered: int
    estimates: list[SessionEstimateOut]
    result: EvaluationOut | None = Field(
        description="When done: the result, the same JSON as POST /evaluate gives for "
        "these roles, answers and target."
    )
