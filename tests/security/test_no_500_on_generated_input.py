"""No input makes a public page answer with a server error.

Hypothesis generates what people, scripts and attackers send to every public form (signed out
and signed in as a citizen) and to every public list and JSON endpoint: arbitrary text with
NUL bytes, very long strings, numbers out of every range, dates in odd formats, unknown
choices, several values where one is expected, missing fields and junk query parameters.
Each answer must be below 500. The inputs are the same on every run (derandomised), and the
last test proves that at least 10,000 of them were sent.

All tests share one site, built once for the module; every input runs in a savepoint of the
test's transaction. The rate limits are switched off, so that inputs reach the code behind
them instead of the limit's answer (the limits have their own tests).
"""

import datetime
import functools
import hashlib
from unittest import mock
from urllib.parse import quote, urlencode

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.base import Template
from django.test import Client, override_settings
from django.utils import timezone
from hypothesis import example, given
from hypothesis import strategies as st

from cms.models import StagePage
from konferenzen import links, registrations
from konferenzen.models import ConferencePage
from participation.models import Proposal
from participation.notifications import unsubscribe_token
from ratsvorlage.models import CouncilDecision, PaperVersion, VersionState
from strategie.models import FieldOfAction, Goal, KeyFigure, Office, Participation
from tests import factories
from tests.konferenzen.conftest import make_conference
from umsetzung.models import KeyFigureValue

from .fuzzing import (
    CHARACTERS,
    SENT,
    booleans,
    budget,
    emails,
    form,
    junk,
    long_text,
    odd_dates,
    passwords,
    query,
    raw_query,
    send,
    whole_numbers,
)

# Every test of this module in one process, in order: the last one adds up what they sent.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("no-500-on-generated-input")]

# Generated inputs per test. Their sum is what the last test expects to have been sent.
BUDGET = {
    "signup": 450,
    "login": 500,
    "password_reset": 450,
    "email_change": 300,
    "password_change": 200,
    "profile": 250,
    "account_deletion": 200,
    "data_export": 60,
    "notifications": 300,
    "language": 300,
    "comment": 350,
    "comment_edit": 300,
    "vote": 800,
    "flag": 400,
    "follow": 400,
    "proposal": 400,
    "registration": 300,
    "registration_links": 300,
    "search": 300,
    "theme_list": 250,
    "statement_page": 200,
    "proposal_list": 200,
    "participation_results": 200,
    "open_data": 300,
    "strategy": 250,
    "monitoring": 300,
    "council_paper": 300,
    "oparl_lists": 700,
    "oparl_objects": 400,
    "json_endpoints": 300,
    "paths": 300,
}
LEAST_INPUTS = 10_000
assert sum(BUDGET.values()) >= LEAST_INPUTS

UNLIMITED = 10**9
FUZZ_SETTINGS = {
    "ACCOUNT_RATE_LIMITS": False,
    "PARTICIPATION_RATE_LIMITS": {
        "comment": (UNLIMITED, 600),
        "proposal": (UNLIMITED, 86400),
        "flag": (UNLIMITED, 3600),
        "vote": (UNLIMITED, 60),
    },
    "KONFERENZEN_RATE_LIMITS": {"per_address": (UNLIMITED, 3600), "per_ip": (UNLIMITED, 3600)},
    "PERSONAL_DATA_DOWNLOADS_PER_HOUR": UNLIMITED,
    # As in production (with Redis): a signed-in request reads its session from the cache.
    "SESSION_ENGINE": "django.contrib.sessions.backends.cached_db",
}


class Site:
    """What the inputs are sent to: a running consultation, a conference open for
    registration, a strategy with key figures and a published council paper with a decision."""

    def __init__(self):
        self.leaving = None  # the signed-in client of test_account_deletion_confirmation
        today = timezone.localdate()
        factories.process_with_stages(today=today, running=3)
        self.theme_page = factories.theme_page("Mobilität")
        self.theme = self.theme_page.theme
        self.statement = factories.statement(self.theme)
        self.ausgangsbild = factories.statement(self.theme, kind="ausgangsbild", stage=1)
        self.citizen = factories.UserFactory(display_name="Bürgerin Beispiel")
        self.neighbour = factories.UserFactory(display_name="Nachbar Nils")
        self.own_comment = factories.comment(self.statement, author=self.citizen)
        self.other_comment = factories.comment(self.statement, author=self.neighbour)
        self.proposal = Proposal.objects.create(
            theme=self.theme,
            kind="zielbild",
            stage=3,
            text="Jede Haltestelle in Dortmund ist 2030 barrierefrei erreichbar, ohne Ausnahme.",
            author=self.neighbour,
        )
        self.conference = make_conference(capacity=50)
        factories.publish(
            StagePage.objects.get(locale__language_code="de", number=4),
            ConferencePage(
                title=self.conference.title, slug="konferenz", conference=self.conference
            ),
        )
        self.pending = self._register("wartet@example.org")
        self.confirmed = self._register("sicher@example.org")
        registrations.confirm(registration_id=self.confirmed.pk, secret=self.confirmed.secret)
        self._strategy()
        self.versions = [self._paper(number) for number in (1, 2)]
        CouncilDecision.objects.create(
            version=self.versions[1],
            meeting_date=datetime.date(2026, 3, 20),
            outcome="adopted",
            votes_yes=50,
        )

    def _register(self, email):
        return registrations.register(
            conference=self.conference,
            email=email,
            details={"name": "Erika Beispiel", "sector": "buergerinnen"},
            preferences={},
        )

    def _strategy(self):
        goal = Goal.objects.create(number=1, name="Dortmund wird einfacher")
        self.field = FieldOfAction.objects.create(goal=goal, name="Verkehrswende", slug="verkehr")
        self.office = Office.objects.create(number="61", name="Stadtplanungs- und Bauordnungsamt")
        Participation.objects.create(office=self.office, field=self.field, role="F")
        self.figure = KeyFigure.objects.create(
            field=self.field, name="Anteil des Radverkehrs", unit="%", direction="up"
        )
        for year in (2024, 2025):
            KeyFigureValue.objects.create(
                key_figure=self.figure, date=datetime.date(year, 12, 31), value=12 + year % 10
            )

    def _paper(self, number):
        at = datetime.datetime(2026, 3, number, 9, 0, tzinfo=datetime.UTC)
        pdf, docx = b"%PDF-1.7\n% Ratsvorlage", b"PK\x03\x04 Ratsvorlage"
        version = PaperVersion(
            number=number,
            paper_number=f"{number:04d}/2026",
            title=f"Stadtstrategie Dortmund 2035, Fassung {number}",
            proposed_resolution="Der Rat beschließt die Stadtstrategie.",
            state=VersionState.PUBLISHED,
            created_at=at,
            published_at=at,
            pdf_sha512=hashlib.sha512(pdf).hexdigest(),
            pdf_size=len(pdf),
            docx_sha512=hashlib.sha512(docx).hexdigest(),
            docx_size=len(docx),
        )
        version.pdf.save(f"ratsvorlage-{number}.pdf", ContentFile(pdf), save=False)
        version.docx.save(f"ratsvorlage-{number}.docx", ContentFile(docx), save=False)
        version.save()
        return version

    def manage_token(self):
        return links._token(self.confirmed, links.MANAGE_SALT)

    def confirm_token(self):
        return links._token(self.pending, links.CONFIRM_SALT)


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once; rolled back after the module's last test."""
    media = tmp_path_factory.mktemp("media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, **FUZZ_SETTINGS),
        # The test client keeps a copy of every template's context for assertTemplateUsed;
        # these tests only look at the status, and the copies cost a tenth of their time.
        mock.patch.object(Template, "_render", lambda self, context: self.nodelist.render(context)),
        transaction.atomic(),
    ):
        yield Site()
        transaction.set_rollback(True)


@pytest.fixture
def anonymous(site):
    return Client()


@pytest.fixture
def citizen(site):
    client = Client()
    client.force_login(site.citizen)
    return client


def either(anonymous, citizen):
    return st.sampled_from([anonymous, citizen])


def one_of(*values):
    return st.sampled_from(values)


def path_part(text: str) -> str:
    """Generated text as one segment of an address, as a browser would encode it."""
    return quote(text, safe="") or "x"


NEXT = one_of("0", "abc", "//evil.example", "https://evil.example/", "/", "/themen/", "\x00")


# --- accounts -------------------------------------------------------------------------------


@budget(BUDGET["signup"])
@given(
    data=form(
        {
            "email": [emails],
            "display_name": [st.text(max_size=40)],
            "password1": [passwords],
            "password2": [passwords],
        }
    )
)
def test_sign_up(anonymous, data):
    send("signup", anonymous, "POST", "/konto/signup/", data)


@budget(BUDGET["login"])
@given(
    data=form({"login": [emails], "password": [passwords], "remember": [booleans], "next": [NEXT]}),
    next_url=NEXT,
)
def test_login(anonymous, data, next_url):
    send("login", anonymous, "POST", f"/konto/login/?{urlencode({'next': next_url})}", data)


@budget(BUDGET["password_reset"])
@given(
    data=form({"email": [emails]}),
    uid=st.from_regex(r"\A[0-9A-Za-z]{1,14}\Z"),
    key=st.text(CHARACTERS, min_size=1, max_size=40).map(path_part),
    password=form({"password1": [passwords], "password2": [passwords]}),
    step=one_of("request", "open", "set"),
)
# The address was longer than the outbox stores (accounts.adapter.AccountAdapter.clean_email).
@example(data={"email": "a" * 243 + "@example.org"}, uid="1", key="x", password={}, step="request")
def test_password_reset(anonymous, data, uid, key, password, step):
    if step == "request":
        send("password_reset", anonymous, "POST", "/konto/password/reset/", data)
    else:
        path = f"/konto/password/reset/key/{uid}-{key}/"
        send(
            "password_reset",
            anonymous,
            *(("GET", path) if step == "open" else ("POST", path, password)),
        )


@budget(BUDGET["email_change"])
@given(
    data=form(
        {
            "email": [emails, one_of("OWN")],
            "action_add": [st.just("")],
            "action_primary": [st.just("")],
            "action_send": [st.just("")],
            "action_remove": [st.just("")],
            "password": [passwords],
        }
    ),
    path=one_of("/konto/email/", "/konto/email/", "/konto/sessions/", "/konto/reauthenticate/"),
)
def test_email_change_and_devices(site, citizen, data, path):
    if data.get("email") == "OWN":
        data["email"] = site.citizen.email
    send("email_change", citizen, "POST", path, data)


@budget(BUDGET["password_change"])
@given(data=form({"oldpassword": [passwords], "password1": [passwords], "password2": [passwords]}))
def test_password_change(citizen, data):
    send("password_change", citizen, "POST", "/konto/password/change/", data)


@budget(BUDGET["profile"])
@given(data=form({"display_name": [st.text(CHARACTERS, max_size=40), one_of("Nachbar Nils")]}))
@example(data={"display_name": "Null\x00Byte"})
def test_profile(citizen, data):
    send("profile", citizen, "POST", "/konto/", data)


@budget(BUDGET["account_deletion"])
@given(data=form({"password": [passwords]}), method=one_of("GET", "POST"))
def test_account_deletion_confirmation(site, data, method):
    # Someone of their own, so that the right password deletes nobody the other tests need;
    # after that, the next one.
    if site.leaving is None:
        site.leaving = Client()
        site.leaving.force_login(factories.UserFactory())
    response = send("account_deletion", site.leaving, method, "/konto/loeschen/", data)
    if response.status_code == 302:
        site.leaving = None


@budget(BUDGET["data_export"])
@given(params=query({"format": [junk]}), kind=one_of("", "meine-daten.json", "meine-daten.html"))
def test_data_export(citizen, params, kind):
    response = send("data_export", citizen, "GET", f"/konto/daten/{kind}", params)
    if getattr(response, "streaming", False):
        b"".join(response.streaming_content)  # the export is written while it is sent


@budget(BUDGET["notifications"])
@given(
    data=form({"replies": [booleans], "official_answers": [booleans], "stage_results": [booleans]}),
    token=st.one_of(st.text(CHARACTERS, min_size=1, max_size=60).map(path_part), st.just("")),
    unsubscribe=st.booleans(),
)
def test_notification_settings(site, citizen, anonymous, data, token, unsubscribe):
    if unsubscribe:
        token = token or unsubscribe_token(site.citizen, "replies")
        send("notifications", anonymous, "POST", f"/beteiligung/abmelden/{token}/", data)
    else:
        send("notifications", citizen, "POST", "/konto/benachrichtigungen/", data)


@budget(BUDGET["language"])
@given(data=form({"language": [one_of("de", "en", "fr", "")], "next": [NEXT]}))
def test_language_switch(anonymous, data):
    send("language", anonymous, "POST", "/i18n/setlang/", data)


# --- participation --------------------------------------------------------------------------


def comment_parent(site):
    return one_of(str(site.own_comment.pk), str(site.other_comment.pk))


@budget(BUDGET["comment"])
@given(
    data=st.data(),
    text=st.one_of(st.text(CHARACTERS, max_size=60), long_text(1900, 2200), junk),
)
def test_comment_and_reply(site, citizen, anonymous, data, text):
    fields = data.draw(
        form({"parent": [comment_parent(site), whole_numbers.map(str)], "official": [booleans]})
    )
    client = data.draw(either(anonymous, citizen))
    statement = data.draw(one_of(site.statement.pk, site.ausgangsbild.pk, 10**20))
    accept = data.draw(one_of({}, {"HTTP_ACCEPT": "application/json"}))
    path = f"/beteiligung/aussagen/{statement}/kommentieren/"
    send("comment", client, "POST", path, {**fields, "text": text}, **accept)


@budget(BUDGET["comment_edit"])
@given(
    data=form({"text": [st.text(CHARACTERS, min_size=2, max_size=60), long_text(1900, 2200)]}),
    step=one_of("bearbeiten", "loeschen", "melden"),
)
def test_comment_edit(site, citizen, data, step):
    comment = site.own_comment if step != "melden" else site.other_comment
    method = "POST" if step == "bearbeiten" else "GET"
    send("comment_edit", citizen, method, f"/beteiligung/kommentare/{comment.pk}/{step}/", data)


@budget(BUDGET["vote"])
@given(
    data=form({"choice": [one_of("agree", "disagree", "neutral")], "next": [NEXT]}),
    statement=st.data(),
    accept=one_of({}, {"HTTP_ACCEPT": "application/json"}),
    signed_in=st.booleans(),
)
def test_vote(site, citizen, anonymous, data, statement, accept, signed_in):
    pk = statement.draw(
        one_of(site.statement.pk, site.ausgangsbild.pk) | whole_numbers.filter(lambda n: n >= 0)
    )
    client = citizen if signed_in else anonymous
    send("vote", client, "POST", f"/beteiligung/aussagen/{pk}/bewerten/", data, **accept)


@budget(BUDGET["flag"])
@given(
    data=form(
        {
            "reason": [one_of("insult", "spam", "personal_data", "off_topic", "other")],
            "note": [st.text(CHARACTERS, max_size=60)],
        }
    ),
    target=one_of("kommentare", "vorschlaege"),
    signed_in=st.booleans(),
    accept=one_of({}, {"HTTP_ACCEPT": "application/json"}),
)
def test_flag(site, citizen, anonymous, data, target, signed_in, accept):
    pk = site.other_comment.pk if target == "kommentare" else site.proposal.pk
    client = citizen if signed_in else anonymous
    send("flag", client, "POST", f"/beteiligung/{target}/{pk}/melden/", data, **accept)


@budget(BUDGET["follow"])
@given(data=form({"next": [NEXT]}), what=one_of("theme", "statement"), signed_in=st.booleans())
# "0" was taken for the name of a URL pattern (participation.views.helpers.safe_next).
@example(data={"next": "0"}, what="theme", signed_in=True)
def test_follow(site, citizen, anonymous, data, what, signed_in):
    path = (
        f"/beteiligung/themen/{site.theme.slug}/folgen/"
        if what == "theme"
        else f"/beteiligung/aussagen/{site.statement.pk}/folgen/"
    )
    send("follow", citizen if signed_in else anonymous, "POST", path, data)


@budget(BUDGET["proposal"])
@given(
    data=form(
        {
            "kind": [one_of("zielbild", "ausgangsbild")],
            "text": [st.text(CHARACTERS, min_size=30, max_size=80), long_text(1400, 1600)],
            "action": [one_of("einreichen", "pruefen")],
        }
    ),
    signed_in=st.booleans(),
)
def test_proposal(site, citizen, anonymous, data, signed_in):
    client = citizen if signed_in else anonymous
    send("proposal", client, "POST", f"/beteiligung/themen/{site.theme.slug}/vorschlagen/", data)


# --- conferences ----------------------------------------------------------------------------


@functools.cache
def registration_form(site, *, with_person=True):
    tables = [str(pk) for pk in site.conference.tables.values_list("pk", flat=True)]
    fields = {
        "name": [st.text(CHARACTERS, min_size=1, max_size=30)],
        "organisation": [st.text(CHARACTERS, max_size=30)],
        "needs_wheelchair": [booleans],
        "needs_sign_language": [booleans],
        "needs_induction_loop": [booleans],
        "needs_simple_language": [booleans],
        "needs_other": [st.text(CHARACTERS, max_size=60), long_text(400, 700)],
        "dietary": [st.text(CHARACTERS, max_size=30)],
        **{
            f"round{r}_wish{w}": [st.sampled_from(tables), whole_numbers.map(str)]
            for r in (1, 2)
            for w in (1, 2, 3)
        },
    }
    if with_person:
        fields |= {
            "email": [emails],
            "sector": [one_of("politik", "institutionen", "zivilgesellschaft", "buergerinnen")],
            "consent": [booleans],
        }
    return form(fields)


@budget(BUDGET["registration"])
@given(data=st.data(), signed_in=st.booleans())
def test_conference_registration(site, citizen, anonymous, data, signed_in):
    fields = data.draw(registration_form(site))
    client = citizen if signed_in else anonymous
    send("registration", client, "POST", f"/konferenzen/{site.conference.slug}/anmelden/", fields)


@budget(BUDGET["registration_links"])
@given(
    data=st.data(),
    step=one_of("bestaetigen", "verwalten", "absagen", "kalender"),
    forged=st.one_of(st.none(), st.text(CHARACTERS, min_size=1, max_size=80).map(path_part)),
    method=one_of("GET", "POST"),
)
def test_conference_registration_links(site, anonymous, data, step, forged, method):
    """Confirm, change and cancel: with the real links and with forged ones."""
    fields = data.draw(registration_form(site, with_person=False))
    if step == "bestaetigen":
        path = f"/konferenzen/anmeldung/bestaetigen/{forged or site.confirm_token()}/"
    else:
        token = forged or site.manage_token()
        suffix = {"verwalten": "", "absagen": "absagen/", "kalender": "kalender.ics"}[step]
        path = f"/konferenzen/anmeldung/{token}/{suffix}"
    send("registration_links", anonymous, method, path, fields)


# --- public lists and pages -----------------------------------------------------------------


@budget(BUDGET["search"])
@given(
    params=query(
        {
            "q": [st.text(CHARACTERS, max_size=30)],
            "kind": [
                one_of(
                    "cms.stagepage",
                    "participation.themepage",
                    "wagtailcore.page",
                    "auth.user",
                    "cms",
                )
            ],
        }
    ),
    raw=raw_query,
    use_raw=st.booleans(),
)
def test_search(anonymous, params, raw, use_raw):
    if use_raw:
        send("search", anonymous, "GET", f"/suche/?q=a&{raw}")
    else:
        send("search", anonymous, "GET", "/suche/", params)


@budget(BUDGET["theme_list"])
@given(
    params=query(
        {
            "q": [st.text(CHARACTERS, max_size=30), one_of('"', "-", "or", "a & b", "!x", "'")],
            "kind": [one_of("zielbild", "ausgangsbild")],
            "sector": [one_of("politik", "online", "zivilgesellschaft")],
            "stage": [one_of("1", "3")],
            "sort": [one_of("neu", "zustimmung", "umstritten", "diskutiert")],
        }
    ),
    signed_in=st.booleans(),
)
def test_theme_statement_list(site, citizen, anonymous, params, signed_in):
    client = citizen if signed_in else anonymous
    send("theme_list", client, "GET", site.theme_page.url, params)


@budget(BUDGET["statement_page"])
@given(
    params=query({"order": [one_of("alt", "neu")], "city": [booleans]}),
    signed_in=st.booleans(),
    pk=st.one_of(st.none(), whole_numbers.filter(lambda n: n >= 0)),
)
def test_statement_page(site, citizen, anonymous, params, signed_in, pk):
    client = citizen if signed_in else anonymous
    send(
        "statement_page", client, "GET", f"/beteiligung/aussagen/{pk or site.statement.pk}/", params
    )


@budget(BUDGET["proposal_list"])
@given(
    params=query(
        {
            "kind": [one_of("zielbild", "ausgangsbild")],
            "state": [one_of("open", "accepted", "rejected")],
        }
    )
)
def test_proposal_list(site, anonymous, params):
    send(
        "proposal_list",
        anonymous,
        "GET",
        f"/beteiligung/themen/{site.theme.slug}/vorschlaege/",
        params,
    )


@budget(BUDGET["participation_results"])
@given(params=query({}), page=one_of("ergebnisse", "vorschlagen"))
def test_results_page(site, anonymous, params, page):
    send(
        "participation_results",
        anonymous,
        "GET",
        f"/beteiligung/themen/{site.theme.slug}/{page}/",
        params,
    )


@budget(BUDGET["open_data"])
@given(
    params=query({"thema": [st.just("thema-x"), st.text(CHARACTERS, max_size=20)]}),
    document=one_of("", "aussagen.csv", "aussagen.json", "kommentare.csv"),
)
# PostgreSQL refused to look for a NUL byte (participation.views.results._theme_from).
@example(params={"thema": "\x00"}, document="aussagen.csv")
def test_open_data(site, anonymous, params, document):
    params = {"thema": site.theme.slug, **params} if "thema" not in params else params
    response = send("open_data", anonymous, "GET", f"/offene-daten/{document}", params)
    if getattr(response, "streaming", False):
        b"".join(response.streaming_content)


@budget(BUDGET["strategy"])
@given(
    params=query({"office": [whole_numbers.map(str)], "field": [one_of("verkehr", "unbekannt")]}),
    page=one_of(
        "strategie/",
        "strategie/matrix/",
        "strategie/handlungsfelder/verkehr/",
        "strategie/zielbilder/THEME/",
    ),
)
def test_strategy_pages(site, anonymous, params, page):
    path = "/" + page.replace("THEME", site.theme.slug)
    send("strategy", anonymous, "GET", path, params)


@budget(BUDGET["monitoring"])
@given(
    params=query({}),
    figure=st.one_of(st.none(), whole_numbers.filter(lambda n: n >= 0)),
    page=one_of("dashboard", "figure", "open-data"),
)
def test_dashboard_and_key_figures(site, anonymous, params, figure, page):
    path = {
        "dashboard": "/monitoring/",
        "figure": f"/monitoring/kennzahlen/{figure or site.figure.pk}/",
        "open-data": "/monitoring/offene-daten/",
    }[page]
    send("monitoring", anonymous, "GET", path, params)


@budget(BUDGET["council_paper"])
@given(
    params=query(
        {
            "state": [one_of("draft", "published")],
            "binding": [booleans],
            "von": [one_of("1", "2")],
            "zu": [one_of("1", "2")],
        }
    ),
    page=one_of(
        "",
        "vergleich/",
        "NUMBER/",
        "NUMBER/datei/pdf/",
        "NUMBER/datei/docx/herunterladen/",
        "NUMBER/datei/KIND/",
    ),
    number=st.one_of(one_of(1, 2), whole_numbers.filter(lambda n: n >= 0)),
    kind=st.text(CHARACTERS, min_size=1, max_size=10).map(path_part),
)
# Two versions whose compilation left no content to compare (found in CI).
@example(params={"von": "2", "zu": "1"}, page="vergleich/", number=1, kind="pdf")
def test_council_paper(anonymous, params, page, number, kind):
    path = "/ratsvorlage/" + page.replace("NUMBER", str(number)).replace("KIND", kind)
    send("council_paper", anonymous, "GET", path, params)


# --- JSON endpoints -------------------------------------------------------------------------

OPARL_LISTS = [
    "bodies/",
    "body/1/organizations/",
    "body/1/persons/",
    "body/1/meetings/",
    "body/1/papers/",
    "body/1/legislative-terms/",
    "body/1/agenda-items/",
    "body/1/consultations/",
    "body/1/files/",
    "organization/1/meetings/",
    "organization/1/consultations/",
]


@budget(BUDGET["oparl_lists"])
@given(
    path=st.sampled_from(OPARL_LISTS),
    params=query(
        {
            name: [odd_dates]
            for name in ("created_since", "created_until", "modified_since", "modified_until")
        }
    ),
    method=one_of("GET", "GET", "HEAD", "OPTIONS", "POST", "DELETE"),
)
# Beyond the years Python holds in UTC: overflowed on SQLite (ratsvorlage.oparl._instant).
@example(path="body/1/papers/", params={"created_since": "0001-01-01T00:00:00+14:00"}, method="GET")
@example(
    path="body/1/meetings/", params={"modified_until": "9999-12-31T23:59:59-14:00"}, method="GET"
)
def test_oparl_lists(anonymous, path, params, method):
    send("oparl_lists", anonymous, method, f"/oparl/v1.1/{path}", params)


@budget(BUDGET["oparl_objects"])
@given(
    kind=one_of(
        "",
        "body/1/",
        "organization/1/",
        "paper/N/",
        "file/N-pdf/",
        "file/N-docx/",
        "meeting/D/",
        "agenda-item/N/",
        "consultation/N/",
        "TEXT/",
        "body/N/",
    ),
    number=st.one_of(one_of(1, 2), whole_numbers.filter(lambda n: n >= 0)),
    day=st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z"),
    text=st.text(CHARACTERS, min_size=1, max_size=20).map(path_part),
    params=query({}),
)
def test_oparl_objects(anonymous, kind, number, day, text, params):
    path = kind.replace("N", str(number)).replace("D", day).replace("TEXT", text)
    send("oparl_objects", anonymous, "GET", f"/oparl/v1.1/{path}", params)


JSON_ENDPOINTS = [
    "/healthz",
    "/strategie/stadtstrategie.json",
    "/strategie/matrix.csv",
    "/monitoring/kennzahlen.json",
    "/monitoring/kennzahlen.csv",
    "/offene-daten/aussagen.json",
]


@budget(BUDGET["json_endpoints"])
@given(
    path=st.sampled_from(JSON_ENDPOINTS),
    params=query({"thema": [junk], "format": [junk]}),
    raw=raw_query,
)
def test_json_endpoints(anonymous, path, params, raw):
    response = send("json_endpoints", anonymous, "GET", f"{path}?{raw}", params)
    if getattr(response, "streaming", False):
        b"".join(response.streaming_content)


@budget(BUDGET["paths"])
@given(
    segments=st.lists(
        st.text(CHARACTERS, min_size=1, max_size=15).map(path_part), min_size=1, max_size=3
    ),
    prefix=one_of(
        "",
        "en/",
        "themen/",
        "beteiligung/aussagen/",
        "konferenzen/",
        "strategie/handlungsfelder/",
        "beteiligung/themen/",
    ),
)
def test_unknown_addresses(anonymous, segments, prefix):
    send("paths", anonymous, "GET", "/" + prefix + "/".join(segments) + "/")


# --- the count ------------------------------------------------------------------------------


def test_at_least_ten_thousand_generated_inputs_were_sent():
    """Runs last (pytest keeps the order of a module, and xdist keeps the module's tests in
    one process): every generated input above went through `send`, which counted it."""
    ran = {name for name, count in SENT.items() if count}
    if ran != set(BUDGET):
        pytest.skip(f"only part of the module ran: {sorted(ran)}")
    for name, examples in BUDGET.items():
        assert SENT[name] >= examples, f"{name}: {SENT[name]} of {examples} inputs sent"
    assert sum(SENT.values()) >= LEAST_INPUTS
