"""Generated input for the no-500 tests: what a hand-edited form, a script, a broken client
or an attacker may send, and a counter that proves how much of it was sent.

Every request goes through `send`, which counts it and fails on any answer of 500 or more.
The test client raises the view's exception instead of answering 500; `send` turns that into
the same failure, so that Hypothesis shrinks it to the smallest input that breaks the page.
"""

import json
from collections import Counter
from urllib.parse import urlencode

from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Requests sent, per test: the module's last test adds them up.
SENT: Counter[str] = Counter()

# Reproducible in CI (the same inputs on every run), nothing stored between runs, no time
# limit per input (a page that renders slowly on a busy machine is no finding), and the
# module's site is shared by all inputs on purpose.
FUZZ = settings(
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
)


def budget(examples: int):
    """The settings of one test: `FUZZ` with this many generated inputs."""
    return settings(FUZZ, max_examples=examples)


class ServerError(AssertionError):
    pass


def send(name: str, client, method: str, path: str, data=None, **extra):
    """One request, counted under `name`; it must not end in a server error.

    In a savepoint of its own: a query the database refuses (a NUL byte, a number too large
    for its column) would otherwise abort the test's transaction and every input after it."""
    SENT[name] += 1
    if method == "POST" and data is not None:
        # As a browser sends a form without files (and cheaper to read than multipart).
        data = urlencode(data, doseq=True)
        extra.setdefault("content_type", "application/x-www-form-urlencoded")
    request = getattr(client, method.lower())
    try:
        with transaction.atomic():
            response = request(path, data, **extra) if data is not None else request(path, **extra)
    except Exception as error:
        raise ServerError(f"{method} {path} {data!r}: {type(error).__name__}: {error}") from error
    if response.status_code >= 500:
        raise ServerError(f"{method} {path} {data!r} answered {response.status_code}")
    if (
        method in ("GET", "POST")
        and response.get("Content-Type", "").startswith("application/json")
        and not getattr(response, "streaming", False)
    ):
        json.loads(response.content)  # a JSON answer is JSON, error answers included
    return response


# --- strategies -----------------------------------------------------------------------------

# Surrogates cannot be encoded, so no client can send them; everything else can.
CHARACTERS = st.characters(exclude_categories=("Cs",))

# Inputs that broke pages before, or break pages elsewhere.
NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "%00",
    "0",
    "-1",
    "00",
    "1.5",
    "1,5",
    "1e3",
    "1e309",
    "NaN",
    "inf",
    "-0",
    "²",
    "٣",
    "𝟙",
    str(2**31),
    str(2**63),
    str(10**20),
    "9" * 40,
    "abc",
    "true",
    "null",
    "[]",
    "{}",
    "on",
    "//evil.example",
    "https://evil.example/",
    "///evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../etc/passwd",
    "\r\nSet-Cookie: x=1",
    "0000-00-00",
    "2026-02-30",
    "31.12.2026",
    "12/31/2026",
    "2026-13-01",
    "9999-12-31",
    "9999-12-31T23:59:59+14:00",
    "0001-01-01",
    "0001-01-01T00:00:00+14:00",
    "0001-01-01T00:00:00",
    "2026-01-31T12:00:00 01:00",
    "2026-W05-1",
    "ä" * 300,
    "x" * 5000,
]

whole_numbers = st.one_of(
    st.integers(min_value=-3, max_value=50),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([2**31 - 1, 2**31, 2**63 - 1, 2**63, 2**64, 10**100]),
)

# Dates as people and programs write them, and as nobody should: month 13, day 0, year 0.
odd_dates = st.builds(
    lambda year, month, day, pattern: pattern.format(y=year, m=month, d=day),
    st.integers(min_value=0, max_value=99999),
    st.integers(min_value=0, max_value=13),
    st.integers(min_value=0, max_value=32),
    st.sampled_from(
        [
            "{y:04d}-{m:02d}-{d:02d}",
            "{d:02d}.{m:02d}.{y:04d}",
            "{m}/{d}/{y}",
            "{y:04d}-{m:02d}-{d:02d}T12:00:00",
            "{y:04d}-{m:02d}-{d:02d}T00:00:00+14:00",
            "{y:04d}-{m:02d}-{d:02d}T23:59:59-12:00",
            "{y:04d}-{m:02d}-{d:02d}T25:61:61Z",
            "{y}{m:02d}{d:02d}",
        ]
    ),
)


def long_text(min_size=1_000, max_size=5_000):
    """A long string built cheaply: one generated piece, repeated."""
    return st.builds(
        lambda piece, times: (piece * times)[:max_size],
        st.text(CHARACTERS, min_size=1, max_size=8),
        st.integers(min_value=min_size, max_value=max_size),
    )


junk = st.one_of(
    st.sampled_from(NASTY),
    st.text(CHARACTERS, max_size=20),
    whole_numbers.map(str),
    odd_dates,
    long_text(),
)


# Names a form does not know, some of which other forms or Django itself do.
JUNK_NAMES = [
    "csrfmiddlewaretoken",
    "id",
    "pk",
    "user",
    "is_staff",
    "__proto__",
    "a[]",
    "",
    "_method",
]


def value(*plausible):
    """A form value: sometimes what the form expects, often anything at all; sometimes
    several values where one is expected."""
    one = st.one_of(*plausible, junk) if plausible else junk
    return st.one_of(one, one, one, st.lists(one, min_size=2, max_size=3))


def form(fields: dict, *, junk_keys=True):
    """Form data: each field present or missing, plus names the form does not know."""
    data = st.fixed_dictionaries({}, optional={name: value(*s) for name, s in fields.items()})
    if not junk_keys:
        return data
    names = st.one_of(st.sampled_from(JUNK_NAMES), st.text(CHARACTERS, min_size=1, max_size=6))
    extra = st.dictionaries(names, value(), max_size=2)
    return st.builds(lambda known, more: {**more, **known}, data, extra)


# What lists take in their query string, on top of their own filters.
PAGING = {
    "page": [st.sampled_from(["0", "-1", "abc", str(10**20), "1", "2", "last", "1.0", ""])],
    "ordering": [st.sampled_from(["junk", "-pk", "?", "created_at"])],
    "next": [st.sampled_from(["0", "//evil.example", "/", "https://evil.example/"])],
}


def query(fields: dict):
    return form({**PAGING, **fields})


# A raw query string, percent signs and broken escapes included: no client library in between.
raw_query = st.lists(
    st.sampled_from(list("=&%?;+#/ab0x-_.~") + ["%00", "%FF", "%C3", "%E2%82", "%zz", "%%"]),
    max_size=20,
).map("".join)

# Addresses that pass a form's check and addresses that almost do; cheaper to build than
# st.emails(), which the thousands of inputs would wait for.
emails = st.one_of(
    st.builds(
        "{}@{}".format,
        st.text(st.sampled_from("abcxyz019.+-_'!#ÄßÉ\x00 "), min_size=1, max_size=12),
        st.sampled_from(["example.org", "example.com", "xn--bcher-kva.example", "localhost", "x"]),
    ),
    st.sampled_from(
        ["a@b", "@example.org", "a@@example.org", "a" * 243 + "@example.org", "A" * 250 + "@x.de"]
    ),
)
passwords = st.one_of(st.just("ein-sicheres-Passwort-123"), st.text(CHARACTERS, max_size=30))
booleans = st.sampled_from(["on", "true", "1", "0", "false", "", "yes", "no"])
