"""The select of the public filters and the search form (cms.widgets.ContentSelect) writes its
options itself, for speed: what it writes is what Django's own templates write, plus the
language mark of content on the English interface."""

import pytest
from django import forms
from django.test.html import parse_html
from django.utils import translation

from cms.widgets import ContentSelect


class DjangoSelect(ContentSelect):
    """The same widget written by Django's templates."""

    render = forms.Select.render


CASES = [
    (
        [("", "Alle"), ("a", "Ä & <b>"), (3, "drei")],
        "a",
        {"class": "kern", "aria-describedby": "h"},
    ),
    ([("", "Alle"), ("Gruppe", [("x", "X"), ("y", "Y")]), ("z", "Z")], "y", {"required": True}),
    ([("", "Alle"), ("a", "A")], None, None),
]


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize(("choices", "value", "attrs"), CASES)
def test_it_writes_what_djangos_templates_write(language, choices, value, attrs):
    with translation.override(language):
        ours = ContentSelect(choices=choices).render("theme", value, attrs)
        django = DjangoSelect(choices=choices).render("theme", value, attrs)
    assert parse_html(ours) == parse_html(django)


def test_content_options_are_marked_german_on_the_english_interface_and_escaped():
    with translation.override("en"):
        html = ContentSelect(choices=[("", "All"), ("a", "Ä & <b>")]).render("theme", "a")
    assert '<option value="">All</option>' in html
    assert '<option value="a" lang="de" selected>Ä &amp; &lt;b&gt;</option>' in html
