"""Zero axe-core violations (WCAG 2.1 A and AA) on every kind of public page.

A visitor's crawl of the demo site starts at / and follows every link of the site. Its
addresses are grouped by kind – the URL's name, or the page type for pages of the Wagtail
tree – and one page of each kind is checked with axe in Chromium. The pages no visitor's link
leads to (signed in, from a mail, after a form, errors) are listed in EXTRA_PAGES with the
steps that lead there. The test fails when the site has a public kind of page that neither
the crawl nor the list reaches, so that the check cannot silently cover less.
"""

import datetime
from urllib.parse import urlsplit

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from cms.models import ContentPage, HomePage
from konferenzen import links, registrations
from konferenzen.models import Conference, Registration
from participation.models import Comment, Proposal, Statement
from participation.notifications import unsubscribe_token
from zielbilder.council.content import content_hash, gather
from zielbilder.council.render import render_html
from zielbilder.models import PaperVersion, VersionState

from .conftest import SHARED_DEMO_SITE, axe_violations, describe, sign_in_quietly
from .crawl import crawl, kind_of, page_types, public_kinds

pytestmark = SHARED_DEMO_SITE

CITIZEN = "buergerin@example.org"
COUNCIL_MEMBER = "rat@example.org"

# Not pages for people: everything below these paths is left out of the comparison.
NOT_PUBLIC = (
    "admin/",  # the Wagtail admin, for the city's staff
)

# Public URL names that are not pages a person reads, each with the reason.
EXCLUDED = {
    "health": "plain text for the load balancer",
    "set_language": "POST only; answers with a redirect (the language switch uses links)",
    "wagtail_serve": "stands for the page types, which are compared one by one",
    "wagtaildocs_serve": "the documents themselves (PDF, DOCX …), not HTML",
    "wagtailcore_login": "Wagtail's own sign-in; WAGTAIL_FRONTEND_LOGIN_URL sends visitors of "
    "private pages to account_login instead, so nothing leads here",
    "account_set_password": "redirects to account_change_password: every account has a "
    "password, sign-up asks for one",
    "account_confirm_login_code": "sign-in by code is off; answers 404",
    "account_request_reauthentication_code": "sign-in by code is off; answers 404",
    "account_confirm_reauthentication_code": "sign-in by code is off; answers 404",
    "participation:vote": "POST only (the vote buttons); answers with a redirect or JSON",
    "participation:follow": "POST only (the follow button); answers with a redirect",
    "participation:follow_theme": "POST only (the follow button); answers with a redirect",
    "participation:statements_csv": "open data, CSV",
    "participation:statements_json": "open data, JSON",
    "participation:comments_csv": "open data, CSV",
    "konferenzen:calendar": "the calendar file (ICS) of a registration",
    "zielbilder:matrix_csv": "open data, CSV",
    "zielbilder:model_json": "open data, JSON",
    "zielbilder:key_figures_csv": "open data, CSV",
    "zielbilder:key_figures_json": "open data, JSON",
    "zielbilder:paper_file": "the council paper as PDF or DOCX, shown in the browser",
    "zielbilder:paper_file_download": "the council paper as PDF or DOCX, downloaded",
    # OParl is a JSON API for council information systems; tests/zielbilder/test_oparl.py
    # validates every object against the specification's schemas.
    **{
        f"oparl:{name}": "OParl JSON"
        for name in (
            "system body_list body organization_list person_list meeting_list paper_list "
            "legislative_term_list agenda_item_list consultation_list file_list organization "
            "organization_meetings organization_consultations paper file meeting agenda_item "
            "consultation"
        ).split()
    },
}

# What a visitor meets when something goes wrong.
ERROR_PAGES = {"status:403", "status:404"}


# --- The pages no visitor's link leads to ------------------------------------------------------

EXTRA_PAGES = []  # (who, what they do, the function that does it in a tab)


def extra(who: str | None, what: str):
    def register(steps):
        EXTRA_PAGES.append((who, what, steps))
        return steps

    return register


def go(tab, path: str):
    return tab.goto(tab.base_url + path)


@extra(None, "Seite, die es nicht gibt (404)")
def _(tab, demo):
    go(tab, "/gibt-es-nicht/")


@extra(None, "Formular ohne Sitzungs-Cookie abgeschickt (403, CSRF)")
def _(tab, demo):
    go(tab, "/konto/login/")
    tab.context.clear_cookies()
    tab.get_by_label("E-Mail").fill(CITIZEN)
    tab.get_by_label("Passwort").fill("falsch")
    tab.get_by_role("button", name="Anmelden").last.click()
    tab.wait_for_load_state()


@extra(None, "Passwort vergessen: abgeschickt")
def _(tab, demo):
    go(tab, "/konto/password/reset/")
    tab.get_by_label("E-Mail").fill(CITIZEN)
    tab.get_by_role("button", name="Passwort zurücksetzen").click()
    tab.wait_for_url("**/password/reset/done/")


@extra(None, "Link aus der Mail „Passwort zurücksetzen“")
def _(tab, demo):
    user = demo.citizen
    key = default_token_generator.make_token(user)
    go(tab, f"/konto/password/reset/key/{user_pk_to_url_str(user)}-{key}/")
    tab.wait_for_url("**-set-password/")


@extra(None, "Abgelaufener Link „Passwort zurücksetzen“")
def _(tab, demo):
    go(tab, f"/konto/password/reset/key/{user_pk_to_url_str(demo.citizen)}-abgelaufen/")


@extra(None, "Passwort geändert")
def _(tab, demo):
    go(tab, "/konto/password/reset/key/done/")


@extra(None, "Registriert: Bitte E-Mail bestätigen")
def _(tab, demo):
    go(tab, "/konto/confirm-email/")


@extra(None, "Link aus der Mail „E-Mail-Adresse bestätigen“")
def _(tab, demo):
    go(tab, f"/konto/confirm-email/{demo.email_confirmation_key}/")


@extra(None, "Ungültiger Link „E-Mail-Adresse bestätigen“")
def _(tab, demo):
    go(tab, "/konto/confirm-email/ungueltig/")


@extra(None, "Konto gesperrt")
def _(tab, demo):
    go(tab, "/konto/inactive/")


@extra(None, "Anmeldung zur Stadtkonferenz gesendet")
def _(tab, demo):
    go(tab, f"/konferenzen/{demo.conference.slug}/anmelden/gesendet/")


@extra(None, "Link aus der Mail „Anmeldung bestätigen“")
def _(tab, demo):
    go(tab, links.confirm_url(demo.pending_registration, absolute=False))


@extra(None, "Selbstauskunft zur Konferenzanmeldung (Link aus jeder Mail)")
def _(tab, demo):
    go(tab, links.manage_url(demo.registration, absolute=False))


@extra(None, "Konferenzanmeldung absagen")
def _(tab, demo):
    go(tab, links.manage_url(demo.registration, absolute=False) + "absagen/")


@extra(None, "Abmelde-Link aus einer Benachrichtigung")
def _(tab, demo):
    go(tab, f"/beteiligung/abmelden/{unsubscribe_token(demo.citizen, 'replies')}/")


@extra(None, "Seite mit Passwortschutz")
def _(tab, demo):
    go(tab, demo.protected_page.url)


@extra(None, "Seite mit Passwortschutz: falsches Passwort")
def _(tab, demo):
    go(tab, demo.protected_page.url)
    tab.get_by_label("Passwort").fill("falsch")
    tab.get_by_role("button", name="Weiter").click()
    tab.wait_for_load_state()


@extra(None, "Dokument mit Passwortschutz: falsches Passwort")
def _(tab, demo):
    go(tab, demo.protected_document.url)
    tab.get_by_label("Passwort").fill("falsch")
    tab.get_by_role("button", name="Weiter").click()
    tab.wait_for_load_state()


@extra(CITIZEN, "Mein Konto")
def _(tab, demo):
    go(tab, "/konto/")


@extra(CITIZEN, "Benachrichtigungen")
def _(tab, demo):
    go(tab, "/konto/benachrichtigungen/")


@extra(CITIZEN, "E-Mail-Adresse ändern")
def _(tab, demo):
    go(tab, "/konto/email/")


@extra(CITIZEN, "Passwort ändern")
def _(tab, demo):
    go(tab, "/konto/password/change/")


@extra(CITIZEN, "Passwort zur Bestätigung erneut eingeben")
def _(tab, demo):
    go(tab, "/konto/reauthenticate/")


@extra(CITIZEN, "Abmelden")
def _(tab, demo):
    go(tab, "/konto/logout/")


@extra(CITIZEN, "Aussage vorschlagen")
def _(tab, demo):
    go(tab, f"/beteiligung/themen/{demo.statement.theme.slug}/vorschlagen/")


@extra(CITIZEN, "Leerer Kommentar abgeschickt")
def _(tab, demo):
    go(tab, demo.statement.get_absolute_url())
    writing = tab.get_by_role("region", name="Kommentieren")
    writing.get_by_role("button", name="Kommentar veröffentlichen").click()
    tab.wait_for_url("**/kommentieren/")


@extra(CITIZEN, "Eigenen Kommentar bearbeiten")
def _(tab, demo):
    go(tab, f"/beteiligung/kommentare/{demo.own_comment.pk}/bearbeiten/")


@extra(CITIZEN, "Eigenen Kommentar löschen")
def _(tab, demo):
    go(tab, f"/beteiligung/kommentare/{demo.own_comment.pk}/loeschen/")


@extra(CITIZEN, "Fremden Kommentar bearbeiten wollen (403)")
def _(tab, demo):
    go(tab, f"/beteiligung/kommentare/{demo.other_comment.pk}/bearbeiten/")


@extra(CITIZEN, "Kommentar melden")
def _(tab, demo):
    go(tab, f"/beteiligung/kommentare/{demo.other_comment.pk}/melden/")


@extra(CITIZEN, "Vorschlag melden")
def _(tab, demo):
    go(tab, f"/beteiligung/vorschlaege/{demo.other_proposal.pk}/melden/")


@extra(COUNCIL_MEMBER, "Entwurf der Ratsvorlage")
def _(tab, demo):
    go(tab, f"/ratsvorlage/{demo.papers[-1].number}/")


@extra(COUNCIL_MEMBER, "Zwei Fassungen der Ratsvorlage vergleichen")
def _(tab, demo):
    first, second = demo.papers
    go(tab, f"/ratsvorlage/vergleich/?von={first.number}&zu={second.number}")


# --- What the extra pages need ----------------------------------------------------------------


class Demo:
    """The demo's people and things the extra pages are about, plus a few made for them."""

    def __init__(self):
        users = get_user_model().objects
        self.citizen = users.get(email=CITIZEN)
        self.statement = (
            Statement.objects.public().filter(theme__slug="mobilitaet", kind="zielbild").first()
        )
        neighbour = users.create_user(email="nachbarin@example.org", display_name="Nachbarin")
        EmailAddress.objects.create(user=neighbour, email=neighbour.email, verified=True)
        self.own_comment = Comment.objects.create(
            statement=self.statement, author=self.citizen, text="Ein eigener Kommentar."
        )
        self.other_comment = Comment.objects.create(
            statement=self.statement, author=neighbour, text="Ein fremder Kommentar."
        )
        self.other_proposal = Proposal.objects.create(
            theme=self.statement.theme,
            kind="zielbild",
            stage=3,
            author=neighbour,
            text="Ein fremder Vorschlag, lang genug für die Regel von dreißig Zeichen.",
        )
        newcomer = users.create_user(email="neu@example.org", display_name="Neu hier")
        address = EmailAddress.objects.create(user=newcomer, email=newcomer.email)
        self.email_confirmation_key = EmailConfirmationHMAC(address).key
        # The demo opens the registration 60 days before the conference, 40 days from now.
        Conference.objects.filter(stage=4).update(
            registration_opens=timezone.now() - datetime.timedelta(days=1)
        )
        self.conference = Conference.objects.get(stage=4)
        self.registration = Registration.objects.get(
            conference=self.conference, email=CITIZEN
        )
        self.pending_registration = registrations.register(
            conference=self.conference,
            email="spaeter@example.org",
            details={"name": "Später Bestätigt", "sector": "buergerinnen"},
            preferences={},
        )
        self.protected_page = self.page_with_password()
        self.protected_document = self.document_with_password()
        self.papers = [paper_without_files(number) for number in (1, 2)]

    @staticmethod
    def page_with_password() -> ContentPage:
        home = HomePage.objects.get()
        page = ContentPage(title="Nur mit Passwort", slug="nur-mit-passwort")
        home.add_child(instance=page)
        page.save_revision().publish()
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )
        return page


    @staticmethod
    def document_with_password():
        collection = Collection.get_first_root_node().add_child(name="Nur mit Passwort")
        CollectionViewRestriction.objects.create(
            collection=collection,
            restriction_type=CollectionViewRestriction.PASSWORD,
            password="geheim",
        )
        return get_document_model().objects.create(
            title="Internes Protokoll",
            file=ContentFile(b"Protokoll", name="protokoll.txt"),
            collection=collection,
        )


def paper_without_files(number: int) -> PaperVersion:
    """A draft of the council paper as its web page shows it; the PDF and DOCX, which take
    seconds to set and are no HTML, are left out."""
    content = gather(
        title="Strategie „Unser Dortmund“",
        paper_number="12345-26",
        date=timezone.localdate().isoformat(),
        proposed_resolution=f"Der Rat beschließt die Stadtstrategie (Fassung {number}).",
    )
    sha256 = content_hash(content)
    created_at = timezone.now() - datetime.timedelta(minutes=10 - number)
    return PaperVersion.objects.create(
        number=number,
        title=content["paper"]["title"],
        paper_number=content["paper"]["number"],
        proposed_resolution=content["paper"]["proposed_resolution"],
        state=VersionState.DRAFT,
        progress=100,
        content=content,
        sha256=sha256,
        html=render_html(content, number=number, sha256=sha256, created_at=created_at),
        created_at=created_at,
    )


def status_of(tab) -> int:
    return tab.evaluate("performance.getEntriesByType('navigation')[0].responseStatus")


# --- The test ----------------------------------------------------------------------------------


def test_every_kind_of_public_page_has_no_axe_violations(browser, demo_server):
    demo = Demo()
    visited = crawl(["/"], skip_kinds=set(EXCLUDED), skip_prefixes=("/admin/", "/en/"))
    assert visited.broken == [], f"broken links (address, status, found on): {visited.broken}"
    found, covered = {}, set(visited.kinds())

    tabs = {}
    for (_language, kind), paths in sorted(visited.pages.items()):
        tab = tabs.setdefault(None, new_tab(browser, demo_server, None))
        response = tab.goto(tab.base_url + paths[0])
        assert response.status == 200, paths[0]
        found[f"{kind} ({paths[0]})"] = axe_violations(tab)

    for who, what, steps in EXTRA_PAGES:
        tab = tabs.get(who) or tabs.setdefault(who, new_tab(browser, demo_server, who))
        steps(tab, demo)
        kind, status = kind_of(urlsplit(tab.url).path), status_of(tab)
        covered.add(kind)
        if status >= 400:
            covered.add(f"status:{status}")
        found[f"{what} → {kind}, {status} ({tab.url})"] = axe_violations(tab)
    for tab in tabs.values():
        tab.context.close()

    assert {name: v for name, v in found.items() if v} == {}, describe(found)
    required = (public_kinds(NOT_PUBLIC) - set(EXCLUDED)) | page_types() | ERROR_PAGES
    assert sorted(required - covered) == [], (
        "kinds of public page that neither the crawl nor EXTRA_PAGES reaches: add a step "
        "that leads there to EXTRA_PAGES, or say in EXCLUDED why it is no page for people"
    )
    assert sorted(set(EXCLUDED) - public_kinds(NOT_PUBLIC)) == [], "EXCLUDED names a lost URL"


def new_tab(browser, server, who: str | None):
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    tab.base_url = server.url
    if who:
        sign_in_quietly(tab, who)
    return tab
