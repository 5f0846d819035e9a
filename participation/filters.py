"""The filters of every public list in participation (django-filter)."""

import django_filters
from django import forms
from django.db import connection
from django.db.models import Count, F, Q
from django.utils.translation import gettext_lazy as _

from cms.process import collecting_stage_choices
from cms.widgets import ContentSelect

from .models import Comment, Proposal, Sector, Statement, StatementKind, Theme
from .models.proposals import ProposalState

SEARCH_MAX_LENGTH = 200

SORTS = {
    "neu": ("-created_at", "-id"),
    # The measures of participation.rankings, stored per statement, each with its index.
    "zustimmung": ("-agreement", "-id"),
    "umstritten": ("-controversy", "-id"),
    "diskutiert": ("-comment_count", "-id"),
}
SORT_CHOICES = [
    ("neu", _("Neueste zuerst")),
    ("zustimmung", _("Meiste Zustimmung")),
    ("umstritten", _("Am umstrittensten")),
    ("diskutiert", _("Am meisten diskutiert")),
]
# What a sort by a measure of participation.rankings means, said under the list.
SORT_EXPLANATIONS = {
    "zustimmung": _(
        "Gereiht nach dem Anteil der Ja-Stimmen unter allen Ja- und Nein-Stimmen, vorsichtig "
        "geschätzt: Aussagen mit wenigen Stimmen stehen weiter unten."
    ),
    "umstritten": _(
        "Gereiht danach, wie gleich sich Ja und Nein verteilen, vorsichtig geschätzt; zuerst "
        "Aussagen mit 35 bis 65 % Zustimmung unter ihren Ja- und Nein-Stimmen."
    ),
}


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
        label=_("Stufe"), choices=collecting_stage_choices, empty_label=_("Alle Stufen")
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

    @property
    def sort_explanation(self):
        """One line on how the chosen sort ranks, or None for the plain ones."""
        return SORT_EXPLANATIONS.get(self.form.data.get("sort", ""))

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
        # The field puts its empty_label („Alle Arten“) first itself.
        self.form.fields["kind"].choices = [
            (value, f"{label} ({counts.get(f'kind_{value}', 0)})")
            for value, label in StatementKind.choices
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


# --- The take-part page: every statement open for votes now, across the themes ----------------

# Fewest votes first gives a statement written late a fair chance against those that have
# collected votes for weeks (as Polis presents statements); among equals the newest first.
VOTE_TOTAL = F("agree_count") + F("disagree_count") + F("neutral_count")
TAKE_PART_SORTS = {
    "wenigste": (VOTE_TOTAL.asc(), "-created_at", "-id"),
    "neu": ("-created_at", "-id"),
}
TAKE_PART_SORT_CHOICES = [
    ("wenigste", _("Wenigste Bewertungen zuerst")),
    ("neu", _("Neueste zuerst")),
]
TAKE_PART_ORDER_NOTES = {
    "wenigste": _(
        "Oben stehen die Aussagen mit den wenigsten Bewertungen, damit auch später "
        "hinzugekommene gesehen und bewertet werden."
    ),
    "neu": _("Oben stehen die zuletzt veröffentlichten Aussagen."),
}


class TakePartFilter(django_filters.FilterSet):
    theme = django_filters.ModelChoiceFilter(
        label=_("Schwerpunktthema"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        empty_label=_("Alle Schwerpunktthemen"),
        widget=ContentSelect,
    )
    kind = django_filters.ChoiceFilter(
        label=_("Art"), choices=StatementKind.choices, empty_label=_("Alle Arten")
    )
    sort = django_filters.ChoiceFilter(
        label=_("Reihenfolge"),
        choices=TAKE_PART_SORT_CHOICES,
        method="filter_sort",
        empty_label=None,
        null_label=None,
    )
    unvoted = django_filters.BooleanFilter(
        label=_("Nur Aussagen, die ich noch nicht bewertet habe"),
        method="filter_unvoted",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = Statement
        fields = ["theme", "kind", "sort", "unvoted"]

    def __init__(self, data=None, *args, **kwargs):
        # Always bound and sorted, so that a first visit is ordered like any other.
        data = data if data is not None else {}
        if not data.get("sort"):
            data = data.copy()
            data["sort"] = "wenigste"
        super().__init__(data, *args, **kwargs)
        if not getattr(self.user, "is_authenticated", False):
            # Only a signed-in person has votes of their own to leave out.
            del self.filters["unvoted"]

    @property
    def user(self):
        return getattr(self.request, "user", None)

    @property
    def order_note(self) -> str:
        sort = self.form.cleaned_data.get("sort") if self.form.is_valid() else None
        return TAKE_PART_ORDER_NOTES.get(sort or "wenigste", TAKE_PART_ORDER_NOTES["wenigste"])

    def filter_sort(self, queryset, name, value):
        return queryset.order_by(*TAKE_PART_SORTS.get(value, TAKE_PART_SORTS["wenigste"]))

    def known_count(self) -> int | None:
        """How many statements the filters leave, from the counts `add_counts` read; None
        where only the database can tell (leaving out one's own votes). A field that did not
        validate filters nothing, as in django-filter."""
        self.form.is_valid()
        chosen = self.form.cleaned_data
        if chosen.get("unvoted"):
            return None
        theme, kind = chosen.get("theme"), chosen.get("kind")
        return sum(
            number
            for (theme_id, statement_kind), number in self.buckets.items()
            if (theme is None or theme_id == theme.pk) and (not kind or statement_kind == kind)
        )

    def filter_unvoted(self, queryset, name, value):
        if not value or not getattr(self.user, "is_authenticated", False):
            return queryset
        return queryset.exclude(votes__user=self.user)

    def add_counts(self, base) -> dict:
        """The number of open statements behind each theme and kind, in one grouped query;
        only the kinds that are open are offered."""
        counts: dict[str, int] = {"total": 0}
        # (theme id, kind) → number: the paginator's count is added up from these.
        self.buckets: dict[tuple[int, str], int] = {}
        for theme_id, kind, number in (
            base.order_by().values_list("theme_id", "kind").annotate(n=Count("*"))
        ):
            self.buckets[(theme_id, kind)] = number
            counts["total"] += number
            counts[f"kind_{kind}"] = counts.get(f"kind_{kind}", 0) + number
            counts[f"theme_{theme_id}"] = counts.get(f"theme_{theme_id}", 0) + number
        self.form.fields["kind"].choices = [
            ("", _("Alle Arten")),
            *[
                (value, f"{label} ({counts[f'kind_{value}']})")
                for value, label in StatementKind.choices
                if f"kind_{value}" in counts
            ],
        ]
        self.form.fields["theme"].label_from_instance = lambda theme: (
            f"{theme.name} ({counts.get(f'theme_{theme.pk}', 0)})"
        )
        return counts
