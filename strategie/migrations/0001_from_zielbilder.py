# The strategy model, split from `zielbilder` (its migration 0016 lets go of it, after
# umsetzung's 0002 and zielbilder's own models point here). The tables it made keep their names
# (db_table), and so do the search vectors and triggers of zielbilder's migration 0012 on them:
# nothing happens in the database but one thing: the content types, and with them the
# permissions granted to the strategy team and the history in the admin, now belong to this
# app.

import django.db.models.deletion
import django.db.models.functions.text
from django.db import migrations, models

MODELS = ("goal", "office", "fieldofaction", "project", "keyfigure", "participation")


def _move(apps, source: str, target: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label=source, model__in=MODELS).update(app_label=target)


def content_types_move_here(apps, schema_editor):
    _move(apps, "zielbilder", "strategie")


def content_types_move_back(apps, schema_editor):
    _move(apps, "strategie", "zielbilder")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("zielbilder", "0015_monitoring_moves_to_umsetzung"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Goal',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('number', models.PositiveSmallIntegerField(unique=True, verbose_name='Nummer')),
                        ('name', models.CharField(max_length=200, unique=True, verbose_name='Stadtziel')),
                        ('description', models.TextField(blank=True, max_length=2000, verbose_name='Beschreibung')),
                    ],
                    options={
                        'verbose_name': 'Stadtziel',
                        'verbose_name_plural': 'Stadtziele',
                        'db_table': 'zielbilder_goal',
                        'ordering': ['number'],
                    },
                ),
                migrations.CreateModel(
                    name='Office',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('number', models.CharField(max_length=20, unique=True, verbose_name='Nummer')),
                        ('name', models.CharField(max_length=200, verbose_name='Name')),
                        ('division', models.CharField(blank=True, help_text='Dezernat oder Bereich.', max_length=200, verbose_name='Geschäftsbereich')),
                    ],
                    options={
                        'verbose_name': 'Amt',
                        'verbose_name_plural': 'Ämter',
                        'db_table': 'zielbilder_office',
                        'ordering': [models.OrderBy(django.db.models.functions.text.Length('number')), models.OrderBy(models.F('number'))],
                    },
                ),
                migrations.CreateModel(
                    name='FieldOfAction',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=200, unique=True, verbose_name='Handlungsfeld')),
                        ('slug', models.SlugField(max_length=200, unique=True, verbose_name='Kurzname')),
                        ('sponsor_division', models.CharField(blank=True, help_text='Der Geschäftsbereich, der die Patenschaft trägt, z. B. „GBII“.', max_length=50, verbose_name='Patenschaft im Geschäftsbereich')),
                        ('description', models.TextField(blank=True, max_length=2000, verbose_name='Beschreibung')),
                        ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='Reihenfolge')),
                        ('goal', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='fields', to='strategie.goal', verbose_name='Stadtziel')),
                        ('sponsor_office', models.ForeignKey(blank=True, help_text='Das Amt, das das Handlungsfeld als Pate verantwortet.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='sponsored_fields', to='strategie.office', verbose_name='Patenamt')),
                    ],
                    options={
                        'verbose_name': 'Handlungsfeld',
                        'verbose_name_plural': 'Handlungsfelder',
                        'db_table': 'zielbilder_fieldofaction',
                        'ordering': ['goal__number', 'sort_order', 'name'],
                    },
                ),
                migrations.CreateModel(
                    name='Project',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=200, verbose_name='Projekt')),
                        ('description', models.TextField(blank=True, max_length=3000, verbose_name='Kurzbeschreibung')),
                        ('strategic', models.BooleanField(default=False, help_text='Das eine strategische Projekt des Handlungsfelds; weitere sind möglich.', verbose_name='Strategisches Projekt')),
                        ('relevance_rank', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='Rang nach Relevanz')),
                        ('field', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='projects', to='strategie.fieldofaction', verbose_name='Handlungsfeld')),
                        ('office', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='projects', to='strategie.office', verbose_name='eingebracht vom Amt')),
                    ],
                    options={
                        'verbose_name': 'Projekt',
                        'verbose_name_plural': 'Projekte',
                        'db_table': 'zielbilder_project',
                        'ordering': ['field', '-strategic', 'name'],
                    },
                ),
                migrations.CreateModel(
                    name='KeyFigure',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=300, verbose_name='Kennzahl')),
                        ('strategic', models.BooleanField(default=False, verbose_name='Strategische Kennzahl')),
                        ('unit', models.CharField(blank=True, max_length=50, verbose_name='Einheit')),
                        ('direction', models.CharField(choices=[('up', 'höher ist besser'), ('down', 'niedriger ist besser'), ('target', 'möglichst nah am Zielwert')], default='up', max_length=10, verbose_name='Richtung')),
                        ('baseline_value', models.DecimalField(blank=True, decimal_places=3, max_digits=14, null=True, verbose_name='Ausgangswert')),
                        ('baseline_date', models.DateField(blank=True, null=True, verbose_name='Ausgangswert vom')),
                        ('target_value', models.DecimalField(blank=True, decimal_places=3, max_digits=14, null=True, verbose_name='Zielwert')),
                        ('target_date', models.DateField(blank=True, null=True, verbose_name='Zielwert bis')),
                        ('source', models.CharField(blank=True, max_length=300, verbose_name='Quelle')),
                        ('note', models.CharField(blank=True, help_text='Zum Beispiel „noch abzustimmen mit der Kinderkommission“.', max_length=300, verbose_name='Stand')),
                        ('reporting_interval', models.PositiveSmallIntegerField(default=12, help_text='So oft meldet das verantwortliche Amt einen neuen Wert.', verbose_name='Berichtsintervall in Monaten')),
                        ('field', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='key_figures', to='strategie.fieldofaction', verbose_name='Handlungsfeld')),
                        ('responsible_office', models.ForeignKey(blank=True, help_text='Leer: das federführende Amt des Handlungsfelds.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='reported_key_figures', to='strategie.office', verbose_name='meldendes Amt')),
                        ('project', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='key_figures', to='strategie.project', verbose_name='Projekt')),
                    ],
                    options={
                        'verbose_name': 'Kennzahl',
                        'verbose_name_plural': 'Kennzahlen',
                        'db_table': 'zielbilder_keyfigure',
                        'ordering': ['field', '-strategic', 'name'],
                    },
                ),
                migrations.CreateModel(
                    name='Participation',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('role', models.CharField(choices=[('F', 'federführend'), ('B', 'beteiligt')], max_length=1, verbose_name='Rolle')),
                        ('field', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='participations', to='strategie.fieldofaction', verbose_name='Handlungsfeld')),
                        ('office', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='participations', to='strategie.office', verbose_name='Amt')),
                    ],
                    options={
                        'verbose_name': 'Beteiligung eines Amts',
                        'verbose_name_plural': 'Beteiligungen der Ämter',
                        'db_table': 'zielbilder_participation',
                        'ordering': ['field', 'office'],
                        'constraints': [models.UniqueConstraint(fields=('office', 'field'), name='participation_once')],
                    },
                ),
                migrations.AddConstraint(
                    model_name='project',
                    constraint=models.UniqueConstraint(condition=models.Q(('strategic', True)), fields=('field',), name='one_strategic_project_per_field', violation_error_message='Dieses Handlungsfeld hat schon ein strategisches Projekt.'),
                ),
                migrations.AddConstraint(
                    model_name='project',
                    constraint=models.UniqueConstraint(fields=('field', 'name'), name='project_name_per_field'),
                ),
                migrations.AddConstraint(
                    model_name='keyfigure',
                    constraint=models.UniqueConstraint(fields=('field', 'name'), name='key_figure_name_per_field'),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_types_move_here, content_types_move_back),
    ]
