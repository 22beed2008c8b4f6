"""The framework's data model: competencies, origins, items, actions and target roles.

Everything is immutable once loaded. Scores and expected levels are on one 0-100
scale; a *level* (0-4) is the band of 20 points a score falls in, so a score of
70 reads as level 3 of the competency's descriptors.
"""

from __future__ import annotations

import itertools
from functools import cached_property
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

ActionKind = Literal["learn", "practise", "shadow", "ship"]
LEVEL_COUNT = 5


def level_of(score: float) -> int:
    """The 0-4 level a 0-100 score falls in."""
    return min(LEVEL_COUNT - 1, max(0, int(score // 20)))


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Competency(_Frozen):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    levels: tuple[str, ...] = Field(
        description="What the competency looks like at levels 0 to 4, one sentence each."
    )
    indicators: tuple[str, ...] = Field(
        min_length=1, description="Observable things a person at a good level does."
    )

    @field_validator("levels")
    @classmethod
    def _five_levels(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if len(value) != LEVEL_COUNT:
            raise ValueError(
                f"needs exactly {LEVEL_COUNT} level descriptors (0-4), got {len(value)}"
            )
        return value


class AdviceItem(_Frozen):
    competency: str
    text: str = Field(min_length=1)


class Origin(_Frozen):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    strengths: tuple[str, ...] = Field(min_length=1)
    weaknesses: tuple[str, ...] = Field(min_length=1)
    expected: dict[str, int] = Field(
        description="Typical 0-100 score per competency for someone from this origin."
    )
    aliases: tuple[str, ...] = Field(min_length=1, description="Job titles of this origin.")
    story: str = Field(min_length=1)
    advice: tuple[AdviceItem, ...] = Field(min_length=1)

    @field_validator("expected")
    @classmethod
    def _scores_in_range(cls, value: dict[str, int]) -> dict[str, int]:
        for competency, score in value.items():
            if not 0 <= score <= 100:
                raise ValueError(f"expected score for {competency!r} must be 0-100, got {score}")
        return value


class Scale(_Frozen):
    id: str
    labels: tuple[str, ...] = Field(min_length=2, description="Answer labels, lowest first.")
    question: str = Field(
        default="In the last three years, how often have you done this?",
        min_length=1,
        description="The question every item on this scale answers, with its time window.",
    )

    @property
    def points(self) -> int:
        return len(self.labels)


# Graded-response-model parameters an item has until it is given its own
# (provisional values, to be replaced by ones fitted to real responses).
DEFAULT_DISCRIMINATION = 1.0
DEFAULT_THRESHOLDS = (-1.5, -0.5, 0.5, 1.5)


class Item(_Frozen):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    competency: str
    text: str = Field(min_length=1)
    reverse: bool = False
    scale: str = "frequency"
    # The graded response model: P(X >= k) = 1 / (1 + exp(-a (theta - b_k))).
    discrimination: float = Field(
        default=DEFAULT_DISCRIMINATION,
        gt=0,
        le=6,
        description="How sharply the item tells people apart (a, on the logistic scale).",
    )
    thresholds: tuple[float, ...] = Field(
        default=DEFAULT_THRESHOLDS,
        description="Where each next answer becomes likelier than the ones below (b_1 < ... "
        "< b_K-1), one fewer than the scale's answers.",
    )

    @field_validator("thresholds")
    @classmethod
    def _increasing(cls, value: tuple[float, ...]) -> tuple[float, ...]:
        if any(b >= c for b, c in itertools.pairwise(value)):
            raise ValueError("thresholds must increase from first to last")
        if any(abs(b) > 8 for b in value):
            raise ValueError("thresholds must lie between -8 and 8")
        return value


class Action(_Frozen):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    competency: str
    title: str = Field(min_length=1)
    description: str = Field(min_length=1)
    kind: ActionKind
    hours: int = Field(ge=1, le=200, description="Rough effort in hours.")
    origins: tuple[str, ...] = Field(
        default=(),
        description="Origins this variant is written for; empty for everyone.",
    )
    uses: tuple[str, ...] = Field(
        default=(),
        description="Competencies the action puts to work: it suits people strong in them.",
    )

    @property
    def effort(self) -> str:
        if self.hours <= 4:
            return "small"
        if self.hours <= 12:
            return "medium"
        return "large"


class Expectation(_Frozen):
    level: int = Field(ge=0, le=100, description="Target 0-100 score for the role.")
    weight: float = Field(gt=0, le=3, description="How much the role leans on it.")


class TargetRole(_Frozen):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    expectations: dict[str, Expectation]


class Thresholds(_Frozen):
    superpower: int = Field(default=65, ge=0, le=100)
    gap: int = Field(default=40, ge=0, le=100)
    min_items: int = Field(default=4, ge=1, description="Fewest items a competency may have.")


class ProductTitles(_Frozen):
    name: str = Field(default="Product Management", min_length=1)
    aliases: tuple[str, ...] = Field(
        default=(), description="Titles of people who already work in product."
    )


class TitleRules(_Frozen):
    """How job titles are read: product titles, generic words, a glossary, other jobs."""

    product: ProductTitles = ProductTitles()
    generic_words: tuple[str, ...] = Field(
        default=(), description="Words too broad to place a title on their own."
    )
    builder_words: tuple[str, ...] = Field(
        default=(), description="Words that say a person builds things (engineer, developer)."
    )
    builder_origin: str | None = Field(
        default=None, description="The origin a builder word shares a title with."
    )
    builder_share: float = Field(default=0.3, ge=0, le=0.5)
    technology_words: tuple[str, ...] = Field(
        default=(), description="Technology names that qualify a title (Java, iOS)."
    )
    technology_roles: dict[str, str] = Field(
        default_factory=dict,
        description="Role word -> origin id, for a technology beside it ('iOS Engineer').",
    )
    other_titles: tuple[str, ...] = Field(
        default=(), description="Jobs outside every origin, left unplaced."
    )
    field_words: tuple[str, ...] = Field(
        default=(),
        description="Words naming a field outside every origin (financial, mechanical, clinical).",
    )
    field_bound_origins: tuple[str, ...] = Field(
        default=(),
        description=(
            "Origins whose titles a field word turns into another job "
            "('Financial Analyst' is no business analyst)."
        ),
    )
    software_words: tuple[str, ...] = Field(
        default=(),
        description="Words that keep a title in its origin beside a field word "
        "('Clinical Software Engineer').",
    )
    translations: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="English title word -> the same word in other languages.",
    )


class ScoreScale(_Frozen):
    """The one monotone map from the model's theta (N(0, 1) in the population) to 0-100.

    - ``linear``: score = center + per_sd x theta, clipped to 0-100.
    - ``normal_cdf``: score = 100 x Phi(theta), the population percentile.
    """

    kind: Literal["linear", "normal_cdf"] = "linear"
    center: float = Field(default=50.0, ge=0, le=100, description="Score of theta 0 (linear).")
    per_sd: float = Field(
        default=20.0, gt=0, le=50, description="Points per population SD of theta (linear)."
    )


ItemParameters = Literal["provisional", "calibrated"]


class Framework(_Frozen):
    """A whole, cross-checked framework. Build one with `load_framework`."""

    version: str
    # A name for people ("2026.1"); the content hash `version` stays the identity.
    release: str | None = None
    competencies: tuple[Competency, ...]
    origins: tuple[Origin, ...]
    scales: tuple[Scale, ...]
    items: tuple[Item, ...]
    actions: tuple[Action, ...]
    roles: tuple[TargetRole, ...]
    thresholds: Thresholds = Thresholds()
    titles: TitleRules = TitleRules()
    score_scale: ScoreScale = ScoreScale()
    # "provisional": the items' discriminations and thresholds are chosen, not yet
    # fitted to real responses; "calibrated": fitted (see `pm-origins calibrate`).
    item_parameters: ItemParameters = "provisional"

    def __hash__(self) -> int:
        # The version is a content hash; hashing every record on each cache look-up is waste.
        return hash(self.version)

    @property
    def label(self) -> str:
        """The framework's name for people: "Framework 2026.1 (provisional items)".

        The note says whether the questions' parameters were fitted to real answers
        (`item_parameters`, see docs/CALIBRATION.md). Without a release name, the
        first seven characters of the content hash stand in.
        """
        name = self.release or self.version[:7]
        return f"Framework {name} ({self.item_parameters} items)"

    @cached_property
    def competency_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.competencies)

    def competency(self, competency_id: str) -> Competency:
        return _by_id(self.competencies, competency_id, "competency")

    def origin(self, origin_id: str) -> Origin:
        return _by_id(self.origins, origin_id, "origin")

    def item(self, item_id: str) -> Item:
        return _by_id(self.items, item_id, "item")

    def role(self, role_id: str) -> TargetRole:
        return _by_id(self.roles, role_id, "target role")

    def scale(self, scale_id: str) -> Scale:
        return _by_id(self.scales, scale_id, "scale")

    def action(self, action_id: str) -> Action:
        return _by_id(self.actions, action_id, "action")

    def items_for(self, competency_id: str) -> tuple[Item, ...]:
        return tuple(i for i in self.items if i.competency == competency_id)

    def actions_for(self, competency_id: str) -> tuple[Action, ...]:
        return tuple(a for a in self.actions if a.competency == competency_id)


class UnknownId(LookupError):
    """An id that the framework does not define."""

    def __init__(self, kind: str, wanted: str, known: tuple[str, ...]) -> None:
        self.kind, self.wanted, self.known = kind, wanted, known
        super().__init__(f"unknown {kind} {wanted!r}; known: {', '.join(known)}")


_Record = TypeVar("_Record", Competency, Origin, Item, TargetRole, Scale, Action)


def _by_id(records: tuple[_Record, ...], wanted: str, kind: str) -> _Record:
    for record in records:
        if record.id == wanted:
            return record
    raise UnknownId(kind, wanted, tuple(r.id for r in records))
