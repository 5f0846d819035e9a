from django.db import migrations

from accounts.roles import EDITORS, MODERATORS, grant


def grant_rights(apps, schema_editor):
    grant(
        apps,
        EDITORS,
        "participation",
        "statement",
        ["add_statement", "change_statement", "delete_statement", "view_statement"],
    )
    grant(apps, MODERATORS, "participation", "comment", ["moderate_comment"])
    grant(apps, MODERATORS, "participation", "proposal", ["moderate_proposal"])
    grant(apps, MODERATORS, "participation", "statement", ["view_statement"])


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0003_consultation"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant_rights, migrations.RunPython.noop)]
