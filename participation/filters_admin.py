import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Theme

QUEUE_CHOICES = [
    ("kommentare", _("Kommentare: gemeldet oder wartend")),
    ("vorschlaege", _("Vorschläge: offen oder gemeldet")),
    ("ausgeblendet", _("Ausgeblendete Kommentare")),
]


class QueueFilter(django_filters.FilterSet):
    what = django_filters.ChoiceFilter(
        label=_("Was"), choices=QUEUE_CHOICES, empty_label=None, method="noop"
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Thema"), queryset=Theme.objects.all(), method="noop", empty_label=_("Alle")
    )

    class Meta:
        model = Theme
        fields = []

    def noop(self, queryset, name, value):
        # The queue view builds its own querysets from the cleaned values.
        return queryset

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, queryset=Theme.objects.none(), **kwargs)
        self.form.fields["what"].widget = forms.Select(choices=QUEUE_CHOICES)
