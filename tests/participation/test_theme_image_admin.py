"""Editors give a theme its image in the Wagtail admin: a photo with its alternative text, or
an SVG pictogram without one; the overview and the theme page show it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from participation.pictograms import pictogram_svg
from tests import factories


def upload(client, name: str, content: bytes, content_type: str):
    return client.post(
        "/admin/images/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, content, content_type=content_type),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def theme_form(page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "theme": page.theme_id,
        "teaser": page.teaser,
        "intro": rich_text(""),
        "image": "",
        "image_alt": "",
        "body": streamfield([]),
        "action-publish": "publish",
    }
    data.update(changes)
    return nested_form_data(data)


def test_an_editor_uploads_an_svg_pictogram_and_gives_it_to_a_theme(client, editor, process):
    page = factories.theme_page("Mobilität")
    client.force_login(editor)
    response = upload(client, "bus.svg", pictogram_svg("mobilitaet").encode(), "image/svg+xml")
    assert response.status_code == 302, response.content.decode()[:1500]
    image = get_image_model().objects.get(title="bus.svg")
    assert image.is_svg() and (image.width, image.height) == (320, 160)

    response = client.post(f"/admin/pages/{page.pk}/edit/", theme_form(page, image=image.pk))
    assert response.status_code == 302, response.content.decode()[:1500]

    html = client.get("/themen/").content.decode()
    assert 'alt=""' in html and ".svg" in html
    assert "/media/images/bus" in client.get(page.url).content.decode()


def test_an_editor_describes_a_photo_in_its_alternative_text(client, editor, process):
    from wagtail.images.tests.utils import get_test_image_file

    page = factories.theme_page("Wohnen")
    image = get_image_model().objects.create(title="Neubau", file=get_test_image_file())
    client.force_login(editor)
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        theme_form(page, image=image.pk, image_alt="Neue Wohnhäuser am Phoenix-See"),
    )
    assert response.status_code == 302, response.content.decode()[:1500]
    assert 'alt="Neue Wohnhäuser am Phoenix-See"' in client.get("/themen/").content.decode()
    assert 'alt="Neue Wohnhäuser am Phoenix-See"' in client.get(page.url).content.decode()


def test_a_file_that_is_no_image_is_refused_next_to_the_field(client, editor, process):
    client.force_login(editor)
    response = upload(client, "bus.svg", b"kein Bild", "image/svg+xml")
    assert response.status_code == 200
    html = response.content.decode()
    field = html[html.index('data-contentpath="file"') :][:1500]
    assert "Bitte ein gültiges Bild hochladen." in field
    assert "SVG" in field  # the supported formats, named beside the field
    assert not get_image_model().objects.filter(title="bus.svg").exists()


@pytest.mark.parametrize("roles", [["Moderation"], []])
def test_people_without_the_editors_role_cannot_upload_images(client, process, roles):
    client.force_login(factories.UserFactory(roles=roles))
    response = upload(client, "bus.svg", pictogram_svg("mobilitaet").encode(), "image/svg+xml")
    assert response.status_code in (302, 403)
    assert not get_image_model().objects.filter(title="bus.svg").exists()


def test_the_image_panel_explains_the_alternative_text(client, editor, process):
    page = factories.theme_page("Klima")
    client.force_login(editor)
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Leer: Das Bild ist dekorativ." in html
    assert 'name="image_alt"' in html
