from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve as serve_static_file
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from . import offline, views
from .middleware import ADMIN_LANGUAGE_ALIASES
from .sitemaps import BilingualSitemap

urlpatterns = [
    path("", views.language_root, name="language_root"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": BilingualSitemap}}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    # At the root so that it may serve any page's address; each registration narrows it.
    path("offline-worker.js", offline.offline_worker, name="offline_worker"),
    path("exit/", offline.quick_exit, name="quick_exit"),
    # The admin speaks pt-pt (Wagtail's catalogue), so the page links it builds start with
    # /pt-pt/: send them to the one public address.
    *[
        re_path(rf"^{alias}/(?P<rest>.*)$", views.admin_language_alias, {"language": language})
        for language, alias in ADMIN_LANGUAGE_ALIASES.items()
    ],
]

if settings.SERVE_MEDIA:
    # Only image renditions are public files. Documents go through /documents/ (which
    # checks privacy), and generated booklet PDFs and EPUBs through their booklet's pdf/ and
    # epub/ routes.
    urlpatterns.append(
        re_path(
            r"^media/(?P<path>images/[^/]+)$",
            serve_static_file,
            {"document_root": settings.MEDIA_ROOT},
        )
    )

# Every public page sits under /pt/ or /en/. Wagtail's URLs come last, with the site's own
# serve view (which finds the page through the route cache) in place of Wagtail's.
urlpatterns += i18n_patterns(
    path(_("search/"), views.search, name="search"),
    *[
        re_path(pattern.pattern.regex.pattern, views.serve, name="wagtail_serve")
        if pattern.name == "wagtail_serve"
        else pattern
        for pattern in wagtail_urls.urlpatterns
    ],
    prefix_default_language=True,
)

handler500 = "website.views.server_error"
handler400 = "website.views.bad_request"
