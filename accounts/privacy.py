"""What the platform knows about a person, app by app: the registry behind "download my
data", "delete my account" and the retention periods on the privacy page.

Each app that stores something about people has a module `<app>/personal_data.py`; it owns
what it knows and says it here, without `accounts` importing it (accounts is on the bottom
floor). The module defines:

- ``SECTION`` (the key in the download) and ``TITLE``;
- ``KINDS``: a list of :class:`Kind`, each reading one kind of data with one query;
- ``erase(person)``: what account deletion does to that app's data, inside the caller's
  transaction;
- ``retention()``: a list of :class:`Retention`, how long each kind is kept and by which job.

The modules are found through the app registry, in the order of INSTALLED_APPS.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from importlib import import_module
from types import ModuleType

from celery.schedules import crontab
from django.apps import apps
from django.conf import settings
from django.db.models.functions import Lower
from django.utils.module_loading import module_has_submodule
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

MODULE = "personal_data"


@dataclass
class Person:
    """Whom an export or a deletion is about.

    ``verified_emails`` (lower case) find what was given without an account, e.g. conference
    registrations; only confirmed addresses count, so that nobody obtains another person's
    data by adding that person's address to their own account. ``all_emails`` includes the
    unconfirmed ones too: deleting mails to them reveals nothing.
    """

    user: object
    verified_emails: list[str]
    all_emails: list[str]
    now: datetime

    @classmethod
    def of(cls, user, *, now: datetime) -> "Person":
        from allauth.account.models import EmailAddress

        addresses = list(
            EmailAddress.objects.filter(user=user)
            .annotate(lower=Lower("email"))
            .values_list("lower", "verified")
        )
        verified = sorted({email for email, ok in addresses if ok})
        everything = sorted({email for email, _ok in addresses} | {user.email.lower()})
        return cls(user=user, verified_emails=verified, all_emails=everything, now=now)


@dataclass(frozen=True)
class Kind:
    """One kind of data about a person, e.g. their comments.

    ``rows(person)`` reads it with one query (whatever the amount) and yields plain dicts
    whose keys are ``fields``; with ``single`` it yields at most one.
    """

    key: str
    title: str
    description: str
    fields: tuple[str, ...]
    rows: Callable[[Person], Iterable[dict]]
    single: bool = False

    @classmethod
    def of_columns(cls, *, key, title, description, columns: dict[str, str], query) -> "Kind":
        """A kind that is one query's columns: `columns` maps each model field to its name
        in the download, so that the fields and the rows cannot disagree."""
        return cls(
            key=key,
            title=title,
            description=description,
            fields=tuple(columns.values()),
            rows=lambda person: records(query(person), columns),
        )


def records(queryset, columns: dict[str, str], *, chunk_size: int = 2000) -> Iterable[dict]:
    """The rows of one query (read in chunks, whatever their number), under the names the
    download gives them (`columns`: model field → name)."""
    names = tuple(columns.values())
    for row in queryset.values_list(*columns).iterator(chunk_size=chunk_size):
        yield dict(zip(names, row, strict=True))


def by_them(row: dict, person: "Person", *names: str) -> dict:
    """Whose account did something is not theirs to download: only whether it was theirs.
    `names` are the row's columns that hold an account's id."""
    return {name: row[name] == person.user.pk for name in names}


@dataclass(frozen=True)
class Retention:
    """How long one kind of personal data is kept, and what deletes it.

    ``days`` returns the period the job applies, read from the same setting or constant the
    job reads; None where nothing is deleted by time and ``period`` says why it is kept.
    ``job`` names the Celery task that deletes or anonymises, as it appears in
    CELERY_BEAT_SCHEDULE; empty where deletion happens otherwise (with the account, in the
    cache's own expiry, …), which ``period`` then says.
    """

    key: str
    data: str
    purpose: str
    period: Callable[[], str]
    days: Callable[[], float | None] = lambda: None
    job: str = ""
    deleted_by: str = ""


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    kinds: list[Kind]
    module: ModuleType = field(repr=False)

    def erase(self, person: Person) -> None:
        self.module.erase(person)

    def retention(self) -> list[Retention]:
        return list(self.module.retention())


def _modules() -> tuple[ModuleType, ...]:
    # Not cached: Python keeps imported modules anyway, and a cache here would be process
    # state that tests/scaleout/test_no_state_in_the_process.py rightly refuses.
    found = []
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, MODULE):
            found.append(import_module(f"{config.name}.{MODULE}"))
    return tuple(found)


def sections() -> list[Section]:
    return [
        Section(key=module.SECTION, title=module.TITLE, kinds=list(module.KINDS), module=module)
        for module in _modules()
    ]


def retention_periods() -> list[Retention]:
    return [entry for section in sections() for entry in section.retention()]


# --- Describing periods and jobs in words ------------------------------------------------------


def days_text(days: float) -> str:
    # Two days and less in hours, as the mails say them ("48 Stunden").
    if days <= 2:
        hours = round(days * 24)
        return ngettext("%(n)d Stunde", "%(n)d Stunden", hours) % {"n": hours}
    days = round(days)
    return ngettext("%(n)d Tag", "%(n)d Tage", days) % {"n": days}


def schedule_text(task: str) -> str:
    """When the beat schedule runs a task, in words: "jede Nacht um 3:20 Uhr"."""
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        if entry["task"] != task:
            continue
        schedule = entry["schedule"]
        if isinstance(schedule, crontab) and len(schedule.hour) == 1 and len(schedule.minute) == 1:
            hour, minute = next(iter(schedule.hour)), next(iter(schedule.minute))
            return _("täglich um %(time)s Uhr") % {"time": f"{hour}:{minute:02d}"}
        seconds = schedule.total_seconds() if hasattr(schedule, "total_seconds") else schedule
        minutes = round(seconds / 60)
        return ngettext("jede Minute", "alle %(n)d Minuten", minutes) % {"n": minutes}
    return ""


def deleted_by_text(entry: Retention) -> str:
    if entry.job:
        return _("automatisch, %(when)s") % {"when": schedule_text(entry.job)}
    return entry.deleted_by
