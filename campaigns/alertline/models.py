"""The alert line: one page per language with the report form, and the reports themselves.

A report is not a page: it is never published, never translated and never searched by
the site search. Only the alert-line handlers (and superusers) see reports, in the admin.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.search import index

from website.middleware import FORM_PAGE_METHODS
from website.models import LeadPage
from website.sections import HomeSection

from . import codes, crypto
from .choices import WITH_THE_POLICE, Category, Role, Status

TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]
DESCRIPTION_MAX_LENGTH = 5000
WHERE_MAX_LENGTH = 2000
ADDITION_MAX_LENGTH = 3000


class AlertLinePage(HomeSection, RoutablePageMixin, LeadPage):
    """The phone line, what to report, what happens next, evidence guidance, the form."""

    # The report and status forms are sent with POST; pages are otherwise read-only.
    allowed_http_methods = FORM_PAGE_METHODS

    phone_hours = models.CharField(
        _("phone line hours"),
        max_length=200,
        help_text=_(
            "For example: Monday to Friday, 9:00 to 19:00. The number is in the site settings."
        ),
    )
    what_can_be_reported = RichTextField(_("what can be reported"), features=TEXT_FEATURES)
    what_happens_next = RichTextField(
        _("what happens next"),
        features=TEXT_FEATURES,
        help_text=_("The promised first response time is added after this text."),
    )
    first_response_days = models.PositiveSmallIntegerField(
        _("first response within (working days)"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text=_("The page and the confirmation promise a first look within this time."),
    )
    evidence_guidance = RichTextField(
        _("how to keep evidence"),
        features=TEXT_FEATURES,
        help_text=_(
            "Screenshots of conversations, usernames, links and dates. The page always adds: "
            "never copy, download or send images of abuse, not even to report them."
        ),
    )

    content_panels = [
        *LeadPage.content_panels,
        FieldPanel("phone_hours"),
        FieldPanel("what_can_be_reported"),
        MultiFieldPanel(
            [FieldPanel("what_happens_next"), FieldPanel("first_response_days")],
            heading=_("What happens next"),
        ),
        FieldPanel("evidence_guidance"),
    ]
    search_fields = [
        *LeadPage.search_fields,
        index.SearchField("what_can_be_reported"),
        index.SearchField("evidence_guidance"),
    ]
    parent_page_types = ["website.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    home_section_template = "alertline/home_section.html"

    class Meta:
        verbose_name = _("alert line page")

    # The routes live in views.py; these methods only bind them to the page.
    @path("")
    def report(self, request):
        from .views import report_view

        return report_view(self, request)

    @re_path(r"^(?:status|estado)/$", name="status")
    def status(self, request):
        from .views import status_view

        return status_view(self, request)

    def status_url(self, request=None):
        suffix = "estado/" if self.locale.language_code == "pt" else "status/"
        return (self.get_url(request) or "/") + suffix


class Report(models.Model):
    """What someone told the alert line. Text is stored exactly as typed."""

    reference = models.CharField(_("reference"), max_length=12, unique=True, editable=False)
    code_hash = models.CharField(max_length=200, editable=False)
    # A keyed hash of the form's one-time token and what was sent: the same form sent
    # again (a reload of the confirmation) finds its report instead of making a second.
    submission_key = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )
    category = models.CharField(_("what happened"), max_length=20, choices=Category.choices)
    where = models.TextField(_("where"), max_length=WHERE_MAX_LENGTH, blank=True)
    when = models.CharField(_("when"), max_length=200, blank=True)
    description = models.TextField(_("description"), max_length=DESCRIPTION_MAX_LENGTH)
    reporter_role = models.CharField(_("who is reporting"), max_length=20, choices=Role.choices)
    contact_encrypted = models.TextField(blank=True, editable=False)
    contact_consent = models.BooleanField(_("agreed to be contacted"), default=False)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    handler_notes = models.TextField(
        _("handler notes"), blank=True, help_text=_("Only handlers see these notes.")
    )
    reply = models.TextField(
        _("reply to the reporter"),
        blank=True,
        max_length=3000,
        help_text=_("The reporter sees this on the status page. https:// links become clickable."),
    )

    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    first_reviewed_at = models.DateTimeField(_("first reviewed"), null=True, blank=True)
    forwarded_at = models.DateTimeField(_("forwarded to the police"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    replied_at = models.DateTimeField(_("replied"), null=True, blank=True)
    withdrawal_requested_at = models.DateTimeField(
        _("reporter asked to withdraw"), null=True, blank=True
    )
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("status changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at"]

    def __str__(self):
        return codes.display_reference(self.reference)

    @property
    def public_status_label(self):
        """What the reporter sees: a report judged to be spam reads as closed to them."""
        status = Status.CLOSED if self.status == Status.SPAM else self.status
        return Status(status).label

    @property
    def display_reference(self):
        return codes.display_reference(self.reference)

    # --- Contact details (encrypted at rest) -----------------------------------------

    @property
    def contact(self):
        return crypto.decrypt(self.contact_encrypted)

    @contact.setter
    def contact(self, value):
        self.contact_encrypted = crypto.encrypt(value or "")

    # --- Creation ---------------------------------------------------------------------

    @classmethod
    def create(cls, **fields):
        """Store a new report with a fresh reference; returns (report, follow-up code).

        The code exists in clear only in this call's return value: it is shown once.
        When a report with the same `submission_key` exists (the same form sent twice at
        once), returns (that report, None): nothing is stored twice and no new code shown.
        """
        contact = fields.pop("contact", "")
        code = codes.new_code()
        report = cls(code_hash=codes.hash_code(code), **fields)
        report.contact = contact
        for _attempt in range(10):
            report.reference = codes.new_reference()
            try:
                with transaction.atomic():
                    report.save()
                return report, code
            except IntegrityError:
                if cls.objects.filter(reference=report.reference).exists():
                    continue  # a reference already taken: draw another
                earlier = cls.already_received(report.submission_key)
                if earlier is not None:
                    return earlier, None
                raise
        raise IntegrityError("no free reference after 10 draws")

    @classmethod
    def already_received(cls, submission_key):
        if not submission_key:
            return None
        return cls.objects.filter(submission_key=submission_key).first()

    # --- Reporter's access -------------------------------------------------------------

    @classmethod
    def find(cls, reference, code):
        """The report for this pair, or None; as slow for a wrong reference as a wrong code
        (for codes kept as HMAC; see codes.check_code)."""
        report = cls.objects.filter(reference=reference).first()
        if report is None:
            codes.hash_code(code)  # same work, so timing does not tell whether it exists
            return None
        matches, rekeep = codes.check_code(code, report.code_hash)
        if not matches:
            return None
        if rekeep:
            report.code_hash = codes.hash_code(code)
            report.save(update_fields=["code_hash"])
        return report

    @property
    def is_with_the_police(self):
        return self.forwarded_at is not None or self.status in WITH_THE_POLICE

    @property
    def can_be_withdrawn(self):
        return not self.is_with_the_police and self.status not in {
            Status.WITHDRAWN,
            Status.CLOSED,
            Status.SPAM,
        }

    # --- Status rules (the police decide first) ----------------------------------------

    def check_status_change(self, new_status):
        """Raise ValidationError when `new_status` breaks a rule; return nothing."""
        if new_status == self.status:
            return
        if new_status == Status.TAKEDOWN and self.forwarded_at is None:
            raise ValidationError(
                _(
                    "Forward the report to the police first: they decide before anything is "
                    "taken down, so the evidence is kept."
                )
            )
        if new_status == Status.WITHDRAWN and self.is_with_the_police:
            raise ValidationError(
                _("The police have this report: it cannot be withdrawn. They keep it.")
            )
        if new_status == Status.NEW and self.status != Status.NEW:
            raise ValidationError(_("A report that has been reviewed cannot become new again."))

    def apply_status(self, new_status, user=None, when=None):
        """Record a status change and the dates that depend on it (no save)."""
        if new_status == self.status:
            return False
        when = when or timezone.now()
        if self.first_reviewed_at is None and new_status != Status.NEW:
            self.first_reviewed_at = when
        if new_status == Status.FORWARDED and self.forwarded_at is None:
            self.forwarded_at = when
        if new_status in {Status.CLOSED, Status.SPAM, Status.WITHDRAWN}:
            self.closed_at = when
        elif self.closed_at is not None:
            self.closed_at = None
        self.status = new_status
        self.status_changed_at = when
        self.status_changed_by = user
        return True


class ReportAddition(models.Model):
    """Information the reporter added later, through the status page."""

    report = models.ForeignKey(Report, related_name="additions", on_delete=models.CASCADE)
    text = models.TextField(_("added information"), max_length=ADDITION_MAX_LENGTH)
    created_at = models.DateTimeField(_("added"), default=timezone.now)

    class Meta:
        verbose_name = _("added information")
        verbose_name_plural = _("added information")
        ordering = ["created_at"]

    def __str__(self):
        return str(self.created_at)
