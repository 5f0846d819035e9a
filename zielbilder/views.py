"""The consolidation's public page: a theme's Zielbilder with their sources, what the
conference agreed, and what serves them."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from cms.item_hooks import shown_for
from participation.models import Theme

from .catalogue import agreement_status, current_agreement
from .consolidation import published_zielbilder, traceability
from .models import InputOutcome, OutcomeKind
from .panels import ZIELBILD_SERVED_BY


def theme_zielbilder(request, slug: str):
    theme = get_object_or_404(Theme.objects.all(), slug=slug)
    not_taken_up = (
        InputOutcome.objects.filter(statement__theme=theme, kind=OutcomeKind.NOT_TAKEN_UP)
        .select_related("statement")
        .order_by("statement__pk")
    )
    zielbilder = list(published_zielbilder(theme))
    agreement = current_agreement()
    status = agreement_status(agreement, zielbilder)
    served = shown_for(ZIELBILD_SERVED_BY, zielbilder, request)
    return render(
        request,
        "zielbilder/theme_zielbilder.html",
        {
            "theme": theme,
            "theme_page": getattr(theme, "page", None),
            "trace": traceability(theme),
            "zielbilder": [
                (zielbild, status.get(zielbild.pk), served.get(zielbild.pk))
                for zielbild in zielbilder
            ],
            "agreement": agreement,
            "not_taken_up": Paginator(not_taken_up, 50).get_page(request.GET.get("page")),
        },
    )
