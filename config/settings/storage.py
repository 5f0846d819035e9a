"""Where uploads go: the local disk, or an S3-compatible object store (AWS, MinIO, Ceph, …)
when S3_BUCKET is set, so that web and worker processes on several machines see the same
files.

One bucket, three prefixes:
  media/    uploaded images (originals) and documents: private, every URL signed and expiring;
            a document link leads to Wagtail's view, which checks the collection's privacy
            first and then redirects to such a URL
  private/  the council paper's files: private, only ever streamed by the view that checks
            who may read the version (drafts)
  public/   image renditions, what pages show: unsigned URLs (optionally on S3_CUSTOM_DOMAIN)
            when S3_PUBLIC_IMAGES is on – the bucket policy must then grant read on public/*
            and nothing else; otherwise renditions lie in media/ and are signed too.
No upload carries an ACL: what anyone may read without a signature is decided by the
bucket's policy alone. Static files are not here: whitenoise serves them from the image.
"""

from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_int, env_str

S3_BACKEND = "storages.backends.s3.S3Storage"
DOCUMENT_SERVE_METHODS = ("redirect", "serve_view")
MIN_URL_EXPIRY_SECONDS = 600


def object_storage_settings(staticfiles: dict) -> dict:
    """The settings S3_* in the environment call for; empty without S3_BUCKET."""
    bucket = env_str("S3_BUCKET", "")
    if not bucket:
        return {}
    expiry = env_int("S3_URL_EXPIRY_SECONDS", 3600)
    if expiry < MIN_URL_EXPIRY_SECONDS:
        # Pages are cached with the signed URLs in them (the monitoring pages for 5 minutes):
        # a URL must outlive the page that carries it.
        raise ImproperlyConfigured(
            f"S3_URL_EXPIRY_SECONDS={expiry}: at least {MIN_URL_EXPIRY_SECONDS}, longer than "
            "a page stays cached."
        )
    common = {
        "bucket_name": bucket,
        "endpoint_url": env_str("S3_ENDPOINT_URL", "") or None,
        "region_name": env_str("S3_REGION", "") or None,
        # Unset: boto3 looks further (AWS_* variables, an instance role).
        "access_key": env_str("S3_ACCESS_KEY_ID", "") or None,
        "secret_key": env_str("S3_SECRET_ACCESS_KEY", "") or None,
        # "path" for MinIO and most self-hosted services; unset: what boto3 chooses.
        "addressing_style": env_str("S3_ADDRESSING_STYLE", "") or None,
        "signature_version": "s3v4",
        # Two uploads named "bericht.pdf" must not overwrite each other (django-storages
        # overwrites by default; the file system storage adds a suffix).
        "file_overwrite": False,
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": expiry,
    }
    if env_bool("S3_PUBLIC_IMAGES", False):
        renditions = common | {
            "location": "public",
            "querystring_auth": False,
            # A CDN or the bucket's public host name. Only for unsigned URLs: django-storages
            # drops the signature from URLs on a custom domain.
            "custom_domain": env_str("S3_CUSTOM_DOMAIN", "") or None,
        }
    else:
        renditions = common | {"location": "media"}
    serve_method = env_str("WAGTAILDOCS_SERVE_METHOD", "redirect")
    if serve_method not in DOCUMENT_SERVE_METHODS:
        # "direct" would put signed URLs into pages, which are cached longer than they last.
        raise ImproperlyConfigured(
            f"WAGTAILDOCS_SERVE_METHOD={serve_method!r}: use one of {DOCUMENT_SERVE_METHODS}."
        )
    return {
        "STORAGES": {
            "default": {"BACKEND": S3_BACKEND, "OPTIONS": common | {"location": "media"}},
            "private": {"BACKEND": S3_BACKEND, "OPTIONS": common | {"location": "private"}},
            "renditions": {"BACKEND": S3_BACKEND, "OPTIONS": renditions},
            "staticfiles": staticfiles,
        },
        "WAGTAILIMAGES_RENDITION_STORAGE": "renditions",
        # "redirect": after the privacy check the browser fetches the file from the store, it
        # never passes through gunicorn. "serve_view" streams it through the web process (when
        # browsers cannot reach S3_ENDPOINT_URL).
        "WAGTAILDOCS_SERVE_METHOD": serve_method,
    }
