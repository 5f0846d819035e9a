from django.db import migrations

from accounts.roles import EDITORS, grant


def grant_editor_rights(apps, schema_editor):
    grant(apps, EDITORS, "participation", "theme", ["add_theme", "change_theme"])
    grant(apps, EDITORS, "participation", "sector", ["add_sector", "change_sector"])


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0001_initial"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant_editor_rights, migrations.RunPython.noop)]
