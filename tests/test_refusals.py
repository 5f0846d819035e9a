"""One refusal for every service (config.refusals.Refused) and one way to show it (`show`)."""

import ast

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory

from config.refusals import Refused, show

from .sources import nodes


class CommentForm(forms.Form):
    text = forms.CharField()
    email = forms.EmailField(required=False)


@pytest.fixture
def request_with_messages():
    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_it_stands_beside_the_field_it_names_and_everything_typed_stays(request_with_messages):
    form = CommentForm({"text": "Mein Kommentar", "email": "a@example.org"})
    assert form.is_valid()
    status = show(request_with_messages, Refused("Diese Adresse ist gesperrt.", "email"), form)
    assert status == 400
    assert form.errors == {"email": ["Diese Adresse ist gesperrt."]}
    assert form["text"].value() == "Mein Kommentar"


def test_without_a_field_of_its_own_it_stands_beside_the_one_the_view_names(
    request_with_messages,
):
    form = CommentForm({"text": "x"})
    form.is_valid()
    refused = Refused("Bitte warten Sie.", rate_limited=True)
    assert show(request_with_messages, refused, form, field="text") == 429
    assert form.errors == {"text": ["Bitte warten Sie."]}


def test_a_field_the_form_does_not_have_makes_it_the_forms_error(request_with_messages):
    form = CommentForm({"text": "x"})
    form.is_valid()
    show(request_with_messages, Refused("Schon beschlossen.", "decided_on"), form)
    assert form.non_field_errors() == ["Schon beschlossen."]


def test_without_a_form_it_is_a_message_on_the_next_page(request_with_messages):
    assert show(request_with_messages, Refused("Die Abstimmung ist beendet.")) == 400
    shown = [(m.level_tag, m.message) for m in get_messages(request_with_messages)]
    assert shown == [("error", "Die Abstimmung ist beendet.")]


def test_no_app_defines_a_refusal_of_its_own():
    """One class, so that a view catches every rule's "no" the same way."""
    found = [
        f"{path}:{node.lineno} {node.name}"
        for path, node in nodes()
        if isinstance(node, ast.ClassDef) and "Refused" in node.name
    ]
    assert found == ["config/refusals.py:16 Refused"]
