"""The city conference of stage 4 agrees on the catalogue of Zielbilder; the team records it,
and the public sees what was agreed and what changed since."""

import datetime

import pytest
from django.utils import timezone

from tests import factories
from tests.konferenzen.conftest import make_conference
from zielbilder.models import CatalogueAgreement, ConsolidatedZielbild

pytestmark = pytest.mark.django_db
URL = "/admin/katalogbeschluss/"


@pytest.fixture
def held_conference(process):
    now = timezone.now()
    return make_conference(
        starts_at=now - datetime.timedelta(days=3),
        ends_at=now - datetime.timedelta(days=3, hours=-6),
        registration_opens=now - datetime.timedelta(days=40),
        registration_closes=now - datetime.timedelta(days=5),
    )


def published(theme, text):
    zielbild = ConsolidatedZielbild.objects.create(theme=theme, text=text, live=False)
    zielbild.save_revision().publish()
    return zielbild


def record(client, conference, *, on=None, note=""):
    return client.post(
        URL,
        {
            "conference": conference.pk,
            "agreed_on": (on or timezone.localdate()).isoformat(),
            "note": note,
        },
        follow=True,
    )


def test_the_team_records_the_agreement_and_the_public_sees_it(
    client, strategist, theme, held_conference
):
    zielbild = published(theme, "Alle kommen sicher ans Ziel.")
    draft = ConsolidatedZielbild.objects.create(theme=theme, text="Noch ein Entwurf.", live=False)
    response = record(client, held_conference, note="Einstimmig.")
    assert "Eingetragen: 1 Zielbilder beschlossen" in response.content.decode()
    agreement = CatalogueAgreement.objects.get()
    assert list(agreement.zielbilder.values_list("zielbild", flat=True)) == [zielbild.pk]
    assert draft.pk not in agreement.zielbilder.values_list("zielbild", flat=True)

    client.logout()
    page = client.get(f"/strategie/zielbilder/{theme.slug}/").content.decode()
    assert f"„{held_conference.title}“ hat die konsolidierten Zielbilder" in page
    assert "So von der Stadtkonferenz beschlossen." in page and "Einstimmig." in page


def test_a_zielbild_changed_or_added_after_the_agreement_says_so(
    client, strategist, theme, held_conference
):
    zielbild = published(theme, "Alle kommen sicher ans Ziel.")
    record(client, held_conference)
    zielbild.text = "Alle kommen sicher und schnell ans Ziel."
    zielbild.save_revision().publish()
    published(theme, "Ein neues Zielbild.")
    page = client.get(f"/strategie/zielbilder/{theme.slug}/").content.decode()
    assert "Nach dem Beschluss der Stadtkonferenz geändert." in page
    assert "Alle kommen sicher ans Ziel." in page  # the agreed wording stays readable
    assert "Nach dem Beschluss der Stadtkonferenz hinzugekommen" in page


@pytest.mark.parametrize(
    "change, message",
    [
        ({"stage": 2}, "Den Katalog beschließt die Stadtkonferenz der Stufe 4."),
        ({"on": "future"}, "liegt in der Zukunft"),
        ({"on": "before"}, "liegt vor der Konferenz"),
    ],
)
def test_a_wrong_conference_or_date_is_refused_next_to_its_field(
    client, strategist, theme, held_conference, change, message
):
    published(theme, "Ziel.")
    on = None
    if change.get("on") == "future":
        on = timezone.localdate() + datetime.timedelta(days=1)
    if change.get("on") == "before":
        on = timezone.localdate() - datetime.timedelta(days=10)
    if "stage" in change:
        # The form offers stage-4 conferences only; a stage-2 one is refused by the rule too.
        from config.refusals import Refused
        from zielbilder.catalogue import agree_catalogue

        held_conference.stage = 2
        held_conference.save()
        with pytest.raises(Refused, match=message):
            agree_catalogue(conference=held_conference, agreed_on=timezone.localdate())
        response = record(client, held_conference)
        assert response.status_code == 400
        assert "gültige Auswahl" in response.content.decode()
    else:
        response = record(client, held_conference, on=on)
        assert response.status_code == 400
        assert message in response.content.decode()
    assert not CatalogueAgreement.objects.exists()


def test_without_a_published_zielbild_there_is_nothing_to_agree_on(
    client, strategist, theme, held_conference
):
    ConsolidatedZielbild.objects.create(theme=theme, text="Entwurf.", live=False)
    response = record(client, held_conference)
    assert "noch kein konsolidiertes Zielbild veröffentlicht" in response.content.decode()
    assert not CatalogueAgreement.objects.exists()


def test_an_overlong_note_is_refused_and_the_typed_text_kept(
    client, strategist, theme, held_conference
):
    published(theme, "Ziel.")
    response = record(client, held_conference, note="x" * 2001)
    page = response.content.decode()
    assert response.status_code == 400 and "höchstens 2000 Zeichen" in page
    assert "x" * 2001 in page


@pytest.mark.parametrize("role", ["Redaktion", "Moderation", "Konferenzteam", "Ratsmitglieder"])
def test_only_the_strategy_team_records_an_agreement(client, theme, held_conference, role):
    published(theme, "Ziel.")
    client.force_login(factories.UserFactory(roles=[role]))
    assert client.get(URL).status_code in (302, 403)
    assert client.post(URL, {"conference": held_conference.pk}).status_code in (302, 403)
    assert not CatalogueAgreement.objects.exists()
