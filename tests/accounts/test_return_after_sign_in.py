"""After signing in, people return to the page they came from (issue 15): the header's
"Anmelden"/"Registrieren" and the "Zur Anmeldung" links of votes and comments carry the
page as `?next=`, allauth follows it – through sign-up and the confirmed address too – and
a `next` that leads off the site is ignored."""

import re
from urllib.parse import quote

import pytest
from django.core import mail
from django.core.cache import cache

from accounts.return_to import return_path
from tests import factories
from tests.factories import PASSWORD
from tests.form_checks import soup


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.fixture
def theme_page(process):
    return factories.theme_page("Mobilität")


def header_links(page) -> dict[str, str]:
    nav = page.select_one("nav.account-nav")
    return {a.get_text(strip=True): a["href"] for a in nav.select("a")}


def test_the_header_links_carry_the_current_page(client, theme_page):
    path = theme_page.url + "?sortierung=neu"
    found = header_links(soup(client.get(path)))
    assert found["Anmelden"] == "/konto/login/?next=" + quote(path, safe="")
    assert found["Registrieren"] == "/konto/signup/?next=" + quote(path, safe="")


def test_the_vote_and_comment_sign_in_links_carry_the_page(client, theme_page):
    statement = factories.statement(theme_page.theme, stage=3)
    page = soup(client.get(statement.get_absolute_url()))
    expected = "/konto/login/?next=" + quote(statement.get_absolute_url(), safe="")
    sign_in = [a["href"] for a in page.select("main a") if a.get_text() == "Zur Anmeldung"]
    assert sign_in and set(sign_in) == {expected}


def test_signing_in_from_a_theme_page_returns_there(client, citizen, theme_page):
    sign_in = header_links(soup(client.get(theme_page.url)))["Anmelden"]
    form = soup(client.get(sign_in))
    assert form.select_one("main form input[name=next]")["value"] == theme_page.url
    response = client.post(
        sign_in, {"login": citizen.email, "password": PASSWORD, "next": theme_page.url}
    )
    assert response.status_code == 302
    assert response["Location"] == theme_page.url


@pytest.mark.parametrize(
    "elsewhere", ["https://boese.example/", "//boese.example/", "/\\boese.example/"]
)
def test_a_next_that_leads_off_the_site_is_ignored(client, citizen, elsewhere):
    page = soup(client.get("/konto/login/?next=" + quote(elsewhere, safe="")))
    # Switching to the sign-up does not pass it on either.
    assert all("boese" not in href for href in header_links(page).values())
    response = client.post(
        "/konto/login/", {"login": citizen.email, "password": PASSWORD, "next": elsewhere}
    )
    assert response.status_code == 302
    assert response["Location"] == "/konto/"


def test_the_sign_in_page_passes_its_next_on_to_the_sign_up_link(client, theme_page):
    page = soup(client.get("/konto/login/?next=" + quote(theme_page.url, safe="")))
    assert header_links(page)["Registrieren"] == "/konto/signup/?next=" + quote(
        theme_page.url, safe=""
    )


def test_after_a_post_there_is_nothing_to_return_to(rf):
    # The address of a form that only takes POST would answer a GET with 405.
    request = rf.post("/beteiligung/aussagen/1/kommentieren/")
    request.resolver_match = None
    assert return_path(request) == ""
    request = rf.get("/beteiligung/aussagen/1/")
    request.resolver_match = None
    assert return_path(request) == "/beteiligung/aussagen/1/"


def test_sign_up_and_confirmed_address_lead_back_to_the_page(
    client, theme_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/konto/signup/?next=" + quote(theme_page.url, safe=""),
            {
                "email": "neu@example.org",
                "display_name": "Neue Stimme",
                "password1": PASSWORD,
                "password2": PASSWORD,
                "next": theme_page.url,
            },
        )
    assert response.status_code == 302
    (message,) = mail.outbox
    confirm = re.search(r"http://testserver(/\S+)", message.body).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(confirm)
    assert response["Location"] == "/konto/login/?next=" + quote(theme_page.url, safe="")
    response = client.post(
        response["Location"],
        {"login": "neu@example.org", "password": PASSWORD, "next": theme_page.url},
    )
    assert response["Location"] == theme_page.url
