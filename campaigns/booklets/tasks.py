"""Make a booklet's PDF after publishing, so the first reader does not wait for it."""

import logging

from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def build_booklet_pdf(booklet_id):
    from .models import BookletPage
    from .pdf import build_pdf

    booklet = BookletPage.objects.live().filter(pk=booklet_id).first()
    if booklet is None:
        return None
    return build_pdf(booklet).file_size
