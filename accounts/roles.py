"""The roles of design.md as Django groups.

Citizens need no group: a citizen is any account with a verified e-mail address. Each app
grants its own permissions to these groups in its migrations, through `grant` below, so that
the apps stay on their floors.
"""

MODERATORS = "Moderation"
EDITORS = "Redaktion"
CONFERENCE_TEAM = "Konferenzteam"
STRATEGY_TEAM = "Strategieteam"
COUNCIL = "Ratsmitglieder"
# People in the offices who report key-figure values and project states (stage 6); which
# office each belongs to is recorded in umsetzung.OfficeMembership.
OFFICE_STAFF = "Fachämter"

ADMIN_ROLES = [MODERATORS, EDITORS, CONFERENCE_TEAM, STRATEGY_TEAM]


def permission(apps, app_label: str, model: str, codename: str):
    """A permission, created if missing.

    Permissions are normally created after `migrate` finishes, so on a fresh database they do
    not exist yet while the data migrations run.
    """
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    found, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {codename.replace('_', ' ')}"},
    )
    return found


def role(apps, group_name: str):
    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.get_or_create(name=group_name)
    return group


def grant(apps, group_name: str, app_label: str, model: str, codenames: list[str]) -> None:
    """Give a role model permissions from inside a data migration."""
    group = role(apps, group_name)
    for codename in codenames:
        group.permissions.add(permission(apps, app_label, model, codename))
