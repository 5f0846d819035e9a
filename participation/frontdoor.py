"""What the home page and a stage's page show of the online consultation: the primary action
"Jetzt mitmachen" while a stage's consultation is open, and a teaser for one that stays open
after its stage (the hooks of cms.teasers)."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext_lazy

from cms.numbers import grouped
from cms.process import process_stages
from cms.stages import StageStatus
from cms.teasers import Action, Teaser

from .models import StatementKind
from .taking_part import open_statements

# The home page's sentence "116 Zielbilder … warten auf Ihre Meinung" may be this old.
COUNTS_CACHE_SECONDS = 60

# What a stage's statements are called, in the plural, for the action's label.
KIND_PLURAL = {
    StatementKind.AUSGANGSBILD: pgettext_lazy("kind of statement, plural", "Ausgangsbilder"),
    StatementKind.ZIELBILD: pgettext_lazy("kind of statement, plural", "Zielbilder"),
}


def kinds_of(stage: StageStatus) -> list[str]:
    return [stage.collects] if stage.collects else []


def what_to_rate(stage: StageStatus) -> str:
    kinds = kinds_of(stage)
    return str(KIND_PLURAL[kinds[0]]) if len(kinds) == 1 else _("Aussagen")


def consultation_action(request, stage: StageStatus) -> Action | None:
    """On a stage whose consultation is open: to the page listing what one can rate."""
    if not stage.consultation.is_open:
        return None
    counted = cache.get_or_set(
        f"participation:open-statements:{stage.number}",
        lambda: open_statements([stage.number]).aggregate(
            statements=Count("pk"), themes=Count("theme", distinct=True)
        ),
        COUNTS_CACHE_SECONDS,
    )
    return Action(
        label=_("Jetzt mitmachen: %(what)s bewerten und kommentieren")
        % {"what": what_to_rate(stage)},
        url=reverse("participation:take_part"),
        text=waiting_sentence(stage, counted["statements"], counted["themes"]),
        deadline=stage.consultation.closes,
        deadline_label=_("Mitmachen bis einschließlich"),
    )


def waiting_sentence(stage: StageStatus, statements: int, themes: int) -> str:
    kinds = kinds_of(stage)
    kind = kinds[0] if len(kinds) == 1 else ""
    if kind == StatementKind.ZIELBILD:
        what = ngettext("%(count)s Zielbild", "%(count)s Zielbilder", statements)
    elif kind == StatementKind.AUSGANGSBILD:
        what = ngettext("%(count)s Ausgangsbild", "%(count)s Ausgangsbilder", statements)
    else:
        what = ngettext("%(count)s Aussage", "%(count)s Aussagen", statements)
    where = ngettext("aus %(count)s Schwerpunktthema", "aus %(count)s Schwerpunktthemen", themes)
    sentence = ngettext(
        "%(what)s %(where)s wartet auf Ihre Meinung.",
        "%(what)s %(where)s warten auf Ihre Meinung.",
        statements,
    )
    return sentence % {
        "what": what % {"count": grouped(statements)},
        "where": where % {"count": grouped(themes)},
    }


def consultation_teasers(request) -> list[Teaser]:
    """A consultation that outlasts its stage (the Ausgangsbilder stay open until the
    conference) is not the running stage's action; it gets a teaser instead."""
    waiting = [
        stage for stage in process_stages() if stage.consultation.is_open and not stage.is_running
    ]
    return [
        Teaser(
            preline=_("Online-Beteiligung"),
            heading=_("%(what)s bewerten und kommentieren") % {"what": what_to_rate(stage)},
            text=stage.consultation.note,
            url=reverse("participation:take_part"),
            link_text=_("Jetzt mitmachen"),
            order=5,
        )
        for stage in waiting[:1]
    ]
