# The council paper's models move to the app `ratsvorlage` (its migration 0001). Their tables
# stay as they are: only Django's idea of which app holds them changes.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("zielbilder", "0012_strategy_search_vectors"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="CouncilDecision"),
                migrations.DeleteModel(name="PaperVersion"),
            ],
            database_operations=[],
        ),
    ]
