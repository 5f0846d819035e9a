"""What the implementation adds to the pages of the strategy and the consolidation (the places
of strategie.panels and zielbilder.panels, see cms.item_hooks): a project's latest report and
milestones on its field's page, and what serves a Zielbild – measures and key figures with
their state – on its theme's page. Each function reads what it shows for all the page's items
at once, in a fixed number of queries."""

from collections import defaultdict

from django.db.models import OuterRef, Subquery
from django.template.loader import render_to_string

from strategie.models import FieldOfAction, KeyFigure, Project
from zielbilder.models import ConsolidatedZielbild

from .figure_status import assess
from .models import Measure, Milestone, ProjectReport
from .reporting import with_latest


def project_status(projects, request) -> dict[int, str]:
    """{project id: its latest report and its milestones}, in three queries."""
    ids = [project.pk for project in projects]
    latest = Project.objects.filter(pk__in=ids).annotate(
        latest=Subquery(
            ProjectReport.objects.filter(project=OuterRef("pk"))
            .order_by("-reported_at", "-pk")
            .values("pk")[:1]
        )
    )
    reports = {
        report.project_id: report
        for report in ProjectReport.objects.filter(pk__in=latest.values("latest"))
    }
    milestones = defaultdict(list)
    for milestone in Milestone.objects.filter(project_id__in=ids):
        milestones[milestone.project_id].append(milestone)
    return {
        pk: render_to_string(
            "umsetzung/includes/project_status.html",
            {"report": reports.get(pk), "milestones": milestones[pk]},
            request=request,
        )
        for pk in ids
        if pk in reports or milestones[pk]
    }


def zielbild_served_by(zielbilder, request) -> dict[int, str]:
    """{Zielbild id: the measures serving it and its fields' key figures with their state},
    in four queries whatever the number of Zielbilder."""
    ids = [zielbild.pk for zielbild in zielbilder]
    measures = defaultdict(list)
    for link in (
        Measure.zielbilder.through.objects.filter(consolidatedzielbild_id__in=ids)
        .select_related("measure__office")
        .order_by("measure__title", "measure__pk")
    ):
        measures[link.consolidatedzielbild_id].append(link.measure)
    fields_of = defaultdict(list)
    for zielbild_id, field_id in ConsolidatedZielbild.fields_of_action.through.objects.filter(
        consolidatedzielbild_id__in=ids
    ).values_list("consolidatedzielbild_id", "fieldofaction_id"):
        fields_of[zielbild_id].append(field_id)
    field_ids = {field_id for linked in fields_of.values() for field_id in linked}
    field_order = list(FieldOfAction.objects.filter(pk__in=field_ids).values_list("pk", flat=True))
    figures_of = defaultdict(list)
    for figure in with_latest(KeyFigure.objects.filter(field_id__in=field_ids).order_by("pk")):
        figures_of[figure.field_id].append(
            (figure, assess(figure, figure.latest_value, figure.latest_date))
        )
    served = {}
    for pk in ids:
        figures = [
            figure
            for field_id in field_order
            if field_id in fields_of[pk]
            for figure in figures_of[field_id]
        ]
        if measures[pk] or figures:
            served[pk] = render_to_string(
                "umsetzung/includes/zielbild_served_by.html",
                {"measures": measures[pk], "figures": figures},
                request=request,
            )
    return served
