from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.middleware.csp import ContentSecurityPolicyMiddleware
from django.utils import translation
from wagtail.models import Page

from .caching.routing import route_for_request

ADMIN_LANGUAGE_ALIASES = {"pt": "pt-pt"}


class AdminLanguageMiddleware:
    """Let the admin use Wagtail's own Portuguese catalogue.

    Wagtail ships Portuguese as pt_PT and pt_BR; the site's language code is plain `pt`.
    Inside /admin/ a `pt` visitor without a preference gets `pt-pt`, which also falls
    back to our `pt` catalogue. A user's own preference still wins: Wagtail applies it
    per view.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/admin/"):
            alias = ADMIN_LANGUAGE_ALIASES.get(translation.get_language())
            if alias:
                request.LANGUAGE_CODE = alias
                # Only for this request: the alias is no content language, and a thread
                # that serves a public page next must not build its addresses with it.
                with translation.override(alias):
                    return self.get_response(request)
        return self.get_response(request)


class SecurityHeadersMiddleware(ContentSecurityPolicyMiddleware):
    """The strict Content-Security-Policy (SECURE_CSP) on every public page and error
    page; Wagtail's admin gets its own, looser policy (ADMIN_CSP: it uses inline scripts
    and styles, and shows previews in a frame of itself). Every response also says which
    browser features the site never uses (Permissions-Policy)."""

    def process_response(self, request, response):
        if request.path_info.startswith("/admin/") and "Content-Security-Policy" not in response:
            response._csp_config = settings.ADMIN_CSP
        response = super().process_response(request, response)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


# What a public page answers when its type declares nothing: it is read, never written to.
READ_ONLY_METHODS = ("GET", "HEAD", "OPTIONS")
# For a page type's `allowed_http_methods` when it takes a form (the quiz, the alert line).
FORM_PAGE_METHODS = ["GET", "HEAD", "OPTIONS", "POST"]


def read_only(view):
    """Mark a view that is not a page (search) as answering only READ_ONLY_METHODS."""
    view.allowed_http_methods = READ_ONLY_METHODS
    return view


def methods_of_page(page):
    """A page type that takes a form lists its methods in Wagtail's `allowed_http_methods`
    (POST among them); one that keeps Wagtail's default, which allows every method, is
    read-only."""
    if page.allowed_http_methods is Page.allowed_http_methods:
        return READ_ONLY_METHODS
    return tuple(page.allowed_http_method_names())


class PublicMethodsMiddleware:
    """Public pages answer only the methods they take: PUT, DELETE or PATCH on a page gets
    405 with an Allow header, not the CSRF failure page (which speaks of an expired form).

    Before CsrfViewMiddleware, and in process_view, when the page the path leads to can be
    found (Wagtail keeps it on the request for the page's own view). The admin, documents
    and every other view are left alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in ("GET", "HEAD") or request.path_info.startswith("/admin/"):
            return None
        allowed = self.allowed_methods(request, view_func, view_args)
        if allowed is None:
            return None
        if request.method == "OPTIONS":
            return HttpResponse(headers={"Allow": ", ".join(allowed)})
        if request.method not in allowed:
            return HttpResponseNotAllowed(allowed)
        return None

    def allowed_methods(self, request, view_func, view_args):
        match = request.resolver_match
        if match is not None and match.url_name == "wagtail_serve":
            route = route_for_request(request, view_args[0] if view_args else "")
            if route is None:
                raise Http404
            return methods_of_page(route[0])
        return getattr(view_func, "allowed_http_methods", None)
