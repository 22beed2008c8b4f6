"""The responses CSV: read with clear messages for every kind of bad file, written back alike."""

from __future__ import annotations

import numpy as np
import pytest

from pm_origins.engine import EngineInputError, read_responses, responses_csv
from pm_origins.engine.responses import MAX_RESPONDENTS
from pm_origins.framework import Framework, load_framework


@pytest.fixture(scope="module")
def framework() -> Framework:
    return load_framework()


def problem(framework: Framework, text: str) -> str:
    with pytest.raises(EngineInputError) as caught:
        read_responses(framework, text, source="answers.csv")
    return caught.value.message


def test_it_reads_answers_with_blanks_and_an_optional_respondent_column(
    framework: Framework,
) -> None:
    text = "respondent,ux_01,ux_02\nann,4,\nbob, 2 ,5\n\n"

    table = read_responses(framework, text)

    assert table.item_ids == ("ux_01", "ux_02")
    assert table.respondents == 2
    np.testing.assert_array_equal(table.answers, [[4.0, np.nan], [2.0, 5.0]])


def test_the_respondent_column_is_optional(framework: Framework) -> None:
    table = read_responses(framework, "ux_01,ux_02\n1,5\n")

    np.testing.assert_array_equal(table.answers, [[1.0, 5.0]])


def test_unknown_question_ids_are_named(framework: Framework) -> None:
    message = problem(framework, "ux_01,telepathy_01\n3,4\n")

    assert "'telepathy_01'" in message and "pm-origins framework show" in message


def test_a_repeated_column_is_refused(framework: Framework) -> None:
    assert "'ux_01' more than once" in problem(framework, "ux_01,ux_01\n3,4\n")


@pytest.mark.parametrize("cell", ["0", "6", "3.5", "x", "-1", "４"])
def test_answers_off_the_scale_say_where(framework: Framework, cell: str) -> None:
    message = problem(framework, f"ux_01,ux_02\n3,4\n2,{cell}\n")

    assert "whole numbers from 1 to 5" in message
    assert "line 3, 'ux_02'" in message


def test_ragged_rows_are_refused_with_their_line(framework: Framework) -> None:
    message = problem(framework, "ux_01,ux_02\n3,4\n2\n1,2,3\n")

    assert "every row needs 2 cells" in message
    assert "line 3 has 1" in message and "line 4 has 3" in message


@pytest.mark.parametrize("text", ["", "\n\n", "   \n"])
def test_an_empty_file_is_refused(framework: Framework, text: str) -> None:
    assert "is empty" in problem(framework, text)


def test_a_header_without_rows_is_refused(framework: Framework) -> None:
    assert "no rows of answers" in problem(framework, "ux_01,ux_02\n")


def test_semicolons_get_a_hint(framework: Framework) -> None:
    assert "separate the question ids with commas" in problem(framework, "ux_01;ux_02\n3;4\n")


def test_too_many_rows_are_refused(framework: Framework) -> None:
    text = "ux_01\n" + "3\n" * (MAX_RESPONDENTS + 1)

    assert "at most 100,000" in problem(framework, text)


def test_every_message_is_one_paragraph(framework: Framework) -> None:
    for text in ("", "ux_01,nope\n1,2\n", "ux_01,ux_02\n1\n", "ux_01\n9\n"):
        assert "\n" not in problem(framework, text)


def test_written_responses_read_back_the_same(framework: Framework) -> None:
    rows = [{"ux_01": 4, "ux_02": 1}, {"ux_02": 5}, {"ux_01": 2, "other": 3, "ux_02": True}]

    text = "".join(responses_csv(["ux_01", "ux_02"], rows))
    table = read_responses(framework, text)

    assert text.splitlines()[0] == "respondent,ux_01,ux_02"
    assert text.splitlines()[2] == "2,,5"
    np.testing.assert_array_equal(table.answers, [[4, 1], [np.nan, 5], [2, np.nan]])
