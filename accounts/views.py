from allauth.account import views as allauth_views
from allauth.account.internal import flows
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

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
