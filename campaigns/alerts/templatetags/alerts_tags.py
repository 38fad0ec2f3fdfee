from django import template
from django.utils import translation

from ..choices import ALERT_ORDERING
from ..models import AlertPage

register = template.Library()


@register.simple_tag
def latest_alerts(count=3):
    """The newest live alerts of the active language."""
    alerts = AlertPage.objects.live().public()
    alerts = alerts.filter(locale__language_code=translation.get_language())
    return list(alerts.order_by(*ALERT_ORDERING)[:count])
