from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FiguresConfig(AppConfig):
    name = "campaigns.figures"
    label = "figures"
    verbose_name = _("Open figures")
    default_auto_field = "django.db.models.BigAutoField"
