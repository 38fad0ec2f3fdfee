"""Wagtail's first questions on every page, answered from the store: which Site answers
this host, which page this path leads to, and which view restrictions lie over that page.

Each costs Wagtail one or more queries per request and changes only with a new generation
(a Site, a page moved or published, a restriction: `website.caching.invalidation`).
Wagtail keeps the first two on the request (`_wagtail_site`, `_wagtail_route_for_request`)
and asks the database only when they are missing, and offers no public way to supply them,
so `ContentCacheMiddleware` sets them. The view restrictions and every other check still
run, on the page read fresh from the store. `CONTENT_CACHE_ROUTES = False` turns it off.
"""

import logging

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from wagtail.models import Page, PageViewRestriction, Site

from .store import cached, cached_value, store_value

logger = logging.getLogger(__name__)


def site_for_request(request):
    """Wagtail's Site.find_for_request, cached per host and port."""
    host = request._get_raw_host()
    port = request.get_port()
    return cached(request, "site", lambda: Site._find_for_request(request), host, port)


def remember_route(request, site, page):
    """After a page answered: remember which page this path led to, and what part of the
    path the page handled itself (a routable page's sub-route such as print/)."""
    if site is None:
        return
    url = page.get_url(request)
    if not url or not request.path_info.startswith(url):
        return
    remaining = [part for part in request.path_info[len(url) :].split("/") if part]
    route = (page._meta.label, page.pk, remaining)
    store_value(request, "route", route, site.pk, request.path_info)


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


class ViewRestrictionsFromCache:
    """For page models (through `website.models.BasePage`): the view restrictions on the
    page and its ancestors, found once per generation. Wagtail checks them on every view,
    in two queries (the ancestors, to resolve aliases, then the restrictions), and nearly
    every page has none. A restriction added, changed or removed, or a page moved, starts a
    new generation."""

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


def routes_cached():
    return getattr(settings, "CONTENT_CACHE_ROUTES", True)


class ContentCacheMiddleware:
    """Answer Wagtail's two first questions (which Site, which page) from the store."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/admin/") or not routes_cached():
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
