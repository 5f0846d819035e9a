"""What bench/monitoring needs from inside Django, run with the bench settings.

    python bench/monitoring/django_side.py build PROJECTS KEY_FIGURES YEARS
        Tops the demo's strategy model (9 goals, 21 fields) up to PROJECTS projects and
        KEY_FIGURES key figures (spread over the fields, each with baseline and target) and
        gives every key figure a monthly value for YEARS years (bulk_create), plus a report
        per project. Prints the counts and the key figures' ids.

Prints JSON on stdout.
"""

import datetime
import json
import random
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from strategie.models import FieldOfAction, Goal, KeyFigure, Project  # noqa: E402
from umsetzung.models import KeyFigureValue, ProjectReport  # noqa: E402


@transaction.atomic
def build(projects: int, key_figures: int, years: int) -> dict:
    rng = random.Random(2030)
    fields = list(FieldOfAction.objects.order_by("pk"))
    for n in range(Project.objects.count(), projects):
        Project.objects.create(field=fields[n % len(fields)], name=f"Weiteres Projekt {n}")
    start = datetime.date(2016, 1, 1)
    for n in range(KeyFigure.objects.count(), key_figures):
        KeyFigure.objects.create(
            field=fields[n % len(fields)],
            name=f"Kennzahl {n}",
            unit="%",
            direction=rng.choice(["up", "down", "target"]),
            baseline_value=Decimal(rng.randint(10, 40)),
            baseline_date=start,
            target_value=Decimal(rng.randint(45, 90)),
            target_date=datetime.date(2030, 12, 31),
            reporting_interval=1,
        )
    KeyFigure.objects.filter(baseline_value__isnull=True).update(
        baseline_value=20,
        baseline_date=start,
        target_value=60,
        target_date=datetime.date(2030, 12, 31),
    )
    KeyFigureValue.objects.all().delete()
    values = []
    for figure in KeyFigure.objects.order_by("pk"):
        level = float(figure.baseline_value)
        for month in range(years * 12):
            level += rng.uniform(-0.4, 0.6)
            day = datetime.date(start.year + month // 12, month % 12 + 1, 1)
            values.append(
                KeyFigureValue(key_figure=figure, date=day, value=Decimal(f"{level:.2f}"))
            )
    KeyFigureValue.objects.bulk_create(values, batch_size=5000)
    ProjectReport.objects.bulk_create(
        ProjectReport(project=p, state="running", progress=rng.randint(0, 100))
        for p in Project.objects.all()
    )
    return {
        "goals": Goal.objects.count(),
        "fields": FieldOfAction.objects.count(),
        "projects": Project.objects.count(),
        "key_figures": KeyFigure.objects.count(),
        "values": KeyFigureValue.objects.count(),
        "key_figure_ids": list(KeyFigure.objects.values_list("pk", flat=True)),
    }


def queries(paths: list[str]) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    counted = {}
    for path in paths:
        client.get(path)  # warm caches as a running server has them
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        counted[path] = {"status": response.status_code, "queries": len(captured)}
    return counted


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "build":
        print(json.dumps(build(*(int(a) for a in sys.argv[2:5]))))
    elif command == "queries":
        print(json.dumps(queries(sys.argv[2:])))
    else:
        raise SystemExit(f"unknown command {command}")
