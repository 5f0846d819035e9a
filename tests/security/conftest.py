import pytest
from django.db import transaction

from . import site as security_site


@pytest.fixture(scope="module")
def security(django_db_setup, django_db_blocker):
    """The test site, built once per module inside a transaction that is rolled back after
    the module's last test (each test runs in a savepoint of its own within it)."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield security_site.build()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
