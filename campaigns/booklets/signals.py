"""Publishing a booklet or one of its chapters queues a new PDF of that booklet.

The PDF is made after the transaction commits; if the task has not run yet, the first
download makes it. Either way it is made once per published version.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from .models import BookletChapterPage, BookletPage, GeneratedPDF

logger = logging.getLogger(__name__)


def queue_pdf(booklet_id):
    from .tasks import build_booklet_pdf

    try:
        build_booklet_pdf.enqueue(booklet_id)
    except Exception:
        # The download makes the PDF when the task could not: never fail a publish.
        logger.exception("Could not make the PDF of booklet %s", booklet_id)


def booklet_id_of(page):
    if isinstance(page, BookletPage):
        return page.pk
    if isinstance(page, BookletChapterPage):
        parent = page.get_parent()
        return parent.pk if parent is not None else None
    return None


@receiver(page_published)
@receiver(page_unpublished)
def booklet_changed(sender, instance, **kwargs):
    booklet_id = booklet_id_of(instance)
    if booklet_id is not None:
        transaction.on_commit(lambda: queue_pdf(booklet_id))


@receiver(post_delete, sender=GeneratedPDF)
def remove_pdf_file(sender, instance, **kwargs):
    """A stored PDF leaves with its record (a newer version, or its booklet deleted),
    once the deletion is committed."""
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: delete_unless_used(storage, name))


def delete_unless_used(storage, name):
    # A record dropped because its file was gone is replaced by one that may reuse the name.
    if not GeneratedPDF.objects.filter(file=name).exists():
        storage.delete(name)
