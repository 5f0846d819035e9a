from allauth.account import views as allauth_views
from allauth.account.internal import flows
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.forms.utils import ErrorDict
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .display_names import TAKEN
from .forms import ProfileForm
from .models import User
from .services import display_name_is_taken, user_change_display_name


class SignupView(allauth_views.SignupView):
    """allauth's sign-up, safe against two people claiming the same name at once.

    The form checks that the display name is free, but between that check and the insert
    someone else may take it; the database constraint then refuses, and the person gets the
    same message next to the field instead of an error page.
    """

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except IntegrityError:
            if display_name_is_taken(form.cleaned_data["display_name"]):
                form.add_error("display_name", TAKEN)
                return self.form_invalid(form)
            # The e-mail address was taken at the same moment: answer as for any taken
            # address, without revealing it.
            return flows.signup.prevent_enumeration(self.request, email=form.cleaned_data["email"])


@login_required
def profile(request):
    # A copy, so that a refused name never shows up as the signed-in person's in the header.
    form = ProfileForm(request.POST or None, instance=User.objects.get(pk=request.user.pk))
    if request.method == "POST" and form.is_valid():
        try:
            user_change_display_name(
                user=request.user, display_name=form.cleaned_data["display_name"]
            )
        except ValidationError as error:
            form.add_error("display_name", error.message_dict.get("__all__", [TAKEN]))
        else:
            messages.success(request, _("Ihr Anzeigename wurde gespeichert."))
            return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


TOO_MANY = gettext_lazy(
    "Zu viele Anfragen in kurzer Zeit. Bitte warten Sie einen Moment und versuchen Sie es "
    "dann noch einmal."
)
# The forms whose rate limits allauth checks (ACCOUNT_RATE_LIMITS), each with what it says.
RATE_LIMITED_FORMS = {
    "account_signup": (
        SignupView,
        gettext_lazy(
            "Von Ihrem Internetanschluss kamen in der letzten Minute zu viele Registrierungen. "
            "Bitte warten Sie eine Minute und senden Sie das Formular dann noch einmal; Ihre "
            "Angaben bleiben hier stehen (das Passwort geben Sie bitte neu ein)."
        ),
    ),
    "account_login": (
        allauth_views.LoginView,
        gettext_lazy(
            "Von Ihrem Internetanschluss kamen in der letzten Minute zu viele Anmeldeversuche. "
            "Bitte warten Sie eine Minute und melden Sie sich dann noch einmal an."
        ),
    ),
    "account_reset_password": (
        allauth_views.PasswordResetView,
        gettext_lazy(
            "Für diese Adresse oder von Ihrem Internetanschluss wurden gerade zu viele Links "
            "zum Zurücksetzen des Passworts angefordert. Bitte warten Sie eine Minute und "
            "versuchen Sie es dann noch einmal."
        ),
    ),
}


def wants_json(request) -> bool:
    return (
        "application/json" in request.headers.get("Accept", "")
        or request.content_type == "application/json"
    )


def too_many_requests(request):
    """allauth's answer when one of its rate limits refuses (config.urls.handler429).

    A form comes back with what was typed and the message above it, in German, with status
    429; a JSON client gets the message as JSON; anything else a short page."""
    match = request.resolver_match
    view_class, message = RATE_LIMITED_FORMS.get(match.url_name if match else "", (None, TOO_MANY))
    if wants_json(request):
        return JsonResponse({"error": str(message)}, status=429)
    if view_class is not None and request.method == "POST":
        view = view_class()
        view.setup(request, *match.args, **match.kwargs)
        form = view.get_form()
        # Not validated again: for the sign-in that would try the password once more.
        form.cleaned_data, form._errors = {}, ErrorDict()
        form.add_error(None, message)
        response = view.render_to_response(view.get_context_data(form=form))
        response.status_code = 429
        return response
    return render(request, "429.html", {"message": message}, status=429)
