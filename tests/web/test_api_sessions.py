"""Adaptive question sessions over the API: no account needed, a secret id that
expires, one answer per question asked, the report when done, saving as a result."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from django.utils import timezone
from tests.engine.simulate import moderate_parameters, raw_answers

from pm_origins.engine import BAND_Z, item_bank
from pm_origins.framework import ENV_VAR
from pm_origins.reports.data import CONTRACT_KEYS
from pm_origins.web.accounts.models import User
from pm_origins.web.assessments.adaptive import SESSION_EXPIRED, SESSION_NOT_FOUND
from pm_origins.web.assessments.models import Assessment, QuestionSession
from pm_origins.web.core.framework import current_framework

from .api_helpers import QA_ROLE, ApiClient, error_of, session_client, token_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _room_for_whole_sessions(settings: Any) -> None:
    # A script runs a whole session in seconds; the rate limits have their own tests.
    settings.API_ANON_RATE_LIMIT = settings.API_RATE_LIMIT = 10_000


def start(client: ApiClient, **body: Any) -> dict[str, Any]:
    response = client.post("/sessions", {"mode": "quick", **body})
    assert response.status_code == 201, response.content
    data: dict[str, Any] = response.json()
    return data


def answer(client: ApiClient, session_id: str, body: dict[str, Any]) -> Any:
    return client.post(f"/sessions/{session_id}/answers", body)


def run_to_the_end(
    client: ApiClient, data: dict[str, Any], choose: Any = lambda item: 4
) -> dict[str, Any]:
    while not data["done"]:
        item = data["next"]["item"]
        response = answer(client, data["id"], {"item": item, "answer": choose(item)})
        assert response.status_code == 200, response.content
        data = response.json()
    return data


def test_a_session_starts_without_an_account_with_its_first_question() -> None:
    data = start(ApiClient())
    assert len(data["id"]) >= 40  # 256 bits, URL-safe
    question = data["next"]
    framework = current_framework()
    item = next(i for i in framework.items if i.id == question["item"])
    assert question["text"] == item.text
    assert [o["value"] for o in question["options"]] == [1, 2, 3, 4, 5]
    assert data["done"] is False and data["result"] is None
    assert 1 <= data["questions_left"] < len(framework.items)


def test_answers_lead_to_the_next_question_and_finally_the_report() -> None:
    client = ApiClient()
    data = start(client, roles=[QA_ROLE], target="technical")
    seen = [data["next"]["item"]]
    data = answer(client, data["id"], {"item": seen[0], "answer": 5}).json()
    assert data["next"]["item"] not in seen and data["answered"] == 1
    final = run_to_the_end(client, data)
    assert final["next"] is None and final["questions_left"] == 0
    result = final["result"]
    assert set(CONTRACT_KEYS) <= set(result)
    assert result["plan"] is not None
    assert result["answers"][seen[0]] == 5
    assert len(result["answers"]) == final["answered"] < len(current_framework().items) / 2 + 10


def test_the_result_is_what_evaluate_gives_for_the_same_input() -> None:
    client = ApiClient()
    final = run_to_the_end(client, start(client, roles=[QA_ROLE]))
    stateless = client.post(
        "/evaluate", {"roles": [QA_ROLE], "answers": final["result"]["answers"]}
    ).json()
    assert final["result"] == stateless


def test_a_skipped_question_is_never_asked_again() -> None:
    client = ApiClient()
    data = start(client)
    skipped = data["next"]["item"]
    data = answer(client, data["id"], {"item": skipped, "skip": True}).json()
    asked = []
    while not data["done"]:
        asked.append(data["next"]["item"])
        data = answer(client, data["id"], {"item": asked[-1], "answer": 3}).json()
    assert skipped not in asked
    assert skipped not in data["result"]["answers"]


@pytest.mark.parametrize(
    "body",
    [
        {"item": "innovation_01", "answer": 6},
        {"item": "innovation_01", "answer": 0},
        {"item": "innovation_01", "answer": "3"},
        {"item": "innovation_01", "answer": 2.5},
        {"item": "innovation_01", "answer": True},
        {"item": "innovation_01"},
        {"item": "innovation_01", "answer": 3, "skip": True},
        {"item": "innovation_01", "skip": False},
        {"item": "innovation_01", "skip": None},
        {"item": "innovation_01", "answer": None},
        {"item": "innovation_01", "answer": 3, "extra": 1},
        {"answer": 3},
    ],
)
def test_a_malformed_move_is_refused_and_changes_nothing(body: dict[str, Any]) -> None:
    client = ApiClient()
    data = start(client)
    response = answer(client, data["id"], body)
    assert response.status_code == 422
    assert error_of(response) == "invalid"
    again = client.get(f"/sessions/{data['id']}").json()
    assert again["answered"] == 0 and again["next"] == data["next"]


def test_an_answer_to_a_question_not_asked_is_refused() -> None:
    client = ApiClient()
    data = start(client)
    other = next(i for i in item_bank(current_framework()).item_ids if i != data["next"]["item"])
    response = answer(client, data["id"], {"item": other, "answer": 3})
    assert response.status_code == 409 and error_of(response) == "conflict"
    assert "has not been asked" in response.json()["detail"]
    unknown = answer(client, data["id"], {"item": "nope_99", "answer": 3})
    assert unknown.status_code == 422 and error_of(unknown) == "invalid"
    assert "Unknown question id" in unknown.json()["errors"][0]["msg"]


def test_a_second_answer_is_refused_and_the_first_stands() -> None:
    client = ApiClient()
    data = start(client)
    item = data["next"]["item"]
    answer(client, data["id"], {"item": item, "answer": 2})
    response = answer(client, data["id"], {"item": item, "answer": 5})
    assert response.status_code == 409 and error_of(response) == "conflict"
    assert "already been answered" in response.json()["detail"]
    stored = QuestionSession.objects.get(key=data["id"]).state
    assert stored["answers"] == {item: 2}


def test_an_unknown_mode_or_target_is_refused() -> None:
    client = ApiClient()
    for body in ({"mode": "fast"}, {"mode": "quick", "target": "astronaut"}, {}):
        response = client.post("/sessions", body)
        assert response.status_code == 422 and error_of(response) == "invalid"
    assert not QuestionSession.objects.exists()


def test_an_unknown_id_is_not_found_and_an_expired_one_is_gone() -> None:
    client = ApiClient()
    missing = client.get("/sessions/" + "x" * 43)
    assert missing.status_code == 404 and missing.json()["detail"] == SESSION_NOT_FOUND
    data = start(client)
    QuestionSession.objects.filter(key=data["id"]).update(expires=timezone.now())
    gone = answer(client, data["id"], {"item": data["next"]["item"], "answer": 3})
    assert gone.status_code == 410 and error_of(gone) == "gone"
    assert gone.json()["detail"] == SESSION_EXPIRED
    assert client.get(f"/sessions/{data['id']}").status_code == 410
    # A week after it expired, it is deleted when another session starts.
    QuestionSession.objects.filter(key=data["id"]).update(
        expires=timezone.now() - timedelta(days=8)
    )
    start(client)
    assert client.get(f"/sessions/{data['id']}").status_code == 404


def test_a_session_lasts_a_day() -> None:
    data = start(ApiClient())
    record = QuestionSession.objects.get(key=data["id"])
    assert record.expires - record.created == pytest.approx(timedelta(hours=24), abs=timedelta(1))


def test_another_user_or_anonymous_cannot_use_someone_elses_session(
    owner: User, other_user: User
) -> None:
    mine = ApiClient(token_for(owner))
    data = start(mine)
    item = data["next"]["item"]
    for stranger in (ApiClient(token_for(other_user)), ApiClient(), session_client(other_user)):
        read = stranger.get(f"/sessions/{data['id']}")
        write = answer(stranger, data["id"], {"item": item, "answer": 3})
        assert read.status_code == write.status_code == 404
        assert read.json()["detail"] == SESSION_NOT_FOUND
    assert QuestionSession.objects.get(key=data["id"]).state["answers"] == {}
    assert answer(mine, data["id"], {"item": item, "answer": 3}).status_code == 200


def test_an_anonymous_session_is_usable_by_whoever_holds_the_id() -> None:
    data = start(ApiClient())
    other = ApiClient()
    assert answer(other, data["id"], {"item": data["next"]["item"], "answer": 4}).status_code == 200


def test_a_wrong_token_is_refused_not_taken_as_anonymous() -> None:
    response = ApiClient("pmo_not-a-real-token").post("/sessions", {"mode": "quick"})
    assert response.status_code == 401
    assert not QuestionSession.objects.exists()


def test_a_browser_session_needs_the_csrf_token_to_start(owner: User) -> None:
    refused = session_client(owner, send_csrf=False).post("/sessions", {"mode": "quick"})
    assert refused.status_code == 403
    accepted = session_client(owner).post("/sessions", {"mode": "quick"})
    assert accepted.status_code == 201
    assert QuestionSession.objects.get().owner == owner


def test_a_finished_session_is_saved_as_a_result(owner: User) -> None:
    client = ApiClient(token_for(owner))
    final = run_to_the_end(client, start(client, roles=[QA_ROLE], target="technical"))
    saved = client.post(f"/sessions/{final['id']}/result")
    assert saved.status_code == 201
    body = saved.json()
    assert body["result"] == final["result"] | {"format": body["result"]["format"]}
    assessment = Assessment.objects.get(token=body["id"])
    assert assessment.owner == owner and assessment.mode == "quick"
    assert set(assessment.asked) == set(final["result"]["answers"])
    assert client.get(f"/results/{body['id']}").status_code == 200
    assert client.get(f"/sessions/{final['id']}").status_code == 404  # closed once saved


def test_an_unfinished_session_cannot_be_saved_nor_saved_anonymously(owner: User) -> None:
    client = ApiClient(token_for(owner))
    data = start(client)
    early = client.post(f"/sessions/{data['id']}/result")
    assert early.status_code == 409 and error_of(early) == "conflict"
    anonymous = start(ApiClient())
    assert ApiClient().post(f"/sessions/{anonymous['id']}/result").status_code == 401
    assert not Assessment.objects.exists()


# Consistent simulated respondents at different levels ---------------------------------
# On a framework whose items differ, as fitted parameters do (the normal override file):
# with identical items, every level would be asked the same questions by design.


@pytest.fixture
def fitted_framework(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    framework = current_framework()
    a, b = moderate_parameters(len(framework.items), seed=21)
    lines = ["items:"]
    for item, discrimination, thresholds in zip(framework.items, a, b, strict=True):
        lines += [
            f"  - id: {item.id}",
            f"    discrimination: {discrimination:.3f}",
            f"    thresholds: [{', '.join(f'{t:.3f}' for t in thresholds)}]",
        ]
    path = tmp_path / "fitted.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(path))
    current_framework.cache_clear()
    yield
    current_framework.cache_clear()


def respondent(level: float, seed: int) -> dict[str, int]:
    """Answers to every question, drawn from the framework's own model for a person
    at `level` on every competency."""
    bank = item_bank(current_framework())
    theta = np.full((1, len(bank.item_ids)), level)
    raw = raw_answers(bank.discrimination, bank.thresholds, theta, bank.reverse, seed)[0]
    return {item: int(value) for item, value in zip(bank.item_ids, raw, strict=True)}


LEVELS = (-1.5, 0.0, 1.5)


def test_people_at_different_levels_get_different_questions_and_full_bank_scores(
    fitted_framework: None,
) -> None:
    """Each simulated person takes a quick session and an every-question session over
    the API; the quick estimate (EAP on the theta scale, the graded response model)
    must lie in the every-question estimate's 90% band."""
    client = ApiClient()
    total = len(current_framework().items)
    asked: dict[float, list[list[str]]] = {level: [] for level in LEVELS}
    inside, checks, counts = 0, 0, []
    for level in LEVELS:
        for seed in range(3):
            answers = respondent(level, seed=100 * seed + int(10 * level) + 50)
            quick = run_to_the_end(client, start(client), lambda item, a=answers: a[item])
            everything = run_to_the_end(
                client, start(client, mode="all"), lambda item, a=answers: a[item]
            )
            assert len(everything["result"]["answers"]) == total
            asked[level].append(list(quick["result"]["answers"]))
            counts.append(len(quick["result"]["answers"]))
            for mine, whole in zip(quick["estimates"], everything["estimates"], strict=True):
                inside += abs(mine["theta"] - whole["theta"]) <= BAND_Z * whole["se"]
                checks += 1
    # At most half of the bank on average.
    assert np.mean(counts) <= total / 2
    # Low and high respondents are asked different questions (not just fewer or more).
    low_first = {tuple(run[:12]) for run in asked[-1.5]}
    high_first = {tuple(run[:12]) for run in asked[1.5]}
    assert not low_first & high_first
    assert inside / checks >= 0.9


def test_a_users_sessions_are_in_their_export_and_go_with_their_account(
    owner: User, other_user: User
) -> None:
    client = ApiClient(token_for(owner))
    data = start(client)
    answer(client, data["id"], {"item": data["next"]["item"], "answer": 4})
    start(ApiClient(token_for(other_user)))
    exported = client.get("/export").json()["question_sessions"]
    assert [s["id"] for s in exported] == [data["id"]]
    assert exported[0]["state"]["answers"] == {data["next"]["item"]: 4}
    owner.delete()
    assert QuestionSession.objects.filter(key=data["id"]).count() == 0
    assert QuestionSession.objects.count() == 1
