"""The tasks that make a booklet's downloads, one per format, so that one failing never
keeps the other from being made. The "default" backend is the immediate one: the editor's
request that published makes them, never a reader's. The command makes what is missing."""

import logging

from django.core.cache import cache
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend

from ..models import BookletPage
from .formats import EPUB, FORMATS, PDF
from .storage import build

logger = logging.getLogger(__name__)


def build_live(download_format, booklet_id):
    booklet = BookletPage.objects.live().filter(pk=booklet_id).first()
    if booklet is None:
        return None
    return build(download_format, booklet).file_size


@task()
def build_booklet_pdf(booklet_id):
    return build_live(PDF, booklet_id)


@task()
def build_booklet_epub(booklet_id):
    return build_live(EPUB, booklet_id)


TASKS = {PDF.name: build_booklet_pdf, EPUB.name: build_booklet_epub}


def queue(download_format, booklet_id):
    try:
        TASKS[download_format.name].enqueue(booklet_id)
    except Exception:
        # Never fail a publish or a settings save: the command makes what is missing.
        logger.exception("Could not make the %s of booklet %s", download_format.name, booklet_id)


def queue_every_format(booklet_id):
    for download_format in FORMATS.values():
        queue(download_format, booklet_id)


def ask_for(download_format, booklet, current):
    """With a real task queue, a download that finds no current file queues one, once per
    version every few minutes. The immediate backend would make it inside this request:
    then publishing, the settings or the command make it instead."""
    if isinstance(TASKS[download_format.name].get_backend(), ImmediateBackend):
        return
    key = f"booklet-{download_format.name}-asked:{booklet.pk}:{current}"
    try:
        first_to_ask = cache.add(key, True, 300)
    except Exception:  # a cache that went away: a queued build more is harmless
        first_to_ask = True
    if first_to_ask:
        queue(download_format, booklet.pk)
