"""Team membership: invite links expire and can be revoked; members choose, change or
withdraw what the team sees; leads remove members; members leave."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pm_origins.web.assessments.models import Assessment
from pm_origins.web.teams import services
from pm_origins.web.teams.models import Membership, Team, TeamShare

from .assess_helpers import finished
from .team_helpers import World, make_world


@pytest.fixture
def world() -> World:
    return make_world()


def test_creating_a_team_makes_you_its_lead(world: World) -> None:
    response = world.client("outsider").post(reverse("teams:list"), {"name": "  Growth   team "})
    team = Team.objects.get(name="Growth team")
    assert response["Location"] == reverse("teams:team", args=[team.pk])
    assert Membership.objects.get(team=team).is_lead


def test_an_invite_link_lets_a_signed_in_person_join_with_the_name_they_choose(
    world: World,
) -> None:
    client = world.client("outsider")
    url = reverse("teams:join", args=[world.invite.token])
    assert "Join Checkout" in client.get(url).content.decode()
    response = client.post(url, {"name": "Olu"})
    assert response.status_code == 302
    assert Membership.objects.get(team=world.team, user=world.outsider).name == "Olu"
    client.post(url, {"name": "Olu again"})
    assert Membership.objects.filter(team=world.team, user=world.outsider).count() == 1


def test_an_expired_link_no_longer_works(world: World) -> None:
    world.invite.expires_at = timezone.now() - timedelta(seconds=1)
    world.invite.save()
    response = world.client("outsider").post(
        reverse("teams:join", args=[world.invite.token]), {"name": "Olu"}
    )
    assert response.status_code == 410
    assert not Membership.objects.filter(user=world.outsider).exists()
    with pytest.raises(services.TeamError, match="expired"):
        services.team_join(token=world.invite.token, user=world.outsider, name="Olu")


def test_a_revoked_link_stops_working_at_once(world: World) -> None:
    world.client("lead").post(reverse("teams:invite-revoke", args=[world.team.pk, world.invite.pk]))
    response = world.client("outsider").get(reverse("teams:join", args=[world.invite.token]))
    assert response.status_code == 410


def test_the_lead_makes_links_that_expire_in_a_week(world: World) -> None:
    world.client("lead").post(reverse("teams:invite", args=[world.team.pk]))
    newest = world.team.invites.first()
    assert newest is not None and newest.pk != world.invite.pk
    assert timedelta(days=6) < newest.expires_at - timezone.now() <= timedelta(days=7)


def test_a_member_changes_the_shared_result_and_the_team_sees_the_newer_one(
    world: World,
) -> None:
    newer = finished(world.member, title="UX Designer", answers={"ux_01": 5})
    world.client("member").post(
        reverse("teams:share", args=[world.team.pk]), {"result": newer.token}
    )
    view = services.team_view(team=world.team)
    mia = next(c for c in view.cards if c["name"] == "Mia")
    assert mia["origins"][0]["name"] == "UX Design"
    assert TeamShare.objects.filter(membership=world.membership).count() == 2


def test_a_member_cannot_share_a_result_that_is_not_theirs(world: World) -> None:
    world.client("member").post(
        reverse("teams:share", args=[world.team.pk]), {"result": world.lead_result.token}
    )
    assert not TeamShare.objects.filter(membership=world.membership, assessment=world.lead_result)
    with pytest.raises(services.TeamError):
        services.share_set(membership=world.membership, assessment=world.lead_result)


def test_withdrawing_takes_every_shared_result_off_the_team(world: World) -> None:
    newer = finished(world.member)
    services.share_set(membership=world.membership, assessment=newer)
    world.client("member").post(
        reverse("teams:share", args=[world.team.pk]), {"action": "withdraw"}
    )
    assert not TeamShare.objects.filter(membership=world.membership).exists()
    assert services.team_view(team=world.team).waiting == ["Mia"]


def test_the_lead_removes_a_member_and_what_they_shared_goes_with_them(world: World) -> None:
    world.client("lead").post(
        reverse("teams:member-remove", args=[world.team.pk, world.membership.pk])
    )
    assert not Membership.objects.filter(pk=world.membership.pk).exists()
    assert not TeamShare.objects.filter(assessment=world.member_result).exists()
    world.member_result.refresh_from_db()  # the member's own result stays theirs


def test_a_member_leaves_but_the_lead_cannot(world: World) -> None:
    world.client("lead").post(reverse("teams:leave", args=[world.team.pk]))
    assert Membership.objects.filter(pk=world.lead_membership.pk).exists()
    world.client("member").post(reverse("teams:leave", args=[world.team.pk]))
    assert not Membership.objects.filter(pk=world.membership.pk).exists()
    with pytest.raises(services.TeamError, match="lead cannot"):
        services.member_remove(membership=world.lead_membership)


def test_deleting_a_result_takes_it_off_the_team(world: World) -> None:
    world.member_result.delete()
    assert services.team_view(team=world.team).waiting == ["Mia"]


def test_the_team_page_shows_heat_map_profile_pairs_and_the_formula(world: World) -> None:
    html = world.client("member").get(reverse("teams:team", args=[world.team.pk])).content.decode()
    assert "<svg" in html and 'role="img"' in html and "heatmap-table" in html
    assert "Single points of failure" in html and "Team profile" in html
    assert "mentoring at most one person" in html
    assert "max over c of w_c" in html


def test_pairs_on_the_page_name_the_competency_why_and_a_first_action(world: World) -> None:
    view = services.team_view(team=world.team)
    assert view.analysis.pairs, "the two members complement each other"
    html = world.client("lead").get(reverse("teams:team", args=[world.team.pk])).content.decode()
    pair = view.analysis.pairs[0]
    assert pair.action is not None and pair.action.title in html
    assert "measured from answers" in html


def test_the_target_mix_sets_the_gaps(world: World) -> None:
    world.client("lead").post(
        reverse("teams:targets", args=[world.team.pk]), {"targets": ["technical", "growth_data"]}
    )
    world.team.refresh_from_db()
    assert world.team.target_roles == ["technical", "growth_data"]
    html = world.client("member").get(reverse("teams:team", args=[world.team.pk])).content.decode()
    assert "Technical PM, Growth / Data PM" in html


def test_change_over_time_follows_each_newer_share(world: World) -> None:
    earlier = TeamShare.objects.filter(membership=world.membership).get()
    earlier.shared_at = timezone.now() - timedelta(days=3)
    earlier.save()
    TeamShare.objects.filter(membership=world.lead_membership).update(
        shared_at=timezone.now() - timedelta(days=2)
    )
    newer = finished(world.member, title="UX Designer", answers={"ux_01": 5, "ux_02": 5})
    services.share_set(membership=world.membership, assessment=newer)
    trend = services.team_view(team=world.team).trend
    assert [p["members"] for p in trend] == [1, 2, 2]
    assert trend[-1]["mean"]["ux"] != trend[-2]["mean"]["ux"]


def test_only_the_latest_shares_are_kept_for_the_trend(world: World) -> None:
    for _ in range(services.SHARES_KEPT + 3):
        services.share_set(membership=world.membership, assessment=world.member_result)
    assert TeamShare.objects.filter(membership=world.membership).count() == services.SHARES_KEPT


def test_a_damaged_shared_result_shows_the_name_and_nothing_else(world: World) -> None:
    Assessment.objects.filter(pk=world.member_result.pk).update(result={"profile": "broken"})
    page = world.client("lead").get(reverse("teams:team", args=[world.team.pk]))
    assert page.status_code == 200
    mia = next(c for c in services.team_view(team=world.team).cards if c["name"] == "Mia")
    assert mia["profile"] == {} and mia["origins"] == [] and mia["plan"] is None


def test_the_saved_measured_flag_decides_who_can_mentor(world: World) -> None:
    before = services.team_view(team=world.team)
    assert any(before.members[p.mentor].name == "Mia" for p in before.analysis.pairs)
    result = dict(world.member_result.result or {})
    result["profile"] = {c: {**e, "measured": False} for c, e in result["profile"].items()}
    Assessment.objects.filter(pk=world.member_result.pk).update(result=result)
    view = services.team_view(team=world.team)
    mia = next(c for c in view.cards if c["name"] == "Mia")
    assert not any(s["measured"] for s in mia["profile"].values())
    assert all(view.members[p.mentor].name != "Mia" for p in view.analysis.pairs)
