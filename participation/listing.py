"""The statements of a theme page: filtered, sorted, counted, paginated, with the reader's votes."""

from django.core.paginator import Paginator

from .filters import StatementFilter
from .models import Statement, StatementState
from .notifications import follows
from .rules import NO_CONSULTATION, consultations, may_take_part, open_proposal_kinds
from .votes import VOTE_BUTTONS, shares, votes_of

PER_PAGE = 20


def theme_statements(request, theme) -> dict:
    base = Statement.objects.public().filter(theme=theme)
    filterset = StatementFilter(request.GET, queryset=base.select_related("sector"))
    counts = filterset.add_counts(base.filter(state=StatementState.PUBLISHED))
    page = Paginator(filterset.qs, PER_PAGE).get_page(request.GET.get("page"))
    statements = list(page.object_list)
    mine = votes_of(request.user, statements)
    windows = consultations()
    for statement in statements:
        consultation = windows.get(statement.stage, NO_CONSULTATION)
        statement.permission = may_take_part(request.user, statement, consultation)
        statement.my_vote = mine.get(statement.pk)
        statement.shares = shares(statement)
    return {
        "filter": filterset,
        "page_obj": page,
        "statements": statements,
        "vote_choices": VOTE_BUTTONS,
        "counts": counts,
        "result_count": page.paginator.count,
        "following": follows(request.user, theme=theme),
        "proposal_kinds": open_proposal_kinds(),
        "consultation_notes": sorted(
            {(n, c.note) for n, c in windows.items() if c.offered}, key=lambda pair: pair[0]
        ),
    }
