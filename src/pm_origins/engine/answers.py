"""Questionnaire answers checked against the framework, for callers that store them."""

from __future__ import annotations

from collections.abc import Mapping

from pm_origins.engine.scoring import answer_matrix, item_bank
from pm_origins.framework import Framework


def check_answers(framework: Framework, answers: Mapping[str, object]) -> dict[str, int]:
    """The answers as whole numbers, each on its item's scale.

    Raises:
        EngineInputError: an unknown question id or an answer off its scale.
    """
    answer_matrix(item_bank(framework), answers)
    return {item_id: int(value) for item_id, value in answers.items()}  # type: ignore[call-overload]
