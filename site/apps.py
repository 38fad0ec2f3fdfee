from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    name = "website"
    label = "website"
    verbose_name = _("Website")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Receivers: the proxy or CDN purge, and the content cache's generation.
        from . import frontend_cache, signals  # noqa: F401
