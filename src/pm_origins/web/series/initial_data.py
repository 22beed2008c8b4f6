"""Load the bundled articles and the default side area (idempotent).

Run on every ``serve`` and by ``manage.py load_series``. An article is created
when its slug is new and updated when its file changed, unless an editor has
changed it in the admin since the last load: then it is left alone.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from pm_origins.web.series.models import (
    Article,
    FollowLink,
    NavLink,
    Series,
    SiteSettings,
    Tag,
    Widget,
)

ARTICLES_DIR = Path(__file__).resolve().parent / "articles"
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n(.*)\Z", re.DOTALL)


class ArticleFileError(ValueError):
    """A bundled article file is not in the expected shape."""


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept_editor_changes: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    seeded_side_area: bool = False

    def summary(self) -> str:
        return (
            f"articles: {len(self.created)} created, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.kept_editor_changes)} kept as edited"
            + ("; side area seeded" if self.seeded_side_area else "")
        )


def parse_article_file(path: Path) -> tuple[dict[str, Any], str]:
    """The front matter (YAML between ``---`` lines) and the Markdown body of ``path``."""
    match = _FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    if not match:
        raise ArticleFileError(f"{path.name}: must start with YAML front matter between --- lines")
    meta = yaml.safe_load(match.group(1)) or {}
    if not isinstance(meta, dict):
        raise ArticleFileError(f"{path.name}: front matter must be a mapping")
    for key in ("slug", "title", "summary", "series", "position", "published"):
        if key not in meta:
            raise ArticleFileError(f"{path.name}: front matter is missing {key!r}")
    return meta, match.group(2).strip() + "\n"


def _published_at(value: Any) -> dt.datetime:
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, dt.date):
        moment = dt.datetime(value.year, value.month, value.day, 9, 0)
    else:
        moment = dt.datetime.fromisoformat(str(value))
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment, dt.UTC)


def _series(meta: dict[str, Any]) -> Series:
    info = meta["series"]
    series, _ = Series.objects.get_or_create(
        slug=info["slug"],
        defaults={
            "title": info["title"],
            "description": info.get("description", ""),
            "position": info.get("position", 0),
        },
    )
    return series


def _load_article(path: Path, report: LoadReport) -> None:
    meta, body = parse_article_file(path)
    values = {
        "title": meta["title"],
        "summary": meta["summary"],
        "body": body,
        "author": meta.get("author", "The pm-origins team"),
        "origin_ids": ",".join(meta.get("origins", [])),
        "competency_ids": ",".join(meta.get("competencies", [])),
        "position": int(meta["position"]),
    }
    article = Article.objects.filter(slug=meta["slug"]).first()
    if article is None:
        article = Article(
            slug=meta["slug"],
            series=_series(meta),
            status=Article.Status.PUBLISHED,
            published_at=_published_at(meta["published"]),
            **values,
        )
        report.created.append(article.slug)
    elif article.content_hash() != article.source_hash:
        report.kept_editor_changes.append(article.slug)
        return
    else:
        changed = {k: v for k, v in values.items() if getattr(article, k) != v}
        if not changed:
            report.unchanged.append(article.slug)
            return
        for key, value in changed.items():
            setattr(article, key, value)
        report.updated.append(article.slug)
    article.source_hash = article.content_hash()
    article.save()
    tags = [
        Tag.objects.get_or_create(slug=slugify(name), defaults={"name": name})[0]
        for name in meta.get("tags", [])
    ]
    article.tags.set(tags)


def _seed_side_area(report: LoadReport) -> None:
    settings = SiteSettings.load()
    if settings.side_seeded:
        return
    # No contact details and no social links are invented: the contact block and
    # any "follow" links beyond the site's own feeds appear once an editor sets them
    # in the admin (Site settings, Follow links).
    for position, (label, url) in enumerate(
        [
            ("Home", "/"),
            ("The PM series", "/series/"),
            ("Planned topics", "/series/topics/"),
            ("Send feedback or suggest a topic", "/series/feedback/"),
        ]
    ):
        NavLink.objects.get_or_create(label=label, defaults={"url": url, "position": position})
    for position, (label, url) in enumerate(
        [
            ("RSS feed", "/feeds/rss.xml"),
            ("Atom feed", "/feeds/atom.xml"),
        ]
    ):
        FollowLink.objects.get_or_create(label=label, defaults={"url": url, "position": position})
    widgets = [
        (
            Widget.Kind.TAKE_ASSESSMENT,
            "Find your origin",
            "Answer a few questions about what you have actually done, and see the superpowers "
            "your career gave you and the gaps to work on first.",
        ),
        (Widget.Kind.SEARCH, "Search the series", ""),
        (Widget.Kind.LATEST_ARTICLES, "Latest articles", ""),
        (Widget.Kind.SERIES_LIST, "Series", ""),
        (Widget.Kind.NAVIGATION, "Navigation", ""),
        (Widget.Kind.CONTACT, "Contact", ""),
        (Widget.Kind.FOLLOW, "Follow us", ""),
    ]
    for position, (kind, title, body) in enumerate(widgets):
        Widget.objects.get_or_create(
            kind=kind, defaults={"title": title, "body": body, "position": position * 10}
        )
    settings.side_seeded = True
    settings.save()
    report.seeded_side_area = True


def load(*, articles_dir: Path = ARTICLES_DIR) -> LoadReport:
    """Create or update the bundled articles and seed the side area once."""
    report = LoadReport()
    with transaction.atomic():
        for path in sorted(articles_dir.glob("*.md")):
            _load_article(path, report)
        _seed_side_area(report)
    return report
