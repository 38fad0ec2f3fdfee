from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookletsConfig(AppConfig):
    name = "campaigns.booklets"
    label = "booklets"
    verbose_name = _("Booklets")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .downloads import receivers

        receivers.connect()
