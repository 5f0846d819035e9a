"""Reading whole numbers that people (or hand-edited forms and links) send."""

from django.utils import formats

# The largest value every id and counter column takes on every database we run on.
LARGEST = 2**31 - 1


def whole_number(raw, *, largest: int = LARGEST) -> int | None:
    """The number written in ``raw``, or None when it is not a plain whole number we can store.

    ``str.isdigit()`` alone is not enough: it admits "²" and "٣", which ``int()`` refuses or
    reads, and a digit string too long for the column makes the database fail the query.
    """
    if not isinstance(raw, str):
        raw = "" if raw is None else str(raw)
    raw = raw.strip()
    if not (raw.isascii() and raw.isdigit()):
        return None
    value = int(raw)
    return value if value <= largest else None


def grouped(value) -> str:
    """A quantity as the reader writes it, for sentences built in Python: "54.440" in German,
    "54,440" in English (templates do this by themselves, USE_THOUSAND_SEPARATOR)."""
    return formats.number_format(value, force_grouping=True)
