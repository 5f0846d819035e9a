"""The team's "compute" button hands the analysis to a real Celery worker on Redis."""

import time

import pytest

from auswertung.models import ThemeAnalysis
from tests import factories
from tests.auswertung.test_theme_analysis import two_camps

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_worker_computes_the_requested_analysis(client, process, celery_worker_process):
    theme = factories.theme_page("Mobilität").theme
    two_camps(theme)
    client.force_login(factories.UserFactory(roles=["Strategieteam"]))
    response = client.post(f"/admin/werkbank/{theme.slug}/auswerten/")
    assert response.status_code == 302
    run = ThemeAnalysis.objects.get()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        run.refresh_from_db()
        if run.state in ("done", "failed"):
            break
        time.sleep(0.3)
    assert run.state == "done", run.error or "the worker did not compute the analysis"
    assert run.display["k"] == 2
