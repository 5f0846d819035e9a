"""The roles of design.md exist as groups; who may enter the admin, and who may not."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.housekeeping import purge_unverified_accounts
from accounts.models import User
from accounts.roles import ADMIN_ROLES, COUNCIL, EDITORS
from tests.factories import UserFactory


@pytest.mark.django_db
def test_every_role_is_a_group():
    names = set(Group.objects.values_list("name", flat=True))
    assert {*ADMIN_ROLES, COUNCIL} <= names


@pytest.mark.django_db
@pytest.mark.parametrize("role", ADMIN_ROLES)
def test_staff_roles_may_enter_the_admin_which_speaks_german(client, role):
    client.force_login(UserFactory(roles=[role]))
    response = client.get("/admin/")
    assert response.status_code == 200
    assert '<html lang="de"' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("roles", [[], [COUNCIL]])
def test_citizens_and_council_members_may_not_enter_the_admin(client, roles):
    client.force_login(UserFactory(roles=roles))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_editors_may_edit_pages_but_not_publish_stage_results():
    editor = UserFactory(roles=[EDITORS])
    assert editor.has_perm("cms.change_stageresults")
    assert not editor.has_perm("cms.publish_stageresults")
    assert editor.has_perm("participation.change_theme")


@pytest.mark.django_db
def test_moderators_may_not_edit_pages(client, process):
    moderator = UserFactory(roles=["Moderation"])
    client.force_login(moderator)
    response = client.get(f"/admin/pages/{process.pk}/edit/")
    assert response.status_code in (302, 403)


@pytest.mark.django_db
def test_administrators_create_accounts_with_a_display_name_in_the_admin(client):
    admin = UserFactory(is_superuser=True)
    client.force_login(admin)
    response = client.post(
        "/admin/users/new/",
        {
            "email": "neu.redaktion@example.org",
            "display_name": "Redaktion Drei",
            "password1": "ein-langes-Passwort-789",
            "password2": "ein-langes-Passwort-789",
            "groups": [Group.objects.get(name=EDITORS).pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    user = User.objects.get(email="neu.redaktion@example.org")
    assert user.display_name == "Redaktion Drei"
    assert user.groups.filter(name=EDITORS).exists()


@pytest.mark.django_db
def test_unconfirmed_sign_ups_are_deleted_after_the_retention_period(settings):
    settings.ACCOUNT_UNVERIFIED_RETENTION_DAYS = 14
    old = timezone.now() - datetime.timedelta(days=15)
    stale = UserFactory(verified=False)
    User.objects.filter(pk=stale.pk).update(date_joined=old)
    fresh = UserFactory(verified=False)
    confirmed = UserFactory()
    User.objects.filter(pk=confirmed.pk).update(date_joined=old)
    staff = UserFactory(verified=False, roles=[EDITORS])
    User.objects.filter(pk=staff.pk).update(date_joined=old)

    assert purge_unverified_accounts() == 1
    remaining = set(User.objects.values_list("pk", flat=True))
    assert stale.pk not in remaining
    assert {fresh.pk, confirmed.pk, staff.pk} <= remaining
