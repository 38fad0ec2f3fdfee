from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    name = "website"
    label = "website"
    verbose_name = _("Website")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import frontend_cache  # noqa: F401  (purges the proxy or CDN on publish)
        from . import signals  # noqa: F401  (the content cache's generation)
