"""Teams (people with accounts who share a result), cohorts (a coach's imported
people, no accounts) and second opinions (a rater's answers about someone)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from pm_origins.web.assessments.models import Assessment, FrameworkSnapshot, new_token

NAME_LENGTH = 80


class Team(models.Model):
    name = models.CharField(max_length=NAME_LENGTH)
    target_roles = models.JSONField(default=list, blank=True)  # target role ids: the mix
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", "Lead"
        MEMBER = "member", "Member"

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="team_memberships"
    )
    role = models.CharField(max_length=8, choices=Role.choices, default=Role.MEMBER)
    name = models.CharField(max_length=NAME_LENGTH, help_text="The name the team sees.")
    joined = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["joined", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["team", "user"], name="one_membership_per_team")
        ]

    def __str__(self) -> str:
        return f"{self.name} in {self.team_id}"

    @property
    def is_lead(self) -> bool:
        return self.role == self.Role.LEAD


class TeamShare(models.Model):
    """A result a member chose to show their team. The newest one is current; older
    ones make the team's change over time. Withdrawing deletes them all."""

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="shares")
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="team_shares")
    shared_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["shared_at", "pk"]
        indexes = [models.Index(fields=["membership", "shared_at"])]

    def __str__(self) -> str:
        return f"Share {self.pk}"


class TeamInvite(models.Model):
    """A link that lets a signed-in person join a team until it expires or is revoked."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="invites")
    token = models.CharField(max_length=32, unique=True, default=new_token, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"Invite {self.pk} to team {self.team_id}"

    def open_at(self, now: datetime) -> bool:
        return self.revoked_at is None and now < self.expires_at


class Cohort(models.Model):
    """People a coach imported from CSV; they have no accounts and belong to the coach."""

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cohorts"
    )
    name = models.CharField(max_length=NAME_LENGTH)
    framework = models.ForeignKey(
        FrameworkSnapshot, on_delete=models.PROTECT, related_name="cohorts"
    )
    target_roles = models.JSONField(default=list, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return self.name


class CohortPerson(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="people")
    name = models.CharField(max_length=120)
    line = models.PositiveIntegerField(help_text="Line of the imported file.")
    roles = models.JSONField(default=list, blank=True)
    answers = models.JSONField(default=dict, blank=True)
    result = models.JSONField()  # computed once at import; read, never recomputed

    class Meta:
        ordering = ["line", "pk"]

    def __str__(self) -> str:
        return self.name


class SecondOpinion(models.Model):
    """Someone the subject invited answers the questions about them.

    The answers belong to the subject: they go with the subject's account and
    into the subject's export. An anonymous rater's name is never stored.
    """

    class Relationship(models.TextChoices):
        LEAD = "lead", "A lead or manager"
        MENTOR = "mentor", "A mentor"
        PEER = "peer", "A peer"

    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="second_opinions"
    )
    token = models.CharField(max_length=32, unique=True, default=new_token, editable=False)
    framework = models.ForeignKey(
        FrameworkSnapshot, on_delete=models.PROTECT, related_name="second_opinions"
    )
    relationship = models.CharField(max_length=8, choices=Relationship.choices)
    created = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    rater_name = models.CharField(max_length=NAME_LENGTH, blank=True)
    answers = models.JSONField(default=dict, blank=True)
    result = models.JSONField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"Second opinion {self.pk}"

    def open_at(self, now: datetime) -> bool:
        return self.submitted_at is None and now < self.expires_at

    @property
    def rater_label(self) -> str:
        return self.rater_name or f"{self.get_relationship_display()} (anonymous)"

    def profile(self) -> dict[str, Any]:
        return dict((self.result or {}).get("profile") or {})
