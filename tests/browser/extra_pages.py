"""The public pages no visitor's link leads to, and the steps that lead there.

Signed in, from a link in a mail, after sending a form, or when something goes wrong. Each
entry says who does it and what; `visit_extra_pages` walks them all in German or English.
The steps only lead to the pages that axe and the language check look at, so they fill and
send forms directly (the keyboard is the flows' business, tests/browser/keyboard.py); they
address fields by their names, so that they work in either language. The last entries sign a
visitor in with an account made for them, which they then delete; the demo citizen, whom the
other entries use, stays.
"""

import datetime
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import override_settings
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from cms.models import ContentPage, HomePage
from konferenzen import links, registrations
from konferenzen.models import Conference, Registration
from participation.models import Comment, Proposal, Statement
from participation.notifications import unsubscribe_token
from ratsvorlage.content import content_hash, gather
from ratsvorlage.models import PaperVersion, VersionState
from ratsvorlage.render import render_html

from .conftest import sign_in_quietly
from .crawl import kind_of

CITIZEN = "buergerin@example.org"
COUNCIL_MEMBER = "rat@example.org"
LEAVING, LEAVING_PASSWORD = "geht@example.org", "ein-letztes-passwort-2026"


@dataclass
class ExtraPage:
    who: str | None  # the account signed in, or None for a visitor
    what: str
    steps: object  # function(tab, demo)


EXTRA_PAGES: list[ExtraPage] = []


def extra(who: str | None, what: str):
    def register(steps):
        EXTRA_PAGES.append(ExtraPage(who, what, steps))
        return steps

    return register


def go(tab, path: str):
    """Open a path of the site (as `reverse` gives it in either language) in the tab's."""
    path = re.sub(r"^/en(?=/)", "", path)
    return tab.goto(tab.base_url + ("/en" if tab.language == "en" else "") + path)


def send(tab, form_selector: str = "main form") -> None:
    """Send a form as Enter in its first field does, and wait for the answer."""
    with tab.expect_navigation():
        tab.locator(form_selector).last.locator("input:visible, textarea").first.press("Enter")


def status(tab) -> int:
    """The HTTP status of the page the tab shows."""
    return tab.evaluate("performance.getEntriesByType('navigation')[0].responseStatus")


@extra(None, "Seite, die es nicht gibt (404)")
def _(tab, demo):
    go(tab, "/gibt-es-nicht/")


@extra(None, "Formular ohne Sitzungs-Cookie abgeschickt (403, CSRF)")
def _(tab, demo):
    go(tab, "/konto/login/")
    tab.context.clear_cookies()
    tab.locator("input[name=login]").fill(CITIZEN)
    tab.locator("input[name=password]").fill("falsch")
    send(tab)


@extra(None, "Anmelden mit falschem Passwort")
def _(tab, demo):
    go(tab, "/konto/login/")
    tab.locator("input[name=login]").fill(CITIZEN)
    tab.locator("input[name=password]").fill("falsch")
    send(tab)


@extra(None, "Passwort vergessen: abgeschickt")
def _(tab, demo):
    go(tab, "/konto/password/reset/")
    tab.locator("input[name=email]").fill(CITIZEN)
    send(tab)


@extra(None, "Link aus der Mail „Passwort zurücksetzen“")
def _(tab, demo):
    user = get_user_model().objects.get(pk=demo.citizen.pk)  # as it is now
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


@extra(None, "Zu viele Registrierungen in kurzer Zeit (429: das Formular mit dem Getippten)")
def _(tab, demo):
    # One a minute instead of twenty, so that the second try is refused.
    rates = {**settings.ACCOUNT_RATE_LIMITS, "signup": "1/m/ip"}
    with override_settings(ACCOUNT_RATE_LIMITS=rates):
        for _attempt in range(2):
            go(tab, "/konto/signup/")
            tab.locator("input[name=email]").fill("zu-oft@example.org")
            tab.locator("input[name=display_name]").fill("Zu oft")
            tab.locator("input[name=password1]").fill("ein-langes-passwort-1")
            tab.locator("input[name=password2]").fill("ein-anderes-passwort-2")
            send(tab)


@extra(None, "Link aus der Mail „E-Mail-Adresse bestätigen“")
def _(tab, demo):
    go(tab, f"/konto/confirm-email/{demo.email_confirmation_key}/")


@extra(None, "Ungültiger Link „E-Mail-Adresse bestätigen“")
def _(tab, demo):
    go(tab, "/konto/confirm-email/ungueltig/")


@extra(None, "Konto gesperrt")
def _(tab, demo):
    go(tab, "/konto/inactive/")


@extra(None, "Anmeldung zur Stadtkonferenz mit Fehlern")
def _(tab, demo):
    go(tab, f"/konferenzen/{demo.conference.slug}/anmelden/")
    tab.locator("input[name=email]").fill("keine-adresse")
    send(tab)


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


@extra(None, "Verfälschter Link zur Konferenzanmeldung")
def _(tab, demo):
    go(tab, links.manage_url(demo.registration, absolute=False)[:-4] + "xyz/")


@extra(None, "Abmelde-Link aus einer Benachrichtigung")
def _(tab, demo):
    go(tab, f"/beteiligung/abmelden/{unsubscribe_token(demo.citizen, 'replies')}/")


@extra(None, "Seite mit Passwortschutz")
def _(tab, demo):
    go(tab, demo.protected_page.url)


@extra(None, "Seite mit Passwortschutz: falsches Passwort")
def _(tab, demo):
    go(tab, demo.protected_page.url)
    tab.locator("input[name=password]").fill("falsch")
    send(tab)


@extra(None, "Dokument mit Passwortschutz: falsches Passwort")
def _(tab, demo):
    tab.goto(tab.base_url + demo.protected_document.url)  # documents have no language
    tab.locator("input[name=password]").fill("falsch")
    send(tab)


@extra(CITIZEN, "Mein Konto")
def _(tab, demo):
    go(tab, "/konto/")


@extra(CITIZEN, "Meine Beteiligung: alle Bewertungen")
def _(tab, demo):
    go(tab, "/konto/beteiligung/bewertungen/")


@extra(CITIZEN, "Benachrichtigungen")
def _(tab, demo):
    go(tab, "/konto/benachrichtigungen/")


@extra(CITIZEN, "E-Mail-Adresse ändern")
def _(tab, demo):
    go(tab, "/konto/email/")


@extra(CITIZEN, "Passwort ändern, mit Fehlern")
def _(tab, demo):
    go(tab, "/konto/password/change/")
    tab.locator("input[name=oldpassword]").fill("falsch")
    send(tab)


@extra(CITIZEN, "Passwort zu oft in kurzer Zeit ändern wollen (429)")
def _(tab, demo):
    # ACCOUNT_RATE_LIMITS["change_password"]: five tries a minute, then the short page.
    for _attempt in range(10):
        go(tab, "/konto/password/change/")
        tab.locator("input[name=oldpassword]").fill("falsch")
        send(tab)
        if status(tab) == 429:
            return


@extra(CITIZEN, "Passwort zur Bestätigung erneut eingeben")
def _(tab, demo):
    go(tab, "/konto/reauthenticate/")


@extra(CITIZEN, "Abmelden")
def _(tab, demo):
    go(tab, "/konto/logout/")


@extra(CITIZEN, "Meine Daten herunterladen")
def _(tab, demo):
    go(tab, "/konto/daten/")


@extra(CITIZEN, "Meine Daten als Datei zum Lesen (HTML), im Browser geöffnet")
def _(tab, demo):
    def open_instead_of_saving(route):
        # The file comes as a download; opened from the disk it has neither the download's
        # header nor the site's Content-Security-Policy (which refuses its inline styles).
        response = route.fetch()
        dropped = {"content-disposition", "content-security-policy"}
        headers = {k: v for k, v in response.headers.items() if k.lower() not in dropped}
        route.fulfill(response=response, headers=headers)

    tab.route("**/meine-daten.html", open_instead_of_saving)
    try:
        go(tab, "/konto/daten/meine-daten.html")
    finally:
        tab.unroute("**/meine-daten.html")


@extra(CITIZEN, "Konto löschen, mit falschem Passwort")
def _(tab, demo):
    go(tab, "/konto/loeschen/")
    tab.locator("input[name=password]").fill("falsch")
    send(tab)


@extra(CITIZEN, "Aussage vorschlagen")
def _(tab, demo):
    go(tab, f"/beteiligung/themen/{demo.statement.theme.slug}/vorschlagen/")


@extra(CITIZEN, "Leerer Kommentar abgeschickt")
def _(tab, demo):
    go(tab, demo.statement.get_absolute_url())
    with tab.expect_navigation():
        tab.locator("form[action$='/kommentieren/'] button[type=submit]").last.click()


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


@extra(COUNCIL_MEMBER, "Die Fassungen der Ratsvorlage, mit Entwürfen")
def _(tab, demo):
    go(tab, "/ratsvorlage/")


@extra(COUNCIL_MEMBER, "Zwei Fassungen der Ratsvorlage vergleichen")
def _(tab, demo):
    first, second = demo.papers
    go(tab, f"/ratsvorlage/vergleich/?von={first.number}&zu={second.number}")


@extra(None, "Angemeldet: die angemeldeten Geräte (ein Konto, das gleich gelöscht wird)")
def _(tab, demo):
    go(tab, "/konto/login/")
    tab.locator("input[name=login]").fill(LEAVING)
    tab.locator("input[name=password]").fill(LEAVING_PASSWORD)
    send(tab)
    go(tab, "/konto/sessions/")


@extra(None, "Konto gelöscht (dasselbe Konto)")
def _(tab, demo):
    go(tab, "/konto/loeschen/")
    tab.locator("input[name=password]").fill(LEAVING_PASSWORD)
    send(tab)


# --- What the extra pages are about ---------------------------------------------------------


class Demo:
    """The demo's people and things the extra pages show, and a few made for them."""

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
        leaving = users.create_user(LEAVING, LEAVING_PASSWORD, display_name="Geht bald")
        EmailAddress.objects.create(user=leaving, email=leaving.email, verified=True, primary=True)
        newcomer = users.create_user(email="neu@example.org", display_name="Neu hier")
        address = EmailAddress.objects.create(user=newcomer, email=newcomer.email)
        self.email_confirmation_key = EmailConfirmationHMAC(address).key
        # The demo opens the registration 60 days before the conference, 40 days from now.
        Conference.objects.filter(stage=4).update(
            registration_opens=timezone.now() - datetime.timedelta(days=1)
        )
        self.conference = Conference.objects.get(stage=4)
        self.registration = Registration.objects.get(conference=self.conference, email=CITIZEN)
        self.pending_registration = registrations.register(
            conference=self.conference,
            email="spaeter@example.org",
            details={"name": "Paula Beispiel", "sector": "buergerinnen"},
            preferences={},
        )
        self.protected_page = self.page_with_password()
        self.protected_document = self.document_with_password()
        self.papers = [paper_without_files(number) for number in (1, 2)]

    @staticmethod
    def page_with_password() -> ContentPage:
        home = HomePage.objects.get(locale__language_code="de")
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


# --- Walking them ---------------------------------------------------------------------------


def new_tab(browser, server, *, language: str = "de", who: str | None = None):
    locale = "en-GB" if language == "en" else "de-DE"
    context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    tab.base_url = server.url
    tab.language = language
    if who:
        sign_in_quietly(tab, who)
    return tab


def visit_extra_pages(browser, server, demo: Demo, *, language: str = "de"):
    """Walk EXTRA_PAGES; yields (entry, the tab on the page, its kind, its HTTP status)."""
    tabs = {}
    try:
        for page in EXTRA_PAGES:
            if page.who not in tabs:
                tabs[page.who] = new_tab(browser, server, language=language, who=page.who)
            tab = tabs[page.who]
            page.steps(tab, demo)
            yield page, tab, kind_of(urlsplit(tab.url).path), status(tab)
    finally:
        for tab in tabs.values():
            tab.context.close()
