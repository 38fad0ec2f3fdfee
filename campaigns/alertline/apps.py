from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertLineConfig(AppConfig):
    name = "campaigns.alertline"
    label = "alertline"
    verbose_name = _("Alert line")
    default_auto_field = "django.db.models.BigAutoField"
