from wagtail.admin.menu import MenuItem


class PermissionMenuItem(MenuItem):
    """An admin menu entry shown only to those with the permission its page checks."""

    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)
