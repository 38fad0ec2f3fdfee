from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationSyncConfig(AppConfig):
    name = "website.translation_sync"
    label = "translation_sync"
    verbose_name = _("Translations in sync")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401
