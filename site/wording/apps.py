from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WordingConfig(AppConfig):
    name = "website.wording"
    label = "wording"
    verbose_name = _("Safe wording")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Every page type's admin form checks the wording before a page can go live.
        from .forms import install_wording_check

        install_wording_check()
