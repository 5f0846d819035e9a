from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .forms import ProfileForm
from .services import user_change_display_name


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user_change_display_name(user=request.user, display_name=form.cleaned_data["display_name"])
        messages.success(request, _("Ihr Anzeigename wurde gespeichert."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})
