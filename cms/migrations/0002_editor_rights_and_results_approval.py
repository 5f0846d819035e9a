"""Editors' rights, and the four-eyes workflow that every stage result must pass."""

from django.db import migrations

from accounts.roles import EDITORS, grant, permission, role

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
MEDIA_PERMISSIONS = {
    ("wagtailimages", "image"): ["add_image", "change_image", "choose_image"],
    ("wagtaildocs", "document"): ["add_document", "change_document", "choose_document"],
}
WORKFLOW_NAME = "Vier-Augen-Freigabe der Ergebnisse"


def grant_editor_rights(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    editors = role(apps, EDITORS)

    root_page = Page.objects.filter(depth=1).first()
    if root_page is not None:
        for codename in PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=editors,
                page=root_page,
                permission=permission(apps, "wagtailcore", "page", codename),
            )
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for (app_label, model), codenames in MEDIA_PERMISSIONS.items():
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=editors,
                    collection=root_collection,
                    permission=permission(apps, app_label, model, codename),
                )
    # Results: editors write them, but publishing goes through the workflow below.
    grant(apps, EDITORS, "cms", "stageresults", ["add_stageresults", "change_stageresults"])
    grant(apps, EDITORS, "cms", "footersettings", ["change_footersettings"])


def create_results_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    FourEyesApprovalTask = apps.get_model("cms", "FourEyesApprovalTask")

    task_type, _ = ContentType.objects.get_or_create(app_label="cms", model="foureyesapprovaltask")
    results_type, _ = ContentType.objects.get_or_create(app_label="cms", model="stageresults")

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task, _ = FourEyesApprovalTask.objects.get_or_create(
        name="Freigabe durch eine zweite Person der Redaktion",
        defaults={"content_type": task_type, "active": True},
    )
    task.groups.add(role(apps, EDITORS))
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowContentType.objects.update_or_create(
        content_type=results_type, defaults={"workflow": workflow}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("accounts", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.RunPython(grant_editor_rights, migrations.RunPython.noop),
        migrations.RunPython(create_results_workflow, migrations.RunPython.noop),
    ]
