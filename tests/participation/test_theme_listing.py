"""The theme page lists its statements with filters, sorting, text search, counts and
pages; the statement page shows the text, the result and the comments. Neither page's
query count grows with the data."""

import pytest

from participation.models import Statement, Vote
from participation.votes import recount_votes
from tests import factories


def test_filters_by_kind_source_and_stage(client, theme_page):
    theme = theme_page.theme
    factories.statement(theme, text="Zielbild aus der Politik.", source="politik")
    factories.statement(
        theme,
        text="Ausgangsbild aus den Institutionen.",
        kind="ausgangsbild",
        stage=1,
        source="institutionen",
    )
    html = client.get(theme_page.url + "?kind=ausgangsbild").content.decode()
    assert "Ausgangsbild aus den Institutionen." in html
    assert "Zielbild aus der Politik." not in html
    html = client.get(theme_page.url + "?sector=politik").content.decode()
    assert "Zielbild aus der Politik." in html and "Institutionen." not in html
    html = client.get(theme_page.url + "?stage=1").content.decode()
    assert "1 Aussage gefunden" in html


def test_filter_options_show_their_counts(client, theme_page):
    theme = theme_page.theme
    for _ in range(2):
        factories.statement(theme)
    factories.statement(theme, kind="ausgangsbild", stage=1)
    html = client.get(theme_page.url).content.decode()
    assert "Zielbild (2)" in html and "Ausgangsbild (1)" in html
    assert "3 Aussagen gefunden" in html


def test_text_search(client, theme_page):
    factories.statement(theme_page.theme, text="Mehr Radwege im Norden.")
    factories.statement(theme_page.theme, text="Kitas für alle Kinder.")
    html = client.get(theme_page.url + "?q=Radwege").content.decode()
    assert "Mehr Radwege im Norden." in html and "Kitas für alle" not in html


def test_a_too_long_search_says_why_next_to_the_field(client, theme_page):
    response = client.get(theme_page.url + "?q=" + "x" * 300)
    assert response.status_code == 200
    assert "Bitte höchstens 200 Zeichen eingeben." in response.content.decode()


@pytest.mark.parametrize(
    "sort, first",
    [
        ("neu", "Neu"),
        ("zustimmung", "Beliebt"),
        ("umstritten", "Umstritten"),
        ("diskutiert", "Diskutiert"),
    ],
)
def test_sorting(client, theme_page, sort, first):
    theme = theme_page.theme
    popular = factories.statement(theme, text="Beliebt.")
    disputed = factories.statement(theme, text="Umstritten.")
    discussed = factories.statement(theme, text="Diskutiert.")
    factories.statement(theme, text="Neu.")
    for choice in ["agree"] * 5:
        Vote.objects.create(statement=popular, user=factories.UserFactory(), choice=choice)
    for choice in ["agree", "agree", "disagree", "disagree"]:
        Vote.objects.create(statement=disputed, user=factories.UserFactory(), choice=choice)
    for statement in (popular, disputed):
        recount_votes(statement)
    for _ in range(2):
        factories.comment(discussed)
    html = client.get(f"{theme_page.url}?sort={sort}").content.decode()
    positions = {t: html.index(t) for t in ["Beliebt.", "Umstritten.", "Diskutiert.", "Neu."]}
    assert min(positions, key=positions.get) == first + "."


def test_most_agreement_sorts_by_the_share_not_by_the_number_of_agree_votes(client, theme_page):
    """More agree votes at a lower share (an early statement, seen more) rank below a share
    of agree votes one can be confident of (participation.rankings)."""
    theme = theme_page.theme
    seen_more = factories.statement(theme, text="Lange online, 60 zu 40.")
    liked = factories.statement(theme, text="Später dazu, 14 zu 0.")
    for statement, agree, disagree in ((seen_more, 60, 40), (liked, 14, 0)):
        for choice in ["agree"] * agree + ["disagree"] * disagree:
            Vote.objects.create(statement=statement, user=factories.UserFactory(), choice=choice)
        recount_votes(statement)
    html = client.get(f"{theme_page.url}?sort=zustimmung").content.decode()
    assert html.index("Später dazu, 14 zu 0.") < html.index("Lange online, 60 zu 40.")
    assert "Gereiht nach dem Anteil der Ja-Stimmen unter allen Ja- und Nein-Stimmen" in html
    assert "Gereiht" not in client.get(f"{theme_page.url}?sort=neu").content.decode()


def test_an_unknown_sort_or_kind_is_explained_not_an_error(client, theme_page):
    response = client.get(theme_page.url + "?sort=boese&kind=quatsch&stage=9&page=abc")
    assert response.status_code == 200
    assert "Bitte eine gültige Auswahl treffen." in response.content.decode()


def test_drafts_are_not_listed_and_withdrawn_ones_are_marked(client, theme_page):
    factories.statement(theme_page.theme, text="Noch ein Entwurf.", state="draft")
    factories.statement(theme_page.theme, text="Zurückgezogen.", state="withdrawn")
    html = client.get(theme_page.url).content.decode()
    assert "Noch ein Entwurf." not in html
    assert "Zurückgezogen." in html and "zurückgezogen" in html


def test_pagination_twenty_per_page(client, theme_page):
    for number in range(25):
        factories.statement(theme_page.theme, text=f"Aussage {number:02d}.")
    first = client.get(theme_page.url).content.decode()
    second = client.get(theme_page.url + "?page=2").content.decode()
    assert first.count('class="statement-card"') == 20
    assert second.count('class="statement-card"') == 5
    assert "Seite 2 von 2" in second


def _fill(theme, statements: int, comments_each: int, votes_each: int):
    voters = [factories.UserFactory() for _ in range(votes_each)]
    for number in range(statements):
        statement = factories.statement(theme, text=f"Aussage {number}.")
        for voter in voters:
            Vote.objects.create(statement=statement, user=voter, choice="agree")
        recount_votes(statement)
        for _ in range(comments_each):
            factories.comment(statement, author=voters[0] if voters else None)
    return Statement.objects.filter(theme=theme).first()


@pytest.mark.parametrize("sort", ["umstritten", "zustimmung"])
@pytest.mark.parametrize("size", [1, 25])
def test_theme_page_queries_do_not_grow_with_the_data(
    client, citizen, theme_page, size, sort, django_assert_max_num_queries
):
    _fill(theme_page.theme, statements=size, comments_each=1, votes_each=min(size, 5))
    client.force_login(citizen)
    # A cold cache: with content in two languages, filling the site cache looks up locales
    # and translations (three queries more than with one language); none grows with data.
    with django_assert_max_num_queries(40):
        assert client.get(f"{theme_page.url}?sort={sort}").status_code == 200


@pytest.mark.parametrize("size", [1, 30])
def test_statement_page_queries_do_not_grow_with_the_data(
    client, citizen, theme_page, size, django_assert_max_num_queries
):
    statement = factories.statement(theme_page.theme)
    authors = [factories.UserFactory() for _ in range(3)]
    for number in range(size):
        top = factories.comment(statement, author=authors[number % 3])
        factories.comment(statement, author=authors[(number + 1) % 3], parent=top)
        Vote.objects.create(statement=statement, user=factories.UserFactory(), choice="agree")
    client.force_login(citizen)
    with django_assert_max_num_queries(31):
        assert client.get(statement.get_absolute_url()).status_code == 200


def test_the_english_theme_page_labels_controls_in_english_and_keeps_german_text_marked(
    client, citizen, zielbild, theme_page
):
    client.force_login(citizen)
    html = client.get("/en" + theme_page.url).content.decode()
    assert ">Agree<" in html and ">Disagree<" in html
    assert "Vision statement" in html
    assert f'lang="de">{zielbild.text}' in html


def test_visitors_share_one_rendering_of_the_list_signed_in_people_see_it_live(
    client, citizen, theme_page, django_assert_max_num_queries
):
    statement = factories.statement(theme_page.theme, text="Zuerst da.")
    client.get(theme_page.url)
    factories.statement(theme_page.theme, text="Neu hinzugekommen.")
    assert "Neu hinzugekommen." not in client.get(theme_page.url).content.decode()
    client.force_login(citizen)
    assert "Neu hinzugekommen." in client.get(theme_page.url).content.decode()
    assert statement.text in client.get(theme_page.url).content.decode()


def test_a_hidden_comment_disappears_for_visitors_at_once(client, moderator, theme_page):
    statement = factories.statement(theme_page.theme)
    comment = factories.comment(statement, text="Gleich ausgeblendet.")
    assert "Gleich ausgeblendet." in client.get(statement.get_absolute_url()).content.decode()
    client.force_login(moderator)
    client.post(f"/admin/moderation/kommentare/{comment.pk}/ausblenden/", {"reason": "Spam."})
    client.logout()
    html = client.get(statement.get_absolute_url()).content.decode()
    assert "Gleich ausgeblendet." not in html
    assert "ausgeblendet durch die Moderation: Spam." in html
