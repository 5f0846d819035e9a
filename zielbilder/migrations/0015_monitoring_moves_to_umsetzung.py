# The implementation's models move to the app `umsetzung` (its migration 0001). Their tables
# stay as they are: only Django's idea of which app holds them changes.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("zielbilder", "0014_analysis_moves_to_auswertung"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ReminderSent"),
                migrations.DeleteModel(name="Measure"),
                migrations.DeleteModel(name="Milestone"),
                migrations.DeleteModel(name="ProjectReport"),
                migrations.DeleteModel(name="KeyFigureValue"),
                migrations.DeleteModel(name="OfficeMembership"),
            ],
            database_operations=[],
        ),
    ]
