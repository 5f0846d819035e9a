"""The online consultation, end to end in the browser.

A citizen votes, changes the vote, comments, replies, flags and proposes – with the keyboard
alone; a moderator hides a comment with a reason; a proposal goes through moderation and
becomes a statement. Every public page on the way, with its errors, has zero axe-core
violations (WCAG 2.1 A/AA). (Signing up is test_sign_up_in_the_browser.py; the moderators
work in the admin, with the mouse.)
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from participation.comments import recount_comments
from participation.models import Comment, Flag, Proposal, Statement, Vote
from participation.moderation import flag
from tests.factories import PASSWORD, UserFactory

from .conftest import SHARED_DEMO_SITE, axe_violations, describe
from .keyboard import press_on, sign_in, tab_to, type_into

pytestmark = SHARED_DEMO_SITE

THEME = "/themen/mobilitaet/"


# --- Building blocks ------------------------------------------------------------------------


@pytest.fixture
def new_tab(browser, demo_server):
    """A second person at a second computer: a browser context of their own."""
    contexts = []

    def open_tab(**options):
        context = browser.new_context(
            locale="de-DE", viewport={"width": 1280, "height": 900}, **options
        )
        contexts.append(context)
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        tab.base_url = demo_server.url
        return tab

    yield open_tab
    for context in contexts:
        context.close()


def newest_zielbild() -> Statement:
    """The Zielbild of Mobilität that the theme page shows first (sorted: newest first)."""
    return (
        Statement.objects.public()
        .filter(theme__slug="mobilitaet", kind="zielbild")
        .order_by("-created_at", "-pk")
        .first()
    )


def comment_by(author, statement: Statement, text: str) -> Comment:
    comment = Comment.objects.create(statement=statement, author=author, text=text)
    recount_comments(statement.pk)
    return comment


def sign_in_with_the_mouse(tab, email: str) -> None:
    """For the moderators and the test without JavaScript; citizens use `keyboard.sign_in`."""
    tab.goto(tab.base_url + "/konto/login/")
    tab.get_by_label("E-Mail").fill(email)
    tab.get_by_label("Passwort").fill(PASSWORD)
    tab.get_by_role("button", name="Anmelden").last.click()
    tab.wait_for_url("**/konto/")


def assert_no_axe_violations(tab) -> None:
    violations = axe_violations(tab)
    assert violations == [], f"{tab.url}\n{describe(violations)}"


def vote_button(scope, label: str):
    return scope.get_by_role("button", name=label, exact=True)


def comment_article(tab, comment: Comment):
    return tab.locator(f"#kommentar-{comment.pk}")


def reply_box(tab, comment: Comment):
    """The „Antworten“ disclosure under a top-level comment."""
    return tab.locator(f"li:has(> #kommentar-{comment.pk}) > details.comment__reply")


# --- The citizen ----------------------------------------------------------------------------


def test_a_citizen_votes_changes_the_vote_comments_replies_and_flags_with_the_keyboard(
    demo_page,
):
    """Clara signs in. On the Mobilität page she filters the Zielbilder, agrees with one, then
    changes her mind; the result updates in place. On the Zielbild's own page she comments,
    answers her neighbour Nils, and reports a rude comment of Rüdiger's to the moderation.
    She uses the keyboard alone."""
    page = demo_page
    zielbild = newest_zielbild()
    nils = UserFactory(display_name="Nachbar Nils")
    ruediger = UserFactory(display_name="Rüdiger Rüpel")
    question = comment_by(nils, zielbild, "Wie soll das in den Außenbezirken klappen?")
    rude = comment_by(ruediger, zielbild, "So ein Unsinn, wer so etwas schreibt, ist dumm.")
    clara = UserFactory(email="clara@example.org", display_name="Clara Klar")

    sign_in(page, clara.email, PASSWORD)
    page.goto(page.base_url + THEME)
    assert_no_axe_violations(page)
    # The filters are folded away („Filtern und sortieren“); Enter on the summary opens them.
    filters = page.locator("details.statement-filter-disclosure")
    press_on(page, filters.locator("summary"))
    expect(filters).to_have_attribute("open", "")
    kind = tab_to(page, page.get_by_label(re.compile(r"^Art\b")))
    for _ in range(3):  # the arrow keys change a closed select's choice
        if kind.input_value() == "zielbild":
            break
        page.keyboard.press("ArrowDown")
    expect(kind).to_have_value("zielbild")
    press_on(page, "button", "Anwenden", navigates=True)
    expect(page).to_have_url(re.compile("kind=zielbild"))

    card = page.locator(f"#aussage-{zielbild.pk}")
    result = card.locator(".vote-result__text")
    page.evaluate("window.stillTheSamePage = true")

    press_on(page, vote_button(card, "Stimme zu"))
    expect(vote_button(card, "Stimme zu")).to_have_attribute("aria-pressed", "true")
    expect(card.get_by_role("status")).to_have_text("Ihre Bewertung wurde gespeichert.")
    zielbild.refresh_from_db()
    expect(result).to_contain_text(re.compile(rf"\b{zielbild.agree_count} Zustimmung"))
    assert Vote.objects.get(user=clara, statement=zielbild).choice == "agree"

    press_on(page, vote_button(card, "Stimme nicht zu"), limit=2)  # the next stop
    expect(vote_button(card, "Stimme nicht zu")).to_have_attribute("aria-pressed", "true")
    expect(vote_button(card, "Stimme zu")).to_have_attribute("aria-pressed", "false")
    zielbild.refresh_from_db()
    expect(result).to_contain_text(re.compile(rf"\b{zielbild.disagree_count} Ablehnung"))
    (vote,) = Vote.objects.filter(user=clara, statement=zielbild)
    assert vote.choice == "disagree"
    assert page.evaluate("window.stillTheSamePage === true"), "the page must not reload"

    press_on(page, card.get_by_role("link", name=re.compile("^Zur Aussage")), navigates=True)
    expect(page).to_have_url(re.compile(f"/beteiligung/aussagen/{zielbild.pk}/$"))
    assert_no_axe_violations(page)
    expect(vote_button(page, "Stimme nicht zu")).to_have_attribute("aria-pressed", "true")

    # Her comment: sent empty first, then with a text.
    writing = page.get_by_role("region", name="Kommentieren")
    press_on(page, writing.get_by_role("button", name="Kommentar veröffentlichen"), limit=80)
    expect(writing.locator("#id_text-error")).to_have_text("Bitte schreiben Sie einen Text.")
    assert_no_axe_violations(page)
    type_into(page, writing.get_by_label("Ihr Kommentar"), "Ein Radweg an der B1 wäre gut.")
    press_on(page, writing.get_by_role("button", name="Kommentar veröffentlichen"))
    expect(page.get_by_text("Ihr Kommentar wurde veröffentlicht.")).to_be_visible()
    own = Comment.objects.get(author=clara, parent=None)
    expect(comment_article(page, own)).to_contain_text("Ein Radweg an der B1")
    expect(comment_article(page, own)).to_contain_text("Clara Klar")

    # She answers Nils: Enter opens „Antworten“, Tab leads on into the form.
    answer = reply_box(page, question)
    press_on(page, answer.locator("summary"), limit=80)
    expect(answer).to_have_attribute("open", "")
    assert_no_axe_violations(page)
    page.keyboard.press("Tab")
    expect(answer.get_by_label("Ihr Kommentar")).to_be_focused()
    page.keyboard.type("Mit Bussen im Zehn-Minuten-Takt, Nils.")
    press_on(page, answer.get_by_role("button", name="Antwort veröffentlichen"), limit=1)
    replies = page.get_by_role("list", name=f"Antworten auf Kommentar {question.pk}")
    expect(replies).to_contain_text("Mit Bussen im Zehn-Minuten-Takt, Nils.")
    expect(replies).to_contain_text("Clara Klar")
    assert Comment.objects.get(author=clara, parent=question)

    flag_link = comment_article(page, rude).get_by_role("link", name=re.compile("^Melden"))
    press_on(page, flag_link, navigates=True, limit=80)
    expect(page).to_have_url(re.compile(f"/beteiligung/kommentare/{rude.pk}/melden/$"))
    assert_no_axe_violations(page)
    press_on(page, "button", "Melden", navigates=True)
    expect(page.locator(".kern-error")).to_have_text("Bitte wählen Sie einen Grund.")
    assert_no_axe_violations(page)
    press_on(page, page.get_by_label("Beleidigung oder Hetze"), key="Space", limit=80)
    expect(page.get_by_label("Beleidigung oder Hetze")).to_be_checked()
    type_into(page, page.get_by_label("Erläuterung für die Moderation"), "Beleidigt andere.")
    press_on(page, "button", "Melden", navigates=True)
    expect(page.get_by_text("Danke für Ihre Meldung.")).to_be_visible()
    reported = Flag.objects.get(user=clara, comment=rude)
    assert (reported.reason, reported.note) == ("insult", "Beleidigt andere.")


def test_without_javascript_votes_are_saved_and_a_too_long_comment_keeps_its_text(new_tab):
    """Without JavaScript the vote is an ordinary form: the page reloads and shows it. A
    comment that is too long comes back with every character typed and a German message
    beside the field; a vote cast from that page leads back to the statement."""
    UserFactory(email="ohne-js@example.org")
    zielbild = newest_zielbild()
    tab = new_tab(java_script_enabled=False)
    sign_in_with_the_mouse(tab, "ohne-js@example.org")
    tab.goto(tab.base_url + THEME + "?kind=zielbild")
    card = tab.locator(f"#aussage-{zielbild.pk}")

    vote_button(card, "Neutral").click()
    tab.wait_for_url(f"**{THEME}?kind=zielbild#aussage-{zielbild.pk}")
    expect(tab.get_by_text("Ihre Bewertung wurde gespeichert.")).to_be_visible()
    expect(vote_button(card, "Neutral")).to_have_attribute("aria-pressed", "true")
    expect(vote_button(card, "Stimme zu")).to_have_attribute("aria-pressed", "false")
    assert Vote.objects.get(user__email="ohne-js@example.org").choice == "neutral"

    tab.goto(tab.base_url + zielbild.get_absolute_url())
    too_long = ("Busse und Bahnen öfter. " * 100)[:2099] + "!"
    writing = tab.get_by_role("region", name="Kommentieren")
    writing.get_by_label("Ihr Kommentar").fill(too_long)
    writing.get_by_role("button", name="Kommentar veröffentlichen").click()
    tab.wait_for_url("**/kommentieren/")
    field = writing.get_by_label("Ihr Kommentar")
    assert field.input_value() == too_long
    expect(writing.locator("#id_text-error")).to_have_text(
        "Bitte kürzen Sie Ihren Text auf höchstens 2000 Zeichen (jetzt: 2100). "
        "Ihr Text bleibt hier stehen."
    )
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_attribute("aria-describedby", re.compile(r"\bid_text-error\b"))
    assert not Comment.objects.filter(author__email="ohne-js@example.org").exists()

    vote_button(tab, "Stimme zu").click()
    tab.wait_for_url(f"**{zielbild.get_absolute_url()}#aussage-{zielbild.pk}")
    expect(tab.get_by_text("Ihre Bewertung wurde gespeichert.")).to_be_visible()
    expect(vote_button(tab, "Stimme zu")).to_have_attribute("aria-pressed", "true")
    assert Vote.objects.get(user__email="ohne-js@example.org").choice == "agree"


# --- The moderation -------------------------------------------------------------------------


def test_markup_stays_text_and_a_moderator_hides_the_flagged_comment_with_a_reason(
    demo_page, new_tab
):
    """Tim the troll first sends an empty comment and is asked for a text; then he posts
    one with a <script> in it: it is shown as text and runs nothing. Someone reports it; Mona
    of the moderation finds it in the queue, hides it and says why, and the public page shows
    her reason in place of the text."""
    page = demo_page
    zielbild = newest_zielbild()
    UserFactory(email="tim@example.org", display_name="Tim Troll")
    UserFactory(email="mona@example.org", display_name="Mona Moderation", roles=["Moderation"])
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    sign_in_with_the_mouse(page, "tim@example.org")
    page.goto(page.base_url + zielbild.get_absolute_url())
    markup = '<script>alert("Hallo")</script> Radfahrer sind <b>Idioten</b>!'
    writing = page.get_by_role("region", name="Kommentieren")
    writing.get_by_role("button", name="Kommentar veröffentlichen").click()
    expect(writing.locator("#id_text-error")).to_have_text("Bitte schreiben Sie einen Text.")
    assert_no_axe_violations(page)
    writing.get_by_label("Ihr Kommentar").fill(markup)
    writing.get_by_role("button", name="Kommentar veröffentlichen").click()
    expect(page.get_by_text("Ihr Kommentar wurde veröffentlicht.")).to_be_visible()
    troll = Comment.objects.get(author__email="tim@example.org")
    expect(comment_article(page, troll).locator(".comment__text")).to_have_text(markup)
    assert comment_article(page, troll).locator("script, b").count() == 0
    assert_no_axe_violations(page)
    assert dialogs == []

    flag(user=UserFactory(), target=troll, reason="insult", note="Beleidigung")
    moderator = new_tab()
    sign_in_with_the_mouse(moderator, "mona@example.org")
    moderator.goto(moderator.base_url + "/admin/moderation/")
    moderator.get_by_role("link", name=re.compile("^<script>")).click()
    moderator.wait_for_url(f"**/admin/moderation/kommentare/{troll.pk}/")
    moderator.get_by_label("Begründung").fill("Beleidigung anderer Verkehrsteilnehmender")
    moderator.get_by_role("button", name="Ausblenden", exact=True).click()
    expect(moderator.get_by_text("Ausgeblendet.", exact=True)).to_be_visible()

    page.reload()
    expect(comment_article(page, troll)).to_contain_text(
        "ausgeblendet durch die Moderation: Beleidigung anderer Verkehrsteilnehmender"
    )
    expect(page.get_by_text("Idioten")).to_have_count(0)
    expect(comment_article(page, troll).get_by_role("link")).to_have_count(0)
    assert_no_axe_violations(page)
    assert dialogs == []


def test_a_proposal_goes_through_moderation_and_becomes_a_statement(demo_page, new_tab):
    """Paul proposes a Zielbild with the keyboard, looks at the similar statements first and
    submits; Moritz of the moderation accepts it; Paul gets a mail, and the list of proposals
    links to the new statement."""
    page = demo_page
    UserFactory(email="paul@example.org", display_name="Paul Plan")
    UserFactory(email="moritz@example.org", display_name="Moritz Moderation", roles=["Moderation"])
    text = (
        "Busse und Bahnen fahren 2030 in jedem Stadtbezirk mindestens alle zehn Minuten, "
        "auch abends."
    )

    sign_in(page, "paul@example.org", PASSWORD)
    page.goto(page.base_url + THEME)
    # On a wide screen beside the statements, after them in the document and the tab order.
    press_on(page, "link", "Eigene Aussage vorschlagen", navigates=True, limit=120)
    expect(page).to_have_url(re.compile("/beteiligung/themen/mobilitaet/vorschlagen/$"))
    assert_no_axe_violations(page)
    press_on(page, page.get_by_label("Zielbild"), key="Space")
    expect(page.get_by_label("Zielbild")).to_be_checked()
    type_into(page, page.get_by_label("Ihr Vorschlag"), "Zu kurz.")
    press_on(page, "button", "Weiter: ähnliche Aussagen ansehen", navigates=True)
    expect(page.get_by_label("Ihr Vorschlag")).to_have_attribute("aria-invalid", "true")
    assert_no_axe_violations(page)
    type_into(page, page.get_by_label("Ihr Vorschlag"), text, replace=True)
    press_on(page, "button", "Weiter: ähnliche Aussagen ansehen", navigates=True)
    similar = page.get_by_role("region", name="Ähnliche Aussagen")
    expect(similar).to_be_visible()
    expect(similar.get_by_role("link").first).to_be_visible()
    assert_no_axe_violations(page)
    assert page.get_by_label("Ihr Vorschlag").input_value() == text
    press_on(page, "button", "Vorschlag einreichen", navigates=True)
    expect(page).to_have_url(re.compile("/beteiligung/themen/mobilitaet/vorschlaege/$"))
    expect(page.get_by_text("Danke! Ihr Vorschlag ist eingegangen.")).to_be_visible()
    proposal = Proposal.objects.get(author__email="paul@example.org")
    assert (proposal.kind, proposal.state) == ("zielbild", "submitted")

    moderator = new_tab()
    sign_in_with_the_mouse(moderator, "moritz@example.org")
    moderator.goto(moderator.base_url + "/admin/moderation/?what=vorschlaege")
    moderator.get_by_role("link", name=re.compile("^Busse und Bahnen fahren 2030")).click()
    moderator.wait_for_url(f"**/admin/moderation/vorschlaege/{proposal.pk}/")
    moderator.get_by_role("button", name=re.compile("^Annehmen")).click()
    expect(
        moderator.get_by_text("Angenommen; der Vorschlag ist jetzt eine Aussage.")
    ).to_be_visible()

    proposal.refresh_from_db()
    assert proposal.state == "accepted" and proposal.statement.text == text
    statement_url = proposal.statement.get_absolute_url()
    (decision,) = [m for m in mail.outbox if m.to == ["paul@example.org"]]
    assert decision.subject == "[Stadtgespräch] Ihr Vorschlag zum Thema Mobilität"
    assert "angenommen" in decision.body and statement_url in decision.body

    page.reload()
    entry = page.locator(f"#vorschlag-{proposal.pk}")
    expect(entry).to_contain_text("angenommen")
    assert_no_axe_violations(page)
    to_statement = entry.get_by_role("link", name=re.compile("^Zur daraus entstandenen Aussage"))
    press_on(page, to_statement, navigates=True)
    expect(page).to_have_url(re.compile(f"{statement_url}$"))
    expect(page.locator("blockquote")).to_have_text(text)
    expect(
        page.get_by_text("geht auf einen Vorschlag aus der Online-Beteiligung zurück")
    ).to_be_visible()
