"""The offline copy a reader chooses to keep: its service worker and the exit that clears it.

The worker is the static file `website/js/offline-worker.js`, served at the site's root
(a worker may control only addresses under its own, and each registration narrows that
to one booklet or alert list). It is answered with `Cache-Control: no-cache`, so browsers
check it on every visit, and its VERSION is a digest of the file: a changed worker is a
new version, which takes the copy over into caches of its own and deletes the old ones.

Quick exit leaves through `exit/` only when a copy is kept (quick-exit.js): the answer
sends the browser on to the neutral site and tells it to delete this site's caches and
storage, the copy and its workers included, before it goes.
"""

import hashlib
from functools import cache as keep_result
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import etag, require_safe

from .models import SafetySettings

WORKER_FILE = Path(__file__).resolve().parent / "static/website/js/offline-worker.js"
VERSION_PLACEHOLDER = 'var VERSION = "unversioned";'


@keep_result
def worker_script():
    """The worker's text with its version, and that version (read once per process)."""
    source = WORKER_FILE.read_text(encoding="utf-8")
    version = hashlib.sha256(source.encode()).hexdigest()[:16]
    if VERSION_PLACEHOLDER not in source:
        raise ValueError(f"{WORKER_FILE} must contain {VERSION_PLACEHOLDER}")
    return source.replace(VERSION_PLACEHOLDER, f'var VERSION = "{version}";'), version


@require_safe
@cache_control(no_cache=True)
@etag(lambda request: worker_script()[1])
def offline_worker(request):
    return HttpResponse(worker_script()[0], content_type="text/javascript; charset=utf-8")


# "storage" removes the Cache API's caches, the service workers and localStorage; "cache"
# removes the browser's own copies of this site's pages.
CLEAR_SITE_DATA = '"cache", "storage"'


@transaction.non_atomic_requests
@never_cache
@require_safe
def quick_exit(request):
    response = HttpResponseRedirect(exit_destination(request))
    response["Clear-Site-Data"] = CLEAR_SITE_DATA
    return response


def exit_destination(request):
    """The neutral site every page's exit button leads to; the one in settings.py when
    the database cannot say (as on the error pages)."""
    try:
        return SafetySettings.for_request(request).quick_exit_url or settings.QUICK_EXIT_URL
    except DatabaseError:
        return settings.QUICK_EXIT_URL
