"""Using the site with the keyboard alone, as a person without a mouse does.

Only `page.keyboard` moves the focus and acts: Tab and Shift+Tab, Enter, Space, the arrow
keys, and typing into the focused field. Nothing is clicked or filled by script and nothing
is focused by script. Every stop on the way must show where the focus is.
"""

from playwright.sync_api import Locator, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

# How a focused element shows its focus: KERN draws an outline (4 px), our site.css one of
# 3 px for everything else; a box shadow (KERN's checkboxes with errors) counts too.
FOCUS_SHOWN = """() => {
    const style = getComputedStyle(document.activeElement);
    return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2)
        || style.boxShadow !== "none";
}"""
# The focused element lies at least partly inside the window, where the browser scrolled it
# (KERN scrolls smoothly, so this may take a moment).
FOCUS_IN_VIEW = """() => {
    const box = document.activeElement.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
        && box.top < window.innerHeight && box.left < window.innerWidth;
}"""

DESCRIBE_FOCUS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "(nichts)";
    const text = (el.getAttribute("aria-label") || el.innerText || el.value || el.name || "")
        .trim().replace(/\\s+/g, " ").slice(0, 40);
    return `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""} „${text}“`;
}"""


def tab_to(
    page: Page,
    target: Locator | str,
    name: str | None = None,
    *,
    exact: bool = True,
    limit: int = 60,
    backwards: bool = False,
) -> Locator:
    """Press Tab (or Shift+Tab) until `target` has the focus and return it.

    `target` is a locator, or a role with its accessible `name`
    (`tab_to(page, "button", "Anmelden")`). Fails after `limit` presses, naming the stops on
    the way, and fails when the focused element shows no visible focus indicator.
    """
    if isinstance(target, str):
        target = page.get_by_role(target, name=name, exact=exact)
    handles = target.element_handles()
    assert handles, f"nothing on {page.url} matches {target}"
    key = "Shift+Tab" if backwards else "Tab"
    stops = []
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate("els => els.includes(document.activeElement)", handles):
            assert_focus_visible(page)
            return target
        stops.append(page.evaluate(DESCRIBE_FOCUS))
    raise AssertionError(
        f"{limit} × {key} on {page.url} did not reach {target}; the focus went: "
        + " → ".join(stops)
    )


def assert_focus_visible(page: Page) -> None:
    where = page.evaluate(DESCRIBE_FOCUS)
    assert page.evaluate(FOCUS_SHOWN), f"no visible focus indicator on {where}"
    try:
        page.wait_for_function(FOCUS_IN_VIEW, timeout=2_000)
    except PlaywrightTimeoutError:
        raise AssertionError(f"the focused {where} stays outside the window") from None


def type_into(page: Page, field: Locator, text: str, *, replace: bool = False) -> None:
    """Tab to a field and type, as a person does; `replace` first selects what is there."""
    tab_to(page, field)
    if replace:
        page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type(text)


def press_on(
    page: Page,
    target: Locator | str,
    name=None,
    *,
    key: str = "Enter",
    navigates: bool = False,
    **options,
) -> Locator:
    """Tab to a link or button and press Enter (or Space on a checkbox or radio button);
    with `navigates`, wait for the page it leads to."""
    found = tab_to(page, target, name, **options)
    if navigates:
        with page.expect_navigation():
            page.keyboard.press(key)
    else:
        page.keyboard.press(key)
    return found


def sign_in(page: Page, email: str, password: str) -> None:
    """Sign in through the form: from the header's link, typing, Enter on the button."""
    page.goto(page.base_url + "/")
    press_on(page, "link", "Anmelden", navigates=True)
    type_into(page, page.get_by_label("E-Mail"), email)
    type_into(page, page.get_by_label("Passwort", exact=True), password)
    press_on(page, "button", "Anmelden", navigates=True)


def choose(page: Page, radio: Locator) -> None:
    """Choose a radio button as the keyboard does: Tab into its group, arrows to it."""
    name = radio.get_attribute("name")
    tab_to(page, page.locator(f'input[type="radio"][name="{name}"]'))
    for _ in range(page.locator(f'input[type="radio"][name="{name}"]').count()):
        if radio.is_checked():
            break
        page.keyboard.press("ArrowDown")
    assert radio.is_checked(), f"the arrow keys did not reach {radio}"
    assert_focus_visible(page)
