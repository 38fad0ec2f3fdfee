"""Wagtail's first questions on every page, answered from the store: which Site answers
this host, which page this path leads to, and which view restrictions lie over that page.

Each costs Wagtail one or more queries per request and changes only with a new generation
(a Site, a page moved or published, a restriction: `website.caching.invalidation`).

Wagtail offers no public way to hand it a route it did not find itself, so the page views
ask through the site's own: `website.views.serve` (in place of Wagtail's serve view, with
the same hooks in the same order) finds the page with `route_for_request`. The Site is
the one value handed to Wagtail (`site_for_request` says why). The view restrictions and
every other check still run, on the page read fresh from the store.
`CONTENT_CACHE_ROUTES = False` turns both off.
"""

import logging

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from wagtail.models import Page, PageViewRestriction, Site

from .store import cached, cached_value, store_value

logger = logging.getLogger(__name__)


def routes_cached():
    return getattr(settings, "CONTENT_CACHE_ROUTES", True)


def site_for_request(request):
    """Wagtail's `Site.find_for_request`, cached per host and port.

    Wagtail keeps the Site on the request, in the attribute that `Site.find_for_request`'s
    docstring names, and without it builds a query of several CASE expressions on every
    request (about 4 ms, more than the rest of a page read from the caches). No setting
    or public call hands Wagtail a Site, so this is the one place that fills it, early in
    each request (`SiteFromCacheMiddleware`)."""
    if not routes_cached():
        return Site.find_for_request(request)
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = cached(
            request,
            "site",
            lambda: Site.find_for_request(request),
            request.get_host(),
            request.get_port(),
        )
    return request._wagtail_site


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


class SiteFromCacheMiddleware:
    """The Site for every public request, from the store, before a template asks for it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith("/admin/"):
            site_for_request(request)
        return self.get_response(request)


def route_for_request(request, path):
    """The page this path leads to, as Wagtail's `Page.route_for_request` finds it (page,
    args, kwargs), or None. From the store when this generation has served the path;
    kept on the request for the rest of it (`served_route`)."""
    if not hasattr(request, "page_route"):
        route = None
        if routes_cached() and (site := site_for_request(request)) is not None:
            route = route_from_cache(request, site)
            request.page_route_from_cache = route is not None
        request.page_route = route or Page.route_for_request(request, path)
    return request.page_route


def served_route(request):
    """The route `route_for_request` found for this request, or None (not a page)."""
    return getattr(request, "page_route", None)


def remember_served_route(request, response):
    """After a page answered a GET with 200: remember which page the path led to."""
    route = served_route(request)
    if (
        routes_cached()
        and route is not None
        and response.status_code == 200
        and not getattr(request, "page_route_from_cache", False)
        and request.method in ("GET", "HEAD")
        and route[0].live
    ):
        remember_route(request, site_for_request(request), route[0])
