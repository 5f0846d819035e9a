# The council paper's models, split from `zielbilder` (its migration 0013 lets go of them).
# The tables it made keep their names (db_table), so nothing happens in the database but one
# thing: the content types, and with them the permissions granted to the strategy team and the
# history in the admin, now belong to this app.

import cms.private_files
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


MODELS = ("paperversion", "councildecision")


def _move(apps, source: str, target: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label=source, model__in=MODELS).update(app_label=target)


def content_types_move_here(apps, schema_editor):
    _move(apps, "zielbilder", "ratsvorlage")


def content_types_move_back(apps, schema_editor):
    _move(apps, "ratsvorlage", "zielbilder")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("contenttypes", "0002_remove_content_type_name"),
        ("zielbilder", "0013_council_paper_moves_to_ratsvorlage"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='PaperVersion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('number', models.PositiveIntegerField(unique=True, verbose_name='Version')),
                        ('paper_number', models.CharField(max_length=40, verbose_name='Drucksache-Nr.')),
                        ('title', models.CharField(max_length=300, verbose_name='Titel')),
                        ('proposed_resolution', models.TextField(max_length=4000, verbose_name='Beschlussvorschlag')),
                        ('state', models.CharField(choices=[('compiling', 'wird erstellt'), ('failed', 'fehlgeschlagen'), ('draft', 'Entwurf'), ('published', 'veröffentlicht')], default='compiling', max_length=10, verbose_name='Stand')),
                        ('progress', models.PositiveSmallIntegerField(default=0, verbose_name='Fortschritt in %')),
                        ('progress_note', models.CharField(blank=True, max_length=200, verbose_name='Arbeitsschritt')),
                        ('error', models.TextField(blank=True, verbose_name='Fehler')),
                        ('started_at', models.DateTimeField(auto_now_add=True, verbose_name='Begonnen am')),
                        ('created_at', models.DateTimeField(blank=True, null=True, verbose_name='Erstellt am')),
                        ('content', models.JSONField(blank=True, null=True, verbose_name='Inhalt')),
                        ('sha256', models.CharField(blank=True, max_length=64, verbose_name='SHA-256 des Inhalts')),
                        ('html', models.TextField(blank=True, verbose_name='HTML')),
                        ('pdf', models.FileField(blank=True, storage=cms.private_files.private_storage, upload_to=cms.private_files.paper_file_name, verbose_name='PDF')),
                        ('pdf_sha512', models.CharField(blank=True, max_length=128)),
                        ('pdf_size', models.PositiveIntegerField(default=0)),
                        ('docx', models.FileField(blank=True, storage=cms.private_files.private_storage, upload_to=cms.private_files.paper_file_name, verbose_name='DOCX')),
                        ('docx_sha512', models.CharField(blank=True, max_length=128)),
                        ('docx_size', models.PositiveIntegerField(default=0)),
                        ('published_at', models.DateTimeField(blank=True, null=True, verbose_name='Veröffentlicht am')),
                        ('binding', models.BooleanField(default=False, verbose_name='Verbindlich beschlossen')),
                        ('modified_at', models.DateTimeField(auto_now=True, verbose_name='Geändert am')),
                        ('published_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('started_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'Fassung der Ratsvorlage',
                        'verbose_name_plural': 'Fassungen der Ratsvorlage',
                        'db_table': 'zielbilder_paperversion',
                        'ordering': ['-number'],
                    },
                ),
                migrations.CreateModel(
                    name='CouncilDecision',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('meeting_date', models.DateField(verbose_name='Sitzung am')),
                        ('outcome', models.CharField(choices=[('adopted', 'beschlossen'), ('adopted_with_changes', 'mit Änderungen beschlossen'), ('rejected', 'abgelehnt'), ('postponed', 'vertagt')], max_length=25, verbose_name='Ergebnis')),
                        ('changes', models.TextField(blank=True, max_length=10000, verbose_name='Änderungen')),
                        ('votes_yes', models.PositiveIntegerField(blank=True, null=True, verbose_name='Ja-Stimmen')),
                        ('votes_no', models.PositiveIntegerField(blank=True, null=True, verbose_name='Nein-Stimmen')),
                        ('votes_abstain', models.PositiveIntegerField(blank=True, null=True, verbose_name='Enthaltungen')),
                        ('recorded_at', models.DateTimeField(auto_now_add=True, verbose_name='Eingetragen am')),
                        ('modified_at', models.DateTimeField(auto_now=True, verbose_name='Geändert am')),
                        ('announced_at', models.DateTimeField(blank=True, null=True)),
                        ('recorded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('version', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='decisions', to='ratsvorlage.paperversion', verbose_name='Fassung')),
                    ],
                    options={
                        'verbose_name': 'Ratsbeschluss',
                        'verbose_name_plural': 'Ratsbeschlüsse',
                        'db_table': 'zielbilder_councildecision',
                        'ordering': ['-meeting_date', '-pk'],
                    },
                ),
                migrations.AddConstraint(
                    model_name='paperversion',
                    constraint=models.UniqueConstraint(condition=models.Q(('state', 'compiling')), fields=('state',), name='one_compilation_at_a_time'),
                ),
                migrations.AddConstraint(
                    model_name='paperversion',
                    constraint=models.UniqueConstraint(condition=models.Q(('binding', True)), fields=('binding',), name='one_binding_version'),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_types_move_here, content_types_move_back),
    ]
