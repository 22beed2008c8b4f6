"""A saved result, read back exactly as it was saved.

A result is stored as the JSON contract `evaluation_data` wrote at the time
(see `data`). Every page and export reads it through `read_result`, which turns
the stored data of any format version into one typed `SavedResult`: nothing is
re-computed, and a result saved under an older format or framework keeps
reading as it did. Numbers are rounded here, once, for every front end.

Formats:
    1: the first contract (no ``format`` key): profile scores with bands and
       levels, origin shares as fractions, blend, basis, superpowers, gaps,
       advice, plan, roles, reasons and answers. Later results of format 1 add,
       per role, kind, read_by, reason, closest and chosen_origin, and a top-level
       product object; older ones read as roles of kind "origin" or "unmatched".
       Results saved since résumé evidence came also hold ``evidence`` (read as
       no bullets when absent); format 1 scores never took those bullets in.
    2: scores from the graded response model (`engine.scoring`). Each profile
       entry adds ``measured`` and ``basis`` (``level`` is null when not
       measured); the top level adds ``typical_superpowers``, ``typical_gaps``,
       ``quality`` ({"flags", "person_fit"}) and ``item_parameters``, and
       résumé bullets count in the scores.

       It also adds ``origin_basis``, ``clarity``, ``career_weight`` and
       ``answers_resemble`` (the career leads, answers refine); in the plan
       ``sorted_by`` and ``hours_per_phase``, per gap ``high``, ``status``,
       ``advice`` and ``actions``, per action ``tailored`` and ``uses``.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

RESULT_FORMAT = 2  # the format `evaluation_data` writes now
KNOWN_FORMATS = (1, 2)

BASIS_TEXT = {
    "both": "Based on your career history and your answers.",
    "history": "Based on your career history only. Answer the questionnaire to check it.",
    "answers": "Based on your answers only. Add your past roles to sharpen it.",
    "none": (
        "There is no career history and no answers yet, so there is nothing to match you "
        "to an origin with: every score is the population average, with a wide range. Add "
        "your past roles or answer the questionnaire to find your origin."
    ),
}
BAD_RESULT = (
    "This saved result cannot be read: {problem}. It may have been damaged; nothing was "
    "changed. Export your data or take the assessment again."
)


class ResultFormatError(ValueError):
    """Stored result data that no reader understands; `message` is for people."""

    def __init__(self, problem: str) -> None:
        self.message = BAD_RESULT.format(problem=problem)
        super().__init__(self.message)


def whole(value: float) -> int:
    """A number rounded to a whole, halves up: the one rounding every view uses."""
    return math.floor(value + 0.5)


def percent(share: float) -> int:
    """A share (0-1) as a whole percent, halves up."""
    return whole(share * 100)


def largest_remainder(values: Sequence[float], total: int = 100) -> tuple[int, ...]:
    """Whole numbers in proportion to `values` that add up to `total` exactly.

    Each value gets the whole part of its exact quota; the units left go to the
    largest remainders (ties to the earlier value). Used wherever shares are
    shown together, so a blend always reads as 100%.
    """
    weight = sum(values)
    if weight <= 0:
        return tuple(0 for _ in values)
    quotas = [v / weight * total for v in values]
    shown = [math.floor(q) for q in quotas]
    order = sorted(range(len(values)), key=lambda i: (-(quotas[i] - shown[i]), i))
    for index in order[: total - sum(shown)]:
        shown[index] += 1
    return tuple(shown)


OTHER_ID = "other"
OTHER_NAME = "other origins"
CLOSE_ENOUGH_TEXT = (
    "Close enough: the target lies inside your likely range, so this gap may not be real. "
    "Confirm it with evidence (answer more questions or add a résumé) before working on it."
)
LATER_TEXT = "After 90 days: the first three months are full with higher priorities."
CLARITY_TEXT = {
    "clear": "",
    "blend": "Your background is a blend of these origins.",
    "unclear": (
        "The evidence does not point to one origin yet: the shares are too even to name "
        "one. Add your past roles or answer more questions."
    ),
}


@dataclass(frozen=True)
class Score:
    """One competency's saved score, 0-100, with its 90% band."""

    competency: str
    score: float
    low: float
    high: float
    level: int | None  # 0-4; None when the score is not measured
    answered: int
    measured: bool = True
    uncertain: bool = False  # the band is too wide to say much
    basis: tuple[str, ...] = ()  # what it rests on: "career", "answers", "resume"; () unsaid

    @property
    def precision(self) -> int:
        """Half the band's width in whole points: the "about +/-N points" said with it."""
        return whole((self.high - self.low) / 2)

    @property
    def shown(self) -> int:
        return whole(self.score)

    @property
    def low_shown(self) -> int:
        return whole(self.low)

    @property
    def high_shown(self) -> int:
        return whole(self.high)


@dataclass(frozen=True)
class Share:
    id: str
    name: str
    share: float

    @property
    def percent(self) -> int:
        return percent(self.share)


@dataclass(frozen=True)
class ShownShare:
    """A share as shown, in whole percent; the shown shares of a result add up to 100."""

    id: str
    name: str
    percent: int


@dataclass(frozen=True)
class Advice:
    competency: str
    origin: str
    text: str


@dataclass(frozen=True)
class PlanGap:
    competency: str
    current: float
    target: float
    gap: float
    weight: float
    priority: float
    uncertain: bool
    # Saved with plans built on priority; older plans read with the defaults.
    high: float | None = None  # top of the person's band
    status: str | None = None  # "planned", "close_enough" or "later"
    advice: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()  # action ids

    @property
    def close_enough(self) -> bool:
        return self.status == "close_enough"


@dataclass(frozen=True)
class PlanAction:
    id: str
    competency: str
    title: str
    description: str
    kind: str
    hours: int
    effort: str
    tailored: bool = False  # a variant written for the person's origin
    uses: tuple[str, ...] = ()  # the person's strengths it puts to work


@dataclass(frozen=True)
class PlanPhase:
    days: int
    actions: tuple[PlanAction, ...]

    @property
    def hours(self) -> int:
        return sum(a.hours for a in self.actions)


@dataclass(frozen=True)
class Plan:
    target_id: str
    target_name: str
    ready: bool
    gaps: tuple[PlanGap, ...]
    phases: tuple[PlanPhase, ...]
    sorted_by: str | None = None  # "priority"; None when saved before it was stated
    hours_per_phase: int | None = None  # the budget of each 30 days

    @property
    def action_ids(self) -> tuple[str, ...]:
        return tuple(a.id for phase in self.phases for a in phase.actions)


@dataclass(frozen=True)
class RoleReading:
    """How one saved role was read: its origin shares, or unplaced with suggestions."""

    title: str
    years: float
    years_ago: float
    weight: float
    matched: bool
    alias: str | None
    origins: tuple[tuple[str, float], ...]  # (origin id, share), largest first
    suggestions: tuple[str, ...]
    # Added with role kinds; results saved before them read as "origin" or "unmatched".
    kind: str = "origin"  # "origin", "product", "chosen" or "unmatched"
    read_by: str | None = None  # "alias", "words", "semantic" or "person"
    reason: str | None = None  # why an unmatched title was not placed
    closest: tuple[str, ...] = ()  # closest origin ids of an unmatched title
    chosen_origin: str | None = None


@dataclass(frozen=True)
class ProductExperience:
    """Years already spent in product roles; they never count towards an origin."""

    name: str
    years: float
    roles: int
    only_product: bool  # every placed role is a product role


@dataclass(frozen=True)
class AnswerReason:
    item: str
    answer: int
    points: float


@dataclass(frozen=True)
class Reason:
    competency: str
    prior: float
    source: str  # "history" or "population"
    answers: tuple[AnswerReason, ...]


@dataclass(frozen=True)
class EvidenceItem:
    """One saved résumé bullet: what it showed, and whether the person rejected it."""

    id: str
    text: str  # empty when the résumé's text was not kept
    role: str
    competencies: tuple[tuple[str, float], ...]  # (competency id, score 0-1); empty: abstained
    rejected: bool

    def score(self, competency: str) -> float | None:
        for competency_id, score in self.competencies:
            if competency_id == competency:
                return score
        return None


@dataclass(frozen=True)
class SavedResult:
    """Everything a saved result shows, typed, in the order its framework lists it."""

    format: int
    framework_version: str
    profile: tuple[Score, ...]
    origins: tuple[Share, ...]
    blend: tuple[Share, ...]
    basis: str
    superpowers: tuple[str, ...]
    gaps: tuple[str, ...]
    uncertain: tuple[str, ...]
    advice: tuple[Advice, ...]
    plan: Plan | None
    roles: tuple[RoleReading, ...]
    reasons: tuple[Reason, ...]
    answers: Mapping[str, int] = field(default_factory=dict)
    product: ProductExperience | None = None  # None: no product role, or saved before
    evidence: tuple[EvidenceItem, ...] = ()
    # Kept by results scored with the graded response model; the format-1 reader
    # leaves them empty (those results were saved without them), and renderers
    # show them only when present.
    typical_superpowers: tuple[str, ...] = ()
    typical_gaps: tuple[str, ...] = ()
    quality_flags: tuple[str, ...] = ()
    person_fit: float | None = None
    item_parameters: str | None = None  # "provisional" or "calibrated"; None: not saved

    @property
    def evidence_scored(self) -> bool:
        """True when the scores took the résumé bullets in (from format 2 on)."""
        return self.format >= 2

    # The career leads, answers refine; None / () when saved before.
    origin_basis: str | None = None
    clarity: str | None = None
    career_weight: float | None = None
    answers_resemble: tuple[Share, ...] = ()

    @property
    def shown_blend(self) -> tuple[ShownShare, ...]:
        """The named origins and, when they hold less than all, "other origins", in whole
        percent rounded once (largest remainder) so they add up to 100."""
        if not self.blend:
            return ()
        rest = max(0.0, sum(o.share for o in self.origins) - sum(o.share for o in self.blend))
        entries = [(o.id, o.name, o.share) for o in self.blend]
        if rest > 0 and self.origins:
            entries.append((OTHER_ID, OTHER_NAME, rest))
        shown = largest_remainder([share for _, _, share in entries])
        out = [ShownShare(i, n, p) for (i, n, _), p in zip(entries, shown, strict=True)]
        return tuple(o for o in out if o.percent > 0 or o.id != OTHER_ID)

    @property
    def clarity_text(self) -> str:
        return CLARITY_TEXT.get(self.clarity or "", "")

    def supporting(self, competency: str) -> tuple[EvidenceItem, ...]:
        """The résumé bullets that show a competency, strongest first, rejected ones left out."""
        found = [(e.score(competency), e) for e in self.evidence if not e.rejected]
        ranked = sorted(((s, e) for s, e in found if s is not None), key=lambda pair: -pair[0])
        return tuple(e for _, e in ranked)

    @property
    def abstained(self) -> int:
        """How many résumé bullets showed none of the competencies."""
        return sum(1 for e in self.evidence if not e.competencies)

    @property
    def rejected(self) -> int:
        return sum(1 for e in self.evidence if e.rejected)

    def score(self, competency: str) -> Score:
        for entry in self.profile:
            if entry.competency == competency:
                return entry
        raise KeyError(competency)

    def has(self, competency: str) -> bool:
        return any(entry.competency == competency for entry in self.profile)

    @property
    def matched(self) -> bool:
        """True when there was something to match an origin with."""
        return self.basis != "none" and bool(self.blend)

    @property
    def top(self) -> Share | None:
        return self.blend[0] if self.matched else None

    @property
    def blend_label(self) -> str:
        """ "Quality Assurance", or "56% Quality Assurance / 44% Software Development".

        Results that state their clarity read with shares that add up to 100,
        "other origins" included ("52% Quality Assurance / 36% Software Development
        / 12% other origins"); older ones read as they were saved.
        """
        if len(self.blend) == 1:
            return self.blend[0].name
        if self.clarity is None:
            return " / ".join(f"{share.percent}% {share.name}" for share in self.blend)
        return " / ".join(f"{share.percent}% {share.name}" for share in self.shown_blend)

    @property
    def top_percent(self) -> int | None:
        """The top origin's share as shown (rounded with the rest of the blend)."""
        if self.top is None:
            return None
        if self.clarity is None:
            return self.top.percent
        return self.shown_blend[0].percent

    @property
    def career_top(self) -> str | None:
        """The origin id the saved roles give the most effective years, if any."""
        totals: dict[str, float] = {}
        for role in self.roles:
            if role.kind in ("origin", "chosen"):
                for origin, share in role.origins:
                    totals[origin] = totals.get(origin, 0.0) + share * role.weight
        if not totals:
            return None
        return max(sorted(totals), key=lambda o: totals[o])

    def origin_basis_text(self, names: Mapping[str, str]) -> str:
        """What the origin rests on, in plain words ("Your career says Quality Assurance;
        your answers resemble UX Design."); empty for results saved before it was stated
        or with nothing to say beyond `basis_text`."""
        if self.origin_basis != "both":
            return ""
        career = self.career_top
        resemble = [o.id for o in self.answers_resemble]
        if career is None:
            return ""
        career_name = names.get(career, career)
        others = [names.get(o, o) for o in resemble if o != career]
        if not resemble:
            return (
                f"Your career says {career_name}; your answers do not clearly resemble "
                "any one origin."
            )
        if not others:
            return f"Your career says {career_name}, and your answers resemble it too."
        return f"Your career says {career_name}; your answers resemble {' and '.join(others)}."

    def resemble_names(self, names: Mapping[str, str]) -> tuple[str, ...]:
        """Names of the origins the answers resemble other than the one shown first."""
        top = self.top.id if self.top is not None else None
        return tuple(names.get(o.id, o.id) for o in self.answers_resemble if o.id != top)

    @property
    def basis_text(self) -> str:
        return BASIS_TEXT.get(self.basis, "")

    def advice_for(self, competency: str) -> tuple[str, ...]:
        return tuple(a.text for a in self.advice if a.competency == competency)


# Readers -----------------------------------------------------------------------------


def _mapping(value: object, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ResultFormatError(f"{where} is not an object")
    return value


def _list(value: object, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise ResultFormatError(f"{where} is not a list")
    return value


def _objects(value: object, where: str) -> list[Mapping[str, Any]]:
    return [_mapping(item, where) for item in _list(value, where)]


def _number(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ResultFormatError(f"{where} is not a number")
    return float(value)


def _text(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise ResultFormatError(f"{where} is not text")
    return value


def _shares(value: object, where: str) -> tuple[Share, ...]:
    return tuple(
        Share(
            _text(o.get("id"), f"{where} id"),
            _text(o.get("name"), f"{where} name"),
            _number(o.get("share"), f"{where} share"),
        )
        for o in _objects(value, where)
    )


def _plan_v1(value: object) -> Plan | None:
    if value is None:
        return None
    plan = _mapping(value, "the plan")
    target = _mapping(plan.get("target"), "the plan's target")
    gaps = tuple(
        PlanGap(
            competency=_text(g.get("competency"), "a plan gap"),
            current=_number(g.get("current"), "a plan gap's current score"),
            target=_number(g.get("target"), "a plan gap's target"),
            gap=_number(g.get("gap"), "a plan gap"),
            weight=_number(g.get("weight"), "a plan gap's weight"),
            priority=_number(g.get("priority"), "a plan gap's priority"),
            uncertain=bool(g.get("uncertain")),
        )
        for g in _objects(plan.get("gaps"), "a plan gap")
    )
    phases = tuple(
        PlanPhase(
            days=int(_number(p.get("days"), "a plan phase")),
            actions=tuple(
                PlanAction(
                    id=_text(a.get("id"), "an action id"),
                    competency=_text(a.get("competency"), "an action's competency"),
                    title=_text(a.get("title"), "an action's title"),
                    description=_text(a.get("description"), "an action's description"),
                    kind=_text(a.get("kind"), "an action's kind"),
                    hours=int(_number(a.get("hours"), "an action's hours")),
                    effort=_text(a.get("effort"), "an action's effort"),
                )
                for a in _objects(p.get("actions"), "an action")
            ),
        )
        for p in _objects(plan.get("phases"), "a plan phase")
    )
    return Plan(
        target_id=_text(target.get("id"), "the plan's target id"),
        target_name=_text(target.get("name"), "the plan's target name"),
        ready=bool(plan.get("ready")),
        gaps=gaps,
        phases=phases,
    )


def _roles_v1(value: object) -> tuple[RoleReading, ...]:
    readings = []
    for role in _objects(value or [], "a role"):
        shares = _mapping(role.get("origins") or {}, "a role's origins")
        alias = role.get("alias")
        matched = bool(role.get("matched"))
        kind = role.get("kind")
        chosen = role.get("chosen_origin")
        read_by, reason = role.get("read_by"), role.get("reason")
        readings.append(
            RoleReading(
                title=_text(role.get("title"), "a role's title"),
                years=_number(role.get("years"), "a role's years"),
                years_ago=_number(role.get("years_ago", 0), "a role's years ago"),
                weight=_number(role.get("weight", 0), "a role's weight"),
                matched=matched,
                alias=alias if isinstance(alias, str) else None,
                origins=tuple(
                    sorted(
                        ((str(k), _number(v, "a role's share")) for k, v in shares.items()),
                        key=lambda kv: (-kv[1], kv[0]),
                    )
                ),
                suggestions=tuple(str(s) for s in role.get("suggestions") or ()),
                kind=kind if isinstance(kind, str) else ("origin" if matched else "unmatched"),
                read_by=read_by if isinstance(read_by, str) else None,
                reason=reason if isinstance(reason, str) else None,
                closest=tuple(str(o) for o in role.get("closest") or ()),
                chosen_origin=chosen if isinstance(chosen, str) else None,
            )
        )
    return tuple(readings)


def _product_v1(value: object) -> ProductExperience | None:
    if value is None:
        return None
    product = _mapping(value, "the product experience")
    roles = int(_number(product.get("roles", 0), "the product roles"))
    if roles == 0:
        return None
    return ProductExperience(
        name=_text(product.get("name"), "the product name"),
        years=_number(product.get("years"), "the product years"),
        roles=roles,
        only_product=bool(product.get("only_product")),
    )


def _reasons_v1(value: object) -> tuple[Reason, ...]:
    return tuple(
        Reason(
            competency=_text(r.get("competency"), "a reason"),
            prior=_number(r.get("prior"), "a reason's starting point"),
            source=_text(r.get("source"), "a reason's source"),
            answers=tuple(
                AnswerReason(
                    item=_text(a.get("item"), "a reason's question"),
                    answer=int(_number(a.get("answer"), "a reason's answer")),
                    points=_number(a.get("points"), "a reason's points"),
                )
                for a in _objects(r.get("answers"), "a reason's answer")
            ),
        )
        for r in _objects(value or [], "a reason")
    )


def _profile_v1(
    value: object, competency_ids: Sequence[str], uncertain: Sequence[str]
) -> tuple[Score, ...]:
    profile = _mapping(value, "the profile")
    missing = [c for c in competency_ids if c not in profile]
    if missing:
        raise ResultFormatError(f"the profile has no score for {', '.join(missing)}")
    scores = []
    for competency in competency_ids:
        entry = _mapping(profile[competency], f"the score for {competency}")
        level = entry.get("level")
        scores.append(
            Score(
                competency=competency,
                score=_number(entry.get("score"), f"the score for {competency}"),
                low=_number(entry.get("low"), f"the band of {competency}"),
                high=_number(entry.get("high"), f"the band of {competency}"),
                level=int(level) if isinstance(level, int) else None,
                answered=int(_number(entry.get("answered", 0), f"answers to {competency}")),
                uncertain=competency in uncertain,
            )
        )
    return tuple(scores)


def _evidence_v1(value: object) -> tuple[EvidenceItem, ...]:
    return tuple(
        EvidenceItem(
            id=_text(b.get("id"), "a résumé bullet's id"),
            text=_text(b.get("text", ""), "a résumé bullet"),
            role=_text(b.get("role", ""), "a résumé bullet's role"),
            competencies=tuple(
                (
                    _text(c.get("id"), "a résumé bullet's competency"),
                    _number(c.get("score"), "a résumé bullet's score"),
                )
                for c in _objects(b.get("competencies") or [], "a résumé bullet's competency")
            ),
            rejected=bool(b.get("rejected")),
        )
        for b in _objects(value or [], "a résumé bullet")
    )


def _read_v1(data: Mapping[str, Any], competency_ids: Sequence[str]) -> SavedResult:
    answers = _mapping(data.get("answers") or {}, "the answers")
    uncertain = tuple(str(c) for c in _list(data.get("uncertain") or [], "uncertain"))
    return SavedResult(
        format=1,
        framework_version=_text(data.get("framework_version"), "the framework version"),
        profile=_profile_v1(data.get("profile"), competency_ids, uncertain),
        origins=_shares(data.get("origins") or [], "an origin"),
        blend=_shares(data.get("blend") or data.get("origins", [])[:1], "the blend"),
        basis=_text(data.get("basis", "none"), "the basis"),
        superpowers=tuple(str(c) for c in _list(data.get("superpowers") or [], "superpowers")),
        gaps=tuple(str(c) for c in _list(data.get("gaps") or [], "gaps")),
        uncertain=uncertain,
        advice=tuple(
            Advice(
                _text(a.get("competency"), "advice"),
                _text(a.get("origin"), "advice"),
                _text(a.get("text"), "advice"),
            )
            for a in _objects(data.get("advice") or [], "advice")
        ),
        plan=_plan_v1(data.get("plan")),
        roles=_roles_v1(data.get("roles")),
        reasons=_reasons_v1(data.get("reasons")),
        product=_product_v1(data.get("product")),
        answers={str(k): int(_number(v, "an answer")) for k, v in answers.items()},
        evidence=_evidence_v1(data.get("evidence")),
    )


def _names(value: object, where: str) -> tuple[str, ...]:
    return tuple(_text(v, where) for v in _list(value or [], where))


def _profile_v2(
    value: object, competency_ids: Sequence[str], uncertain: Sequence[str]
) -> tuple[Score, ...]:
    profile = _mapping(value, "the profile")
    scores = []
    for score in _profile_v1(profile, competency_ids, uncertain):
        entry = _mapping(profile[score.competency], f"the score for {score.competency}")
        measured = entry.get("measured")
        if not isinstance(measured, bool):
            raise ResultFormatError(f"the score for {score.competency} does not say if measured")
        scores.append(
            replace(
                score,
                measured=measured,
                level=score.level if measured else None,
                basis=_names(entry.get("basis"), f"what {score.competency} rests on"),
            )
        )
    return tuple(scores)


def _read_v2(data: Mapping[str, Any], competency_ids: Sequence[str]) -> SavedResult:
    base = _with_plan_and_origin(data, _read_v1(data, competency_ids))
    quality = _mapping(data.get("quality") or {}, "the response checks")
    fit = quality.get("person_fit")
    parameters = data.get("item_parameters")
    return replace(
        base,
        format=2,
        profile=_profile_v2(data.get("profile"), competency_ids, base.uncertain),
        typical_superpowers=_names(data.get("typical_superpowers"), "typical superpowers"),
        typical_gaps=_names(data.get("typical_gaps"), "typical gaps"),
        quality_flags=_names(quality.get("flags"), "a response check"),
        person_fit=None if fit is None else _number(fit, "the person fit"),
        item_parameters=parameters if isinstance(parameters, str) else None,
    )


READERS: dict[int, Callable[[Mapping[str, Any], Sequence[str]], SavedResult]] = {
    1: _read_v1,
    2: _read_v2,
}


def _optional_text(value: object, where: str) -> str | None:
    return None if value is None else _text(value, where)


def _plan_additions(value: object, plan: Plan | None) -> Plan | None:
    """The plan with what plans built on priority save; unchanged for older plans."""
    if plan is None or not isinstance(value, Mapping):
        return plan
    stored_gaps = _objects(value.get("gaps"), "a plan gap")
    gaps = tuple(
        dataclasses.replace(
            gap,
            high=None if g.get("high") is None else _number(g.get("high"), "a plan gap's band"),
            status=_optional_text(g.get("status"), "a plan gap's status"),
            advice=tuple(
                _text(t, "a plan gap's advice")
                for t in _list(g.get("advice") or [], "a plan gap's advice")
            ),
            actions=tuple(
                _text(t, "a plan gap's action")
                for t in _list(g.get("actions") or [], "a plan gap's actions")
            ),
        )
        for gap, g in zip(plan.gaps, stored_gaps, strict=True)
    )
    stored_phases = _objects(value.get("phases"), "a plan phase")
    phases = tuple(
        dataclasses.replace(
            phase,
            actions=tuple(
                dataclasses.replace(
                    action,
                    tailored=bool(a.get("tailored")),
                    uses=tuple(str(c) for c in _list(a.get("uses") or [], "an action's strengths")),
                )
                for action, a in zip(
                    phase.actions, _objects(p.get("actions"), "an action"), strict=True
                )
            ),
        )
        for phase, p in zip(plan.phases, stored_phases, strict=True)
    )
    hours = value.get("hours_per_phase")
    return dataclasses.replace(
        plan,
        gaps=gaps,
        phases=phases,
        sorted_by=_optional_text(value.get("sorted_by"), "the plan's order"),
        hours_per_phase=None if hours is None else int(_number(hours, "the plan's hours")),
    )


def _with_plan_and_origin(stored: Mapping[str, Any], result: SavedResult) -> SavedResult:
    """Format 2's origin (career leads, answers refine) and plan (by priority) keys."""
    weight = stored.get("career_weight")
    return dataclasses.replace(
        result,
        origin_basis=_optional_text(stored.get("origin_basis"), "the origin's basis"),
        clarity=_optional_text(stored.get("clarity"), "the origin's clarity"),
        career_weight=None if weight is None else _number(weight, "the career's weight"),
        answers_resemble=tuple(
            Share(
                _text(o.get("id"), "an origin the answers resemble"),
                _text(o.get("name", o.get("id")), "an origin the answers resemble"),
                _number(o.get("share"), "the share of an origin the answers resemble"),
            )
            for o in _objects(stored.get("answers_resemble") or [], "answers_resemble")
        ),
        plan=_plan_additions(stored.get("plan"), result.plan),
    )


def result_format(data: Mapping[str, Any]) -> int:
    """The format version of stored result data (1 when it predates the ``format`` key)."""
    value = data.get("format", 1)
    if isinstance(value, bool) or not isinstance(value, int) or value not in READERS:
        raise ResultFormatError(f"it has an unknown format {value!r}")
    return value


def read_result(data: object, competency_ids: Sequence[str]) -> SavedResult:
    """Stored result data, of any known format, as a `SavedResult`.

    Args:
        data: the JSON object `evaluation_data` produced when the result was saved.
        competency_ids: the competencies of the framework it was saved under, in order.
    Returns:
        The typed result; numbers are as stored (round them with `whole`/`percent`).
    Raises:
        ResultFormatError: the data is not a result this version can read, or it
            lacks a competency's score (never filled in with a made-up value).
    """
    stored = _mapping(data, "the result")
    return READERS[result_format(stored)](stored, competency_ids)
