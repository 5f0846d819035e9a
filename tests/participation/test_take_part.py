"""The take-part page (/beteiligung/mitmachen/): every statement open for votes now, from all
themes, with its vote buttons; where the home page's "Jetzt mitmachen" leads."""

import datetime
import re

import pytest

from cms.models import StagePage
from participation.models import Vote
from tests import factories
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

URL = "/beteiligung/mitmachen/"


def listed(html: str) -> list[int]:
    """The statements on the page, in their order."""
    return [
        int(n) for n in re.findall(r'<article class="statement-card"[^>]*id="aussage-(\d+)"', html)
    ]


@pytest.fixture
def themes(process):
    return factories.theme_page("Mobilität").theme, factories.theme_page("Wohnen").theme


def open_stage_one_too(today):
    """The Ausgangsbilder stay open past their stage, as before a conference."""
    stage = StagePage.objects.get(locale__language_code="de", number=1)
    stage.consultation_until = today + datetime.timedelta(days=5)
    stage.save_revision().publish()


def test_lists_only_statements_whose_consultation_is_open(client, themes):
    mobility, housing = themes
    open_one = factories.statement(mobility, stage=3)
    other_theme = factories.statement(housing, stage=3)
    closed = factories.statement(mobility, stage=1, kind="ausgangsbild")
    draft = factories.statement(mobility, stage=3, state="draft")
    withdrawn = factories.statement(mobility, stage=3, state="withdrawn")
    response = client.get(URL)
    assert response.status_code == 200
    shown = listed(response.content.decode())
    assert sorted(shown) == sorted([open_one.pk, other_theme.pk])
    assert not {closed.pk, draft.pk, withdrawn.pk} & set(shown)


def test_each_card_names_its_theme_and_links_there(client, themes):
    mobility, _housing = themes
    factories.statement(mobility, stage=3)
    html = client.get(URL).content.decode()
    assert (
        f'Schwerpunktthema: <a class="kern-link" href="/themen/{mobility.slug}/">Mobilität</a>'
        in html
    )


def test_filters_by_theme_and_kind(client, themes, today):
    open_stage_one_too(today)
    mobility, housing = themes
    zielbild = factories.statement(mobility, stage=3, kind="zielbild")
    ausgangsbild = factories.statement(mobility, stage=1, kind="ausgangsbild")
    elsewhere = factories.statement(housing, stage=3, kind="zielbild")
    assert sorted(listed(client.get(URL).content.decode())) == sorted(
        [zielbild.pk, ausgangsbild.pk, elsewhere.pk]
    )
    by_theme = client.get(URL, {"theme": mobility.slug}).content.decode()
    assert sorted(listed(by_theme)) == sorted([zielbild.pk, ausgangsbild.pk])
    assert "Mobilität (2)" in by_theme and "Wohnen (1)" in by_theme
    by_kind = client.get(URL, {"kind": "ausgangsbild"}).content.decode()
    assert listed(by_kind) == [ausgangsbild.pk]
    both = client.get(URL, {"theme": housing.slug, "kind": "zielbild"}).content.decode()
    assert listed(both) == [elsewhere.pk]
    # The filters stay open while set, so that one sees what is chosen.
    assert '<details class="kern-accordion site-section take-part__filters" open>' in both


def test_an_unknown_theme_or_kind_gets_a_message_not_an_error(client, themes):
    factories.statement(themes[0], stage=3)
    response = client.get(URL, {"theme": "gibt-es-nicht", "kind": "ausgangsbild"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bitte prüfen Sie Ihre Eingaben." in html
    assert 'id="id_theme-error"' in html and 'id="id_kind-error"' in html


def test_fewest_votes_first_and_the_order_is_explained(client, themes):
    mobility, _housing = themes
    oldest = factories.statement(mobility, stage=3)
    seen_most = factories.statement(mobility, stage=3, agree_count=600, disagree_count=200)
    seen_some = factories.statement(mobility, stage=3, agree_count=3, neutral_count=1)
    newest = factories.statement(mobility, stage=3)
    html = client.get(URL).content.decode()
    # No votes yet first (the newer of two equals first), the most seen last.
    assert listed(html) == [newest.pk, oldest.pk, seen_some.pk, seen_most.pk]
    assert "Oben stehen die Aussagen mit den wenigsten Bewertungen" in html
    by_date = client.get(URL, {"sort": "neu"}).content.decode()
    assert listed(by_date) == [newest.pk, seen_some.pk, seen_most.pk, oldest.pk]
    assert "Oben stehen die zuletzt veröffentlichten Aussagen." in by_date


def test_paginates_twenty_a_page(client, themes):
    for _ in range(23):
        factories.statement(themes[0], stage=3)
    first = client.get(URL).content.decode()
    assert len(listed(first)) == 20
    assert "23 Aussagen gefunden" in first and "Seite 1 von 2" in first
    second = client.get(URL, {"page": 2}).content.decode()
    assert len(listed(second)) == 3
    assert not set(listed(first)) & set(listed(second))
    assert client.get(URL, {"page": "x"}).status_code == 200


def test_a_visitor_sees_the_cards_and_a_sign_in_that_returns_here(client, themes):
    factories.statement(themes[0], stage=3)
    html = client.get(URL, {"theme": themes[0].slug}).content.decode()
    assert len(listed(html)) == 1
    back_here = f"/konto/login/?next=/beteiligung/mitmachen/%3Ftheme%3D{themes[0].slug}"
    assert f'<a class="kern-btn kern-btn--primary" href="{back_here}">' in html
    assert "Melden Sie sich an, um mitzumachen." in html
    assert re.search(r'<button type="submit" name="choice" value="agree"[^>]* disabled>', html)


def test_after_signing_in_a_citizen_votes_from_the_page_and_comes_back(client, themes, citizen):
    statement = factories.statement(themes[0], stage=3)
    signed_in = client.post(
        f"/konto/login/?next={URL}", {"login": citizen.email, "password": PASSWORD}
    )
    assert signed_in.status_code == 302 and signed_in["Location"] == URL
    page = client.get(URL).content.decode()
    assert "Zum Bewerten und Kommentieren melden Sie sich an." not in page
    assert not re.search(r'<button type="submit" name="choice" value="agree"[^>]* disabled>', page)

    voted = client.post(
        f"/beteiligung/aussagen/{statement.pk}/bewerten/", {"choice": "agree", "next": URL}
    )
    assert voted.status_code == 302
    assert voted["Location"] == f"{URL}#aussage-{statement.pk}"
    assert Vote.objects.get(user=citizen, statement=statement).choice == "agree"
    again = client.get(URL).content.decode()
    assert "Ihre Bewertung wurde gespeichert." in again
    assert re.search(
        r'value="agree" class="kern-btn kern-btn--primary[^"]*" aria-pressed="true"', again
    )


def test_a_citizen_can_leave_out_what_they_rated_already(client, themes, citizen):
    rated = factories.statement(themes[0], stage=3)
    unrated = factories.statement(themes[0], stage=3)
    Vote.objects.create(user=citizen, statement=rated, choice="neutral")
    assert "Nur Aussagen, die ich noch nicht bewertet habe" not in client.get(URL).content.decode()
    client.force_login(citizen)
    assert sorted(listed(client.get(URL).content.decode())) == sorted([rated.pk, unrated.pk])
    assert listed(client.get(URL, {"unvoted": "on"}).content.decode()) == [unrated.pk]


def test_an_unverified_account_is_told_to_confirm_first(client, themes):
    factories.statement(themes[0], stage=3)
    client.force_login(factories.UserFactory(verified=False))
    html = client.get(URL).content.decode()
    assert "Bestätigen Sie zuerst Ihre E-Mail-Adresse, um mitzumachen." in html


def test_when_no_consultation_is_open_the_page_says_when_the_next_begins(client, today):
    factories.process_with_stages(today=today, running=0)
    html = client.get(URL).content.decode()
    assert "Gerade ist keine Online-Beteiligung geöffnet" in html
    opens = StagePage.objects.get(locale__language_code="de", number=1).start_date
    assert "Die nächste Online-Beteiligung beginnt am" in html
    assert f"{opens.day}." in html and 'href="/stadtgespraech/stufe-1/"' in html
    assert "statement-card" not in html


def test_after_the_last_consultation_the_page_names_the_next_stage(client, today):
    factories.process_with_stages(today=today, running=5)
    factories.theme_page("Mobilität")
    html = client.get(URL).content.decode()
    assert "Gerade ist keine Online-Beteiligung geöffnet" in html
    assert "beginnt am" in html and 'href="/stadtgespraech/stufe-6/"' in html
    assert 'href="/themen/"' in html


@pytest.mark.parametrize("signed_in", [False, True])
def test_queries_do_not_grow_with_the_statements(
    client, themes, citizen, signed_in, django_assert_max_num_queries
):
    if signed_in:
        client.force_login(citizen)

    def add(count):
        for number in range(count):
            statement = factories.statement(themes[number % 2], stage=3, agree_count=number)
            Vote.objects.create(user=citizen, statement=statement, choice="agree")
            factories.comment(statement)

    add(5)
    client.get(URL)
    with django_assert_max_num_queries(25) as few:
        assert client.get(URL).status_code == 200
    few = len(few.captured_queries)
    add(55)
    client.get(URL)
    with django_assert_max_num_queries(few):
        assert client.get(URL, {"theme": themes[0].slug, "page": 2}).status_code == 200
    with django_assert_max_num_queries(few):
        assert client.get(URL).status_code == 200


def test_the_page_in_english(client, themes):
    factories.statement(themes[0], stage=3)
    html = client.get("/en/beteiligung/mitmachen/").content.decode()
    assert '<html lang="en"' in html
    assert "Take part" in html and "Filter and sort" in html


def test_on_skewed_volume_the_late_statements_come_first(client, themes, citizen):
    """As in real consultations: the early statements collected thousands of votes, those
    added late a handful; the first page must offer the late ones, the most seen last."""
    from participation.models import Statement

    mobility, housing = themes
    sector = factories.sector()
    early = [
        Statement(
            theme=mobility if n % 3 else housing,
            kind="zielbild",
            stage=3,
            sector=sector,
            state="published",
            text=f"Frühe Aussage {n}",
            agree_count=400 + 7 * n,
            disagree_count=150 + 3 * n,
            neutral_count=50,
        )
        for n in range(280)
    ]
    late = [
        Statement(
            theme=housing,
            kind="zielbild",
            stage=3,
            sector=sector,
            state="published",
            text=f"Späte Aussage {n}",
            agree_count=n % 4,
            disagree_count=n % 3,
        )
        for n in range(20)
    ]
    Statement.objects.bulk_create(early)
    Statement.objects.bulk_create(late)
    late_ids = set(Statement.objects.filter(text__startswith="Späte").values_list("pk", flat=True))
    first_page = listed(client.get(URL).content.decode())
    assert set(first_page) == late_ids
    totals = {s.pk: s.vote_count for s in Statement.objects.filter(pk__in=first_page)}
    assert [totals[pk] for pk in first_page] == sorted(totals.values())
    # The most seen statement is on the last page, last.
    most_seen = Statement.objects.filter(text="Frühe Aussage 279").get()
    last_page = listed(client.get(URL, {"page": 15}).content.decode())
    assert last_page[-1] == most_seen.pk
    # A citizen who rated the late ones is offered the least seen of the rest next.
    for pk in late_ids:
        Vote.objects.create(user=citizen, statement_id=pk, choice="agree")
    client.force_login(citizen)
    next_up = listed(client.get(URL, {"unvoted": "on"}).content.decode())
    assert next_up[0] == Statement.objects.get(text="Frühe Aussage 0").pk
    assert not set(next_up) & late_ids
