"""The form that deletes an account. Apart from accounts.forms, which allauth imports while
its own forms are being defined (the sign-up form), and which therefore cannot import them."""

from allauth.account.forms import ReauthenticateForm
from django.utils.translation import gettext_lazy as _


class DeleteAccountForm(ReauthenticateForm):
    """The password once more: whoever finds a signed-in computer must not delete the
    account of its owner."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Ihr Passwort")
        self.fields["password"].help_text = _(
            "Zur Sicherheit: Geben Sie Ihr Passwort ein, mit dem Sie sich anmelden."
        )
