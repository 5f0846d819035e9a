from django.db import migrations

from accounts.roles import CONFERENCE_TEAM, EDITORS, grant


def grant_rights(apps, schema_editor):
    # The conference team runs the conferences and their registrations; editors may set a
    # conference up too, but see no one's registration.
    for model in ("conference", "sectorquota", "cafetable"):
        grant(
            apps,
            CONFERENCE_TEAM,
            "konferenzen",
            model,
            [f"add_{model}", f"change_{model}", f"delete_{model}", f"view_{model}"],
        )
        grant(apps, EDITORS, "konferenzen", model, [f"add_{model}", f"change_{model}", f"view_{model}"])
    grant(
        apps,
        CONFERENCE_TEAM,
        "konferenzen",
        "registration",
        ["view_registration", "change_registration", "check_in_registration"],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("konferenzen", "0001_initial"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant_rights, migrations.RunPython.noop)]
