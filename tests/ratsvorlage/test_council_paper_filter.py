"""The council paper's list offers "alle" or "nur die verbindlich beschlossene" as two radio
buttons, sent by GET, working without JavaScript – no raw yes/no/unknown select."""

import pytest
from bs4 import BeautifulSoup

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def versions(process):
    factories.paper_version(1, state="published")
    factories.paper_version(2, state="published", binding=True)
    factories.paper_version(3, state="published")


def listed(html) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [a.get_text(strip=True) for a in soup.select("main li a[href^='/ratsvorlage/']")]


def radios(html) -> list[tuple[str, str, bool]]:
    soup = BeautifulSoup(html, "html.parser")
    form = soup.select_one("main form[method=get]")
    return [
        (radio["value"], soup.select_one(f"label[for={radio['id']}]").get_text(strip=True),
         radio.has_attr("checked"))
        for radio in form.select("input[type=radio][name=binding]")
    ]  # fmt: skip


def test_the_filter_offers_all_or_only_the_binding_version(client, versions):
    html = client.get("/ratsvorlage/").content.decode()
    assert radios(html) == [
        ("", "alle", True),
        ("true", "nur die verbindlich beschlossene", False),
    ]
    soup = BeautifulSoup(html, "html.parser")
    fieldset = soup.select_one("main form fieldset")
    assert fieldset.select_one("legend").get_text(strip=True) == "Fassungen"
    assert "Unbekannt" not in html and "<select" not in str(soup.select_one("main form"))
    assert len(listed(html)) == 3


def test_only_the_binding_version_when_chosen(client, versions):
    html = client.get("/ratsvorlage/", {"binding": "true"}).content.decode()
    assert listed(html) == ["Fassung 2: Ratsvorlage 2"]
    assert [checked for _value, _label, checked in radios(html)] == [False, True]


def test_all_versions_again_when_alle_is_chosen(client, versions):
    html = client.get("/ratsvorlage/", {"binding": ""}).content.decode()
    assert len(listed(html)) == 3
    assert [checked for _value, _label, checked in radios(html)] == [True, False]


def test_without_a_binding_version_the_list_says_so(client, process):
    factories.paper_version(1, state="published")
    html = client.get("/ratsvorlage/", {"binding": "true"}).content.decode()
    assert listed(html) == [] and "Keine Fassung passt zu dieser Auswahl." in html


def test_a_forged_choice_is_refused_next_to_the_field_and_all_versions_stay(client, versions):
    response = client.get("/ratsvorlage/", {"binding": "vielleicht"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bitte eine gültige Auswahl treffen." in html
    assert len(listed(html)) == 3


def test_without_any_published_version_there_is_nothing_to_filter(client, process):
    factories.paper_version(1, state="draft")
    html = client.get("/ratsvorlage/").content.decode()
    assert "Noch keine Fassung veröffentlicht." in html
    assert 'name="binding"' not in html
