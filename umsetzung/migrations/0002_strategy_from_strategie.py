# The strategy model moved to `strategie` (its migration 0001): the implementation's
# references follow it. Only Django's idea of the referenced app changes, not the database.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("strategie", "0001_from_zielbilder"),
        ("umsetzung", "0001_from_zielbilder"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='keyfigurevalue',
                    name='key_figure',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='values', to='strategie.keyfigure', verbose_name='Kennzahl'),
                ),
                migrations.AlterField(
                    model_name='keyfigurevalue',
                    name='office',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='strategie.office', verbose_name='gemeldet vom Amt'),
                ),
                migrations.AlterField(
                    model_name='measure',
                    name='fields_of_action',
                    field=models.ManyToManyField(blank=True, related_name='measures', to='strategie.fieldofaction', verbose_name='Handlungsfelder'),
                ),
                migrations.AlterField(
                    model_name='measure',
                    name='goals',
                    field=models.ManyToManyField(blank=True, related_name='measures', to='strategie.goal', verbose_name='Stadtziele'),
                ),
                migrations.AlterField(
                    model_name='measure',
                    name='office',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='measures', to='strategie.office', verbose_name='verantwortliches Amt'),
                ),
                migrations.AlterField(
                    model_name='milestone',
                    name='project',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='milestones', to='strategie.project', verbose_name='Projekt'),
                ),
                migrations.AlterField(
                    model_name='officemembership',
                    name='office',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='members', to='strategie.office', verbose_name='Amt'),
                ),
                migrations.AlterField(
                    model_name='projectreport',
                    name='office',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='strategie.office'),
                ),
                migrations.AlterField(
                    model_name='projectreport',
                    name='project',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reports', to='strategie.project', verbose_name='Projekt'),
                ),
                migrations.AlterField(
                    model_name='remindersent',
                    name='key_figure',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reminders', to='strategie.keyfigure'),
                ),
            ],
            database_operations=[],
        ),
    ]
