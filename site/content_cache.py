"""Content that every page reads, cached once for all workers and dropped in one step.

Each page used to ask the database for the same things: which Site answers this host,
which page a path leads to, the site settings, the menu, the page's translations. They
change only when an editor publishes something, so they are cached in the default cache
(Redis in production, shared by every worker) under a *generation* token. Any change that
could alter a page (a publish, unpublish, move or delete, a view restriction, a setting, a
snippet, an image, a Site, a Locale, a booklet PDF: see `website.signals`) replaces the
token, so every value cached under the old one is simply never read again, in every worker
at once; nothing has to be found and deleted.

The token lives in the database (`ContentGeneration`, one row), not in the cache: it is
replaced inside the editor's transaction, so readers see the new token exactly when the
change is committed, and a cache that drops a write (Redis restarting) can never leave a
page served from before a change — a view restriction above all. Reading it is one small
query per request.

The cache is an optimisation, never a dependency: when it cannot be read, values are built
from the database as before.
"""

import logging
import pickle
import threading
import uuid
from collections import OrderedDict
from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.http import Http404
from wagtail.models import Page, PageViewRestriction, Site

logger = logging.getLogger(__name__)

# Values outlive no generation, and a day at most: a safety net, not a way to expire.
CACHE_SECONDS = 60 * 60 * 24
_MISSING = object()

# The token read for the request being served, so that it is read once per request (also
# by code that has no request at hand). Set by `generation_for_request`.
_request_memo = ContextVar("content_generation_memo", default=None)


@contextmanager
def generation_for_request():
    """Around one request: the generation is read at most once inside it."""
    reset = _request_memo.set({})
    try:
        yield
    finally:
        _request_memo.reset(reset)


def generation(request=None):
    """The current token, read once per request; None when the database cannot say."""
    memo = _request_memo.get()
    if memo is not None and "token" in memo:
        return memo["token"]
    try:
        token = read_generation()
    except DatabaseError:  # the page fails or recovers where it did before
        return None
    if memo is not None:
        memo["token"] = token
    return token


def read_generation():
    from .models import ContentGeneration

    # Every request runs this: plain SQL, without the ORM's work of building the query.
    table = connection.ops.quote_name(ContentGeneration._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT token FROM {table} WHERE id = 1")  # noqa: S608 (from _meta)
        row = cursor.fetchone()
    return row[0] if row else write_generation(ContentGeneration)


def new_generation():
    """Make everything cached so far unreachable, once the caller's transaction commits."""
    from .models import ContentGeneration

    token = write_generation(ContentGeneration)
    memo = _request_memo.get()
    if memo is not None:
        memo["token"] = token


def write_generation(model):
    # Always a new random token, never a counter: a transaction that is rolled back puts
    # the old token back, and a counter would then hand out a token already used.
    token = uuid.uuid4().hex
    if not model.objects.filter(pk=1).update(token=token):
        try:
            with transaction.atomic():
                model.objects.create(pk=1, token=token)
        except IntegrityError:  # created at the same moment by another request
            model.objects.filter(pk=1).update(token=token)
    return token


def token(key):
    """The token stored under `key`, made at the first read; None when the cache is
    unavailable. Cache keys that include it change when it is replaced."""
    try:
        current = cache.get(key)
        if current is None:
            cache.add(key, uuid.uuid4().hex, None)
            current = cache.get(key)
    except Exception:  # any cache failure: serve from the database
        current = None
    return current


def replace_token(key):
    try:
        cache.set(key, uuid.uuid4().hex, None)
    except Exception:  # the cache is down: it holds nothing that could be read anyway
        logger.warning("Content cache token %s not replaced: the cache is unavailable", key)


def _key(token, name, *parts):
    return ":".join(["content", token, name, *(str(part) for part in parts)])


def cached_value(request, name, *parts):
    """What was cached under the current generation, or None."""
    token = generation(request)
    if token is None:
        return None
    try:
        value = _read(_key(token, name, *parts))
    except Exception:
        return None
    return None if value is _MISSING else value


def cached(request, name, build, *parts, timeout=CACHE_SECONDS):
    """`build()`, cached under the current generation and the key `name` + `parts`, for
    `timeout` seconds at most."""
    token = generation(request)
    if token is None:
        return build()
    key = _key(token, name, *parts)
    try:
        value = _read(key)
    except Exception:
        return build()
    if value is _MISSING:
        value = build()
        try:
            cache.set(key, value, timeout)
        except Exception:  # a value that will not pickle or a cache that went away
            logger.warning("Content cache could not store %s", name)
    return value


# --- A copy in each process --------------------------------------------------------------
# A value stored under a token never changes: a change gets a new token, hence a new key.
# So each process may keep what it read, and a page asks the shared cache (a network round
# trip to Redis) only for the tokens. Values are kept pickled, so every request unpickles
# its own copy, as it would from the shared cache, and nothing is shared between requests.

RECENT_LIMIT = 500
_recent = OrderedDict()
_recent_lock = threading.Lock()


def _read(key):
    """The value under `key`, from this process or the shared cache, or _MISSING."""
    with _recent_lock:
        pickled = _recent.get(key)
        if pickled is not None:
            _recent.move_to_end(key)
    if pickled is not None:
        return pickle.loads(pickled)  # noqa: S301 (written by this process just before)
    value = cache.get(key, _MISSING)
    if value is not _MISSING:
        _keep(key, value)
    return value


def _keep(key, value):
    try:
        pickled = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    except Exception:  # the shared cache would have refused it too
        return
    with _recent_lock:
        _recent[key] = pickled
        _recent.move_to_end(key)
        while len(_recent) > RECENT_LIMIT:
            _recent.popitem(last=False)


# --- The Site that answers a host -------------------------------------------------------


def site_for_request(request):
    """Wagtail's Site.find_for_request, cached per host and port."""
    host = request._get_raw_host()
    port = request.get_port()
    return cached(request, "site", lambda: Site._find_for_request(request), host, port)


# --- The page a path leads to -----------------------------------------------------------


def remember_route(request, site, page):
    """After a page answered: remember which page this path led to, and what part of the
    path the page handled itself (a routable page's sub-route such as print/)."""
    token = generation(request)
    if token is None or site is None:
        return
    url = page.get_url(request)
    if not url or not request.path_info.startswith(url):
        return
    remaining = [part for part in request.path_info[len(url) :].split("/") if part]
    key = _key(token, "route", site.pk, request.path_info)
    try:
        cache.set(key, (page._meta.label, page.pk, remaining), CACHE_SECONDS)
    except Exception:
        logger.warning("Content cache could not store a route")


def page_with_locale(model, page_id):
    # Templates, the language switch and the domains read the page's locale: fetched with
    # it, it is kept with the page.
    return model.objects.select_related("locale").get(pk=page_id)


def route_from_cache(request, site):
    """The RouteResult of a cached route, with the page as it was read under this
    generation (a fresh copy for each request); None on a miss."""
    # (model label, page id, the path's part that the page handles itself)
    remembered = cached_value(request, "route", site.pk, request.path_info)
    if remembered is None:
        return None
    label, page_id, remaining = remembered
    try:
        model = apps.get_model(label)
        page = cached(request, "page", lambda: page_with_locale(model, page_id), label, page_id)
        return page.route(request, list(remaining))
    except (LookupError, ObjectDoesNotExist, Http404):
        return None


# --- The view restrictions over a page --------------------------------------------------


class ViewRestrictionsFromCache:
    """For page models: the view restrictions on the page and its ancestors, found once
    per generation. Wagtail checks them on every view, in two queries (the ancestors, to
    resolve aliases, then the restrictions), and nearly every page has none. A restriction
    added, changed or removed, or a page moved, starts a new generation."""

    def get_view_restrictions(self):
        if self.pk is None:
            return super().get_view_restrictions()
        restriction_ids = cached(
            None,
            "restrictions",
            lambda: list(
                super(ViewRestrictionsFromCache, self)
                .get_view_restrictions()
                .values_list("pk", flat=True)
            ),
            self.pk,
        )
        if not restriction_ids:
            return PageViewRestriction.objects.none()  # iterated without a query
        return PageViewRestriction.objects.filter(pk__in=restriction_ids)


class ContentCacheMiddleware:
    """Answer Wagtail's two first questions (which Site, which page) from the cache.

    Wagtail keeps both on the request (`_wagtail_site`, `_wagtail_route_for_request`) and
    asks the database only when they are missing, so setting them here is enough. The
    view restrictions and every other check still run, on the page read fresh.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/admin/"):
            return self.get_response(request)
        site = site_for_request(request)
        request._wagtail_site = site
        if site is not None:  # a form's POST goes to the same page as its GET
            route = route_from_cache(request, site)
            if route is not None:
                request._wagtail_route_for_request = route
                request._content_route_cached = True
        response = self.get_response(request)
        route = getattr(request, "_wagtail_route_for_request", None)
        if (
            route is not None
            and response.status_code == 200
            and not getattr(request, "_content_route_cached", False)
            and request.method in ("GET", "HEAD")
            and isinstance(route[0], Page)
            and route[0].live
        ):
            remember_route(request, site, route[0])
        return response


# --- What a published page computes for its template -------------------------------------


def cached_for_page(request, page, name, build, *parts, timeout=CACHE_SECONDS):
    """`build()` cached per page under the current generation, but only for the published
    page as every visitor sees it: a preview or a page that is not live builds afresh."""
    if request is None or getattr(request, "is_preview", False) or not page.live or not page.pk:
        return build()
    return cached(request, name, build, page.pk, *parts, timeout=timeout)
