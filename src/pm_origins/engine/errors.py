"""Domain errors of the engine. Each message says what was wrong and what to do."""

from __future__ import annotations

UNKNOWN_ITEM = "Unknown question id {item!r}. Use the ids listed by `pm-origins framework show`."
ANSWER_NOT_WHOLE = (
    "The answer to {item!r} must be a whole number from 1 to {points}, got {value!r}."
)
ANSWER_OUT_OF_RANGE = "The answer to {item!r} must be from 1 to {points}, got {value}."
UNKNOWN_TARGET = "Unknown target role {role!r}. Choose one of: {known}."
BAD_HOURS_PER_MONTH = (
    "Hours per month for the plan must be a whole number from {low} to {high}, got {value!r}."
)
BAD_YEARS = "Years in {title!r} must be a number from 0 to 60, got {value!r}."
BAD_YEARS_AGO = "How long ago {title!r} ended must be a number from 0 to 60, got {value!r}."
EMPTY_TITLE = "A role needs a job title."
BLANK_TITLE = EMPTY_TITLE
TITLE_CONTROL = (
    "A job title may not hold control characters (such as a tab or a line break); "
    "type it on one line."
)
NOTHING_TO_SCORE = (
    "Add at least one role or answer at least one question before asking for your result."
)
TOO_MANY_ROLES = "Enter at most {limit} roles; combine similar ones."
TITLE_TOO_LONG = "The job title {title!r} is longer than {limit} characters."
UNMATCHED_TITLES = "We could not place {titles}. {hints}"
UNKNOWN_ORIGIN = "The origin chosen for {title!r} is {origin!r}, which is not one of: {known}."
MIXED_SCRIPTS_HINT = (
    "For {title!r}, the title mixes letters of different alphabets that look alike; "
    "type it again in one alphabet."
)
OTHER_JOB_HINT = "{title!r} reads as a job outside every origin, so it adds to none."


class EngineInputError(ValueError):
    """Input that the engine cannot use. `message` is meant for people."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


class UnmatchedTitlesError(EngineInputError):
    """Job titles that match no origin; carries suggestions for each."""

    def __init__(
        self,
        unmatched: tuple[tuple[str, tuple[str, ...]], ...],
        mixed_scripts: frozenset[str] = frozenset(),
        other_jobs: frozenset[str] = frozenset(),
    ) -> None:
        self.unmatched = unmatched
        self.mixed_scripts = mixed_scripts
        self.other_jobs = other_jobs
        titles = ", ".join(repr(title) for title, _ in unmatched)
        hints = " ".join(
            _title_hint(title, suggestions, title in mixed_scripts, title in other_jobs)
            for title, suggestions in unmatched
        )
        super().__init__(UNMATCHED_TITLES.format(titles=titles, hints=hints))


def _title_hint(title: str, suggestions: tuple[str, ...], mixed: bool, other_job: bool) -> str:
    """What to do about one title the matcher could not place."""
    if mixed:
        return MIXED_SCRIPTS_HINT.format(title=title)
    said = [OTHER_JOB_HINT.format(title=title)] if other_job else []
    if suggestions:
        said.append(f"For {title!r}, did you mean {' or '.join(repr(s) for s in suggestions)}?")
    elif not other_job:
        said.append(f"For {title!r}, try the title most people in that job would use.")
    return " ".join(said)
