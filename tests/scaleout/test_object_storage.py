"""With S3_BUCKET set, uploads live in an S3-compatible object store that every web and worker
process shares: images and documents uploaded in the Wagtail admin, image renditions, and the
council paper's files. Tested against moto's in-process S3 on a MinIO-like endpoint, without
the internet: the objects land in the bucket under their prefixes, and the pages that link
them work – documents through Wagtail's privacy check and a signed URL, the council paper
only through its permission-checked view."""

import io
import os
import re

# moto answers for this endpoint as for AWS's own (read when moto is imported).
ENDPOINT = "http://objectstore.test:9000"
os.environ.setdefault("MOTO_S3_CUSTOM_ENDPOINTS", ENDPOINT)

import boto3  # noqa: E402
import pytest  # noqa: E402
import requests  # noqa: E402
from django.core.files.storage import storages  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from moto import mock_aws  # noqa: E402
from PIL import Image as PILImage  # noqa: E402
from wagtail.documents import get_document_model  # noqa: E402
from wagtail.images import get_image_model  # noqa: E402
from wagtail.models import Collection, CollectionViewRestriction  # noqa: E402

from cms.models import ContentPage  # noqa: E402
from config.settings.storage import object_storage_settings  # noqa: E402
from tests import factories  # noqa: E402

pytestmark = pytest.mark.django_db
BUCKET = "stadtgespraech-media"
REGION = "eu-central-1"
PAPER_FORM = {
    "title": "Strategie „Unser Dortmund“",
    "paper_number": "12345-26",
    "proposed_resolution": "Der Rat beschließt die Stadtstrategie.",
}


def use_object_storage(monkeypatch, settings, **extra) -> None:
    environment = {
        "S3_BUCKET": BUCKET,
        "S3_ENDPOINT_URL": ENDPOINT,
        "S3_REGION": REGION,
        "S3_ACCESS_KEY_ID": "stadtgespraech",
        "S3_SECRET_ACCESS_KEY": "geheim-nur-fuer-tests",
        "S3_ADDRESSING_STYLE": "path",
        **extra,
    }
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    # The settings production builds from that environment (config/settings/storage.py).
    for name, value in object_storage_settings(settings.STORAGES["staticfiles"]).items():
        setattr(settings, name, value)
    # Wagtail resolves the renditions' storage once, when its models load.
    rendition_file = get_image_model().get_rendition_model()._meta.get_field("file")
    monkeypatch.setattr(rendition_file, "storage", storages["renditions"])


@pytest.fixture
def bucket(monkeypatch, settings):
    with mock_aws():
        client = boto3.client(
            "s3",
            endpoint_url=ENDPOINT,
            region_name=REGION,
            aws_access_key_id="stadtgespraech",
            aws_secret_access_key="geheim-nur-fuer-tests",
        )
        client.create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION}
        )
        use_object_storage(monkeypatch, settings)
        yield client


def keys(client, prefix: str = "") -> list[str]:
    listed = client.list_objects_v2(Bucket=BUCKET, Prefix=prefix)
    return sorted(item["Key"] for item in listed.get("Contents", []))


def png(name="rathaus.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 360), (0, 90, 160)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def pdf(name="protokoll.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4\n% Protokoll der Werkstatt\n", "application/pdf")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def upload_image(client) -> object:
    response = client.post(
        "/admin/images/add/",
        {"title": "Rathaus", "file": png(), "collection": Collection.get_first_root_node().pk},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return get_image_model().objects.get(title="Rathaus")


def upload_document(client, collection=None) -> object:
    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Protokoll",
            "file": pdf(),
            "collection": (collection or Collection.get_first_root_node()).pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return get_document_model().objects.get(title="Protokoll")


def page_with(image=None, document=None) -> ContentPage:
    body = []
    if image is not None:
        body.append(
            {
                "type": "figure",
                "value": {
                    "image": {"image": image.pk, "decorative": False, "alt_text": "Das Rathaus"},
                    "caption": "Das Rathaus",
                },
            }
        )
    if document is not None:
        body.append({"type": "document", "value": {"document": document.pk, "title": ""}})
    return factories.publish(
        factories.home_page(), ContentPage(title="Unterlagen", slug="unterlagen", body=body)
    )


def test_an_image_uploaded_in_the_admin_lies_in_the_bucket_and_the_page_shows_it(
    bucket, editor_client
):
    image = upload_image(editor_client)
    assert keys(bucket, "media/original_images/") == [f"media/{image.file.name}"]

    page = editor_client.get(page_with(image=image).url)
    assert page.status_code == 200
    source = re.search(r'<img[^>]+src="([^"]+)"', page.content.decode()).group(1)
    source = source.replace("&amp;", "&")
    # The rendition was made from the bucket's original and stored beside it, signed.
    assert source.startswith(f"{ENDPOINT}/{BUCKET}/media/images/")
    assert "X-Amz-Signature=" in source
    assert len(keys(bucket, "media/images/")) == 1
    fetched = requests.get(source, timeout=10)
    assert fetched.status_code == 200
    assert fetched.content[:4] == b"RIFF"  # WebP, as the template asks
    # Without the signature the store refuses: nothing in media/ is public.
    assert requests.get(source.split("?")[0], timeout=10).status_code == 403


def test_a_document_link_checks_privacy_and_then_hands_out_a_signed_url(
    bucket, editor_client, client
):
    document = upload_document(editor_client)
    assert keys(bucket, "media/documents/") == [f"media/{document.file.name}"]
    page = client.get(page_with(document=document).url)
    link = re.search(r'href="(/documents/[^"]+)"', page.content.decode()).group(1)

    client.logout()
    answer = client.get(link)
    assert answer.status_code == 302
    signed = answer["Location"]
    assert signed.startswith(f"{ENDPOINT}/{BUCKET}/media/documents/")
    assert "X-Amz-Expires=3600" in signed
    assert requests.get(signed, timeout=10).content == pdf().read()
    assert requests.get(signed.split("?")[0], timeout=10).status_code == 403


def test_a_document_of_a_private_collection_gets_no_url_without_sign_in(
    bucket, editor_client, client
):
    internal = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=internal, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = upload_document(editor_client, collection=internal)
    client.logout()
    answer = client.get(document.url)
    assert answer.status_code == 302
    assert "/konto/login/" in answer["Location"]
    assert ENDPOINT not in answer["Location"]


def test_the_council_paper_lies_in_the_private_prefix_and_only_its_view_serves_it(
    bucket, client, process, django_capture_on_commit_callbacks
):
    strategist = factories.UserFactory(roles=["Strategieteam"])
    client.force_login(strategist)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/admin/ratsvorlage/", PAPER_FORM).status_code == 302
    stored_keys = keys(bucket, "private/")
    assert sorted(key.rsplit("/", 1)[1] for key in stored_keys) == [
        "ratsvorlage-1.docx",
        "ratsvorlage-1.pdf",
    ]
    # Each under a folder of its own that nobody can guess.
    assert all(
        re.fullmatch(r"private/ratsvorlage/[\w-]{32}/ratsvorlage-1\.\w+", k) for k in stored_keys
    )
    assert keys(bucket, "media/") == []
    pdf_key = next(key for key in stored_keys if key.endswith(".pdf"))
    stored = bucket.get_object(Bucket=BUCKET, Key=pdf_key)

    served = client.get("/ratsvorlage/1/datei/pdf/")
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == stored["Body"].read()
    # A draft: not for visitors, and the store gives nothing without a signature.
    client.logout()
    assert client.get("/ratsvorlage/1/datei/pdf/").status_code == 404
    unsigned = f"{ENDPOINT}/{BUCKET}/{pdf_key}"
    assert requests.get(unsigned, timeout=10).status_code == 403


def test_with_public_images_only_renditions_are_unsigned_on_the_custom_domain(
    bucket, monkeypatch, settings, editor_client
):
    use_object_storage(
        monkeypatch, settings, S3_PUBLIC_IMAGES="1", S3_CUSTOM_DOMAIN="bilder.example.org"
    )
    image = upload_image(editor_client)
    rendition = image.get_rendition("width-400")
    assert rendition.url.startswith("https://bilder.example.org/public/images/")
    assert "Signature" not in rendition.url
    assert keys(bucket, "public/images/") == [f"public/{rendition.file.name}"]
    # The original stays private.
    assert keys(bucket, "media/original_images/") == [f"media/{image.file.name}"]
    assert "X-Amz-Signature=" in image.file.url
