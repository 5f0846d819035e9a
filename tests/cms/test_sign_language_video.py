"""The video in German Sign Language (BITV 2.0): the city's own file and captions, served by
the site, in a plain <video> that loads nothing before it is started."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model

from cms.blocks import SignLanguageVideoBlock
from cms.models import EasyLanguagePage, HomePage
from tests import factories

CAPTIONS = b"WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nWillkommen.\n"


def document(name: str, content: bytes = b"\x1aE\xdf\xa3 not really a video"):
    found = get_document_model()(title=name)
    found.file.save(name, ContentFile(content))
    found.save()
    return found


def video_block(**value):
    return (
        "sign_language_video",
        {
            "title": "Das Stadtgespräch in Deutscher Gebärdensprache",
            "description": "<p>Eine Person erklärt die Website in Gebärdensprache.</p>",
            **value,
        },
    )


@pytest.fixture
def home_with_video(process):
    home = HomePage.objects.get(locale__language_code="de")
    home.body = [video_block(video=document("dgs.webm"), captions=document("dgs.vtt", CAPTIONS))]
    home.save_revision().publish()
    return home


def test_the_video_plays_only_on_request_with_captions_from_the_site(client, home_with_video):
    html = client.get("/").content.decode()
    video = re.search(r"<video.*?</video>", html, re.S).group(0)
    assert video.startswith('<video class="sign-video__player" controls preload="none"')
    assert "autoplay" not in video
    source = re.search(r'<source src="([^"]+)" type="video/webm">', video).group(1)
    track = re.search(
        r'<track kind="captions" srclang="de" label="Deutsch" src="([^"]+)" default>', video
    ).group(1)
    # Served by this site: no address of another one, no player script.
    assert source.startswith("/documents/") and track.startswith("/documents/")
    assert not re.search(r'(src|href)="(https?:)?//', video)
    assert "Eine Person erklärt die Website in Gebärdensprache." in html


def test_the_files_are_served_inline_with_their_types(client, home_with_video):
    html = client.get("/").content.decode()
    track = re.search(r'<track [^>]*src="([^"]+)"', html).group(1)
    response = client.get(track)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vtt"
    assert "attachment" not in response.get("Content-Disposition", "")
    source = re.search(r'<source src="([^"]+)"', html).group(1)
    assert client.get(source)["Content-Type"] == "video/webm"


def test_without_a_file_the_block_says_that_the_video_follows(client, process):
    home = HomePage.objects.get(locale__language_code="de")
    home.body = [video_block()]
    home.save_revision().publish()
    html = client.get("/").content.decode()
    assert "<video" not in html
    assert '<p class="kern-body sign-video__pending">' in html
    assert "Das Video in Deutscher Gebärdensprache folgt." in html


def test_the_english_page_marks_the_sites_own_words_english(client, process):
    home = HomePage.objects.get(locale__language_code="de")
    home.body = [video_block()]
    home.save_revision().publish()
    html = client.get("/en/").content.decode()
    assert '<p class="kern-body sign-video__pending" lang="en">' in html


def test_the_easy_language_page_may_hold_the_video(client, process):
    factories.publish(
        HomePage.objects.get(locale__language_code="de"),
        EasyLanguagePage(
            title="Leichte Sprache",
            slug="leichte-sprache",
            body=[video_block(video=document("leicht.mp4"))],
        ),
    )
    html = client.get("/leichte-sprache/").content.decode()
    assert '<source src="/documents/' in html and 'type="video/mp4"' in html


@pytest.mark.parametrize(
    ("field", "name", "message"),
    [
        ("video", "film.avi", "Bitte eine Videodatei im Format MP4 oder WebM wählen."),
        (
            "captions",
            "untertitel.srt",
            "Bitte eine Untertiteldatei im Format WebVTT (.vtt) wählen.",
        ),
    ],
)
def test_files_of_other_kinds_are_refused_next_to_the_field(db, field, name, message):
    block = SignLanguageVideoBlock()
    value = block.to_python(
        {"title": "Video", "description": "<p>Text</p>", field: document(name).pk}
    )
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(value)
    error = refused.value.block_errors[field]
    assert isinstance(error, ValidationError) and error.messages == [message]
