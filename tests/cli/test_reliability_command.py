"""`pm-origins reliability`: alpha with its interval, omega, marginal, item-total r."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from pm_origins.framework import load_framework

# Six people answering four execution questions; execution_11 is reverse-keyed.
ITEMS = ("execution_01", "execution_02", "execution_03", "execution_11")
RAW = [
    [4, 5, 3, 2],
    [2, 3, 2, 5],
    [5, 4, 4, 1],
    [3, 3, 2, 3],
    [1, 2, 2, 4],
    [4, 4, 5, 2],
]


def test_the_items_and_key_are_what_the_hand_computation_assumes() -> None:
    framework = load_framework()
    assert [framework.item(i).reverse for i in ITEMS] == [False, False, False, True]
    assert {framework.item(i).competency for i in ITEMS} == {"execution"}


def test_it_reproduces_cronbachs_alpha_computed_by_hand(cli, tmp_path: Path) -> None:
    path = tmp_path / "responses.csv"
    path.write_text(
        ",".join(ITEMS) + "\n" + "".join(",".join(map(str, row)) + "\n" for row in RAW),
        encoding="utf-8",
    )
    # By hand: recode the reverse-keyed item (6 - x: 4, 1, 5, 3, 2, 4), then
    # alpha = k / (k - 1) * (1 - sum of item variances / variance of the totals).
    # Item variances 13/6, 1.1, 1.6, 13/6 sum to 7.0333; the totals 16, 8, 18,
    # 11, 7, 17 have variance 22.9667; alpha = 4/3 * (1 - 7.0333 / 22.9667) = 0.925.
    by_hand = 4 / 3 * (1 - (13 / 6 + 1.1 + 1.6 + 13 / 6) / (689 / 30))
    keyed = np.array(RAW, dtype=float)
    keyed[:, 3] = 6 - keyed[:, 3]
    assert keyed.sum(axis=1).var(ddof=1) == pytest.approx(689 / 30)

    result = cli("reliability", str(path), "--format", "json")

    assert result.exit_code == 0, result.output
    scale = json.loads(result.stdout)["competencies"]["execution"]
    assert round(scale["alpha"], 3) == round(by_hand, 3) == 0.925
    assert scale["n"] == 6
    low, high = scale["alpha_ci"]
    assert low < scale["alpha"] < high


def test_json_has_every_statistic_for_every_answered_competency(
    cli, simulated_csv, tmp_path: Path
) -> None:
    path = tmp_path / "responses.csv"
    item_ids = simulated_csv(path, ("innovation", "relationships"), 400)

    result = cli("reliability", str(path), "--format", "json")

    assert result.exit_code == 0, result.output
    competencies = json.loads(result.stdout)["competencies"]
    assert set(competencies) == {"innovation", "relationships"}
    for scale in competencies.values():
        assert set(scale) == {"alpha", "alpha_ci", "omega", "marginal", "n", "items"}
        assert 0 < scale["alpha"] < 1 and 0 < scale["omega"] < 1 and 0 < scale["marginal"] < 1
        assert scale["n"] == 400
    assert set(competencies["innovation"]["items"]) | set(
        competencies["relationships"]["items"]
    ) == set(item_ids)


@pytest.mark.parametrize("heading", ["Reliability per competency", "item-total correlations"])
def test_the_default_is_a_table(cli, simulated_csv, tmp_path: Path, heading: str) -> None:
    path = tmp_path / "responses.csv"
    simulated_csv(path, ("ux",), 200)

    result = cli("reliability", str(path))

    assert result.exit_code == 0, result.output
    assert heading in result.stdout
    assert "User Experience" in result.stdout
