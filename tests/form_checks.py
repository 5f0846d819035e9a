"""What every public form promises (issue 15): KERN's markup, and after a failed submit an
error summary first, focused, with a link to each field in error; the title begins with
"Fehler:" and nothing typed is lost. Used by the form tests of each app."""

from bs4 import BeautifulSoup

CONTROLS = ("input", "select", "textarea")


def soup(response) -> BeautifulSoup:
    assert response.status_code < 500, response.status_code
    return BeautifulSoup(response.content.decode(), "lxml")


def main_form(page: BeautifulSoup, index: int = 0):
    forms = [form for form in page.select("main form") if form.get("method", "").lower() == "post"]
    return forms[index]


def assert_kern_markup(page: BeautifulSoup) -> None:
    """Every visible control of the page's forms is dressed as KERN documents it: text
    inputs, selects and text areas in a kern-form-input with a kern-label; radios and
    checkboxes with kern-form-check__radio/__checkbox beside a label in a kern-form-check;
    a group of them in a kern-fieldset whose legend comes first and whose options are in
    kern-fieldset__body."""
    controls = [
        control
        for control in page.select("main form " + ", main form ".join(CONTROLS))
        if control.get("type") not in ("hidden", "submit")
    ]
    assert controls, "no form controls"
    for control in controls:
        kind = control.get("type", control.name)
        if control.find_parent(class_="vote-form"):
            continue
        if kind in ("radio", "checkbox"):
            assert f"kern-form-check__{kind}" in control.get("class", []), control
            check = control.find_parent(class_="kern-form-check")
            assert check is not None, control
            assert check.find("label", class_="kern-label", attrs={"for": control["id"]})
        else:
            wrapper = control.find_parent(class_="kern-form-input")
            assert wrapper is not None, control
            label = wrapper.find("label", attrs={"for": control["id"]})
            assert label is not None and "kern-label" in label["class"], control
        if kind == "radio":
            fieldset = control.find_parent("fieldset")
            assert "kern-fieldset" in fieldset["class"], control
            assert control.find_parent(class_="kern-fieldset__body") is not None
    for fieldset in page.select("main form fieldset.kern-fieldset"):
        children = [child for child in fieldset.children if getattr(child, "name", None)]
        assert children[0].name == "legend", fieldset
        body = fieldset.find(class_="kern-fieldset__body", recursive=False)
        assert body is not None, f"options or fields outside kern-fieldset__body: {fieldset}"


def assert_error_summary(response, *, fields: set[str] | None = None, non_field: int = 0):
    """The summary of a failed submit; returns the ids its links point at.

    `fields` are the names of the fields expected in error (each error is one entry),
    `non_field` the number of the form's own errors listed without a link."""
    page = soup(response)
    title = page.title.get_text()
    assert title.startswith("Fehler: "), title
    summary = page.select_one("[data-error-summary]")
    assert summary is not None, "no error summary"
    assert summary.get("tabindex") == "-1"
    assert summary.has_attr("autofocus")
    assert len(page.select("[autofocus]")) == 1, "one element only may take the focus"
    links = summary.select("a[href^='#']")
    anchors = [link["href"][1:] for link in links]
    # Before every control of its form, so that it is read and seen first.
    form = summary.find_parent("form") or summary.find_next("form", attrs={"method": "post"})
    if anchors and page.find(id=anchors[0]) is not None:
        form = page.find(id=anchors[0]).find_parent("form")
    first_control = next(
        control for control in form.find_all(CONTROLS) if control.get("type") != "hidden"
    )
    positions = {id(element): n for n, element in enumerate(page.descendants)}
    assert positions[id(summary)] < positions[id(first_control)]
    for anchor in anchors:
        target = page.find(id=anchor)
        assert target is not None, f"the summary links to #{anchor}, which is not on the page"
        assert target.name in CONTROLS, target
    if fields is not None:
        named = {page.find(id=anchor).get("name") for anchor in anchors}
        assert named == fields, named
        unlinked = len(summary.select("li")) - len(links)
        assert unlinked == non_field, summary
    return anchors


def value_of(page: BeautifulSoup, name: str):
    control = page.select_one(f"main form [name='{name}']")
    if control.name == "textarea":
        # HTML drops the newline that opens a text area's content; lxml keeps it.
        return control.get_text().removeprefix("\n")
    if control.name == "select":
        chosen = control.select_one("option[selected]")
        return chosen["value"] if chosen else ""
    if control.get("type") in ("radio", "checkbox"):
        checked = page.select_one(f"main form [name='{name}'][checked]")
        return checked.get("value", "on") if checked else None
    return control.get("value", "")
