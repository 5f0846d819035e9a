"""Every URL pattern of the site and of the Wagtail admin, requested as each role, answers
as the table in access_table.py says.

The patterns come from the URL resolver, not from a list: a new pattern fails
`test_the_table_covers_every_url_pattern` until the table gives it a row.
"""

import pytest
from django.test import Client
from wagtail.models import get_page_models

from . import access_table, addresses, answers, routes, writes
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


REFUSED = {"L", "D", "4"}

# A POST with what forms commonly ask for: a view that took any POST would take this.
FORM_DATA = {
    "text": "Geändert durch den Test",
    "title": "Geändert durch den Test",
    "name": "Geändert",
    "email": "sweep@example.org",
    "reason": "Test",
    "confirm": "1",
    "action": "approve",
    "next": "/",
}

# What a visitor may write without signing in, and why (the sweep still asks these for no
# 500; it only allows them to write).
PUBLIC_WRITES = {
    # "Forgot my password" mails the address, whether or not it has an account (no account
    # enumeration).
    "konto/password/reset/",
    # The one-click unsubscribe of every notification mail (RFC 8058): the signed token is
    # the authority, no sign-in.
    "beteiligung/abmelden/<str:token>/",
    # Cancelling a conference registration through the signed self-service link.
    "konferenzen/anmeldung/<str:token>/absagen/",
}

# Where a POST is refused otherwise than the GET, and why; route → letters per role as in
# access_table.
POST_TABLE = {
    # The OParl API is read-only: every view there takes GET only, so a POST to an address
    # that names nothing answers 405 before it could answer 404.
    "oparl/v1.1/^.*/$": "5555555555",
}


def post_pairs(role):
    """(route, expected letter) for every route whose GET this role is refused; for the
    visitor every route (expected None where the GET is allowed: then only "no 500, no
    write" is asked)."""
    for route in routes.all_routes():
        want = access_table.expected(route.route)[role]
        if want in REFUSED:
            if route.route in POST_TABLE:
                want = POST_TABLE[route.route][ROLES.index(role)]
            yield route, want
        elif role == "visitor":
            yield route, None


@pytest.mark.parametrize("role", ROLES)
def test_every_refused_url_refuses_a_post_as_well_and_writes_nothing(security, role):
    """Whoever is refused a page is refused its form too: the same answer, and not a row
    written (inserted, changed or deleted) on the way."""
    client = Client(raise_request_exception=False, enforce_csrf_checks=False)
    user = security.users[role]
    if user:
        client.force_login(user)
    wrong = []
    for route, want in post_pairs(role):
        url = addresses.address(route, security)
        with writes.watch() as written:
            response = answers.request(client, "post", url, FORM_DATA)
        got = LETTER.get(answers.outcome(response), "?" + str(response.status_code))
        if want == "4" and got == "5":
            # A view that takes GET only says so before it looks the object up: refused too.
            got = "4"
        if want is not None and got != want:
            wrong.append(f"{url}  [{route}]: expected {want}, got {got}")
        elif got == "E":
            wrong.append(f"{url}  [{route}]: 500")
        if written and not (role == "visitor" and route.route in PUBLIC_WRITES):
            wrong.append(f"{url}  [{route}]: wrote to {sorted(written)}")
        if "logout" in route.route or "login" in route.route:
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


def test_the_write_watch_sees_a_vote_and_a_follow(security):
    """The sweep's "writes nothing" is only worth something if the watch sees writes: a
    citizen's vote (an insert and the statement's counts) and a follow are seen."""
    client = Client()
    client.force_login(security.users["citizen"])
    statement = security.statement
    with writes.watch() as written:
        response = answers.request(
            client, "post", f"/beteiligung/aussagen/{statement.pk}/bewerten/", {"choice": "agree"}
        )
    assert answers.outcome(response) in ("ok", "redirect")
    assert "participation_vote" in written
    with writes.watch() as written:
        answers.request(client, "post", f"/beteiligung/aussagen/{statement.pk}/folgen/")
    assert written
