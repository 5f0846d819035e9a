from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Konten")


class UsersAdminConfig(WagtailUsersAppConfig):
    user_viewset = "accounts.admin_viewsets.UserViewSet"
