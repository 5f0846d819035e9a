"""Every URL pattern of the site and of the Wagtail admin, requested as each role, answers
as the table in access_table.py says.

The patterns come from the URL resolver, not from a list: a new pattern fails
`test_the_table_covers_every_url_pattern` until the table gives it a row.
"""

import pytest
from django.test import Client
from wagtail.models import get_page_models

from . import access_table, addresses, answers, routes
from .site import ROLES

pytestmark = pytest.mark.django_db

LETTER = {
    "ok": "O",
    "redirect": "R",
    "login": "L",
    "denied": "D",
    "404": "4",
    "405": "5",
    "400": "B",
    "500": "E",
}


def test_the_table_covers_every_url_pattern():
    uncovered = [
        str(route) for route in routes.all_routes() if not access_table.expected(route.route)
    ]
    assert uncovered == [], "Give these URL patterns a row in access_table.py:\n" + "\n".join(
        uncovered
    )


def test_the_table_names_no_url_pattern_that_is_gone():
    existing = {route.route for route in routes.all_routes()}
    assert sorted(set(access_table.BY_ROUTE) - existing) == []


@pytest.mark.parametrize("role", ROLES)
def test_every_url_answers_each_role_as_the_table_says(security, role):
    client = Client(raise_request_exception=False)
    user = security.users[role]
    if user:
        client.force_login(user)
    wrong = []
    for route in routes.all_routes():
        url = addresses.address(route, security)
        response = answers.request(client, "get", url)
        got = LETTER.get(answers.outcome(response), "?" + str(response.status_code))
        want = access_table.expected(route.route)[role]
        if got != want:
            wrong.append(f"{url}  [{route}]: expected {want}, got {got}")
        if "logout" in route.route or "login" in route.route:
            # Signing out (or in) ends the session: start the next request as before.
            client = Client(raise_request_exception=False)
            if user:
                client.force_login(user)
    assert wrong == [], f"{role}:\n" + "\n".join(wrong)


def test_the_site_has_a_live_page_of_every_page_type(security):
    from wagtail.models import Page

    live_types = {page.specific_class for page in _live_pages(security)}
    assert set(get_page_models()) - {Page} <= live_types


def _live_pages(security):
    from wagtail.models import Page

    return Page.objects.live().descendant_of(security.home, inclusive=True).specific()


@pytest.mark.parametrize("role", ROLES)
def test_every_live_page_type_is_public_and_a_draft_is_not(security, role):

    client = Client()
    user = security.users[role]
    if user:
        client.force_login(user)
    pages = {}
    for page in _live_pages(security):
        pages.setdefault(type(page), page)
    for page in pages.values():
        assert client.get(page.url).status_code == 200, page.url
    # The draft has no public address: it answers 404 to everyone, editors included
    # (they read it through the admin's preview).
    assert client.get("/entwurf/").status_code == 404
    preview = client.get(f"/admin/pages/{security.draft_page.pk}/view_draft/")
    if role in ("editor", "superuser"):
        assert preview.status_code == 200
        assert "Geheimer Entwurf" in preview.content.decode()
    else:
        assert answers.outcome(preview) in ("login", "denied")
