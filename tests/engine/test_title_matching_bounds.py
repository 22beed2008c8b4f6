"""Reading a title costs bounded work whatever it holds, and look-alike letters never match."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pm_origins.engine import EngineInputError, Role, TitleMatcher, evaluate, title_words
from pm_origins.engine.titles import (
    MAX_TITLE_WORDS,
    MAX_WORD_LENGTH,
    REASON_MIXED_SCRIPTS,
    normalise_title,
    within_one_edit,
)
from pm_origins.framework import Framework
from pm_origins.framework.lexicon import load_lexicon

# The inputs that took seconds before the bound: a symbol NFKC spells out in
# letters, one long word, and a repeated pattern.
HOSTILE = [
    "\u33ae" * 120,  # "rad/s" per character
    "\ufdfa" * 120,  # one character NFKC writes as 18
    "a" * 120,
    "abcdefghij" * 12,
    "enginer " * 15,
    " ".join(f"analyst{c}" for c in "abcdefghijklmnop"),
]


@pytest.fixture(scope="module")
def matcher(framework: Framework) -> TitleMatcher:
    # With the lexicon, as the product runs it: the typo index is in play.
    return TitleMatcher.for_framework(framework, lexicon=load_lexicon())


@pytest.mark.parametrize("title", HOSTILE)
def test_a_title_is_read_as_a_few_short_words(title: str) -> None:
    words = title_words(title)
    assert len(words) <= MAX_TITLE_WORDS
    assert all(len(word) <= MAX_WORD_LENGTH for word in words)


@pytest.mark.parametrize("title", HOSTILE)
def test_the_work_for_a_hostile_title_stays_under_the_bound(
    matcher: TitleMatcher, title: str
) -> None:
    assert matcher.match(title).work <= matcher.max_work


def test_the_bound_does_not_grow_with_the_title(matcher: TitleMatcher) -> None:
    short = matcher.match("Enginer " * 3).work
    long = matcher.match("Enginer " * 15).work
    assert long == short  # repeats are read once


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_any_text_is_read_within_the_bound(matcher: TitleMatcher, title: str) -> None:
    match = matcher.match(title)
    assert match.work <= matcher.max_work
    assert len(title_words(title)) <= MAX_TITLE_WORDS


@pytest.mark.parametrize(
    "title, origin",
    [
        ("ＱＡ Ｅｎｇｉｎｅｅｒ", "qa"),  # full-width letters
        ("𝐔𝐗 𝐃𝐞𝐬𝐢𝐠𝐧𝐞𝐫", "ux_design"),  # mathematical bold
        ("Soft\u00adware Engineer", "development"),  # a soft hyphen inside a word
    ],
)
def test_compatibility_forms_are_folded_before_matching(
    matcher: TitleMatcher, title: str, origin: str
) -> None:
    assert matcher.match(title).shares == {origin: 1.0}


@pytest.mark.parametrize(
    "title",
    [
        "Q\u0410 Engineer",  # Cyrillic capital A
        "S\u0430les Manager",  # Cyrillic small a
        "\u0392\u0391 Manager",  # Greek Beta Alpha, written to look like "BA"
        "UX D\u0435sign\u0435r",  # Cyrillic e twice
    ],
)
def test_a_title_mixing_look_alike_alphabets_is_unmatched(
    matcher: TitleMatcher, title: str
) -> None:
    match = matcher.match(title)
    assert not match.matched
    assert match.reason == REASON_MIXED_SCRIPTS
    assert match.suggestions == ()


def test_the_mixed_title_says_what_it_looks_like() -> None:
    normal = normalise_title("Q\u0410 Engineer")
    assert normal.mixed_scripts
    assert normal.looks_like == "qa engineer"


@pytest.mark.parametrize("title", ["Инженер", "Ingénieur logiciel", "Softwareentwickler"])
def test_a_title_in_one_alphabet_is_not_mixed(title: str) -> None:
    assert not normalise_title(title).mixed_scripts


def test_the_evaluation_names_a_mixed_title_and_why(framework: Framework) -> None:
    with pytest.raises(EngineInputError) as caught:
        evaluate(framework, [Role("Q\u0410 Engineer", 3)])
    assert "different alphabets" in caught.value.message


@pytest.mark.parametrize(
    "a, b, close",
    [
        ("manager", "manager", True),
        ("manger", "manager", True),  # a letter left out
        ("mannager", "manager", True),  # a letter doubled
        ("manafer", "manager", True),  # a letter replaced
        ("mangaer", "manager", True),  # two letters swapped
        ("mngr", "manager", False),
        ("mangre", "manager", False),
        ("", "a", True),
        ("ab", "ba", True),
        ("abc", "cab", False),
    ],
)
def test_one_edit_means_one_insertion_deletion_substitution_or_swap(
    a: str, b: str, close: bool
) -> None:
    assert within_one_edit(a, b) is close
    assert within_one_edit(b, a) is close
