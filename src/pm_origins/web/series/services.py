"""Every write in the series app goes through these functions."""

from __future__ import annotations

import enum
import hashlib
import ipaddress
import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from pm_origins.web.accounts.models import User
from pm_origins.web.core import ratelimit
from pm_origins.web.core.errors import DomainError
from pm_origins.web.series import spam
from pm_origins.web.series.models import Article, Comment, Feedback, ModerationStatus
from pm_origins.web.series.rendering import count_links

COMMENTS_CLOSED = "Comments are closed for this article."
FORM_EXPIRED = (
    "This form was open for too long, so it could not be sent. Nothing was lost: "
    "check your text below and send it again."
)
SENT_TOO_SOON = (
    "That was quicker than we expect anyone to write, so we held it back in case it came "
    "from a bot. Nothing is lost: wait a few seconds, then send it again."
)
POSTING_TOO_FAST = (
    "You have sent several messages in a short time. Please wait {minutes} minutes and try again."
)
BODY_LENGTH = f"A comment must be {Comment.BODY_MIN} to {Comment.BODY_MAX} characters long."
NAME_LENGTH = f"A name must be 1 to {Comment.NAME_MAX} characters long."
MESSAGE_LENGTH = (
    f"A message must be {Feedback.MESSAGE_MIN} to {Feedback.MESSAGE_MAX} characters long."
)

POST_WINDOW = 10 * 60
DUPLICATE_WINDOW = timedelta(days=30)
MAX_LINKS = 3


class SeriesError(DomainError):
    """A rule of the series was broken; ``message`` is safe to show."""


class FormExpired(SeriesError):
    def __init__(self) -> None:
        super().__init__(FORM_EXPIRED)


class SentTooSoon(SeriesError):
    """A person, in a real browser, sent a form within seconds of opening it."""

    def __init__(self) -> None:
        super().__init__(SENT_TOO_SOON)


class PostingTooFast(SeriesError):
    def __init__(self, retry_after: int) -> None:
        super().__init__(POSTING_TOO_FAST.format(minutes=max(1, (retry_after + 59) // 60)))
        self.retry_after = retry_after


class Outcome(enum.Enum):
    """What happened to a submission. Callers show PENDING and DISCARDED alike."""

    PUBLISHED = "published"
    PENDING = "pending"
    DISCARDED = "discarded"


@dataclass(frozen=True)
class Submission:
    outcome: Outcome
    reason: str = ""
    comment: Comment | None = None
    feedback: Feedback | None = None


def comment_target(article: Article) -> str:
    return f"comment:{article.pk}"


FEEDBACK_TARGET = "feedback"


def _fingerprint(*parts: object) -> str:
    text = "\x1f".join(str(part) for part in parts)
    normalised = re.sub(r"\s+", " ", text).strip().lower()
    return hashlib.sha256(normalised.encode()).hexdigest()


def _screen(
    *, token: str, target: str, honeypot: str, ip: str, now: float | None, browser: bool
) -> str:
    """Run the shared defences; the reason to discard, or "" to go on.

    Raises ``PostingTooFast`` over the per-IP limit, ``FormExpired`` for an old but
    genuine form, and ``SentTooSoon`` for a genuine form sent too quickly from a real
    browser (``browser``, see ``spam.from_a_browser``).
    """
    state = ratelimit.hit(
        "post-ip", ip, limit=settings.COMMENTS_PER_IP, window=POST_WINDOW, now=now
    )
    if not state.allowed:
        raise PostingTooFast(state.retry_after)
    if honeypot:
        return "honeypot"
    verdict = spam.check_token(token=token, target=target, now=now)
    if verdict is spam.TokenVerdict.EXPIRED:
        raise FormExpired()
    if verdict is spam.TokenVerdict.TOO_FAST and browser:
        raise SentTooSoon()
    if verdict.is_bot:
        return str(verdict.value)
    return ""


def comment_submit(
    *,
    article: Article,
    name: str,
    email: str,
    body: str,
    token: str,
    honeypot: str,
    ip: str,
    user: User | AnonymousUser | None = None,
    now: float | None = None,
    browser: bool = False,
) -> Submission:
    """Take a comment through every spam defence and store it for moderation.

    Bots (honeypot filled, bad/foreign/replayed token, posted too fast) and
    duplicates are discarded without a trace; a person posting too fast from a
    real browser (``browser``) gets ``SentTooSoon`` instead, and may send again.
    Comments with many links are kept as spam for a moderator to review. A
    signed-in user who already has an approved comment is published at once;
    everyone else waits for approval.
    """
    if not article.comments_open or not article.is_published:
        raise SeriesError(COMMENTS_CLOSED)
    name, body = name.strip(), body.strip()
    if not 1 <= len(name) <= Comment.NAME_MAX:
        raise SeriesError(NAME_LENGTH)
    if not Comment.BODY_MIN <= len(body) <= Comment.BODY_MAX:
        raise SeriesError(BODY_LENGTH)
    reason = _screen(
        token=token,
        target=comment_target(article),
        honeypot=honeypot,
        ip=ip,
        now=now,
        browser=browser,
    )
    if reason:
        return Submission(Outcome.DISCARDED, reason)
    fingerprint = _fingerprint(article.pk, body)
    since = timezone.now() - DUPLICATE_WINDOW
    if Comment.objects.filter(fingerprint=fingerprint, created_at__gte=since).exists():
        return Submission(Outcome.DISCARDED, "duplicate")
    if not spam.use_token(token):
        return Submission(Outcome.DISCARDED, spam.TokenVerdict.REPLAYED.value)
    account = user if isinstance(user, User) else None
    if count_links(body) > MAX_LINKS:
        status = ModerationStatus.SPAM
    elif account and account.series_comments.filter(status=ModerationStatus.APPROVED).exists():
        status = ModerationStatus.APPROVED
    else:
        status = ModerationStatus.PENDING
    comment = Comment.objects.create(
        article=article,
        user=account,
        name=name,
        email=email.strip().lower(),
        body=body,
        status=status,
        moderated_at=timezone.now() if status == ModerationStatus.APPROVED else None,
        ip_address=ip if _is_ip(ip) else None,
        fingerprint=fingerprint,
    )
    if status == ModerationStatus.SPAM:
        return Submission(Outcome.DISCARDED, "links", comment=comment)
    outcome = Outcome.PUBLISHED if status == ModerationStatus.APPROVED else Outcome.PENDING
    return Submission(outcome, comment=comment)


def feedback_submit(
    *,
    kind: str,
    message: str,
    email: str,
    token: str,
    honeypot: str,
    ip: str,
    user: User | AnonymousUser | None = None,
    now: float | None = None,
    browser: bool = False,
) -> Submission:
    """Store feedback or a topic suggestion, behind the same defences as comments."""
    message = message.strip()
    if not Feedback.MESSAGE_MIN <= len(message) <= Feedback.MESSAGE_MAX:
        raise SeriesError(MESSAGE_LENGTH)
    if kind not in Feedback.Kind.values:
        raise SeriesError("Choose feedback, a topic suggestion or a bug report.")
    reason = _screen(
        token=token, target=FEEDBACK_TARGET, honeypot=honeypot, ip=ip, now=now, browser=browser
    )
    if reason:
        return Submission(Outcome.DISCARDED, reason)
    fingerprint = _fingerprint(kind, message)
    since = timezone.now() - DUPLICATE_WINDOW
    if Feedback.objects.filter(fingerprint=fingerprint, created_at__gte=since).exists():
        return Submission(Outcome.DISCARDED, "duplicate")
    if not spam.use_token(token):
        return Submission(Outcome.DISCARDED, spam.TokenVerdict.REPLAYED.value)
    feedback = Feedback.objects.create(
        kind=kind,
        message=message,
        email=email.strip().lower(),
        user=user if isinstance(user, User) else None,
        ip_address=ip if _is_ip(ip) else None,
        fingerprint=fingerprint,
    )
    return Submission(Outcome.PENDING, feedback=feedback)


def comments_moderate(*, comments: QuerySet[Comment], status: str) -> int:
    """Set the moderation ``status`` of ``comments``; returns how many changed."""
    if status not in ModerationStatus.values:
        raise SeriesError(f"Unknown moderation status {status!r}.")
    with transaction.atomic():
        return comments.exclude(status=status).update(status=status, moderated_at=timezone.now())


def feedback_triage(*, items: QuerySet[Feedback], status: str) -> int:
    """Set the triage ``status`` of feedback ``items``; returns how many changed."""
    if status not in Feedback.Status.values:
        raise SeriesError(f"Unknown feedback status {status!r}.")
    return items.exclude(status=status).update(status=status)


def series_export(user: User) -> dict[str, list[dict[str, Any]]]:
    """The user's own comments and feedback for "export my data"."""
    comments = [
        {
            "article": comment.article.title,
            "url": comment.article.get_absolute_url(),
            "name": comment.name,
            "email": comment.email,
            "body": comment.body,
            "status": comment.status,
            "created_at": comment.created_at.isoformat(),
        }
        for comment in user.series_comments.select_related("article")
    ]
    feedback = [
        {
            "kind": item.kind,
            "message": item.message,
            "email": item.email,
            "status": item.status,
            "created_at": item.created_at.isoformat(),
        }
        for item in user.series_feedback.all()
    ]
    return {"comments": comments, "feedback": feedback}


def _is_ip(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True
