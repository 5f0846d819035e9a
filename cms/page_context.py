"""What the process's pages show beyond their own fields: the stages and their states, the
running stage's action and deadline, the home page's teasers, a stage's results.

Added to the pages' context through the hook "page_context:<model>" (registered in
cms.wagtail_hooks; see cms.models.pages.ContextFromHooks), so that the page models import
none of the queries that read them.
"""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language

from .models import ProcessPage, StagePage, StageResults
from .process import current_stage, process_stages, stage_status
from .teasers import days_left, home_teasers, stage_action


def home_page(page, request, context) -> None:
    today = timezone.localdate()
    stages = process_stages(today=today)
    running = current_stage(today=today)
    # The primary action at the top; the teasers below leave out what it leads to.
    action = stage_action(request, running)
    context["current_stage"] = running
    context["stage_count"] = len(stages)
    context["next_stage"] = next((s for s in stages if s.is_planned), None)
    context["action"] = action
    context["days_left"] = days_left(action.deadline, today=today) if action else None
    context["teasers"] = home_teasers(request, leave_out=[action.url] if action else [])
    context["process"] = (
        ProcessPage.objects.live().filter(locale_id=page.locale_id).order_by("path").first()
    )


def process_page(page, request, context) -> None:
    stages = process_stages(process=page)
    context["stages"] = stages
    context["next_stage"] = next((s for s in stages if s.is_planned), None)
    context["running_stages"] = [s for s in stages if s.is_running]


def stage_page(page, request, context) -> None:
    today = timezone.localdate()
    # On the German site the page speaks for itself. Elsewhere it is a translation, whose
    # dates may lag behind: the published process's stage has the German page's state and
    # the title in the reader's language (a stage of another process, or a preview, speaks
    # for itself).
    stage = None
    if get_language() != settings.LANGUAGE_CODE:
        stage = stage_status(page.number, today=today)
    if stage is None or stage.translation_key != str(page.translation_key):
        stage = page.status(today=today)
    context["stage"] = stage
    context["action"] = action = stage_action(request, stage)
    context["days_left"] = days_left(action.deadline, today=today) if action else None
    # Results are kept once, on the German stage page.
    context["results"] = StageResults.objects.filter(
        stage__translation_key=page.translation_key, live=True
    ).first()
    others = list(StagePage.objects.live().sibling_of(page, inclusive=False).order_by("number"))
    context["previous_stage"] = next(
        (other for other in reversed(others) if other.number < page.number), None
    )
    context["next_stage"] = next((other for other in others if other.number > page.number), None)
    context["stage_count"] = len(others) + 1
    context["subpages"] = page.get_children().live().public().specific()


# Which page each adds to, by the model's label.
PAGES = {"cms.homepage": home_page, "cms.processpage": process_page, "cms.stagepage": stage_page}
