"""The Wagtail admin's user screens, with our display name instead of first and last name."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

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


class UserViewSet(WagtailUserViewSet):
    template_prefix = "accounts/wagtail_users/"

    def get_form_class(self, for_update=False):
        return AdminUserEditForm if for_update else AdminUserCreationForm
