"""Earlier versions seeded an invented contact block and placeholder social links.
Remove them where an editor left them exactly as seeded; anything changed stays."""

from typing import Any

from django.apps.registry import Apps
from django.db import migrations

PLACEHOLDERS = {
    "contact_address": "pm-origins\n1 Example Street\nSpringfield 12345",
    "contact_phone": "+1 555 0100",
    "contact_email": "hello@example.org",
}
PLACEHOLDER_LINKS = [
    ("LinkedIn", "https://www.linkedin.com/"),
    ("Mastodon", "https://mastodon.social/"),
]


def forwards(apps: Apps, schema_editor: Any) -> None:
    SiteSettings = apps.get_model("series", "SiteSettings")
    FollowLink = apps.get_model("series", "FollowLink")
    for settings in SiteSettings.objects.all():
        if all(getattr(settings, name) == value for name, value in PLACEHOLDERS.items()):
            for name in PLACEHOLDERS:
                setattr(settings, name, "")
            settings.save(update_fields=list(PLACEHOLDERS))
    for label, url in PLACEHOLDER_LINKS:
        FollowLink.objects.filter(label=label, url=url).delete()


class Migration(migrations.Migration):
    dependencies = [("series", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
