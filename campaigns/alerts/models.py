"""Citizen alerts: an index per language and structured alerts under it.

Filter values in URLs are stable codes (`?audience=parents&topic=grooming`), the same in
both languages; their labels go through the catalogue. A filtered address therefore works
on /pt/ and /en/ alike, survives a change of wording, and a feed reader that subscribed
to one keeps working when an editor renames a label.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from website.blocks import HelpLinkBlock
from website.caching.fragments import cached_for_page
from website.models import BasePage, LeadPage
from website.sections import HomeSection
from website.translations import live_translations

from .choices import ALERT_ORDERING, AUDIENCES, RISK_LEVELS, TOPICS, audience_field
from .listing import AlertListing, build_feed


def default_review_date():
    return timezone.localdate() + datetime.timedelta(days=180)


EVIDENCE_HELP = _(
    "Steps such as: take screenshots of the conversation, write down usernames, links and "
    "dates. Never copy, download or send images of abuse, not even to report them: the page "
    "always says this."
)


class AlertIndexPage(HomeSection, RoutablePageMixin, LeadPage):
    """The list of alerts of one language, its filters and its Atom feeds."""

    home_section_template = "alerts/home_section.html"
    HOME_SECTION_LENGTH = 3
    parent_page_types = ["website.HomePage"]
    subpage_types = ["alerts.AlertPage"]
    max_count_per_parent = 1
    # It lists its alerts: publishing one purges it from the front-end cache too.
    purge_with_children = True

    class Meta:
        verbose_name = _("citizen alerts index")

    def alerts(self):
        """Live alerts under this index, newest first."""
        return AlertPage.objects.child_of(self).live().public().order_by(*ALERT_ORDERING)

    def home_section_context(self, request):
        return {"latest_alerts": list(self.alerts()[: self.HOME_SECTION_LENGTH])}

    def feed_url(self, request=None, audience=None):
        """Absolute address of the feed, on the host the visitor used."""
        url = (self.get_url(request) or "/") + self.reverse_subpage("feed")
        url = request.build_absolute_uri(url) if request is not None else url
        return f"{url}?audience={audience}" if audience else url

    def get_cached_paths(self):
        # Paths relative to the page, for front-end cache invalidation: the list and its
        # feeds. (A proxy that purges by path, like the Varnish set-up in deploy/, also
        # drops the filtered and paginated lists.)
        feed = "/" + self.reverse_subpage("feed")
        return ["/", feed, *(f"{feed}?audience={value}" for value, _label in AUDIENCES)]

    @path("feed/")
    def feed(self, request):
        return build_feed(self, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = AlertListing(self, request)
        return context


class AlertPage(BasePage):
    """One Citizen Alert: what is happening, what to do, how to keep evidence, where to go."""

    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("One or two short sentences for lists, feeds and search results."),
    )
    what_is_happening = RichTextField(
        _("what is happening"), features=["bold", "italic", "link", "ul"]
    )
    signs = StreamField(
        [("sign", blocks.CharBlock(label=_("Sign"), max_length=300))],
        verbose_name=_("signs to look for"),
        blank=True,
    )
    what_to_do = StreamField(
        [("step", blocks.CharBlock(label=_("Step"), max_length=300))],
        verbose_name=_("what to do"),
        blank=True,
        help_text=_("At least one step. Say what to do, in short sentences."),
    )
    keep_evidence = StreamField(
        [("step", blocks.CharBlock(label=_("Step"), max_length=300))],
        verbose_name=_("how to keep evidence"),
        blank=True,
        help_text=EVIDENCE_HELP,
    )
    where_to_complain = StreamField(
        [("link", HelpLinkBlock())],
        verbose_name=_("where to complain"),
        blank=True,
        help_text=_(
            "At least one link: the police, the platform's own report tool. The alert line "
            "phone number is always shown."
        ),
    )
    topic = models.CharField(_("topic"), max_length=30, choices=TOPICS)
    risk_level = models.CharField(
        _("risk level"), max_length=10, choices=RISK_LEVELS, default="medium"
    )
    for_young_people = models.BooleanField(_("young people"), default=False)
    for_parents = models.BooleanField(_("parents and carers"), default=False)
    for_educators = models.BooleanField(_("educators"), default=False)
    published_date = models.DateField(_("published date"), default=timezone.localdate)
    review_date = models.DateField(
        _("review date"),
        default=default_review_date,
        help_text=_("When an editor should check that this alert is still right."),
    )
    urgent = models.BooleanField(
        _("urgent"),
        default=False,
        help_text=_("Shows a banner on every page of this language until the end date."),
    )
    urgent_until = models.DateTimeField(_("urgent until"), null=True, blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("what_is_happening"),
        FieldPanel("signs"),
        FieldPanel("what_to_do"),
        FieldPanel("keep_evidence"),
        FieldPanel("where_to_complain"),
        MultiFieldPanel(
            [
                FieldPanel("topic"),
                FieldPanel("risk_level"),
                FieldRowPanel(
                    [
                        FieldPanel("for_young_people"),
                        FieldPanel("for_parents"),
                        FieldPanel("for_educators"),
                    ],
                    heading=_("Audiences"),
                ),
                FieldRowPanel([FieldPanel("published_date"), FieldPanel("review_date")]),
            ],
            heading=_("Who it is for, and when"),
        ),
        MultiFieldPanel(
            [FieldPanel("urgent"), FieldPanel("urgent_until")], heading=_("Urgent banner")
        ),
        InlinePanel("related_alerts", label=_("Related alerts")),
        InlinePanel("related_pages", label=_("Related pages, such as booklet chapters")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("what_is_happening"),
        index.SearchField("signs"),
        index.SearchField("what_to_do"),
        index.SearchField("keep_evidence"),
        index.FilterField("topic"),
        index.FilterField("published_date"),
    ]
    parent_page_types = ["alerts.AlertIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("citizen alert")
        verbose_name_plural = _("citizen alerts")
        indexes = [models.Index(fields=["urgent", "urgent_until"])]

    def clean(self):
        super().clean()
        errors = {}
        if not len(self.what_to_do or []):
            errors["what_to_do"] = _("Add at least one step that says what to do.")
        if not len(self.where_to_complain or []):
            errors["where_to_complain"] = _("Add at least one place where people can complain.")
        if not self.audience_codes:
            errors["for_young_people"] = _("Choose at least one audience.")
        if self.urgent and not self.urgent_until:
            errors["urgent_until"] = _("An urgent alert needs an end date for its banner.")
        if self.published_date and self.review_date and self.review_date < self.published_date:
            errors["review_date"] = _("The review date cannot come before the published date.")
        if errors:
            raise ValidationError(errors)

    @property
    def audience_codes(self):
        return [code for code, _label in AUDIENCES if getattr(self, audience_field(code))]

    @property
    def audience_labels(self):
        labels = dict(AUDIENCES)
        return [labels[code] for code in self.audience_codes]

    def is_urgent_now(self, now=None):
        now = now or timezone.now()
        return bool(self.urgent and self.urgent_until and self.urgent_until > now)

    def is_due_for_review(self, today=None):
        return self.review_date < (today or timezone.localdate())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # What it links to changes only when something is published.
        related_alerts, related_pages, index = cached_for_page(
            request, self, "alert-links", self.links
        )
        context["related_alerts"] = related_alerts
        context["related_pages"] = related_pages
        context["index_url"] = index.get_url(request) if index else ""
        context["index_title"] = index.title if index else ""
        context["feed_url"] = index.feed_url(request) if index else ""
        return context

    def links(self):
        """The related alerts and pages in this alert's language, and its index."""
        alert_ids = [link.alert_id for link in self.related_alerts.all()]
        page_ids = [link.link_page_id for link in self.related_pages.all()]
        translated = live_translations(self.locale_id, alert_ids + page_ids)
        index = self.get_parent().specific  # the parent is already known from routing
        return (
            [translated[pk] for pk in alert_ids if pk in translated],
            [translated[pk] for pk in page_ids if pk in translated],
            index if isinstance(index, AlertIndexPage) else None,
        )


class AlertRelatedAlert(Orderable):
    page = ParentalKey(AlertPage, related_name="related_alerts", on_delete=models.CASCADE)
    alert = models.ForeignKey(
        AlertPage, verbose_name=_("alert"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("alert")]


class AlertRelatedPage(Orderable):
    page = ParentalKey(AlertPage, related_name="related_pages", on_delete=models.CASCADE)
    link_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("link_page")]
