from django.db import migrations

# Wagtail's own migrations create these two groups with broad rights (every page, every
# image and document); the platform's roles are the groups in accounts/roles.py. An account
# left in one of them would hold rights no role grants, so they go.
WAGTAIL_DEFAULT_GROUPS = ["Moderators", "Editors"]


def remove_default_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_deleted_accounts_keep_their_row"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0002_initial_data"),
        ("wagtaildocs", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(remove_default_groups, migrations.RunPython.noop)]
