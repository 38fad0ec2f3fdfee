"""Making and keeping a booklet's generated files: one per format, language and version.

`build` makes the current file when there is none (or its file is gone) and removes the
versions before it; it takes seconds for a PDF, so only tasks and the command call it,
never a download.
"""

import logging

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from ..models import BookletPage
from .content import fingerprint, safety_settings_for
from .formats import FORMATS

logger = logging.getLogger(__name__)


def current_file(download_format, booklet, chapters, safety):
    """The fingerprint of the booklet's current version, and its stored file if made."""
    current = fingerprint(download_format, booklet, chapters, safety)
    stored = download_format.model.objects.filter(booklet_id=booklet.pk, fingerprint=current)
    return current, stored.first()


def has_file(stored):
    return bool(stored.file.name) and stored.file.storage.exists(stored.file.name)


def drop_record_without_file(stored):
    """A record whose file is gone (media not restored, another server, a deletion racing
    this one) is never served: it goes, so the next build makes the file again."""
    logger.warning(
        "The %s of booklet %s had no file: dropped", stored._meta.model_name, stored.booklet_id
    )
    type(stored).objects.filter(pk=stored.pk).delete()


def build(download_format, booklet):
    """The stored file of the booklet's published content, made now if there is none yet
    or its file is gone.

    A live page's own fields hold its published content (drafts live in revisions), so
    the file shows what readers see on the web.
    """
    safety = safety_settings_for(booklet)
    _fingerprint, stored = current_file(download_format, booklet, booklet.live_chapters(), safety)
    if stored is not None:
        if has_file(stored):
            return stored
        drop_record_without_file(stored)
    chapters = booklet.live_chapters_with_bodies()
    # Checked again with the chapters just read, so the stored name matches the content.
    current = fingerprint(download_format, booklet, chapters, safety)
    data, fields = download_format.render(booklet, chapters, safety)
    generated = download_format.model(
        booklet_id=booklet.pk, fingerprint=current, file_size=len(data), **fields
    )
    generated.file.save(
        f"{booklet.slug}-{booklet.locale.language_code}-{current[:12]}.{download_format.name}",
        ContentFile(data),
        save=False,
    )
    try:
        with transaction.atomic():
            generated.save()
    except IntegrityError:
        # Another worker made the same file at the same moment: keep theirs.
        generated.file.delete(save=False)
        return download_format.model.objects.get(booklet_id=booklet.pk, fingerprint=current)
    logger.info("Made the %s of booklet %s (%s bytes)", download_format.name, booklet.pk, len(data))
    remove_older_versions(generated)
    return generated


def remove_older_versions(keep):
    """Older versions are not served once the current one exists; their files go once
    this commits."""
    type(keep).objects.filter(booklet_id=keep.booklet_id).exclude(pk=keep.pk).delete()


def build_missing(formats=None):
    """Make every live booklet's current files that are missing (or whose file is gone),
    for `manage.py build_booklet_downloads`. Yields each booklet, format and new file, or
    None when it already had one: running it again makes nothing."""
    formats = formats or list(FORMATS.values())
    for booklet in BookletPage.objects.live().select_related("locale").order_by("path"):
        chapters = booklet.live_chapters()
        safety = safety_settings_for(booklet)
        for download_format in formats:
            _fingerprint, stored = current_file(download_format, booklet, chapters, safety)
            if stored is not None and has_file(stored):
                yield booklet, download_format, None
            else:
                yield booklet, download_format, build(download_format, booklet)
