from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Konten")


class UsersAdminConfig(WagtailUsersAppConfig):
    user_viewset = "accounts.admin_viewsets.UserViewSet"
