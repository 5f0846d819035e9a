"""Attachments are stored with the mail and leave with it, byte for byte, within set limits."""

import pytest
from django.core import mail

from outbox import services
from outbox.models import Mail

pytestmark = pytest.mark.django_db

ICS = "BEGIN:VCALENDAR\r\nSUMMARY:Stadtkonferenz für alle\r\nEND:VCALENDAR\r\n".encode()
# Not valid UTF-8 and full of line-break bytes, as binary files are.
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))


def queue(**kwargs):
    data = {"to": "person@example.org", "subject": "Ihr Ticket", "text": "Hallo"}
    data.update(kwargs)
    return services.mail_queue(**data)


def attached_parts(sent) -> dict[str, tuple[str, bytes]]:
    """Filename to (content type, bytes), read from the MIME message as it goes on the wire."""
    return {
        part.get_filename(): (part.get_content_type(), part.get_payload(decode=True))
        for part in sent.message().walk()
        if part.get_filename()
    }


def test_a_queued_mail_arrives_with_its_calendar_file_and_qr_code(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        queue(
            html="<p>Hallo</p>",
            attachments=[
                ("stadtkonferenz.ics", ICS, "text/calendar"),
                ("check-in-ABC123.png", PNG, "image/png"),
            ],
        )
    (sent,) = mail.outbox
    assert attached_parts(sent) == {
        "stadtkonferenz.ics": ("text/calendar", ICS),
        "check-in-ABC123.png": ("image/png", PNG),
    }
    assert sent.body == "Hallo"
    assert sent.alternatives[0][1] == "text/html"


def test_attachments_survive_a_retry_from_the_stored_row():
    stored = queue(attachments=[("check-in.png", PNG, "image/png")])
    Mail.objects.filter(pk=stored.pk).update(attempts=3)
    assert services.mail_deliver(mail_id=stored.pk) is True
    assert attached_parts(mail.outbox[0]) == {"check-in.png": ("image/png", PNG)}


def test_a_mail_without_attachments_is_sent_as_before(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        stored = queue()
    (sent,) = mail.outbox
    assert sent.attachments == []
    assert attached_parts(sent) == {}
    assert not sent.message().is_multipart()
    stored.refresh_from_db()
    assert stored.attachments == []


def test_more_attachments_than_allowed_are_refused():
    too_many = [(f"{n}.png", PNG, "image/png") for n in range(services.MAX_ATTACHMENTS + 1)]
    with pytest.raises(ValueError, match="at most 5 attachments"):
        queue(attachments=too_many)
    assert not Mail.objects.exists()


def test_the_allowed_number_of_attachments_is_accepted():
    just_enough = [(f"{n}.png", PNG, "image/png") for n in range(services.MAX_ATTACHMENTS)]
    assert len(queue(attachments=just_enough).attachments) == services.MAX_ATTACHMENTS


def test_attachments_larger_than_allowed_together_are_refused():
    # Each one alone would be fine; the limit is on what the mail carries in total.
    over_half = b"\0" * (services.MAX_ATTACHMENT_BYTES // 2 + 1)
    with pytest.raises(ValueError, match="at most 2097152 bytes together"):
        queue(attachments=[("a.bin", over_half, "application/octet-stream")] * 2)
    assert not Mail.objects.exists()


def test_attachments_of_exactly_the_allowed_size_are_accepted():
    full = b"\0" * services.MAX_ATTACHMENT_BYTES
    assert queue(attachments=[("a.bin", full, "application/octet-stream")]).pk


@pytest.mark.parametrize(
    "attachment",
    [("", PNG, "image/png"), ("a.png", PNG, "png"), ("a.txt", "Text, keine Bytes", "text/plain")],
)
def test_an_attachment_without_name_type_or_bytes_is_refused(attachment):
    with pytest.raises(ValueError, match="needs a filename, bytes and a content type"):
        queue(attachments=[attachment])
