"""The open figures: a page per language, and the alert line's quarterly aggregates.

The aggregates are what remains of the alert line's reports once the reports are purged:
counts and durations per quarter and category, never a reference, text or contact. The
quiz needs none of its own: its anonymous tallies are kept, day by day, for good.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from website.models import LeadPage
from website.sections import HomeSection

from .quarters import Quarter


class FiguresPage(HomeSection, RoutablePageMixin, LeadPage):
    """Quarterly figures from the alert line and the quiz, protected against disclosure,
    with their open data (CSV and a data package) and an Atom feed of new quarters."""

    parent_page_types = ["website.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    home_section_template = "figures/home_section.html"

    class Meta:
        verbose_name = _("open figures page")

    # The routes live in views.py; these methods only bind them to the page.
    @path("")
    def latest(self, request):
        from .views import quarter_view

        return quarter_view(self, request, None)

    @re_path(r"^(?P<slug>[0-9]{4}-q[1-4])/$", name="quarter")
    def quarter(self, request, slug):
        from .views import quarter_view

        return quarter_view(self, request, Quarter.from_slug(slug))

    # Wagtail's page addresses have no dots: files are named in Content-Disposition.
    @re_path(r"^(?P<slug>[0-9]{4}-q[1-4]|latest)/(?P<name>datapackage|csv/[a-z-]+)/$")
    def data(self, request, slug, name):
        from .views import data_view

        return data_view(self, request, slug, name)

    @path("feed/", name="feed")
    def feed(self, request):
        from .views import feed_view

        return feed_view(self, request)

    def quarter_url(self, quarter, request=None, name=""):
        """The quarter's page, or one of its files (`datapackage/`, `csv/reports/`)."""
        slug = quarter if isinstance(quarter, str) else quarter.slug
        return (self.get_url(request) or "/") + f"{slug}/" + (f"{name}/" if name else "")

    def get_cached_paths(self):
        # The page and its "latest" addresses change when a quarter is frozen.
        return ["/", "/feed/", "/latest/datapackage/"]


class ReportFigures(models.Model):
    """The alert line's reports of one quarter and category, as counts and durations.

    Written by `purge_reports` before it deletes anything: the reports it is about to
    delete are added here while their quarter is open, and a quarter is sealed (its
    remaining reports added, then never changed) once it may be published.
    """

    quarter_start = models.DateField(_("quarter"), db_index=True)
    category = models.CharField(_("category"), max_length=20)
    received = models.PositiveIntegerField(_("reports received"), default=0)
    forwarded = models.PositiveIntegerField(_("forwarded to the police"), default=0)
    spam = models.PositiveIntegerField(_("closed as spam"), default=0)
    responded = models.PositiveIntegerField(_("with a first response"), default=0)
    responded_in_time = models.PositiveIntegerField(
        _("first response within the promised time"), default=0
    )
    # {"hours": reports}: how long the first responses took, in whole hours (rounded
    # up), so that the median and the 90th percentile can be read after the purge.
    response_hours = models.JSONField(_("hours to a first response"), default=dict, blank=True)
    promised_days = models.PositiveSmallIntegerField(
        _("promised first response (working days)"), null=True, blank=True
    )
    sealed_at = models.DateTimeField(_("frozen"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("alert-line quarterly figures")
        verbose_name_plural = _("alert-line quarterly figures")
        ordering = ["quarter_start", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["quarter_start", "category", "is_demo"], name="figures_quarter_unique"
            )
        ]

    def __str__(self):
        return f"{Quarter.of(self.quarter_start).slug} {self.category}"

    @property
    def quarter(self):
        return Quarter.of(self.quarter_start)
