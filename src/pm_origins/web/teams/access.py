"""Who may reach a team, cohort or second opinion: the web pages and the API ask here.

Anyone else gets 404, so an outsider cannot even tell that the object exists.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404

from pm_origins.web.teams.models import Cohort, Membership, SecondOpinion

MAX_ID = 2**63 - 1  # a bigger number is no row's id, and PostgreSQL would refuse to compare it


def real_id(value: int) -> int:
    """The id, or 404 for one no database row can have."""
    if not 0 < value <= MAX_ID:
        raise Http404("No such object")
    return value


def membership_of(user: Any, team_id: int) -> Membership:
    """The caller's membership of the team, or 404: outsiders cannot tell it exists."""
    membership = (
        Membership.objects.select_related("team")
        .filter(team_id=real_id(team_id), user=user)
        .first()
        if user.is_authenticated
        else None
    )
    if membership is None:
        raise Http404("No such team")
    return membership


def lead_of(user: Any, team_id: int) -> Membership:
    membership = membership_of(user, team_id)
    if not membership.is_lead:
        raise Http404("No such team")
    return membership


def cohort_of(user: Any, cohort_id: int) -> Cohort:
    if not user.is_authenticated:
        raise Http404("No such cohort")
    return get_object_or_404(Cohort, pk=real_id(cohort_id), coach=user)


def opinion_of(user: Any, opinion_id: int) -> SecondOpinion:
    if not user.is_authenticated:
        raise Http404("No such second opinion")
    return get_object_or_404(SecondOpinion, pk=real_id(opinion_id), subject=user)
