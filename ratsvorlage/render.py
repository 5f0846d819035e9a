"""The Ratsvorlage's three formats from its content: HTML (also the PDF's source) and DOCX."""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format

logger = logging.getLogger(__name__)
FONTS = Path(settings.BASE_DIR) / "static" / "vendor" / "kern" / "fonts" / "fira-sans"
FONT_FILES = ("FiraSans-Regular", "FiraSans-Italic", "FiraSans-SemiBold", "FiraSans-Bold")


def print_fonts() -> str:
    """A folder with the KERN font (Fira Sans) as TrueType, converted once per machine from
    the committed WOFF2: WeasyPrint would otherwise decompress every WOFF2 on every PDF
    (about two seconds each)."""
    from fontTools.ttLib import TTFont

    folder = Path(tempfile.gettempdir()) / "stadtgespraech-print-fonts"
    folder.mkdir(exist_ok=True)
    for name in FONT_FILES:
        target = folder / f"{name}.ttf"
        if not target.exists():
            font = TTFont(FONTS / f"{name}.woff2")
            font.flavor = None
            partial = folder / f"{name}.{os.getpid()}.tmp"
            font.save(partial)
            partial.replace(target)  # atomic: a parallel worker never reads half a file
    return folder.as_uri()


def _context(content: dict, *, number: int, sha256: str, created_at) -> dict:
    created = timezone.localtime(created_at)
    return {
        "content": content,
        "paper": content["paper"],
        "number": number,
        "sha256": sha256,
        "created_at": created,
        "date": date_format(created.date(), "DATE_FORMAT"),
    }


def render_html(content: dict, *, number: int, sha256: str, created_at) -> str:
    """The paper's body: headings, table of contents, tables with headers. Always German,
    whatever language the team's admin speaks: the council paper is an official document."""
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(
            "ratsvorlage/paper_body.html",
            _context(content, number=number, sha256=sha256, created_at=created_at),
        )


def render_pdf(content: dict, *, number: int, sha256: str, created_at) -> bytes:
    """A4 with page numbers, a table of contents with page numbers, bookmarks from the
    headings, and tags (WeasyPrint's PDF/UA support) for screen readers."""
    from weasyprint import HTML

    with translation.override(settings.LANGUAGE_CODE):
        document = render_to_string(
            "ratsvorlage/paper_print.html",
            {
                **_context(content, number=number, sha256=sha256, created_at=created_at),
                "fonts": print_fonts(),
                "body": render_html(content, number=number, sha256=sha256, created_at=created_at),
            },
        )
    html = HTML(string=document, base_url=str(settings.BASE_DIR))
    try:
        return html.write_pdf(pdf_tags=True, custom_metadata=True)
    except ValueError:
        # WeasyPrint's tagging (new in 65) still fails on some table layouts ("Table wrapper
        # without a table" when a page break falls between a caption and its table); an
        # untagged PDF with bookmarks beats no PDF. The HTML version stays fully accessible.
        logger.warning("Tagged PDF failed; writing it untagged", exc_info=True)
        return html.write_pdf(custom_metadata=True)


def render_docx_file(content: dict, *, number: int, sha256: str, created_at) -> bytes:
    # python-docx and lxml load only where a version is rendered (a worker), as WeasyPrint
    # does above: the web processes import this module but never render.
    from .render_docx import render_docx

    return render_docx(
        content,
        sha256=sha256,
        version=number,
        created_at=date_format(timezone.localtime(created_at), "DATETIME_FORMAT"),
    )
