"""Which stage of the Stadtgespräch runs, in which state every stage is, and which stage does
what: the queries over the process's pages, cached. The one place the other apps ask; the
values it answers with are `cms.stages`'s."""

from __future__ import annotations

import datetime
from dataclasses import replace

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .locales import in_language, locale_id, page_language
from .models import ProcessPage, StagePage
from .stages import StageKind, StageState, StageStatus, StageSubject

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
    return in_language(ProcessPage.objects.live(), settings.LANGUAGE_CODE).order_by("path").first()


def _source_process(process):
    """The German process page of `process`, which may be its English translation."""
    source = locale_id(settings.LANGUAGE_CODE)
    if source is None or process.locale_id == source:
        return process
    return process.get_translations().filter(locale_id=source).first() or process


def _in_reader_language(stages: list[StageStatus], pages) -> list[StageStatus]:
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
