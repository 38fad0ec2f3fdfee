"""Every publication is fingerprinted; every new translation remembers its source's revision."""

from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import copy_for_translation_done, page_published

from .sync import record_publication, record_review, source_of


@receiver(page_published, dispatch_uid="translation_sync_publication")
def remember_publication(sender, instance, revision, **kwargs):
    record_publication(instance, revision)


@receiver(copy_for_translation_done, dispatch_uid="translation_sync_new_translation")
def remember_source_of_new_translation(sender, source_obj, target_obj, **kwargs):
    # Snippets have no published revisions to compare with: pages only (see docs/editors.md).
    if not isinstance(target_obj, Page):
        return
    source = source_of(target_obj)
    if source is not None:
        record_review(target_obj, source)
