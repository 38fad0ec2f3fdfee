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
