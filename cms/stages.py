"""What a stage of the Stadtgespräch is: its kind, its subject, its state and its
consultation, as plain values and the pure rules that derive them from dates.

The process is data: editors keep its stages as pages, each with a number, a kind
(workshops, conference, council decision, implementation) and, for workshops and
conferences, the statements it works on (Ausgangsbilder or Zielbilder). `cms.process` reads
them; other apps ask it for a stage by what it does – "the stage that collects Zielbilder",
"the conference that agrees on Ausgangsbilder" – and never by its number, so that a city may
run its process with five stages or a second round without changing code
(tests/test_process_as_data.py holds them to it). This module imports no model, so that the
page models can use its types.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# The most stages a process may have: room for a second round of the usual six.
MAX_STAGES = 12


def stage_number_validators() -> list:
    """A field that holds a stage's number: from 1 up to MAX_STAGES."""
    return [MinValueValidator(1), MaxValueValidator(MAX_STAGES)]


def stage_number_check(field: str) -> models.Q:
    """The same as a database constraint's condition."""
    return models.Q(**{f"{field}__gte": 1, f"{field}__lte": MAX_STAGES})


class StageState(models.TextChoices):
    PLANNED = "planned", _("geplant")
    RUNNING = "running", _("läuft")
    CLOSED = "closed", _("abgeschlossen")


class StageKind(models.TextChoices):
    WORKSHOPS = "workshops", _("Workshops")
    CONFERENCE = "conference", _("Stadtkonferenz")
    COUNCIL_DECISION = "council_decision", _("Ratsbeschluss")
    IMPLEMENTATION = "implementation", _("Umsetzung")


class StageSubject(models.TextChoices):
    """What a workshops stage collects and a conference stage agrees on. The values are
    participation's kinds of statement, so that it can look a stage up by a statement's kind."""

    AUSGANGSBILD = "ausgangsbild", pgettext_lazy("kind of statement, plural", "Ausgangsbilder")
    ZIELBILD = "zielbild", pgettext_lazy("kind of statement, plural", "Zielbilder")


# The kinds of stage that work on statements, and so name a subject; the others name none.
KINDS_WITH_SUBJECT = (StageKind.WORKSHOPS, StageKind.CONFERENCE)


def state_for_dates(
    start: datetime.date, end: datetime.date, *, override: str = "", today: datetime.date
) -> StageState:
    """A stage is planned before its start, running up to and including its end, then closed.

    An editor's override wins, e.g. to close a stage early.
    """
    if override:
        return StageState(override)
    if today < start:
        return StageState.PLANNED
    if today <= end:
        return StageState.RUNNING
    return StageState.CLOSED


@dataclass(frozen=True)
class Consultation:
    """Whether a stage's statements are open for comments and votes, and why (not)."""

    offered: bool
    is_open: bool
    opens: datetime.date | None = None
    closes: datetime.date | None = None
    not_yet: bool = False
    premoderation: bool = False

    @property
    def note(self) -> str:
        """One sentence for the page, beside the controls it enables or disables."""
        if not self.offered:
            return _("Zu den Aussagen dieser Stufe gibt es keine Online-Beteiligung.")
        if self.is_open:
            return _("Kommentieren und Bewerten ist bis einschließlich %(date)s möglich.") % {
                "date": date_format(self.closes, "DATE_FORMAT")
            }
        if self.not_yet:
            return _("Kommentieren und Bewerten ist ab dem %(date)s möglich.") % {
                "date": date_format(self.opens, "DATE_FORMAT")
            }
        return _(
            "Die Beteiligung ist beendet. Kommentieren und Bewerten war bis zum %(date)s möglich."
        ) % {"date": date_format(self.closes, "DATE_FORMAT")}


NO_CONSULTATION = Consultation(offered=False, is_open=False)


def consultation_for(
    *,
    offered: bool,
    start: datetime.date,
    closes: datetime.date,
    override: str,
    premoderation: bool,
    today: datetime.date,
) -> Consultation:
    """Open from the stage's start to `closes`, inclusive.

    The window may outlast the stage (the Ausgangsbilder stay open until the conference); an
    editor who sets the stage's state by hand to planned or closed closes it too.
    """
    if not offered:
        return Consultation(offered=False, is_open=False, premoderation=premoderation)
    not_yet = today < start or override == StageState.PLANNED
    is_open = not not_yet and override != StageState.CLOSED and today <= closes
    return Consultation(
        offered=True,
        is_open=is_open,
        opens=start,
        closes=closes,
        not_yet=not_yet,
        premoderation=premoderation,
    )


@dataclass(frozen=True)
class StageStatus:
    number: int
    title: str
    short_description: str
    kind: StageKind
    state: StageState
    start_date: datetime.date
    end_date: datetime.date
    url: str
    page_id: int
    consultation: Consultation = NO_CONSULTATION
    # The language of `title` and `short_description`: German, or the language of the
    # stage page's translation in the reader's language (see `process_stages`).
    content_language: str = "de"
    translation_key: str = ""
    subject: str = ""

    @property
    def is_running(self) -> bool:
        return self.state == StageState.RUNNING

    @property
    def is_closed(self) -> bool:
        return self.state == StageState.CLOSED

    @property
    def is_planned(self) -> bool:
        return self.state == StageState.PLANNED

    @property
    def collects(self) -> str:
        """The kind of statement this stage's workshops write (and citizens propose), or ""."""
        return self.subject if self.kind == StageKind.WORKSHOPS else ""

    @property
    def agrees_on(self) -> str:
        """The kind of statement this stage's conference agrees on, or ""."""
        return self.subject if self.kind == StageKind.CONFERENCE else ""

    @property
    def holds_conference(self) -> bool:
        return self.kind == StageKind.CONFERENCE
