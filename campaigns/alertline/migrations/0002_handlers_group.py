"""Adopt the "Alert-line handlers" group (made by website/0002) and give it the reports.

Handlers read and change reports (status, notes, reply). Nobody adds reports in the
admin, and only the retention command and superusers delete them.
"""

from django.db import migrations

HANDLERS_GROUP = "Alert-line handlers"
CODENAMES = {
    "report": [("view_report", "Can view report"), ("change_report", "Can change report")],
    "reportaddition": [("view_reportaddition", "Can view added information")],
}


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    handlers, _ = Group.objects.get_or_create(name=HANDLERS_GROUP)
    for model, permissions in CODENAMES.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="alertline", model=model)
        for codename, name in permissions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": name}
            )
            handlers.permissions.add(permission)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    handlers = Group.objects.filter(name=HANDLERS_GROUP).first()
    if handlers:
        handlers.permissions.remove(
            *Permission.objects.filter(content_type__app_label="alertline")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("alertline", "0001_initial"),
        ("website", "0002_locales_and_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
