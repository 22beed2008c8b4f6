"""Conservative title matching: generic words never place a title, real words are
never "corrected" into others, and department words decide the origin."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pm_origins.engine import TitleMatcher
from pm_origins.engine.titles import (
    KIND_ORIGIN,
    KIND_PRODUCT,
    KIND_UNMATCHED,
    REASON_GENERIC,
)
from pm_origins.framework import Framework, normalise_alias
from pm_origins.framework.lexicon import load_lexicon

GENERIC = ["engineer", "manager", "technical", "lead", "senior", "specialist", "consultant",
           "associate", "officer"]  # fmt: skip


@pytest.fixture(scope="module")
def matcher(framework: Framework) -> TitleMatcher:
    return TitleMatcher.for_framework(framework, lexicon=load_lexicon())


def _top(matcher: TitleMatcher, title: str) -> str | None:
    shares = matcher.match(title).shares
    return max(shares, key=shares.__getitem__) if shares else None


@pytest.mark.parametrize("word", GENERIC)
def test_one_generic_word_never_places_a_title(matcher: TitleMatcher, word: str) -> None:
    assert matcher.match(word.title()).kind == KIND_UNMATCHED


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(GENERIC), min_size=1, max_size=4))
def test_generic_words_place_a_title_only_as_a_whole_alias(
    framework: Framework, matcher: TitleMatcher, words: list[str]
) -> None:
    title = " ".join(words).title()
    match = matcher.match(title)
    if match.kind != KIND_UNMATCHED:
        # "Tech Lead", "Engineering Manager": the framework lists these words as a title.
        aliases = {
            frozenset(normalise_alias(a).replace("tech ", "technical ").split())
            for o in framework.origins
            for a in o.aliases
        }
        seniority = {"senior", "associate"}  # ranks, dropped as in "Associate Tech Lead"
        assert frozenset(w for w in words if w not in seniority) in aliases
    else:
        assert match.reason in {REASON_GENERIC, "no_match"}


@pytest.mark.parametrize(
    "title",
    ["Mechanical Engineer", "Technical Writer", "Accountant", "Support Engineer", "Test Pilot",
     "Test Kitchen Cook", "Fashion Designer", "Process Engineer", "Chef", "Data"],
)  # fmt: skip
def test_titles_outside_every_origin_stay_unplaced(matcher: TitleMatcher, title: str) -> None:
    assert matcher.match(title).kind == KIND_UNMATCHED


@pytest.mark.parametrize(
    "real_word, near_alias_word",
    [("mechanical", "technical"), ("accountant", "account"), ("programme", "programmer")],
)
def test_a_real_word_is_never_corrected_into_another(
    matcher: TitleMatcher, real_word: str, near_alias_word: str
) -> None:
    assert real_word in load_lexicon() or real_word == "programme"
    reading = matcher.read_words(f"{real_word} specialist")
    assert reading[0] != matcher.read_words(near_alias_word)[0]


def test_a_misspelt_word_that_is_no_real_word_is_corrected(matcher: TitleMatcher) -> None:
    assert _top(matcher, "Sofware Enginer") == "development"
    assert _top(matcher, "Markting Manager") == "marketing"


def test_without_a_lexicon_typos_are_not_guessed(framework: Framework) -> None:
    assert TitleMatcher.for_framework(framework).match("Markting Manager").kind == KIND_UNMATCHED


def test_programme_director_is_project_management_not_development(matcher: TitleMatcher) -> None:
    assert matcher.match("Programme Director").shares == {"project_management": 1.0}


def test_the_department_decides_and_a_builder_word_adds_a_share(matcher: TitleMatcher) -> None:
    match = matcher.match("Sales Engineer")
    assert match.kind == KIND_ORIGIN
    assert match.shares == pytest.approx({"sales": 0.7, "development": 0.3})


def test_a_builder_word_adds_nothing_where_the_origin_already_builds(
    matcher: TitleMatcher,
) -> None:
    assert matcher.match("QA Engineer").shares == {"qa": 1.0}


@pytest.mark.parametrize(
    "title, origin",
    [
        ("SRE", "development"),
        ("SDET", "qa"),
        ("BDR", "sales"),
        ("CSM", "sales"),
        ("Java Developer", "development"),
        ("iOS Engineer", "development"),
        ("Salesforce Admin", "business_analysis"),
        ("Sr. QA @ Google", "qa"),
        ("Software Engineer at Spotify", "development"),
        ("Softwareentwickler", "development"),
        ("Développeuse front-end", "development"),
        ("Analista de datos", "business_analysis"),
        ("Gerente de projetos", "project_management"),
        ("Projectleider", "project_management"),
    ],
)
def test_acronyms_technologies_employers_and_five_languages_are_read(
    matcher: TitleMatcher, title: str, origin: str
) -> None:
    assert _top(matcher, title) == origin


@pytest.mark.parametrize(
    "title", ["Product Owner", "Product Manager", "APM", "Head of Product", "Group PM",
              "Produktmanagerin", "Chef de produit"],
)  # fmt: skip
def test_product_titles_are_product_experience(matcher: TitleMatcher, title: str) -> None:
    match = matcher.match(title)
    assert match.kind == KIND_PRODUCT
    assert match.shares == {}


@pytest.mark.parametrize(
    "title, origin",
    [
        ("Product Marketing Manager", "marketing"),
        ("Product Designer", "ux_design"),
        ("Product Analyst", "business_analysis"),
    ],
)
def test_origin_titles_that_mention_product_keep_their_origin(
    matcher: TitleMatcher, title: str, origin: str
) -> None:
    assert _top(matcher, title) == origin


def test_suggestions_never_share_only_a_generic_word(matcher: TitleMatcher) -> None:
    for title in ("Operations Manager", "Senior Engineer Specialist", "Associate Officer"):
        assert matcher.match(title).suggestions == ()


def test_suggestions_never_repeat_a_title_in_another_spelling(matcher: TitleMatcher) -> None:
    suggestions = matcher.match("Programme Ninja").suggestions
    assert suggestions, "expected programme titles"
    shapes = {s.lower().replace("programme", "program") for s in suggestions}
    assert len(shapes) == len(suggestions)


def test_an_unplaced_title_names_its_closest_origins(matcher: TitleMatcher) -> None:
    match = matcher.match("Growth Ninja")
    assert match.kind == KIND_UNMATCHED
    assert match.closest[0] == "marketing"
