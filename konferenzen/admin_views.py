"""The conference team's pages in the Wagtail admin: the overview of a conference and the
check-in on the day, made for a phone at the door."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms.admin_permissions import require_permission
from cms.numbers import whole_number
from config.refusals import Refused
from config.security import allow_features

from .attendance import check_in, figures_by_sector, find_for_check_in
from .forms import TeamMessageForm
from .messaging import message_confirmed
from .models import Conference, ConferenceMessage, TableSeat
from .registrations import seat_status
from .tables import assign_tables


def conference_list(request):
    require_permission(request, "konferenzen.view_registration")
    page = Paginator(Conference.objects.order_by("-starts_at", "pk"), 30).get_page(
        request.GET.get("p")
    )
    return render(request, "konferenzen/admin/conference_list.html", {"page_obj": page})


def overview(request, pk: int):
    require_permission(request, "konferenzen.view_registration")
    conference = get_object_or_404(Conference, pk=pk)
    tables = (
        TableSeat.objects.filter(table__conference=conference)
        .values("round", "table__title", "table__seats")
        .annotate(people=Count("pk"), first_choice=Count("pk", filter=Q(choice_rank=1)))
        .order_by("round", "table__sort_order")
    )
    return render(
        request,
        "konferenzen/admin/overview.html",
        {
            "conference": conference,
            "seats": seat_status(conference),
            "sectors": figures_by_sector(conference),
            "tables": list(tables),
            "message_form": TeamMessageForm(),
            "sent_messages": ConferenceMessage.objects.filter(conference=conference)
            .annotate(reached=Count("deliveries"))
            .select_related("sender")[:20],
        },
    )


def message(request, pk: int):
    require_permission(request, "konferenzen.change_registration")
    conference = get_object_or_404(Conference, pk=pk)
    form = TeamMessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        taken = seat_status(conference).taken
        message_confirmed(
            conference=conference,
            subject=form.cleaned_data["subject"],
            text=form.cleaned_data["text"],
            sender=request.user,
        )
        messages.success(
            request,
            ngettext(
                "Die Nachricht geht an %(n)d Person mit bestätigtem Platz.",
                "Die Nachricht geht an alle %(n)d Personen mit bestätigtem Platz.",
                taken,
            )
            % {"n": taken},
        )
        return redirect("konferenzen_admin:overview", pk=conference.pk)
    return render(
        request, "konferenzen/admin/message.html", {"conference": conference, "form": form}
    )


# The QR code is read with the camera of the phone at the door (static/js/checkin-scan.js).
@allow_features(camera="self")
def check_in_page(request, pk: int):
    require_permission(request, "konferenzen.check_in_registration")
    conference = get_object_or_404(Conference, pk=pk)
    if request.method == "POST":
        try:
            result = check_in(
                conference=conference,
                registration_id=whole_number(request.POST.get("registration")) or 0,
            )
        except (Refused, ValueError) as error:
            messages.error(request, getattr(error, "message", _("Unbekannte Anmeldung.")))
        else:
            person = result.registration
            if result.already:
                messages.warning(
                    request,
                    _("%(name)s ist schon seit %(time)s Uhr eingecheckt.")
                    % {
                        "name": person.name,
                        "time": timezone.localtime(person.checked_in_at).strftime("%H:%M"),
                    },
                )
            else:
                messages.success(request, _("%(name)s ist eingecheckt.") % {"name": person.name})
        return redirect(request.path)
    query = request.GET.get("q", "")
    attended = sum(f.attended for f in figures_by_sector(conference))
    return render(
        request,
        "konferenzen/admin/check_in.html",
        {
            "conference": conference,
            "query": query,
            "found": find_for_check_in(conference, query),
            "attended": attended,
            "seats": seat_status(conference),
        },
    )


def seat_tables(request, pk: int):
    """Run the World Café seating; the figures are shown on the overview."""
    require_permission(request, "konferenzen.change_registration")
    conference = get_object_or_404(Conference, pk=pk)
    if request.method != "POST":
        return redirect("konferenzen_admin:overview", pk=conference.pk)
    summary = assign_tables(conference)
    if not summary:
        messages.error(request, _("Diese Konferenz hat keine Thementische."))
    for round_number, counts in summary.items():
        text = _(
            "Runde %(round)d: %(first)d mit erstem Wunsch, %(second)d mit zweitem, "
            "%(third)d mit drittem, %(other)d an einem anderen Tisch."
        ) % {"round": round_number, **counts}
        if counts["unseated"]:
            messages.warning(
                request,
                text
                + " "
                + _("%(n)d ohne Platz: Die Tische haben zu wenige Plätze.")
                % {"n": counts["unseated"]},
            )
        else:
            messages.success(request, text)
    return redirect("konferenzen_admin:overview", pk=conference.pk)
