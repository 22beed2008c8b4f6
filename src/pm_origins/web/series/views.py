from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from pm_origins.web.core.net import client_ip
from pm_origins.web.series import queries, services, spam
from pm_origins.web.series.forms import CommentForm, FeedbackForm, SearchForm
from pm_origins.web.series.models import Article, Feedback, Series, Tag

COMMENT_NOTICES = {
    "received": "Thank you! Your comment is awaiting moderation and will appear once approved.",
    "published": "Thank you! Your comment is published.",
}


def _too_fast(request: HttpRequest, error: services.PostingTooFast) -> HttpResponse:
    minutes = max(1, (error.retry_after + 59) // 60)
    response = render(
        request, "429.html", {"message": error.message, "retry_minutes": minutes}, status=429
    )
    response["Retry-After"] = str(error.retry_after)
    return response


def _with_new_token(data: object, target: str) -> dict[str, object]:
    fresh = dict(data.items()) if hasattr(data, "items") else {}
    fresh["token"] = spam.make_token(target=target)
    return fresh


def _visible_article(request: HttpRequest, slug: str) -> Article:
    article = get_object_or_404(Article.objects.select_related("series"), slug=slug)
    if not article.is_published and not request.user.is_staff:
        raise Http404("No such article")
    return article


def _article_page(
    request: HttpRequest,
    article: Article,
    form: CommentForm | None = None,
    *,
    status: int = 200,
    error: str = "",
) -> HttpResponse:
    if form is None:
        initial = {"token": spam.make_token(target=services.comment_target(article))}
        if request.user.is_authenticated:
            initial |= {"name": request.user.display_name, "email": request.user.email}
        form = CommentForm(initial=initial)
    previous, following = queries.neighbours(article)
    context = {
        "article": article,
        "comments": article.comments.visible(),
        "form": form,
        "error": error,
        "notice": COMMENT_NOTICES.get(request.GET.get("comment", "")),
        "previous": previous,
        "next": following,
    }
    return render(request, "series/article.html", context, status=status)


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    articles = Article.objects.published().select_related("series").order_by("-published_at")
    page = Paginator(articles, 10).get_page(request.GET.get("page"))
    return render(request, "series/index.html", {"page": page})


@require_safe
def series_detail(request: HttpRequest, slug: str) -> HttpResponse:
    series = get_object_or_404(Series, slug=slug)
    articles = series.articles.published().order_by("position", "published_at")
    return render(request, "series/series.html", {"series": series, "articles": articles})


@require_safe
def tag_detail(request: HttpRequest, slug: str) -> HttpResponse:
    tag = get_object_or_404(Tag, slug=slug)
    articles = tag.articles.published().order_by("-published_at")
    return render(request, "series/tag.html", {"tag": tag, "articles": articles})


@require_safe
def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return _article_page(request, _visible_article(request, slug))


@require_POST
def comment_post(request: HttpRequest, slug: str) -> HttpResponse:
    article = _visible_article(request, slug)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _article_page(request, article, form, status=400)
    data = form.cleaned_data
    try:
        result = services.comment_submit(
            article=article,
            name=data["name"],
            email=data["email"],
            body=data["body"],
            token=data["token"],
            honeypot=data["website"],
            ip=client_ip(request),
            user=request.user,
            browser=spam.from_a_browser(request.headers),
        )
    except services.PostingTooFast as error:
        return _too_fast(request, error)
    except services.SentTooSoon as error:
        # The same form and token: once a few seconds have passed, sending it again works.
        return _article_page(request, article, form, status=400, error=error.message)
    except services.FormExpired as error:
        fresh = CommentForm(_with_new_token(request.POST, services.comment_target(article)))
        return _article_page(request, article, fresh, status=400, error=error.message)
    except services.SeriesError as error:
        return _article_page(request, article, form, status=400, error=error.message)
    state = "published" if result.outcome is services.Outcome.PUBLISHED else "received"
    return redirect(f"{article.get_absolute_url()}?comment={state}#comment-status")


def _feedback_page(
    request: HttpRequest, form: FeedbackForm, *, status: int = 200, error: str = ""
) -> HttpResponse:
    return render(request, "series/feedback.html", {"form": form, "error": error}, status=status)


def feedback(request: HttpRequest) -> HttpResponse:
    if request.method not in {"GET", "HEAD", "POST"}:
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    if request.method != "POST":
        initial = {"token": spam.make_token(target=services.FEEDBACK_TARGET)}
        if request.GET.get("kind") in Feedback.Kind.values:
            initial["kind"] = request.GET["kind"]
        if request.user.is_authenticated:
            initial["email"] = request.user.email
        return _feedback_page(request, FeedbackForm(initial=initial))
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return _feedback_page(request, form, status=400)
    data = form.cleaned_data
    try:
        services.feedback_submit(
            kind=data["kind"],
            message=data["message"],
            email=data["email"],
            token=data["token"],
            honeypot=data["website"],
            ip=client_ip(request),
            user=request.user,
            browser=spam.from_a_browser(request.headers),
        )
    except services.PostingTooFast as error:
        return _too_fast(request, error)
    except services.SentTooSoon as error:
        return _feedback_page(request, form, status=400, error=error.message)
    except services.FormExpired as error:
        fresh = FeedbackForm(_with_new_token(request.POST, services.FEEDBACK_TARGET))
        return _feedback_page(request, fresh, status=400, error=error.message)
    except services.SeriesError as error:
        return _feedback_page(request, form, status=400, error=error.message)
    return redirect(reverse("series:feedback_thanks"))


@require_safe
def feedback_thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "series/feedback_thanks.html")


@require_safe
def topics(request: HttpRequest) -> HttpResponse:
    items = Feedback.objects.filter(kind=Feedback.Kind.TOPIC).select_related("article")
    context = {
        "planned": items.filter(status=Feedback.Status.PLANNED).order_by("-created_at"),
        "done": items.filter(status=Feedback.Status.DONE).order_by("-created_at"),
    }
    return render(request, "series/topics.html", context)


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    results = queries.search_articles(query) if query else Article.objects.none()
    page = Paginator(results, 10).get_page(request.GET.get("page"))
    return render(request, "series/search.html", {"form": form, "query": query, "page": page})
