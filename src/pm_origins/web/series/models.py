from __future__ import annotations

import hashlib
import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from pm_origins.web.core.framework import current_framework
from pm_origins.web.series.rendering import reading_minutes, render_article, render_comment

logger = logging.getLogger(__name__)


def _ids(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


UNSAFE_URL = "Links must start with https://, http://, mailto:, tel: or / (a page on this site)."


def validate_link_url(value: str) -> None:
    """Editor-set links: no javascript: or data: URLs, even by mistake."""
    lowered = value.strip().lower()
    if lowered.startswith("//") or not (
        lowered.startswith(("https://", "http://", "mailto:", "tel:", "/"))
    ):
        raise ValidationError(UNSAFE_URL)


class Series(models.Model):
    title = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0, help_text="Lower numbers come first.")

    class Meta:
        ordering = ["position", "title"]
        verbose_name_plural = "series"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("series:series", args=[self.slug])


class Tag(models.Model):
    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("series:tag", args=[self.slug])


class ArticleQuerySet(models.QuerySet["Article"]):
    def published(self) -> ArticleQuerySet:
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    series = models.ForeignKey(Series, on_delete=models.PROTECT, related_name="articles")
    position = models.PositiveIntegerField(default=0, help_text="Order within the series.")
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    summary = models.CharField(
        max_length=300, help_text="One or two sentences: the page description and feed summary."
    )
    body = models.TextField(help_text="Markdown. Raw HTML is cleaned to a safe subset.")
    body_html = models.TextField(editable=False, blank=True)
    author = models.CharField(max_length=120, default="The pm-origins team")
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    reading_minutes = models.PositiveIntegerField(default=1, editable=False)
    origin_ids = models.CharField(
        max_length=200, blank=True, help_text="Comma-separated origin ids, e.g. sales,qa."
    )
    competency_ids = models.CharField(
        max_length=200, blank=True, help_text="Comma-separated competency ids, e.g. ux,execution."
    )
    comments_open = models.BooleanField(default=True)
    # Hash of the text as the loader last wrote it; a different current hash
    # means an editor changed the article, and the loader leaves it alone.
    source_hash = models.CharField(max_length=64, blank=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["series__position", "position", "published_at"]
        indexes = [models.Index(fields=["status", "published_at"])]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.body_html = render_article(self.body)
        self.reading_minutes = reading_minutes(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("series:article", args=[self.slug])

    def content_hash(self) -> str:
        parts = [
            self.title,
            self.summary,
            self.body,
            self.author,
            self.origin_ids,
            self.competency_ids,
        ]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.published_at <= timezone.now()

    def origin_links(self) -> list[tuple[str, str]]:
        """(name, path) for each origin page of the framework in use; ids it does not
        define are left out rather than linked to a missing page."""
        origins = {o.id: o.name for o in current_framework().origins}
        return [
            (origins[origin], reverse("assessments:origin", args=[origin]))
            for origin in _ids(self.origin_ids)
            if origin in origins
        ]

    def competency_links(self) -> list[tuple[str, str]]:
        """(name, path) for each competency page of the framework in use."""
        competencies = {c.id: c.name for c in current_framework().competencies}
        return [
            (competencies[c], reverse("assessments:competency", args=[c]))
            for c in _ids(self.competency_ids)
            if c in competencies
        ]


class ModerationStatus(models.TextChoices):
    PENDING = "pending", "Awaiting moderation"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    SPAM = "spam", "Spam"


class CommentQuerySet(models.QuerySet["Comment"]):
    def visible(self) -> CommentQuerySet:
        return self.filter(status=ModerationStatus.APPROVED)


class Comment(models.Model):
    NAME_MAX = 80
    BODY_MIN = 2
    BODY_MAX = 5000

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="comments")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="series_comments",
    )
    name = models.CharField(max_length=NAME_MAX)
    email = models.EmailField(help_text="Never shown on the site.")
    body = models.TextField(max_length=BODY_MAX)
    body_html = models.TextField(editable=False)
    status = models.CharField(
        max_length=10, choices=ModerationStatus.choices, default=ModerationStatus.PENDING
    )
    created_at = models.DateTimeField(default=timezone.now)
    moderated_at = models.DateTimeField(null=True, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    fingerprint = models.CharField(max_length=64, db_index=True, editable=False)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["article", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.name} on {self.article}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.body_html = render_comment(self.body)
        super().save(*args, **kwargs)


class Feedback(models.Model):
    class Kind(models.TextChoices):
        FEEDBACK = "feedback", "Feedback"
        TOPIC = "topic", "Topic suggestion"
        BUG = "bug", "Bug report"

    class Status(models.TextChoices):
        NEW = "new", "New"
        PLANNED = "planned", "Planned"
        DONE = "done", "Done"
        DECLINED = "declined", "Declined"

    MESSAGE_MIN = 5
    MESSAGE_MAX = 5000

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.FEEDBACK)
    message = models.TextField(max_length=MESSAGE_MAX)
    email = models.EmailField(blank=True, help_text="For a reply; never shown on the site.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    public_title = models.CharField(
        max_length=200,
        blank=True,
        help_text="Shown on the public topics page for planned and done topics. "
        "Empty: the start of the message is shown.",
    )
    article = models.ForeignKey(
        Article,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="topic_feedback",
        help_text="The article that covers this topic, once written.",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="series_feedback",
    )
    created_at = models.DateTimeField(default=timezone.now)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    fingerprint = models.CharField(max_length=64, db_index=True, editable=False)
    staff_notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "feedback"

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.message[:60]}"

    @property
    def public_text(self) -> str:
        if self.public_title:
            return self.public_title
        return self.message if len(self.message) <= 160 else self.message[:157] + "…"


class SiteSettings(models.Model):
    """The one record of site-wide texts and the contact block."""

    site_name = models.CharField(max_length=80, default="pm-origins")
    tagline = models.CharField(
        max_length=200,
        blank=True,
        default="Pivot into Product Management from a position of strength.",
    )
    side_title = models.CharField(max_length=80, default="More from pm-origins")
    contact_address = models.TextField(blank=True, help_text="Postal address; one line per row.")
    contact_phone = models.CharField(max_length=40, blank=True)
    contact_email = models.EmailField(blank=True)
    footer_text = models.CharField(max_length=300, blank=True)
    # Set once the default links and widgets were created, so that an editor
    # who deletes them all does not see them come back on the next start.
    side_seeded = models.BooleanField(default=False, editable=False)

    class Meta:
        verbose_name = "site settings"
        verbose_name_plural = "site settings"

    def __str__(self) -> str:
        return "Site settings"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def load(cls) -> SiteSettings:
        obj, _ = cls.objects.get_or_create(pk=1)
        return obj

    @property
    def has_contact(self) -> bool:
        return bool(self.contact_address or self.contact_phone or self.contact_email)

    @property
    def phone_href(self) -> str:
        return "tel:" + "".join(ch for ch in self.contact_phone if ch.isdigit() or ch == "+")


class OrderedLink(models.Model):
    label = models.CharField(max_length=80)
    url = models.CharField(max_length=500, validators=[validate_link_url])
    position = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        abstract = True
        ordering = ["position", "label"]

    def __str__(self) -> str:
        return self.label

    @property
    def is_external(self) -> bool:
        return self.url.startswith(("http://", "https://"))

    @property
    def safe_url(self) -> str:
        try:
            validate_link_url(self.url)
        except ValidationError:
            return "#"
        return self.url


class NavLink(OrderedLink):
    class Meta(OrderedLink.Meta):
        verbose_name = "side navigation link"


class FollowLink(OrderedLink):
    class Meta(OrderedLink.Meta):
        verbose_name = "follow link"


class Widget(models.Model):
    class Kind(models.TextChoices):
        TAKE_ASSESSMENT = "assessment", "Take the assessment"
        LATEST_ARTICLES = "latest", "Latest articles"
        SERIES_LIST = "series", "Series list"
        SEARCH = "search", "Search box"
        NAVIGATION = "navigation", "Navigation links"
        CONTACT = "contact", "Contact block"
        FOLLOW = "follow", "Follow links"
        TEXT = "text", "Text (Markdown)"

    kind = models.CharField(max_length=12, choices=Kind.choices)
    title = models.CharField(max_length=80)
    body = models.TextField(blank=True, help_text="Markdown, for text and assessment widgets.")
    body_html = models.TextField(editable=False, blank=True)
    item_count = models.PositiveSmallIntegerField(
        default=5, help_text="How many articles the latest-articles widget lists."
    )
    position = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_kind_display()})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.body_html = render_article(self.body) if self.body else ""
        super().save(*args, **kwargs)
