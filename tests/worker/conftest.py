import pytest

from tests import services
from tests.workers import (
    WorkerProcess,
    empty_broker,
    require_worker_services,
    restore_broker_settings,
    use_broker,
)


@pytest.fixture
def celery_worker_process(transactional_db, tmp_path):
    """A real Celery worker in its own process, on Redis, against the test database; yields
    the folder into which it delivers mail."""
    require_worker_services()
    empty_broker()
    use_broker(services.TEST_BROKER_URL, eager=False)
    worker = WorkerProcess(tmp_path, broker_url=services.TEST_BROKER_URL)
    try:
        worker.start()
        yield worker.mail_dir
    finally:
        worker.stop()
        restore_broker_settings()
