"""Résumé text to roles (title, employer, dates) and bullets.

The reading is line-based and forgiving, because résumés come in many shapes:

- a role is a line holding a date range ("Jan 2020 - Present", "03/2018 to
  06/2021", "2016-2019", "2019 - now"); its title and employer come from the
  same line or the one or two short lines just above it ("Senior QA
  Engineer, Acme" / "Acme | QA Engineer" / "QA Engineer at Acme");
- a bullet is a line that starts with a list mark (•, -, *, ·, ▪, ◦, o, 1.)
  or, under a role, any sentence-like line; wrapped lines are joined back on;
- section headings (Experience, Education, Skills...) are recognised so that
  bullets outside work history keep no role, and dates under Education make
  no role.

Years and years-ago come from the dates against a given `today`: month-year
dates count whole months (a role from Jan 2020 to Mar 2020 is 3 months);
year-only dates are taken at mid-year, so 2016-2019 is 3 years.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from pm_origins.engine import Role

MAX_BULLETS = 200  # bounded work for any input
MAX_BULLET_CHARS = 400
MAX_ROLE_YEARS = 60.0
MIN_BULLET_WORDS = 4

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january", "janv", "januar", "enero", "ene"),
            ("feb", "february", "fev", "fevr", "februar", "febrero"),
            ("mar", "march", "mars", "marz", "märz", "marzo"),
            ("apr", "april", "avr", "avril", "abril", "abr"),
            ("may", "mai", "mayo"),
            ("jun", "june", "juin", "juni", "junio"),
            ("jul", "july", "juil", "juillet", "juli", "julio"),
            ("aug", "august", "aout", "août", "agosto", "ago"),
            ("sep", "sept", "september", "septembre", "septiembre"),
            ("oct", "october", "octobre", "oktober", "octubre", "okt"),
            ("nov", "november", "novembre", "noviembre"),
            ("dec", "december", "decembre", "décembre", "dezember", "diciembre", "dez", "dic"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_NAME = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_DATE = (
    rf"(?:(?P<{{p}}mon>{_MONTH_NAME})\.?,?\s*(?P<{{p}}y1>(?:19|20)\d\d)"
    rf"|(?P<{{p}}m2>0?[1-9]|1[0-2])\s*[/.]\s*(?P<{{p}}y2>(?:19|20)\d\d)"
    rf"|(?P<{{p}}y3>(?:19|20)\d\d)\s*[-/.]\s*(?P<{{p}}m3>0[1-9]|1[0-2])(?!\d)"
    rf"|(?P<{{p}}y4>(?:19|20)\d\d))"
)
_NOW = (
    r"(?P<now>present|current(?:ly)?|now|today|ongoing|to date|date|heute|aujourd'hui"
    r"|actual(?:idad)?|hoy)"
)
_RANGE = re.compile(
    r"(?<![\w/])"
    + _DATE.format(p="s")
    + r"\s*(?:-|–|—|−|~|to|until|till|through|thru|bis|à|a|au|hasta)\s*"
    + rf"(?:{_DATE.format(p='e')}|{_NOW})(?![\w/])",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[•\-*·▪◦‣●○■□➢➤►▸✓✔–—]|o(?=\s)|\d{1,2}[.)](?=\s))\s*")
_HEADING_WORDS = {
    "experience": "work",
    "work experience": "work",
    "professional experience": "work",
    "employment": "work",
    "employment history": "work",
    "work history": "work",
    "career history": "work",
    "relevant experience": "work",
    "career": "work",
    "projects": "other",
    "education": "education",
    "education and training": "education",
    "academic background": "education",
    "qualifications": "education",
    "skills": "other",
    "technical skills": "other",
    "summary": "other",
    "profile": "other",
    "professional summary": "other",
    "about me": "other",
    "certifications": "other",
    "certificates": "other",
    "languages": "other",
    "interests": "other",
    "hobbies": "other",
    "volunteering": "other",
    "volunteer experience": "other",
    "awards": "other",
    "publications": "other",
    "references": "other",
    "contact": "other",
    "achievements": "other",
    "key achievements": "other",
}
_CONTACT = re.compile(r"@\w|https?://|www\.|linkedin|github\.com|\+?\d[\d ()-]{7,}\d")
_SEPARATORS = re.compile(r"\s*(?:\||•|·|—|–|\s-\s|\bat\b|@|,|\t|\s{3,})\s*", re.IGNORECASE)
_TITLE_WORDS = re.compile(
    r"\b(?:engineer|developer|programmer|manager|designer|analyst|consultant|lead|director|"
    r"specialist|representative|rep|executive|tester|officer|owner|head|architect|associate|"
    r"coordinator|administrator|admin|scientist|writer|intern|assistant|vp|president|founder|"
    r"co-founder|strategist|marketer|recruiter|agent|advisor|adviser|qa|ux|ui|sdet|sre|pm|"
    r"apm|product|project|program|programme|account|sales|marketing|support|success|"
    r"researcher|technician|accountant|teacher|nurse|officer|chief|cto|ceo|cfo|coo|cmo|"
    r"partner|principal|staff|senior|junior|sr|jr|trainee|apprentice|freelance|contractor)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ResumeRole:
    """One job read from a résumé. Dates are the first of their month."""

    title: str
    employer: str
    start: date | None
    end: date | None  # None with current=True: still in the role
    current: bool
    years: float | None  # None when the dates could not be read
    years_ago: float | None
    line: str  # the text the role was read from

    def as_engine_role(self) -> Role | None:
        """The engine's Role, or None when the title or dates are missing."""
        if not self.title or self.years is None or self.years_ago is None:
            return None
        return Role(self.title[:120], self.years, self.years_ago)


@dataclass(frozen=True)
class ResumeBullet:
    """One bullet: its text and the index of its role (None outside work history)."""

    id: str
    text: str
    role: int | None


@dataclass(frozen=True)
class ParsedResume:
    roles: tuple[ResumeRole, ...]
    bullets: tuple[ResumeBullet, ...]
    truncated: bool = False  # more than MAX_BULLETS bullets: the rest were not read

    @property
    def engine_roles(self) -> tuple[Role, ...]:
        return tuple(r for r in (role.as_engine_role() for role in self.roles) if r is not None)


def _month_index(year: int, month: int) -> int:
    return year * 12 + (month - 1)


def _date_of(match: re.Match[str], prefix: str) -> tuple[int, int, bool] | None:
    """(year, month, month_known) of one side of a range."""
    groups = match.groupdict()
    if groups.get(f"{prefix}mon"):
        return int(groups[f"{prefix}y1"]), _MONTHS[groups[f"{prefix}mon"].lower()], True
    if groups.get(f"{prefix}m2"):
        return int(groups[f"{prefix}y2"]), int(groups[f"{prefix}m2"]), True
    if groups.get(f"{prefix}m3"):
        return int(groups[f"{prefix}y3"]), int(groups[f"{prefix}m3"]), True
    if groups.get(f"{prefix}y4"):
        return int(groups[f"{prefix}y4"]), 7, False  # year only: mid-year
    return None


def role_dates(
    match: re.Match[str], today: date
) -> tuple[date | None, date | None, bool, float | None, float | None]:
    """(start, end, current, years, years_ago) of a date range against today."""
    start = _date_of(match, "s")
    end = _date_of(match, "e")
    current = bool(match.group("now"))
    if start is None:
        return None, None, current, None, None
    today_index = _month_index(today.year, today.month)
    start_index = _month_index(start[0], start[1])
    if current:
        end_index = today_index + 1  # through the current month
        end_date = None
    else:
        assert end is not None
        # A month-year end counts its own month ("Jan - Mar" is three months).
        if _month_index(end[0], end[1]) < start_index:
            return date(start[0], start[1], 1), date(end[0], end[1], 1), False, None, None
        end_index = _month_index(end[0], end[1]) + (1 if end[2] and start[2] else 0)
        end_date = date(end[0], end[1], 1)
    start_date = date(start[0], start[1], 1)
    if start_index > today_index:
        return start_date, end_date, current, None, None  # impossible dates: say nothing
    end_index = min(end_index, today_index + 1)
    months = end_index - start_index
    if not start[2] and not current and end is not None and not end[2] and months == 0:
        months = 6  # "2019 - 2019": some part of a year
    years = min(round(months / 12, 2), MAX_ROLE_YEARS)
    years_ago = 0.0 if current else max(0.0, round((today_index + 1 - end_index) / 12, 2))
    return start_date, end_date, current, years, min(years_ago, MAX_ROLE_YEARS)


def _heading(line: str) -> str | None:
    words = line.strip().strip("#*_=:-– ").strip().lower()
    if len(words) > 40 or not words:
        return None
    return _HEADING_WORDS.get(words)


def _title_and_employer(parts: Sequence[str]) -> tuple[str, str]:
    """Pick which of a header's pieces is the job title and which the employer."""
    pieces = [p.strip(" ,;:|()[]") for p in parts]
    pieces = [p for p in pieces if p and not _CONTACT.search(p)]
    if not pieces:
        return "", ""
    titled = [p for p in pieces if _TITLE_WORDS.search(p)]
    title = titled[0] if titled else pieces[0]
    others = [p for p in pieces if p is not title]
    return title, others[0] if others else ""


def _split_header(text: str) -> list[str]:
    return [p for p in _SEPARATORS.split(text) if p and p.strip()]


def parse_resume(text: str, today: date) -> ParsedResume:
    """Roles and bullets of a résumé's text.

    Args:
        text: the résumé as plain text (see `files.clean_text`).
        today: the date that "Present" means and years-ago count back from.
    Returns:
        The roles in the order they appear, and every bullet with its role.
    """
    roles: list[ResumeRole] = []
    bullets: list[tuple[str, int | None]] = []
    pending: list[str] = []  # short lines since the last role or bullet: a header?
    section = "work"
    current_role: int | None = None
    open_bullet = False  # the last line was a bullet that may wrap onto this one
    truncated = False

    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            open_bullet = False
            continue
        kind = _heading(line)
        if kind is not None:
            section = kind
            current_role = None
            pending = []
            open_bullet = False
            continue
        marked = _BULLET.match(raw)
        dates = _RANGE.search(line) if not marked and section != "education" else None
        if dates:
            header = (line[: dates.start()] + " " + line[dates.end() :]).strip(" ,|–—-()")
            pieces = _split_header(header)
            if len(pieces) < 2:
                pieces = [*[p for line in pending[-2:] for p in _split_header(line)], *pieces]
            title, employer = _title_and_employer(pieces)
            start, end, is_current, years, years_ago = role_dates(dates, today)
            roles.append(
                ResumeRole(
                    title=title,
                    employer=employer,
                    start=start,
                    end=end,
                    current=is_current,
                    years=years,
                    years_ago=years_ago,
                    line=line,
                )
            )
            current_role = len(roles) - 1
            section = "work"
            pending = []
            open_bullet = False
            continue
        if marked:
            content = line[marked.end() - (len(raw) - len(raw.lstrip())) :].strip()
            if content:
                bullets.append((content, current_role if section == "work" else None))
                open_bullet = True
            pending = []
            continue
        if open_bullet and (line[:1].islower() or raw[:1].isspace()):
            text_so_far, role = bullets[-1]
            bullets[-1] = (f"{text_so_far} {line}", role)
            continue
        words = len(line.split())
        if current_role is not None and words >= MIN_BULLET_WORDS * 2 and line[-1:] in ".!":
            bullets.append((line, current_role))  # an unmarked sentence under a role
            open_bullet = True
            pending = []
            continue
        if section != "work" and words >= MIN_BULLET_WORDS * 2:
            bullets.append((line, None))
            open_bullet = True
            continue
        open_bullet = False
        pending.append(line)
        pending = pending[-3:]

    kept: list[tuple[str, int | None]] = []
    for content, role in bullets:
        if len(content.split()) < MIN_BULLET_WORDS or _CONTACT.search(content):
            continue
        if len(kept) == MAX_BULLETS:
            truncated = True
            break
        kept.append((content[:MAX_BULLET_CHARS], role))
    return ParsedResume(
        tuple(roles),
        tuple(
            ResumeBullet(f"b{index}", content, role)
            for index, (content, role) in enumerate(kept, start=1)
        ),
        truncated,
    )
