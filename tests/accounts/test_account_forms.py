"""Sign-up, sign-in, password and address forms, the display name and the deletion of the
account (issue 15): KERN markup, and after a mistake the error summary first – focused,
linked to each field – with "Fehler:" before the title and what was typed still there."""

import pytest
from django.core.cache import cache

from tests.factories import PASSWORD, UserFactory
from tests.form_checks import assert_error_summary, assert_kern_markup, soup, value_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.mark.parametrize("path", ["/konto/signup/", "/konto/login/", "/konto/password/reset/"])
def test_the_entrance_forms_use_kern_markup(client, path):
    page = soup(client.get(path))
    assert_kern_markup(page)
    assert not page.select("[data-error-summary]")
    assert not page.title.get_text().startswith("Fehler")


def test_a_failed_sign_up_lists_the_errors_first_and_keeps_what_was_typed(client):
    UserFactory(display_name="Dortmunderin")
    response = client.post(
        "/konto/signup/",
        {
            "email": "keine-adresse",
            "display_name": "dortmunderin",
            "password1": PASSWORD,
            "password2": PASSWORD + "x",
        },
    )
    assert_error_summary(response, fields={"email", "display_name", "password2"})
    page = soup(response)
    assert value_of(page, "email") == "keine-adresse"
    assert value_of(page, "display_name") == "dortmunderin"


def test_a_failed_sign_in_lists_the_forms_own_error(client):
    UserFactory(email="erika@example.org")
    response = client.post(
        "/konto/login/", {"login": "erika@example.org", "password": "falsch-falsch"}
    )
    assert_error_summary(response, fields=set(), non_field=1)
    assert value_of(soup(response), "login") == "erika@example.org"


def test_an_empty_sign_in_links_both_fields(client):
    response = client.post("/konto/login/", {"login": "", "password": ""})
    assert_error_summary(response, fields={"login", "password"})


def test_a_password_reset_with_a_broken_address_says_so(client):
    response = client.post("/konto/password/reset/", {"email": "kaputt@"})
    assert_error_summary(response, fields={"email"})
    assert value_of(soup(response), "email") == "kaputt@"


@pytest.fixture
def signed_in(client, citizen):
    client.force_login(citizen)
    return citizen


def test_changing_the_password_with_a_wrong_old_one(client, signed_in):
    page = soup(client.get("/konto/password/change/"))
    assert_kern_markup(page)
    response = client.post(
        "/konto/password/change/",
        {"oldpassword": "falsch", "password1": "kurz", "password2": "anders"},
    )
    assert_error_summary(response)
    assert response.status_code == 200


def test_changing_the_address_to_a_broken_one(client, signed_in):
    assert_kern_markup(soup(client.get("/konto/email/")))
    response = client.post("/konto/email/", {"action_add": "", "email": "nicht@gültig"})
    assert_error_summary(response, fields={"email"})
    assert value_of(soup(response), "email") == "nicht@gültig"


def test_a_display_name_that_breaks_the_rules(client, signed_in):
    assert_kern_markup(soup(client.get("/konto/")))
    response = client.post("/konto/", {"display_name": "x"})
    assert_error_summary(response, fields={"display_name"})
    assert value_of(soup(response), "display_name") == "x"


def test_deleting_the_account_with_a_wrong_password(client, signed_in):
    assert_kern_markup(soup(client.get("/konto/loeschen/")))
    response = client.post("/konto/loeschen/", {"password": "falsch"})
    assert response.status_code == 400
    assert_error_summary(response, fields={"password"})
    assert soup(response).title.get_text().startswith("Fehler: Konto löschen")
