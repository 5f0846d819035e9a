import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import Mail


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Stored mails are a record: they can be read, never written by hand."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return False
        return super().user_has_permission(user, action)


class MailFilterSet(WagtailFilterSet):
    pending = django_filters.BooleanFilter(
        field_name="sent_at",
        lookup_expr="isnull",
        label=_("noch nicht versandt"),
        widget=BooleanRadioSelect,
    )
    failed = django_filters.BooleanFilter(
        field_name="failed_at",
        lookup_expr="isnull",
        exclude=True,
        label=_("fehlgeschlagen"),
        widget=BooleanRadioSelect,
    )

    class Meta:
        model = Mail
        fields = []


class MailViewSet(ModelViewSet):
    """The outbox, for administrators: what left, what waits, what failed and why."""

    model = Mail
    icon = "mail"
    menu_label = _("Postausgang")
    add_to_settings_menu = True
    inspect_view_enabled = True
    # Attachments are base64 of up to 2 MB: not something to print on a page.
    inspect_view_fields_exclude = ["attachments"]
    copy_view_enabled = False
    list_display = ["subject", "to", "status", "created_at", "sent_at", "attempts"]
    search_fields = ["to", "subject"]
    filterset_class = MailFilterSet
    form_fields = ["to", "subject"]
    ordering = ["-created_at"]


register_permission_policy(Mail, ReadOnlyPolicy(Mail))


@hooks.register("register_admin_viewset")
def register_mail_viewset():
    return MailViewSet("outbox")
