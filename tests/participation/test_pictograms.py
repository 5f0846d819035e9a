"""The demo's pictograms: drawn here, one for each of the 19 Schwerpunktthemen, one style."""

import re
import xml.etree.ElementTree as ET

from participation.demo import THEMES, theme_slug
from participation.pictograms import BACKGROUND, LINE, PICTOGRAMS, TINT, pictogram_svg

SVG = "{http://www.w3.org/2000/svg}"
# KERN's action blue, two tints of it and its palest blue: nothing else.
KERN_COLOURS = {LINE, TINT, BACKGROUND, "#E5EBF7", "none"}


def test_every_theme_of_the_demo_has_its_own_pictogram():
    slugs = [theme_slug(name) for name, _teaser in THEMES]
    assert len(slugs) == 19
    assert set(slugs) <= set(PICTOGRAMS)
    drawings = {pictogram_svg(slug) for slug in slugs}
    assert len(drawings) == 19


def test_each_is_a_plain_svg_of_the_cards_shape_in_the_kern_colours():
    for slug in PICTOGRAMS:
        markup = pictogram_svg(slug)
        root = ET.fromstring(markup)
        assert root.tag == f"{SVG}svg"
        assert (root.get("width"), root.get("height"), root.get("viewBox")) == (
            "320",
            "160",
            "0 0 320 160",
        )
        colours = set(re.findall(r'(?:fill|stroke)="([^"]+)"', markup))
        assert colours <= KERN_COLOURS, (slug, colours - KERN_COLOURS)
        tags = {element.tag.removeprefix(SVG) for element in root.iter()}
        assert tags <= {"svg", "g", "rect", "circle", "path"}, (slug, tags)
        assert not re.search(r"\son\w+=|href|<script|<text", markup, re.I)


def test_one_line_weight_for_all():
    weights = {re.findall(r'stroke-width="([^"]+)"', pictogram_svg(slug))[0] for slug in PICTOGRAMS}
    assert weights == {"2.5"}


def test_a_theme_the_demo_does_not_know_gets_a_speech_bubble():
    markup = pictogram_svg("ein-neues-thema")
    ET.fromstring(markup)
    assert markup != pictogram_svg("wohnen")
    assert "M8 8h28" in markup
