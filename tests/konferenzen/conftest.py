import pytest

from cms.models import StagePage
from konferenzen.models import ConferencePage
from tests import factories


def make_conference(*, capacity=3, quotas=None, tables=("Mobilität", "Wohnen", "Arbeit"), **fields):
    return factories.ConferenceFactory(
        **{"slug": "wie-wir-es-wollen", **fields}, capacity=capacity, quotas=quotas, tables=tables
    )


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
