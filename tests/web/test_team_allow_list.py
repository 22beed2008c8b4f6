"""What a lead sees of a member is the shared result's scores, origin and plan: nothing
else, on the page or on the API. Canaries planted everywhere else must not show."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from pm_origins.web.assessments.models import Assessment

from .api_helpers import ApiClient, token_for
from .assess_helpers import finished
from .team_helpers import World, make_world

CANARIES = {
    "role": "CANARY-ROLE-TITLE",
    "reason": "CANARY-REASON-ITEM",
    "advice": "CANARY-ADVICE-TEXT",
    "evidence": "CANARY-RESUME-EVIDENCE",
    "unshared": "CANARY-UNSHARED-ORIGIN",
    "answer": "canary_answer_item",
}


@pytest.fixture
def world() -> World:
    world = make_world()
    shared = world.member_result
    result = dict(shared.result or {})
    result["roles"] = [
        {
            "title": CANARIES["role"],
            "years": 3,
            "years_ago": 0,
            "weight": 3.0,
            "matched": True,
            "alias": None,
            "origins": {"qa": 1.0},
            "suggestions": [],
        }
    ]
    result["reasons"] = [
        {
            "competency": "ux",
            "prior": 50.0,
            "source": "history",
            "answers": [{"item": CANARIES["reason"], "answer": 5, "points": 3.0}],
        }
    ]
    result["advice"] = [{"competency": "ux", "origin": "qa", "text": CANARIES["advice"]}]
    result["evidence"] = [
        {
            "id": "b1",
            "text": CANARIES["evidence"],
            "role": CANARIES["role"],
            "competencies": [{"id": "ux", "score": 0.9}],
            "rejected": False,
        }
    ]
    result["answers"] = {CANARIES["answer"]: 5}
    shared.result = result
    shared.roles = [{"title": CANARIES["role"], "years": 3, "years_ago": 0}]
    shared.save()
    # A newer result the member did not share.
    unshared = finished(world.member, title="Account Executive")
    data = dict(unshared.result or {})
    data["blend"] = [{"id": "sales", "name": CANARIES["unshared"], "share": 1.0}]
    data["origins"] = data["blend"]
    Assessment.objects.filter(pk=unshared.pk).update(result=data)
    return world


def assert_clean(text: str, world: World) -> None:
    for name, canary in CANARIES.items():
        assert canary not in text, f"the {name} canary leaked"
    assert world.member.email not in text
    assert world.member_result.token not in text


def test_the_leads_page_holds_only_the_shared_result(world: World) -> None:
    page = world.client("lead").get(reverse("teams:team", args=[world.team.pk]))
    html = page.content.decode()
    assert page.status_code == 200 and "Mia" in html
    assert_clean(html, world)


def test_the_api_team_view_holds_only_the_allowed_fields(world: World) -> None:
    response = ApiClient(token_for(world.lead)).get(f"/teams/{world.team.pk}")
    body = response.json()
    assert_clean(json.dumps(body), world)
    assert body["pairs"], "the shared results were read, not dropped"
    mia = next(m for m in body["members"] if m["name"] == "Mia")
    assert set(mia) == {"name", "origins", "profile", "plan"}
    assert all(set(s) == {"score", "low", "high", "measured"} for s in mia["profile"].values())
    assert set(mia["plan"]) == {"target", "gaps", "actions"}
    assert mia["origins"][0]["name"] == "Quality Assurance"


def test_a_member_withdrawing_leaves_the_lead_nothing(world: World) -> None:
    member = world.client("member")
    member.post(reverse("teams:share", args=[world.team.pk]), {"action": "withdraw"})
    body = ApiClient(token_for(world.lead)).get(f"/teams/{world.team.pk}").json()
    assert [m["name"] for m in body["members"]] == [world.lead_membership.name]
    assert body["waiting"] == ["Mia"]
    assert all(point["members"] <= 1 for point in body["trend"])
