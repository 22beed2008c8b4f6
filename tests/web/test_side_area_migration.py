"""The migration that removes the contact block and social links earlier versions invented."""

from __future__ import annotations

import importlib

from django.apps import apps

from pm_origins.web.series.models import FollowLink, SiteSettings

migration = importlib.import_module(
    "pm_origins.web.series.migrations.0002_remove_placeholder_contact"
)


def test_it_removes_the_seeded_placeholders_and_keeps_what_an_editor_set() -> None:
    settings = SiteSettings.load()
    for name, value in migration.PLACEHOLDERS.items():
        setattr(settings, name, value)
    settings.save()
    for label, url in migration.PLACEHOLDER_LINKS:
        FollowLink.objects.create(label=label, url=url, position=1)
    FollowLink.objects.create(label="LinkedIn", url="https://www.linkedin.com/company/ours/")

    migration.forwards(apps, None)

    settings.refresh_from_db()
    assert (settings.contact_address, settings.contact_phone, settings.contact_email) == (
        "",
        "",
        "",
    )
    assert list(FollowLink.objects.values_list("url", flat=True)) == [
        "https://www.linkedin.com/company/ours/"
    ]


def test_a_contact_block_an_editor_changed_is_kept() -> None:
    settings = SiteSettings.load()
    for name, value in migration.PLACEHOLDERS.items():
        setattr(settings, name, value)
    settings.contact_phone = "+44 20 7946 0000"
    settings.save()

    migration.forwards(apps, None)

    settings.refresh_from_db()
    assert settings.contact_phone == "+44 20 7946 0000"
    assert settings.contact_email == "hello@example.org"
