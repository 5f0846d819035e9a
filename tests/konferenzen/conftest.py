import datetime

import pytest
from django.utils import timezone

from cms.models import StagePage
from konferenzen.models import CafeTable, Conference, ConferencePage, SectorQuota
from tests import factories


def make_conference(*, capacity=3, quotas=None, tables=("Mobilität", "Wohnen", "Arbeit"), **fields):
    now = timezone.now()
    defaults = {
        "title": "Unser Dortmund – Wie wir es wollen",
        "slug": "wie-wir-es-wollen",
        "stage": 4,
        "starts_at": now + datetime.timedelta(days=20),
        "ends_at": now + datetime.timedelta(days=20, hours=6),
        "venue_name": "Rathaus",
        "venue_address": "Friedensplatz 1\n44135 Dortmund",
        "venue_accessibility": "Stufenloser Zugang.",
        "capacity": capacity,
        "registration_opens": now - datetime.timedelta(days=5),
        "registration_closes": now + datetime.timedelta(days=15),
        "contact_email": "konferenzteam@example.org",
    }
    conference = Conference.objects.create(**{**defaults, **fields})
    for sector, seats in (quotas or {}).items():
        SectorQuota.objects.create(conference=conference, sector=sector, seats=seats)
    for order, title in enumerate(tables):
        CafeTable.objects.create(conference=conference, title=title, seats=10, sort_order=order)
    return conference


@pytest.fixture
def conference(process):
    conference = make_conference()
    stage = StagePage.objects.get(locale__language_code="de", number=4)
    factories.publish(
        stage,
        ConferencePage(title=conference.title, slug="konferenz", conference=conference),
    )
    return conference


@pytest.fixture
def team_member(db):
    return factories.UserFactory(display_name="Konferenzteam", roles=["Konferenzteam"])
