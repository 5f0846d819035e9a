"""Editors translate pages into English with wagtail-localize; no other role does."""

from django.db import migrations

from accounts.roles import EDITORS, grant


def grant_translation_right(apps, schema_editor):
    # wagtail-localize hangs the right on a content type of its own ("translation").
    grant(apps, EDITORS, "wagtail_localize", "translation", ["submit_translation"])


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0007_sign_language_video"),
        ("accounts", "0002_roles"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(grant_translation_right, migrations.RunPython.noop)]
