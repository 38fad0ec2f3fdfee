"""The urgent banner: live urgent alerts of one language, read once and cached.

The list of each language is cached (Redis in production, shared by all workers) and
dropped whenever an alert is published, unpublished or deleted. An alert whose end date
passes disappears at once: the end date is checked each time the cached list is read.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

CACHE_KEY = "alerts:urgent-banners:v1:{language}"
CACHE_SECONDS = 60 * 60  # a safety net: publishing and unpublishing clear it at once


def cache_keys():
    return [CACHE_KEY.format(language=code) for code, _name in settings.LANGUAGES]


def forget_urgent_alerts():
    cache.delete_many(cache_keys())


def forget_urgent_alerts_now_and_after_commit():
    """Clear now, and again after the commit: a request that read the old data while
    the transaction was still open must not leave it in the cache."""
    forget_urgent_alerts()
    transaction.on_commit(forget_urgent_alerts)


def load_urgent_alerts(language):
    """One query: live, public, urgent alerts of the language whose end date is ahead."""
    from .models import AlertPage

    # A view restriction on the alert or on any ancestor (a path prefix) hides it.
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    alerts = (
        AlertPage.objects.live()
        .filter(locale__language_code=language, urgent=True, urgent_until__gt=timezone.now())
        .exclude(Exists(restricted))
        .order_by("urgent_until", "pk")
        .only("id", "title", "url_path", "urgent_until", "locale_id")
    )
    return [
        {
            "key": f"{alert.pk}-{int(alert.urgent_until.timestamp())}",
            "title": alert.title,
            "url": alert.get_url(),
            "until": alert.urgent_until,
        }
        for alert in alerts
    ]


def urgent_alerts(language):
    alerts = cache.get(CACHE_KEY.format(language=language))
    if alerts is None:
        alerts = load_urgent_alerts(language)
        cache.set(CACHE_KEY.format(language=language), alerts, CACHE_SECONDS)
    now = timezone.now()
    return [alert for alert in alerts if alert["until"] > now]


def urgent_banner_html(request):
    """The `register_site_banners` hook: HTML for the active language, or ""."""
    alerts = urgent_alerts(translation.get_language())
    if not alerts:
        return ""
    return render_to_string("alerts/banner.html", {"alerts": alerts})
