"""Files that only some people may read – every version of the council paper, drafts included
– never lie where a web server hands out uploads to everyone (MEDIA_ROOT, the bucket's public
part); without S3 they lie in PRIVATE_MEDIA_ROOT and only the permission-checked view reads
them. What to store where comes from the environment, and a wrong value stops the start."""

import importlib

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from config.settings.storage import object_storage_settings
from ratsvorlage.models import PaperVersion

pytestmark = pytest.mark.django_db


def version_with_files(number=1, **fields) -> PaperVersion:
    version = PaperVersion(
        number=number,
        title=f"Ratsvorlage {number}",
        paper_number="12345-26",
        proposed_resolution="Der Rat beschließt.",
        state="draft",
        created_at=timezone.now(),
        content={"paper": {}},
        **fields,
    )
    version.pdf.save(f"ratsvorlage-{number}.pdf", ContentFile(b"%PDF-1.7 Entwurf"), save=False)
    version.docx.save(f"ratsvorlage-{number}.docx", ContentFile(b"PK Entwurf"), save=False)
    version.save()
    return version


def test_the_council_papers_files_lie_outside_the_served_media_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = settings.STORAGES | {
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private"},
        }
    }
    version = version_with_files()
    assert (tmp_path / "private" / version.pdf.name).read_bytes() == b"%PDF-1.7 Entwurf"
    assert (tmp_path / "private" / version.docx.name).exists()
    assert not (tmp_path / "media").exists()


def test_files_compiled_before_move_out_of_the_media_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = settings.STORAGES | {
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private"},
        }
    }
    old = version_with_files()
    # As an earlier release stored them: in MEDIA_ROOT/ratsvorlage/.
    for name in (old.pdf.name, old.docx.name):
        default_storage.save(name, storages["private"].open(name))
        storages["private"].delete(name)

    migration = importlib.import_module(
        "zielbilder.migrations.0009_council_paper_files_in_private_storage"
    )
    # The models as they were when the migration ran (the paper was still zielbilder's).
    then = MigrationLoader(connection).project_state(
        ("zielbilder", "0009_council_paper_files_in_private_storage")
    )
    migration.move_files_out_of_public_media(then.apps, None)

    assert (tmp_path / "private" / old.pdf.name).read_bytes() == b"%PDF-1.7 Entwurf"
    assert (tmp_path / "private" / old.docx.name).exists()
    assert not (tmp_path / "media" / old.pdf.name).exists()
    assert not (tmp_path / "media" / old.docx.name).exists()


def test_without_a_bucket_uploads_stay_on_the_local_disk(monkeypatch):
    monkeypatch.delenv("S3_BUCKET", raising=False)
    assert object_storage_settings({}) == {}


def test_a_bucket_gives_private_media_and_private_paper_files(monkeypatch):
    monkeypatch.setenv("S3_BUCKET", "stadtgespraech")
    monkeypatch.delenv("S3_PUBLIC_IMAGES", raising=False)
    monkeypatch.delenv("WAGTAILDOCS_SERVE_METHOD", raising=False)
    configured = object_storage_settings({"BACKEND": "whitenoise"})
    storages_ = configured["STORAGES"]
    assert storages_["staticfiles"] == {"BACKEND": "whitenoise"}
    for alias, location in (("default", "media"), ("private", "private"), ("renditions", "media")):
        options = storages_[alias]["OPTIONS"]
        assert options["location"] == location
        assert options["querystring_auth"] is True
        assert options["default_acl"] is None
        assert options["file_overwrite"] is False
    assert configured["WAGTAILDOCS_SERVE_METHOD"] == "redirect"


def test_a_serve_method_that_would_put_signed_urls_into_pages_is_refused(monkeypatch):
    monkeypatch.setenv("S3_BUCKET", "stadtgespraech")
    monkeypatch.setenv("WAGTAILDOCS_SERVE_METHOD", "direct")
    with pytest.raises(ImproperlyConfigured, match="WAGTAILDOCS_SERVE_METHOD"):
        object_storage_settings({})


def test_signed_urls_must_outlive_the_cached_pages_that_carry_them(monkeypatch):
    monkeypatch.setenv("S3_BUCKET", "stadtgespraech")
    monkeypatch.setenv("S3_URL_EXPIRY_SECONDS", "60")
    with pytest.raises(ImproperlyConfigured, match="S3_URL_EXPIRY_SECONDS"):
        object_storage_settings({})
