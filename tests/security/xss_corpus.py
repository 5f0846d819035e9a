"""Payloads that would run script if a page put them into its HTML unescaped.

Each one, if it ever ran, calls `__xss(n)` (or `alert`) with its own number, so that the test
names the payload and the page. The kinds follow the usual cheat sheets (OWASP, PortSwigger)
and Decidim's advisory on stored XSS through user names: plain tags,
event handlers, breakouts from attributes, text areas, titles and inline JSON, javascript:
links in HTML, Markdown and bare text, CSS, template syntax, and encoded or look-alike forms
that a careless decode or normalisation would turn into markup.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Payload:
    number: int
    kind: str
    text: str

    @property
    def marker(self) -> str:
        """What the page shows when the payload is shown as text: its call, e.g. `__xss(3)`."""
        return f"xss({self.number})"


_RAW = [
    ("script tag", "<script>__xss(1)</script>"),
    ("img onerror", "<img src=x onerror=__xss(2)>"),
    ("svg onload", "<svg onload=__xss(3)>"),
    ("double-quoted attribute breakout", '"><script>__xss(4)</script>'),
    ("single-quoted attribute breakout", "'><img src=x onerror=__xss(5)>"),
    ("unquoted attribute handler", '" autofocus onfocus="__xss(6)" x="'),
    ("inline JSON breakout", "</script><script>__xss(7)</script>"),
    ("textarea breakout", "</textarea><img src=x onerror=__xss(8)>"),
    ("title breakout", "</title><svg onload=__xss(9)>"),
    ("javascript: link in HTML", '<a href="javascript:__xss(10)">Link</a>'),
    ("javascript: link in Markdown", "[Klick](javascript:__xss(11))"),
    ("bare javascript: address", "javascript:__xss(12)//example.org"),
    ("address breaking out of a link", 'https://example.org/"onmouseover="__xss(13)'),
    ("template syntax", "{{ 7|add:7 }}{% now 'Y' %}${__xss(14)}"),
    ("CSS expression and url", '<p style="width:expression(__xss(15))">'),
    ("iframe srcdoc", '<iframe srcdoc="<script>parent.__xss(16)</script>">'),
    ("details ontoggle", "<details open ontoggle=__xss(17)>"),
    ("alert dialog", "<img src=y onerror=alert('xss(18)')>"),
    ("already escaped entities", "&lt;img src=x onerror=__xss(19)&gt;"),
    ("JSON unicode escapes", "\\u003cimg src=x onerror=__xss(20)\\u003e"),
    ("full-width look-alikes", "＜script＞__xss(21)＜/script＞"),
    ("mutation through math", "<math><style><img src=x onerror=__xss(22)></style></math>"),
    ("HTML comment", "<!--><img src=x onerror=__xss(23)>-->"),
]

CORPUS = [Payload(number, kind, text) for number, (kind, text) in enumerate(_RAW, start=1)]


def joined(limit: int, *, separator: str = "\n", prefix: str = "") -> list[str]:
    """The whole corpus packed into as few values of at most `limit` characters as fit."""
    values, current = [], prefix
    for payload in CORPUS:
        candidate = f"{current}{separator}{payload.text}" if current else payload.text
        if len(candidate) > limit and current not in ("", prefix):
            values.append(current)
            candidate = f"{prefix}{separator}{payload.text}" if prefix else payload.text
        current = candidate
    values.append(current)
    return values
