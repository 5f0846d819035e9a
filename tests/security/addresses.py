"""A real address for every route: its parameters filled with objects of the test site.

Objects belong to someone else than the person asking wherever that matters (another
person's registration, comment, proposal); ids that name nothing (an upload that never
happened) are 999999, and the table expects 404 for them.
"""

from django.apps import apps
from wagtail.models import Revision

from konferenzen import links
from participation.notifications import unsubscribe_token

from .routes import Route, fill

NOTHING = 999999

# Routes written as regular expressions: their address by hand.
REGEX_ADDRESSES = {
    "documents/^(\\d+)/(.*)$": lambda o: o.document.url,
    "oparl/v1.1/^file/(?P<number>[0-9]+)-(?P<kind>pdf|docx)/$": lambda o: (
        f"/oparl/v1.1/file/{o.published_version.number}-pdf/"
    ),
    "oparl/v1.1/^meeting/(?P<day>[0-9]{4}-[0-9]{2}-[0-9]{2})/$": lambda o: (
        f"/oparl/v1.1/meeting/{o.decision.meeting_date.isoformat()}/"
    ),
    "oparl/v1.1/^.*/$": lambda o: "/oparl/v1.1/gibt-es-nicht/",
    "konto/^confirm-email/(?P<key>[-:\\w]+)/$": lambda o: "/konto/confirm-email/falsch/",
    "konto/^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$": lambda o: (
        "/konto/password/reset/key/1-falsch/"
    ),
    "^((?:[\\w\\-]+/)*)$": lambda o: o.content_page.url,
    "admin/pages/^(?P<pk>\\d+)/revisions/compare/(?P<revision_id_a>live|earliest|\\d+)\\.\\.\\."
    "(?P<revision_id_b>live|latest|\\d+)/$": lambda o: (
        f"/admin/pages/{o.draft_page.pk}/revisions/compare/earliest...latest/"
    ),
    "admin/^.*/$": lambda o: "/admin/gibt-es-nicht/",
}


def _model_from_namespace(name: str):
    """`wagtailsnippets_zielbilder_keyfigure:edit` → the KeyFigure model."""
    namespace = name.split(":")[0]
    for prefix in ("wagtailsnippets_", "wagtailsnippetchoosers_"):
        if namespace.startswith(prefix):
            app_label, model_name = namespace[len(prefix) :].split("_", 1)
            return apps.get_model(app_label, model_name)
    return None


def _pk(route: Route, o) -> int:
    model = _model_from_namespace(route.name)
    if model is not None:
        return model.objects.order_by("pk").first().pk
    namespace = route.name.split(":")[0]
    by_namespace = {
        "outbox": o.mail,
        "wagtailusers_users": o.neighbour,
        "wagtailusers_groups": o.group,
        "wagtailsites": o.wagtail_site,
        "wagtailadmin_collections": o.collection,
        "konferenzen_admin": o.conference,
        "oparl": o.decision,
    }
    if namespace in by_namespace:
        return by_namespace[namespace].pk
    by_name = {
        "participation_admin:comment": o.others_comment,
        "participation_admin:proposal": o.others_proposal,
        "umsetzung_admin:field_projects": o.field,
        "umsetzung_admin:field_projects_rank": o.field,
        "umsetzung_admin:report_key_figure": o.key_figure,
        "umsetzung_admin:report_project": o.project,
        "umsetzung_admin:add_milestone": o.project,
        "umsetzung_admin:reach_milestone": o.project,
        "participation:statement": o.statement,
        "participation:vote": o.statement,
        "participation:comment_create": o.statement,
        "participation:follow": o.statement,
        "participation:comment_edit": o.others_comment,
        "participation:comment_delete": o.others_comment,
        "participation:comment_flag": o.others_comment,
        "participation:proposal_flag": o.others_proposal,
        "umsetzung:key_figure": o.key_figure,
    }
    if route.name in by_name:
        return by_name[route.name].pk
    return NOTHING  # workflows and tasks: none is made in the test site


def _slug(route: Route, o) -> str:
    if route.name.startswith("konferenzen:"):
        return o.conference.slug
    if route.name == "strategie:field":
        return o.field.slug
    return o.theme.slug


def _token(route: Route, o) -> str:
    if route.name == "konferenzen:confirm":
        return links.confirm_url(o.others_registration, absolute=False).split("/")[-2]
    if route.name.startswith("konferenzen:"):
        return links.manage_url(o.others_registration, absolute=False).split("/")[-2]
    if route.name == "participation:unsubscribe":
        return unsubscribe_token(o.neighbour, "replies")
    return "falsch"


def _model_pair(route: Route) -> tuple[str, str]:
    model = _model_from_namespace(route.name)
    if model is not None:
        return model._meta.app_label, model._meta.model_name
    if route.name.startswith("wagtailsettings:"):
        return "cms", "footersettings"
    if route.name == "wagtailadmin_workflows:add_task":
        return "wagtailcore", "groupapprovaltask"
    if route.name == "wagtail_bulk_action":
        return "wagtailcore", "page"
    if route.name.startswith("wagtailadmin_editing_sessions"):
        return "wagtailcore", "page"
    return "cms", "contentpage"


def address(route: Route, o) -> str:
    if route.route in REGEX_ADDRESSES:
        return REGEX_ADDRESSES[route.route](o)
    app_label, model_name = _model_pair(route)
    page = o.draft_page
    values = {
        "pk": _pk(route, o),
        "page_id": page.pk,
        "parent_page_id": o.home.pk,
        "page_to_move_id": page.pk,
        "page_pk": page.pk,
        "destination_id": o.stage.pk,
        "revision_id": _revision(route, o),
        "task_state_id": NOTHING,
        "workflow_state_id": NOTHING,
        "workflow_pk": NOTHING,
        "task_id": NOTHING,
        "action_name": "approve",
        "number": o.published_version.number,
        "kind": "pdf",
        # "Meine Beteiligung": the full list of one's votes.
        "key": "bewertungen",
        "slug": _slug(route, o),
        "token": _token(route, o),
        "content_type_app_name": app_label,
        "content_type_model_name": model_name,
        "app_label": app_label,
        "app_name": app_label,
        "model_name": model_name,
        "action": "delete",
        "object_id": page.pk,
        "session_id": NOTHING,
        "image_id": o.image.pk,
        "document_id": o.document.pk,
        "doc_id": o.document.pk,
        "uploaded_file_id": NOTHING,
        "filter_spec": "original",
        "collection_id": o.collection.pk,
        "redirect_id": NOTHING,
        "restriction_id": NOTHING,
        "page_view_restriction_id": NOTHING,
        "uidb64": "MQ",
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "day": o.decision.meeting_date.isoformat(),
        "translation_id": o.translation.pk,
        "translation_source_id": o.translation.source_id,
        "string_segment_id": o.string_segment.pk,
        "overridable_segment_id": NOTHING,
        "mode": "gibt-es-nicht",
        # What follows an address that moved (config.urls redirects it).
        "rest": "edit/1/",
        "milestone": o.milestone.pk,
    }
    return fill(route.route, values)


def _revision(route: Route, o) -> int:
    model = _model_from_namespace(route.name)
    if model is not None:
        instance = model.objects.order_by("pk").first()
        revision = Revision.objects.for_instance(instance).order_by("-pk").first()
        return revision.pk if revision else NOTHING
    return o.page_revision.pk
