"""Front-end cache invalidation: what a proxy or CDN must forget when a page is published.

Wagtail's purge API (`PurgeBatch`, and `purge_urls_from_cache` behind it) sends the URLs to
every backend in `WAGTAILFRONTENDCACHE` (settings: an HTTP PURGE to Varnish or another
proxy, Cloudflare, CloudFront). Publishing or unpublishing a page purges:

- the page and each of its translations, at their real addresses (`/pt/linha-alerta/` and
  `/en/alert-line/`: the slugs differ, so Wagtail must not rewrite one language's path
  into the other's, which is why `WAGTAILFRONTENDCACHE_LANGUAGES` is empty);
- the parent of each, when the parent's page type lists its children
  (`purge_with_children = True`: the alert index with its feeds, a booklet with its
  `print/` and `pdf/` addresses when a chapter changes);
- the home page of each language, which shows the sections and the latest alerts.

Each page contributes its own extra addresses through Wagtail's `get_cached_paths`.
`website.caching.invalidation` sends the purge once the publish has committed, so the
proxy never fetches the old version again in between. Wagtail's own app
(`wagtail.contrib.frontend_cache`) is not installed: its handler would purge the page a
second time.
"""

import logging

from django.db import transaction
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import Page, Site

logger = logging.getLogger(__name__)


def pages_to_purge(page):
    """The page, its translations, the parents that list them, and the home pages."""
    pages = {}
    for version in [page, *page.get_translations()]:
        pages[version.pk] = version
        parent = version.get_parent()
        if parent is not None and getattr(parent.specific_class, "purge_with_children", False):
            pages[parent.pk] = parent
    for home in home_pages():
        pages[home.pk] = home
    return list(pages.values())


def home_pages():
    """Every site's root page in every language."""
    homes = []
    for site in Site.objects.select_related("root_page"):
        homes += [site.root_page, *site.root_page.get_translations()]
    return homes


def purge_batch_for(page):
    batch = PurgeBatch()
    batch.add_pages(pages_to_purge(page))
    return batch


def purge_after_commit(page_id):
    if not get_backends():
        return  # no front-end cache configured: nothing to work out
    transaction.on_commit(lambda: send_purge(page_id))


def send_purge(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return
    try:
        purge_batch_for(page.specific).purge()
    except Exception:
        # An unreachable proxy must never fail a publish: the pages expire by themselves.
        logger.exception("Front-end cache purge failed for page %s", page_id)
