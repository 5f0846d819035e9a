"""The holes the role sweep found, each with the behaviour that closes it."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from wagtail.models import Page

from .answers import outcome, request

pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_wagtails_default_groups_are_gone():
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()


def test_the_strategy_team_may_publish_consolidated_zielbilder():
    team = Group.objects.get(name="Strategieteam")
    assert team.permissions.filter(codename="publish_consolidatedzielbild").exists()


@pytest.mark.parametrize("next_value", ["0", "wagtailadmin_home", "//evil.example/", "%00"])
def test_an_odd_next_after_signing_in_leads_to_the_dashboard(security, next_value):
    client = signed_in(security.users["editor"])
    response = client.get(f"/admin/login/?next={next_value}")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("conference_team", True),
        ("superuser", True),
        ("editor", False),
        ("moderator", False),
        ("strategy_team", False),
        ("office", False),
    ],
)
def test_the_registration_chooser_is_only_for_the_conference_team(security, role, allowed):
    """The chooser listed names and addresses of every registration to any admin role."""
    client = signed_in(security.users[role])
    response = client.get("/admin/snippets/choose/konferenzen/registration/")
    assert (outcome(response) == "ok") is allowed
    if not allowed:
        assert "Nils" not in response.content.decode()


def test_the_strategy_team_still_chooses_the_theme_of_a_zielbild(security):
    client = signed_in(security.users["strategy_team"])
    assert client.get("/admin/snippets/choose/participation/theme/").status_code == 200


@pytest.mark.parametrize("role", ["moderator", "conference_team", "strategy_team", "office"])
def test_the_page_chooser_shows_no_drafts_to_those_who_edit_no_page(security, role):
    client = signed_in(security.users[role])
    response = client.get(f"/admin/choose-page/{security.home.pk}/")
    assert response.status_code == 200
    assert "Geheimer Entwurf" not in response.content.decode()
    editor = signed_in(security.users["editor"])
    assert (
        "Geheimer Entwurf" in editor.get(f"/admin/choose-page/{security.home.pk}/").content.decode()
    )


@pytest.mark.parametrize("role", ["moderator", "conference_team", "strategy_team", "office"])
def test_only_who_may_move_a_page_sees_the_move_confirmation_or_moves_it(security, role):
    client = signed_in(security.users[role])
    page, destination = security.content_page, security.stage
    url = f"/admin/pages/{page.pk}/move/{destination.pk}/confirm/"
    assert outcome(client.get(url)) == "denied"
    assert outcome(request(client, "post", url)) == "denied"
    assert Page.objects.get(pk=page.pk).get_parent().pk == security.home.pk


def test_an_editor_cannot_move_a_page_where_its_type_may_not_stand(security):
    """A content page belongs under the home page or another content page, not in the
    process's stages."""
    client = signed_in(security.users["editor"])
    page, destination = security.content_page, security.stage
    url = f"/admin/pages/{page.pk}/move/{destination.pk}/confirm/"
    assert outcome(request(client, "post", url)) == "denied"
    assert Page.objects.get(pk=page.pk).get_parent().pk == security.home.pk


def test_no_role_but_the_superuser_holds_rights_on_groups_or_users():
    for group in Group.objects.all():
        codenames = set(group.permissions.values_list("codename", flat=True))
        assert not codenames & {"add_user", "change_user", "delete_user", "change_group"}, group
    assert Permission.objects.filter(codename="access_admin").exists()


@pytest.mark.parametrize("role", ["editor", "superuser"])
def test_wagtails_error_test_page_answers_404_not_500(security, role):
    """Wagtail's /admin/failwhale/ raises on purpose to show the error page; no input may
    produce a 500, so the address names nothing here."""
    client = Client(raise_request_exception=False)
    client.force_login(security.users[role])
    assert client.get("/admin/failwhale/").status_code == 404
    assert request(client, "post", "/admin/failwhale/").status_code == 404
