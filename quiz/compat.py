"""Until "One way in" (issue 7) lands on main: the same names, from `website` when there.

Delete this module once the merge brings website.sections, website.models.LeadMixin,
website.translations and website.ratelimit.
"""

import logging

from django.core.cache import cache
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

logger = logging.getLogger(__name__)

try:
    from website.sections import HomeSection
except ImportError:  # pragma: no cover - replaced by the lead's module

    class HomeSection:
        home_section_template = ""

        def home_section_context(self, request):
            return {}


try:
    from website.models import LeadMixin
except ImportError:  # pragma: no cover

    class LeadMixin(models.Model):
        intro = models.TextField(_("introduction"), max_length=1000)

        lead_panels = [FieldPanel("intro")]
        lead_search_fields = [index.SearchField("intro")]

        class Meta:
            abstract = True


try:
    from website.translations import live_translations
except ImportError:  # pragma: no cover

    def live_translations(locale_id, page_ids, specific=False):
        page_ids = [page_id for page_id in page_ids if page_id]
        if not page_ids:
            return {}
        keys = {}
        for page_id, key in Page.objects.filter(id__in=page_ids).values_list(
            "id", "translation_key"
        ):
            keys.setdefault(key, []).append(page_id)
        pages = Page.objects.live().public().filter(locale_id=locale_id, translation_key__in=keys)
        if specific:
            pages = pages.specific()
        found = {}
        for page in pages:
            for page_id in keys[page.translation_key]:
                found[page_id] = page
        return found


try:
    from website.ratelimit import allow
except ImportError:  # pragma: no cover

    def allow(request, scope, limit, period):
        import hashlib

        from django.conf import settings

        address = request.META.get("REMOTE_ADDR", "")
        client = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
        key = f"ratelimit:{scope}:{client}"
        try:
            cache.add(key, 0, period)
            count = cache.incr(key)
        except Exception:
            logger.warning("Rate limit cache unavailable; not limiting.")
            return True
        return count <= limit


__all__ = ["HomeSection", "LeadMixin", "allow", "live_translations"]
