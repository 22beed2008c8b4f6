"""A résumé read whole: roles with their years, and bullets with their competencies."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from pm_origins.engine import Evaluation, Role, TitleMatcher
from pm_origins.engine.evidence import EvidenceBullet
from pm_origins.evidence.bullets import BulletReader, default_reader
from pm_origins.evidence.files import clean_text
from pm_origins.evidence.resume import ParsedResume, ResumeRole, parse_resume
from pm_origins.framework import Framework


@dataclass(frozen=True)
class ResumeAnalysis:
    parsed: ParsedResume
    bullets: tuple[EvidenceBullet, ...]  # every bullet, abstained ones with no competency

    @property
    def roles(self) -> tuple[ResumeRole, ...]:
        return self.parsed.roles

    @property
    def engine_roles(self) -> tuple[Role, ...]:
        """The roles with a title and readable dates, for `engine.evaluate`."""
        return self.parsed.engine_roles


def analyze_resume(
    text: str,
    *,
    today: date,
    reader: BulletReader | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ResumeAnalysis:
    """Read a résumé's roles and what each bullet shows.

    Args:
        text: the résumé's text (pasted, or from `files.resume_text`).
        today: the date "Present" means.
        reader: the bullet reader (default: the bundled model and head).
        progress: called as progress(done, total) while bullets are encoded.
    Raises:
        ResumeFileError: the text is empty or too long.
        EvidenceUnavailable: the `evidence` extra or the model is missing.
    """
    parsed = parse_resume(clean_text(text), today)
    texts = [b.text for b in parsed.bullets]
    readings = (reader or default_reader()).read(texts, progress) if texts else []
    bullets = tuple(
        EvidenceBullet(
            id=bullet.id,
            text=bullet.text,
            role=parsed.roles[bullet.role].title if bullet.role is not None else "",
            competencies=reading.competencies,
        )
        for bullet, reading in zip(parsed.bullets, readings, strict=True)
    )
    return ResumeAnalysis(parsed, bullets)


def evaluate_with_resume(
    framework: Framework,
    analysis: ResumeAnalysis | None,
    *,
    roles: Sequence[Role] = (),
    answers: Mapping[str, object] | None = None,
    target: str | None = None,
    rejected: Iterable[str] = (),
    allow_unmatched: bool = False,
    titles: TitleMatcher | None = None,
    hours_per_month: int | None = None,
) -> Evaluation:
    """`engine.evaluate` with a résumé: its bullets as evidence, its roles as history.

    Roles given explicitly win: the résumé's roles are used only when `roles`
    is empty (someone who typed their roles has already said how to read them).
    Titles read from a résumé that match no origin are kept and listed, never
    fatal, because a résumé holds jobs of every kind.

    Raises:
        EngineInputError: an unknown target, item or answer (or an unmatched
            title among `roles`, unless allow_unmatched).
    """
    from pm_origins.engine import evaluate
    from pm_origins.engine.planning import DEFAULT_HOURS_PER_MONTH
    from pm_origins.evidence.titles import title_matcher

    titles = titles or title_matcher(framework)
    budget = DEFAULT_HOURS_PER_MONTH if hours_per_month is None else hours_per_month
    if analysis is None:
        return evaluate(
            framework,
            roles,
            answers,
            target,
            allow_unmatched=allow_unmatched,
            titles=titles,
            hours_per_month=budget,
        )
    history = list(roles) or list(analysis.engine_roles)
    return evaluate(
        framework,
        history,
        answers,
        target,
        allow_unmatched=allow_unmatched or not roles,
        titles=titles,
        evidence=analysis.bullets,
        rejected=rejected,
        hours_per_month=budget,
    )


def evaluate_resume_text(
    framework: Framework,
    *,
    resume_text: str | None,
    today: date,
    roles: Sequence[Role] = (),
    answers: Mapping[str, object] | None = None,
    target: str | None = None,
    rejected: Iterable[str] = (),
    allow_unmatched: bool = False,
    hours_per_month: int | None = None,
) -> Evaluation:
    """Read a pasted résumé (if any) and evaluate it with roles and answers, in one call.

    The one way in for the API and the web site; see `evaluate_with_resume`.

    Raises:
        ResumeFileError: the text is empty or too long.
        EvidenceUnavailable: the `evidence` extra or the model is missing.
        EngineInputError: as `engine.evaluate`.
    """
    if target is not None:
        from pm_origins.engine.planning import target_role

        target_role(framework, target)  # a bad target fails before the model work
    analysis = analyze_resume(resume_text, today=today) if resume_text is not None else None
    return evaluate_with_resume(
        framework,
        analysis,
        roles=roles,
        answers=answers,
        target=target,
        rejected=rejected,
        allow_unmatched=allow_unmatched,
        hours_per_month=hours_per_month,
    )
