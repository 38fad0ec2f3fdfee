"""Moderators keep the wording rules; the moderators' approval checks the wording.

Wagtail's own migrations create the Editors and Moderators groups and the "Moderators
approval" task: they are adjusted here, not duplicated. Moderators may add, change and
delete rules; editors may read them. Each group approval task becomes a
WordingApprovalTask in place (same id, name, groups and workflows).
"""

from django.db import migrations

RULE_PERMISSIONS = {
    "Moderators": ["add", "change", "delete", "view"],
    "Editors": ["view"],
}


def get_permission(apps, model, action):
    # Permissions are normally created after migrate; on a fresh database they do not
    # exist yet, so create them the way post_migrate would.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="wording", model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_{model}",
        defaults={"name": f"Can {action} wording rule"},
    )
    return permission


def give_rule_permissions(apps):
    Group = apps.get_model("auth", "Group")
    for name, actions in RULE_PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.add(*(get_permission(apps, "wordingrule", a) for a in actions))


def convert_approval_tasks(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Task = apps.get_model("wagtailcore", "Task")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    WordingApprovalTask = apps.get_model("wording", "WordingApprovalTask")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="wording", model="wordingapprovaltask"
    )
    for task in GroupApprovalTask.objects.all():
        # Only the child table's row: the task and its groups stay where they are.
        child = WordingApprovalTask(groupapprovaltask_ptr_id=task.pk)
        child.save_base(raw=True)
        Task.objects.filter(pk=task.pk).update(content_type=content_type)


def forwards(apps, schema_editor):
    give_rule_permissions(apps)
    convert_approval_tasks(apps)


def backwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Task = apps.get_model("wagtailcore", "Task")
    WordingApprovalTask = apps.get_model("wording", "WordingApprovalTask")
    group_approval, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task_ids = list(WordingApprovalTask.objects.values_list("pk", flat=True))
    Task.objects.filter(pk__in=task_ids).update(content_type=group_approval)
    # Only the child table's rows: the tasks go back to plain group approval tasks.
    table = WordingApprovalTask._meta.db_table
    schema_editor.execute(f"DELETE FROM {schema_editor.quote_name(table)}")


class Migration(migrations.Migration):
    dependencies = [
        ("wording", "0001_initial"),
        ("website", "0002_locales_and_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
