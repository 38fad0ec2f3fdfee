"""Whole pages for anonymous visitors, from the cache that every worker shares.

Hand-written because the maintained library, wagtail-cache, requires Wagtail < 8 (its
latest release, 3.0.0, says so), and because the content generation
(website.caching.generation) already gives what a page cache needs most: when anything a page
shows is published, unpublished, moved or changed, the token changes and every cached page
is left behind at once, in every worker.

A page is kept only when it cannot hold anything personal or a visitor's own state:
- only GET and HEAD, and only from a visitor with no session and no messages cookie
  (editors, logged-in users and anyone with a passed view restriction have a session);
- never the admin or previews (under /admin/);
- only 200 answers of a Wagtail page that set no cookie, carry no CSRF token (so the quiz
  and the alert-line forms are never cached: a token is per visitor), queue no message, and
  do not ask to be private or uncached.
Keyed by the generation, the host and the full path with its query (the language is the
path's prefix). `PAGE_CACHE_SECONDS` sets how long a page is kept; 0 turns the cache off.
Responses say `X-Page-Cache: hit` or `miss`. A domain whose content ends by itself (an
urgent banner's end date) shortens a page's lifetime: see
`website.caching.invalidation.page_lifetime`.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.utils.cache import get_max_age
from wagtail.models import Page

from .generation import generation, generation_for_request
from .invalidation import page_lifetime
from .routing import served_route

logger = logging.getLogger(__name__)

CSRF_FIELD = b'name="csrfmiddlewaretoken"'
PERSONAL_COOKIES = ("sessionid", "messages")


def page_cache_seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def visitor_may_share(request):
    if request.method not in ("GET", "HEAD") or request.path_info.startswith("/admin/"):
        return False
    personal = {settings.SESSION_COOKIE_NAME, *PERSONAL_COOKIES}
    return not personal.intersection(request.COOKIES)


def cache_key(request, token):
    try:
        address = f"{request.get_host()}{request.get_full_path()}"
    except DisallowedHost:
        return None
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"page:{token}:{digest}"


def is_a_public_wagtail_page(request):
    route = served_route(request)
    return route is not None and isinstance(route[0], Page)


def holds_nothing_personal(request, response):
    user = getattr(request, "user", None)
    messages = getattr(request, "_messages", None)
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not (user is not None and user.is_authenticated)
        and not (messages is not None and messages.added_new)
        and "private" not in cache_control
        and "no-store" not in cache_control
        and get_max_age(response) != 0
        and CSRF_FIELD not in response.content
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The outermost of the two caches: the content generation is read once in here.
        with generation_for_request():
            return self.serve(request)

    def serve(self, request):
        seconds = page_cache_seconds()
        if not seconds or not visitor_may_share(request):
            return self.get_response(request)
        token = generation(request)
        key = cache_key(request, token) if token else None
        if key is None:
            return self.get_response(request)
        try:
            cached = cache.get(key)
        except Exception:  # a cache that fails is a miss
            cached = None
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if (
            request.method == "GET"
            and is_a_public_wagtail_page(request)
            and holds_nothing_personal(request, response)
        ):
            self.store(key, response, page_lifetime(request, seconds))
        response["X-Page-Cache"] = "miss"
        return response

    def store(self, key, response, seconds):
        if seconds <= 0:
            return
        try:
            cache.set(key, response, seconds)
        except Exception:
            logger.warning("Page cache could not store a page")
