from __future__ import annotations

import secrets
from collections.abc import Collection
from datetime import timedelta
from typing import Any, TypedDict

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import models

from pm_origins.web.accounts.models import User


def new_token() -> str:
    """An unguessable URL token: 128 bits of randomness."""
    return secrets.token_urlsafe(16)


def new_session_key() -> str:
    """An unguessable API session id: 256 bits of randomness."""
    return secrets.token_urlsafe(32)


class FrameworkSnapshot(models.Model):
    """The framework a result was computed with, so old results still read right."""

    version = models.CharField(max_length=32, primary_key=True)
    data = models.JSONField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return self.version


class AssessmentData(TypedDict):
    """One assessment as plain data: the API, "export my data" and the admin show this."""

    id: str
    created: str
    completed_at: str | None
    step: str
    mode: str
    asked: list[str]
    framework_version: str
    roles: list[dict[str, Any]]
    answers: dict[str, int]
    target: str | None
    result: dict[str, Any] | None
    shared: bool
    show_answers: bool  # whether the share page shows roles, answers and résumé bullets
    actions_done: list[str]


class Mode(models.TextChoices):
    QUICK = "quick", "Quick (adaptive)"
    FULL = "full", "Full (adaptive, more precise)"
    ALL = "all", "Every question"


class Assessment(models.Model):
    """One run of "find your origin": inputs, progress, and the stored result."""

    Mode = Mode

    class Step(models.TextChoices):
        ROLES = "roles", "Roles"
        QUESTIONS = "questions", "Questionnaire"
        TARGET = "target", "Target role"
        COMPLETE = "complete", "Complete"

    token = models.CharField(max_length=32, unique=True, default=new_token, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="assessments",
    )
    framework = models.ForeignKey(
        FrameworkSnapshot, on_delete=models.PROTECT, related_name="assessments"
    )
    roles = models.JSONField(default=list, blank=True)
    answers = models.JSONField(default=dict, blank=True)
    target = models.CharField(max_length=64, blank=True)
    step = models.CharField(max_length=16, choices=Step.choices, default=Step.ROLES)
    # How the questions are asked: "quick" and "full" choose them one by one
    # (engine.adaptive), "all" pages through every question. `asked` is the order
    # the adaptive questions were answered or skipped in, and `prior` the theta-scale
    # prior they were chosen with, so the session replays exactly.
    mode = models.CharField(max_length=8, choices=Mode.choices, default=Mode.QUICK)
    asked = models.JSONField(default=list, blank=True)
    prior = models.JSONField(null=True, blank=True)
    result = models.JSONField(null=True, blank=True)
    share_token = models.CharField(max_length=32, unique=True, null=True, blank=True)
    show_answers = models.BooleanField(
        default=False,
        help_text="Whether the read-only share page shows the owner's individual answers "
        "(the owner chooses; off unless they turn it on).",
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        indexes = [models.Index(fields=["owner", "completed_at"])]

    def __str__(self) -> str:
        return f"Assessment {self.pk} ({self.step})"

    @property
    def is_complete(self) -> bool:
        return self.step == self.Step.COMPLETE and self.result is not None

    def visible_to(self, user: User | AnonymousUser) -> bool:
        """Owned results are the owner's alone; a guest result belongs to its secret link."""
        if self.owner_id is None:
            return True
        return bool(user.is_authenticated and user.pk == self.owner_id)

    @classmethod
    def light(cls, **where: str) -> Assessment | None:
        """The assessment with this ``token`` or ``share_token``, its big JSON columns
        left to load on first use. One plain query: the result page's hot path, where
        building a deferred ORM query cost more than the rest of the page."""
        (column, value), *more = where.items()
        if more or column not in {"token", "share_token"}:
            raise ValueError("look up by token or by share_token")
        table = cls._meta.db_table
        found = list(
            cls.objects.raw(
                f"SELECT id, token, owner_id, step, share_token, show_answers, framework_id, "
                f"created, completed_at FROM {table} WHERE {column} = %s",
                [value],
            )
        )
        return found[0] if found else None

    def to_dict(self) -> AssessmentData:
        """Everything stored about this assessment, as saved (prefetch ``progress`` for many)."""
        return {
            "id": self.token,
            "created": self.created.isoformat(),
            "completed_at": self.completed_at.isoformat() if self.completed_at else None,
            "step": self.step,
            "mode": self.mode,
            "asked": list(self.asked),
            "framework_version": self.framework_id,
            "roles": list(self.roles),
            "answers": dict(self.answers),
            "target": self.target or None,
            "result": self.result,
            "shared": bool(self.share_token),
            "show_answers": self.show_answers,
            "actions_done": sorted(p.action_id for p in self.progress.all()),
        }

    def may_track(self, user: User | AnonymousUser, guest_tokens: Collection[str]) -> bool:
        """Who may tick plan actions: the signed-in owner, or for a guest result
        the browser session that made it (a holder of the link alone may only read)."""
        if self.owner_id is not None:
            return bool(user.is_authenticated and user.pk == self.owner_id)
        return self.token in guest_tokens

    @property
    def top_origin(self) -> dict[str, Any] | None:
        if not self.result:
            return None
        origins = self.result.get("origins") or []
        return origins[0] if origins else None


class ActionProgress(models.Model):
    """A growth-plan action that the owner ticked off."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="progress")
    action_id = models.CharField(max_length=64)
    done_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "action ticked off"
        verbose_name_plural = "actions ticked off"
        constraints = [
            models.UniqueConstraint(fields=["assessment", "action_id"], name="one_tick_per_action")
        ]

    def __str__(self) -> str:
        return f"{self.action_id} done"


class QuestionSession(models.Model):
    """An adaptive questionnaire run over the API: the secret id is the key to it.

    Made with credentials, it belongs to that user alone; made without, to whoever
    holds the id. It expires `QuestionSession.LIFETIME` after it was started.
    """

    LIFETIME = timedelta(hours=24)
    KEPT_EXPIRED = timedelta(days=7)  # an expired id answers "expired", not "no such id"

    key = models.CharField(max_length=64, unique=True, default=new_session_key, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="question_sessions",
    )
    framework = models.ForeignKey(
        FrameworkSnapshot, on_delete=models.PROTECT, related_name="question_sessions"
    )
    mode = models.CharField(max_length=8, choices=Mode.choices, default=Mode.QUICK)
    roles = models.JSONField(default=list, blank=True)
    target = models.CharField(max_length=64, blank=True)
    # engine.adaptive state: prior, asked order (the open question last), answers, skips.
    state = models.JSONField(default=dict)
    created = models.DateTimeField(auto_now_add=True)
    expires = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"Question session {self.pk} ({self.mode})"
