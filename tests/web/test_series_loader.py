from __future__ import annotations

import re
import shutil
from pathlib import Path

from pm_origins.web.series import initial_data
from pm_origins.web.series.models import Article, NavLink, SiteSettings, Widget

ORIGINS = [
    "sales",
    "marketing",
    "business_analysis",
    "development",
    "ux_design",
    "qa",
    "project_management",
]
SECTIONS = [
    "What you bring",
    "Where you will struggle",
    "Your first 90 days",
    "Questions to ask your team",
]


def test_the_bundled_articles_load_on_first_run() -> None:
    report = initial_data.load()
    assert len(report.created) >= 9
    assert Article.objects.published().count() >= 9
    assert report.seeded_side_area


def test_loading_again_changes_nothing() -> None:
    initial_data.load()
    report = initial_data.load()
    assert report.created == [] and report.updated == []
    assert not report.seeded_side_area


def test_there_is_one_article_of_500_words_or_more_per_origin_with_every_section() -> None:
    initial_data.load()
    for origin in ORIGINS:
        article = Article.objects.get(origin_ids=origin)
        words = len(re.findall(r"\w+", article.body))
        assert words >= 500, (origin, words)
        for section in SECTIONS:
            assert f"## {section}" in article.body, (origin, section)


def test_an_introduction_and_a_closing_piece_frame_the_series() -> None:
    initial_data.load()
    ordered = list(Article.objects.order_by("position"))
    assert "Product Innovation" in ordered[0].body and "Customer Research" in ordered[0].body
    assert "strength" in ordered[0].body
    assert "growth" in ordered[-1].body.lower()


def test_an_article_an_editor_changed_is_never_overwritten(tmp_path: Path) -> None:
    initial_data.load()
    article = Article.objects.order_by("position").first()
    assert article is not None
    article.body = "Edited by an editor."
    article.save()
    articles = tmp_path / "articles"
    shutil.copytree(initial_data.ARTICLES_DIR, articles)
    report = initial_data.load(articles_dir=articles)
    assert article.slug in report.kept_editor_changes
    article.refresh_from_db()
    assert article.body == "Edited by an editor."


def test_an_untouched_article_follows_a_changed_file(tmp_path: Path) -> None:
    initial_data.load()
    articles = tmp_path / "articles"
    shutil.copytree(initial_data.ARTICLES_DIR, articles)
    path = sorted(articles.glob("*.md"))[0]
    path.write_text(path.read_text().replace("Almost nobody", "Hardly anybody"))
    report = initial_data.load(articles_dir=articles)
    assert len(report.updated) == 1
    assert "Hardly anybody" in Article.objects.get(slug=report.updated[0]).body


def test_an_editor_who_removes_the_side_links_does_not_see_them_return() -> None:
    initial_data.load()
    NavLink.objects.all().delete()
    Widget.objects.all().delete()
    initial_data.load()
    assert NavLink.objects.count() == 0 and Widget.objects.count() == 0
    assert SiteSettings.load().side_seeded


def test_a_file_without_front_matter_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_text("# no front matter\n")
    try:
        initial_data.load(articles_dir=tmp_path)
    except initial_data.ArticleFileError as error:
        assert "bad.md" in str(error)
    else:
        raise AssertionError("expected ArticleFileError")


def test_the_management_command_loads_the_series(capsys) -> None:  # type: ignore[no-untyped-def]
    from django.core.management import call_command

    call_command("load_series")
    assert "created" in capsys.readouterr().out
    assert Article.objects.count() >= 9
