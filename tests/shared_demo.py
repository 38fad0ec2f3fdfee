"""On SQLite, the demo site is built once per run rather than once per test process.

Migrating and loading the demo takes a process 40 to 50 s on these machines. With
pytest-xdist, the first process to need a database builds it as before and leaves a copy
(the database file and the media it made) in a folder of the run; the others make their
tables without running the migrations (pytest-django's own switch), put the copy over them,
and go on with the copy's tables, rows and migration records. The builder's first tests
are database tests while the others start with the tests that need no database, so the
copy is usually ready before anyone waits for it.

PostgreSQL (CI's second pass) and a run in one process build their own, as before.
"""

import os
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management.commands import migrate
from django.db import connection

READY, FAILED = "ready", "failed"
WAIT_SECONDS = 15 * 60
FOLDER_VARIABLE = "CAMPAIGNS_TEST_DEMO_FOLDER"


def configure(config):
    """In the controller of a run with several processes, before they start: the folder
    they share (they inherit the variable)."""
    if getattr(config, "workerinput", None) is None and config.getoption("numprocesses", None):
        os.environ[FOLDER_VARIABLE] = tempfile.mkdtemp(prefix="campaigns-test-demo-")


def unconfigure(config):
    if getattr(config, "workerinput", None) is None and FOLDER_VARIABLE in os.environ:
        shutil.rmtree(os.environ.pop(FOLDER_VARIABLE), ignore_errors=True)


def run_folder():
    """The folder this run's processes share, or None when the demo is not shared: one
    process only, or a database other than SQLite."""
    folder = os.environ.get(FOLDER_VARIABLE)
    if folder is None or settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        return None
    return Path(folder)


def claim_build(folder):
    """True for the one process that builds the demo for the run; it leaves its process
    number, so that the others stop waiting if it dies."""
    mine = folder / f"builder-{os.getpid()}"
    mine.write_text(str(os.getpid()))
    try:
        os.link(mine, folder / "builder")  # atomic: one process only gets the name
    except FileExistsError:
        return False
    return True


def builder_gone(folder):
    """The builder said it failed (its database set-up raised), or its process is gone."""
    if (folder / FAILED).exists():
        return True
    try:
        os.kill(int((folder / "builder").read_text()), 0)
    except (ValueError, ProcessLookupError):
        return True
    return False


def give_up_unless_shared(folder):
    """The builder, at its end: if it never shared its copy, the others stop waiting."""
    if not (folder / READY).exists():
        (folder / FAILED).touch()


def share(folder):
    """The builder's copy of its database and media, for the other processes."""
    with sqlite3.connect(folder / "demo.sqlite3") as copy:
        connection.ensure_connection()
        connection.connection.backup(copy)
    shutil.copytree(settings.MEDIA_ROOT, folder / "media")
    (folder / READY).touch()


# What pytest-django changes for the whole process when the migrations are switched off.
_migration_settings = []


def remember_migration_settings():
    _migration_settings[:] = [settings.MIGRATION_MODULES, migrate.Command]


def put_migration_settings_back():
    """Once the copy is in: a test that runs `migrate` sees the real migrations."""
    settings.MIGRATION_MODULES, migrate.Command = _migration_settings


def take_shared_copy(folder):
    """Wait for the builder's copy and put it over this process's database and media."""
    deadline = time.monotonic() + WAIT_SECONDS
    while not (folder / READY).exists():
        if builder_gone(folder):
            raise RuntimeError("the process that built the demo failed: see its errors above")
        if time.monotonic() > deadline:
            raise RuntimeError(f"no demo database in {folder} after {WAIT_SECONDS} s")
        time.sleep(0.2)
    with sqlite3.connect(folder / "demo.sqlite3") as copy:
        connection.ensure_connection()
        copy.backup(connection.connection)
    shutil.copytree(folder / "media", settings.MEDIA_ROOT, dirs_exist_ok=True)
    # What this process learnt from its own tables before the copy replaced them.
    ContentType.objects.clear_cache()
    cache.clear()
