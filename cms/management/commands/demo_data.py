"""Build the demo city (Dortmund) from the council paper: `manage.py demo_data`.

Each app contributes its own part in a `demo.py` module with a `load(*, today, report)`
function, and its English translations in a `demo_english.py` with the same function, run
right after it; they run in the order of INSTALLED_APPS, which is the order of the floors, so this
command (in the ground floor) imports none of the apps above it. Running it again changes
nothing that exists, except that the demo accounts get fresh passwords, printed at the end.
"""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import module_has_submodule


class Report:
    def __init__(self):
        self.lines: list[str] = []
        self.accounts: list[tuple[str, str, str]] = []

    def created(self, what: str) -> None:
        self.lines.append(what)

    def account(self, role: str, email: str, password: str) -> None:
        self.accounts.append((role, email, password))


class Command(BaseCommand):
    help = "Legt die Demo-Daten der Stadt Dortmund an (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Auch ohne DEBUG ausführen (z. B. auf einem Testsystem).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "Demo-Daten nur in der Entwicklung (DEBUG=1). Auf einem Testsystem: --force."
            )
        report = Report()
        today = timezone.localdate()
        with transaction.atomic():
            for app_config in apps.get_app_configs():
                # Each app's German demo, then its English translations.
                for part in ("demo", "demo_english"):
                    if module_has_submodule(app_config.module, part):
                        module = import_module(f"{app_config.name}.{part}")
                        module.load(today=today, report=report)
        for line in report.lines:
            self.stdout.write(f"  angelegt: {line}")
        if not report.lines:
            self.stdout.write("Demo-Daten sind vollständig, nichts neu angelegt.")
        self._print_accounts(report.accounts)

    def _print_accounts(self, accounts):
        if not accounts:
            return
        base = settings.BASE_URL
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Demo-Zugänge (Passwörter bei jedem Start neu):"))
        for role, email, password in accounts:
            self.stdout.write(f"  {role:<22} {email:<32} {password}")
        self.stdout.write(f"  Verwaltung: {base}/admin/   Website: {base}/")
        self.stdout.write("")
