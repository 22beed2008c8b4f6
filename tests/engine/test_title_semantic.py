"""The semantic side of title matching, through a stand-in index (the real one needs the
model): used only when the rules leave a title unplaced, and only when it is sure."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from pm_origins.engine import TitleMatcher
from pm_origins.engine.titles import (
    KIND_ORIGIN,
    KIND_UNMATCHED,
    OTHER,
    SEMANTIC_MARGIN,
    SEMANTIC_THRESHOLD,
    VIA_SEMANTIC,
    title_targets,
)
from pm_origins.framework import Framework
from pm_origins.framework.lexicon import load_lexicon


class StandIn:
    """Answers every query with the same hits, and counts the queries."""

    def __init__(self, hits: Sequence[tuple[str, str, float]]) -> None:
        self.hits = tuple(hits)
        self.queries: list[str] = []

    def nearest(self, text: str) -> Sequence[tuple[str, str, float]]:
        self.queries.append(text)
        return self.hits


def _matcher(framework: Framework, index: StandIn) -> TitleMatcher:
    return TitleMatcher.for_framework(framework, lexicon=load_lexicon(), semantic=index)


SURE = SEMANTIC_THRESHOLD + 0.1


def test_a_title_the_rules_place_never_asks_the_index(framework: Framework) -> None:
    index = StandIn([("marketing", "Marketer", 0.99)])
    assert _matcher(framework, index).match("QA Engineer").shares == {"qa": 1.0}
    assert index.queries == []


def test_a_sure_hit_places_a_title_the_rules_could_not(framework: Framework) -> None:
    index = StandIn([("marketing", "Growth Hacker", SURE), ("sales", "Sales", 0.3)])
    match = _matcher(framework, index).match("Growth Specialist")
    assert (match.kind, match.shares, match.via) == (KIND_ORIGIN, {"marketing": 1.0}, VIA_SEMANTIC)
    assert index.queries == ["growth specialist"]


def test_a_hit_for_another_job_than_the_title_names_is_refused(framework: Framework) -> None:
    # "Ninja" is a real word no marketing title uses: the title names another job.
    index = StandIn([("marketing", "Growth Hacker", SURE)])
    assert _matcher(framework, index).match("Growth Ninja").kind == KIND_UNMATCHED


@pytest.mark.parametrize(
    "hits",
    [
        [("marketing", "Growth Hacker", SEMANTIC_THRESHOLD - 0.01)],  # not close enough
        [("marketing", "x", SURE), ("sales", "y", SURE - SEMANTIC_MARGIN / 2)],  # not clear
        [(OTHER, "Ninja", SURE), ("marketing", "Growth Hacker", 0.3)],  # another job
        [("qa", "Tester", SURE)],  # the title shares no word with QA's titles
    ],
)
def test_an_unsure_or_unsupported_hit_leaves_the_title_unplaced(
    framework: Framework, hits: list[tuple[str, str, float]]
) -> None:
    assert _matcher(framework, StandIn(hits)).match("Growth Specialist").kind == KIND_UNMATCHED


def test_generic_titles_are_never_sent_to_the_index(framework: Framework) -> None:
    index = StandIn([("development", "Software Engineer", 0.99)])
    assert _matcher(framework, index).match("Senior Engineer").kind == KIND_UNMATCHED
    assert index.queries == []


def test_the_index_embeds_every_alias_product_title_and_other_job(framework: Framework) -> None:
    targets = title_targets(framework)
    texts = {text for _, text in targets}
    assert {"QA Engineer", "Product Owner", "Mechanical Engineer"} <= texts
    assert {t for t, _ in targets} >= {o.id for o in framework.origins} | {"@product", OTHER}


def test_a_history_asks_the_index_for_a_few_titles_at_most(framework: Framework) -> None:
    from pm_origins.engine import Role, read_history
    from pm_origins.engine.history import MAX_MODEL_TITLES

    index = StandIn([("marketing", "Growth Hacker", 0.1)])
    roles = [Role(f"Growth Specialist {n}x", 1) for n in "abcdefghijklmnopqrst"]
    history = read_history(framework, roles, matcher=_matcher(framework, index))
    assert len(index.queries) == MAX_MODEL_TITLES
    assert sum(e.match.asked_model for e in history.evidence) == MAX_MODEL_TITLES
