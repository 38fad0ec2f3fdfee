from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from .blocks import SafetyStoryBlock
from .caching.routing import ViewRestrictionsFromCache
from .caching.store import cached
from .choices import AUDIENCES
from .sections import is_home_section
from .translations import live_translations

phone_validator = RegexValidator(
    r"^\+?[0-9 ]{3,20}$",
    _("Use digits and spaces only, with an optional + at the start."),
)


@register_setting(icon="warning")
class SafetySettings(BaseSiteSetting):
    """Numbers and addresses that every page shows. Text for readers lives elsewhere."""

    alert_line_phone = models.CharField(
        _("alert line phone number"),
        max_length=20,
        default="+351 918 089 090",
        validators=[phone_validator],
    )
    emergency_number = models.CharField(
        _("emergency number"), max_length=20, default="112", validators=[phone_validator]
    )
    quick_exit_url = models.URLField(
        _("quick exit destination"),
        default="https://www.ipma.pt/",
        help_text=_("A neutral site, such as the weather, that quick exit opens."),
    )

    panels = [
        FieldPanel("alert_line_phone"),
        FieldPanel("emergency_number"),
        FieldPanel("quick_exit_url"),
    ]

    class Meta:
        verbose_name = _("safety settings")

    @classmethod
    def for_site(cls, site):
        # Every page shows these: read once per content generation, not once per page.
        def load():
            return super(SafetySettings, cls).for_site(site)

        return cached(None, "settings", load, cls._meta.label, getattr(site, "pk", None))

    def clean(self):
        super().clean()
        if self.quick_exit_url and not self.quick_exit_url.startswith("https://"):
            raise ValidationError(
                {"quick_exit_url": _("Use an https:// address, so the exit cannot be intercepted.")}
            )
        site_host = self.site.hostname if self.site_id else ""
        if site_host and f"//{site_host}" in self.quick_exit_url:
            raise ValidationError(
                {"quick_exit_url": _("Quick exit must leave this site: choose another site.")}
            )

    @staticmethod
    def dial(number):
        """The number as a tel: link needs it: no spaces."""
        return number.replace(" ", "")

    @property
    def alert_line_tel(self):
        return self.dial(self.alert_line_phone)

    @property
    def emergency_tel(self):
        return self.dial(self.emergency_number)


class ContentGeneration(models.Model):
    """One row: the token that the content cache's keys include (website.caching.generation).
    Replaced in the same transaction as any change a page may show."""

    token = models.CharField(max_length=32)

    def __str__(self):
        return self.token


class BasePage(ViewRestrictionsFromCache, Page):
    """What every page type shares: its view restrictions read from the content cache
    (website.caching.routing), Wagtail's panels and search fields. Page types extend
    `LeadPage`, or this one when they have a summary of their own instead of a lead."""

    content_panels = [*Page.content_panels]
    search_fields = [*Page.search_fields]

    class Meta:
        abstract = True


class LeadPage(BasePage):
    """A page with a lead paragraph: one name (`intro`) and one panel for every page type.

    Lists, search results, feeds and the home page's sections read `intro`, whatever the
    page type.
    """

    intro = models.TextField(
        _("introduction"),
        max_length=1000,
        help_text=_("One short paragraph that says what the page is for."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro", boost=2)]

    class Meta:
        abstract = True


class HomePage(LeadPage):  # noqa: DJ008 (Page gives the title)
    """The front door for each language: who are you, and where to go next."""

    content_panels = [
        *LeadPage.content_panels,
        InlinePanel("audience_entries", label=_("Audience entry points"), min_num=1),
        InlinePanel(
            "sections",
            label=_("Sections"),
            help_text=_(
                "Pages that can show themselves on the home page, in this order. Each "
                "language shows its own translation; a page without a section is left out."
            ),
        ),
    ]
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Both change only when something is published: read once per content generation.
        context["audience_entries"] = cached(
            request, "home-entries", self.localized_audience_entries, self.pk
        )
        context["sections"] = cached(request, "home-sections", self.localized_sections, self.pk)
        return context

    def localized_audience_entries(self):
        entries = list(self.audience_entries.all())
        pages = live_translations(self.locale_id, [entry.link_page_id for entry in entries])
        return [(entry, pages.get(entry.link_page_id)) for entry in entries]

    def localized_sections(self):
        """The chosen pages that can show themselves here, in this page's language.

        A page whose app is not installed comes back as a plain Page, and is skipped.
        """
        chosen = [section.section_page_id for section in self.sections.all()]
        pages = live_translations(self.locale_id, chosen, specific=True)
        return [pages[page_id] for page_id in chosen if is_home_section(pages.get(page_id))]


class HomePageAudienceEntry(Orderable):
    page = ParentalKey(HomePage, related_name="audience_entries", on_delete=models.CASCADE)
    audience = models.CharField(_("audience"), max_length=20, choices=AUDIENCES)
    heading = models.CharField(_("heading"), max_length=80)
    summary = models.CharField(_("summary"), max_length=200)
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page it leads to"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [
        FieldPanel("audience"),
        FieldPanel("heading"),
        FieldPanel("summary"),
        FieldPanel("link_page"),
    ]


class HomePageSection(Orderable):
    """One section of the home page: a page that knows how to show itself there."""

    page = ParentalKey(HomePage, related_name="sections", on_delete=models.CASCADE)
    section_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The main page of a campaign, such as a list or a form."),
    )

    panels = [FieldPanel("section_page")]

    class Meta(Orderable.Meta):
        verbose_name = _("home page section")


class GuidancePage(LeadPage):  # noqa: DJ008 (Page gives the title)
    """Advice for one audience or one need: for parents, for educators, cover your tracks."""

    body = StreamField(SafetyStoryBlock(), verbose_name=_("body"))

    content_panels = [*LeadPage.content_panels, FieldPanel("body")]
    search_fields = [
        *LeadPage.search_fields,
        index.SearchField("body"),
    ]
    parent_page_types = ["website.HomePage", "website.GuidancePage"]
    subpage_types = ["website.GuidancePage"]

    class Meta:
        verbose_name = _("guidance page")


class SearchSynonym(TranslatableMixin, models.Model):
    """A word readers search for, and the words the site's pages use for the same thing
    ("chantagem" for "sextorsão"): a search for the word also finds pages with any of
    them, in the synonym's language only. Saving one starts a new content generation
    (website.caching.invalidation: snippets), so cached searches see it on the next request."""

    term = models.CharField(
        _("word searched for"),
        max_length=100,
        help_text=_(
            "What readers type, for example: blackmail. Capitals and accents do not count."
        ),
    )
    means = models.CharField(
        _("same meaning as"),
        max_length=300,
        help_text=_(
            "The words the pages use, separated by commas, for example: sextortion, threats. "
            "A search for the word above also finds pages with any of these."
        ),
    )

    panels = [FieldPanel("term"), FieldPanel("means")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["term"]

    def __str__(self):
        return self.term

    def alternatives(self):
        return [words.strip() for words in self.means.split(",") if words.strip()]
