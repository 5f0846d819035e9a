from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Konten")

    def ready(self):
        # Imported here, once the app registry is ready: these modules use the models.
        from django.contrib.auth.signals import user_logged_in, user_logged_out

        from . import sessions

        user_logged_in.connect(sessions.record_sign_in, dispatch_uid="accounts.record_sign_in")
        user_logged_out.connect(sessions.forget_sign_out, dispatch_uid="accounts.forget_sign_out")


class UsersAdminConfig(WagtailUsersAppConfig):
    user_viewset = "accounts.admin_viewsets.UserViewSet"
