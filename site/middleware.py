from django.conf import settings
from django.middleware.csp import ContentSecurityPolicyMiddleware
from django.utils import translation

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
                translation.activate(alias)
                request.LANGUAGE_CODE = alias
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
