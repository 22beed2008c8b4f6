"""Bad input to the find-your-origin forms: never a 500, nothing saved is lost, and
what people type is shown escaped wherever it appears."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from pm_origins.engine import Role
from pm_origins.web.assessments import services
from pm_origins.web.assessments.models import Assessment

from .assess_helpers import roles_post, start
from .xss import PAYLOADS, unescaped

text = st.text(st.characters(codec="utf-8"), max_size=300)
form_data = st.dictionaries(
    st.sampled_from(
        [
            "roles-TOTAL_FORMS",
            "roles-INITIAL_FORMS",
            "roles-0-title",
            "roles-0-years",
            "roles-0-years_ago",
            "roles-0-DELETE",
            "roles-1-title",
            "add_role",
            "move",
            "target",
            "innovation_01",
            "ux_01",
            "nope",
        ]
    ),
    st.one_of(text, st.integers(-(10**6), 10**6).map(str)),
    max_size=8,
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=form_data, step=st.sampled_from(["roles", "questions", "target"]))
def test_random_form_posts_never_give_a_server_error(
    client: Client, data: dict[str, str], step: str
) -> None:
    assessment = start(client)
    client.post(
        reverse("assessments:roles", args=[assessment.token]),
        roles_post([("QA Engineer", "3", "0")]),
    )
    args = [assessment.token, 1] if step == "questions" else [assessment.token]
    client.raise_request_exception = False
    response = client.post(reverse(f"assessments:{step}", args=args), data)
    assert response.status_code in {200, 302, 400}
    assessment.refresh_from_db()
    if step != "roles":  # the roles page may legitimately replace the roles
        assert [r["title"] for r in assessment.roles] == ["QA Engineer"]
    if assessment.step == Assessment.Step.COMPLETE:
        assert assessment.result is not None


@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
def test_a_hostile_job_title_is_escaped_on_every_page_that_shows_it(payload: str) -> None:
    title = f"QA Engineer {payload}"[:120]
    result = services.assessment_submit(
        user=None, roles=[Role(title, 4, origin="qa")], answers={}, target="generalist"
    )
    client = Client()
    page = client.get(reverse("assessments:result", args=[result.token])).content.decode()
    assert not unescaped(page)
    # The Markdown export stays inert when a CommonMark viewer renders it.
    markdown = client.get(reverse("assessments:export", args=[result.token, "md"]))
    assert not unescaped(MarkdownIt("commonmark").render(markdown.content.decode()))
    exported = json.loads(
        client.get(reverse("assessments:export", args=[result.token, "json"])).content
    )
    assert exported["roles"][0]["title"] == title


@pytest.mark.parametrize("payload", PAYLOADS[:10], ids=range(10))
def test_a_hostile_unmatched_title_is_escaped_in_the_error(client: Client, payload: str) -> None:
    assessment = start(client)
    page = client.post(
        reverse("assessments:roles", args=[assessment.token]),
        roles_post([(payload[:120], "3", "0")]),
    )
    assert page.status_code == 200
    assert not unescaped(page.content.decode())


def test_a_nul_byte_in_a_title_is_refused_politely(client: Client) -> None:
    assessment = start(client)
    page = client.post(
        reverse("assessments:roles", args=[assessment.token]),
        roles_post([("QA\x00 Engineer", "3", "0")]),
    )
    assert page.status_code == 200
    assert b"Null characters are not allowed" in page.content
