import django_filters
from django.utils.translation import gettext_lazy as _

from cms.widgets import ContentSelect

from .models import FieldOfAction, Office


class MatrixFilter(django_filters.FilterSet):
    """Narrow the offices × fields table to one office or one field (or both)."""

    office = django_filters.ModelChoiceFilter(
        label=_("Amt"),
        queryset=Office.objects.all(),
        method="filter_nothing",
        empty_label=_("alle"),
        widget=ContentSelect,
    )
    field = django_filters.ModelChoiceFilter(
        label=_("Handlungsfeld"),
        queryset=FieldOfAction.objects.all(),
        to_field_name="slug",
        method="filter_nothing",
        empty_label=_("alle"),
        widget=ContentSelect,
    )

    class Meta:
        model = Office
        fields = []

    def filter_nothing(self, queryset, name, value):
        # Both are applied by strategy_matrix(): one to the rows, one to the columns.
        return queryset
