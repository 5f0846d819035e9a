from allauth.account import views as allauth_views
from allauth.account.internal import flows
from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.forms.utils import ErrorDict
from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from wagtail.admin.views.account import LoginView as WagtailLoginView

from config.refusals import Refused

from . import data_export, deletion, my_participation
from .delete_form import DeleteAccountForm
from .display_names import TAKEN
from .forms import ProfileForm
from .models import User
from .privacy import Person, sections
from .return_to import NEXT, SESSION_KEY, safe_path
from .services import display_name_is_taken, user_change_display_name


class SignupView(allauth_views.SignupView):
    """allauth's sign-up, safe against two people claiming the same name at once.

    The form checks that the display name is free, but between that check and the insert
    someone else may take it; the database constraint then refuses, and the person gets the
    same message next to the field instead of an error page.
    """

    def form_valid(self, form):
        # The sign-in after the confirmed address brings the person back to where they
        # came from (AccountAdapter.get_email_verification_redirect_url).
        path = safe_path(self.request.POST.get(NEXT) or self.request.GET.get(NEXT), self.request)
        if path:
            self.request.session[SESSION_KEY] = path
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
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "participation": my_participation.overview(request.user)},
    )


@login_required
@require_GET
def participation_list(request, key: str):
    """All of one kind of the person's participation ("Meine Beteiligung"), page by page."""
    found = my_participation.source(key)
    if found is None:
        raise Http404
    return render(
        request,
        "accounts/participation_list.html",
        {
            "section": found,
            "page_obj": my_participation.page(found, request.user, request.GET.get("page")),
        },
    )


# --- Download my data --------------------------------------------------------------------------

DOWNLOADS = {
    "json": (data_export.export_json, "application/json; charset=utf-8"),
    "html": (data_export.export_html, "text/html; charset=utf-8"),
}


def _personal_data_page(request, *, status=200, limited=False):
    return render(
        request,
        "accounts/personal_data.html",
        {
            "sections": sections(),
            "format": data_export.FORMAT,
            "version": data_export.FORMAT_VERSION,
            "limited": limited,
        },
        status=status,
    )


@login_required
@require_GET
def personal_data(request):
    return _personal_data_page(request)


@login_required
@require_GET
def personal_data_download(request, kind: str):
    if not data_export.within_hourly_limit(request.user):
        return _personal_data_page(request, status=429, limited=True)
    person = Person.of(request.user, now=timezone.now())
    write, content_type = DOWNLOADS[kind]
    response = StreamingHttpResponse(write(person), content_type=content_type)
    filename = f"stadtgespraech-meine-daten-{timezone.localdate(person.now):%Y-%m-%d}.{kind}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


# --- Delete my account -------------------------------------------------------------------------


@login_required
def delete_account(request):
    refused = deletion.self_deletion_refused(request.user)
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and not refused:
        if not ratelimit.consume(request, action="reauthenticate", user=request.user):
            form.is_valid()
            form.add_error("password", _("Zu viele Versuche. Bitte warten Sie eine Minute."))
        elif form.is_valid():
            try:
                deletion.account_delete(user=request.user)
            except Refused as error:
                refused = error.message
            else:
                logout(request)
                return redirect("accounts:deleted")
    status = 400 if form.errors else 200
    return render(
        request, "accounts/delete.html", {"form": form, "refused": refused}, status=status
    )


def account_deleted(request):
    return render(request, "accounts/deleted.html")


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


class AdminLoginView(WagtailLoginView):
    """Wagtail's sign-in to the admin, except that `?next=` must be a path on this site.

    Wagtail hands `next` to Django's `redirect()`, which takes a value without a slash for
    the name of a URL pattern: `?next=0` ended in a server error for everyone already signed
    in. Anything but a path of this site leads to the dashboard.
    """

    def get_redirect_url(self):
        url = super().get_redirect_url()
        return url if url.startswith("/") and not url.startswith("//") else ""
