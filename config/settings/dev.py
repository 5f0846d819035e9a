"""Local development: `make run`. Safe defaults, nothing to configure."""

from .base import *  # noqa: F403
from .env import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
# A fixed key is fine on a developer's machine; production refuses to start without one.
SECRET_KEY = env_str("SECRET_KEY", "") or "dev-only-insecure-key-change-me-in-production"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
