"""German by default, English shipped: the English catalogue covers every string there is."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from tests import services
from tests.sources import APPS

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = {
    "en": ROOT / "locale" / "en" / "LC_MESSAGES",
    "de": ROOT / "locale" / "de" / "LC_MESSAGES",
}
# Every app (tests.sources.APPS, config among them) and what makemessages reads besides.
SOURCES = [*APPS, "templates", "manage.py", "locale"]


def test_the_english_catalogue_is_complete():
    catalogue = polib.pofile(str(CATALOGUES["en"] / "django.po"))
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []


@pytest.mark.parametrize("language", ["en", "de"])
def test_compiled_catalogues_match_their_sources(language):
    """The .mo files are committed, so that running needs no gettext; they must be current."""
    source = polib.pofile(str(CATALOGUES[language] / "django.po"))
    compiled = polib.mofile(str(CATALOGUES[language] / "django.mo"))
    expected = {
        (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0, "")
        for e in source.translated_entries()
    }
    actual = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0, "") for e in compiled}
    assert actual == expected, "run `make messages` to recompile"


def test_every_string_in_the_code_is_in_the_catalogue(tmp_path):
    if shutil.which("xgettext") is None:
        services.skip_or_fail("needs GNU gettext (xgettext) to extract the strings")
    for name in SOURCES:
        source = ROOT / name
        target = tmp_path / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "en", "--no-obsolete", "-v", "0"],
        cwd=tmp_path,
        check=True,
    )
    fresh = {e.msgid for e in polib.pofile(str(tmp_path / "locale/en/LC_MESSAGES/django.po"))}
    committed = {e.msgid for e in polib.pofile(str(CATALOGUES["en"] / "django.po"))}
    assert fresh - committed == set(), "new strings: run `make messages` and translate them"
    assert committed - fresh == set(), "stale strings: run `make messages`"


def test_german_is_the_default_and_english_is_one_click_away(client, process):
    html = client.get("/stadtgespraech/").content.decode()
    assert '<html lang="de"' in html
    assert 'href="/en/stadtgespraech/" hreflang="en" lang="en">English</a>' in html
    english = client.get("/en/stadtgespraech/").content.decode()
    assert 'href="/stadtgespraech/" hreflang="de" lang="de">Deutsch</a>' in english


def test_german_content_is_marked_as_german_on_the_english_interface(client, process):
    """Screen readers then read editors' German text with a German voice (WCAG 3.1.2)."""
    english = client.get("/en/stadtgespraech/").content.decode()
    assert '<h1 class="kern-heading-x-large" lang="de">Stadtgespräch</h1>' in english
    assert '<span lang="de">Stufe Nummer 3</span>' in english
    german = client.get("/stadtgespraech/").content.decode()
    assert ' lang="de">Stadtgespräch</h1>' not in german
