from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from pm_origins.engine import EngineInputError, UnmatchedTitlesError, questionnaire_pages
from pm_origins.framework import Framework, UnknownId
from pm_origins.reports import ResultFormatError, render_markdown
from pm_origins.web.accounts.http import AuthenticatedRequest
from pm_origins.web.assessments import adaptive, services
from pm_origins.web.assessments.forms import (
    BaseRoleFormSet,
    QuestionPageForm,
    ResumeMailForm,
    RoleFormSet,
    TargetForm,
)
from pm_origins.web.assessments.models import ActionProgress, Assessment
from pm_origins.web.assessments.presenters import (
    Finished,
    comparison_context,
    framework_overview,
    history_context,
    paragraphs,
    result_context,
)
from pm_origins.web.core import pagecache
from pm_origins.web.core.converters import is_token
from pm_origins.web.core.decorators import private
from pm_origins.web.core.framework import current_framework
from pm_origins.web.core.net import client_ip

PAGE_SIZE = 8
# Buttons on the question pages that change how the rest is asked.
MODE_SWITCHES = {"every": Assessment.Mode.ALL, "adaptive": Assessment.Mode.QUICK}


def _assessment(request: HttpRequest, token: str, *, light: bool = False) -> Assessment:
    """The assessment behind a secret token, if this visitor may see it; else 404.

    ``light`` reads only the columns a result page needs to find its page in memory;
    the stored data (tens of KB of JSON) loads by itself if the page must be rendered.
    """
    if light:
        assessment = Assessment.light(token=token)
        if assessment is None:
            raise Http404("No such assessment")
    else:
        assessment = get_object_or_404(Assessment, token=token)
    if not assessment.visible_to(request.user):
        raise Http404("No such assessment")
    return assessment


def draft_step(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A step of an unfinished assessment: load it by token (or 404), and send a
    finished one to its result, which can no longer change."""

    @private
    @require_http_methods(["GET", "POST"])
    @wraps(view)
    def wrapper(request: HttpRequest, token: str, **kwargs: Any) -> HttpResponse:
        assessment = _assessment(request, token)
        if assessment.is_complete:
            return redirect("assessments:result", token=token)
        return view(request, assessment, **kwargs)

    return wrapper


def _pages(assessment: Assessment) -> tuple[Any, ...]:
    return questionnaire_pages(services.framework_of(assessment), PAGE_SIZE)


@require_http_methods(["GET", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        assessment = services.assessment_start(user=request.user, session=request.session)
        return redirect("assessments:roles", token=assessment.token)
    in_progress = services.unfinished_for(request.user, request.session)
    return render(request, "assessments/start.html", {"in_progress": in_progress})


@draft_step
def resume(request: HttpRequest, assessment: Assessment) -> HttpResponse:
    """Carry on an unfinished assessment at the step where it stopped."""
    token = assessment.token
    if assessment.step == Assessment.Step.ROLES and not assessment.answers:
        return redirect("assessments:roles", token=token)
    if assessment.step == Assessment.Step.TARGET:
        return redirect("assessments:target", token=token)
    if assessment.mode in adaptive.ADAPTIVE_MODES:
        if adaptive.session_of(assessment).done:
            return redirect("assessments:target", token=token)
        number = adaptive.next_question_number(assessment)
        return redirect("assessments:questions", token=token, page=number)
    pages = _pages(assessment)
    for number, items in enumerate(pages, start=1):
        if any(item.id not in assessment.answers for item in items):
            return redirect("assessments:questions", token=token, page=number)
    return redirect("assessments:target", token=token)


@draft_step
def saved(request: HttpRequest, assessment: Assessment) -> HttpResponse:
    """ "Save and finish later": the link to carry on, to copy or to mail to oneself."""
    form = ResumeMailForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        services.resume_link_send(
            assessment=assessment,
            email=form.cleaned_data["email"],
            ip=client_ip(request),
            site_url=request.build_absolute_uri("/").rstrip("/"),
        )
        messages.success(
            request,
            "The link is on its way to that address (if you asked for several in a short "
            "time, wait a while and try again).",
        )
        return redirect("assessments:saved", token=assessment.token)
    link = request.build_absolute_uri(reverse("assessments:resume", args=[assessment.token]))
    return render(
        request,
        "assessments/saved.html",
        {"assessment": assessment, "link": link, "form": form},
        status=400 if form.is_bound else 200,
    )


@draft_step
def roles(request: HttpRequest, assessment: Assessment) -> HttpResponse:
    framework = services.framework_of(assessment)
    problem = None
    if request.method == "POST":
        formset = RoleFormSet(request.POST, prefix="roles", framework=framework)
        if "add_role" in request.POST or "use_title" in request.POST:
            formset = _rebuilt(formset, request.POST.get("use_title", ""), framework)
        elif formset.is_valid() and formset.readings_seen():
            try:
                services.assessment_save_roles(assessment=assessment, roles=formset.roles())
            except (EngineInputError, services.AssessmentError) as exc:
                problem = _problem(exc)
            else:
                if "to_resume" in request.POST:
                    return redirect("resumes:resume", token=assessment.token)
                return redirect("assessments:questions", token=assessment.token, page=1)
    else:
        initial = assessment.roles or [{"years_ago": 0}]
        initial = [{**row, "read_title": row.get("title", "")} for row in initial]
        formset = RoleFormSet(prefix="roles", initial=initial, framework=framework)
    return render(
        request,
        "assessments/roles.html",
        {
            "assessment": assessment,
            "formset": formset,
            "rows": formset.rows(lambda pairs: services.read_titles(framework, pairs)),
            "aliases": sorted({a for o in framework.origins for a in o.aliases}),
            "problem": problem,
            "steps": _steps(assessment, "roles"),
        },
    )


def _rebuilt(formset: BaseRoleFormSet, use_title: str, framework: Framework) -> BaseRoleFormSet:
    """The rows typed so far, unsaved: one more empty row ("Add another role"), or a
    suggested title put in place of the typed one ("index:Title")."""
    rows = _rows_for_more(formset)
    index, _, title = use_title.partition(":")
    if index.isdigit() and int(index) < len(rows) - 1 and title:
        rows[int(index)]["title"] = title[:120]
        rows = rows[:-1]
    formset = RoleFormSet(prefix="roles", initial=rows, framework=framework)
    if not use_title:
        formset.forms[-1].fields["title"].widget.attrs["autofocus"] = True
    return formset


def _rows_for_more(formset: Any) -> list[dict[str, Any]]:
    """The rows typed so far (valid or not) plus one empty row, for "add another role"."""
    rows = []
    for form in formset.forms:
        data = {name: form[name].value() for name in ("title", "years", "years_ago", "origin")}
        if form["DELETE"].value() or not any(data.values()):
            continue
        rows.append({**data, "read_title": form["read_title"].value()})
    return [*rows, {"years_ago": 0}]


def _problem(exc: Exception) -> dict[str, Any]:
    if isinstance(exc, UnmatchedTitlesError):
        return {
            "message": "We could not place some job titles. Pick a suggested title, or "
            "choose the origin closest to that job beside it.",
            "unmatched": exc.unmatched,
        }
    return {"message": getattr(exc, "message", str(exc)), "unmatched": ()}


@draft_step
def questions(request: HttpRequest, assessment: Assessment, page: int) -> HttpResponse:
    if assessment.mode in adaptive.ADAPTIVE_MODES:
        return _adaptive_question(request, assessment, page)
    pages = _pages(assessment)
    if not 1 <= page <= len(pages):
        raise Http404("No such page")
    framework = services.framework_of(assessment)
    items = pages[page - 1]
    if request.method == "POST":
        form = QuestionPageForm(request.POST, framework=framework, items=items)
        if form.is_valid():
            given, blank = form.answers()
            services.assessment_save_answers(assessment=assessment, answers=given, cleared=blank)
            return _after_page(request, assessment, page, len(pages))
    else:
        form = QuestionPageForm(
            framework=framework,
            items=items,
            initial={i.id: assessment.answers.get(i.id) for i in items},
        )
    answered = len(assessment.answers)
    names = {c.id: c.name for c in framework.competencies}
    rows = [(form[item.id], names[item.competency]) for item in items]
    return render(
        request,
        "assessments/questions.html",
        {
            "assessment": assessment,
            "form": form,
            "rows": rows,
            "page": page,
            "page_count": len(pages),
            "answered": answered,
            "item_count": sum(len(p) for p in pages),
            "steps": _steps(assessment, "questions"),
        },
    )


def _adaptive_question(request: HttpRequest, assessment: Assessment, number: int) -> HttpResponse:
    """Question `number` in the order asked: an earlier one (to change its answer), or
    the next one the engine chooses. A blank answer skips the question for good."""
    session = adaptive.session_of(assessment)
    given = len(session.asked)
    if not 1 <= number <= given + 1:
        raise Http404("No such question")
    item_id = session.asked[number - 1] if number <= given else session.next_item()
    if item_id is None:
        return redirect("assessments:target", token=assessment.token)
    framework = services.framework_of(assessment)
    item = next(i for i in framework.items if i.id == item_id)
    if request.method == "POST":
        form = QuestionPageForm(request.POST, framework=framework, items=(item,))
        if form.is_valid():
            answer = form.answers()[0].get(item_id)
            return _after_question(request, assessment, number, item_id, answer, number <= given)
    else:
        form = QuestionPageForm(
            framework=framework, items=(item,), initial={item_id: session.answers.get(item_id)}
        )
    left = session.questions_after(item_id)
    return render(
        request,
        "assessments/question.html",
        {
            "assessment": assessment,
            "form": form,
            "field": form[item_id],
            "competency": framework.competency(item.competency).name,
            "number": number,
            "left": left,
            "total": number + left,
            "answered": len(session.answers),
            "quick": assessment.mode == Assessment.Mode.QUICK,
            "steps": _steps(assessment, "questions"),
        },
    )


def _after_question(
    request: HttpRequest,
    assessment: Assessment,
    number: int,
    item_id: str,
    answer: int | None,
    revise: bool,
) -> HttpResponse:
    move = request.POST.get("move", "next")
    if move == "next" or answer is not None:  # a blank is a skip only on "Next"
        session = adaptive.assessment_answer(
            assessment=assessment, item=item_id, answer=answer, revise=revise
        )
    else:
        session = adaptive.session_of(assessment)
    token = assessment.token
    if move in MODE_SWITCHES:
        return _switch_mode(assessment, MODE_SWITCHES[move])
    if move == "back":
        if number == 1:
            return redirect("assessments:roles", token=token)
        return redirect("assessments:questions", token=token, page=number - 1)
    if move == "save":
        return redirect("assessments:saved", token=token)
    if move == "finish" or session.done:
        return redirect("assessments:target", token=token)
    return redirect("assessments:questions", token=token, page=number + 1)


def _switch_mode(assessment: Assessment, mode: str) -> HttpResponse:
    """Ask the rest another way (the page's answers are already saved)."""
    adaptive.assessment_set_mode(assessment=assessment, mode=mode)
    return redirect("assessments:questions", token=assessment.token, page=1)


def _last_question_page(assessment: Assessment) -> int:
    """The page "back" from the target step goes to: the last page, or the last question."""
    if assessment.mode in adaptive.ADAPTIVE_MODES:
        return max(1, len(adaptive.session_of(assessment).asked))
    return len(_pages(assessment))


def _after_page(
    request: HttpRequest, assessment: Assessment, page: int, page_count: int
) -> HttpResponse:
    move = request.POST.get("move", "next")
    if move in MODE_SWITCHES:
        return _switch_mode(assessment, MODE_SWITCHES[move])
    if move == "back":
        if page == 1:
            return redirect("assessments:roles", token=assessment.token)
        return redirect("assessments:questions", token=assessment.token, page=page - 1)
    if move == "save":
        return redirect("assessments:saved", token=assessment.token)
    if move == "finish" or page == page_count:
        return redirect("assessments:target", token=assessment.token)
    return redirect("assessments:questions", token=assessment.token, page=page + 1)


@draft_step
def target(request: HttpRequest, assessment: Assessment) -> HttpResponse:
    token = assessment.token
    framework = services.framework_of(assessment)
    problem = None
    if request.method == "POST":
        form = TargetForm(request.POST, framework=framework)
        if form.is_valid():
            try:
                services.assessment_complete(
                    assessment=assessment, target=form.cleaned_data["target"] or None
                )
            except (EngineInputError, services.AssessmentError) as exc:
                problem = _problem(exc)
            else:
                return redirect("assessments:result", token=token)
    else:
        form = TargetForm(framework=framework, initial={"target": assessment.target})
    return render(
        request,
        "assessments/target.html",
        {
            "assessment": assessment,
            "form": form,
            "problem": problem,
            "target_roles": framework.roles,
            "pages": _last_question_page(assessment),
            "steps": _steps(assessment, "target"),
        },
    )


def _steps(assessment: Assessment, current: str) -> list[dict[str, Any]]:
    names = [("roles", "Your roles"), ("questions", "Questions"), ("target", "Target role")]
    return [{"id": key, "name": name, "current": key == current} for key, name in names]


def _done(assessment: Assessment) -> frozenset[str]:
    return frozenset(
        ActionProgress.objects.filter(assessment=assessment).values_list("action_id", flat=True)
    )


def _unreadable(request: HttpRequest, error: ResultFormatError) -> HttpResponse:
    return render(request, "assessments/unreadable.html", {"message": error.message}, status=422)


def _result_page(request: HttpRequest, assessment: Assessment, *, owner_view: bool) -> HttpResponse:
    """A saved result's page, rendered once per situation and then served from memory.

    The key holds all the page depends on: the result (immutable but for its share
    link), its ticks and who may make them, and what `page_key` adds for every page.
    The stored result is read only to render a page not yet in memory.
    """
    may_track = owner_view and assessment.may_track(
        request.user, services.guest_tokens(request.session)
    )
    done = _done(assessment) if may_track else frozenset()
    key = pagecache.page_key(
        request,
        "result",
        assessment.pk,
        assessment.token,
        assessment.share_token,
        assessment.show_answers,
        owner_view,
        may_track,
        tuple(sorted(done)),
    )

    def context() -> dict[str, Any]:
        return result_context(
            assessment,
            services.result_of(assessment),
            services.framework_of(assessment),
            owner_view=owner_view,
            may_track=may_track,
            done=done,
        )

    try:
        page = pagecache.render_cached(request, "assessments/result.html", key, context)
    except ResultFormatError as error:
        return _unreadable(request, error)
    return HttpResponse(page)


@private
@require_safe
def result(request: HttpRequest, token: str) -> HttpResponse:
    assessment = _assessment(request, token, light=True)
    if assessment.step != Assessment.Step.COMPLETE:
        return redirect("assessments:roles", token=token)
    return _result_page(request, assessment, owner_view=True)


@private
@require_safe
def shared(request: HttpRequest, share_token: str) -> HttpResponse:
    assessment = Assessment.light(share_token=share_token)
    if assessment is None or assessment.step != Assessment.Step.COMPLETE:
        raise Http404("No such result")
    return _result_page(request, assessment, owner_view=False)


@private
@require_safe
def export(request: HttpRequest, token: str, fmt: str) -> HttpResponse:
    assessment = _assessment(request, token)
    if not assessment.is_complete:
        raise Http404("No result yet")
    filename = f"pm-origins-{assessment.created:%Y-%m-%d}"
    if fmt == "json":
        # The result exactly as it was saved: the one truth every other view reads.
        response: HttpResponse = JsonResponse(assessment.result, json_dumps_params={"indent": 2})
    else:
        try:
            text = render_markdown(
                services.result_of(assessment), services.framework_of(assessment)
            )
        except ResultFormatError as error:
            return _unreadable(request, error)
        response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


@require_POST
def share(request: HttpRequest, token: str) -> HttpResponse:
    assessment = _assessment(request, token)
    try:
        action = request.POST.get("action")
        if action == "revoke":
            services.share_revoke(assessment=assessment)
            messages.success(request, "The share link is revoked; it no longer works.")
        elif action in ("show_answers", "hide_answers"):
            show = action == "show_answers"
            services.share_set_answers(assessment=assessment, show=show)
            messages.success(
                request,
                "The shared page now shows your roles and individual answers."
                if show
                else "The shared page no longer shows your roles and individual answers.",
            )
        else:
            services.share_create(assessment=assessment)
            messages.success(request, "Anyone with the share link can now read this result.")
    except services.AssessmentError as exc:
        messages.error(request, exc.message)
    return redirect(reverse("assessments:result", args=[token]) + "#share")


@private
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, token: str) -> HttpResponse:
    """Deleting asks first: a page that says what goes, and a button that confirms.
    A post without the confirmation (an old form, a stray click) only shows that page."""
    assessment = _assessment(request, token)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        services.assessment_delete(assessment=assessment)
        messages.success(request, "The result is deleted.")
        return redirect("assessments:mine" if request.user.is_authenticated else "assessments:home")
    if request.method == "POST":
        return redirect("assessments:delete", token=token)
    when = assessment.completed_at or assessment.created
    return render(request, "assessments/delete.html", {"assessment": assessment, "when": when})


@require_POST
def action_done(request: HttpRequest, token: str, action_id: str) -> HttpResponse:
    assessment = _assessment(request, token)
    if not assessment.may_track(request.user, services.guest_tokens(request.session)):
        raise Http404("Only the owner of this result can track its actions")
    try:
        services.action_set_done(
            assessment=assessment, action_id=action_id, done=request.POST.get("done") == "1"
        )
    except services.AssessmentError as exc:
        messages.error(request, exc.message)
    return redirect(reverse("assessments:result", args=[token]) + f"#action-{action_id}")


@require_POST
def retake(request: HttpRequest, token: str) -> HttpResponse:
    """Take it again, from this result's roles, answers and target ("previous", the
    default) or from nothing ("fresh"): the person chooses."""
    source = _assessment(request, token)
    fresh = request.POST.get("start") == "fresh"
    assessment = services.assessment_start(
        user=request.user,
        session=request.session,
        copy_roles_from=None if fresh else source,
        copy_answers=not fresh,
    )
    return redirect("assessments:roles", token=assessment.token)


def _finished(assessments: list[Assessment]) -> list[Finished]:
    """Finished results read under their own frameworks, leaving out any that cannot be read."""
    out = []
    for assessment in assessments:
        try:
            out.append(
                Finished(
                    assessment, services.result_of(assessment), services.framework_of(assessment)
                )
            )
        except ResultFormatError:
            continue  # listed on its own page with the reason; not charted here
    return out


@login_required
@require_safe
def mine(request: AuthenticatedRequest) -> HttpResponse:
    assessments = list(Assessment.objects.filter(owner=request.user).order_by("created"))
    finished = _finished([a for a in assessments if a.is_complete])
    drafts = [a for a in assessments if not a.is_complete]
    return render(request, "assessments/mine.html", history_context(finished, drafts))


@login_required
@require_safe
def compare(request: AuthenticatedRequest) -> HttpResponse:
    tokens = [request.GET.get("a", ""), request.GET.get("b", "")]
    if not all(map(is_token, tokens)):
        raise Http404("Choose two of your own results")
    found = {
        a.token: a
        for a in Assessment.objects.filter(
            owner=request.user, token__in=tokens, step=Assessment.Step.COMPLETE
        )
    }
    if any(t not in found for t in tokens):
        raise Http404("Choose two of your own results")
    ordered = sorted((found[t] for t in tokens), key=lambda a: a.created)
    readable = _finished(ordered)
    if len(readable) < len(set(tokens)):
        return _unreadable(request, ResultFormatError("one of the two results cannot be read"))
    earlier, later = readable[0], readable[-1]
    return render(request, "assessments/compare.html", comparison_context(earlier, later))


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "assessments/home.html", framework_overview(current_framework()))


@require_safe
def origin_detail(request: HttpRequest, origin_id: str) -> HttpResponse:
    framework = current_framework()
    try:
        origin = framework.origin(origin_id)
    except UnknownId:
        raise Http404("No such origin") from None
    names = {c.id: c for c in framework.competencies}
    advice = [
        (names[w], [a.text for a in origin.advice if a.competency == w]) for w in origin.weaknesses
    ]
    return render(
        request,
        "assessments/origin.html",
        {
            "origin": origin,
            "strengths": [names[c] for c in origin.strengths],
            "weaknesses": [names[c] for c in origin.weaknesses],
            "advice": advice,
            "story": paragraphs(origin.story),
            "origins": framework.origins,
        },
    )


@require_safe
def competency_detail(request: HttpRequest, competency_id: str) -> HttpResponse:
    framework = current_framework()
    try:
        competency = framework.competency(competency_id)
    except UnknownId:
        raise Http404("No such competency") from None
    return render(
        request,
        "assessments/competency.html",
        {
            "competency": competency,
            "levels": list(enumerate(competency.levels)),
            "strong": [o for o in framework.origins if competency.id in o.strengths],
            "weak": [o for o in framework.origins if competency.id in o.weaknesses],
            "competencies": framework.competencies,
        },
    )


@require_safe
def overview(request: HttpRequest) -> HttpResponse:
    return render(request, "assessments/overview.html", framework_overview(current_framework()))
