"""Job titles to origins: aliases, and real titles the alias lists do not contain."""

from __future__ import annotations

import pytest

from pm_origins.engine import TitleMatcher, title_words
from pm_origins.framework import Framework, normalise_alias
from pm_origins.framework.lexicon import load_lexicon

# Real titles, none of them an alias as written: seniority, abbreviations,
# numerals, departments, regions, typos and spelling variants.
UNSEEN_TITLES = {
    "Senior Software Engineer II": "development",
    "Sr. QA Eng": "qa",
    "Lead UX Designer, Payments": "ux_design",
    "Account Exec - EMEA": "sales",
    "Jr. Business Analyst": "business_analysis",
    "Digital Marketing Specialist": "marketing",
    "Head of Sales": "sales",
    "Frontend Dev": "development",
    "Sofware Engineer": "development",
    "Test Automation Engineer 3": "qa",
    "Principal Product Designer": "ux_design",
    "Backend Engineer (Platform team)": "development",
    "Fullstack Web Dev": "development",
    "Inside Sales Rep": "sales",
    "IT Programme Mgr": "project_management",
    "Staff Software Engineer, Growth": "development",
    "QA Tester III": "qa",
    "Senior Marketing Mgr": "marketing",
    "Business Analyst (Contract)": "business_analysis",
    "Associate UX Researcher": "ux_design",
    "Project Mgr - Infrastructure": "project_management",
    "Snr. Account Manager": "sales",
}


@pytest.fixture(scope="module")
def matcher(framework: Framework) -> TitleMatcher:
    return TitleMatcher.for_framework(framework, lexicon=load_lexicon())


def test_the_unseen_titles_are_really_not_aliases(framework: Framework) -> None:
    aliases = {normalise_alias(a) for o in framework.origins for a in o.aliases}
    assert not aliases & {normalise_alias(t) for t in UNSEEN_TITLES}


@pytest.mark.parametrize("title, origin", sorted(UNSEEN_TITLES.items()))
def test_real_titles_outside_the_alias_lists_match_their_origin(
    matcher: TitleMatcher, title: str, origin: str
) -> None:
    match = matcher.match(title)
    assert match.matched, (title, match.suggestions)
    assert max(match.shares, key=match.shares.__getitem__) == origin


def test_every_alias_matches_its_own_origin(framework: Framework, matcher: TitleMatcher) -> None:
    for origin in framework.origins:
        for alias in origin.aliases:
            assert matcher.match(alias).shares.get(origin.id, 0) > 0.5, alias


@pytest.mark.parametrize("title", ["Chef", "Data Scientist", "Airline Pilot", "xyz", "!!!"])
def test_an_unknown_title_is_unmatched_never_guessed(matcher: TitleMatcher, title: str) -> None:
    match = matcher.match(title)
    assert not match.matched
    assert match.shares == {}


def test_an_unmatched_title_comes_with_suggestions(matcher: TitleMatcher) -> None:
    match = matcher.match("Data Scientist")
    assert match.suggestions
    assert any("Data" in s for s in match.suggestions)


def test_a_title_naming_two_origins_is_shared_between_them(matcher: TitleMatcher) -> None:
    match = matcher.match("Sales and Marketing Manager")
    assert set(match.shares) == {"sales", "marketing"}
    assert sum(match.shares.values()) == pytest.approx(1.0)


def test_normalisation_drops_seniority_numerals_and_expands_abbreviations() -> None:
    assert title_words("Sr. QA Eng II") == title_words("QA Engineer")
    assert title_words("Front-end developer") == title_words("Frontend Developer")
    assert title_words("Head of Sales & Marketing") == ("sale", "market")


@pytest.mark.parametrize("title", ["Chef", "Teacher", "Airline Pilot", "Nurse"])
def test_a_title_with_nothing_in_common_gets_no_noise_for_suggestions(
    matcher: TitleMatcher,
    title: str,
) -> None:
    assert matcher.match(title).suggestions == ()


def test_suggestions_share_a_word_with_the_title(matcher: TitleMatcher) -> None:
    suggestions = matcher.match("Growth Ninja").suggestions
    assert suggestions and all("Growth" in s for s in suggestions)
