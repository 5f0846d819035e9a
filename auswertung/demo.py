"""The demo's evaluation of the mobility theme (`manage.py demo_data`): its opinion groups and
similar statements, from the votes participation's demo cast."""

from participation.models import Theme

from .analysis import run_analysis
from .models import ThemeAnalysis


def load(*, today, report) -> None:
    theme = Theme.objects.filter(slug="mobilitaet").first()
    if theme is None or ThemeAnalysis.objects.filter(theme=theme).exists():
        return
    # Computed here rather than through the broker, so that the demo has it at once.
    run = run_analysis(ThemeAnalysis.objects.create(theme=theme).pk)
    report.created(
        f"Meinungsgruppen zum Thema {theme.name}: {run.display['k']} Gruppen aus "
        f"{run.votes} Bewertungen, {len(run.similar)} ähnliche Paare"
    )
