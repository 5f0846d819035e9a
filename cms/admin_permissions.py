"""The one check every hand-written admin view makes before it does anything."""

from django.core.exceptions import PermissionDenied
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views import chooser, snippets


def require_permission(request, permission: str) -> None:
    """Refuse the request unless its user holds the permission.

    Wagtail turns the PermissionDenied of an admin view into a redirect to the dashboard with a
    message, so a refused editor sees why instead of a bare error page.
    """
    if not request.user.has_perm(permission):
        raise PermissionDenied


class _OnlyWithRightsOnTheModel:
    """Wagtail's chooser views ask only for access to the admin: without this, anyone with an
    admin role could list every object of every snippet model through its chooser (the
    conference registrations with names and addresses, draft Zielbilder, office
    memberships). A chooser is for people who work with the model."""

    def dispatch(self, request, *args, **kwargs):
        model = getattr(self, "model_class", None) or self.model
        if not ModelPermissionPolicy(model).user_has_any_permission(request.user, CHOOSER_ACTIONS):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


CHOOSER_ACTIONS = ["add", "change", "delete", "view", "publish"]


class PermittedSnippetChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = type("ChooseView", (_OnlyWithRightsOnTheModel, chooser.ChooseView), {})
    choose_results_view_class = type(
        "ChooseResultsView", (_OnlyWithRightsOnTheModel, chooser.ChooseResultsView), {}
    )
    chosen_view_class = type(
        "SnippetChosenView", (_OnlyWithRightsOnTheModel, chooser.SnippetChosenView), {}
    )
    chosen_multiple_view_class = type(
        "SnippetChosenMultipleView",
        (_OnlyWithRightsOnTheModel, chooser.SnippetChosenMultipleView),
        {},
    )
    create_view_class = type(
        "SnippetCreateView", (_OnlyWithRightsOnTheModel, chooser.SnippetCreateView), {}
    )


class SnippetViewSet(snippets.SnippetViewSet):
    """Wagtail's snippet viewset whose chooser is only for those with rights on the model.
    Every snippet of the platform is registered through this one."""

    chooser_viewset_class = PermittedSnippetChooserViewSet
