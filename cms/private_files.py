"""Files that only the apps' own views hand out, after checking who asks: the private storage
and names nobody can guess. Here on the ground floor, because migrations of more than one app
name these functions (the council paper's fields were `zielbilder`'s before `ratsvorlage`)."""

import secrets

from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty


class _PrivateStorage(LazyObject):
    """settings.STORAGES["private"], looked up on first use (as Django's default_storage)."""

    def _setup(self):
        self._wrapped = storages["private"]


_private = _PrivateStorage()


@receiver(setting_changed)
def _storages_changed(*, setting, **kwargs):
    if setting in ("STORAGES", "PRIVATE_MEDIA_ROOT"):
        _private._wrapped = empty


def private_storage():
    """Where the council paper's files lie: every version, drafts included, is read only
    through `ratsvorlage.views`, which checks who may see it – a folder no web server serves,
    or the private prefix of the S3 bucket (settings.STORAGES["private"])."""
    return _private


def paper_file_name(instance, filename: str) -> str:
    """A name nobody can guess (`ratsvorlage/<random>/ratsvorlage-3.pdf`): should the private
    folder ever be served by mistake, a draft's file still cannot be found by counting."""
    return f"ratsvorlage/{secrets.token_urlsafe(24)}/{filename}"
