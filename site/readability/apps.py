from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadabilityConfig(AppConfig):
    name = "website.readability"
    label = "readability"
    verbose_name = _("Readability and bilingual preview")

    def ready(self):
        # Every page type, from every app, gets the side-by-side preview and the
        # readability report in its previews.
        from .preview import install_on_page_models

        install_on_page_models()
