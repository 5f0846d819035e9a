"""Which stage of the Stadtgespräch runs, and in which state every stage is.

This is the one place the other apps ask. The process is data: editors keep its stages as
pages, each with a number, a kind (workshops, conference, council decision, implementation)
and, for workshops and conferences, the statements it works on (Ausgangsbilder or
Zielbilder). Other apps ask for a stage by what it does – "the stage that collects
Zielbilder", "the conference that agrees on Ausgangsbilder" – and never by its number, so
that a city may run its process with five stages or a second round without changing code
(tests/test_process_as_data.py holds them to it).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

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


# Every participation page and every vote asks for the stages; they change only when an
# editor publishes a stage or process page, which clears this (see cms.signals). Without a
# shared cache (Redis), another worker process may answer from its own copy for up to this
# many seconds. One entry per interface language: the titles are the stage pages' in that
# language.
STAGES_CACHE_SECONDS = 60
STAGES_CACHE_KEY = "cms:process-stages:{language}:{today}"


def process_stages(*, today: datetime.date | None = None, process=None) -> list[StageStatus]:
    """The stages of the published process, in order, with their state as of `today`.

    Dates, states and the consultation come from the German stage pages, whatever the
    reader's language: a translation that an editor has not synchronised yet cannot open or
    close a stage. Title, description and address come from the stage pages in the reader's
    language (their English translations or aliases under /en/).
    """
    from django.core.cache import cache

    from .models import StagePage

    today = today or timezone.localdate()
    language = get_language() or settings.LANGUAGE_CODE
    key = STAGES_CACHE_KEY.format(language=language, today=today.isoformat())
    if process is None:
        cached = cache.get(key)
        if cached is not None:
            return cached
    found = _source_process(process) if process is not None else _published_process()
    if found is None:
        return []
    pages = list(StagePage.objects.live().child_of(found).order_by("number"))
    stages = [page.status(today=today) for page in pages]
    if language != settings.LANGUAGE_CODE:
        stages = _in_reader_language(stages, pages)
    if process is None:
        cache.set(key, stages, STAGES_CACHE_SECONDS)
    return stages


def _published_process():
    from .locales import in_language
    from .models import ProcessPage

    return in_language(ProcessPage.objects.live(), settings.LANGUAGE_CODE).order_by("path").first()


def _source_process(process):
    """The German process page of `process`, which may be its English translation."""
    from .locales import locale_id

    source = locale_id(settings.LANGUAGE_CODE)
    if source is None or process.locale_id == source:
        return process
    return process.get_translations().filter(locale_id=source).first() or process


def _in_reader_language(stages: list[StageStatus], pages) -> list[StageStatus]:
    from .locales import page_language
    from .models import StagePage

    localized = {
        page.translation_key: page
        for page in StagePage.objects.live().filter(
            translation_key__in=[page.translation_key for page in pages],
            locale__language_code=get_language(),
        )
    }
    result = []
    for stage, page in zip(stages, pages, strict=True):
        other = localized.get(page.translation_key)
        if other is None:
            result.append(stage)
            continue
        result.append(
            replace(
                stage,
                title=other.title,
                short_description=other.short_description,
                url=other.url,
                content_language=page_language(other),
            )
        )
    return result


def forget_process_stages() -> None:
    """Called when a stage or process page changes; yesterday's and tomorrow's keys too,
    for requests that ask about another day, in every language."""
    from django.core.cache import cache

    today = timezone.localdate()
    cache.delete_many(
        [
            STAGES_CACHE_KEY.format(
                language=language,
                today=(today + datetime.timedelta(days=offset)).isoformat(),
            )
            for offset in (-1, 0, 1)
            for language, _name in settings.LANGUAGES
        ]
    )


def stage_status(number: int, *, today: datetime.date | None = None) -> StageStatus | None:
    for status in process_stages(today=today):
        if status.number == number:
            return status
    return None


def collecting_stage(
    subject: str, *, stages: list[StageStatus] | None = None, today: datetime.date | None = None
) -> StageStatus | None:
    """The stage whose workshops write statements of kind `subject`, if the process has one."""
    stages = process_stages(today=today) if stages is None else stages
    return next((stage for stage in stages if subject and stage.collects == subject), None)


def collecting_stages(*, stages: list[StageStatus] | None = None) -> list[StageStatus]:
    """The stages that collect statements, in the process's order."""
    stages = process_stages() if stages is None else stages
    return [stage for stage in stages if stage.collects]


def collecting_stage_choices() -> list[tuple[str, str]]:
    """The choice of the stage a statement comes from, for forms and filters: "Stufe 1:
    Ausgangsbilder", …"""
    return [
        (
            str(stage.number),
            _("Stufe %(number)d: %(subject)s")
            % {"number": stage.number, "subject": StageSubject(stage.collects).label},
        )
        for stage in collecting_stages()
    ]


def agreeing_stage(
    subject: str, *, stages: list[StageStatus] | None = None, today: datetime.date | None = None
) -> StageStatus | None:
    """The conference stage that agrees on statements of kind `subject`, if there is one."""
    stages = process_stages(today=today) if stages is None else stages
    return next((stage for stage in stages if subject and stage.agrees_on == subject), None)


def conference_stages(*, stages: list[StageStatus] | None = None) -> list[StageStatus]:
    stages = process_stages() if stages is None else stages
    return [stage for stage in stages if stage.holds_conference]


def stage_of_kind(
    kind: StageKind, *, stages: list[StageStatus] | None = None, today: datetime.date | None = None
) -> StageStatus | None:
    """The first stage of `kind`, e.g. the council's decision or the implementation."""
    stages = process_stages(today=today) if stages is None else stages
    return next((stage for stage in stages if stage.kind == kind), None)


def current_stage(*, today: datetime.date | None = None) -> StageStatus | None:
    """The running stage; if two overlap, the later one in the process."""
    running = [s for s in process_stages(today=today) if s.is_running]
    return running[-1] if running else None


def has_begun(kind: StageKind, *, stages: list[StageStatus] | None = None) -> bool:
    """Whether the process has reached a stage of this kind: one runs or ran."""
    stages = process_stages() if stages is None else stages
    return any(stage.kind == kind and not stage.is_planned for stage in stages)


def begin_stage(kind: StageKind, *, user=None, today: datetime.date | None = None) -> None:
    """Let the first stage of `kind` run from today and close the stage before it, as the
    council's adoption of the strategy does for the implementation. Saved as page revisions,
    so the history of both pages shows who moved the process on and when."""
    from .models import StagePage

    today = today or timezone.localdate()
    process = _published_process()
    if process is None:
        return
    pages = list(StagePage.objects.live().child_of(process).order_by("number"))
    beginning = next((i for i, page in enumerate(pages) if page.kind == kind), None)
    if beginning is None:
        return
    for page in pages[max(beginning - 1, 0) : beginning + 1]:
        page = page.specific
        if page.pk == pages[beginning].pk:
            page.state_override = StageState.RUNNING
            page.start_date = min(page.start_date, today)
            page.end_date = max(page.end_date, today)
        else:
            page.state_override = StageState.CLOSED
        # The council's decision moves the process on, not an editor: whoever records it
        # needs no right to publish pages, and the history names them all the same.
        page.save_revision(user=user, log_action=True).publish(
            user=user, skip_permission_checks=True
        )
    forget_process_stages()
