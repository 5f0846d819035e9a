import io, time
import pytest
from importlib import import_module
from django.apps import apps
from django.utils import timezone
from django.utils.module_loading import module_has_submodule

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


class R:
    def created(self, w):
        pass

    def account(self, *a):
        pass


def test_probe(live_server):
    import participation.demo as pd

    orig = pd.load_activity

    def timed(report):
        t = time.time()
        orig(report)
        print("  activity", time.time() - t)

    pd.load_activity = timed
    for app_config in apps.get_app_configs():
        if module_has_submodule(app_config.module, "demo"):
            t = time.time()
            import_module(f"{app_config.name}.demo").load(today=timezone.localdate(), report=R())
            print(app_config.name, time.time() - t)
    pd.load_activity = orig
