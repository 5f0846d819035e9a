"""The site search (/suche/): what people wrote, the pages and the strategy, in German with
its inflections, ranked, marked, filtered by kind and theme, paginated, in the reader's
language, at a number of queries that does not grow with the data.

Runs on SQLite and on PostgreSQL (DATABASE_URL=postgres://…); the few tests of what only
PostgreSQL does say so."""

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from participation.comments import comment_delete, comment_edit
from participation.models import Comment, Proposal, Statement, Visibility
from participation.moderation import hide
from participation.rules import consultation_of
from strategie.models import FieldOfAction, Goal, KeyFigure, Project
from tests import factories

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="German full text is PostgreSQL's"
)

HIT = re.compile(
    r'class="search-hit__title[^"]*"><a class="kern-link" href="([^"]+)"[^>]*>(.*?)</a>', re.S
)


def search(client, **params) -> str:
    response = client.get("/suche/", params)
    assert response.status_code == 200
    return response.content.decode()


def hits(page: str) -> list[tuple[str, str]]:
    """(address, title) of every result, in order."""
    return [(url, html.unescape(re.sub(r"<[^>]+>", "", title))) for url, title in HIT.findall(page)]


def kind_count(page: str, label: str) -> str:
    if 'class="search-kinds"' not in page:  # nothing found: no counts to choose from
        assert ">0 Treffer</h2>" in page
        return "0"
    found = re.search(
        rf">{label} <span class=\"search-kinds__count\">([^<]+)</span>", page.replace("\n", "")
    )
    assert found, f"no count for {label}"
    return found.group(1)


@pytest.fixture(autouse=True)
def _fresh_results(settings):
    """These tests write and search again at once; test_search_cache.py tests the kept
    results."""
    settings.SEARCH_CACHE_SECONDS = 0


@pytest.fixture
def mobility(process):
    return factories.theme_page("Mobilität", teaser="Radwege und Busse für die Verkehrswende.")


@pytest.fixture
def housing(process):
    return factories.theme_page("Wohnen", teaser="Bezahlbarer Wohnraum.")


# --- German words --------------------------------------------------------------------------


def test_a_word_finds_statements_in_its_inflected_forms(client, mobility):
    radwege = factories.statement(mobility.theme, text="Radwege enden oft ganz plötzlich.")
    ladepunkt = factories.statement(mobility.theme, text="An jeder Ecke ein Ladepunkt für E-Autos.")
    factories.statement(mobility.theme, text="Mehr Grün in der Innenstadt.")

    # (On PostgreSQL the theme page's "Radwege" is found too, under Seiten.)
    assert [url for url, _title in hits(search(client, q="Radweg", kind="aussagen"))] == [
        radwege.get_absolute_url()
    ]
    assert [url for url, _title in hits(search(client, q="Ladepunkte", kind="aussagen"))] == [
        ladepunkt.get_absolute_url()
    ]


def test_a_long_word_also_finds_the_compounds_it_begins(client, mobility):
    network = factories.statement(mobility.theme, text="Ein lückenloses Radwegenetz bis 2030.")
    assert hits(search(client, q="Radweg", kind="aussagen")) == [
        (network.get_absolute_url(), f"Zielbild Nr. {network.pk}")
    ]


def test_every_word_of_a_query_must_occur(client, mobility):
    both = factories.statement(mobility.theme, text="Sichere Radwege für Kinder.")
    factories.statement(mobility.theme, text="Sichere Radwege für alle.")
    assert [url for url, _title in hits(search(client, q="Radweg Kinder", kind="aussagen"))] == [
        both.get_absolute_url()
    ]


def test_the_better_match_comes_first(client, mobility):
    passing = factories.statement(
        mobility.theme,
        text="Die Stadt soll 2030 grüner, leiser und gerechter sein, mit mehr Bäumen, mehr "
        "Bänken, mehr Wasser, mehr Schatten, mehr Plätzen zum Verweilen, besseren Schulen, "
        "bezahlbaren Wohnungen, sicheren Wegen und am Rand auch einem Radweg.",
    )
    about = factories.statement(
        mobility.theme, text="Radwege, Radwege, Radwege: jeder Radweg zählt."
    )
    found = [url for url, _title in hits(search(client, q="Radweg", kind="aussagen"))]
    assert found == [about.get_absolute_url(), passing.get_absolute_url()]


def test_matching_words_are_marked_and_everything_else_is_escaped(client, mobility):
    factories.statement(
        mobility.theme, text='<script>alert("x")</script> Radwege & <b>Busse</b> für alle.'
    )
    page = search(client, q="Radweg")
    assert "<mark>Radwege</mark>" in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "<script>alert" not in page
    assert "<b>Busse</b>" not in page


def test_a_query_of_only_common_words_is_told_so_next_to_the_field(client, mobility):
    page = search(client, q="und die das")
    assert 'id="id_q-error"' in page
    assert "Wörter wie „und die das“ stehen in fast jedem Text" in page
    assert "search-hit" not in page


def test_common_words_are_left_out_of_a_longer_query(client, mobility):
    statement = factories.statement(mobility.theme, text="Radwege im Quartier.")
    page = search(client, q="die Radwege und")
    assert hits(page)[0][0] == statement.get_absolute_url()
    assert "ohne die häufigen Wörter die, und" in page


# --- What a visitor may not see is never found -----------------------------------------------


def test_draft_statements_and_their_comments_are_never_found(client, mobility):
    draft = factories.statement(mobility.theme, text="Eine Seilbahn über den Hafen.", state="draft")
    Comment.objects.create(statement=draft, text="Seilbahn finde ich gut.")
    page = search(client, q="Seilbahn")
    assert hits(page) == []
    assert "0 Treffer" in page


def test_hidden_pending_and_deleted_comments_are_never_found(client, mobility):
    statement = factories.statement(mobility.theme, text="Mehr Grün.")
    visible = factories.comment(statement, text="Eine Seilbahn wäre schön.")
    factories.comment(statement, text="Seilbahn, aber beleidigend.", visibility=Visibility.HIDDEN)
    factories.comment(statement, text="Seilbahn, noch nicht frei.", visibility=Visibility.PENDING)
    factories.comment(statement, text="Seilbahn, gelöscht.", deleted_at=timezone.now())

    page = search(client, q="Seilbahn")
    assert [url.split("#")[1] for url, _title in hits(page)] == [f"kommentar-{visible.pk}"]
    assert kind_count(page, "Kommentare") == "1"


def test_only_accepted_visible_proposals_are_found(client, mobility, citizen):
    def proposal(state, visibility=Visibility.PUBLISHED):
        return Proposal.objects.create(
            theme=mobility.theme,
            kind="zielbild",
            stage=3,
            text="Eine Seilbahn vom Hauptbahnhof bis zum Phoenix-See.",
            author=citizen,
            state=state,
            visibility=visibility,
        )

    accepted = proposal("accepted")
    proposal("submitted")
    proposal("rejected")
    proposal("accepted", Visibility.HIDDEN)

    page = search(client, q="Seilbahn", kind="vorschlaege")
    assert [title for _url, title in hits(page)] == [f"Vorschlag Nr. {accepted.pk}"]
    assert "Bürgerin Beispiel" in page


def test_unpublished_pages_are_not_found(client, mobility):
    assert hits(search(client, q="Verkehrswende"))
    mobility.unpublish()
    assert hits(search(client, q="Verkehrswende")) == []


# --- What a hit shows ------------------------------------------------------------------------


def test_a_comment_names_its_author_and_opens_the_page_of_the_thread_that_shows_it(
    client, mobility, citizen
):
    statement = factories.statement(mobility.theme, text="Mehr Grün.")
    for number in range(22):
        factories.comment(statement, text=f"Kommentar Nummer {number}.")
    late = factories.comment(statement, author=citizen, text="Eine Seilbahn wäre schön.")
    early = Comment.objects.create(statement=statement, author=None, text="Seilbahn? Nein.")
    Comment.objects.filter(pk=early.pk).update(created_at=timezone.now().replace(year=2000))

    found = {title: url for url, title in hits(search(client, q="Seilbahn"))}
    address = statement.get_absolute_url()
    assert found[f"Kommentar von Bürgerin Beispiel zu Zielbild Nr. {statement.pk}"] == (
        f"{address}?page=2#kommentar-{late.pk}"
    )
    assert found[f"Kommentar von gelöschtes Konto zu Zielbild Nr. {statement.pk}"] == (
        f"{address}#kommentar-{early.pk}"
    )
    thread = client.get(f"{address}?page=2").content.decode()
    assert f'id="kommentar-{late.pk}"' in thread


def test_the_strategy_model_is_found(client, process):
    goal = Goal.objects.create(number=7, name="Dortmund bewegt sich klimafreundlich")
    field = FieldOfAction.objects.create(
        goal=goal, name="Radverkehr", slug="radverkehr", description="Mehr Radwege."
    )
    project = Project.objects.create(field=field, name="Radwall", description="Radweg am Wall.")
    figure = KeyFigure.objects.create(field=field, name="Kilometer Radwege", unit="km")

    page = search(client, q="Radweg", kind="strategie")
    assert set(hits(page)) == {
        ("/strategie/handlungsfelder/radverkehr/", "Radverkehr"),
        (f"/strategie/handlungsfelder/radverkehr/#projekt-{project.pk}", "Radwall"),
        (f"/monitoring/kennzahlen/{figure.pk}/", "Kilometer Radwege"),
    }
    assert (
        f'id="projekt-{project.pk}"'
        in client.get("/strategie/handlungsfelder/radverkehr/").content.decode()
    )
    assert hits(search(client, q="klimafreundlich", kind="strategie")) == [
        ("/strategie/#ziel-7", "Dortmund bewegt sich klimafreundlich")
    ]


def test_theme_stage_and_conference_pages_are_found(client, mobility):
    page = search(client, q="Verkehrswende")
    assert hits(page) == [(mobility.url, "Mobilität")]
    assert "Schwerpunktthema" in page
    assert hits(search(client, q="Kurzbeschreibung", kind="seiten"))


# --- Filters, counts, pages ------------------------------------------------------------------


def test_results_are_grouped_by_kind_with_counts_and_each_kind_can_be_shown_alone(client, mobility):
    statements = [
        factories.statement(mobility.theme, text=f"Ein Spielplatz Nummer {n}.") for n in range(4)
    ]
    comment = factories.comment(statements[0], text="Der Spielplatz ist zu klein.")

    overview = search(client, q="Spielplatz")
    assert kind_count(overview, "Aussagen") == "4"
    assert kind_count(overview, "Kommentare") == "1"
    assert kind_count(overview, "Alle") == "5"
    assert len(hits(overview)) == 3 + 1  # the best three statements, the comment
    assert "Alle Aussagen ansehen" in overview
    assert "im Thema" not in overview

    alone = search(client, q="Spielplatz", kind="kommentare")
    assert [url for url, _title in hits(alone)] == [comment.get_absolute_url()]
    assert kind_count(alone, "Aussagen") == "4"


def test_results_can_be_narrowed_to_a_theme(client, mobility, housing):
    moving = factories.statement(mobility.theme, text="Ein Spielplatz an jeder Haltestelle.")
    factories.statement(housing.theme, text="Ein Spielplatz in jedem Wohnblock.")
    comment = factories.comment(moving, text="Spielplatz ja!")

    page = search(client, q="Spielplatz", theme=mobility.theme.slug)
    assert {url for url, _title in hits(page)} == {
        moving.get_absolute_url(),
        comment.get_absolute_url(),
    }
    assert f'<option value="{housing.theme.slug}">Wohnen</option>' in page
    assert "im Thema" in page and "Mobilität" in page


def test_an_unknown_theme_gets_a_message_and_the_words_are_searched_all_the_same(client, mobility):
    statement = factories.statement(mobility.theme, text="Ein Spielplatz.")
    page = search(client, q="Spielplatz", theme="gibt-es-nicht")
    assert 'id="id_theme-error"' in page
    assert hits(page) == [(statement.get_absolute_url(), f"Zielbild Nr. {statement.pk}")]


def test_results_of_a_kind_are_paginated(client, mobility):
    for number in range(12):
        factories.statement(mobility.theme, text=f"Sauberkeit im Quartier {number}.")
    first = search(client, q="Sauberkeit", kind="aussagen")
    assert len(hits(first)) == 10
    assert "Seite 1 von 2" in first and 'rel="next"' in first
    second = search(client, q="Sauberkeit", kind="aussagen", page=2)
    assert len(hits(second)) == 2
    assert 'start="11"' in second
    assert not set(hits(first)) & set(hits(second))
    beyond = search(client, q="Sauberkeit", kind="aussagen", page=99)
    assert "Seite 2 von 2" in beyond


def test_the_english_interface_keeps_what_people_wrote_german(client, mobility):
    factories.statement(mobility.theme, text="Radwege enden oft ganz plötzlich.")
    page = client.get("/en/suche/", {"q": "Radweg"}).content.decode()
    assert '<html lang="en"' in page
    assert "Statements" in page and "Search" in page
    assert re.search(r'class="search-hit__snippet kern-body" lang="de">[^<]*<mark>Radwege', page)


def test_an_empty_query_explains_what_the_search_finds(client, process):
    page = search(client, q="")
    assert "Was die Suche findet" in page
    for kind in ("Aussagen", "Vorschläge", "Kommentare", "Seiten", "Stadtstrategie"):
        assert f">{kind}</dt>" in page
    assert "Treffer" not in page


def test_every_page_has_a_labelled_search_field_in_its_header(client, mobility):
    page = client.get(mobility.url).content.decode()
    header = page.split('<header class="site-header">')[1].split("</header>")[0]
    assert 'role="search"' in header and 'aria-label="Website durchsuchen"' in header
    assert '<label class="kern-sr-only" for="site-search-q">Suchbegriff</label>' in header
    assert 'action="/suche/"' in header and 'name="q"' in header


# --- Cost ------------------------------------------------------------------------------------


def _queries(client, **params) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/suche/", params).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("params", [{}, {"kind": "aussagen"}, {"kind": "kommentare", "page": 2}])
def test_a_results_page_costs_as_many_queries_for_many_matches_as_for_few(
    client, mobility, citizen, params, django_assert_max_num_queries
):
    statement = factories.statement(mobility.theme, text="Ein Spielplatz.")
    factories.comment(statement, text="Spielplatz!")
    client.get("/suche/", {"q": "Spielplatz"})  # the site's caches, as on a running site
    few = _queries(client, q="Spielplatz", **params)

    statements = Statement.objects.bulk_create(
        Statement(
            theme=mobility.theme,
            sector=statement.sector,
            kind="zielbild",
            stage=3,
            state="published",
            text=f"Spielplatz Nummer {n} mit Rutsche.",
        )
        for n in range(60)
    )
    Comment.objects.bulk_create(
        Comment(statement=s, author=citizen, text=f"Der Spielplatz {n} ist toll.")
        for n, s in enumerate(statements)
    )
    with django_assert_max_num_queries(few):
        page = client.get("/suche/", {"q": "Spielplatz", **params}).content.decode()
    assert kind_count(page, "Aussagen") == "61"
    assert few <= 20


# --- Limits and odd input ---------------------------------------------------------------------


def test_a_too_long_query_gets_a_message_next_to_the_field(client, process):
    page = search(client, q="x" * 201)
    assert "Bitte höchstens 200 Zeichen eingeben." in page
    assert 'id="id_q-error"' in page


@pytest.mark.parametrize(
    "query",
    [
        '"><script>',
        "Radwege (Busse",
        "Verkehrs-*wende^",
        "<>",
        "Rad\x00weg",
        "'; DROP TABLE participation_statement; --",
        "Radweg:* & !Bus | (x <-> y)",
        "a",
        "²³ ½",
        "ｒａｄｗｅｇ",
        "e\u0301e\u0301",
        "Straße" * 30,
        " ".join(["Radweg"] * 20),
        "🚲 Fahrrad",
    ],
)
def test_no_query_breaks_the_page(client, mobility, query):
    factories.statement(mobility.theme, text="Radwege und Busse, Straße für Straße.")
    response = client.get("/suche/", {"q": query})
    assert response.status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"q": "Mobilität", "kind": "gibt.es.nicht"},
        {"q": "Mobilität", "kind": "aussagen", "page": "x"},
        {"q": "Mobilität", "kind": "aussagen", "page": "99999999999999999999999"},
        {"q": "Mobilität", "kind": "aussagen", "page": "-1"},
        {"q": "Mobilität", "theme": "<script>"},
    ],
)
def test_odd_parameters_do_not_break_the_page(client, mobility, params):
    assert client.get("/suche/", params).status_code == 200


# --- The stored vectors stay true ----------------------------------------------------------


def test_what_is_written_edited_hidden_or_deleted_is_found_as_it_now_is(
    client, mobility, citizen, today
):
    moderator = factories.UserFactory(roles=["Moderation"])
    statement = factories.statement(mobility.theme, text="Mehr Grün.")
    statement.text = "Eine Seilbahn über den Hafen."
    statement.save()
    assert hits(search(client, q="Seilbahn"))
    assert not hits(search(client, q="Grün"))

    consultation = consultation_of(statement.stage)
    comment = factories.comment(statement, author=citizen, text="Eine Hängebrücke!")
    comment_edit(
        user=citizen, comment=comment, text="Lieber ein Tunnel.", consultation=consultation
    )
    assert kind_count(search(client, q="Tunnel"), "Kommentare") == "1"
    assert kind_count(search(client, q="Hängebrücke"), "Kommentare") == "0"

    hide(actor=moderator, target=comment, reason="Doppelt.")
    assert kind_count(search(client, q="Tunnel"), "Kommentare") == "0"

    other = factories.comment(statement, author=citizen, text="Ein Tunnel ist teuer.")
    assert kind_count(search(client, q="Tunnel"), "Kommentare") == "1"
    comment_delete(user=citizen, comment=other)
    assert kind_count(search(client, q="Tunnel"), "Kommentare") == "0"

    Statement.objects.bulk_create(
        [Statement(theme=mobility.theme, sector=statement.sector, kind="zielbild", stage=3,
                   state="published", text="Eine Hafenfähre im Takt.")]
    )  # fmt: skip
    assert kind_count(search(client, q="Hafenfähre"), "Aussagen") == "1"


def test_saving_a_statement_again_without_its_text_changing_keeps_it_found(client, mobility):
    statement = factories.statement(mobility.theme, text="Eine Seilbahn über den Hafen.")
    statement.state = "withdrawn"
    statement.save()  # writes every column: the text unchanged, the vector as it was read
    again = Statement.objects.get(pk=statement.pk)
    again.save()
    page = search(client, q="Seilbahn", kind="aussagen")
    assert hits(page) == [(statement.get_absolute_url(), f"Zielbild Nr. {statement.pk}")]
    assert "zurückgezogen" in page


# --- What only PostgreSQL does ---------------------------------------------------------------


@on_postgresql
def test_pages_are_found_by_inflected_words_on_postgresql(client, mobility):
    # The theme page's teaser says "Radwege und Busse".
    assert hits(search(client, q="Radweg", kind="seiten")) == [(mobility.url, "Mobilität")]


@on_postgresql
def test_the_strategy_is_found_by_what_it_says_now(client, process):
    """The strategy's vectors are stored and kept by the database (migration
    zielbilder.0012): an edit in the admin, an import or plain SQL is found at once."""
    goal = Goal.objects.create(number=8, name="Dortmund ist eine Stadt der Seilbahnen")
    field = FieldOfAction.objects.create(goal=goal, name="Luftverkehr", slug="luftverkehr")
    figure = KeyFigure.objects.create(field=field, name="Gondeln", unit="Anzahl")
    assert hits(search(client, q="Seilbahn", kind="strategie")) == [
        ("/strategie/#ziel-8", "Dortmund ist eine Stadt der Seilbahnen")
    ]

    goal.name = "Dortmund ist eine Stadt der Fähren"
    goal.save()
    KeyFigure.objects.filter(pk=figure.pk).update(note="Seilbahnkabinen im Betrieb")
    assert hits(search(client, q="Seilbahn", kind="strategie")) == [
        (f"/monitoring/kennzahlen/{figure.pk}/", "Gondeln")
    ]
    assert hits(search(client, q="Fähren", kind="strategie")) == [
        ("/strategie/#ziel-8", "Dortmund ist eine Stadt der Fähren")
    ]


@on_postgresql
def test_the_upgrade_fills_the_vectors_of_rows_written_before_it(client, mobility):
    import importlib

    migration = importlib.import_module("participation.migrations.0011_search_vectors")
    old = factories.statement(mobility.theme, text="Eine Seilbahn über den Hafen.")
    with connection.cursor() as cursor:
        # As before the migration: no trigger has computed the vector.
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(
            "UPDATE participation_statement SET search_vector = NULL WHERE id = %s", [old.pk]
        )
        cursor.execute("SET LOCAL session_replication_role = origin")
    assert not hits(search(client, q="Seilbahn", kind="aussagen"))
    with connection.schema_editor() as editor:
        migration.fill(editor)
    assert hits(search(client, q="Seilbahn", kind="aussagen"))[0][0] == old.get_absolute_url()


@on_postgresql
@pytest.mark.parametrize("kind", ["aussagen", "kommentare"])
def test_the_search_can_read_the_stored_vectors_through_their_index(mobility, citizen, kind):
    """The provider's query has the partial index's condition, so PostgreSQL can read the GIN
    index instead of every row. At a test's volume other plans are cheaper, so the planner is
    left no other (inside the test's transaction); bench/search shows the plans at a big
    city's volume."""
    from cms.search.matching import ranked
    from cms.search.providers import providers
    from cms.search.terms import Terms

    statement = factories.statement(mobility.theme, text="Eine Seilbahn über den Hafen.")
    factories.comment(statement, author=citizen, text="Seilbahn!")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename IN "
            "('participation_statement', 'participation_comment') "
            "AND indexname NOT LIKE '%%_search' AND indexname NOT LIKE '%%_pkey'"
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f'DROP INDEX "{name}"')
        provider = next(p for p in providers() if p.kind == kind)
        with CaptureQueriesContext(connection) as captured:
            found = ranked(
                provider.matching(""),
                Terms.parse("Seilbahn"),
                fields=["text"],
                vector="search_vector",
            )
        assert found.count == 1
        cursor.execute("EXPLAIN " + captured.captured_queries[-1]["sql"])
        plan = " ".join(row[0] for row in cursor.fetchall())
    table = "participation_statement" if kind == "aussagen" else "participation_comment"
    assert f"{table}_search" in plan, plan
