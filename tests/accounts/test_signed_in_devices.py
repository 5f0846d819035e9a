"""Signed-in devices (/konto/sessions/): every sign-in is recorded with its device, so that
people can see where they are signed in and sign the others out, and so that deleting an
account can end every session."""

from allauth.usersessions.models import UserSession
from django.test import Client

from tests.factories import PASSWORD


def sign_in(email: str, browser: str) -> Client:
    device = Client(HTTP_USER_AGENT=browser)
    response = device.post("/konto/login/", {"login": email, "password": PASSWORD})
    assert response.status_code == 302
    return device


def test_the_page_lists_each_device_and_signs_out_the_others(citizen):
    phone = sign_in(citizen.email, "Telefon-Browser")
    laptop = sign_in(citizen.email, "Laptop-Browser")
    page = phone.get("/konto/sessions/").content.decode()
    assert "Telefon-Browser" in page and "Laptop-Browser" in page
    assert "127.0.0.1" in page

    response = phone.post("/konto/sessions/")
    assert response.status_code == 302
    assert laptop.get("/konto/").status_code == 302
    assert phone.get("/konto/").status_code == 200
    assert UserSession.objects.filter(user=citizen).count() == 1


def test_signing_out_forgets_the_device(citizen):
    device = sign_in(citizen.email, "Browser")
    assert UserSession.objects.filter(user=citizen).count() == 1
    device.post("/konto/logout/")
    assert not UserSession.objects.filter(user=citizen).exists()


def test_an_admin_sign_in_is_recorded_too(citizen):
    citizen.is_staff = True
    citizen.save()
    device = Client()
    device.post("/admin/login/", {"username": citizen.email, "password": PASSWORD})
    assert UserSession.objects.filter(user=citizen).exists()
