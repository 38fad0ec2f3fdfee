"""What makes a booklet's downloads again, and what removes their files. `connect()` is
called once, from `BookletsConfig.ready()`.

Publishing or unpublishing a booklet or one of its chapters, or saving the phone numbers
the downloads print, queues new files, made after the transaction commits. Until they are
made, readers get the version before (or the "being prepared" page); a deploy that changes
SITE_URL or a layout runs `manage.py build_booklet_downloads`.

A chapter can also leave a booklet without being unpublished: made private (itself or
through an ancestor) or moved. (Deleting a live page unpublishes it first: Wagtail's own
pre_delete handler sends page_unpublished.) Its downloads must not keep it: new ones are
queued, and until they are made readers get the ones before (a minute at most in caches).
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from website.caching.invalidation import watch_model
from website.models import SafetySettings

from ..models import BookletChapterPage, BookletPage
from .formats import FORMATS
from .tasks import queue_every_format


def booklet_id_of(page):
    """The booklet a published page belongs to: itself, or a chapter's parent."""
    if isinstance(page, BookletPage):
        return page.pk
    if isinstance(page, BookletChapterPage):
        parent = page.get_parent()
        return parent.pk if parent is not None else None
    return None


def booklet_changed(sender, instance, **kwargs):
    booklet_id = booklet_id_of(instance)
    if booklet_id is not None:
        transaction.on_commit(lambda: queue_every_format(booklet_id))


def booklets_affected_by(page):
    """The live booklets whose downloads a change to `page` alters: itself or any booklet
    below it, and a chapter's booklet."""
    affected = set(
        BookletPage.objects.live().filter(path__startswith=page.path).values_list("pk", flat=True)
    )
    if is_chapter(page):
        try:
            parent = page.get_parent()
        except ObjectDoesNotExist:  # gone already
            parent = None
        if parent is not None:
            affected.add(parent.pk)
    return affected


def is_chapter(page):
    specific_class = page.specific_class
    return specific_class is not None and issubclass(specific_class, BookletChapterPage)


def queue_after_commit(booklet_ids):
    if booklet_ids:
        transaction.on_commit(lambda: [queue_every_format(pk) for pk in sorted(booklet_ids)])


def restriction_changed(sender, instance, raw=False, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first() if not raw else None
    if page is not None:
        queue_after_commit(booklets_affected_by(page))


def page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    affected = booklets_affected_by(instance)
    if is_chapter(instance):
        affected |= {parent_page_before.pk, parent_page_after.pk}
    queue_after_commit(affected)


def safety_settings_changed(sender, instance, created, raw=False, **kwargs):
    """Every download of the site prints these phone numbers. A new record holds the
    defaults the downloads already print (and is made by a reader's first request):
    nothing to do."""
    if created or raw:
        return
    site_id = instance.site_id
    transaction.on_commit(lambda: queue_booklets_of_site(site_id), robust=True)


def queue_booklets_of_site(site_id):
    for booklet in BookletPage.objects.live().order_by("path"):
        site = booklet.get_site()
        if site is not None and site.pk == site_id:
            queue_every_format(booklet.pk)


def remove_generated_file(sender, instance, **kwargs):
    """A stored file leaves with its record (a newer version, or its booklet deleted),
    once the deletion is committed."""
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: delete_unless_used(sender, storage, name))


def delete_unless_used(model, storage, name):
    # A record dropped because its file was gone is replaced by one that may reuse the name.
    if not model.objects.filter(file=name).exists():
        storage.delete(name)


def connect():
    uid = "booklet-downloads"
    page_published.connect(booklet_changed, dispatch_uid=f"{uid}-published")
    page_unpublished.connect(booklet_changed, dispatch_uid=f"{uid}-unpublished")
    post_page_move.connect(page_moved, dispatch_uid=f"{uid}-moved")
    for signal in (post_save, post_delete):
        signal.connect(
            restriction_changed, sender=PageViewRestriction, dispatch_uid=f"{uid}-restriction"
        )
    post_save.connect(safety_settings_changed, sender=SafetySettings, dispatch_uid=f"{uid}-safety")
    for download_format in FORMATS.values():
        model = download_format.model
        # The booklet page shows each download's size: cached pages must show the new one.
        watch_model(
            model, f"a booklet's {download_format.name} built or removed: its page shows the size"
        )
        post_delete.connect(
            remove_generated_file, sender=model, dispatch_uid=f"{uid}-remove-{model.__name__}"
        )
