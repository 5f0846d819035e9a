from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask


class FourEyesApprovalTask(AbstractGroupApprovalTask):
    """Group approval in which nobody approves their own change.

    Whoever submitted the change, or wrote the revision under review, gets no approve or
    reject action; the admin refuses such a request on the server (Wagtail checks
    `get_actions` before it runs an action).
    """

    def is_author(self, obj, user) -> bool:
        state = obj.current_workflow_state
        if state is None:
            return False
        if state.requested_by_id == user.pk:
            return True
        task_state = state.current_task_state
        revision = task_state.revision if task_state else None
        return revision is not None and revision.user_id == user.pk

    def get_actions(self, obj, user):
        if self.is_author(obj, user):
            return []
        return super().get_actions(obj, user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        return (
            super()
            .get_task_states_user_can_moderate(user, **kwargs)
            .exclude(workflow_state__requested_by=user)
            .exclude(revision__user=user)
        )

    @classmethod
    def get_description(cls):
        return _("Eine andere Person der gewählten Gruppen muss freigeben (Vier-Augen-Prinzip).")

    class Meta:
        verbose_name = _("Vier-Augen-Freigabe")
        verbose_name_plural = _("Vier-Augen-Freigaben")
