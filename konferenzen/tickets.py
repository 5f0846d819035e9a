"""What a ticket is made of: a calendar entry and the QR code of the check-in code.

Plain values in, bytes or text out, so that mails, views and tests share one implementation
and none of it depends on how registrations are stored.
"""

import io
import unicodedata
from datetime import UTC, datetime

import segno
from django.utils import timezone

PRODID = "-//Stadtgespräch//Stadtkonferenz//DE"
# RFC 5545, 3.1: at most 75 octets a line without the CRLF, continuation lines start with
# a space.
FOLD_OCTETS = 75
# ISO/IEC 18004 asks for four light modules around the symbol; scanners miss codes without.
QUIET_ZONE = 4


def calendar_file(
    *,
    uid: str,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    location: str,
    description: str,
    url: str,
    organizer_name: str,
    organizer_email: str,
    stamp: datetime | None = None,
) -> bytes:
    """An RFC 5545 calendar (UTF-8, CRLF) with the one event of a conference.

    Empty location, description, url or organizer_email leave their property out, since an
    empty URL or mailto is not a valid value. Naive datetimes raise ValueError.
    """
    start, end = _utc(starts_at), _utc(ends_at)
    if ends_at < starts_at:
        raise ValueError("A conference cannot end before it starts.")
    lines = [
        "BEGIN:VCALENDAR",
        f"PRODID:{_text(PRODID)}",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{_text(uid)}",
        f"DTSTAMP:{_utc(stamp or timezone.now())}",
        f"DTSTART:{start}",
        f"DTEND:{end}",
        f"SUMMARY:{_text(title)}",
    ]
    if location:
        lines.append(f"LOCATION:{_text(location)}")
    if description:
        lines.append(f"DESCRIPTION:{_text(description)}")
    if url:
        lines.append(f"URL:{_bare(url)}")
    if organizer_email:
        lines.append(f'ORGANIZER;CN="{_param(organizer_name)}":mailto:{_bare(organizer_email)}')
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "".join(f"{_fold(line)}\r\n" for line in lines).encode("utf-8")


def _utc(moment: datetime) -> str:
    if timezone.is_naive(moment):
        raise ValueError(f"{moment} has no time zone; the calendar needs a definite moment.")
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _without_controls(value: str) -> str:
    # RFC 5545 allows no control characters in values but the tab; newlines are escaped
    # separately and so are kept here.
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c for c in value if c in "\t\n" or unicodedata.category(c) != "Cc")


def _text(value: str) -> str:
    # Backslash first, or the backslashes of the other escapes would be doubled.
    return (
        _without_controls(value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\n", "\\n")
    )


def _param(value: str) -> str:
    # A quoted parameter value may hold ; : and , but no DQUOTE and no line break at all.
    return _without_controls(value).replace("\n", " ").replace('"', "'")


def _bare(value: str) -> str:
    # URIs and addresses are not TEXT and take no escapes; only a line break would harm.
    return "".join(_without_controls(value).split())


def _fold(line: str) -> str:
    parts, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > FOLD_OCTETS:
            parts.append(current)
            current, size = " ", 1
        current += char
        size += width
    parts.append(current)
    return "\r\n".join(parts)


def _qr(token: str) -> segno.QRCode:
    if not token:
        raise ValueError("An empty check-in code makes no QR code.")
    # A full QR code, never a Micro QR that segno would pick for short tokens and that many
    # phone cameras cannot read; level M exactly, so the same token always draws the same code.
    return segno.make_qr(token, error="m", boost_error=False)


def checkin_qr_png(token: str, *, scale: int = 8) -> bytes:
    """The check-in code as a black-on-white PNG, ``scale`` pixels a module."""
    out = io.BytesIO()
    _qr(token).save(
        out, kind="png", scale=scale, border=QUIET_ZONE, dark="#000000", light="#ffffff"
    )
    return out.getvalue()


def checkin_qr_svg(token: str, *, title: str) -> str:
    """The check-in code as an SVG element for inline HTML, named by ``title``.

    It has a viewBox but no width or height: the surrounding CSS decides its size.
    """
    svg = _qr(token).svg_inline(
        border=QUIET_ZONE, omitsize=True, title=title, dark="#000000", light="#ffffff"
    )
    # The light background keeps the quiet zone light on a dark page, where a transparent
    # code could not be scanned from the screen; role=img makes the title its accessible name.
    return svg.replace("<svg ", '<svg role="img" ', 1)
