"""The handlers' notice on the persistent queue that production uses (django-tasks-db):
enqueued, run by the worker, and taken again later when the mail server fails."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import django
django.setup()
from django.core import mail
mail.outbox = []
from django.core.management import call_command
from django.core.mail.backends.locmem import EmailBackend
from django_tasks_db.models import DBTaskResult
from campaigns.alertline.tasks import notify_handlers

call_command("migrate", verbosity=0)
result = notify_handlers.enqueue("ABCDEFGH")
assert mail.outbox == [], "nothing is sent before the worker runs"
call_command("db_worker", "--backend", "alertline", "--batch", verbosity=0)
result.refresh()
print("first", result.status, len(mail.outbox), mail.outbox[0].subject)

def explode(self, messages):
    raise OSError("down")
EmailBackend.send_messages = explode
notify_handlers.enqueue("JKLMNPQR")
call_command("db_worker", "--backend", "alertline", "--batch", verbosity=0)
later = DBTaskResult.objects.filter(status="READY").values_list("args_kwargs", flat=True)
print("retry", [entry["args"] for entry in later])
"""


def test_the_notice_runs_on_the_database_queue_and_is_retried_when_mail_fails(tmp_path):
    environment = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    environment |= {
        "DJANGO_SETTINGS_MODULE": "website.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'queue.sqlite3'}",
        "ALERTLINE_TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "first SUCCESSFUL 1" in result.stdout and "ABCD-EFGH" in result.stdout
    assert "retry [['JKLMNPQR', 2]]" in result.stdout
