"""Create the English locale and give each group what its job needs.

Wagtail's own migrations create the Portuguese locale (from LANGUAGE_CODE), the Editors
and Moderators groups and the "Moderators approval" workflow: they are adjusted here,
not duplicated.
"""

from django.db import migrations

HANDLERS_GROUP = "Alert-line handlers"


def get_permission(apps, app_label, model, codename, name):
    # Permissions are normally created after migrate; on a fresh database they do not
    # exist yet, so create them the way post_migrate would.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def forwards(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Group = apps.get_model("auth", "Group")
    Locale.objects.get_or_create(language_code="en")

    submit_translation = get_permission(
        apps, "simple_translation", "simpletranslation", "submit_translation",
        "Can submit translations",
    )
    for name in ("Editors", "Moderators"):
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.add(submit_translation)

    access_admin = get_permission(
        apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"
    )
    handlers, _ = Group.objects.get_or_create(name=HANDLERS_GROUP)
    handlers.permissions.add(access_admin)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name=HANDLERS_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("simple_translation", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
