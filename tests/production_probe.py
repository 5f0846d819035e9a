"""Requests against the production settings, run by tests/test_security_headers.py in a
process of its own (DJANGO_SETTINGS_MODULE=config.settings.production and the environment a
deployment sets). Prints what came back as JSON.

Every request goes through the whole middleware stack as production runs it. The only
difference: static files are found without a collected manifest (collectstatic would take
longer than the test), which changes no header.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from django.test import Client, override_settings  # noqa: E402

HOST = "stadtgespraech.example.org"


def answer(response) -> dict:
    return {
        "status": response.status_code,
        "headers": dict(response.headers),
        "cookies": {
            name: {
                "secure": bool(morsel["secure"]),
                "httponly": bool(morsel["httponly"]),
                "samesite": morsel["samesite"],
            }
            for name, morsel in response.cookies.items()
        },
    }


def main(email: str, password: str) -> None:
    client = Client(HTTP_HOST=HOST)
    https = {"HTTP_X_FORWARDED_PROTO": "https"}
    found = {
        "plain_http": answer(client.get("/konto/login/")),
        "login_page": answer(client.get("/konto/login/", **https)),
        "sign_in": answer(
            client.post("/konto/login/", {"login": email, "password": password}, **https)
        ),
        "admin_login": answer(client.get("/admin/login/", **https)),
    }
    print(json.dumps(found))


if __name__ == "__main__":
    with override_settings(
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ):
        main(*sys.argv[1:3])
