"""Editors and moderators keep the directory of help: they add, change and publish its
entries. Only moderators delete one (an entry an outcome uses would vanish from it)."""

from django.db import migrations

EDITORS = ["add", "change", "publish"]
MODERATORS = ["add", "change", "publish", "delete"]


def permission(apps, action):
    # Permissions are normally created after migrate; on a fresh database they do not
    # exist yet, so create them the way post_migrate would.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="help", model="helporganisation")
    found, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_helporganisation",
        defaults={"name": f"Can {action} help organisation"},
    )
    return found


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, actions in (("Editors", EDITORS), ("Moderators", MODERATORS)):
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.add(*(permission(apps, action) for action in actions))


class Migration(migrations.Migration):
    dependencies = [
        ("help", "0001_initial"),
        ("website", "0002_locales_and_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
