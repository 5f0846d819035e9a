# The evaluations of the themes, split from `zielbilder` (its migration 0014 lets go of them).
# The table it made keeps its name (db_table), so nothing happens in the database but one
# thing: the content type, and with it the strategy team's permission to start an evaluation
# and the history in the admin, now belongs to this app.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MODELS = ("themeanalysis",)


def _move(apps, source: str, target: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label=source, model__in=MODELS).update(app_label=target)


def content_types_move_here(apps, schema_editor):
    _move(apps, "zielbilder", "auswertung")


def content_types_move_back(apps, schema_editor):
    _move(apps, "auswertung", "zielbilder")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("contenttypes", "0002_remove_content_type_name"),
        ("participation", "0013_statement_stage_of_the_process"),
        ("zielbilder", "0014_analysis_moves_to_auswertung"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ThemeAnalysis",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "state",
                            models.CharField(
                                choices=[
                                    ("requested", "angefordert"),
                                    ("running", "wird berechnet"),
                                    ("done", "fertig"),
                                    ("failed", "fehlgeschlagen"),
                                ],
                                default="requested",
                                max_length=10,
                                verbose_name="Stand",
                            ),
                        ),
                        (
                            "requested_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="Angefordert am"),
                        ),
                        (
                            "started_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="Begonnen am"),
                        ),
                        (
                            "computed_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="Berechnet am"
                            ),
                        ),
                        (
                            "votes",
                            models.PositiveIntegerField(default=0, verbose_name="Bewertungen"),
                        ),
                        (
                            "participants",
                            models.PositiveIntegerField(default=0, verbose_name="Teilnehmende"),
                        ),
                        (
                            "display",
                            models.JSONField(
                                blank=True, null=True, verbose_name="Ergebnis zur Anzeige"
                            ),
                        ),
                        (
                            "result",
                            models.JSONField(
                                blank=True, null=True, verbose_name="Vollständiges Ergebnis"
                            ),
                        ),
                        (
                            "similar",
                            models.JSONField(
                                blank=True, default=list, verbose_name="Ähnliche Eingaben"
                            ),
                        ),
                        ("error", models.TextField(blank=True, verbose_name="Fehler")),
                        (
                            "requested_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "theme",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="analyses",
                                to="participation.theme",
                                verbose_name="Schwerpunktthema",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "Auswertung eines Themas",
                        "verbose_name_plural": "Auswertungen der Themen",
                        "db_table": "zielbilder_themeanalysis",
                        "ordering": ["-requested_at", "-pk"],
                        "indexes": [
                            models.Index(
                                fields=["theme", "state", "-computed_at"],
                                name="zielbilder__theme_i_3d4692_idx",
                            )
                        ],
                        "constraints": [
                            models.UniqueConstraint(
                                condition=models.Q(("state__in", ["requested", "running"])),
                                fields=("theme",),
                                name="one_open_analysis_per_theme",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_types_move_here, content_types_move_back),
    ]
