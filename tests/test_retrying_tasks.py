"""Every task whose work must not be lost shares one base (config.celery.Retrying): retried
with growing waits as a worker runs it, raised at once in-process, and where a failure is
for the team to see, recorded when the last attempt fails."""

import ast
from unittest import mock

import pytest
from celery import shared_task
from celery.exceptions import Retry

from config.celery import Retrying

from .sources import nodes

failures = []


def _recorded(task, error, item_id):
    failures.append((item_id, str(error)))
    return "recorded"


@shared_task(base=Retrying, name="tests.flaky")
def flaky(item_id):
    raise ConnectionError(f"weg {item_id}")


@shared_task(base=Retrying, name="tests.flaky_recorded", max_retries=2, gives_up=_recorded)
def flaky_recorded(item_id):
    raise ConnectionError(f"weg {item_id}")


def as_a_worker_runs(task, *, retries):
    """Calls the task as a worker's attempt number `retries + 1` would, its retry caught."""
    task.push_request(is_eager=False, retries=retries)
    try:
        with mock.patch.object(task, "retry", side_effect=Retry()) as retry:
            try:
                result = task(7)
            except Retry:
                return retry.call_args.kwargs
            return result
    finally:
        task.pop_request()


def test_a_failure_is_retried_waiting_twice_as_long_each_time_up_to_an_hour():
    assert as_a_worker_runs(flaky, retries=0)["countdown"] == 60
    assert as_a_worker_runs(flaky, retries=2)["countdown"] == 240
    assert as_a_worker_runs(flaky, retries=9)["countdown"] == 3600
    assert isinstance(as_a_worker_runs(flaky, retries=0)["exc"], ConnectionError)


def test_in_process_a_failure_is_raised_at_once_for_the_sweep_to_catch_up():
    with pytest.raises(ConnectionError):
        flaky.apply(args=[7], throw=True)


def test_a_failure_for_the_team_to_see_is_recorded_after_the_last_attempt():
    failures.clear()
    assert as_a_worker_runs(flaky_recorded, retries=1)["countdown"] == 120
    assert failures == []
    assert as_a_worker_runs(flaky_recorded, retries=2) == "recorded"
    assert failures == [(7, "weg 7")]


def test_the_work_is_acknowledged_only_when_done():
    assert flaky.acks_late and flaky_recorded.acks_late


def test_tasks_are_handed_over_by_reference_never_looked_up_by_name():
    found = [
        f"{path}:{node.lineno}"
        for path, node in nodes()
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "globals"
        and not path.startswith("config/settings/")
    ]
    assert found == []
