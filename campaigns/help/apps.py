from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelpConfig(AppConfig):
    name = "campaigns.help"
    label = "help"
    verbose_name = _("Help directory")
    default_auto_field = "django.db.models.BigAutoField"
