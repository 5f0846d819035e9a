import pytest

from tests import factories


@pytest.fixture
def theme_page(process):
    return factories.theme_page("Mobilität")


@pytest.fixture
def zielbild(theme_page):
    """A Zielbild of stage 3, whose consultation is open today."""
    return factories.statement(theme_page.theme, stage=3, kind="zielbild")


@pytest.fixture
def ausgangsbild(theme_page):
    """An Ausgangsbild of stage 1, whose consultation closed weeks ago."""
    return factories.statement(theme_page.theme, stage=1, kind="ausgangsbild")


@pytest.fixture
def moderator(db):
    return factories.UserFactory(display_name="Moderatorin", roles=["Moderation"])
