from types import SimpleNamespace

from allauth.account import app_settings
from allauth.account.adapter import DefaultAccountAdapter
from django import forms
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from outbox.services import mail_queue_message

from .return_to import NEXT, SESSION_KEY


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        # Set before the first save: the display name is unique and must never be blank.
        user.display_name = form.cleaned_data["display_name"].strip()
        return super().save_user(request, user, form, commit=commit)

    def clean_email(self, email: str) -> str:
        """Every address typed into a form of allauth's: sign-up, password reset, a further
        address. Django's form field admits 320 characters, the database and the outbox
        store 254 (the longest address mail can be sent to)."""
        email = super().clean_email(email)
        if len(email) > app_settings.EMAIL_MAX_LENGTH:
            raise forms.ValidationError(
                _("Eine E-Mail-Adresse hat höchstens %(limit)d Zeichen (jetzt: %(length)d).")
                % {"limit": app_settings.EMAIL_MAX_LENGTH, "length": len(email)},
                code="max_length",
            )
        return email

    def send_mail(self, template_prefix, email, context):
        """Render as allauth does, but send through the outbox and a Celery task."""
        request = self.request
        ctx = {"request": request, "email": email, "current_site": self._current_site()}
        ctx.update(context)
        message = self.render_mail(template_prefix, email, ctx)
        mail_queue_message(message)

    def get_email_verification_redirect_url(self, email_address) -> str:
        """After confirming the address of a new account, the sign-in – and after it the
        page the person signed up from, if the sign-up happened in this browser (the
        SignupView kept it in the session)."""
        if not self.request.user.is_authenticated:
            path = self.request.session.pop(SESSION_KEY, "")
            if path:
                return f"{reverse('account_login')}?{urlencode({NEXT: path})}"
        return super().get_email_verification_redirect_url(email_address)

    def get_client_ip(self, request) -> str:
        """The client's address for every rate limit, allauth's and ours.

        With TRUSTED_PROXY_COUNT set, allauth takes it from X-Forwarded-For and raises
        ImproperlyConfigured – an error page – when the header holds fewer addresses than
        proxies, as when a request reaches the web process without passing the proxy. Such
        a request is counted under the address it came from instead."""
        try:
            return super().get_client_ip(request)
        except ImproperlyConfigured:
            return request.META["REMOTE_ADDR"]

    def _current_site(self):
        # allauth names the site in its mails; ours is the platform, not the host name.
        return SimpleNamespace(name=settings.WAGTAIL_SITE_NAME, domain=self.request.get_host())
