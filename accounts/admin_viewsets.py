"""The Wagtail admin's user screens, with our display name instead of first and last name."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import DeleteView as WagtailUserDeleteView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .deletion import account_delete
from .display_names import TAKEN
from .forms import DisplayNameField
from .models import User
from .services import display_name_is_taken

ADMIN_FIELDS = {"email", "display_name", "is_superuser", "groups"}


class DisplayNameAdminMixin(forms.Form):
    first_name = None
    last_name = None
    display_name = DisplayNameField(help_text=_("Öffentlich sichtbar, eindeutig."))

    def clean_display_name(self):
        name = self.cleaned_data["display_name"].strip()
        if display_name_is_taken(name, exclude_user=self.instance if self.instance.pk else None):
            raise forms.ValidationError(TAKEN, code="taken")
        return name


class AdminUserCreationForm(DisplayNameAdminMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        model = User
        fields = ADMIN_FIELDS


class AdminUserEditForm(DisplayNameAdminMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        model = User
        fields = ADMIN_FIELDS | {"is_active"}


class UserDeleteView(WagtailUserDeleteView):
    """Deleting in the admin does what deleting one's own account does (accounts.deletion):
    the person's data go, the row stays emptied, so contributions keep an anonymous author
    and nothing that refers to the account with CASCADE disappears with it."""

    def delete_action(self):
        log(instance=self.object, action="wagtail.delete", user=self.request.user)
        account_delete(user=self.object, by=self.request.user)


class UserViewSet(WagtailUserViewSet):
    template_prefix = "accounts/wagtail_users/"
    delete_view_class = UserDeleteView

    def get_form_class(self, for_update=False):
        return AdminUserEditForm if for_update else AdminUserCreationForm
