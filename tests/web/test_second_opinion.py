"""Second opinions: a rater answers the same questions about someone, in the third
person, maybe anonymously; the answers belong to the person rated."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from pm_origins.engine import compare_opinions
from pm_origins.engine.scoring import CompetencyScore, Profile
from pm_origins.web.accounts import exports
from pm_origins.web.accounts.models import User
from pm_origins.web.teams import services
from pm_origins.web.teams.models import SecondOpinion

from .assess_helpers import finished
from .conftest import make_user


@pytest.fixture
def subject() -> User:
    return make_user("subject@example.org")


@pytest.fixture
def opinion(subject: User) -> SecondOpinion:
    return services.opinion_invite(subject=subject, relationship="mentor")


def test_the_rater_reads_the_questions_in_the_third_person(opinion: SecondOpinion) -> None:
    html = Client().get(reverse("teams:rate", args=[opinion.token])).content.decode()
    assert "They have put forward an idea for a new product" in html
    assert "I have suggested" not in html


def test_an_anonymous_raters_name_is_never_stored(opinion: SecondOpinion) -> None:
    Client().post(
        reverse("teams:rate", args=[opinion.token]),
        {"rater_name": "Secret Sam", "anonymous": "on", "ux_01": "4"},
    )
    opinion.refresh_from_db()
    assert opinion.submitted_at is not None and opinion.rater_name == ""
    assert "Secret Sam" not in str(SecondOpinion.objects.values().get(pk=opinion.pk))
    assert opinion.rater_label == "A mentor (anonymous)"


def test_a_named_rater_is_shown_by_name(opinion: SecondOpinion) -> None:
    Client().post(reverse("teams:rate", args=[opinion.token]), {"rater_name": "Ravi", "ux_01": "4"})
    opinion.refresh_from_db()
    assert opinion.rater_label == "Ravi"


def test_the_link_takes_answers_once(opinion: SecondOpinion) -> None:
    url = reverse("teams:rate", args=[opinion.token])
    Client().post(url, {"ux_01": "4", "anonymous": "on"})
    second = Client().post(url, {"ux_01": "1", "anonymous": "on"})
    assert second.status_code == 410
    opinion.refresh_from_db()
    assert opinion.answers == {"ux_01": 4}


def test_no_answer_at_all_is_refused_with_a_message(opinion: SecondOpinion) -> None:
    response = Client().post(reverse("teams:rate", args=[opinion.token]), {"anonymous": "on"})
    assert (
        response.status_code == 200 and "Answer at least one question" in response.content.decode()
    )


def test_blind_spots_and_hidden_strengths_are_where_bands_do_not_overlap() -> None:
    def score(c: str, mean: float, low: float, high: float) -> CompetencyScore:
        return CompetencyScore(c, mean, low, high, (high - low) / 3.29, answered=3)

    own = Profile(
        (score("ux", 80, 70, 90), score("analytics", 30, 20, 40), score("research", 50, 40, 60))
    )
    other = Profile(
        (score("ux", 50, 40, 65), score("analytics", 60, 45, 75), score("research", 55, 45, 65))
    )
    verdicts = {c.competency: c.verdict for c in compare_opinions(own, other)}
    assert verdicts == {"ux": "blind_spot", "analytics": "hidden_strength", "research": "agree"}


def test_the_subject_sees_self_against_other_with_both_bands(subject: User) -> None:
    finished(subject, title="UX Designer", answers={f"ux_0{i}": 5 for i in range(1, 9)})
    opinion = services.opinion_invite(subject=subject, relationship="peer")
    services.opinion_submit(
        opinion=opinion, answers={f"ux_0{i}": 1 for i in range(1, 9)}, anonymous=True
    )
    client = Client()
    client.force_login(subject)
    html = client.get(reverse("teams:opinion", args=[opinion.pk])).content.decode()
    assert "Blind spot" in html and "Your band" in html and "Their band" in html
    assert "Not rated" in html  # competencies the rater skipped say so


def test_the_answers_are_in_the_subjects_export_and_go_with_the_account(subject: User) -> None:
    opinion = services.opinion_invite(subject=subject, relationship="lead")
    services.opinion_submit(
        opinion=opinion, answers={"ux_01": 2}, rater_name="Lee", anonymous=False
    )
    exported = exports.collect(subject)["second_opinions"]
    assert exported[0]["answers"] == {"ux_01": 2} and exported[0]["rater"] == "Lee"
    subject.delete()
    assert not SecondOpinion.objects.exists()
