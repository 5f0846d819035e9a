"""What the scale-out run needs from inside Django, run as a subprocess with the bench settings.

    python bench/scaleout/django_side.py reset
        Removes what an earlier run left in the database: the bench conferences (slugs
        bench-scaleout…) with their registrations, and the mails to scaleout-…@example.org.
    python bench/scaleout/django_side.py conference CAPACITY WARMUP
        One conference with CAPACITY seats, registration open, nobody registered yet; beside it
        a warm-up conference with WARMUP pending registrations and half as many seats (as
        bench/konferenzen, whose helpers it uses). Prints the ids, the slug, the warm-up paths.
    python bench/scaleout/django_side.py links CONFERENCE
        The confirmation paths of the conference's pending registrations.

Prints JSON on stdout.
"""

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

# bench/konferenzen's helpers (conference, registrations); it sets Django up.
_spec = importlib.util.spec_from_file_location(
    "konferenzen_side", ROOT / "bench" / "konferenzen" / "django_side.py"
)
konferenzen_side = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(konferenzen_side)

from django.db import transaction  # noqa: E402

from konferenzen.links import confirm_url  # noqa: E402
from konferenzen.models import Conference, Registration, RegistrationStatus  # noqa: E402
from outbox.models import Mail  # noqa: E402

SLUG = "bench-scaleout"
ADDRESS_PREFIX = "scaleout-"


def reset() -> dict:
    with transaction.atomic():
        conferences = Conference.objects.filter(slug__startswith=SLUG)
        # A registration protects its conference: they go first.
        registrations, _ = Registration.objects.filter(conference__in=conferences).delete()
        removed, _ = conferences.delete()
        mails, _ = Mail.objects.filter(to__startswith=ADDRESS_PREFIX).delete()
    return {"conferences": removed, "registrations": registrations, "mails": mails}


def conference(capacity: int, warmup: int) -> dict:
    with transaction.atomic():
        measured = konferenzen_side.conference(SLUG, "Bench-Scale-out", capacity, {})
        warm = konferenzen_side.conference(
            f"{SLUG}-aufwaermen", "Bench-Scale-out-Aufwärmen", max(warmup // 2, 1), {}
        )
        warm_paths = [
            confirm_url(r, absolute=False)
            for r in konferenzen_side.registrations(warm, warmup, f"{ADDRESS_PREFIX}warmup")
        ]
    return {
        "conference": measured.pk,
        "slug": measured.slug,
        "warmup_conference": warm.pk,
        "warmup_paths": warm_paths,
    }


def links(conference_id: int) -> list[str]:
    pending = Registration.objects.filter(
        conference_id=conference_id, status=RegistrationStatus.PENDING
    ).order_by("pk")
    return [confirm_url(registration, absolute=False) for registration in pending]


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "reset":
        print(json.dumps(reset()))
    elif command == "conference":
        print(json.dumps(conference(int(args[0]), int(args[1]))))
    elif command == "links":
        print(json.dumps(links(int(args[0]))))
    else:
        raise SystemExit(__doc__)
