"""A stage's results go online only after a second editor approves them (four eyes)."""

import pytest
from wagtail.models import TaskState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.models import StagePage, StageResults

BASE = "/admin/snippets/cms/stageresults"


def results_form(stage, summary, **actions):
    return nested_form_data(
        {"stage": stage.pk, "summary": rich_text(summary), "body": streamfield([]), **actions}
    )


@pytest.fixture
def closed_stage(process):
    return StagePage.objects.get(locale__language_code="de", number=2)


def submit_new_results(client, editor, stage, summary):
    client.force_login(editor)
    response = client.post(f"{BASE}/add/", results_form(stage, summary, **{"action-submit": "1"}))
    assert response.status_code == 302, response.content.decode()[:2000]
    return StageResults.objects.get(stage=stage)


def current_task_state(results) -> TaskState:
    return results.current_workflow_state.current_task_state


def test_an_editor_cannot_publish_results_directly(client, closed_stage, editor):
    client.force_login(editor)
    client.post(
        f"{BASE}/add/",
        results_form(closed_stage, "Direkt veröffentlicht?", **{"action-publish": "1"}),
    )
    results = StageResults.objects.filter(stage=closed_stage).first()
    assert results is None or not results.live


def test_submitted_results_wait_for_approval_and_stay_offline(client, closed_stage, editor):
    results = submit_new_results(client, editor, closed_stage, "Ausgangsbilder vereinbart.")
    assert results.workflow_in_progress
    assert not results.live
    assert "Ausgangsbilder vereinbart." not in client.get(closed_stage.url).content.decode()


def test_the_author_cannot_approve_their_own_results(client, closed_stage, editor):
    results = submit_new_results(client, editor, closed_stage, "Ausgangsbilder vereinbart.")
    task_state = current_task_state(results)
    response = client.post(
        f"{BASE}/workflow/action/{results.pk}/approve/{task_state.pk}/", follow=True
    )
    assert "Sie haben leider keinen Zugang zu diesem Bereich." in response.content.decode()
    results.refresh_from_db()
    assert not results.live
    assert results.workflow_in_progress


def test_a_second_editor_approves_and_the_results_go_online(
    client, closed_stage, editor, second_editor
):
    results = submit_new_results(client, editor, closed_stage, "Ausgangsbilder vereinbart.")
    task_state = current_task_state(results)

    client.force_login(second_editor)
    response = client.post(f"{BASE}/workflow/action/{results.pk}/approve/{task_state.pk}/")
    assert response.status_code == 302
    results.refresh_from_db()
    assert results.live
    client.logout()
    assert "Ausgangsbilder vereinbart." in client.get(closed_stage.url).content.decode()


def test_a_change_to_published_results_also_needs_approval(
    client, closed_stage, editor, second_editor
):
    results = submit_new_results(client, editor, closed_stage, "Erste Fassung.")
    client.force_login(second_editor)
    task_state = current_task_state(results)
    client.post(f"{BASE}/workflow/action/{results.pk}/approve/{task_state.pk}/")

    client.force_login(editor)
    client.post(
        f"{BASE}/edit/{results.pk}/",
        results_form(closed_stage, "Zweite Fassung.", **{"action-submit": "1"}),
    )
    results.refresh_from_db()
    assert results.workflow_in_progress
    html = client.get(closed_stage.url).content.decode()
    assert "Erste Fassung." in html and "Zweite Fassung." not in html


def test_the_author_does_not_see_their_own_submission_in_the_approval_list(
    closed_stage, editor, second_editor, client
):
    results = submit_new_results(client, editor, closed_stage, "Ausgangsbilder vereinbart.")
    task = current_task_state(results).task.specific
    assert not task.get_task_states_user_can_moderate(editor).exists()
    assert task.get_task_states_user_can_moderate(second_editor).exists()


def test_someone_outside_the_editors_cannot_approve(client, closed_stage, editor, citizen):
    from tests.factories import UserFactory

    moderator = UserFactory(roles=["Moderation"])
    results = submit_new_results(client, editor, closed_stage, "Ausgangsbilder vereinbart.")
    task_state = current_task_state(results)
    client.force_login(moderator)
    response = client.post(
        f"{BASE}/workflow/action/{results.pk}/approve/{task_state.pk}/", follow=True
    )
    assert "Sie haben leider keinen Zugang zu diesem Bereich." in response.content.decode()
    results.refresh_from_db()
    assert not results.live


def test_the_results_list_costs_the_same_queries_for_one_or_six_results(client, process, editor):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(editor)
    stages = list(StagePage.objects.order_by("number"))

    def queries_for_listing():
        with CaptureQueriesContext(connection) as captured:
            html = client.get(f"{BASE}/").content.decode()
        return len(captured), html

    StageResults.objects.create(stage=stages[0], summary="<p>Ergebnis.</p>")
    queries_for_listing()  # warm the per-process caches (content types, site)
    with_one, _ = queries_for_listing()
    for stage in stages[1:]:
        StageResults.objects.create(stage=stage, summary="<p>Ergebnis.</p>")
    with_six, html = queries_for_listing()
    assert with_six == with_one
    for number in range(1, 7):
        assert f"Ergebnisse: Stufe Nummer {number}" in html


def test_an_editor_previews_results_before_submitting(client, closed_stage, editor):
    results = StageResults.objects.create(stage=closed_stage, summary="<p>Alt.</p>", live=False)
    client.force_login(editor)
    url = f"{BASE}/preview/{results.pk}/"
    posted = client.post(url, results_form(closed_stage, "Noch nicht veröffentlicht."))
    assert posted.json()["is_valid"]
    html = client.get(url).content.decode()
    assert "Noch nicht veröffentlicht." in html
    assert "Vorschau" in html
