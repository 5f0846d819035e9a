"""Stored and reflected XSS: whatever people type is shown as text, and nothing of it runs.

The corpus (xss_corpus.py) goes through every text field a person can fill – through the
real forms and views, never written into the database directly: comments, replies, edits,
proposals, flag notes, conference registrations, the moderation's reasons and the city's
answer, the editors' statement import, the offices' key-figure import, the council paper's
hand-written parts and the council's decision. Display names do not take markup at all:
the sign-up form refuses the corpus and shows it back escaped.

Then Chromium opens every page that shows those values, public, personal and admin, in one
browser context. Each payload, if it ran, would call `__xss(n)` (a Playwright binding) or
open a dialog; the Content-Security-Policy would report what it blocked (the public pages
allow no inline script, the Wagtail admin does, so there a payload would really run). The
test fails on any of the three, on any page answering 500, and on a page that does not show
the payloads as text – which proves the values really were on it.
"""

import datetime

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from konferenzen import links
from konferenzen.models import Conference, Registration
from participation.models import Comment, Proposal, Statement
from ratsvorlage.models import PaperVersion
from strategie.models import KeyFigure
from tests.browser import conftest as in_the_browser
from tests.browser.conftest import SHARED_DEMO_SITE
from tests.factories import UserFactory
from umsetzung.models import KeyFigureValue

from .xss_browser import Watch, assert_field, csv_file, json_endpoint, posted, signed_in
from .xss_corpus import CORPUS, joined

pytestmark = SHARED_DEMO_SITE

# The browser tests' fixtures: the Chromium whose contexts report what the Content-Security-
# Policy refused, the check that nothing was, and the shared demo site behind a live server.
browser = in_the_browser.browser
demo_server = in_the_browser.demo_server
_django_db_marker = in_the_browser._django_db_marker
_no_csp_violations = in_the_browser._no_csp_violations

THEME = "mobilitaet"
EDITOR = "redaktion@example.org"
CONFERENCE_TEAM = "konferenz@example.org"
STRATEGY_TEAM = "strategie@example.org"
EVERYTHING = "\n".join(payload.text for payload in CORPUS)  # 824 characters
# Lists and previews shorten long texts; there the first payloads stand for the value.
BEGINNING = CORPUS[:2]


# --- The test -------------------------------------------------------------------------------


def test_nothing_anyone_types_runs_as_script_on_any_page(browser, demo_server):
    watch = Watch(browser, demo_server)
    tab = watch.tab
    try:
        run(watch, tab)
    finally:
        watch.context.close()
    assert watch.fired == [], f"payloads ran: {watch.fired}"
    not_shown = {page: missing for page, missing in watch.seen.items() if missing}
    assert not_shown == {}, f"payloads not shown as text (page: markers): {not_shown}"


def run(watch: Watch, tab) -> None:
    # The detector works: on an admin page (inline script allowed) an injected handler fires.
    watch.be(EDITOR)
    tab.goto(tab.base_url + "/admin/")
    tab.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=__xss(0)>')")
    for _wait in range(50):
        if watch.fired:
            break
        tab.wait_for_timeout(100)
    assert watch.fired == [{"page": tab.url, "payload": 0}]
    watch.fired.clear()

    # --- The editors' statement import, in the browser: a file with errors, then a good one.
    bad = [{"thema": p.text, "art": p.text, "bereich": p.text, "text": p.text} for p in CORPUS]
    import_statements(tab, csv_file(bad))
    watch.check("Aussagen importieren: Vorschau mit Fehlern")
    good = [{"thema": THEME, "art": "Zielbild", "bereich": "Zivilgesellschaft", "text": EVERYTHING}]
    import_statements(tab, csv_file(good))
    watch.check("Aussagen importieren: Vorschau", shows=BEGINNING)
    with tab.expect_navigation():
        tab.locator("button:has-text('Importieren bestätigen')").click()
    statement = Statement.objects.get(text=EVERYTHING)
    assert statement.state == "published"
    watch.open(reverse("wagtailsnippets_participation_statement:list"), shows=BEGINNING)

    # --- Citizens comment, reply, edit, flag and propose (forms sent as the browser sends them).
    anna, ben, cora = (
        UserFactory(email=f"{name}@example.org", display_name=f"XSS {name}")
        for name in ("anna", "ben", "cora")
    )
    comment_url = reverse("participation:comment_create", args=[statement.pk])
    posted(signed_in(anna.email), comment_url, {"text": EVERYTHING})
    comment = Comment.objects.get(author=anna, parent=None)
    posted(signed_in(ben.email), comment_url, {"text": EVERYTHING, "parent": comment.pk})
    posted(signed_in(cora.email), comment_url, {"text": "Ein harmloser Kommentar, noch."})
    cora_comment = Comment.objects.get(author=cora)
    posted(
        signed_in(cora.email),
        reverse("participation:comment_edit", args=[cora_comment.pk]),
        {"text": EVERYTHING},
    )
    for flagger, note in zip((ben, cora), joined(500), strict=False):
        posted(
            signed_in(flagger.email),
            reverse("participation:comment_flag", args=[comment.pk]),
            {"reason": "other", "note": note},
        )
    # To be hidden by the moderation, one per chunk of the reason.
    to_hide = []
    for _reason in joined(500):
        posted(signed_in(anna.email), comment_url, {"text": "Wird gleich ausgeblendet."})
        to_hide.append(Comment.objects.filter(author=anna).latest("pk"))

    # A proposal, in the browser: first the similar statements, then sent.
    watch.be(anna.email)
    watch.open(reverse("participation:propose", args=[THEME]), shows=())
    tab.locator("textarea[name=text]").fill(EVERYTHING)
    with tab.expect_navigation():
        tab.locator("button[name=action][value=pruefen]").click()
    watch.check("Vorschlag: ähnliche Aussagen", shows=BEGINNING)
    assert_field(tab, "textarea[name=text]", EVERYTHING)
    with tab.expect_navigation():
        tab.locator("button[name=action][value=einreichen]").click()
    proposals = [Proposal.objects.get(author=anna)]
    for index, _reason in enumerate(joined(500)[1:], start=1):
        posted(
            signed_in(ben.email),
            reverse("participation:propose", args=[THEME]),
            {
                "kind": "zielbild",
                "text": f"{EVERYTHING}\n(Vorschlag {index})",
                "action": "einreichen",
            },
        )
        proposals.append(Proposal.objects.filter(author=ben).latest("pk"))
    posted(
        signed_in(cora.email),
        reverse("participation:proposal_flag", args=[proposals[0].pk]),
        {"reason": "spam", "note": joined(500)[0]},
    )

    # --- The moderation: the city's answer, hidden comments, rejected proposals.
    # A moderator of their own: the demo's has answered recently, and the limit counts.
    moderator_account = UserFactory(email="moderator@example.org", roles=["Moderation"])
    moderator = signed_in(moderator_account.email)
    posted(moderator, comment_url, {"text": EVERYTHING, "official": "on"})
    for target, reason in zip(to_hide, joined(500), strict=True):
        url = reverse("participation_admin:comment_hide", args=[target.pk])
        posted(moderator, url, {"reason": reason})
    for proposal, reason in zip(proposals, joined(500), strict=True):
        url = reverse("participation_admin:proposal_reject", args=[proposal.pk])
        posted(moderator, url, {"reason": reason})

    # --- Conference registrations: one in the browser (refused first, then sent), the rest
    # with the client; each field gets the whole corpus spread over the registrations.
    conference = Conference.objects.get(stage=4)
    Conference.objects.filter(pk=conference.pk).update(
        registration_opens=timezone.now() - datetime.timedelta(days=1)
    )
    names, organisations = joined(120, separator=" "), joined(200, separator=" ")
    diets, needs = joined(300, separator=" "), joined(500)
    count = len(names)
    details = [
        {
            "name": names[i],
            "organisation": organisations[i % len(organisations)],
            "dietary": diets[i % len(diets)],
            "needs_other": needs[i % len(needs)],
        }
        for i in range(count)
    ]
    register_url = reverse("konferenzen:register", args=[conference.slug])
    watch.be(None)
    watch.open(register_url, shows=())
    for name, value in {**details[0], "email": "xss-0@example.org"}.items():
        tab.locator(f"[name={name}]").fill(value)
    tab.locator("input[name=sector][value=zivilgesellschaft]").check()
    with tab.expect_navigation():
        tab.locator("main form button[type=submit]").last.click()
    watch.check("Anmeldung: ohne Einverständnis zurück", shows=())
    for name, value in details[0].items():
        assert_field(tab, f"[name={name}]", value)
    tab.locator("input[name=consent]").check()
    with tab.expect_navigation():
        tab.locator("main form button[type=submit]").last.click()
    visitor = Client()
    for i in range(1, count):
        data = {**details[i], "email": f"xss-{i}@example.org", "sector": "zivilgesellschaft"}
        posted(visitor, register_url, {**data, "consent": "on"})
    registrations = Registration.objects.filter(email__startswith="xss-").order_by("pk")
    assert registrations.count() == count

    # --- The strategy team: key-figure values from a file, the council paper, its decision.
    figure = KeyFigure.objects.exclude(unit="").order_by("pk").first()
    sources, notes = joined(300, separator=" "), joined(1000)
    today = timezone.localdate()
    rows = [
        {
            "kennzahl_id": figure.pk,
            "stichtag": (today - datetime.timedelta(days=i + 1)).isoformat(),
            "wert": "1",
            "einheit": figure.unit,
            "quelle": source,
            "anmerkung": notes[i % len(notes)],
        }
        for i, source in enumerate(sources)
    ]
    watch.be(STRATEGY_TEAM)
    watch.open(reverse("umsetzung_admin:value_import"), shows=())
    tab.locator("input[name=file]").set_input_files(
        {"name": "werte.csv", "mimeType": "text/csv", "buffer": csv_file(rows)}
    )
    with tab.expect_navigation():
        tab.locator("main form button[type=submit]").last.click()
    watch.check("Werte einlesen: Vorschau", shows=())
    with tab.expect_navigation():
        tab.get_by_role("button", name="Werte jetzt melden").click()
    assert KeyFigureValue.objects.filter(key_figure=figure, source__in=sources).count() == len(
        sources
    )

    team = signed_in(STRATEGY_TEAM)
    paper_url = reverse("ratsvorlage_admin:paper")
    posted(
        team,
        paper_url,
        {
            "title": joined(300, separator=" ")[0],
            "paper_number": "XSS-1",
            "proposed_resolution": EVERYTHING,
        },
    )
    version = PaperVersion.objects.latest("number")
    assert version.state == "draft", version.error
    posted(team, reverse("ratsvorlage_admin:paper_publish", args=[version.number]), {})
    posted(
        team,
        reverse("ratsvorlage_admin:paper_decision", args=[version.number]),
        {"meeting_date": today.isoformat(), "outcome": "postponed", "changes": EVERYTHING},
        expect=(200, 302),
    )

    # --- Display names take letters, digits, space, dot, hyphen and underscore only: sign-up
    # and the profile refuse the corpus, and show it back as typed, escaped.
    display_name = joined(30, separator=" ")[0]
    watch.be(None)
    watch.open(reverse("account_signup"), shows=())
    for name, value in {
        "email": "xss-name@example.org",
        "display_name": display_name,
        "password1": "ein-langes-passwort-1",
        "password2": "ein-langes-passwort-1",
    }.items():
        tab.locator(f"input[name={name}]").fill(value)
    with tab.expect_navigation():
        tab.locator("main form button[type=submit]").last.click()
    watch.check("Registrieren: Anzeigename abgelehnt", shows=())
    assert_field(tab, "input[name=display_name]", display_name)
    assert not get_user_model().objects.filter(email="xss-name@example.org").exists()
    refused = signed_in(anna.email).post(reverse("accounts:profile"), {"display_name": EVERYTHING})
    assert refused.status_code == 200
    anna.refresh_from_db()
    assert anna.display_name == "XSS anna"

    # --- Every page that shows what was typed.
    statement_page = statement.get_absolute_url()
    watch.be(None)
    watch.open(f"/themen/{THEME}/")
    watch.open(f"/themen/{THEME}/?q=" + _quoted(CORPUS[1].text), shows=())
    watch.open("/suche/?q=" + _quoted(CORPUS[3].text), shows=())
    watch.open(statement_page)
    watch.open(reverse("participation:proposals", args=[THEME]))
    watch.open(reverse("participation:results", args=[THEME]), shows=())
    watch.open(links.manage_url(registrations[0], absolute=False), shows=())
    assert_field(tab, "textarea[name=needs_other]", details[0]["needs_other"])
    watch.open(reverse("umsetzung:key_figure", args=[figure.pk]), shows=())
    watch.open(reverse("ratsvorlage:paper_version", args=[version.number]))
    watch.open(reverse("ratsvorlage:paper_versions"), shows=())
    for path in (
        reverse("umsetzung:key_figures_json"),
        "/oparl/v1.1/body/1/papers/",
    ):
        json_endpoint(watch, path)
    json_endpoint(watch, reverse("participation:statements_json") + f"?thema={THEME}", shows=CORPUS)

    watch.be(anna.email)
    watch.open("/konto/", shows=())
    watch.open(reverse("participation:comment_edit", args=[comment.pk]), shows=())
    assert_field(tab, "textarea[name=text]", EVERYTHING)
    watch.open(reverse("accounts:personal_data"), shows=())
    own_data(watch)
    json_endpoint(watch, reverse("accounts:personal_data_json"), shows=CORPUS)

    watch.be(moderator_account.email)
    watch.open(reverse("participation_admin:queue"), shows=())
    watch.open(reverse("participation_admin:queue") + "?what=vorschlaege", shows=BEGINNING)
    watch.open(reverse("participation_admin:queue") + "?what=ausgeblendet", shows=())
    watch.open(reverse("participation_admin:comment", args=[comment.pk]))
    watch.open(reverse("participation_admin:proposal", args=[proposals[0].pk]))

    watch.be(CONFERENCE_TEAM)
    everyone = _in({"n": " ".join(names)})
    watch.open(reverse("wagtailsnippets_konferenzen_registration:list") + "?q=xss", shows=everyone)
    watch.open(
        reverse("wagtailsnippets_konferenzen_registration:edit", args=[registrations[0].pk]),
        shows=(),
    )
    watch.open(reverse("konferenzen_admin:overview", args=[conference.pk]), shows=())
    watch.open(
        reverse("konferenzen_admin:check_in", args=[conference.pk]) + "?q=xss", shows=everyone
    )

    watch.be(STRATEGY_TEAM)
    watch.open(reverse("umsetzung_admin:report_key_figure", args=[figure.pk]), shows=())
    watch.open(paper_url, shows=())
    watch.open(reverse("ratsvorlage_admin:paper_decision", args=[version.number]), shows=())


def _in(values: dict):
    """The payloads whose text stands in these values."""
    joined_values = " ".join(values.values())
    return [p for p in CORPUS if p.text in joined_values]


def _quoted(text: str) -> str:
    from urllib.parse import quote

    return quote(text)


def import_statements(tab, content: bytes) -> None:
    tab.goto(tab.base_url + reverse("participation_admin:import"))
    tab.locator("input[name=file]").set_input_files(
        {"name": "aussagen.csv", "mimeType": "text/csv", "buffer": content}
    )
    tab.locator("select[name=stage]").select_option("3")
    tab.locator("input[name=publish]").check()
    with tab.expect_navigation():
        tab.locator("button:has-text('Vorschau anzeigen')").click()


def own_data(watch: Watch) -> None:
    """The file with one's own data, opened in the browser as someone would from the disk:
    without the download header and without the site's policy, so only escaping protects."""

    def open_instead_of_saving(route):
        response = route.fetch()
        dropped = {"content-disposition", "content-security-policy"}
        headers = {k: v for k, v in response.headers.items() if k.lower() not in dropped}
        route.fulfill(response=response, headers=headers)

    watch.tab.route("**/meine-daten.html", open_instead_of_saving)
    try:
        watch.open(reverse("accounts:personal_data_html"))
    finally:
        watch.tab.unroute("**/meine-daten.html")
