"""One way for a rule to say no, and one way to show it.

A service that refuses raises `Refused`: its message is for the person and in their language;
`field` names the form field it concerns (None: the form as a whole, or there is no form);
`rate_limited` says the person did this too often (HTTP 429). A view shows it with `show`:
beside its field when there is a form – everything typed stays – else as a message on the
next page. Every app refuses with this class (config stands beside the floors, as its rate
limits do), so a view never needs to know which app's rule said no.
"""

from __future__ import annotations

from django.contrib import messages


class Refused(Exception):
    def __init__(self, message: str, field: str | None = None, *, rate_limited: bool = False):
        super().__init__(message)
        self.message = str(message)
        self.field = field or None
        self.rate_limited = rate_limited

    @property
    def status(self) -> int:
        """The HTTP status of a page that shows the refusal beside its form."""
        return 429 if self.rate_limited else 400


def show(request, refused: Refused, form=None, *, field: str | None = None) -> int:
    """The refusal where the person looks: beside its field – the one it names, else `field`
    – or at the top of `form` when the form has no such field; without a form as an error
    message on the page the person is sent to. Returns the status of the page that shows the
    form again."""
    if form is None:
        messages.error(request, refused.message)
    else:
        name = refused.field or field
        form.add_error(name if name in form.fields else None, refused.message)
    return refused.status
