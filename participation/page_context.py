"""What the themes' pages show beyond their own fields: the cards of the index with their
figures and input windows, and a theme's statements with their filters. Added through the
hook "page_context:<model>" (registered in participation.wagtail_hooks; see
cms.models.ContextFromHooks), so that the page models import none of the services that read
them."""

from .listing import theme_statements
from .models import ThemePage
from .rules import collecting, consultations
from .theme_figures import input_window, theme_figures


def theme_index_page(index, request, context) -> None:
    pages = list(
        ThemePage.objects.live()
        .child_of(index)
        .select_related("theme", "image")
        .prefetch_related("image__renditions")
        .order_by("theme__sort_order", "title")
    )
    figures = theme_figures(page.theme_id for page in pages)
    windows = consultations()
    proposals = collecting().values()
    for page in pages:
        page.figures = figures[page.theme_id]
        page.input_window = input_window(page.figures.stages, windows, proposals=proposals)
    context["theme_pages"] = pages


def theme_page(page, request, context) -> None:
    context.update(theme_statements(request, page.theme))


# Which page each adds to, by the model's label.
PAGES = {
    "participation.themeindexpage": theme_index_page,
    "participation.themepage": theme_page,
}
