import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import PaperVersion, VersionState


class AllOrOne(forms.RadioSelect):
    """Radio buttons whose empty choice ("alle") is the chosen one while nothing else is: also
    when the form was sent without this field."""

    def __init__(self, attrs=None, choices=()):
        super().__init__({"class": "kern-form-check__radio", **(attrs or {})}, choices)

    def format_value(self, value):
        return super().format_value("" if value is None else value)


class VersionFilter(django_filters.FilterSet):
    """The council paper's versions: all, or only the one the council adopted as binding."""

    state = django_filters.ChoiceFilter(
        label=_("Stand"),
        choices=[(VersionState.DRAFT, _("Entwurf")), (VersionState.PUBLISHED, _("veröffentlicht"))],
        empty_label=_("alle"),
    )
    # "true": the value the yes/no filter this replaces sent, so that saved links still work.
    binding = django_filters.ChoiceFilter(
        label=_("Fassungen"),
        choices=[("true", _("nur die verbindlich beschlossene"))],
        empty_label=_("alle"),
        method="only_binding",
        widget=AllOrOne,
    )

    class Meta:
        model = PaperVersion
        fields = ["state", "binding"]

    def only_binding(self, queryset, name, value):
        return queryset.filter(binding=True) if value else queryset
