"""The urgent banner: live urgent alerts of one language, read once per content generation.

The list of each language is kept in the content cache (website.caching.store): publishing,
unpublishing, moving or deleting a page, or any view restriction, starts a new generation,
so the banner changes on the next request. An alert whose end date passes disappears at
once: the end date is checked each time the cached list is read.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from website.caching.store import cached


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
    alerts = cached(None, "urgent-alerts", lambda: load_urgent_alerts(language), language)
    now = timezone.now()
    return [alert for alert in alerts if alert["until"] > now]


def urgent_banner_html(request):
    """The `register_site_banners` hook: HTML for the active language, or ""."""
    alerts = urgent_alerts(translation.get_language())
    if not alerts:
        return ""
    return render_to_string("alerts/banner.html", {"alerts": alerts})
