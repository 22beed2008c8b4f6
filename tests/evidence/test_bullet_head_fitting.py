"""The shipped head is what fitting on the training file gives, threshold included."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest

from pm_origins.evidence import SentenceEncoder
from pm_origins.evidence.bullets import LABELS, BulletHead, bundled_head
from pm_origins.evidence.fitting import (
    MAX_CALIBRATION_ABSTAIN,
    LabelledBullet,
    calibrate_threshold,
    fit_head,
    read_labelled_bullets,
    score_readings,
    targets,
)

TRAIN = Path(__file__).parents[1] / "data" / "resume_bullets_train.tsv"


def test_refitting_on_the_training_file_reproduces_the_shipped_head(
    encoder: SentenceEncoder,
) -> None:
    shipped = bundled_head()

    refit, scores = fit_head(read_labelled_bullets(TRAIN), encoder)

    assert refit.threshold == shipped.threshold
    assert np.allclose(refit.weights, shipped.weights, atol=1e-4)
    assert np.allclose(refit.bias, shipped.bias, atol=1e-4)
    assert scores.abstain_rate <= MAX_CALIBRATION_ABSTAIN


def test_a_head_survives_saving_and_loading() -> None:
    head = BulletHead(np.arange(14.0).reshape(2, 7), np.ones(7), 0.42)
    buffer = io.BytesIO()

    head.save(buffer)
    buffer.seek(0)
    again = BulletHead.load(buffer)

    assert np.array_equal(again.weights, head.weights)
    assert again.threshold == 0.42


def test_a_bullet_with_two_labels_is_fitted_mostly_towards_the_first() -> None:
    row = targets([LabelledBullet(("ux", "research"), "Ran usability studies")])[0]

    assert row[LABELS.index("ux")] == pytest.approx(0.7)
    assert row[LABELS.index("research")] == pytest.approx(0.3)
    assert row.sum() == pytest.approx(1.0)


def test_the_threshold_never_abstains_on_more_than_the_calibration_limit() -> None:
    bullets = [LabelledBullet(("ux",), "a"), LabelledBullet(("analytics",), "b")] * 10
    confident = np.zeros((20, 7))
    confident[::2, LABELS.index("ux")] = 0.9
    confident[1::2, LABELS.index("analytics")] = 0.35  # weak but right

    threshold, scores = calibrate_threshold(bullets, confident)

    assert threshold <= 0.35
    assert scores.abstain_rate == 0.0


def test_an_answered_none_bullet_counts_against_the_competency_named() -> None:
    bullets = [LabelledBullet(("none",), "Fluent in Dutch"), LabelledBullet(("ux",), "x")]

    scores = score_readings(bullets, [["ux"], ["ux"]])

    assert scores.macro_f1 < 1.0
    assert scores.none_abstain_rate == 0.0


def test_a_bad_line_in_a_labelled_file_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bullets.tsv"
    path.write_text("# comment\nux\tRedesigned a form\nmarketing\tRan ads\n", encoding="utf-8")

    with pytest.raises(ValueError, match=r"bullets.tsv:3"):
        read_labelled_bullets(path)
