from django.db import migrations

from accounts.roles import STRATEGY_TEAM, grant

MODELS = ["goal", "office", "fieldofaction", "project", "keyfigure", "participation"]


def grant_rights(apps, schema_editor):
    # Only the strategy team edits the strategy model; everyone reads it on the public pages.
    for model in MODELS:
        grant(
            apps,
            STRATEGY_TEAM,
            "zielbilder",
            model,
            [f"add_{model}", f"change_{model}", f"delete_{model}", f"view_{model}"],
        )


class Migration(migrations.Migration):
    dependencies = [
        ("zielbilder", "0001_initial"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant_rights, migrations.RunPython.noop)]
