"""The filters of every public list in participation (django-filter)."""

import django_filters
from django import forms
from django.db import connection
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from cms.widgets import ContentSelect

from .models import Comment, Proposal, Sector, Statement, StatementKind
from .models.proposals import ProposalState

SEARCH_MAX_LENGTH = 200

SORTS = {
    "neu": ("-created_at", "-id"),
    "zustimmung": ("-agree_count", "-id"),
    "umstritten": ("-controversy", "-id"),
    "diskutiert": ("-comment_count", "-id"),
}
SORT_CHOICES = [
    ("neu", _("Neueste zuerst")),
    ("zustimmung", _("Meiste Zustimmung")),
    ("umstritten", _("Am umstrittensten")),
    ("diskutiert", _("Am meisten diskutiert")),
]
STAGE_CHOICES = [("1", _("Stufe 1: Ausgangsbilder")), ("3", _("Stufe 3: Zielbilder"))]


def search_text(queryset, text: str):
    """German full text on PostgreSQL (the stored vector the site search keeps); every word
    as a substring on SQLite."""
    text = " ".join(text.split())
    if not text:
        return queryset
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery

        return queryset.filter(
            search_vector=SearchQuery(text, config="german", search_type="websearch")
        )
    for word in text.split()[:10]:
        queryset = queryset.filter(text__icontains=word)
    return queryset


class StatementFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Suche im Text"),
        method="filter_text",
        max_length=SEARCH_MAX_LENGTH,
    )
    kind = django_filters.ChoiceFilter(
        label=_("Art"), choices=StatementKind.choices, empty_label=_("Alle Arten")
    )
    sector = django_filters.ModelChoiceFilter(
        label=_("Herkunft"),
        queryset=Sector.objects.all(),
        to_field_name="slug",
        empty_label=_("Alle Herkünfte"),
        widget=ContentSelect,
    )
    stage = django_filters.ChoiceFilter(
        label=_("Stufe"), choices=STAGE_CHOICES, empty_label=_("Alle Stufen")
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sortierung"),
        choices=SORT_CHOICES,
        method="filter_sort",
        empty_label=None,
        null_label=None,
    )

    class Meta:
        model = Statement
        fields = ["q", "kind", "sector", "stage", "sort"]

    def __init__(self, data=None, *args, **kwargs):
        # Always bound, so that a first visit is sorted and filtered like any other.
        data = data if data is not None else {}
        if not data.get("sort"):
            data = data.copy()
            data["sort"] = "neu"
        super().__init__(data, *args, **kwargs)
        self.form.fields["q"].error_messages["max_length"] = _(
            "Bitte höchstens %(limit_value)d Zeichen eingeben."
        )
        self.form.fields["q"].widget = forms.TextInput(attrs={"type": "search"})

    def filter_text(self, queryset, name, value):
        return search_text(queryset, value)

    def filter_sort(self, queryset, name, value):
        return queryset.order_by(*SORTS.get(value, SORTS["neu"]))

    def add_counts(self, base) -> dict:
        """Put the number of statements behind each kind and source; one grouped query that
        PostgreSQL answers from an index alone."""
        counts: dict[str, int] = {"total": 0}
        for kind, sector_id, number in (
            base.order_by().values_list("kind", "sector_id").annotate(n=Count("*"))
        ):
            counts["total"] += number
            counts[f"kind_{kind}"] = counts.get(f"kind_{kind}", 0) + number
            counts[f"sector_{sector_id}"] = counts.get(f"sector_{sector_id}", 0) + number
        self.form.fields["kind"].choices = [
            ("", _("Alle Arten")),
            *[
                (value, f"{label} ({counts.get(f'kind_{value}', 0)})")
                for value, label in StatementKind.choices
            ],
        ]
        self.form.fields["sector"].label_from_instance = lambda s: (
            f"{s.name} ({counts.get(f'sector_{s.pk}', 0)})"
        )
        return counts


class ProposalFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Art"), choices=StatementKind.choices, empty_label=_("Alle Arten")
    )
    state = django_filters.ChoiceFilter(
        label=_("Status"), choices=ProposalState.choices, empty_label=_("Alle")
    )

    class Meta:
        model = Proposal
        fields = ["kind", "state"]


COMMENT_ORDER_CHOICES = [("alt", _("Älteste zuerst")), ("neu", _("Neueste zuerst"))]


class CommentFilter(django_filters.FilterSet):
    """Filters the top-level comments of a statement; replies always follow their thread."""

    order = django_filters.ChoiceFilter(
        label=_("Reihenfolge"),
        choices=COMMENT_ORDER_CHOICES,
        method="filter_order",
        empty_label=None,
    )
    city = django_filters.BooleanFilter(
        label=_("Nur Gespräche mit einer Antwort der Stadt"),
        method="filter_city",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = Comment
        fields = ["order", "city"]

    def filter_order(self, queryset, name, value):
        if value == "neu":
            return queryset.order_by("-created_at", "-id")
        return queryset.order_by("created_at", "id")

    def filter_city(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(Q(is_official=True) | Q(replies__is_official=True)).distinct()
