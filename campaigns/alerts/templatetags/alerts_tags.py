from django import template
from wagtail.models import Locale

from ..choices import ALERT_ORDERING
from ..models import AlertPage

register = template.Library()


@register.simple_tag
def latest_alerts(count=3):
    """The newest live alerts of the active language, in one query."""
    alerts = AlertPage.objects.live().public().filter(locale=Locale.get_active())
    return list(alerts.order_by(*ALERT_ORDERING)[:count])
