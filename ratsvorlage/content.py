"""What the Ratsvorlage says, gathered from the data into one JSON-compatible dict.

Every figure comes from the database; nothing is typed in except the cover's title, paper
number and proposed resolution. The dict is stored with the version (so a version never
changes when the data does), hashed (`content_hash`) and rendered by `render_html`,
`render_docx` and, through the HTML, `render_pdf`. A constant number of queries, whatever
the volume: lists are read in one query each and grouped in Python.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict

from django.conf import settings
from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils import translation

from konferenzen.attendance import figures_by_sector
from konferenzen.models import Conference
from participation.models import Comment, Proposal, Statement, Theme, Vote
from strategie.matrix import strategy_matrix
from strategie.models import FieldOfAction, Goal, KeyFigure
from zielbilder.consolidation import published_zielbilder_of_all
from zielbilder.models import InputOutcome, OutcomeKind

FORMAT = "stadtgespraech-ratsvorlage"
# The paper lists a theme's Ausgangsbilder with the most agreement first, up to this many; the
# rest are counted and linked (the open data has them all). A council member reads a paper,
# not a database dump, and at a big city's volume (15,000 Ausgangsbilder) the PDF would
# have 600 pages and take minutes to set.
STATEMENTS_PER_THEME = 100
FORMAT_VERSION = 1


def content_hash(content: dict) -> str:
    """SHA-256 of the content in a canonical form: the same content, the same hash."""
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _url(name: str, *args) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return settings.BASE_URL + reverse(name, args=args)


def gather(*, title: str, paper_number: str, date: str, proposed_resolution: str) -> dict:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "paper": {
            "title": title,
            "number": paper_number,
            "date": date,
            "proposed_resolution": proposed_resolution,
            "body": settings.COUNCIL_BODY_NAME,
        },
        "themes": themes(),
        "figures": figures(),
        "strategy": strategy(),
        "matrix": matrix(),
    }


def themes() -> list[dict]:
    """Per theme: its Ausgangsbilder, its published Zielbilder with their sources, and what
    became of every input."""

    public = Q(statements__state__in=("published", "withdrawn"))
    all_themes = Theme.objects.order_by("sort_order", "name").annotate(
        inputs=Count("statements", filter=public),
        ausgangsbilder_total=Count(
            "statements", filter=public & Q(statements__kind="ausgangsbild")
        ),
        taken_up=Count("statements", filter=public & Q(statements__outcome__kind="taken_up")),
        merged=Count("statements", filter=public & Q(statements__outcome__kind="merged")),
        not_taken_up=Count(
            "statements", filter=public & Q(statements__outcome__kind="not_taken_up")
        ),
    )
    ausgangsbilder = defaultdict(list)
    for statement in (
        Statement.objects.public()
        .filter(kind="ausgangsbild")
        .select_related("sector")
        # Ranked as "Meiste Zustimmung" ranks (participation.rankings), not by the number of
        # agree votes, which favours what was online longest.
        .order_by("theme_id", "-agreement", "pk")
        .iterator(chunk_size=2000)
    ):
        if len(ausgangsbilder[statement.theme_id]) >= STATEMENTS_PER_THEME:
            continue
        ausgangsbilder[statement.theme_id].append(
            {
                "id": statement.pk,
                "text": statement.text,
                "sector": statement.sector.name,
                "agree": statement.agree_count,
                "disagree": statement.disagree_count,
                "neutral": statement.neutral_count,
                "comments": statement.comment_count,
                "url": _url("participation:statement", statement.pk),
            }
        )
    zielbilder = defaultdict(list)
    for zielbild in published_zielbilder_of_all():
        zielbilder[zielbild.theme_id].append(
            {
                "id": zielbild.pk,
                "text": zielbild.text,
                "goals": [goal.name for goal in zielbild.goals.all()],
                "fields": [field.name for field in zielbild.fields_of_action.all()],
                "sources": [
                    {
                        "id": source.statement_id,
                        "text": source.statement.text,
                        "kind": str(source.get_kind_display()),
                        "url": _url("participation:statement", source.statement_id),
                    }
                    for source in zielbild.sources.all()
                ],
            }
        )
    reasons = defaultdict(list)
    for outcome in (
        InputOutcome.objects.filter(kind=OutcomeKind.NOT_TAKEN_UP)
        .select_related("statement")
        .order_by("statement__theme_id", "statement_id")
    ):
        reasons[outcome.statement.theme_id].append(
            {
                "id": outcome.statement_id,
                "text": outcome.statement.text,
                "reason": outcome.reason,
                "url": _url("participation:statement", outcome.statement_id),
            }
        )
    return [
        {
            "name": theme.name,
            "slug": theme.slug,
            "ausgangsbilder": ausgangsbilder[theme.pk],
            "ausgangsbilder_total": theme.ausgangsbilder_total,
            "ausgangsbilder_more": theme.ausgangsbilder_total - len(ausgangsbilder[theme.pk]),
            "statements_url": _url("participation:statements_csv") + f"?thema={theme.slug}",
            "zielbilder": zielbilder[theme.pk],
            "inputs": {
                "total": theme.inputs,
                "taken_up": theme.taken_up,
                "merged": theme.merged,
                "not_taken_up": theme.not_taken_up,
                "open": theme.inputs - theme.taken_up - theme.merged - theme.not_taken_up,
            },
            "not_taken_up": reasons[theme.pk],
            "zielbilder_url": _url("zielbilder:theme_zielbilder", theme.slug),
        }
        for theme in all_themes
    ]


def figures() -> dict:
    """Participation figures: the online consultation and the conferences."""

    # A UNION of three id lists, not a join with OR: the join multiplies every account by
    # its votes and took 14 s on the benchmark's 2,000,000 votes; this takes well under one.
    voters = Vote.objects.filter(user__isnull=False).order_by().values("user_id")
    writers = (
        Comment.objects.filter(author__isnull=False, visibility="published")
        .order_by()
        .values("author_id")
    )
    proposers = Proposal.objects.filter(author__isnull=False).order_by().values("author_id")
    participants = voters.union(writers, proposers).count()
    proposals = Proposal.objects.aggregate(
        total=Count("pk"), accepted=Count("pk", filter=Q(state="accepted"))
    )
    conferences = []
    for conference in Conference.objects.order_by("starts_at"):
        sectors = figures_by_sector(conference)
        conferences.append(
            {
                "title": conference.title,
                "stage": conference.stage,
                "date": conference.starts_at.date().isoformat(),
                "capacity": conference.capacity,
                "confirmed": sum(s.confirmed for s in sectors),
                "waiting": sum(s.waiting for s in sectors),
                "attended": sum(s.attended for s in sectors),
                "sectors": [
                    {
                        "sector": s.label,
                        "confirmed": s.confirmed,
                        "waiting": s.waiting,
                        "attended": s.attended,
                    }
                    for s in sectors
                ],
            }
        )
    return {
        "participants": participants,
        "statements": Statement.objects.public().count(),
        "comments": Comment.objects.filter(visibility="published").count(),
        "votes": Vote.objects.count(),
        "proposals": proposals["total"],
        "proposals_accepted": proposals["accepted"],
        "conferences": conferences,
    }


def strategy() -> list[dict]:

    goals = Goal.objects.order_by("number").prefetch_related(
        Prefetch(
            "fields",
            queryset=FieldOfAction.objects.select_related("sponsor_office").prefetch_related(
                "projects", Prefetch("key_figures", queryset=KeyFigure.objects.order_by("pk"))
            ),
        )
    )
    return [
        {
            "number": goal.number,
            "name": goal.name,
            "description": goal.description,
            "fields": [
                {
                    "name": field.name,
                    "sponsor": (
                        f"{field.sponsor_office.number} {field.sponsor_office.name}"
                        if field.sponsor_office
                        else field.sponsor_division
                    ),
                    "projects": [
                        {
                            "name": project.name,
                            "description": project.description,
                            "strategic": project.strategic,
                        }
                        for project in sorted(
                            field.projects.all(), key=lambda p: (not p.strategic, p.pk)
                        )
                    ],
                    "key_figures": [
                        {
                            "name": figure.name,
                            "strategic": figure.strategic,
                            "unit": figure.unit,
                            "direction": str(figure.get_direction_display())
                            if figure.direction
                            else "",
                            "baseline": _number(figure.baseline_value),
                            "baseline_date": _date(figure.baseline_date),
                            "target": _number(figure.target_value),
                            "target_date": _date(figure.target_date),
                            "source": figure.source,
                            "note": figure.note,
                        }
                        for figure in field.key_figures.all()
                    ],
                }
                for field in goal.fields.all()
            ],
        }
        for goal in goals
    ]


def matrix() -> dict:

    columns, rows = strategy_matrix()
    return {
        "fields": [column.name for column in columns],
        "offices": [
            {"number": row.office.number, "name": row.office.name, "roles": list(row.cells)}
            for row in rows
        ],
    }


def _number(value):
    return None if value is None else float(value)


def _date(value):
    return None if value is None else value.isoformat()
