"""The foundation's shared API (issue 7), with stand-ins until it lands on main.

Everything the alert line needs from `website` is imported here, once, so that the
stand-ins can be deleted in one place when "One way in" is merged.
"""

# ruff: noqa: F401
try:
    from website.sections import HomeSection
except ImportError:  # pragma: no cover - until issue 7 is merged

    class HomeSection:
        home_section_template = ""

        def home_section_context(self, request):
            return {}


try:
    from website.models import LeadMixin
except ImportError:  # pragma: no cover - until issue 7 is merged
    from django.db import models
    from django.utils.translation import gettext_lazy as _
    from wagtail.admin.panels import FieldPanel
    from wagtail.search import index

    class LeadMixin(models.Model):
        intro = models.TextField(_("introduction"), max_length=1000)
        lead_panels = [FieldPanel("intro")]
        lead_search_fields = [index.SearchField("intro")]

        class Meta:
            abstract = True


try:
    from website.ratelimit import allow
except ImportError:  # pragma: no cover - until issue 7 is merged
    import hashlib
    import logging

    from django.conf import settings
    from django.core.cache import cache

    _logger = logging.getLogger(__name__)
    _local_counts = {}

    def allow(request, scope, limit, period):
        address = request.META.get("REMOTE_ADDR", "")
        client = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
        key = f"ratelimit:{scope}:{client}"
        try:
            cache.add(key, 0, period)
            count = cache.incr(key)
        except Exception:
            _logger.warning("Rate limit cache unavailable: counting per process")
            _local_counts[key] = _local_counts.get(key, 0) + 1
            count = _local_counts[key]
        return count <= limit


try:
    from website.demo import add_home_section, ensure_page
except ImportError:  # pragma: no cover - until issue 7 is merged
    from website.demo_tools import ensure_translation, publish
    from website.sanitize import clean_rich_text

    def _clean(fields):
        return {
            name: clean_rich_text(value) if name in _RICH_TEXT else value
            for name, value in fields.items()
        }

    _RICH_TEXT = {"what_can_be_reported", "what_happens_next", "evidence_guidance"}

    def ensure_page(parent, page_class, texts, english, **shared):
        page = page_class.objects.child_of(parent).filter(slug=texts["pt"]["slug"]).first()
        if page is None:
            page = page_class(**_clean(texts["pt"]), **shared)
            parent.add_child(instance=page)
            publish(page)
        ensure_translation(page, english, _clean(texts["en"]))
        return page

    def add_home_section(home, page, english):
        from website.models import HomePage

        homes = [home, HomePage.objects.filter(locale=english, depth=home.depth).first()]
        for each in filter(None, homes):
            each = each.specific
            if each.alert_line_page_id != page.pk:
                each.alert_line_page = page
                publish(each)
