"""The statements of a theme page: filtered, sorted, counted, paginated, with the reader's votes."""

import hashlib

from django.core.cache import cache
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.utils.translation import get_language

from accounts.services import user_is_verified

from .filters import StatementFilter
from .models import Statement
from .notifications import follows
from .rules import NO_CONSULTATION, consultations, may_take_part, open_proposal_kinds
from .votes import VOTE_BUTTONS, shares, votes_of

PER_PAGE = 20
# Visitors who are not signed in all see the same list; it is rendered once for all of them
# and may show counts up to this many seconds old. Signed-in people always see it live.
ANONYMOUS_CACHE_SECONDS = 30


def theme_statements(request, theme) -> dict:
    windows = consultations()
    context = {
        "following": follows(request.user, theme=theme),
        "proposal_kinds": open_proposal_kinds(windows=windows),
        "consultation_notes": sorted(
            {(n, c.note) for n, c in windows.items() if c.offered}, key=lambda pair: pair[0]
        ),
    }
    key = None
    if not request.user.is_authenticated:
        key = f"participation:theme-list:{theme.pk}:{get_language()}:{query_key(request)}"
        cached = cache.get(key)
        if cached is not None:
            return {**context, "statements_section": cached}
    section = render_to_string(
        "participation/includes/theme_statements.html",
        statement_list(request, theme, windows),
        request=request,
    )
    if key is not None:
        cache.set(key, section, ANONYMOUS_CACHE_SECONDS)
    return {**context, "statements_section": section}


def query_key(request) -> str:
    """The query string, in a fixed order, as a short stable digest for cache keys."""
    query = "&".join(f"{k}={v}" for k, v in sorted(request.GET.lists()))
    return hashlib.sha256(query.encode()).hexdigest()[:24]


def statement_list(request, theme, windows) -> dict:
    base = Statement.objects.public().filter(theme=theme)
    filterset = StatementFilter(request.GET, queryset=base.select_related("sector"))
    counts = filterset.add_counts(base)
    page = Paginator(filterset.qs, PER_PAGE).get_page(request.GET.get("page"))
    statements = list(page.object_list)
    user_is_verified(request.user, request)
    mine = votes_of(request.user, statements)
    for statement in statements:
        consultation = windows.get(statement.stage, NO_CONSULTATION)
        statement.permission = may_take_part(request.user, statement, consultation)
        statement.my_vote = mine.get(statement.pk)
        statement.shares = shares(statement)
    return {
        "filter": filterset,
        "active_filters": active_filters(filterset),
        "page_obj": page,
        "statements": statements,
        "vote_choices": VOTE_BUTTONS,
        "counts": counts,
        "result_count": page.paginator.count,
    }


def active_filters(filterset: StatementFilter) -> int:
    """How many filters the reader set, a sort other than the first visit's counting as one:
    the folded filters say so in their summary."""
    first_visit = StatementFilter({}).data
    return sum(
        1
        for name in filterset.form.fields
        if str(filterset.data.get(name, "")).strip()
        and filterset.data.get(name) != first_visit.get(name)
    )
