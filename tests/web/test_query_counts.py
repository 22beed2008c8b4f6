"""Pages that list rows cost the same number of queries for 1 row as for 50.

Every admin change list, and "My results". A list that looks up a related row per
line (an N+1) fails here.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import count
from typing import Any

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.db import connection, models
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from pm_origins.web.accounts.models import User
from pm_origins.web.assessments.models import ActionProgress, Assessment, FrameworkSnapshot
from pm_origins.web.series import side_cache
from pm_origins.web.series.models import (
    Article,
    Comment,
    Feedback,
    FollowLink,
    NavLink,
    Series,
    SiteSettings,
    Tag,
    Widget,
)
from pm_origins.web.teams.models import (
    Cohort,
    CohortPerson,
    Membership,
    SecondOpinion,
    Team,
    TeamInvite,
    TeamShare,
)

from .assess_helpers import finished
from .conftest import make_user

SERIAL = count()


def _user() -> User:
    return make_user(f"person-{next(SERIAL)}@example.org")


def _series() -> Series:
    n = next(SERIAL)
    return Series.objects.create(title=f"Series {n}", slug=f"series-{n}")


def _article() -> Article:
    n = next(SERIAL)
    return Article.objects.create(
        series=_series(),
        title=f"A {n}",
        slug=f"a-{n}",
        summary="s",
        body="b",
        status=Article.Status.PUBLISHED,
    )


def _assessment() -> Assessment:
    return finished(_user())


def _snapshot() -> FrameworkSnapshot:
    n = next(SERIAL)
    return FrameworkSnapshot.objects.create(version=f"v{n}", data={})


def _progress() -> ActionProgress:
    assessment = _assessment()
    plan = (assessment.result or {})["plan"]
    return ActionProgress.objects.create(
        assessment=assessment, action_id=plan["phases"][0]["actions"][0]["id"]
    )


def _comment() -> Comment:
    n = next(SERIAL)
    return Comment.objects.create(
        article=_article(),
        user=_user(),
        name=f"N{n}",
        email=f"c{n}@example.org",
        body="Hi",
        body_html="<p>Hi</p>",
        fingerprint=f"f{n}",
    )


def _feedback() -> Feedback:
    n = next(SERIAL)
    return Feedback.objects.create(
        message=f"Idea {n}",
        email=f"f{n}@example.org",
        article=_article(),
        user=_user(),
        fingerprint=f"g{n}",
    )


def _tag() -> Tag:
    n = next(SERIAL)
    return Tag.objects.create(name=f"T{n}", slug=f"t-{n}")


def _link(model: type[NavLink] | type[FollowLink]) -> Callable[[], Any]:
    return lambda: model.objects.create(label=f"L{next(SERIAL)}", url="https://example.org/")


def _group() -> Group:
    return Group.objects.create(name=f"G{next(SERIAL)}")


def _widget() -> Widget:
    return Widget.objects.create(title=f"W{next(SERIAL)}", body="Text")


def _team() -> Team:
    return Team.objects.create(name=f"Team {next(SERIAL)}")


def _membership() -> Membership:
    return Membership.objects.create(team=_team(), user=_user(), name=f"M{next(SERIAL)}")


def _share() -> TeamShare:
    membership = _membership()
    return TeamShare.objects.create(membership=membership, assessment=finished(membership.user))


def _invite() -> TeamInvite:
    return TeamInvite.objects.create(team=_team(), expires_at=timezone.now())


def _cohort() -> Cohort:
    return Cohort.objects.create(coach=_user(), name=f"C{next(SERIAL)}", framework=_snapshot())


def _cohort_person() -> CohortPerson:
    return CohortPerson.objects.create(cohort=_cohort(), name="P", line=2, result={})


def _opinion() -> SecondOpinion:
    return SecondOpinion.objects.create(
        subject=_user(), framework=_snapshot(), relationship="peer", expires_at=timezone.now()
    )


def _queued_mail() -> DBTaskResult:
    # A row as the database task backend writes it when a mail is enqueued.
    return DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {"subject": "S", "body": "B", "to": "a@example.org"}},
        task_path="pm_origins.web.core.mail.deliver",
        backend_name="default",
        run_after=timezone.now(),
    )


@pytest.fixture(autouse=True)
def _database_task_queue(settings: Any) -> None:
    # The queued-task admin reads each row's task through the database backend, as deployed.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


MAKERS: dict[type[models.Model], Callable[[], Any]] = {
    User: _user,
    Assessment: _assessment,
    FrameworkSnapshot: _snapshot,
    ActionProgress: _progress,
    Series: _series,
    Tag: _tag,
    Article: _article,
    Comment: _comment,
    Feedback: _feedback,
    NavLink: _link(NavLink),
    FollowLink: _link(FollowLink),
    Widget: _widget,
    Team: _team,
    Membership: _membership,
    TeamShare: _share,
    TeamInvite: _invite,
    Cohort: _cohort,
    CohortPerson: _cohort_person,
    SecondOpinion: _opinion,
    Group: _group,
    DBTaskResult: _queued_mail,
}
SINGLETONS = {SiteSettings}  # one row by design


def queries(client: Client, url: str) -> int:
    side_cache.forget_version()  # count the side area's version read every time
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_every_admin_list_has_a_maker() -> None:
    assert set(admin.site._registry) - SINGLETONS == set(MAKERS)


@pytest.mark.parametrize(
    "model", sorted(MAKERS, key=lambda m: m.__name__), ids=lambda m: m.__name__
)
def test_an_admin_list_costs_the_same_for_1_and_50_rows(
    model: type[models.Model], staff_client: Client
) -> None:
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    MAKERS[model]()
    one = queries(staff_client, url)
    for _ in range(49):
        MAKERS[model]()
    assert queries(staff_client, url) == one


def test_my_results_costs_the_same_for_1_and_50_results(owner: User) -> None:
    client = Client()
    client.force_login(owner)
    finished(owner)
    client.get(reverse("assessments:mine"))  # warm the per-process framework cache
    one = queries(client, reverse("assessments:mine"))
    for _ in range(49):
        finished(owner)
    fifty = queries(client, reverse("assessments:mine"))
    assert fifty == one


def test_the_result_page_does_not_load_the_framework_snapshot(owner: User) -> None:
    assessment = finished(owner)
    client = Client()
    client.force_login(owner)
    url = reverse("assessments:result", args=[assessment.token])
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    assert not any("assessments_frameworksnapshot" in q["sql"] for q in captured)
