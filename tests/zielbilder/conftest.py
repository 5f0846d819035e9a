import pytest

from tests import factories


@pytest.fixture
def theme(process):
    """The theme the consolidation works on, with its page in a running process."""
    return factories.theme_page("Mobilität").theme


@pytest.fixture
def strategist(client):
    """A member of the strategy team, signed in."""
    user = factories.UserFactory(roles=["Strategieteam"])
    client.force_login(user)
    return user
