from django.db import migrations

from accounts.roles import ADMIN_ROLES, COUNCIL, grant, role


def create_roles(apps, schema_editor):
    for name in ADMIN_ROLES:
        grant(apps, name, "wagtailadmin", "admin", ["access_admin"])
    role(apps, COUNCIL)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
