"""What makes a cached page change: the one list.

Every cache in `website.caching` is keyed by the content generation, so one rule answers
nearly everything: **when something a visitor's page may show is saved, deleted, published,
unpublished or moved, a new generation starts** and every cached Site, route, value,
fragment and whole page is left behind at once, in every worker. Behind a proxy or CDN,
publishing and unpublishing a page also purges its addresses (`website.caching.frontend`).

1. A new generation (`content_changed`), when the editor's transaction commits:
   - a page published, unpublished, moved, deleted, or saved outside a draft;
   - a view restriction (and its groups), a site or generic setting, a snippet, an image,
     a document, a Site or a Locale saved or deleted; a page's tags changed;
   - a model a domain registers with `watch_model` (see `registered_sources()`);
   - `manage.py migrate`, which every deploy runs: values that the previous release
     pickled are never read by the next one, whose code may expect another shape.
   Never: a draft saved (`save_revision` only records the draft on the page: the fields in
   DRAFT_FIELDS), a new page that is not live, a page locked or unlocked, a comment, an
   image rendition, a report, a session, a quiz tally.
2. A token of its own (`SeparateToken`), for values that change without an editor: a domain
   keys its cached values by it and replaces it itself (the quiz's answer tallies).
3. A shorter life in the page cache (`page_lifetime`), for content that ends by itself: each
   `limit_page_cache_seconds` hook takes the request and returns the seconds its content
   stays true, or None (an urgent banner's end date, the quiz findings' minute).
4. The front-end purge (`website.caching.frontend.pages_to_purge`): the page, its
   translations, the parents that list them and the home pages, after a publish, an
   unpublish or a change of the page's view restrictions commits. Anything else reaches a
   proxy when its own lifetime ends.

Domains plug in from their AppConfig.ready() and never call the generation directly, so
this module stays the one answer.
"""

import logging
import uuid

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.db.transaction import on_commit
from django.dispatch import receiver
from wagtail import hooks
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import COMMENTS_RELATION_NAME, Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from .frontend import purge_after_commit
from .generation import new_generation

logger = logging.getLogger(__name__)

CONTENT_MODELS = (
    Page,
    PageViewRestriction,
    BaseSiteSetting,
    BaseGenericSetting,
    AbstractImage,
    AbstractDocument,
    Site,
    Locale,
)

# What `save_revision`, the workflow's locks and comments write on a page or a snippet
# with drafts: none of it is what a visitor sees, which changes only when published.
DRAFT_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
        COMMENTS_RELATION_NAME,
    }
)

# (what, why) of every source a domain registered: shown by `registered_sources()`.
_registered = []


def content_changed(**kwargs):
    """Start a new generation: everything cached so far is left behind."""
    new_generation()


def shows_on_pages(model):
    return issubclass(model, CONTENT_MODELS) or model in get_snippet_models()


def only_a_draft(instance, created, update_fields):
    if update_fields is not None and set(update_fields) <= DRAFT_FIELDS:
        return True
    # A page or snippet created as a draft is seen by nobody until it is published.
    return bool(created) and getattr(instance, "live", True) is False


@receiver(post_save, dispatch_uid="caching_saved")
def model_saved(sender, instance, created=False, update_fields=None, **kwargs):
    if shows_on_pages(sender) and not only_a_draft(instance, created, update_fields):
        content_changed()


@receiver(post_delete, dispatch_uid="caching_deleted")
def model_deleted(sender, **kwargs):
    if shows_on_pages(sender):
        content_changed()


@receiver(m2m_changed, dispatch_uid="caching_related")
def relation_changed(sender, instance, **kwargs):
    # A view restriction's groups, a page's tags.
    if shows_on_pages(type(instance)):
        content_changed()


@receiver(page_published, dispatch_uid="caching_published")
@receiver(page_unpublished, dispatch_uid="caching_unpublished")
def page_published_or_unpublished(sender, instance, **kwargs):
    content_changed()
    purge_after_commit(instance.pk)


@receiver(post_migrate, dispatch_uid="caching_migrated")
def migrated(sender, app_config, **kwargs):
    # Sent once for each app: one new generation, with the app that holds its table.
    if app_config.label == "website":
        new_generation()


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="caching_restriction_saved")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="caching_restriction_deleted")
def restriction_changed(sender, instance, **kwargs):
    # A proxy must not go on serving the public copy of a page just made private.
    purge_after_commit(instance.page_id)


post_page_move.connect(content_changed, dispatch_uid="caching_moved")


# --- Sources that domains register ------------------------------------------------------


def watch_model(model, reason):
    """A domain's model whose saves and deletes change what pages show: each starts a new
    generation. Call from the app's ready()."""
    uid = f"caching_watch_{model._meta.label_lower}"
    post_save.connect(content_changed, sender=model, dispatch_uid=f"{uid}_saved")
    post_delete.connect(content_changed, sender=model, dispatch_uid=f"{uid}_deleted")
    _remember(model._meta.label, reason)


class SeparateToken:
    """A token kept in the cache for values that change without any editor: a domain
    includes `current()` in its keys and calls `replace()` when its data changes. The
    generation is left alone, so nothing else is dropped."""

    def __init__(self, key, reason):
        self.key = key
        _remember(f"token {key}", reason)

    def current(self):
        """The token, made at the first read; None when the cache is unavailable."""
        try:
            current = cache.get(self.key)
            if current is None:
                cache.add(self.key, uuid.uuid4().hex, None)
                current = cache.get(self.key)
        except Exception:  # any cache failure: serve from the database
            current = None
        return current

    def replace(self):
        """Now, and again after the commit, so that nobody caches the old data under the
        new token while the new data is being written."""
        self._replace()
        on_commit(self._replace)

    def _replace(self):
        try:
            cache.set(self.key, uuid.uuid4().hex, None)
        except Exception:  # the cache is down: it holds nothing that could be read anyway
            logger.warning("Cache token %s not replaced: the cache is unavailable", self.key)


def _remember(what, reason):
    if (what, reason) not in _registered:
        _registered.append((what, reason))


def registered_sources():
    """[(what, why)] of every source registered by a domain, in registration order."""
    return list(_registered)


# --- Content that ends by itself ---------------------------------------------------------


def page_lifetime(request, seconds):
    """The page cache's seconds, or less when something on the page ends sooner (the
    `limit_page_cache_seconds` hooks)."""
    for hook in hooks.get_hooks("limit_page_cache_seconds"):
        limit = hook(request)
        if limit is not None:
            seconds = min(seconds, int(limit))
    return seconds
