"""The registration form as a person sees it (issue 15): KERN's fieldsets, legends, radios
and checkboxes; after a mistake a summary of every error first, linked to its field; and a
person who is already registered is shown the way to their registration instead of a
second form."""

import datetime

from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import timezone

from konferenzen import links
from konferenzen.models import Registration, RegistrationStatus
from tests.form_checks import assert_error_summary, assert_kern_markup, soup, value_of

from .test_registration_flow import form_data


def url(conference) -> str:
    return reverse("konferenzen:register", args=[conference.slug])


def registered(conference, *, email, user=None, status=RegistrationStatus.CONFIRMED):
    now = timezone.now()
    return Registration.objects.create(
        conference=conference,
        user=user,
        name="Erika Beispiel",
        email=email,
        sector="buergerinnen",
        consented_at=now,
        link_sent_at=now,
        confirmed_at=now if status != RegistrationStatus.PENDING else None,
        status=status,
    )


# --- Markup ------------------------------------------------------------------------------------


def test_the_form_uses_kern_fieldsets_legends_radios_and_checkboxes(client, conference):
    page = soup(client.get(url(conference)))
    assert_kern_markup(page)
    legends = [legend.get_text(" ", strip=True) for legend in page.select("main form legend")]
    assert legends[:3] == [
        "Zu Ihrer Person",
        "Ihr Bereich *",
        "Was Sie brauchen, um gut teilnehmen zu können",
    ]
    # Each group's legend is followed by its own body: nothing shares the legend's line.
    person = page.select_one("main form fieldset")
    assert person.find(class_="kern-fieldset__body", recursive=False).select_one("#id_name")
    assert len(page.select("input.kern-form-check__radio[name=sector]")) == 4
    assert page.select_one("input.kern-form-check__checkbox#id_needs_wheelchair")


def test_a_mostly_optional_form_marks_its_few_required_fields_and_says_so_once(client, conference):
    page = soup(client.get(url(conference)))
    marked = {
        label.get("for") or "legend"
        for label in page.select("main form label, main form legend")
        if label.select_one(".site-required-mark")
    }
    assert marked == {"id_name", "id_email", "id_consent", "legend"}
    assert not page.select(".kern-label__optional")
    assert "Pflichtfelder sind mit einem Sternchen (*) gekennzeichnet." in page.get_text()
    # The star is for the eye; screen readers hear "required" from the input.
    assert page.select_one("#id_name").has_attr("required")
    assert page.select_one(".site-required-mark")["aria-hidden"] == "true"


# --- A failed submit ---------------------------------------------------------------------------


def test_a_failed_submit_lists_every_error_first_and_links_each_to_its_field(client, conference):
    response = client.post(
        url(conference),
        form_data(name="", email="erika-at-example.org", sector=None, consent=None),
    )
    anchors = assert_error_summary(response, fields={"name", "email", "sector", "consent"})
    # The radio group's link leads to its first option.
    assert "id_sector_0" in anchors
    page = soup(response)
    summary = page.select_one("[data-error-summary]")
    # First on the page after the heading: a phone sees it without scrolling.
    assert summary.find_previous(["h1", "form", "dl"]).name == "h1"
    assert "E-Mail-Adresse: Bitte geben Sie eine gültige E-Mail-Adresse an" in summary.text
    assert value_of(page, "email") == "erika-at-example.org"
    assert not Registration.objects.exists()


def test_entered_values_stay_after_a_failed_submit(client, conference):
    table = conference.tables.first()
    response = client.post(
        url(conference),
        form_data(
            consent=None,
            sector="zivilgesellschaft",
            needs_wheelchair="on",
            dietary="vegan",
            needs_other="Ruhiger Platz",
            round1_wish1=str(table.pk),
        ),
    )
    assert_error_summary(response, fields={"consent", "organisation"})
    page = soup(response)
    assert value_of(page, "name") == "Erika Beispiel"
    assert value_of(page, "sector") == "zivilgesellschaft"
    assert value_of(page, "needs_wheelchair") == "on"
    assert value_of(page, "dietary") == "vegan"
    assert value_of(page, "needs_other") == "Ruhiger Platz"
    assert value_of(page, "round1_wish1") == str(table.pk)


def test_the_forms_own_error_is_in_the_summary_without_a_link(client, conference, settings):
    settings.KONFERENZEN_RATE_LIMITS = {"per_address": (5, 3600), "per_ip": (1, 3600)}
    client.post(url(conference), form_data(email="erste@example.org"))
    response = client.post(url(conference), form_data())
    assert response.status_code == 429
    assert_error_summary(response, fields=set(), non_field=1)
    assert "Internetanschluss" in soup(response).select_one("[data-error-summary]").text


def test_nonsense_input_gets_messages_not_a_server_error(client, conference):
    response = client.post(
        url(conference),
        {
            "name": "x" * 5000,
            "email": "\x00@",
            "sector": "keiner",
            "round1_wish1": "9999999999999",
            "round1_wish2": "-1",
            "consent": "on",
        },
    )
    assert response.status_code == 200
    assert_error_summary(response)


def test_the_self_service_form_has_the_summary_too(client, conference):
    registration = registered(conference, email="erika@example.org")
    manage = links.manage_url(registration, absolute=False)
    response = client.post(manage, {"name": "", "needs_other": "x" * 600})
    assert_error_summary(response, fields={"name", "needs_other"})


# --- Already registered ------------------------------------------------------------------------


def assert_notice_instead_of_form(response, registration) -> None:
    page = soup(response)
    assert response.status_code == 200
    notice = page.select_one("main .kern-alert--success")
    assert "Sie sind angemeldet" in notice.text
    link = notice.find("a", string="Ihre Anmeldung ansehen")
    # The token is signed with a timestamp, so compare what it points to, not its text.
    token = link["href"].rstrip("/").rsplit("/", 1)[-1]
    target = links.read(token, salt=links.MANAGE_SALT)
    assert (target.registration_id, target.secret) == (registration.pk, registration.secret)
    assert link["href"] == reverse("konferenzen:manage", args=[token])
    assert page.select("main form") == []


def test_a_person_registered_with_the_account_is_told_so_instead_of_the_form(
    client, citizen, conference
):
    registration = registered(conference, email="andere@example.org", user=citizen)
    client.force_login(citizen)
    assert_notice_instead_of_form(client.get(url(conference)), registration)


def test_a_registration_with_a_confirmed_address_of_the_account_counts_too(
    client, citizen, conference
):
    EmailAddress.objects.create(user=citizen, email="Zweite@Example.org", verified=True)
    registration = registered(
        conference, email="zweite@example.org", status=RegistrationStatus.PENDING
    )
    client.force_login(citizen)
    response = client.get(url(conference))
    assert_notice_instead_of_form(response, registration)
    assert "Bitte bestätigen Sie Ihre Anmeldung noch" in response.content.decode()


def test_posting_the_form_again_shows_the_notice_and_registers_nothing(client, citizen, conference):
    registration = registered(conference, email=citizen.email)
    client.force_login(citizen)
    response = client.post(url(conference), form_data(email="neu@example.org"))
    assert_notice_instead_of_form(response, registration)
    assert Registration.objects.count() == 1


def test_an_unconfirmed_address_does_not_make_someone_elses_registration_theirs(
    client, citizen, conference
):
    EmailAddress.objects.create(user=citizen, email="fremd@example.org", verified=False)
    registered(conference, email="fremd@example.org")
    client.force_login(citizen)
    page = soup(client.get(url(conference)))
    assert page.select_one("main form #id_name")
    assert "Sie sind angemeldet" not in page.text


def test_a_person_who_is_not_registered_or_has_cancelled_gets_the_form(client, citizen, conference):
    client.force_login(citizen)
    assert soup(client.get(url(conference))).select_one("main form #id_name")
    registered(conference, email=citizen.email, status=RegistrationStatus.CANCELLED)
    page = soup(client.get(url(conference)))
    assert page.select_one("main form #id_name")
    assert "Sie sind angemeldet" not in page.text


def test_a_registration_for_another_conference_does_not_count(client, citizen, conference):
    from .conftest import make_conference

    other = make_conference(
        slug="andere",
        starts_at=timezone.now() + datetime.timedelta(days=60),
        ends_at=timezone.now() + datetime.timedelta(days=60, hours=4),
    )
    registered(other, email=citizen.email, user=citizen)
    client.force_login(citizen)
    assert soup(client.get(url(conference))).select_one("main form #id_name")


def test_a_visitor_always_gets_the_form(client, conference):
    registered(conference, email="erika@example.org")
    assert soup(client.get(url(conference))).select_one("main form #id_name")


def test_the_notice_costs_a_bounded_number_of_queries(
    client, citizen, conference, django_assert_max_num_queries
):
    client.force_login(citizen)
    client.get(url(conference))  # the site's chrome is cached after the first page
    with django_assert_max_num_queries(20) as form_page:
        client.get(url(conference))
    registered(conference, email=citizen.email)
    with django_assert_max_num_queries(len(form_page.captured_queries) + 2):
        client.get(url(conference))
