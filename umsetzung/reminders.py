"""Reminders for key-figure values (stage 6): when a value is due the reporting office is
told; a month after that, the sponsoring office (or, while none is named, the strategy team).

A key figure is due one reporting interval after its latest value (or after its baseline
date, if nothing was reported yet). The nightly job may run any number of times: a
`ReminderSent` row per key figure, due date and level makes every mail go out once.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.roles import STRATEGY_TEAM
from outbox.services import mail_queue
from strategie.models import KeyFigure, Participation, ParticipationRole

from .models import ReminderLevel, ReminderSent

ESCALATE_AFTER = datetime.timedelta(days=30)


def add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Due:
    key_figure: KeyFigure
    due: datetime.date
    level: str


def due_key_figures(today: datetime.date | None = None) -> list[Due]:
    today = today or timezone.localdate()
    figures = KeyFigure.objects.select_related("field__sponsor_office", "responsible_office")
    figures = figures.annotate(last_date=Max("values__date"))
    found = []
    for figure in figures:
        start = figure.last_date or figure.baseline_date
        if start is None or not figure.reporting_interval:
            continue  # nothing to count from: the strategy team sets a baseline date first
        due = add_months(start, figure.reporting_interval)
        if due > today:
            continue
        level = ReminderLevel.ESCALATED if today - due >= ESCALATE_AFTER else ReminderLevel.DUE
        found.append(Due(figure, due, level))
    return found


def reporting_office(figure):
    if figure.responsible_office_id:
        return figure.responsible_office
    lead = (
        Participation.objects.filter(field_id=figure.field_id, role=ParticipationRole.LEADS)
        .select_related("office")
        .order_by("office__number")
        .first()
    )
    return lead.office if lead else None


def recipients(due: Due) -> list:
    """The people to tell: the reporting office; escalated, the sponsoring office too, or the
    strategy team while the field has no sponsoring office."""
    User = get_user_model()
    offices = [reporting_office(due.key_figure)]
    if due.level == ReminderLevel.ESCALATED:
        offices.append(due.key_figure.field.sponsor_office)
    people = User.objects.filter(
        is_active=True, office_memberships__office__in=[o for o in offices if o]
    )
    if due.level == ReminderLevel.ESCALATED and due.key_figure.field.sponsor_office is None:
        people = people | User.objects.filter(is_active=True, groups__name=STRATEGY_TEAM)
    return list(people.distinct().order_by("pk"))


def send_reminders(today: datetime.date | None = None) -> int:
    sent = 0
    for due in due_key_figures(today):
        people = recipients(due)
        try:
            with transaction.atomic():
                ReminderSent.objects.create(
                    key_figure=due.key_figure, due=due.due, level=due.level, recipients=len(people)
                )
                with translation.override(settings.LANGUAGE_CODE):
                    url = settings.BASE_URL + reverse(
                        "umsetzung_admin:report_key_figure", args=[due.key_figure.pk]
                    )
                    subject = (
                        _("[Stadtgespräch] Überfällig: %(name)s")
                        if due.level == ReminderLevel.ESCALATED
                        else _("[Stadtgespräch] Bitte melden: %(name)s")
                    ) % {"name": due.key_figure.name}
                    for person in people:
                        mail_queue(
                            to=person.email,
                            subject=subject,
                            text=render_to_string(
                                "umsetzung/mail/key_figure_due.txt",
                                {
                                    "person": person,
                                    "due": due,
                                    "figure": due.key_figure,
                                    "office": reporting_office(due.key_figure),
                                    "escalated": due.level == ReminderLevel.ESCALATED,
                                    "url": url,
                                },
                            ),
                        )
                        sent += 1
        except IntegrityError:
            continue  # told already for this due date and level
    return sent
