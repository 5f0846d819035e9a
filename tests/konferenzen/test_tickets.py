"""The calendar file and the check-in QR code of a ticket, read back as a client would."""

import io
import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
import segno
from PIL import Image

from konferenzen import tickets

BERLIN = ZoneInfo("Europe/Berlin")
TOKEN = "K7QX2MZP9R"  # shaped like Registration.checkin_code
DESCRIPTION = (
    "Liebe Bürgerinnen und Bürger,\n"
    "wir freuen uns über Ihre Anmeldung zur Stadtkonferenz „Unser Dortmund – wie wir es "
    "wollen“. Bitte bringen Sie Ihren QR-Code mit; er gilt für genau eine Person.\n\n"
    "Größere Taschen können an der Garderobe abgegeben werden. Barrierefreier Zugang über "
    "den Eingang Südwall. Ändern oder absagen: https://example.org/anmeldung/abc?x=1,2 🎟️"
)


def event(**overrides) -> bytes:
    fields = {
        "uid": "konferenz-1-anmeldung-2@stadtgespraech",
        "title": "Stadtkonferenz: Unser Dortmund",
        "starts_at": datetime(2026, 6, 5, 10, 0, tzinfo=BERLIN),
        "ends_at": datetime(2026, 6, 5, 16, 30, tzinfo=BERLIN),
        "location": "Rathaus, Friedensplatz 1, 44135 Dortmund",
        "description": DESCRIPTION,
        "url": "https://example.org/beteiligung/stadtkonferenz/",
        "organizer_name": "Konferenzteam",
        "organizer_email": "konferenzteam@example.org",
        "stamp": datetime(2026, 5, 1, 12, 0, tzinfo=UTC),
    }
    return tickets.calendar_file(**{**fields, **overrides})


def _split_outside_quotes(text: str, separator: str, maxsplit: int = -1) -> list[str]:
    parts, current, quoted = [], "", False
    for char in text:
        if char == '"':
            quoted = not quoted
        if char == separator and not quoted and maxsplit != 0:
            parts.append(current)
            current, maxsplit = "", maxsplit - 1
            continue
        current += char
    return [*parts, current]


def _unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], value)


def parse(ics: bytes) -> list[tuple[str, dict[str, str], str]]:
    """(name, parameters, value) of each content line, unfolded and with TEXT unescaped."""
    unfolded = ics.decode("utf-8").replace("\r\n ", "").replace("\r\n\t", "")
    lines = []
    for line in unfolded.split("\r\n")[:-1]:
        head, value = _split_outside_quotes(line, ":", maxsplit=1)
        name, *params = _split_outside_quotes(head, ";")
        parameters = dict(param.split("=", 1) for param in params)
        lines.append((name, {k: v.strip('"') for k, v in parameters.items()}, _unescape(value)))
    return lines


def properties(ics: bytes) -> dict[str, str]:
    return {name: value for name, _, value in parse(ics) if name not in ("BEGIN", "END")}


def test_the_calendar_file_is_one_published_event():
    lines = parse(event())
    assert [(name, value) for name, _, value in lines if name in ("BEGIN", "END")] == [
        ("BEGIN", "VCALENDAR"),
        ("BEGIN", "VEVENT"),
        ("END", "VEVENT"),
        ("END", "VCALENDAR"),
    ]
    found = properties(event())
    assert found["PRODID"] == "-//Stadtgespräch//Stadtkonferenz//DE"
    assert found["VERSION"] == "2.0"
    assert found["METHOD"] == "PUBLISH"
    assert found["CALSCALE"] == "GREGORIAN"
    assert found["UID"] == "konferenz-1-anmeldung-2@stadtgespraech"
    assert found["SUMMARY"] == "Stadtkonferenz: Unser Dortmund"
    assert found["LOCATION"] == "Rathaus, Friedensplatz 1, 44135 Dortmund"
    assert found["URL"] == "https://example.org/beteiligung/stadtkonferenz/"
    ((_, organizer, mailto),) = [line for line in lines if line[0] == "ORGANIZER"]
    assert organizer == {"CN": "Konferenzteam"}
    assert mailto == "mailto:konferenzteam@example.org"


def test_times_are_written_in_utc():
    found = properties(event())
    assert found["DTSTART"] == "20260605T080000Z"  # 10:00 summer time in Dortmund
    assert found["DTEND"] == "20260605T143000Z"
    assert found["DTSTAMP"] == "20260501T120000Z"
    winter = properties(
        event(
            starts_at=datetime(2026, 12, 1, 10, tzinfo=BERLIN),
            ends_at=datetime(2026, 12, 1, 23, 30, tzinfo=BERLIN),
        )
    )
    assert winter["DTSTART"] == "20261201T090000Z"
    assert winter["DTEND"] == "20261201T223000Z"


def test_without_a_stamp_the_file_is_stamped_now():
    stamp = properties(event(stamp=None))["DTSTAMP"]
    assert re.fullmatch(r"\d{8}T\d{6}Z", stamp)


def test_naive_or_reversed_times_are_refused():
    with pytest.raises(ValueError, match="no time zone"):
        event(starts_at=datetime(2026, 6, 5, 10, 0))
    with pytest.raises(ValueError, match="end before it starts"):
        event(ends_at=datetime(2026, 6, 5, 9, 0, tzinfo=BERLIN))


def test_lines_end_in_crlf_and_nothing_else():
    ics = event()
    assert ics.endswith(b"\r\n")
    assert b"\r" not in ics.replace(b"\r\n", b"")
    assert b"\n" not in ics.replace(b"\r\n", b"")


def test_no_line_is_longer_than_75_octets_nor_splits_a_character():
    ics = event(title="Ä" * 100, description="ß" * 77 + "🎟" * 50 + "x" * 200)
    physical = ics.split(b"\r\n")[:-1]
    assert len(physical) > 10
    for line in physical:
        assert len(line) <= 75
        line.decode("utf-8")  # a multi-byte character cut in two would not decode


def test_german_text_and_a_long_description_survive_folding():
    ics = event(title="Bürgerdialog über Straßen, Plätze & Grün", description=DESCRIPTION)
    assert b"\r\n " in ics  # the description was long enough to be folded
    found = properties(ics)
    assert found["SUMMARY"] == "Bürgerdialog über Straßen, Plätze & Grün"
    assert found["DESCRIPTION"] == DESCRIPTION


def test_special_characters_in_text_are_escaped():
    title = r"Wohnen; Arbeit, Mobilität \ Klima"
    ics = event(title=title, location="Rathaus\r\nFriedensplatz 1")
    unfolded = ics.decode().replace("\r\n ", "")
    assert "SUMMARY:Wohnen\\; Arbeit\\, Mobilität \\\\ Klima\r\n" in unfolded
    assert "LOCATION:Rathaus\\nFriedensplatz 1\r\n" in unfolded
    found = properties(ics)
    assert found["SUMMARY"] == title
    assert found["LOCATION"] == "Rathaus\nFriedensplatz 1"


def test_an_organizer_name_with_separators_stays_one_parameter():
    lines = parse(event(organizer_name='Team "Stadtkonferenz"; Dortmund: Rathaus'))
    ((_, organizer, mailto),) = [line for line in lines if line[0] == "ORGANIZER"]
    assert organizer == {"CN": "Team 'Stadtkonferenz'; Dortmund: Rathaus"}
    assert mailto == "mailto:konferenzteam@example.org"


def test_empty_optional_values_are_left_out_rather_than_written_invalid():
    found = properties(event(url="", organizer_email="", location="", description=""))
    assert not {"URL", "ORGANIZER", "LOCATION", "DESCRIPTION"} & found.keys()
    assert found["SUMMARY"] == "Stadtkonferenz: Unser Dortmund"


def reference_qr(token: str) -> segno.QRCode:
    # micro=False: segno.make alone would pick a Micro QR for a token this short. Level M is
    # written into the symbol's format information, so equal matrices mean equal levels.
    return segno.make(token, error="m", micro=False, boost_error=False)


def test_the_qr_png_is_a_png():
    assert tickets.checkin_qr_png(TOKEN).startswith(b"\x89PNG\r\n\x1a\n")


@pytest.mark.parametrize("scale", [8, 3])
def test_the_qr_png_draws_the_token_at_level_m_with_a_quiet_zone(scale):
    # No QR decoder ships with the project: read the pixels with Pillow (a Wagtail
    # dependency) and compare them with the symbol segno makes for the token.
    reference = reference_qr(TOKEN)
    assert reference.error == "M" and not reference.is_micro
    size = len(reference.matrix)
    border = tickets.QUIET_ZONE
    image = Image.open(io.BytesIO(tickets.checkin_qr_png(TOKEN, scale=scale))).convert("L")
    assert image.size == ((size + 2 * border) * scale,) * 2

    def dark(row: int, column: int) -> bool:
        centre = (int((column + 0.5) * scale), int((row + 0.5) * scale))
        return image.getpixel(centre) < 128

    drawn = [[dark(r + border, c + border) for c in range(size)] for r in range(size)]
    assert drawn == [[bool(module) for module in row] for row in reference.matrix]
    modules = size + 2 * border
    quiet = [(r, c) for r in range(modules) for c in range(modules)]
    quiet = [(r, c) for r, c in quiet if min(r, c) < border or max(r, c) >= size + border]
    assert not any(dark(r, c) for r, c in quiet)


def test_another_token_draws_another_code():
    png = tickets.checkin_qr_png
    assert png(TOKEN) != png("ABCDEFGH23")


def test_the_qr_svg_is_inline_markup_with_a_title():
    svg = tickets.checkin_qr_svg(TOKEN, title="QR-Code für den Check-in: <K7QX2MZP9R>")
    assert svg.startswith("<svg ")
    assert "<?xml" not in svg
    assert 'role="img"' in svg
    assert "<title>QR-Code für den Check-in: &lt;K7QX2MZP9R&gt;</title>" in svg
    quiet_size = len(reference_qr(TOKEN).matrix) + 2 * tickets.QUIET_ZONE
    assert f'viewBox="0 0 {quiet_size} {quiet_size}"' in svg


def test_an_empty_token_makes_no_code():
    with pytest.raises(ValueError, match="empty check-in code"):
        tickets.checkin_qr_png("")
