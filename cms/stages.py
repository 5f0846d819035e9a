"""Which stage of the Stadtgespräch runs, and in which state every stage is.

This is the one place the other apps ask; they refer to a stage by its number (1–6) and
never import the page models.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

STAGE_COUNT = 6


class StageState(models.TextChoices):
    PLANNED = "planned", _("geplant")
    RUNNING = "running", _("läuft")
    CLOSED = "closed", _("abgeschlossen")


class StageKind(models.TextChoices):
    WORKSHOPS = "workshops", _("Workshops")
    CONFERENCE = "conference", _("Stadtkonferenz")
    COUNCIL_DECISION = "council_decision", _("Ratsbeschluss")
    IMPLEMENTATION = "implementation", _("Umsetzung")


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

    @property
    def is_running(self) -> bool:
        return self.state == StageState.RUNNING

    @property
    def is_closed(self) -> bool:
        return self.state == StageState.CLOSED

    @property
    def is_planned(self) -> bool:
        return self.state == StageState.PLANNED


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


def current_stage(*, today: datetime.date | None = None) -> StageStatus | None:
    """The running stage; if two overlap, the later one in the process."""
    running = [s for s in process_stages(today=today) if s.is_running]
    return running[-1] if running else None


def has_begun(kind: StageKind, *, stages: list[StageStatus] | None = None) -> bool:
    """Whether the process has reached a stage of this kind: one runs or ran."""
    stages = process_stages() if stages is None else stages
    return any(stage.kind == kind and not stage.is_planned for stage in stages)


def begin_stage(number: int, *, user=None, today: datetime.date | None = None) -> None:
    """Close the stage before `number` and let `number` run from today, as the council's
    adoption of the strategy does for stage 6. Saved as page revisions, so the history of
    both pages shows who moved the process on and when."""
    from .models import StagePage

    today = today or timezone.localdate()
    process = _published_process()
    if process is None:
        return
    for page in StagePage.objects.live().child_of(process).filter(number__in=(number - 1, number)):
        page = page.specific
        if page.number == number:
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
