from functools import wraps

from django.contrib import messages
from django.db.models import Prefetch
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.services import verified_emails
from config.ratelimit import client_ip
from config.refusals import Refused, show

from . import links
from .forms import RegistrationDetailsForm, RegistrationForm
from .mails import ticket_attachments
from .models import Conference, Registration, RegistrationStatus, TableSeat
from .registrations import (
    STALE_REGISTRATION,
    active_registration,
    cancel,
    change,
    confirm,
    register,
    registration_window,
    seat_status,
    waiting_position,
)
from .tickets import checkin_qr_svg


def _conference(slug: str) -> Conference:
    return get_object_or_404(Conference.objects.prefetch_related("tables", "quotas"), slug=slug)


@require_http_methods(["GET", "POST"])
def registration_create(request, slug: str):
    conference = _conference(slug)
    window = registration_window(conference)
    context = {"conference": conference, "window": window, "seats": seat_status(conference)}
    if request.user.is_authenticated:
        # Someone already registered gets the way to their registration, not a second form
        # (which would only mail them the link once more).
        registration = active_registration(
            conference=conference, user=request.user, emails=verified_emails(request.user)
        )
        if registration is not None:
            context["registration"] = registration
            context["manage_url"] = links.manage_url(registration, absolute=False)
            return render(request, "konferenzen/register.html", context)
    if not window.is_open:
        return render(request, "konferenzen/register.html", context, status=403)
    status = 200
    if request.method == "POST":
        form = RegistrationForm(request.POST, conference=conference)
        if form.is_valid():
            try:
                register(
                    conference=conference,
                    email=form.cleaned_data["email"],
                    details=form.details(),
                    preferences=form.preferences(),
                    user=request.user,
                    language=get_language(),
                    client_ip=client_ip(request),
                )
            except Refused as refused:
                if refused.rate_limited and "application/json" in request.headers.get("Accept", ""):
                    return JsonResponse({"error": refused.message}, status=429)
                status = show(request, refused, form)
            else:
                request.session["konferenzen:registered"] = form.cleaned_data["email"]
                return redirect("konferenzen:registered", slug=conference.slug)
    else:
        user = request.user
        initial = {"name": user.display_name, "email": user.email} if user.is_authenticated else {}
        form = RegistrationForm(conference=conference, initial=initial)
    context["form"] = form
    return render(request, "konferenzen/register.html", context, status=status)


def registration_sent(request, slug: str):
    conference = _conference(slug)
    email = request.session.get("konferenzen:registered", "")
    return render(
        request,
        "konferenzen/registered.html",
        {
            "conference": conference,
            "email": email,
            "hours": int(links.CONFIRM_WITHIN.total_seconds() // 3600),
        },
    )


def _bad_link(request, error: links.BadLink | None = None):
    expired = bool(error and error.expired)
    return render(
        request,
        "konferenzen/bad_link.html",
        {"expired": expired, "hours": int(links.CONFIRM_WITHIN.total_seconds() // 3600)},
        status=410 if expired else 400,
    )


@require_http_methods(["GET", "POST"])
def registration_confirm(request, token: str):
    # The link only shows a button: mail scanners open links, and only a person's click
    # may confirm.
    try:
        target = links.read(token, salt=links.CONFIRM_SALT, max_age=links.CONFIRM_WITHIN)
    except links.BadLink as error:
        return _bad_link(request, error)
    linked = Registration.objects.select_related("conference").filter(
        pk=target.registration_id, secret=target.secret
    )
    if request.method == "POST":
        try:
            confirmation = confirm(registration_id=target.registration_id, secret=target.secret)
        except Refused as refused:
            registration = linked.first()
            if registration is None:
                return _bad_link(request)
            return render(
                request,
                "konferenzen/confirm.html",
                {"registration": registration, "refusal": refused.message},
                status=409,
            )
        registration = confirmation.registration
        if registration.status == RegistrationStatus.CONFIRMED:
            messages.success(
                request, _("Danke! Ihre Anmeldung ist bestätigt, Ihr Platz ist sicher.")
            )
        else:
            messages.info(
                request,
                _(
                    "Danke! Alle Plätze sind vergeben; Sie stehen auf der Warteliste auf "
                    "Platz %(n)d."
                )
                % {"n": confirmation.position},
            )
        return redirect(links.manage_url(registration, absolute=False))
    registration = linked.first()
    if registration is None:
        return _bad_link(request)
    if registration.status in (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING):
        return redirect(links.manage_url(registration, absolute=False))
    if registration.status != RegistrationStatus.PENDING:
        return render(
            request,
            "konferenzen/confirm.html",
            {"registration": registration, "refusal": _(STALE_REGISTRATION)},
            status=409,
        )
    return render(request, "konferenzen/confirm.html", {"registration": registration})


def self_service(view):
    """Resolve the self-service link to its registration, or answer with the page that says
    what to do about a broken or outdated link."""

    @wraps(view)
    def wrapped(request, token: str):
        try:
            target = links.read(token, salt=links.MANAGE_SALT)
        except links.BadLink as error:
            return _bad_link(request, error)
        registration = (
            Registration.objects.select_related("conference")
            .prefetch_related(
                Prefetch(
                    "seats", queryset=TableSeat.objects.select_related("table").order_by("round")
                )
            )
            .filter(pk=target.registration_id, secret=target.secret, anonymised_at__isnull=True)
            .first()
        )
        if registration is None:
            return _bad_link(request)
        return view(request, registration, token)

    return wrapped


@require_http_methods(["GET", "POST"])
@self_service
def registration_manage(request, registration: Registration, token: str):
    conference = registration.conference
    active = registration.status in (
        RegistrationStatus.PENDING,
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.WAITING,
    )
    form = None
    if active:
        if request.method == "POST":
            form = RegistrationDetailsForm(
                request.POST, instance=registration, conference=conference
            )
            if form.is_valid():
                try:
                    change(
                        registration=registration,
                        details=form.details(),
                        preferences=form.preferences(),
                    )
                except Refused as refused:
                    show(request, refused, form)
                else:
                    messages.success(request, _("Ihre Änderungen sind gespeichert."))
                    return redirect(request.path)
        else:
            form = RegistrationDetailsForm(instance=registration, conference=conference)
    elif request.method == "POST":
        return redirect(request.path)
    return render(
        request,
        "konferenzen/manage.html",
        {
            "registration": registration,
            "conference": conference,
            "form": form,
            "position": waiting_position(registration),
            "qr_svg": _qr(registration),
            "token": token,
        },
    )


def _qr(registration: Registration) -> str:
    if registration.status != RegistrationStatus.CONFIRMED:
        return ""

    return checkin_qr_svg(
        registration.checkin_code,
        title=_("QR-Code für den Check-in: %(code)s") % {"code": registration.checkin_code},
    )


@require_http_methods(["GET", "POST"])
@self_service
def registration_cancel(request, registration: Registration, token: str):
    if request.method == "POST":
        cancel(registration=registration)
        messages.success(
            request, _("Sie haben abgesagt. Danke, dass Sie Ihren Platz freigegeben haben.")
        )
        return redirect("konferenzen:manage", token=token)
    return render(
        request,
        "konferenzen/cancel.html",
        {"registration": registration, "conference": registration.conference, "token": token},
    )


@self_service
def registration_calendar(request, registration: Registration, token: str):
    if registration.status != RegistrationStatus.CONFIRMED:
        return _bad_link(request)

    filename, content, content_type = ticket_attachments(registration)[0]
    response = HttpResponse(content, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
