"""Compare: "then" and "now" with date and time, every column labelled with its result,
the change with its sign, and whether it goes beyond the bands."""

from __future__ import annotations

import datetime as dt
import re

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from pm_origins.reports import Score
from pm_origins.web.accounts.models import User
from pm_origins.web.assessments.models import Assessment
from pm_origins.web.assessments.presenters import beyond_bands

from .assess_helpers import finished

LOW = dict.fromkeys([f"analytics_0{n}" for n in range(1, 10)], 1)
HIGH = dict.fromkeys([f"analytics_0{n}" for n in range(1, 10)], 5)


def _at(assessment: Assessment, when: dt.datetime) -> None:
    Assessment.objects.filter(pk=assessment.pk).update(completed_at=when, created=when)


def _compare(client: Client, a: Assessment, b: Assessment) -> str:
    page = client.get(reverse("assessments:compare"), {"a": a.token, "b": b.token})
    assert page.status_code == 200
    return page.content.decode()


def test_columns_name_then_and_now_with_date_and_time(owner_client: Client, owner: User) -> None:
    then, now = finished(owner), finished(owner)
    when = timezone.make_aware(dt.datetime(2026, 3, 4, 9, 30))
    _at(then, when)
    _at(now, when + dt.timedelta(days=60, hours=5, minutes=15))

    html = _compare(owner_client, now, then)

    assert "Then, 4 Mar 2026, 09:30: score" in html
    assert "Then, 4 Mar 2026, 09:30: 90% band" in html
    assert "Now, 3 May 2026, 14:45: score" in html
    assert "Now, 3 May 2026, 14:45: 90% band" in html
    assert "Change, now minus then" in html and "Beyond the bands?" in html
    head = html[html.index('class="compare-table"') :]
    head = head[: head.index("</thead>")]
    for column in re.findall(r'<th scope="col">([^<]*)</th>', head)[1:]:
        assert re.search(r"Then|Now|now minus then|bands", column), column


def test_the_change_has_its_sign_and_says_when_it_is_beyond_the_bands(
    owner_client: Client, owner: User
) -> None:
    then = finished(owner, answers=LOW)
    now = finished(owner, answers=HIGH)

    html = _compare(owner_client, then, now)

    row = html[html.index('<th scope="row">Analytics</th>') :]
    row = row[: row.index("</tr>")]
    change = re.findall(r"<td>([^<]*)</td>", row)
    assert change[4].startswith("+"), row
    assert "Yes: a real change" in row


def test_no_change_is_not_called_beyond_the_bands(owner_client: Client, owner: User) -> None:
    then, now = finished(owner), finished(owner)

    html = _compare(owner_client, then, now)

    assert "Yes: a real change" not in html
    assert "No competency changed beyond its bands." in html


def test_beyond_the_bands_means_the_two_bands_do_not_overlap() -> None:
    def score(low: float, high: float) -> Score:
        return Score("ux", (low + high) / 2, low, high, 2, 5)

    assert beyond_bands(score(30, 45), score(50, 70))
    assert beyond_bands(score(50, 70), score(30, 45))
    assert not beyond_bands(score(30, 52), score(50, 70))
