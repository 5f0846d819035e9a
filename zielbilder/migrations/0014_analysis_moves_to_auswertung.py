# The evaluations of the themes move to the app `auswertung` (its migration 0001). Their table
# stays as it is: only Django's idea of which app holds it changes.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("zielbilder", "0013_council_paper_moves_to_ratsvorlage"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ThemeAnalysis")],
            database_operations=[],
        ),
    ]
