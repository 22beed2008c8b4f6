"""`pm-origins assess --mode quick|full`: questions chosen one at a time."""

from __future__ import annotations

import json
from typing import Any

from pm_origins.engine import start_session
from pm_origins.framework import Framework


def script(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def report_in(output: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(output[output.index('{\n  "format"') :])
    return data


def test_quick_is_the_default_and_asks_what_the_engine_chooses(
    cli: Any, framework: Framework
) -> None:
    result = cli("assess", "--format", "json", input=script("", "5", "4", "s", "f", ""))
    assert result.exit_code == 0, result.output
    session = start_session(framework, "quick")
    first = session.next_item()
    session.answer(first, 5)
    second = session.next_item()
    session.answer(second, 4)
    skipped = session.next_item()
    assert report_in(result.stdout)["answers"] == {first: 5, second: 4}
    assert skipped not in report_in(result.stdout)["answers"]
    # Prompts are read from the whole output (stdout and stderr).
    assert "[question 1 · about " in result.output
    assert "Step 2 of 3: questions (quick)" in result.output


def test_answering_every_question_asked_in_quick_stops_early(
    cli: Any, framework: Framework
) -> None:
    result = cli("assess", "--mode", "quick", "--format", "json", input=script("", *["3"] * 80, ""))
    assert result.exit_code == 0, result.output
    answered = report_in(result.stdout)["answers"]
    session = start_session(framework, "quick")
    while (item := session.next_item()) is not None:
        session.answer(item, 3)
    assert list(answered) == session.asked
    assert len(answered) < len(framework.items)


def test_full_asks_at_least_as_many_as_quick(cli: Any) -> None:
    answers = script("", *["3"] * 80, "")
    quick = report_in(cli("assess", "--format", "json", input=answers).stdout)["answers"]
    full = report_in(cli("assess", "--mode", "full", "--format", "json", input=answers).stdout)
    assert len(full["answers"]) >= len(quick)


def test_back_revises_an_earlier_answer_and_enter_keeps_the_next(cli: Any) -> None:
    result = cli(
        "assess", "--format", "json", input=script("", "5", "4", "b", "b", "1", "", "f", "")
    )
    assert result.exit_code == 0, result.output
    answers = report_in(result.stdout)["answers"]
    assert sorted(answers.values()) == [1, 4]
    assert "[5, Enter keeps it]" in result.output


def test_a_long_qa_career_asks_fewer_questions(cli: Any) -> None:
    answers = ["3"] * 80
    population = report_in(cli("assess", "--format", "json", input=script("", *answers, "")).stdout)
    qa = report_in(
        cli(
            "assess", "--format", "json", input=script("QA Engineer", "10", "0", "", *answers, "")
        ).stdout
    )
    assert len(qa["answers"]) < len(population["answers"])


def test_an_unknown_mode_is_refused_with_the_choices(cli: Any) -> None:
    result = cli("assess", "--mode", "fast")
    assert result.exit_code == 2
    assert "quick" in result.output and "Traceback" not in result.output
