"""Test settings: fast hashing, immediate tasks, plain static files.

DATABASE_URL and REDIS_URL are honoured when set, so the same suite runs on SQLite with
local memory and on PostgreSQL with Redis.
"""

import os
import tempfile
from importlib.util import find_spec
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="campaigns-test-media-"))
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="campaigns-test-static-"))
SERVE_MEDIA = True  # image renditions, with or without DEBUG
ALERTLINE_CONTACT_KEYS = ["ZGV2LW9ubHktYWxlcnRsaW5lLWtleS0zMi1ieXRlcyE="]
ALERTLINE_NOTIFY_EMAILS = ["handlers@example.org"]
PAGE_CACHE_SECONDS = 0  # tests that need the page cache turn it on
# The admin's edit views ping every 10 s to record who is editing, a write that names the
# user. A ping that reaches the live server while a browser test's database is being
# emptied fails the flush (a row that points at a user already deleted): no test waits
# an hour.
WAGTAIL_EDITING_SESSION_PING_INTERVAL = 60 * 60 * 1000

# --- Admin sign-in throttle --------------------------------------------------------------
# The test client's login() authenticates without a request, which axes refuses: that
# call alone skips the throttle (tests/axes_backend.py); the admin's form is throttled.
AUTHENTICATION_BACKENDS = [
    "tests.axes_backend.RequestOptionalAxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# --- Several test processes at once ------------------------------------------------------
# pytest-xdist runs the suite in one process per core (scripts/test.sh). Each has its own
# database (pytest-django adds the worker's name, "gw0", to the test database's), its own
# media and static folders (the temporary folders above) and its own live server port
# (chosen by the system). A Redis database is shared, so each process keeps its keys under
# a prefix of its own and empties only those.
TEST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")
# (Not for an installed copy run outside the checkout, scripts/check_install.sh.)
if CACHES["default"]["BACKEND"] == "website.caching.backend.ResilientRedisCache" and find_spec(  # noqa: F405
    "tests.worker_cache"
):
    CACHES["default"]["BACKEND"] = "tests.worker_cache.OwnKeysRedisCache"  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] += f"-{TEST_WORKER}"  # noqa: F405
