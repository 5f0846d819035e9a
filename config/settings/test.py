"""The test overlay: fast hashing, a private cache, tasks that run at once and fail loudly."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "tests-only-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
LANGUAGE_CODE = "de"
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
PRIVATE_MEDIA_ROOT = BASE_DIR / ".test-media" / "private"  # noqa: F405
# Uploads on the local disk whatever the environment says (tests/scaleout configure S3
# themselves, against moto).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": "/private-media-not-served/"},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Set by base.py only when S3_BUCKET is in the environment.
for _name in ("WAGTAILIMAGES_RENDITION_STORAGE", "WAGTAILDOCS_SERVE_METHOD"):
    globals().pop(_name, None)
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"handlers": [], "level": "WARNING"},
}

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # A file, not memory: the browser tests' live server then works on its own connection,
    # as a real server would, instead of sharing the test thread's.
    # One file per run, so that two runs side by side do not share it.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(BASE_DIR / f".test-db-{os.getpid()}.sqlite3")  # noqa: F405
    }
