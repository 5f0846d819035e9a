import django_filters
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSetGroup

from cms.admin_menu import PermissionMenuItem
from cms.admin_permissions import SnippetViewSet
from cms.spreadsheets import FormulaSafeExportMixin
from cms.teasers import HOME_TEASERS, STAGE_ACTION

from . import admin_views, frontdoor
from .models import Conference, Registration, RegistrationSector, RegistrationStatus
from .my_participation import registrations_source
from .registrations import registration_window, seat_status, seats_changed


class ConferenceViewSet(SnippetViewSet):
    model = Conference
    icon = "date"
    list_display = ["title", "stage", "starts_at", "capacity", "registration_closes"]
    ordering = ["starts_at"]
    search_fields = ["title"]
    search_backend_name = None


NEEDS = {
    "needs_wheelchair": _("Rollstuhl"),
    "needs_sign_language": _("Gebärdensprache"),
    "needs_induction_loop": _("Induktionsschleife"),
    "needs_simple_language": _("Leichte Sprache"),
    "needs_other": _("Weitere Bedarfe"),
}


class RegistrationFilterSet(WagtailFilterSet):
    conference = django_filters.ModelChoiceFilter(
        label=_("Konferenz"), queryset=Conference.objects.all()
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=RegistrationStatus.choices)
    sector = django_filters.ChoiceFilter(label=_("Bereich"), choices=RegistrationSector.choices)
    need = django_filters.ChoiceFilter(
        label=_("Bedarf"), choices=list(NEEDS.items()), method="filter_need"
    )
    table = django_filters.NumberFilter(label=_("Tisch (Nummer)"), method="filter_table")

    class Meta:
        model = Registration
        fields = []

    def filter_need(self, queryset, name, value):
        if value == "needs_other":
            return queryset.exclude(needs_other="")
        if value in NEEDS:
            return queryset.filter(**{value: True})
        return queryset

    def filter_table(self, queryset, name, value):
        return queryset.filter(seats__table_id=value).distinct()


class RegistrationPolicy(ModelPermissionPolicy):
    """Registrations come only through the public form with its double opt-in, and seats
    change only through the rules in konferenzen.registrations: the team corrects details,
    it does not add or delete people by hand."""

    def user_has_permission(self, user, action):
        if action in {"add", "delete"}:
            return False
        return super().user_has_permission(user, action)


register_permission_policy(Registration, RegistrationPolicy(Registration))


class RegistrationIndexView(FormulaSafeExportMixin, IndexView):
    """Names, organisations and needs are what people typed into the public form."""


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    index_view_class = RegistrationIndexView
    icon = "user"
    menu_label = _("Anmeldungen")
    list_display = ["name", "organisation", "sector", "status", "conference", "checked_in_at"]
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email", "organisation"]
    search_backend_name = None
    ordering = ["conference", "status", "name"]
    list_per_page = 50
    list_export = [
        "name",
        "email",
        "organisation",
        "sector",
        "status",
        "confirmed_at",
        "needs_wheelchair",
        "needs_sign_language",
        "needs_induction_loop",
        "needs_simple_language",
        "needs_other",
        "dietary",
        "checkin_code",
        "checked_in_at",
    ]
    export_filename = "anmeldungen"
    panels = [
        FieldPanel("name"),
        FieldPanel("organisation"),
        MultiFieldPanel(
            [
                FieldPanel("needs_wheelchair"),
                FieldPanel("needs_sign_language"),
                FieldPanel("needs_induction_loop"),
                FieldPanel("needs_simple_language"),
                FieldPanel("needs_other"),
                FieldPanel("dietary"),
            ],
            heading=_("Bedarfe"),
        ),
    ]

    def get_queryset(self, request):
        return Registration.objects.select_related("conference")


class KonferenzenGroup(SnippetViewSetGroup):
    items = (ConferenceViewSet, RegistrationViewSet)
    menu_icon = "date"
    menu_label = _("Stadtkonferenzen")
    menu_name = "stadtkonferenzen"


register_snippet(KonferenzenGroup)


@hooks.register("page_context:konferenzen.conferencepage")
def conference_page(page, request, context) -> None:
    """The seats and the registration window beside the conference's own fields (see
    cms.models.ContextFromHooks): the page model imports no service."""
    context["conference"] = page.conference
    context["seats"] = seat_status(page.conference)
    context["window"] = registration_window(page.conference)


@hooks.register("after_edit_snippet")
def move_waiting_list_up(request, instance):
    # More seats or a larger quota: the waiting list moves up at once.
    if isinstance(instance, Conference):
        seats_changed(instance)


admin_urlpatterns = [
    path("konferenztag/", admin_views.conference_list, name="conferences"),
    path("konferenztag/<int:pk>/", admin_views.overview, name="overview"),
    path("konferenztag/<int:pk>/check-in/", admin_views.check_in_page, name="check_in"),
    path("konferenztag/<int:pk>/nachricht/", admin_views.message, name="message"),
    path("konferenztag/<int:pk>/tische/", admin_views.seat_tables, name="seat_tables"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("", include((admin_urlpatterns, "konferenzen_admin")))]


@hooks.register("register_admin_menu_item")
def conference_day_menu_item():
    return PermissionMenuItem(
        _("Konferenztag"),
        reverse("konferenzen_admin:conferences"),
        icon_name="tick",
        order=230,
        permission="konferenzen.view_registration",
    )


@hooks.register("my_participation_sections")
def my_registrations():
    return registrations_source()


# The home page's teasers and a conference stage's primary action (cms.teasers).
hooks.register(HOME_TEASERS, frontdoor.registration_teasers)
hooks.register(STAGE_ACTION, frontdoor.registration_action)
