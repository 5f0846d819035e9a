from wagtail import hooks
from wagtail.users.views.bulk_actions.delete import DeleteBulkAction

from .deletion import account_delete


# Registered after Wagtail's own (order), so that it replaces it.
@hooks.register("register_bulk_action", order=100)
class AnonymisingDeleteBulkAction(DeleteBulkAction):
    """Deleting several accounts at once in the admin: each as accounts.deletion does."""

    def get_execution_context(self):
        return {**super().get_execution_context(), "by": self.request.user}

    @classmethod
    def execute_action(cls, objects, by=None, **kwargs):
        for user in objects:
            account_delete(user=user, by=by)
        return len(objects), 0
