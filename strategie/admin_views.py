"""Import of the strategy model in the Wagtail admin, for the strategy team."""

import json

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.admin_permissions import require_permission

from .interchange import MAX_FILE_BYTES, check_model, import_model

# Who may replace the strategy model by a file: who may change its goals.
IMPORTING = "strategie.change_goal"


class ModelFileForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Datei (JSON)"),
        help_text=gettext_lazy(
            "Eine Datei im Format der Ausfuhr („Strategie als JSON“), höchstens 2 MB."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("Die Datei ist %(size)d KB groß; höchstens 2048 KB sind möglich.")
                % {"size": upload.size // 1024}
            )
        try:
            return json.loads(upload.read().decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise forms.ValidationError(
                _("Die Datei ist kein gültiges JSON (%(error)s).") % {"error": error}
            ) from error


def model_import(request):
    require_permission(request, IMPORTING)
    form = ModelFileForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        clean, problems = check_model(form.cleaned_data["file"])
        if clean is not None:
            counts = import_model(clean)
            messages.success(
                request,
                _(
                    "Eingelesen: %(goals)d Ziele, %(fields)d Handlungsfelder, %(projects)d "
                    "Projekte, %(key_figures)d Kennzahlen, %(offices)d Ämter, %(matrix)d "
                    "Beteiligungen."
                )
                % counts,
            )
            return redirect("strategie_admin:import")
    return render(
        request,
        "strategie/admin/import.html",
        {"form": form, "problems": problems},
        status=400 if problems or form.errors else 200,
    )
