"""Bad input to the team, cohort and rating pages never gives a 500: a message, or 404."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pm_origins.web.teams.models import Cohort, SecondOpinion, Team

from .api_helpers import ApiClient, token_for
from .team_helpers import World, make_world

# Lone surrogates are left out: no HTTP client can encode them to send.
texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300) | st.sampled_from(
    ["\x00", "a\x00b", "x" * 5000, ""]
)
keys = st.sampled_from(["ux_01", "execution_02", "nope", "", "anonymous"]) | st.text(
    st.characters(blacklist_categories=("Cs",)), max_size=20
)
SLOW = settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def world() -> World:
    return make_world()


@SLOW
@given(name=texts, targets=st.lists(texts, max_size=4), result=texts, action=texts)
def test_random_team_posts_never_500(
    world: World, name: str, targets: list[str], result: str, action: str
) -> None:
    lead = world.client("lead")
    team = world.team.pk
    for url, data in [
        (reverse("teams:list"), {"name": name}),
        (reverse("teams:targets", args=[team]), {"targets": targets}),
        (reverse("teams:share", args=[team]), {"result": result, "action": action}),
        (reverse("teams:join", args=[world.invite.token]), {"name": name}),
    ]:
        response = lead.post(url, data)
        assert response.status_code in {200, 302, 400}, (url, response.status_code)
    assert Team.objects.filter(pk=team).exists()


@SLOW
@given(content=st.binary(max_size=2000) | texts.map(lambda t: t.encode("utf-8", "replace")))
def test_random_cohort_files_never_500(world: World, content: bytes) -> None:
    before = Cohort.objects.count()
    file = SimpleUploadedFile("c.csv", b"name,roles,ux_01\n" + content)
    response = world.client("lead").post(reverse("teams:cohorts"), {"name": "C", "file": file})
    assert response.status_code in {200, 302}
    if response.status_code == 200:
        assert Cohort.objects.count() == before


@SLOW
@given(answers=st.dictionaries(keys, texts, max_size=6), name=texts)
def test_random_rater_posts_never_500(world: World, answers: dict[str, str], name: str) -> None:
    opinion = SecondOpinion.objects.create(
        subject=world.member,
        framework=world.opinion.framework,
        relationship="peer",
        expires_at=world.open_opinion.expires_at,
    )
    response = world.client("anonymous").post(
        reverse("teams:rate", args=[opinion.token]), {**answers, "rater_name": name}
    )
    assert response.status_code in {200, 410}


@pytest.mark.parametrize(
    "path",
    [
        "/teams/99999999999999999999/",
        "/teams/0/",
        "/cohorts/9223372036854775808/",
        "/me/second-opinions/18446744073709551616/",
        "/teams/1/members/99999999999999999999/remove/",
        "/join/%00/",
        "/rate/" + "x" * 500 + "/",
    ],
)
def test_impossible_ids_and_tokens_are_404_or_closed(world: World, path: str) -> None:
    response = (
        world.client("lead").post(path) if "remove" in path else world.client("lead").get(path)
    )
    assert response.status_code in {400, 404, 410}


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("get", "/teams/99999999999999999999", None),
        ("delete", "/teams/1/invites/99999999999999999999", None),
        ("post", "/teams", {"name": "a\x00b"}),
        ("post", "/teams", {"name": ""}),
        ("put", "/teams/1/targets", {"targets": ["astronaut"]}),
        ("put", "/teams/1/share", {"result_id": "x" * 65}),
        ("put", "/teams/1/share", {"result_id": "a\x00b"}),
        ("post", "/join", {"token": "a\x00b", "name": "A"}),
        ("post", "/join", {"token": "nope", "name": "A"}),
        ("post", "/second-opinions", {"relationship": "boss"}),
    ],
)
def test_bad_api_input_gets_an_error_body_not_a_500(
    world: World, method: str, path: str, body: object
) -> None:
    response = ApiClient(token_for(world.lead)).request(method, path, body)
    assert response.status_code in {404, 422}
