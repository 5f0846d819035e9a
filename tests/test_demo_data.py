"""`manage.py demo_data` builds Dortmund's process from the council paper, idempotently."""

import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from wagtail.models import Locale, Page

from accounts.models import User
from cms.models import ContentPage, StagePage, StageResults
from cms.process import current_stage, process_stages
from cms.stages import StageState
from participation.models import Sector, Theme, ThemePage

pytestmark = pytest.mark.django_db

SEED_THEMES = [
    "Arbeitsmarkt", "City", "Digitalisierung", "Einsamkeit", "Freizeit", "Großstadtentwicklung",
    "Innovationskultur", "Kinder", "Klima", "Kultur", "Mobilität", "Nordwärts", "Sauberkeit",
    "Sicherheit", "Sport", "Standortentwicklung", "Teilhabe", "Wissenschaft & Forschung", "Wohnen",
]  # fmt: skip


def run() -> str:
    out = io.StringIO()
    call_command("demo_data", force=True, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module (it takes seconds) inside a transaction that is
    rolled back at the end; each test runs in a savepoint of its own within it, so what one
    test changes (a second run, an editor's change) the next does not see."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic._from_testcase = True  # as Django's TestCase marks its own, for durable blocks
        atomic.__enter__()
        try:
            yield run()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def test_builds_the_six_stages_with_stage_three_running():
    states = [s.state for s in process_stages()]
    assert states[:2] == [StageState.CLOSED, StageState.CLOSED]
    assert states[2] == StageState.RUNNING
    assert set(states[3:]) == {StageState.PLANNED}
    assert current_stage().number == 3
    assert StageResults.objects.filter(live=True, stage__number__in=[1, 2]).count() == 2


def test_builds_the_19_themes_of_the_seed_with_pages_and_the_sectors():
    assert list(Theme.objects.values_list("name", flat=True)) == SEED_THEMES
    # 19 German pages and their 19 English translations.
    assert ThemePage.objects.live().filter(locale__language_code="de").count() == 19
    assert ThemePage.objects.live().filter(locale__language_code="en").count() == 19
    assert (
        ThemePage.objects.get(locale__language_code="de", theme__name="Mobilität").url
        == "/themen/mobilitaet/"
    )
    assert list(Sector.objects.values_list("slug", flat=True)) == [
        "politik", "institutionen", "zivilgesellschaft", "online",
    ]  # fmt: skip


def test_prints_the_demo_accounts_and_their_passwords_work(demo):
    output = demo
    assert "redaktion@example.org" in output
    password = re.search(r"^\s+Redaktion\s+redaktion@example.org\s+(\S+)$", output, re.M).group(1)
    assert User.objects.get(email="redaktion@example.org").check_password(password)
    for role in ("Moderation", "Strategieteam", "Bürger*in"):
        assert role in output


def test_running_twice_changes_nothing():
    counts = (Page.objects.count(), Theme.objects.count(), User.objects.count())
    output = run()
    assert (Page.objects.count(), Theme.objects.count(), User.objects.count()) == counts
    assert "nichts neu angelegt" in output
    # Six German stage pages and their six English translations.
    assert StagePage.objects.filter(locale__language_code="de").count() == 6
    assert StagePage.objects.filter(locale__language_code="en").count() == 6


def test_ships_english_translations_of_the_pages_editors_translate():
    """Home, process, the six stages, the themes' index and 19 theme pages, the two
    conference pages and the three footer pages: translated completely with wagtail-localize
    (every title, paragraph and heading); Leichte Sprache stays German (an alias)."""
    from wagtail.models import Page

    from cms.models import EasyLanguagePage
    from cms.translation import untranslated_segments

    translated = (
        Page.objects.live()
        .filter(locale__language_code="de", depth__gt=1)
        .not_type(EasyLanguagePage)
        .not_exact_type(Page)
        .specific()
    )
    assert translated.count() == 1 + 1 + 6 + 1 + 19 + 2 + 3
    missing = {page.url: untranslated_segments(page) for page in translated}
    assert {url: found for url, found in missing.items() if found} == {}
    easy = EasyLanguagePage.objects.get(locale__language_code="de")
    assert easy.get_translation(Locale.objects.get(language_code="en")).alias_of_id == easy.pk
    assert not Theme.objects.filter(name_en="").exists()


def test_keeps_what_an_editor_changed():
    StagePage.objects.filter(number=3).update(title="Von der Redaktion geändert")
    run()
    assert (
        StagePage.objects.get(locale__language_code="de", number=3).title
        == "Von der Redaktion geändert"
    )


# What an older demo put on the privacy page: the links as German paths in the text.
OLDER_PRIVACY_BODY = [
    ("paragraph", '<p>Sie können <a href="/konto/daten/">Ihre Daten herunterladen</a>.</p>'),
    ("retention", {"caption": "Speicherfristen"}),
]


def privacy_page_as_an_older_demo_left_it(*, by=None) -> ContentPage:
    page = ContentPage.objects.get(locale__language_code="de", slug="datenschutz")
    page.body = OLDER_PRIVACY_BODY
    page.save_revision(user=by).publish()
    return page


def test_a_rerun_brings_the_privacy_page_of_an_older_demo_up_to_date(client):
    privacy_page_as_an_older_demo_left_it()
    run()
    page = ContentPage.objects.get(locale__language_code="de", slug="datenschutz")
    assert "self_service" in [block.block_type for block in page.body]
    assert "/konto/" not in str(page.body.raw_data)
    assert 'href="/en/konto/daten/"' in client.get("/en/datenschutz/").content.decode()


def test_a_rerun_keeps_the_privacy_page_an_editor_changed():
    privacy_page_as_an_older_demo_left_it(by=User.objects.get(email="redaktion@example.org"))
    run()
    page = ContentPage.objects.get(locale__language_code="de", slug="datenschutz")
    assert [block.block_type for block in page.body] == ["paragraph", "retention"]


def test_refuses_to_run_without_debug_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("demo_data", stdout=io.StringIO())


def test_no_personal_data_from_the_council_paper(demo):
    """The paper names people with their addresses; the demo uses offices and example.org."""
    output = demo
    addresses = set(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", output))
    assert addresses and all(address.endswith("@example.org") for address in addresses)
    assert not User.objects.exclude(email__endswith="@example.org").exists()


def test_the_demo_site_answers(client):
    paths = ["/", "/stadtgespraech/", "/themen/", "/themen/wohnen/", "/impressum/",
             "/datenschutz/", "/barrierefreiheit/", "/konto/login/", "/konto/signup/"]  # fmt: skip
    for path in paths:
        assert client.get(path).status_code == 200, path
    # The privacy page lists the retention periods the jobs apply (accounts.privacy).
    privacy = client.get("/datenschutz/").content.decode()
    assert '<caption id="speicherfristen"' in privacy
    assert "14 Tage nach der Registrierung" in privacy and "/konto/loeschen/" in privacy
    for number in range(1, 7):
        assert client.get(f"/stadtgespraech/stufe-{number}/").status_code == 200


def test_every_theme_page_shows_its_pictogram_as_a_decorative_svg_image(client):
    from wagtail.images import get_image_model

    pages = ThemePage.objects.select_related("image", "theme")
    assert all(page.image and page.image.is_svg() for page in pages)
    assert {page.image_alt for page in pages} == {""}
    html = client.get("/themen/").content.decode()
    images = re.findall(r"<img [^>]*>", html)
    assert len(images) == 19
    assert all('alt=""' in image and ".svg" in image for image in images)
    assert re.search(r'src="/media/images/piktogramm-mobilitaet[^"]*\.svg"', html)
    # A second run leaves the images alone, and an editor's own image stays.
    wohnen = ThemePage.objects.get(locale__language_code="de", theme__slug="wohnen")
    own = get_image_model().objects.create(title="Eigenes Bild", file=wohnen.image.file)
    wohnen.image = own
    wohnen.save_revision().publish()
    count = get_image_model().objects.count()
    run()
    assert get_image_model().objects.count() == count
    assert ThemePage.objects.get(locale__language_code="de", theme__slug="wohnen").image == own


def test_every_theme_has_statements_of_stages_1_and_3_with_votes_and_comments():
    from django.db.models import Count, Q, Sum

    from participation.models import Comment, Proposal, Statement

    per_theme = Theme.objects.annotate(
        ausgangsbilder=Count("statements", filter=Q(statements__kind="ausgangsbild")),
        zielbilder=Count("statements", filter=Q(statements__kind="zielbild")),
    )
    for theme in per_theme:
        assert theme.ausgangsbilder >= 5 and theme.zielbilder >= 5, theme.name
    assert set(Statement.objects.values_list("kind", "stage").distinct()) == {
        ("ausgangsbild", 1),
        ("zielbild", 3),
    }
    totals = Statement.objects.aggregate(votes=Sum("agree_count"), comments=Sum("comment_count"))
    assert (
        totals["votes"] > 0
        and totals["comments"]
        == Comment.objects.filter(deleted_at__isnull=True, visibility="published").count()
    )
    assert Comment.objects.filter(is_official=True).exists()
    assert Proposal.objects.filter(state="submitted").exists()


def test_both_conferences_of_the_seed_with_registrations_and_the_past_one_anonymised(demo, client):
    from konferenzen.models import Conference, Registration, RegistrationStatus
    from konferenzen.registrations import registration_window

    output = demo
    past, coming = Conference.objects.order_by("stage")
    assert (past.stage, coming.stage) == (2, 4)
    assert past.title.endswith("Wie wir es sehen") and coming.title.endswith("Wie wir es wollen")
    assert coming.tables.count() == 9 and coming.quotas.count() == 3
    # The past conference keeps its numbers, not its people.
    assert past.registrations.filter(checked_in_at__isnull=False).exists()
    assert not past.registrations.exclude(name="gelöschte Anmeldung").exists()
    assert coming.registrations.filter(status=RegistrationStatus.WAITING).exists()
    assert registration_window(coming).is_open
    assert "noch " in client.get("/stadtgespraech/stufe-4/konferenz/").content.decode()
    manage = re.search(r"http://[^/]+(/konferenzen/anmeldung/[^\s]+/)", output).group(1)
    assert "Ihr Platz ist bestätigt." in client.get(manage).content.decode()
    assert Registration.objects.filter(email="buergerin@example.org").count() == 1


def test_the_strategy_model_of_the_seed_complete_and_public(client):
    from strategie import seed
    from strategie.models import FieldOfAction, Goal, KeyFigure, Office, Participation, Project

    assert Goal.objects.count() == 9
    assert FieldOfAction.objects.count() == 21
    assert Office.objects.count() == len(seed.OFFICES)
    assert Participation.objects.count() == len(seed.MATRIX)
    # One strategic project per field; the paper's further ones are kept as further projects.
    assert Project.objects.filter(strategic=True).count() == 21
    assert Project.objects.count() == sum(len(f.projects) for g in seed.GOALS for f in g.fields)
    # What the paper leaves to be agreed stays visible as such, nothing is invented.
    open_figure = KeyFigure.objects.filter(strategic=True).exclude(note="").first()
    assert open_figure is not None and open_figure.target_value is None
    assert client.get("/strategie/").status_code == 200
    field = open_figure.field
    html = client.get(f"/strategie/handlungsfelder/{field.slug}/").content.decode()
    assert open_figure.note in html
    assert client.get("/strategie/matrix/").status_code == 200


def test_a_consolidated_theme_whose_inputs_the_public_can_follow(client):
    from zielbilder.models import ConsolidatedZielbild, InputOutcome

    zielbild = ConsolidatedZielbild.objects.filter(live=True).first()
    assert zielbild.fields_of_action.exists() and zielbild.sources.exists()
    source = zielbild.sources.first().statement
    assert zielbild.text in client.get(source.get_absolute_url()).content.decode()
    rejected = InputOutcome.objects.get(kind="not_taken_up")
    assert rejected.reason in client.get("/strategie/zielbilder/mobilitaet/").content.decode()


def test_the_consolidated_theme_has_its_opinion_groups_and_merge_candidates(client):
    from auswertung.models import ThemeAnalysis

    analysis = ThemeAnalysis.objects.get(theme__slug="mobilitaet")
    # The demo's voters form two camps on Mobilität; the analysis finds them.
    assert analysis.state == "done" and analysis.display["k"] >= 2
    assert len(analysis.similar) >= 2
    page = client.get("/beteiligung/themen/mobilitaet/ergebnisse/").content.decode()
    assert "Meinungslandkarte" in page and "Gruppe B" in page
    theme_page = client.get("/themen/mobilitaet/").content.decode()
    assert "Was aus den Eingaben wurde" in theme_page


def test_from_the_demo_the_council_paper_goes_through_stage_5(
    client, django_capture_on_commit_callbacks
):
    """Compile, a council member reads the draft, publish, decide: stage 6 begins."""
    import datetime

    from django.utils import timezone

    from ratsvorlage.models import PaperVersion

    client.force_login(User.objects.get(email="strategie@example.org"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/admin/ratsvorlage/",
            {
                "title": "Strategie „Unser Dortmund“",
                "paper_number": "12345-26",
                "proposed_resolution": "Der Rat beschließt die Stadtstrategie.",
            },
        )
    version = PaperVersion.objects.get()
    assert version.state == "draft", version.error
    mobility = next(t for t in version.content["themes"] if t["slug"] == "mobilitaet")
    assert len(mobility["zielbilder"]) == 3 and mobility["not_taken_up"]
    assert len(version.content["strategy"]) == 9
    assert version.content["figures"]["conferences"][0]["attended"] > 0

    client.force_login(User.objects.get(email="rat@example.org"))
    assert client.get("/ratsvorlage/1/").status_code == 200
    client.logout()
    assert client.get("/ratsvorlage/1/").status_code == 404

    client.force_login(User.objects.get(email="strategie@example.org"))
    client.post("/admin/ratsvorlage/1/veroeffentlichen/")
    papers = client.get("/oparl/v1.1/body/1/papers/").json()
    assert [paper["reference"] for paper in papers["data"]] == ["12345-26"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/admin/ratsvorlage/1/beschluss/",
            {
                "meeting_date": (timezone.localdate() - datetime.timedelta(days=1)).isoformat(),
                "outcome": "adopted",
            },
        )
    version.refresh_from_db()
    assert version.binding
    assert current_stage().number == 6
