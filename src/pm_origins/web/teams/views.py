from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from pm_origins.engine import questionnaire_order, third_person
from pm_origins.web.accounts.http import AuthenticatedRequest
from pm_origins.web.assessments.models import Assessment
from pm_origins.web.core.converters import is_token
from pm_origins.web.core.decorators import private
from pm_origins.web.core.framework import current_framework
from pm_origins.web.teams import services
from pm_origins.web.teams.access import (
    cohort_of,
    lead_of,
    membership_of,
    opinion_of,
    real_id,
)
from pm_origins.web.teams.forms import (
    CohortForm,
    JoinForm,
    OpinionInviteForm,
    RaterForm,
    ShareForm,
    TargetsForm,
    TeamForm,
)
from pm_origins.web.teams.models import Cohort, Membership, SecondOpinion, TeamInvite
from pm_origins.web.teams.presenters import opinion_rows, team_context


def _team_url(team_id: int, anchor: str = "") -> str:
    return reverse("teams:team", args=[team_id]) + (f"#{anchor}" if anchor else "")


# Teams ----------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def team_list(request: AuthenticatedRequest) -> HttpResponse:
    form = TeamForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            team = services.team_create(user=request.user, name=form.cleaned_data["name"])
        except services.TeamError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, "Team created. Make an invitation link for your members.")
            return redirect("teams:team", team_id=team.pk)
    memberships = Membership.objects.filter(user=request.user).select_related("team")
    return render(request, "teams/list.html", {"form": form, "memberships": memberships})


@require_safe
def team_page(request: HttpRequest, team_id: int) -> HttpResponse:
    membership = membership_of(request.user, team_id)
    team = membership.team
    framework = current_framework()
    view = services.team_view(team=team)
    mine = [
        (a.token, f"{a.completed_at:%d %b %Y, %H:%M}")
        for a in Assessment.objects.filter(
            owner=membership.user_id, step=Assessment.Step.COMPLETE
        ).order_by("-completed_at")[:20]
    ]
    mine_shared = next((c for c in view.cards if c["membership_id"] == membership.pk), None)
    context = team_context(view, framework, title=team.name) | {
        "team": team,
        "membership": membership,
        "is_lead": membership.is_lead,
        "total_members": len(view.cards) + len(view.waiting),
        "share_form": ShareForm(choices=mine),
        "my_share": mine_shared,
        "targets_form": TargetsForm(framework=framework, initial={"targets": team.target_roles}),
        "memberships": list(team.memberships.all()) if membership.is_lead else [],
        "invites": (
            [i for i in team.invites.all() if i.open_at(timezone.now())]
            if membership.is_lead
            else []
        ),
    }
    return render(request, "teams/team.html", context)


@require_POST
def team_targets(request: HttpRequest, team_id: int) -> HttpResponse:
    team = lead_of(request.user, team_id).team
    form = TargetsForm(request.POST, framework=current_framework())
    if form.is_valid():
        try:
            services.team_set_targets(team=team, role_ids=form.cleaned_data["targets"])
        except services.TeamError as exc:
            messages.error(request, exc.message)
    else:
        messages.error(request, "Choose target roles from the list.")
    return redirect(_team_url(team.pk, "gaps"))


@require_POST
def invite_create(request: HttpRequest, team_id: int) -> HttpResponse:
    team = lead_of(request.user, team_id).team
    try:
        services.invite_create(team=team)
    except services.TeamError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "A new invitation link is ready; it works for 7 days.")
    return redirect(_team_url(team.pk, "invites"))


@require_POST
def invite_revoke(request: HttpRequest, team_id: int, invite_id: int) -> HttpResponse:
    team = lead_of(request.user, team_id).team
    invite = get_object_or_404(TeamInvite, pk=real_id(invite_id), team=team)
    services.invite_revoke(invite=invite)
    messages.success(request, "The link is revoked; it no longer works.")
    return redirect(_team_url(team.pk, "invites"))


@require_POST
def share(request: HttpRequest, team_id: int) -> HttpResponse:
    membership = membership_of(request.user, team_id)
    if request.POST.get("action") == "withdraw":
        services.share_withdraw(membership=membership)
        messages.success(request, "Your results are withdrawn; the team no longer sees them.")
        return redirect(_team_url(team_id, "share"))
    token = str(request.POST.get("result", ""))
    assessment = (
        Assessment.objects.filter(token=token, owner=membership.user).first()
        if is_token(token)
        else None
    )
    try:
        if assessment is None:
            raise services.TeamError(services.NOT_YOUR_RESULT)
        services.share_set(membership=membership, assessment=assessment)
    except services.TeamError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Your team now sees this result.")
    return redirect(_team_url(team_id, "share"))


@require_POST
def leave(request: HttpRequest, team_id: int) -> HttpResponse:
    membership = membership_of(request.user, team_id)
    try:
        services.team_leave(membership=membership)
    except services.TeamError as exc:
        messages.error(request, exc.message)
        return redirect(_team_url(team_id))
    messages.success(request, "You left the team; what you shared went with you.")
    return redirect("teams:list")


@require_POST
def member_remove(request: HttpRequest, team_id: int, member_id: int) -> HttpResponse:
    team = lead_of(request.user, team_id).team
    member = get_object_or_404(Membership, pk=real_id(member_id), team=team)
    try:
        services.member_remove(membership=member)
    except services.TeamError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"{member.name} is no longer in the team.")
    return redirect(_team_url(team_id, "members"))


@require_POST
def team_delete(request: HttpRequest, team_id: int) -> HttpResponse:
    team = lead_of(request.user, team_id).team
    services.team_delete(team=team)
    messages.success(request, "The team is deleted. Members' own results are untouched.")
    return redirect("teams:list")


@login_required
@private
@require_http_methods(["GET", "POST"])
def join(request: AuthenticatedRequest, token: str) -> HttpResponse:
    invite = services.open_invite(token)
    if invite is None:
        return render(request, "teams/invite_closed.html", status=410)
    form = JoinForm(request.POST or None, initial={"name": request.user.display_name})
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.team_join(
                token=invite.token, user=request.user, name=form.cleaned_data["name"]
            )
        except services.TeamError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, "You joined the team. Choose the result it sees.")
            return redirect(_team_url(membership.team_id, "share"))
    return render(request, "teams/join.html", {"invite": invite, "form": form})


# Cohorts --------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def cohort_list(request: AuthenticatedRequest) -> HttpResponse:
    form = CohortForm(request.POST or None, request.FILES or None)
    problems: tuple[str, ...] = ()
    if request.method == "POST" and form.is_valid():
        try:
            cohort = services.cohort_import(
                coach=request.user, name=form.cleaned_data["name"], text=form.cleaned_data["file"]
            )
        except services.RosterError as exc:
            form.add_error(None, exc.message)
            problems = exc.problems
        except services.TeamError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, f"Imported {cohort.people.count()} people.")
            return redirect("teams:cohort", cohort_id=cohort.pk)
    cohorts = Cohort.objects.filter(coach=request.user)
    return render(
        request, "teams/cohorts.html", {"form": form, "cohorts": cohorts, "problems": problems}
    )


@require_safe
def cohort_page(request: HttpRequest, cohort_id: int) -> HttpResponse:
    cohort = cohort_of(request.user, cohort_id)
    framework = current_framework()
    view = services.cohort_view(cohort=cohort)
    context = team_context(view, framework, title=cohort.name) | {
        "cohort": cohort,
        "targets_form": TargetsForm(framework=framework, initial={"targets": cohort.target_roles}),
    }
    return render(request, "teams/cohort.html", context)


@require_POST
def cohort_targets(request: HttpRequest, cohort_id: int) -> HttpResponse:
    cohort = cohort_of(request.user, cohort_id)
    form = TargetsForm(request.POST, framework=current_framework())
    if form.is_valid():
        services.cohort_set_targets(cohort=cohort, role_ids=form.cleaned_data["targets"])
    else:
        messages.error(request, "Choose target roles from the list.")
    return redirect(reverse("teams:cohort", args=[cohort.pk]) + "#gaps")


@private
@require_safe
def cohort_export(request: HttpRequest, cohort_id: int) -> HttpResponse:
    cohort = cohort_of(request.user, cohort_id)
    response = HttpResponse(services.cohort_csv(cohort=cohort), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="cohort-{cohort.pk}.csv"'
    return response


@require_POST
def cohort_delete(request: HttpRequest, cohort_id: int) -> HttpResponse:
    services.cohort_delete(cohort=cohort_of(request.user, cohort_id))
    messages.success(request, "The cohort and everyone imported in it are deleted.")
    return redirect("teams:cohorts")


# Second opinions ------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def opinions(request: AuthenticatedRequest) -> HttpResponse:
    form = OpinionInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.opinion_invite(
            subject=request.user, relationship=form.cleaned_data["relationship"]
        )
        messages.success(request, "A link is ready: send it to the person you asked.")
        return redirect("teams:opinions")
    now = timezone.now()
    rows = [
        {"opinion": o, "open": o.open_at(now)}
        for o in SecondOpinion.objects.filter(subject=request.user)
    ]
    return render(request, "teams/opinions.html", {"form": form, "rows": rows})


@require_safe
def opinion_detail(request: HttpRequest, opinion_id: int) -> HttpResponse:
    opinion = opinion_of(request.user, opinion_id)
    if opinion.result is None:
        raise Http404("Not answered yet")
    own, comparisons = services.opinion_comparison(opinion=opinion)
    rows = opinion_rows(comparisons, current_framework())
    return render(request, "teams/opinion.html", {"opinion": opinion, "own": own, "rows": rows})


@require_POST
def opinion_delete(request: HttpRequest, opinion_id: int) -> HttpResponse:
    services.opinion_delete(opinion=opinion_of(request.user, opinion_id))
    messages.success(request, "Deleted.")
    return redirect("teams:opinions")


@private
@require_http_methods(["GET", "POST"])
def rate(request: HttpRequest, token: str) -> HttpResponse:
    opinion = services.open_opinion(token)
    if opinion is None:
        return render(request, "teams/rate_closed.html", status=410)
    framework = services.framework_for(opinion.framework_id)
    items = questionnaire_order(framework)
    texts = {i.id: third_person(i.text) for i in items}
    form = RaterForm(request.POST or None, framework=framework, items=items, texts=texts)
    if request.method == "POST" and form.is_valid():
        try:
            services.opinion_submit(
                opinion=opinion,
                answers=form.answers(),
                rater_name=form.cleaned_data["rater_name"],
                anonymous=form.cleaned_data["anonymous"],
            )
        except services.TeamError as exc:
            form.add_error(None, exc.message)
        else:
            return render(request, "teams/rate_done.html")
    return render(
        request,
        "teams/rate.html",
        {
            "form": form,
            "opinion": opinion,
            "questions": [form[i.id] for i in items],
        },
    )
