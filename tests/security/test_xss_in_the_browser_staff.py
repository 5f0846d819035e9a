"""Stored XSS, second part: what the city's own teams type, and the mail people receive.

test_xss_in_the_browser.py sends the corpus through what citizens and the first staff forms
fill. This module does the same, through the real admin forms, for the rest of the staff's
text fields and for the mails:

- the conference team corrects registrations (name, organisation, needs, diet) and writes
  to everyone with a seat (subject, text); the registrations list, check-in, the overview
  with its sent messages, and the CSV and XLSX exports, which also neutralise values that a
  spreadsheet program would run as a formula;
- the strategy team consolidates: a Zielbild made from inputs and reworded in the snippet
  form, inputs taken up, merged or not taken up with a reason, the catalogue's agreement
  note; shown on the statement page ("Was daraus wurde") and /strategie/zielbilder/<theme>/;
- an office reports a key-figure value (source, note), a project's state (note), milestones
  and further projects; and imports values from a file, whose source and note the key
  figure's public page must show; the dashboard, key-figure and field pages;
- the council paper's number;
- the mails: registration confirmation, the team's message and the reply notification are
  plain text; if one ever gets an HTML part, it is opened in Chromium as a mail program
  would; the administrators' outbox shows them.

Every page is opened in Chromium: no payload may run (binding `__xss`, dialogs, the
Content-Security-Policy's reports) and every payload must stand on it as text.
"""

import csv
import datetime
import html
import io
import re

import openpyxl
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from konferenzen.models import Conference, Registration, RegistrationStatus
from outbox.models import Mail
from participation.models import Statement
from ratsvorlage.models import PaperVersion
from strategie.models import KeyFigure, Project
from tests.browser import conftest as in_the_browser
from tests.browser.conftest import SHARED_DEMO_SITE
from tests.factories import UserFactory
from umsetzung.reporting import reportable_fields
from zielbilder.models import ConsolidatedZielbild

from .xss_browser import Watch, assert_field, csv_file, json_endpoint, posted, signed_in
from .xss_corpus import CORPUS, joined

pytestmark = SHARED_DEMO_SITE

browser = in_the_browser.browser
demo_server = in_the_browser.demo_server
_django_db_marker = in_the_browser._django_db_marker
_no_csp_violations = in_the_browser._no_csp_violations

THEME = "mobilitaet"
EDITOR = "redaktion@example.org"
CONFERENCE_TEAM = "konferenz@example.org"
STRATEGY_TEAM = "strategie@example.org"
OFFICE = "amt61@example.org"
DEMO_CONFERENCE = "wie-wir-es-wollen"
EVERYTHING = "\n".join(payload.text for payload in CORPUS)  # 824 characters
BEGINNING = CORPUS[:2]
# What a spreadsheet program would run as a formula when a cell begins with it.
FORMULAS = {
    "name": '=HYPERLINK("https://example.org/?"&A1;"Klick")',
    "organisation": "+1+cmd|' /C calc'!A0",
    "dietary": "-2+3",
    "needs_other": "@SUM(1+1)*cmd|' /C calc'!A0",
}


def test_nothing_the_teams_type_runs_as_script_on_any_page(browser, demo_server):
    watch = Watch(browser, demo_server)
    try:
        run(watch)
    finally:
        watch.context.close()
    assert watch.fired == [], f"payloads ran: {watch.fired}"
    not_shown = {page: missing for page, missing in watch.seen.items() if missing}
    assert not_shown == {}, f"payloads not shown as text (page: markers): {not_shown}"


def run(watch: Watch) -> None:
    registrations, conference = conference_team(watch)
    statements, zielbild = strategy_team(watch)
    figure, project = offices(watch)
    version = council_paper_number(watch)
    reply_notification(watch)

    # --- The public pages.
    watch.be(None)
    for statement in statements:
        watch.open(statement.get_absolute_url())
    watch.open(reverse("zielbilder:theme_zielbilder", args=[THEME]))
    watch.open(reverse("umsetzung:key_figure", args=[figure.pk]))
    watch.open(reverse("umsetzung:dashboard"), shows=())
    watch.open(reverse("strategie:field", args=[project.field.slug]))
    watch.open(reverse("ratsvorlage:paper_version", args=[version.number]), shows=())
    watch.open(reverse("ratsvorlage:paper_versions"), shows=())
    json_endpoint(watch, "/oparl/v1.1/body/1/papers/")
    for kind in ("pdf", "docx"):
        download = watch.tab.request.get(
            watch.tab.base_url
            + reverse("ratsvorlage:paper_file_download", args=[version.number, kind])
        )
        assert download.status == 200, kind
        assert download.headers["content-disposition"].startswith("attachment"), kind

    # --- The teams' own pages.
    watch.be(CONFERENCE_TEAM)
    watch.open(reverse("wagtailsnippets_konferenzen_registration:list") + "?q=xss", shows=NAMES)
    watch.open(reverse("konferenzen_admin:check_in", args=[conference.pk]) + "?q=xss", shows=NAMES)
    watch.open(reverse("konferenzen_admin:overview", args=[conference.pk]), shows=SUBJECTS)

    watch.be(STRATEGY_TEAM)
    watch.open(reverse("zielbilder_admin:workbench", args=[THEME]), shows=())
    watch.open(
        reverse("wagtailsnippets_zielbilder_consolidatedzielbild:list") + "?q=xss",
        shows=(),
    )
    watch.open(
        reverse("wagtailsnippets_zielbilder_consolidatedzielbild:edit", args=[zielbild.pk]),
        shows=BEGINNING,  # in the title; the whole text stands in the field
    )
    assert_field(watch.tab, "textarea[name=text]", EVERYTHING)
    watch.open(
        reverse("wagtailsnippets_zielbilder_consolidatedzielbild:history", args=[zielbild.pk]),
        shows=(),
    )
    watch.open(reverse("zielbilder_admin:agreement"))
    watch.open(reverse("ratsvorlage_admin:paper"), shows=())

    watch.be(OFFICE)
    watch.open(reverse("umsetzung_admin:reporting"), shows=())
    watch.open(reverse("umsetzung_admin:report_key_figure", args=[figure.pk]))
    watch.open(reverse("umsetzung_admin:report_project", args=[project.pk]))
    watch.open(reverse("umsetzung_admin:field_projects", args=[project.field.pk]))

    # The administrators' outbox: every stored mail, listed and opened.
    watch.be(administrator().email)
    # The list shows the newest subjects; each mail is then opened whole.
    watch.open(reverse("outbox:index"), shows=())
    for mail in MAILS:
        watch.open(reverse("outbox:inspect", args=[mail.pk]), shows=_in(mail.subject + mail.text))


# --- The conference team ---------------------------------------------------------------------

NAMES = []  # filled below: the payloads that stand in the corrected names
SUBJECTS = []
MAILS: list[Mail] = []


def conference_team(watch: Watch):
    """People register and confirm through the public form; the team corrects their details
    in the admin, exports the list and writes to everyone with a seat."""
    # A conference of its own, like the demo's of stage 4 but open now and without the
    # demo's 200 seats: the team's messages go to the people of this test only.
    conference = Conference.objects.get(slug=DEMO_CONFERENCE)
    conference.pk = conference.id = None
    conference.slug, conference.title = "xss-konferenz", "XSS-Konferenz"
    conference.registration_opens = timezone.now() - datetime.timedelta(days=1)
    conference.save()
    names, organisations = joined(120, separator=" "), joined(200, separator=" ")
    diets, needs = joined(300, separator=" "), joined(500)
    details = [
        {
            "name": names[i],
            "organisation": organisations[i % len(organisations)],
            "dietary": diets[i % len(diets)],
            "needs_other": needs[i % len(needs)],
        }
        for i in range(len(names))
    ]
    details.append(FORMULAS)
    register_url = reverse("konferenzen:register", args=[conference.slug])
    registrations = []
    for i, wanted in enumerate(details):
        email = f"xss-{i}@example.org"
        posted(
            Client(),
            register_url,
            {**wanted, "email": email, "sector": "zivilgesellschaft", "consent": "on"},
        )
        link = re.search(r"/konferenzen/anmeldung/bestaetigen/\S+/", _mail_to(email).text)
        watch.be(None)
        if i == 0:  # the page behind the link, once in the browser
            watch.open(link.group(0), shows=())
        posted(Client(), link.group(0), {})
        registrations.append(Registration.objects.get(email=email))
    assert {r.status for r in registrations} == {RegistrationStatus.CONFIRMED}

    # The team corrects what people wrote, in the admin's form: each gets another's details.
    team = signed_in(CONFERENCE_TEAM)
    details.reverse()
    for registration, wanted in zip(registrations, details, strict=True):
        posted(
            team,
            reverse("wagtailsnippets_konferenzen_registration:edit", args=[registration.pk]),
            wanted,
        )
        registration.refresh_from_db()
        assert registration.name == wanted["name"]
    NAMES[:] = _in(" ".join(names))
    watch.be(CONFERENCE_TEAM)
    watch.open(
        reverse("wagtailsnippets_konferenzen_registration:edit", args=[registrations[0].pk]),
        shows=(),
    )
    exports_are_safe(team, registrations, details)

    # The team writes to everyone with a seat: the subjects carry the corpus between them.
    subjects = joined(150, separator=" ")
    message_url = reverse("konferenzen_admin:message", args=[conference.pk])
    watch.open(message_url, shows=())
    for subject in subjects:
        posted(team, message_url, {"subject": subject, "text": EVERYTHING})
    SUBJECTS[:] = _in(" ".join(subjects))
    for registration in registrations[:2]:
        confirmation, *messages = Mail.objects.filter(to=registration.email).order_by("pk")[1:]
        assert [m.subject for m in messages] == [f"[XSS-Konferenz] {s}" for s in subjects]
        MAILS.extend([confirmation, messages[0]])
    for mail in MAILS:
        mail_in_the_browser(watch, mail)
    return registrations, conference


def exports_are_safe(team: Client, registrations, details) -> None:
    """The exports hold every value as it was typed; in the CSV a value that a spreadsheet
    would take for a formula starts with an apostrophe (OWASP's advice for CSV injection),
    in the XLSX it is a text cell."""
    list_url = reverse("wagtailsnippets_konferenzen_registration:list")
    response = team.get(list_url, {"export": "csv", "q": "xss"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    # Columns in the order of list_export: name, email, organisation, …
    rows = {row[1]: row for row in csv.reader(io.StringIO(content))}
    workbook = openpyxl.load_workbook(
        io.BytesIO(b"".join(team.get(list_url, {"export": "xlsx", "q": "xss"}).streaming_content))
    )
    sheet = workbook.active
    cells = {row[1]: row for row in sheet.iter_rows(values_only=True)}
    for registration, wanted in zip(registrations, details, strict=True):
        row, xlsx_row = rows[registration.email], cells[registration.email]
        assert row[0] == _neutralised(wanted["name"])
        assert row[2] == _neutralised(wanted["organisation"])
        # XLSX keeps the text as it is, in a text cell: no program takes it for a formula.
        assert xlsx_row[0] == wanted["name"]
    for cell in sheet.iter_rows():
        for value in cell:
            assert value.data_type != "f", value.value


def _neutralised(value: str) -> str:
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def _mail_to(email: str) -> Mail:
    return Mail.objects.filter(to=email).latest("pk")


def mail_in_the_browser(watch: Watch, mail: Mail) -> None:
    """A mail as a mail program shows it: the HTML part as a page (nothing may run, the
    payloads stand as text), or else the plain text, which carries them unchanged."""
    shows = _in(mail.text)
    assert shows, mail.subject
    if mail.html:
        watch.tab.set_content(mail.html)
        watch.check(f"E-Mail (HTML) {mail.subject[:30]}", shows=shows)
        return
    url = f"{watch.tab.base_url}/__mail/{mail.pk}.txt"
    watch.tab.route(
        url,
        lambda route: route.fulfill(
            status=200, body=mail.text, content_type="text/plain; charset=utf-8"
        ),
    )
    try:
        watch.tab.goto(url)
        watch.check(f"E-Mail (Text) {mail.subject[:30]}", shows=shows)
    finally:
        watch.tab.unroute(url)


# --- The strategy team -----------------------------------------------------------------------


def strategy_team(watch: Watch):
    """A Zielbild made from one input and reworded; the others merged and not taken up,
    each with a reason; the catalogue agreed with a note."""
    team = signed_in(STRATEGY_TEAM)
    statements = list(
        Statement.objects.public()
        .filter(theme__slug=THEME, outcome__isnull=True)
        .order_by("pk")[:3]
    )
    taken_up, merged, not_taken_up = statements
    posted(
        team,
        reverse("zielbilder_admin:new_zielbild", args=[THEME]),
        {"auswahl": [taken_up.pk]},
    )
    zielbild = ConsolidatedZielbild.objects.filter(theme__slug=THEME).latest("pk")
    edit_url = reverse("wagtailsnippets_zielbilder_consolidatedzielbild:edit", args=[zielbild.pk])
    posted(
        team,
        edit_url,
        {"theme": zielbild.theme_id, "text": EVERYTHING, "action-publish": "action-publish"},
    )
    zielbild.refresh_from_db()
    assert zielbild.live and zielbild.text == EVERYTHING
    for statement, kind, chosen in (
        (taken_up, "taken_up", zielbild.pk),
        (merged, "merged", zielbild.pk),
        (not_taken_up, "not_taken_up", ""),
    ):
        posted(
            team,
            reverse("zielbilder_admin:outcome", args=[THEME]),
            {"statement": statement.pk, "kind": kind, "zielbild": chosen, "reason": EVERYTHING},
        )
        statement.refresh_from_db()
        assert statement.outcome.reason == EVERYTHING, kind

    # The conference of stage 4 has taken place; it agreed on the catalogue.
    conference = Conference.objects.get(slug=DEMO_CONFERENCE)
    past = timezone.now() - datetime.timedelta(days=2)
    Conference.objects.filter(pk=conference.pk).update(
        starts_at=past, ends_at=past + datetime.timedelta(hours=6)
    )
    posted(
        team,
        reverse("zielbilder_admin:agreement"),
        {
            "conference": conference.pk,
            "agreed_on": timezone.localdate().isoformat(),
            "note": EVERYTHING,
        },
    )
    return statements, zielbild


# --- The offices -----------------------------------------------------------------------------


def offices(watch: Watch):
    """One office reports values, a project's state, milestones and further projects, and
    imports values from a file."""
    office = signed_in(OFFICE)
    person = get_user_model().objects.get(email=OFFICE)
    field = (
        reportable_fields(person)
        .filter(key_figures__isnull=False, projects__isnull=False)
        .order_by("pk")
        .first()
    )
    figure = KeyFigure.objects.filter(field=field).order_by("pk").first()
    project = Project.objects.filter(field=field).order_by("pk").first()
    today = timezone.localdate()
    sources, notes = joined(300, separator=" "), joined(1000)
    figure_url = reverse("umsetzung_admin:report_key_figure", args=[figure.pk])
    for i, source in enumerate(sources):
        posted(
            office,
            figure_url,
            {
                "date": (today - datetime.timedelta(days=10 + i)).isoformat(),
                "value": "1",
                "unit": figure.unit,
                "source": source,
                "note": notes[i % len(notes)],
            },
        )

    # The import: its source and note stand on the key figure's page like the form's.
    import_sources = joined(300, separator=" ", prefix="Import:")
    import_notes = joined(1000, prefix="Import")
    rows = [
        {
            "kennzahl_id": figure.pk,
            "stichtag": (today - datetime.timedelta(days=1 + i)).isoformat(),
            "wert": "2",
            "einheit": figure.unit,
            "quelle": source,
            "anmerkung": import_notes[i % len(import_notes)],
        }
        for i, source in enumerate(import_sources)
    ]
    import_url = reverse("umsetzung_admin:value_import")
    office.post(
        import_url,
        {"file": _upload("werte.csv", csv_file(rows))},
    )
    posted(office, reverse("umsetzung_admin:value_import_confirm"), {})
    assert figure.values.filter(source__startswith="Import:").count() == len(rows)

    project_url = reverse("umsetzung_admin:report_project", args=[project.pk])
    for note in joined(1000):
        posted(
            office,
            project_url,
            {"state": "running", "progress": "50", "note": note},
        )
    for title in joined(200, separator=" "):
        posted(
            office,
            reverse("umsetzung_admin:add_milestone", args=[project.pk]),
            {"title": title, "due": today.isoformat()},
        )
    further_url = reverse("umsetzung_admin:field_projects", args=[field.pk])
    for name in joined(200, separator=" "):
        posted(office, further_url, {"name": name, "description": EVERYTHING})
    return figure, project


def _upload(name: str, content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="text/csv")


# --- The council paper's number --------------------------------------------------------------


def council_paper_number(watch: Watch) -> PaperVersion:
    """The number names the council's files, so it takes only plain characters: markup is
    refused next to the field and shown back there as text; the paper is then compiled
    with a proper number (the title and resolution carry the corpus in the other module)."""
    number = CORPUS[3].text  # '"><script>…': an attribute breakout, 27 characters
    team = signed_in(STRATEGY_TEAM)
    form = {"title": "Stadtstrategie", "paper_number": number, "proposed_resolution": "Beschluss."}
    refused = posted(team, reverse("ratsvorlage_admin:paper"), form, expect=(400,)).content
    assert "Bitte nur Buchstaben, Ziffern" in refused.decode()
    assert html.escape(number).encode() in refused and number.encode() not in refused
    posted(team, reverse("ratsvorlage_admin:paper"), {**form, "paper_number": "0815/2026"})
    version = PaperVersion.objects.latest("number")
    assert version.state == "draft", version.error
    posted(team, reverse("ratsvorlage_admin:paper_publish", args=[version.number]), {})
    return version


# --- Mail about a reply ----------------------------------------------------------------------


def reply_notification(watch: Watch) -> None:
    anna, ben = (
        UserFactory(email=f"{name}-xss@example.org", display_name=f"XSS {name}")
        for name in ("anna", "ben")
    )
    statement = Statement.objects.public().filter(theme__slug=THEME).order_by("-pk").first()
    comment_url = reverse("participation:comment_create", args=[statement.pk])
    posted(signed_in(anna.email), comment_url, {"text": "Ein harmloser Kommentar."})
    parent = statement.comments.filter(author=anna).get()
    posted(signed_in(ben.email), comment_url, {"text": EVERYTHING, "parent": parent.pk})
    mail = _mail_to(anna.email)
    assert EVERYTHING in mail.text
    MAILS.append(mail)
    mail_in_the_browser(watch, mail)


def administrator():
    account, _created = get_user_model().objects.get_or_create(
        email="admin-xss@example.org", defaults={"is_superuser": True, "is_staff": True}
    )
    return account


def _in(text: str):
    """The payloads whose text stands in this text."""
    return [p for p in CORPUS if p.text in text]
