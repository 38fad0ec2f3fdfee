from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "campaigns.alerts"
    label = "alerts"
    verbose_name = _("Citizen alerts")
    default_auto_field = "django.db.models.BigAutoField"
