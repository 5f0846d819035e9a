"""Compiling, publishing and reading the versions of the Ratsvorlage.

A compilation is a row in state "compiling" that a Celery task fills in: one at a time (a
database constraint), with its progress visible in the admin, safe to repeat (a killed
worker's compilation is started over by `compile_stuck`, and a finished one is left alone).
"""

from __future__ import annotations

import hashlib
import logging
from datetime import timedelta

from celery import shared_task
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cms.sitecache import tree_changed
from config.celery import Retrying, hand_over
from config.refusals import Refused

from .content import content_hash, gather
from .models import RESOLUTION_MAX_LENGTH, PaperVersion, VersionState
from .render import render_docx_file, render_html, render_pdf

logger = logging.getLogger(__name__)

TITLE_MAX_LENGTH = 300
PAPER_NUMBER_MAX_LENGTH = 40
# A compilation without progress for this long lost its worker; the benchmark's volume takes
# about a minute in all, its longest step (the PDF) most of it.
STUCK_AFTER = timedelta(minutes=20)


def start_compilation(
    *, title: str, paper_number: str, proposed_resolution: str, by=None
) -> PaperVersion:
    """A new version, compiled in the background; refused while another one is compiled."""
    title, paper_number = (title or "").strip(), (paper_number or "").strip()
    proposed_resolution = (proposed_resolution or "").strip()
    for value, field, limit, missing in (
        (title, "title", TITLE_MAX_LENGTH, _("Bitte geben Sie den Titel an.")),
        (
            paper_number,
            "paper_number",
            PAPER_NUMBER_MAX_LENGTH,
            _("Bitte geben Sie die Drucksache-Nr. an."),
        ),
        (
            proposed_resolution,
            "proposed_resolution",
            RESOLUTION_MAX_LENGTH,
            _("Bitte formulieren Sie den Beschlussvorschlag."),
        ),
    ):
        if not value:
            raise Refused(missing, field)
        if len(value) > limit:
            raise Refused(
                _("%(n)d Zeichen; höchstens %(limit)d sind möglich.")
                % {"n": len(value), "limit": limit},
                field,
            )
    running = PaperVersion.objects.filter(state=VersionState.COMPILING).first()
    if running is not None:
        raise Refused(_running_message(running), "")
    try:
        with transaction.atomic():
            number = (PaperVersion.objects.aggregate(n=Max("number"))["n"] or 0) + 1
            version = PaperVersion.objects.create(
                number=number,
                title=title,
                paper_number=paper_number,
                proposed_resolution=proposed_resolution,
                started_by=by,
                progress_note=_("wartet auf den Hintergrunddienst"),
            )
    except IntegrityError:  # a parallel start won the race for the one compilation
        running = PaperVersion.objects.filter(state=VersionState.COMPILING).first()
        raise Refused(_running_message(running), "") from None
    transaction.on_commit(lambda: hand_over(compile_paper, version.pk))
    return version


def _running_message(running) -> str:
    if running is None:
        return _("Es läuft bereits eine Erstellung. Bitte versuchen Sie es gleich noch einmal.")
    return _(
        "Version %(number)d wird gerade erstellt (begonnen %(when)s, %(progress)d %%). Bitte "
        "warten Sie, bis sie fertig ist."
    ) % {
        "number": running.number,
        "when": date_format(timezone.localtime(running.started_at), "SHORT_DATETIME_FORMAT"),
        "progress": running.progress,
    }


def _progress(version_id: int, percent: int, note: str) -> None:
    # Its own UPDATE outside any transaction, so the admin sees it while the task runs. It
    # also moves `modified_at`: the sweep starts over a compilation that has made no
    # progress for STUCK_AFTER, not one that merely began long ago and is still working.
    PaperVersion.objects.filter(pk=version_id, state=VersionState.COMPILING).update(
        progress=percent, progress_note=note, modified_at=timezone.now()
    )


def compile_version(version_id: int) -> PaperVersion | None:
    """Gather, render and store one version. Does nothing unless it is being compiled."""
    version = PaperVersion.objects.filter(pk=version_id, state=VersionState.COMPILING).first()
    if version is None:
        return None
    created_at = timezone.now()
    _progress(version_id, 5, _("Daten sammeln"))
    content = gather(
        title=version.title,
        paper_number=version.paper_number,
        date=timezone.localdate(created_at).isoformat(),
        proposed_resolution=version.proposed_resolution,
    )
    sha256 = content_hash(content)
    meta = {"number": version.number, "sha256": sha256, "created_at": created_at}
    _progress(version_id, 30, _("HTML setzen"))
    html = render_html(content, **meta)
    _progress(version_id, 45, _("PDF setzen"))
    pdf = render_pdf(content, **meta)
    _progress(version_id, 75, _("DOCX setzen"))
    docx = render_docx_file(content, **meta)
    _progress(version_id, 95, _("Dateien speichern"))
    name = f"ratsvorlage-{version.number}"
    with transaction.atomic():
        version = PaperVersion.objects.select_for_update().get(pk=version_id)
        if version.state != VersionState.COMPILING:
            return version  # finished meanwhile by a repeated task
        for field in (version.pdf, version.docx):
            if field:
                field.delete(save=False)  # a repeated run replaces the files of the lost one
        version.pdf.save(f"{name}.pdf", ContentFile(pdf), save=False)
        version.docx.save(f"{name}.docx", ContentFile(docx), save=False)
        version.pdf_sha512 = hashlib.sha512(pdf).hexdigest()
        version.pdf_size = len(pdf)
        version.docx_sha512 = hashlib.sha512(docx).hexdigest()
        version.docx_size = len(docx)
        version.content = content
        version.sha256 = sha256
        version.html = html
        version.created_at = created_at
        version.state = VersionState.DRAFT
        version.progress = 100
        version.progress_note = ""
        version.save()
    return version


def mark_failed(version_id: int, error: Exception) -> None:
    PaperVersion.objects.filter(pk=version_id, state=VersionState.COMPILING).update(
        state=VersionState.FAILED, error=f"{type(error).__name__}: {error}"[:2000]
    )


def stuck() -> list[int]:
    return list(
        PaperVersion.objects.filter(
            state=VersionState.COMPILING, modified_at__lt=timezone.now() - STUCK_AFTER
        ).values_list("pk", flat=True)
    )


def publish(version: PaperVersion, *, by=None) -> PaperVersion:
    """Make a draft public. A version is published once; a failed or unfinished one never."""
    if version.state == VersionState.PUBLISHED:
        raise Refused(_("Version %(n)d ist bereits veröffentlicht.") % {"n": version.number})
    if version.state != VersionState.DRAFT:
        raise Refused(_("Version %(n)d ist nicht fertig erstellt.") % {"n": version.number})
    updated = PaperVersion.objects.filter(pk=version.pk, state=VersionState.DRAFT).update(
        state=VersionState.PUBLISHED, published_at=timezone.now(), published_by=by
    )
    if not updated:  # published by a parallel click
        raise Refused(_("Version %(n)d ist bereits veröffentlicht.") % {"n": version.number})
    # The first public version puts the paper into the main navigation (ratsvorlage.frontdoor).
    tree_changed()
    version.refresh_from_db()
    return version


def visible_versions(user):
    """Published versions for everybody; drafts too for the strategy team and the council."""
    versions = PaperVersion.objects.defer("content", "html")
    if user.has_perm("ratsvorlage.view_paperversion"):
        return versions.filter(state__in=(VersionState.DRAFT, VersionState.PUBLISHED))
    return versions.filter(state=VersionState.PUBLISHED)


def any_published() -> bool:
    return PaperVersion.objects.filter(state=VersionState.PUBLISHED).exists()


def binding_version() -> PaperVersion | None:
    return PaperVersion.objects.filter(binding=True).defer("content", "html").first()


def text_lines(content: dict) -> list[str]:
    """The content as lines of text, for comparing two versions."""
    if not content:  # a version whose compilation never finished has nothing to compare
        return []
    lines = [
        f"Titel: {content['paper']['title']}",
        f"Drucksache: {content['paper']['number']}",
        "Beschlussvorschlag:",
        *content["paper"]["proposed_resolution"].splitlines(),
    ]
    for theme in content["themes"]:
        lines.append(f"== {theme['name']} ==")
        lines += [f"Ausgangsbild Nr. {a['id']}: {a['text']}" for a in theme["ausgangsbilder"]]
        for zielbild in theme["zielbilder"]:
            lines.append(f"Zielbild: {zielbild['text']}")
            lines += [f"  Quelle Nr. {s['id']} ({s['kind']})" for s in zielbild["sources"]]
        counts = theme["inputs"]
        lines.append(
            f"Eingaben {counts['total']}: {counts['taken_up']} aufgenommen, {counts['merged']}"
            f" zusammengeführt, {counts['not_taken_up']} nicht aufgenommen, {counts['open']} offen"
        )
        lines += [f"Nicht aufgenommen Nr. {n['id']}: {n['reason']}" for n in theme["not_taken_up"]]
    figures = content["figures"]
    lines.append(
        f"Beteiligung: {figures['participants']} Teilnehmende, {figures['comments']} Kommentare,"
        f" {figures['votes']} Bewertungen, {figures['proposals']} Vorschläge"
    )
    for conference in figures["conferences"]:
        lines.append(
            f"{conference['title']}: {conference['confirmed']} bestätigt,"
            f" {conference['attended']} anwesend"
        )
    for goal in content["strategy"]:
        lines.append(f"Ziel {goal['number']}: {goal['name']}")
        for field in goal["fields"]:
            lines.append(f"  Handlungsfeld: {field['name']} (Patenschaft: {field['sponsor']})")
            lines += [f"    Projekt: {p['name']}" for p in field["projects"]]
            lines += [
                f"    Kennzahl: {k['name']}; Ausgangswert {k['baseline']} ({k['baseline_date']});"
                f" Zielwert {k['target']} ({k['target_date']})"
                for k in field["key_figures"]
            ]
    for office in content["matrix"]["offices"]:
        lines.append(f"Amt {office['number']}: {' '.join(r or '-' for r in office['roles'])}")
    return lines


def changes_between(older: PaperVersion, newer: PaperVersion, *, limit: int = 2000):
    """The lines removed from and added to the content, in order (difflib)."""
    import difflib

    diff = difflib.unified_diff(
        text_lines(older.content), text_lines(newer.content), lineterm="", n=0
    )
    changes = []
    for line in diff:
        if line.startswith(("---", "+++", "@@")):
            continue
        changes.append(("added" if line.startswith("+") else "removed", line[1:]))
        if len(changes) >= limit:
            break
    return changes


# The task beside the work it runs, so that starting a compilation needs no import of the
# tasks module (which imports this one); named as if it stood there.
def _compilation_failed(task, error, version_id: int) -> None:
    mark_failed(version_id, error)


@shared_task(
    name="ratsvorlage.tasks.compile_paper",
    base=Retrying,
    max_retries=2,
    backoff=30,
    gives_up=_compilation_failed,
)
def compile_paper(version_id: int) -> int | None:
    version = compile_version(version_id)
    return version.pk if version else None
