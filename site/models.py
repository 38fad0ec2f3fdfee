from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .blocks import SafetyStoryBlock

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


def optional_page(verbose_name):
    """A home-page section's page: any page type, so `website` never imports the apps."""
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class HomePage(Page):
    """The front door for each language: who are you, and where to go next."""

    intro = models.TextField(_("introduction"), max_length=500)
    alerts_page = optional_page(_("citizen alerts page"))
    quiz_page = optional_page(_("quiz page"))
    booklet_page = optional_page(_("booklet page"))
    alert_line_page = optional_page(_("alert line page"))

    # Pages are chosen in the default language; each locale shows its own translation.
    SECTION_FIELDS = ("alerts_page", "quiz_page", "booklet_page", "alert_line_page")

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("audience_entries", label=_("Audience entry points"), min_num=1),
        MultiFieldPanel(
            [FieldPanel(name) for name in SECTION_FIELDS],
            heading=_("Sections (each shows only when its page exists)"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["audience_entries"] = self.localized_audience_entries()
        context["sections"] = self.localized_sections()
        return context

    def localized_audience_entries(self):
        entries = list(self.audience_entries.all())
        pages = self.live_translations_of([entry.link_page_id for entry in entries])
        return [(entry, pages.get(entry.link_page_id)) for entry in entries]

    def localized_sections(self):
        ids = {name: getattr(self, f"{name}_id") for name in self.SECTION_FIELDS}
        pages = self.live_translations_of(ids.values())
        return {name: pages[page_id] for name, page_id in ids.items() if page_id in pages}

    def live_translations_of(self, page_ids):
        """Map each chosen page id to its live version in this page's locale, in 2 queries."""
        page_ids = [page_id for page_id in page_ids if page_id]
        if not page_ids:
            return {}
        keys = dict(Page.objects.filter(id__in=page_ids).values_list("translation_key", "id"))
        translations = (
            Page.objects.live().public().filter(locale_id=self.locale_id, translation_key__in=keys)
        )
        return {keys[page.translation_key]: page for page in translations.specific()}


class HomePageAudienceEntry(Orderable):
    AUDIENCES = [
        ("young_people", _("Young people")),
        ("parents", _("Parents and carers")),
        ("educators", _("Educators")),
    ]
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


class GuidancePage(Page):
    """Advice for one audience or one need: for parents, for educators, cover your tracks."""

    intro = models.TextField(_("introduction"), max_length=500)
    body = StreamField(SafetyStoryBlock(), verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["website.HomePage", "website.GuidancePage"]
    subpage_types = ["website.GuidancePage"]

    class Meta:
        verbose_name = _("guidance page")
