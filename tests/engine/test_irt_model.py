"""The graded response model's primitives: probabilities, information, keying."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from pm_origins.engine.irt import (
    category_probabilities,
    item_information,
    keyed_categories,
    log_category_probabilities,
)

A = np.array([0.8, 1.6, 2.4])
B = np.array([[-2.0, -1.0, 0.0, 1.0], [-1.0, -0.2, 0.6, 1.4], [-0.5, 0.0, 0.5, 1.0]])


@given(st.floats(min_value=-6, max_value=6))
def test_category_probabilities_sum_to_one_at_any_theta(theta: float) -> None:
    probabilities = category_probabilities(np.array([theta]), A, B)
    assert probabilities.shape == (1, 3, 5)
    np.testing.assert_allclose(probabilities.sum(axis=2), 1.0, atol=1e-9)


def test_a_higher_theta_makes_higher_answers_more_likely() -> None:
    probabilities = category_probabilities(np.array([-2.0, 0.0, 2.0]), A, B)
    expected = (probabilities * np.arange(5)).sum(axis=2)
    assert np.all(np.diff(expected, axis=0) > 0)


def test_information_equals_the_expected_curvature_of_the_log_likelihood() -> None:
    step = 1e-4
    for theta in (-1.5, 0.0, 0.7):
        log_p = [
            log_category_probabilities(np.array([t]), A, B)[0]
            for t in (theta - step, theta, theta + step)
        ]
        curvature = (log_p[2] - 2 * log_p[1] + log_p[0]) / step**2
        p = category_probabilities(np.array([theta]), A, B)[0]
        numeric = -(p * curvature).sum(axis=1)
        np.testing.assert_allclose(item_information(np.array([theta]), A, B)[0], numeric, rtol=1e-4)


def test_a_more_discriminating_item_carries_more_information_near_its_thresholds() -> None:
    information = item_information(np.array([0.25]), A, B)[0]
    assert information[2] > information[1] > information[0]


def test_reverse_keyed_answers_are_flipped_and_blanks_stay_blank() -> None:
    raw = np.array([[1.0, 5.0, np.nan], [4.0, 2.0, 3.0]])
    keyed = keyed_categories(raw, 5, np.array([False, True, True]))
    np.testing.assert_array_equal(keyed[1], [3.0, 3.0, 2.0])
    assert keyed[0, 0] == 0.0 and keyed[0, 1] == 0.0 and np.isnan(keyed[0, 2])
