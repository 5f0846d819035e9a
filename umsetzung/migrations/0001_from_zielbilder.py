# The implementation's models, split from `zielbilder` (its migration 0015 lets go of them).
# The tables it made keep their names (db_table), so nothing happens in the database but one
# thing: the content types, and with them the offices' permission to report and the strategy
# team's rights on measures and memberships, and the history in the admin, now belong to this
# app.

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

MODELS = (
    "officemembership",
    "keyfigurevalue",
    "projectreport",
    "milestone",
    "measure",
    "remindersent",
)


def _move(apps, source: str, target: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label=source, model__in=MODELS).update(app_label=target)


def content_types_move_here(apps, schema_editor):
    _move(apps, "zielbilder", "umsetzung")


def content_types_move_back(apps, schema_editor):
    _move(apps, "umsetzung", "zielbilder")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ('zielbilder', '0015_monitoring_moves_to_umsetzung'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Measure',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=300, verbose_name='Maßnahme')),
                        ('description', models.TextField(blank=True, max_length=4000, verbose_name='Beschreibung')),
                        ('state', models.CharField(choices=[('planned', 'geplant'), ('running', 'in Umsetzung'), ('done', 'umgesetzt'), ('stopped', 'eingestellt')], default='planned', max_length=10, verbose_name='Stand')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='Angelegt am')),
                        ('modified_at', models.DateTimeField(auto_now=True, verbose_name='Geändert am')),
                        ('fields_of_action', models.ManyToManyField(blank=True, related_name='measures', to='zielbilder.fieldofaction', verbose_name='Handlungsfelder')),
                        ('goals', models.ManyToManyField(blank=True, related_name='measures', to='zielbilder.goal', verbose_name='Stadtziele')),
                        ('office', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='measures', to='zielbilder.office', verbose_name='verantwortliches Amt')),
                        ('zielbilder', models.ManyToManyField(blank=True, related_name='measures', to='zielbilder.consolidatedzielbild', verbose_name='Zielbilder')),
                    ],
                    options={
                        'verbose_name': 'Maßnahme',
                        'verbose_name_plural': 'Maßnahmen',
                        'db_table': 'zielbilder_measure',
                        'ordering': ['title', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='Milestone',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=200, verbose_name='Meilenstein')),
                        ('due', models.DateField(verbose_name='geplant bis')),
                        ('reached', models.DateField(blank=True, null=True, verbose_name='erreicht am')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='Eingetragen am')),
                        ('reached_recorded_at', models.DateTimeField(blank=True, null=True)),
                        ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('project', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='milestones', to='zielbilder.project', verbose_name='Projekt')),
                        ('reached_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'Meilenstein',
                        'verbose_name_plural': 'Meilensteine',
                        'db_table': 'zielbilder_milestone',
                        'ordering': ['project', 'due', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='KeyFigureValue',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('date', models.DateField(verbose_name='Stichtag')),
                        ('value', models.DecimalField(decimal_places=3, max_digits=14, verbose_name='Wert')),
                        ('note', models.TextField(blank=True, max_length=1000, verbose_name='Anmerkung')),
                        ('source', models.CharField(blank=True, max_length=300, verbose_name='Quelle')),
                        ('reported_at', models.DateTimeField(auto_now_add=True, verbose_name='Gemeldet am')),
                        ('key_figure', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='values', to='zielbilder.keyfigure', verbose_name='Kennzahl')),
                        ('office', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='zielbilder.office', verbose_name='gemeldet vom Amt')),
                        ('reported_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'Wert einer Kennzahl',
                        'verbose_name_plural': 'Werte der Kennzahlen',
                        'db_table': 'zielbilder_keyfigurevalue',
                        'ordering': ['key_figure', 'date', 'reported_at', 'pk'],
                        'indexes': [models.Index(fields=['key_figure', 'date', '-reported_at'], name='zielbilder__key_fig_e42722_idx')],
                    },
                ),
                migrations.CreateModel(
                    name='OfficeMembership',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('office', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='members', to='zielbilder.office', verbose_name='Amt')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='office_memberships', to=settings.AUTH_USER_MODEL, verbose_name='Person')),
                    ],
                    options={
                        'verbose_name': 'Mitarbeit in einem Amt',
                        'verbose_name_plural': 'Mitarbeit in den Ämtern',
                        'db_table': 'zielbilder_officemembership',
                        'constraints': [models.UniqueConstraint(fields=('user', 'office'), name='office_membership_once')],
                    },
                ),
                migrations.CreateModel(
                    name='ProjectReport',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('state', models.CharField(choices=[('planned', 'geplant'), ('running', 'läuft'), ('delayed', 'verzögert'), ('done', 'abgeschlossen'), ('stopped', 'eingestellt')], max_length=10, verbose_name='Stand')),
                        ('progress', models.PositiveSmallIntegerField(verbose_name='Fortschritt in %')),
                        ('note', models.TextField(blank=True, max_length=1000, verbose_name='Anmerkung')),
                        ('reported_at', models.DateTimeField(auto_now_add=True, verbose_name='Gemeldet am')),
                        ('office', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='zielbilder.office')),
                        ('project', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reports', to='zielbilder.project', verbose_name='Projekt')),
                        ('reported_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'Bericht zu einem Projekt',
                        'verbose_name_plural': 'Berichte zu den Projekten',
                        'db_table': 'zielbilder_projectreport',
                        'ordering': ['project', '-reported_at', '-pk'],
                        'constraints': [models.CheckConstraint(condition=models.Q(('progress__lte', 100)), name='project_progress_at_most_100')],
                    },
                ),
                migrations.CreateModel(
                    name='ReminderSent',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('due', models.DateField()),
                        ('level', models.CharField(choices=[('due', 'fällig'), ('escalated', 'überfällig, an das Patenamt')], max_length=10)),
                        ('recipients', models.PositiveIntegerField(default=0)),
                        ('sent_at', models.DateTimeField(auto_now_add=True)),
                        ('key_figure', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reminders', to='zielbilder.keyfigure')),
                    ],
                    options={
                        'verbose_name': 'Erinnerung an eine Kennzahl',
                        'verbose_name_plural': 'Erinnerungen an Kennzahlen',
                        'db_table': 'zielbilder_remindersent',
                        'constraints': [models.UniqueConstraint(fields=('key_figure', 'due', 'level'), name='one_reminder_per_due_date_and_level')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_types_move_here, content_types_move_back),
    ]
