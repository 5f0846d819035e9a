"""The Ratsvorlage in public: published versions for everyone, drafts for the strategy team
and council members (signed in); each version as HTML, PDF and DOCX, and what changed
between two versions."""

import re

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from cms.numbers import whole_number

from .compilation import changes_between, visible_versions
from .filters import VersionFilter
from .models import PaperVersion

MIME_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
VERSIONS_PER_PAGE = 20


def _version(request, number: int) -> PaperVersion:
    version = visible_versions(request.user).filter(number=number).first()
    if version is None:
        raise Http404  # a draft is not even said to exist to those who may not read it
    return version


def paper_versions(request):
    versions = visible_versions(request.user).order_by("-number")
    filterset = VersionFilter(request.GET or None, queryset=versions)
    page = Paginator(
        filterset.qs if filterset.is_valid() else versions, VERSIONS_PER_PAGE
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "ratsvorlage/versions.html",
        {
            "filter": filterset,
            "page_obj": page,
            "any_versions": versions.exists(),
            "sees_drafts": request.user.has_perm("ratsvorlage.view_paperversion"),
        },
    )


def paper_version(request, number: int):
    version = _version(request, number)
    version = PaperVersion.objects.get(pk=version.pk)  # with its HTML
    previous = visible_versions(request.user).filter(number__lt=number).order_by("-number").first()
    return render(
        request,
        "ratsvorlage/version.html",
        {
            "version": version,
            "previous": previous,
            "decisions": version.decisions.order_by("-meeting_date", "-pk"),
        },
    )


def _file(request, number: int, kind: str, *, download: bool):
    if kind not in MIME_TYPES:
        raise Http404
    version = _version(request, number)
    stored = getattr(version, kind)
    if not stored:
        raise Http404
    return FileResponse(
        stored.open("rb"),
        as_attachment=download,
        filename=download_name(version, kind),
        content_type=MIME_TYPES[kind],
    )


def download_name(version, kind: str) -> str:
    """`ratsvorlage-<Drucksache>-fassung-<n>.<kind>`, of characters any header and any file
    system accept, whatever was typed as the number."""
    number = re.sub(r"[^\w.-]+", "-", version.paper_number, flags=re.ASCII).strip("-.")
    return f"ratsvorlage-{number or 'ohne-nummer'}-fassung-{version.number}.{kind}"


def paper_file(request, number: int, kind: str):
    """The file to read in the browser (OParl accessUrl: no attachment)."""
    return _file(request, number, kind, download=False)


def paper_file_download(request, number: int, kind: str):
    """The file to save (OParl downloadUrl: attachment with a file name)."""
    return _file(request, number, kind, download=True)


def paper_compare(request):
    visible = visible_versions(request.user).order_by("-number")
    numbers = list(visible.values_list("number", flat=True))
    older = newer = None
    changes = []
    error = ""

    def chosen(name):
        value = whole_number(request.GET.get(name))
        return value if value in numbers else None

    if request.GET:
        older_number, newer_number = chosen("von"), chosen("zu")
        if older_number is None or newer_number is None:
            error = _("Bitte wählen Sie zwei Fassungen aus der Liste.")
        elif older_number == newer_number:
            error = _("Bitte wählen Sie zwei verschiedene Fassungen.")
        else:
            older_number, newer_number = sorted((older_number, newer_number))
            older = PaperVersion.objects.get(number=older_number)
            newer = PaperVersion.objects.get(number=newer_number)
            changes = changes_between(older, newer)
    return render(
        request,
        "ratsvorlage/compare.html",
        {
            "numbers": numbers,
            "older": older,
            "newer": newer,
            "changes": changes,
            "error": error,
            "selected_from": request.GET.get("von", ""),
            "selected_to": request.GET.get("zu", ""),
        },
        status=400 if error else 200,
    )
