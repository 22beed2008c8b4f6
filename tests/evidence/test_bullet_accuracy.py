"""The bundled head reads held-out bullets well enough, and abstains rather than guess."""

from __future__ import annotations

from pathlib import Path

import pytest

from pm_origins.evidence import SentenceEncoder
from pm_origins.evidence.bullets import bundled_head
from pm_origins.evidence.fitting import BulletScores, evaluate_head, read_labelled_bullets

DATA = Path(__file__).parents[1] / "data"
TRAIN = DATA / "resume_bullets_train.tsv"
# Written before the head was designed, and after it was fixed (scored once), in turn.
HELD_OUT = (DATA / "resume_bullets_heldout.tsv", DATA / "resume_bullets_blind.tsv")


@pytest.fixture(scope="module", params=HELD_OUT, ids=lambda path: path.stem)
def held_out_scores(request: pytest.FixtureRequest, encoder: SentenceEncoder) -> BulletScores:
    return evaluate_head(bundled_head(), read_labelled_bullets(request.param), encoder)


def test_the_labelled_sets_are_big_enough_and_apart() -> None:
    train = read_labelled_bullets(TRAIN)
    held = [b for path in HELD_OUT for b in read_labelled_bullets(path)]
    every = train + held

    for label in ("innovation", "ux", "execution", "analytics", "research", "relationships"):
        assert sum(1 for b in every if b.main == label) >= 25, label
    assert sum(1 for b in every if b.main == "none") >= 30
    assert len(every) >= 180
    assert not {b.text for b in train} & {b.text for b in held}


def test_held_out_macro_f1_on_the_bullets_answered_is_at_least_0_90(
    held_out_scores: BulletScores,
) -> None:
    assert held_out_scores.macro_f1 >= 0.90, held_out_scores


def test_it_abstains_on_at_most_15_percent_of_held_out_competency_bullets(
    held_out_scores: BulletScores,
) -> None:
    assert held_out_scores.abstain_rate <= 0.15, held_out_scores


def test_held_out_bullets_that_show_no_competency_are_mostly_abstained_on(
    held_out_scores: BulletScores,
) -> None:
    assert held_out_scores.none_abstain_rate >= 0.85, held_out_scores
