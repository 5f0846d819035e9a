# The strategy model moves to the app `strategie` (its migration 0001). Its tables, with their
# search vectors and triggers (0012), stay as they are: the Zielbilder's references follow it,
# then zielbilder lets go of the models – in Django's idea of the apps only.

import modelcluster.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("zielbilder", "0015_monitoring_moves_to_umsetzung"),
        ("strategie", "0001_from_zielbilder"),
        # The implementation's references move first, so that no model points at one that is
        # gone.
        ("umsetzung", "0002_strategy_from_strategie"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="consolidatedzielbild",
                    name="fields_of_action",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        related_name="zielbilder",
                        to="strategie.fieldofaction",
                        verbose_name="Handlungsfelder",
                    ),
                ),
                migrations.AlterField(
                    model_name="consolidatedzielbild",
                    name="goals",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        related_name="zielbilder",
                        to="strategie.goal",
                        verbose_name="Stadtziele",
                    ),
                ),
                migrations.DeleteModel(name="Participation"),
                migrations.DeleteModel(name="KeyFigure"),
                migrations.DeleteModel(name="Project"),
                migrations.DeleteModel(name="FieldOfAction"),
                migrations.DeleteModel(name="Office"),
                migrations.DeleteModel(name="Goal"),
            ],
            database_operations=[],
        ),
    ]
