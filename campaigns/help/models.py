"""The directory of help: organisations (translatable snippets that editors keep true)
and the page that lists them, with filters and each one's "open now" or "opens at"."""

import datetime
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import (
    DraftStateMixin,
    Orderable,
    RevisionMixin,
    TranslatableMixin,
)

from website.blocks import HelpLinkBlock
from website.caching.fragments import cached_for_page
from website.models import LeadPage
from website.sections import HomeSection

from . import freshness
from .choices import REPORT_CATEGORIES, Kind, Need
from .forms import HelpPathForm
from .opening import Timetable

# An entry not checked for this long is listed in the editors' report.
CHECK_EVERY_DAYS = 183


class NeedsField(models.JSONField):
    """A list of `Need` codes, chosen with check boxes."""

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            label=self.verbose_name,
            help_text=self.help_text,
            choices=Need.choices,
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )


class HelpOrganisation(DraftStateMixin, RevisionMixin, TranslatableMixin, ClusterableModel):
    """One place to turn to. Only live (published) entries are shown to readers."""

    name = models.CharField(_("name"), max_length=150)
    summary = models.CharField(
        _("what they do"), max_length=200, help_text=_("One short sentence.")
    )
    who_they_help = models.CharField(
        _("who they help"),
        max_length=150,
        help_text=_("For example: children and young people up to 18."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    needs = NeedsField(
        _("needs they answer"),
        default=list,
        blank=True,
        help_text=_("The directory's filter by need lists the entry under each one."),
    )
    phone = models.CharField(
        _("phone number"),
        max_length=30,
        blank=True,
        help_text=_("As people dial it, such as 116 111."),
    )
    text_number = models.CharField(_("number for text messages"), max_length=30, blank=True)
    chat_url = models.URLField(_("chat address"), blank=True)
    website = models.URLField(_("web address"), blank=True)
    always_open = models.BooleanField(
        _("open at any time"),
        default=False,
        help_text=_("Every day, day and night. The hours below are then not used."),
    )
    free = models.BooleanField(_("free of charge"), null=True, blank=True)
    anonymous = models.BooleanField(_("one can stay anonymous"), null=True, blank=True)
    last_checked = models.DateField(
        _("last checked"),
        null=True,
        blank=True,
        help_text=_("The day an editor last checked every detail with the organisation."),
    )
    demo = models.BooleanField(
        _("demo entry to check"),
        default=False,
        help_text=_("Shown to readers as demo content. Untick once every detail is checked."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("summary"),
        FieldPanel("who_they_help"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("last_checked")]),
        FieldPanel("needs"),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("text_number"),
                FieldPanel("chat_url"),
                FieldPanel("website"),
                FieldRowPanel([FieldPanel("free"), FieldPanel("anonymous")]),
            ],
            heading=_("How to reach them"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("always_open"),
                InlinePanel("opening_hours", label=_("Opening hours (Portugal's time)")),
                InlinePanel("exceptions", label=_("Exceptions: holidays and other hours")),
            ],
            heading=_("When they answer"),
        ),
        FieldPanel("demo"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("help organisation")
        verbose_name_plural = _("help organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @cached_property
    def timetable(self):
        """Its hours as plain values (`with_timetables` reads many entries' at once)."""
        return Timetable.of(self.opening_hours.all(), self.exceptions.all())

    @property
    def tel(self):
        """The phone number as a `tel:` address: digits and a leading +."""
        return "".join(char for char in self.phone if char.isdigit() or char == "+")

    def need_labels(self):
        labels = dict(Need.choices)
        return [labels[code] for code in self.needs if code in labels]

    def is_stale(self, today=None):
        today = today or timezone.localdate()
        return self.last_checked is None or (
            today - self.last_checked > datetime.timedelta(days=CHECK_EVERY_DAYS)
        )


class OpeningHours(Orderable):
    organisation = ParentalKey(
        HelpOrganisation, on_delete=models.CASCADE, related_name="opening_hours"
    )
    weekday = models.PositiveSmallIntegerField(
        _("day"),
        choices=[
            (0, _("Monday")),
            (1, _("Tuesday")),
            (2, _("Wednesday")),
            (3, _("Thursday")),
            (4, _("Friday")),
            (5, _("Saturday")),
            (6, _("Sunday")),
        ],
    )
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"), help_text=_("00:00 means midnight."))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    def clean(self):
        check_period(self.opens, self.closes)


class OpeningException(Orderable):
    organisation = ParentalKey(
        HelpOrganisation, on_delete=models.CASCADE, related_name="exceptions"
    )
    date = models.DateField(_("date"))
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        verbose_name = _("exception (leave the hours empty when closed all day)")

    def clean(self):
        if (self.opens is None) != (self.closes is None):
            raise ValidationError(
                _(
                    "Give both the opening and the closing time, or neither when it is "
                    "closed all day."
                )
            )
        if self.opens is not None:
            check_period(self.opens, self.closes)


def check_period(opens, closes):
    if opens is not None and closes is not None and closes != datetime.time(0) and closes <= opens:
        raise ValidationError(
            {"closes": _("The closing time must be after the opening time (00:00 for midnight).")}
        )


class HelpDirectoryPage(HomeSection, LeadPage):
    """Every live organisation of the page's language, filtered by kind and need, the ones
    open now first."""

    content_panels = LeadPage.content_panels
    search_fields = LeadPage.search_fields
    home_section_template = "help/directory_home_section.html"
    parent_page_types = ["website.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("directory of help")

    def organisations(self):
        return live_organisations(self.locale_id)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        kind = request.GET.get("kind", "")
        need = request.GET.get("need", "")
        kind = kind if kind in Kind.values else ""
        need = need if need in Need.values else ""
        # The entries and their hours, read once per content generation: whether each is
        # open is still worked out at every request (`freshness.with_openings`).
        organisations = cached_for_page(request, self, "help-organisations", self.organisations)
        chosen = [
            organisation
            for organisation in organisations
            if (not kind or organisation.kind == kind) and (not need or need in organisation.needs)
        ]
        url = self.get_url(request) or ""
        context.update(
            entries=freshness.with_openings(request, chosen),
            kind_links=filter_links(url, "kind", Kind.choices, kind, {"need": need}),
            need_links=filter_links(url, "need", Need.choices, need, {"kind": kind}),
            is_filtered=bool(kind or need),
        )
        return context

    def serve(self, request, *args, **kwargs):
        return freshness.limit_shared_copies(request, super().serve(request, *args, **kwargs))


def filter_links(url, name, choices, current, others):
    """(label, address, is current) for "All" and each choice, keeping the other filter."""
    kept = {key: value for key, value in others.items() if value}
    links = [(_("All"), address(url, kept), not current)]
    for code, label in choices:
        links.append((label, address(url, {**kept, name: code}), code == current))
    return links


def address(url, query):
    return f"{url}?{urlencode(sorted(query.items()))}" if query else url


def live_organisations(locale_id):
    return with_timetables(HelpOrganisation.objects.filter(locale_id=locale_id, live=True))


def with_timetables(organisations):
    """The organisations, each with its timetable, in three queries whatever their number.
    Kept in the content cache as they are: plain values unpickle faster than the rows."""
    organisations = list(organisations)
    ids = [organisation.pk for organisation in organisations]
    hours, exceptions = {}, {}
    for item in OpeningHours.objects.filter(organisation_id__in=ids):
        hours.setdefault(item.organisation_id, []).append(item)
    for item in OpeningException.objects.filter(organisation_id__in=ids):
        exceptions.setdefault(item.organisation_id, []).append(item)
    for organisation in organisations:
        organisation.timetable = Timetable.of(
            hours.get(organisation.pk, []), exceptions.get(organisation.pk, [])
        )
    return organisations


# --- "What happened?": the guided path ------------------------------------------------

STEP_HELP = _("Say what to do, in short sentences.")


class HelpPathPage(HomeSection, RoutablePageMixin, LeadPage):
    """One question at a time, each a plain link, to an outcome with its own address.

    The address carries only the editors' keys of the question or the outcome, never
    anything typed; nothing is stored, no cookie is set. The questions, their choices and
    the outcomes are edited on this one screen and checked together (`forms.py`).
    """

    alert_line = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("alert-line page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Outcomes that choose an alert-line category link to its form."),
    )

    base_form_class = HelpPathForm
    content_panels = [
        *LeadPage.content_panels,
        PageChooserPanel("alert_line", "alertline.AlertLinePage"),
        InlinePanel("questions", heading=_("Questions"), label=_("Question")),
        InlinePanel("outcomes", heading=_("Outcomes"), label=_("Outcome")),
    ]
    search_fields = LeadPage.search_fields
    home_section_template = "help/path_home_section.html"
    parent_page_types = ["website.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("“What happened?” path")

    def step_url(self, request, key):
        return f"{self.get_url(request)}?{urlencode({'step': key})}"

    def outcome_url(self, request, key, language=None):
        route = OUTCOME_ROUTES.get(language or self.locale.language_code, "result")
        return f"{self.get_url(request)}{self.reverse_subpage(route, args=(key,))}"

    @path("")
    def step(self, request):
        from .views import show_step

        return show_step(self, request)

    # Each language's word for an outcome's address; both answer in either language.
    @path("resultado/<slug:key>/", name="resultado")
    @path("result/<slug:key>/", name="result")
    def outcome(self, request, key):
        from .views import show_outcome

        return show_outcome(self, request, key)


OUTCOME_ROUTES = {"pt": "resultado", "en": "result"}


class PathQuestion(Orderable, ClusterableModel):
    page = ParentalKey(HelpPathPage, related_name="questions", on_delete=models.CASCADE)
    key = models.SlugField(
        _("key"),
        max_length=40,
        allow_unicode=False,
        help_text=_("A short name, such as “danger”. The first question is where the path starts."),
    )
    text = models.CharField(_("question"), max_length=200)
    hint = models.CharField(_("hint"), max_length=300, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("key"), FieldPanel("text")]),
        FieldPanel("hint"),
        InlinePanel("choices", heading=_("Choices"), label=_("Choice"), min_num=1),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("question")


class PathChoice(Orderable):
    question = ParentalKey(PathQuestion, related_name="choices", on_delete=models.CASCADE)
    label = models.CharField(_("choice"), max_length=200)
    leads_to = models.SlugField(
        _("leads to"), max_length=40, help_text=_("The key of the next question or of an outcome.")
    )

    panels = [FieldRowPanel([FieldPanel("label"), FieldPanel("leads_to")])]

    class Meta(Orderable.Meta):
        verbose_name = _("choice")


def step_list(help_text, max_num=None):
    return StreamField(
        [("step", blocks.CharBlock(label=_("Step"), max_length=300))],
        blank=True,
        max_num=max_num,
        help_text=help_text,
    )


class PathOutcome(Orderable, ClusterableModel):
    page = ParentalKey(HelpPathPage, related_name="outcomes", on_delete=models.CASCADE)
    key = models.SlugField(
        _("key"),
        max_length=40,
        help_text=_("A short name, such as “threats”: the end of its address."),
    )
    title = models.CharField(_("title"), max_length=200)
    danger_first = models.BooleanField(
        _("call the emergency number first"),
        default=False,
        help_text=_("Starts with: call the emergency number now, before anything else."),
    )
    what_to_do = step_list(STEP_HELP, max_num=5)
    keep_evidence = step_list(
        _("Such as: take screenshots of the messages, write down names and links.")
    )
    images_of_a_child = models.BooleanField(
        _("images of a child are involved"),
        default=False,
        help_text=_("Says never to copy, download or send the images, not even to report them."),
    )
    organisations = ParentalManyToManyField(
        HelpOrganisation,
        verbose_name=_("who can help"),
        blank=True,
        help_text=_("Each language shows its own live version of the entry."),
    )
    report_category = models.CharField(
        _("alert-line category"),
        max_length=30,
        blank=True,
        choices=REPORT_CATEGORIES,
        help_text=_("The alert line's form opens with this category chosen."),
    )
    where_to_report = StreamField(
        [("link", HelpLinkBlock())],
        verbose_name=_("where else to report"),
        blank=True,
        help_text=_("The platform's own report page, a complaint to the police, Take It Down."),
    )
    related_alert = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("related alert"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    related_chapter = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("related booklet chapter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("key"), FieldPanel("title")]),
        FieldPanel("danger_first"),
        FieldPanel("what_to_do", heading=_("what to do now (five steps at most)")),
        FieldPanel("keep_evidence", heading=_("what to keep as evidence")),
        FieldPanel("images_of_a_child"),
        FieldPanel("organisations", widget=forms.CheckboxSelectMultiple),
        FieldPanel("report_category"),
        FieldPanel("where_to_report"),
        FieldRowPanel(
            [
                PageChooserPanel("related_alert", "alerts.AlertPage"),
                PageChooserPanel("related_chapter", "booklets.BookletChapterPage"),
            ]
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("outcome")

    def gives_help(self):
        """A way to get help: someone to turn to, the alert line, or a place to report."""
        return bool(self.organisations.all() or self.report_category or self.where_to_report)
