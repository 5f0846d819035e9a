from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from ..forms import NotificationSettingsForm
from ..models import Follow, NotificationSettings, Theme
from ..notifications import (
    follow_toggle,
    read_unsubscribe_token,
    settings_of,
    unsubscribe,
)
from .helpers import back, login_first
from .statements import public_statement


@require_POST
def follow_theme(request, slug: str):
    theme = get_object_or_404(Theme, slug=slug)
    fallback = theme.page.url if theme.page is not None else "/"
    if not request.user.is_authenticated:
        return login_first(request, fallback)
    now_following = follow_toggle(user=request.user, theme=theme)
    messages.success(
        request,
        _("Sie folgen jetzt dem Thema %(theme)s.") % {"theme": theme}
        if now_following
        else _("Sie folgen dem Thema %(theme)s nicht mehr.") % {"theme": theme},
    )
    return back(request, fallback)


@require_POST
def follow_statement(request, pk: int):
    statement = public_statement(pk)
    if not request.user.is_authenticated:
        return login_first(request, statement.get_absolute_url())
    now_following = follow_toggle(user=request.user, statement=statement)
    messages.success(
        request,
        _("Sie folgen jetzt dieser Aussage.")
        if now_following
        else _("Sie folgen dieser Aussage nicht mehr."),
    )
    return back(request, statement.get_absolute_url())


@login_required
def notification_settings(request):
    form = NotificationSettingsForm(request.POST or None, instance=settings_of(request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Ihre Einstellungen wurden gespeichert."))
        return redirect("participation:notifications")
    follows = (
        Follow.objects.filter(user=request.user)
        .select_related("theme", "statement__theme")
        .order_by("-created_at")[:200]
    )
    return render(request, "participation/notifications.html", {"form": form, "follows": follows})


# Mail programs send the one-click POST of RFC 8058 without a CSRF token; the signed token
# in the address is what authorises it.
@csrf_exempt
def unsubscribe_link(request, token: str):
    found = read_unsubscribe_token(token)
    user = None
    if found:
        user = get_user_model().objects.filter(pk=found[0], is_active=True).first()
    if user is None:
        return render(request, "participation/unsubscribe.html", {"invalid": True}, status=400)
    kind = found[1]
    done = request.method == "POST"
    if done:
        unsubscribe(user, kind)
    label = NotificationSettings._meta.get_field(kind).verbose_name
    return render(
        request, "participation/unsubscribe.html", {"done": done, "label": label, "token": token}
    )
