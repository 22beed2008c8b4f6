"""A roster of people as CSV text: a name, past roles, and optional answers.

Columns: `name`, `roles` (``Title=Years`` or ``Title=Years@YearsAgo``, several
separated by ``;``; ``:origin`` after the numbers chooses the origin of a title
that fits none, as `--role` does), then any question ids as answer columns (an empty cell is
a question not answered). Every problem is reported with its line number, and
a caller saves nothing unless there are none.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

from pm_origins.engine.errors import EngineInputError
from pm_origins.engine.evaluate import Evaluation, assemble
from pm_origins.engine.history import History, Role, read_history, validate_role
from pm_origins.engine.limits import has_forbidden_characters
from pm_origins.engine.quality import check_rows
from pm_origins.engine.scoring import FloatArray, answer_matrix, item_bank, score_rows
from pm_origins.engine.titles import TitleMatch, TitleMatcher
from pm_origins.framework import Framework

MAX_NAME_LENGTH = 120
MAX_ROLES_PER_PERSON = 20
DELIMITERS = (",", ";", "\t")  # comma first: it is the format's own

NO_HEADER = "The file is empty. The first line names the columns: name,roles and any question ids."
MISSING_COLUMN = "Line 1: the header needs a {column!r} column; it has {found}."
UNKNOWN_COLUMNS = "Line 1: unknown column {columns}. Columns are name, roles and question ids."
DUPLICATE_COLUMN = "Line 1: the column {column!r} appears twice."
TOO_MANY_ROWS = "The file has more than {limit} people; split it into smaller files."
BAD_ROLE = (
    'Line {line}: the role {spec!r} must look like "QA Engineer=5" (title=years), '
    'optionally with how long ago it ended ("QA Engineer=5@2") and the origin you '
    'choose for it ("Test Pilot=5@2:qa").'
)
CHOOSE_ORIGIN = ' Or choose its origin after a colon, as in "{title}=5:qa" (origins: {origins}).'
EMPTY_NAME = "Line {line}: every person needs a name."
NAME_TOO_LONG = f"Line {{line}}: the name is longer than {MAX_NAME_LENGTH} characters."
NOTHING_TO_SCORE = "Line {line}: give {name!r} at least one role or one answer."
TOO_MANY_ROLES = f"Line {{line}}: at most {MAX_ROLES_PER_PERSON} roles per person."
WRONG_CELL_COUNT = "Line {line}: {found} cells, but the header has {expected} columns."
NOT_CSV = "The file could not be read as CSV: {error}."
CONTROL_CHARACTERS = "Line {line}: remove the control characters (such as NUL) from the row."
DUPLICATE_NAME = (
    "Line {line}: {name!r} is already on line {first}; give each person a distinct name."
)


@dataclass(frozen=True)
class RosterPerson:
    line: int
    name: str
    roles: tuple[Role, ...]
    answers: dict[str, int]
    # The roles as read when the row was checked, and the answers as the row that
    # checked them (`answer_matrix`), so evaluating does neither again.
    history: History | None = field(default=None, compare=False, repr=False)
    row: FloatArray | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Roster:
    people: tuple[RosterPerson, ...]
    problems: tuple[str, ...]  # one sentence each, with the line number

    @property
    def valid(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class RememberingMatcher(TitleMatcher):
    """A title matcher that reads each distinct title once: a roster repeats titles."""

    seen: dict[tuple[str, bool], TitleMatch] = field(
        default_factory=dict, repr=False, compare=False, hash=False
    )

    def match(self, title: str, *, semantic: bool = True) -> TitleMatch:
        key = (title, semantic)
        if key not in self.seen:
            self.seen[key] = super().match(title, semantic=semantic)
        return self.seen[key]


def memo_matcher(framework: Framework, matcher: TitleMatcher | None = None) -> TitleMatcher:
    """``matcher`` (the framework's rules-only matcher when None), remembering each title."""
    base = matcher or TitleMatcher.for_framework(framework)
    return RememberingMatcher(base.vocabulary, base.lexicon, base.semantic)


def parse_roles(spec: str, line: int) -> tuple[Role, ...]:
    """``Title=Years[@Ago][:origin]`` specs separated by ``;`` as Roles (unvalidated);
    ``:origin`` is the origin chosen for a title the matcher cannot place, as on the
    command line's ``--role``."""
    roles = []
    for part in (p.strip() for p in spec.split(";")):
        if not part:
            continue
        title, sep, numbers = part.rpartition("=")
        numbers, _, origin = numbers.partition(":")
        years_text, _, ago_text = numbers.partition("@")
        try:
            years = float(years_text)
            ago = float(ago_text) if ago_text.strip() else 0.0
        except ValueError:
            raise EngineInputError(BAD_ROLE.format(line=line, spec=part)) from None
        if not sep or not title.strip():
            raise EngineInputError(BAD_ROLE.format(line=line, spec=part))
        roles.append(Role(title.strip(), years, ago, origin=origin.strip() or None))
    return tuple(roles)


def _answers(
    framework: Framework, header: list[str], cells: list[str], line: int
) -> tuple[dict[str, int], FloatArray]:
    """A row's answers, and the same as an `answer_matrix` row (kept for scoring)."""
    answers: dict[str, object] = {}
    for column, cell in zip(header, cells, strict=True):
        if column in {"name", "roles"} or not cell.strip():
            continue
        text = cell.strip()
        try:
            answers[column] = float(text)
        except ValueError:
            answers[column] = text  # answer_matrix says what is wrong
    try:
        row = answer_matrix(item_bank(framework), answers)
    except EngineInputError as exc:
        raise EngineInputError(f"Line {line}: {exc.message}") from None
    return {k: int(v) for k, v in answers.items()}, row  # type: ignore[call-overload]


def _person(
    framework: Framework,
    header: list[str],
    cells: list[str],
    line: int,
    matcher: TitleMatcher,
) -> RosterPerson:
    if len(cells) != len(header):
        raise EngineInputError(
            WRONG_CELL_COUNT.format(line=line, found=len(cells), expected=len(header))
        )
    if has_forbidden_characters("".join(cells)):
        raise EngineInputError(CONTROL_CHARACTERS.format(line=line))
    by_column = dict(zip(header, cells, strict=True))
    name = " ".join(by_column["name"].split())
    if not name:
        raise EngineInputError(EMPTY_NAME.format(line=line))
    if len(name) > MAX_NAME_LENGTH:
        raise EngineInputError(NAME_TOO_LONG.format(line=line))
    roles = parse_roles(by_column.get("roles", ""), line)
    if len(roles) > MAX_ROLES_PER_PERSON:
        raise EngineInputError(TOO_MANY_ROLES.format(line=line))
    try:
        roles = tuple(validate_role(r) for r in roles)
        history = read_history(framework, roles, matcher=matcher)
    except EngineInputError as exc:
        raise EngineInputError(f"Line {line}: {exc.message}") from None
    if history.unmatched:
        first = history.unmatched[0].title
        raise EngineInputError(
            f"Line {line}: {history.unmatched_error().message}"
            + CHOOSE_ORIGIN.format(title=first, origins=", ".join(o.id for o in framework.origins))
        )
    answers, answer_row = _answers(framework, header, cells, line)
    if not roles and not answers:
        raise EngineInputError(NOTHING_TO_SCORE.format(line=line, name=name))
    return RosterPerson(line, name, roles, answers, history, answer_row)


def read_roster(
    framework: Framework,
    text: str,
    *,
    max_people: int | None = None,
    matcher: TitleMatcher | None = None,
) -> Roster:
    """Parse a roster; every bad row is reported, each with its line number.

    Args:
        framework: the loaded framework (question ids, origins for titles).
        text: the CSV file's text.
        max_people: refuse a file with more people than this.
        matcher: a title matcher to share with later evaluation (see `memo_matcher`).
    Returns:
        A Roster with the people read and the problems found (empty when valid).
    """
    text = text.removeprefix("\ufeff")  # a spreadsheet's byte-order mark
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text))
    lines: list[tuple[int, list[str]]] = []
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                lines.append((reader.line_num, row))
    except csv.Error as exc:
        return Roster((), (NOT_CSV.format(error=exc),))
    if not lines:
        return Roster((), (NO_HEADER,))
    _, header_cells = lines[0]
    header = [cell.strip().lower() for cell in header_cells]
    problems = _header_problems(framework, header)
    if problems:
        return Roster((), problems)
    body = lines[1:]
    if max_people is not None and len(body) > max_people:
        return Roster((), (TOO_MANY_ROWS.format(limit=max_people),))
    matcher = matcher or memo_matcher(framework)
    people: list[RosterPerson] = []
    found: list[str] = []
    first_line: dict[str, int] = {}
    for number, cells in body:
        try:
            person = _person(framework, header, cells, number, matcher)
        except EngineInputError as exc:
            found.append(exc.message)
            continue
        key = person.name.casefold()
        if key in first_line:
            found.append(
                DUPLICATE_NAME.format(line=number, name=person.name, first=first_line[key])
            )
            continue
        first_line[key] = number
        people.append(person)
    return Roster(tuple(people), tuple(found))


def _delimiter(text: str) -> str:
    """The column separator: a comma, or the semicolon or tab that spreadsheets in
    many locales write, when it is what splits the header into name and roles."""
    header = text.lstrip().partition("\n")[0].lower()
    for candidate in DELIMITERS:
        columns = {cell.strip().strip('"') for cell in header.split(candidate)}
        if {"name", "roles"} <= columns:
            return candidate
    return ","


def _header_problems(framework: Framework, header: list[str]) -> tuple[str, ...]:
    problems = []
    for column in ("name", "roles"):
        if column not in header:
            problems.append(MISSING_COLUMN.format(column=column, found=", ".join(header) or "none"))
    known = {"name", "roles", *(item.id for item in framework.items)}
    unknown = [c for c in header if c not in known]
    if unknown:
        problems.append(UNKNOWN_COLUMNS.format(columns=", ".join(repr(c) for c in unknown[:5])))
    seen: set[str] = set()
    for column in header:
        if column in seen:
            problems.append(DUPLICATE_COLUMN.format(column=column))
        seen.add(column)
    return tuple(problems)


def evaluate_roster(
    framework: Framework, people: Sequence[RosterPerson], titles: TitleMatcher | None = None
) -> list[Evaluation]:
    """Every person of a roster evaluated, as `evaluate` does one by one, with the
    scoring and the response checks done for everyone at once (`scoring.score_rows`,
    `quality.check_rows`). Team views never show how far each answer moved a score
    (a result page's "why"), so it is left out.

    Raises:
        UnmatchedTitlesError: a title matched nothing.
    """
    if not people:
        return []
    histories = [
        p.history if p.history is not None else read_history(framework, p.roles, matcher=titles)
        for p in people
    ]
    for history in histories:
        if history.unmatched:
            raise history.unmatched_error()
    bank = item_bank(framework)
    matrix = np.vstack(
        [p.row if p.row is not None else answer_matrix(bank, p.answers) for p in people]
    )
    # Scoring a roster is a few matrix products of modest size, where BLAS threads
    # mostly wait on each other: one thread does it for less CPU and no more time
    # (docs/PERFORMANCE.md, "Teams").
    with threadpool_limits(limits=1, user_api="blas"):
        checks = check_rows(bank, matrix)
        weights = np.array([q.answer_weight for q in checks])
        profiles = score_rows(bank, matrix, [h.prior for h in histories], weights)
        # The answers alone (population prior), for the origin match's "answers resemble".
        answered = [i for i, p in enumerate(people) if p.answers]
        alone = score_rows(bank, matrix[answered], [None] * len(answered), weights[answered])
    answers_only = dict(zip(answered, alone, strict=True))
    return [
        assemble(framework, history, person.answers, profile, answers_only.get(i), quality)
        for i, (person, history, profile, quality) in enumerate(
            zip(people, histories, profiles, checks, strict=True)
        )
    ]
