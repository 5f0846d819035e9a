from wagtail import views as wagtail_views

from .sitecache import remember_route


class CachedPageRouting:
    """Routes Wagtail's page requests through `cms.sitecache`, ahead of Wagtail's own lookup."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_views.serve and request.method in ("GET", "HEAD"):
            path = view_args[0] if view_args else view_kwargs.get("path", "")
            remember_route(request, path)
