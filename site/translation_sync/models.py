from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Publication(models.Model):
    """A page went live: which revision, when, and the fingerprint of what editors wrote.

    Kept for every page, so a translation's report and notice need no revision's content:
    `changed` says whether this publication changed the fingerprint of the page's previous
    one (a re-publish of the same words or a scheduled go-live does not).
    """

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("revision"),
    )
    published_at = models.DateTimeField(_("published at"), default=timezone.now)
    fingerprint = models.CharField(_("fingerprint"), max_length=64)
    changed = models.BooleanField(_("changed the content"), default=True)

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        indexes = [models.Index(fields=["page", "published_at"])]

    def __str__(self):
        return f"{self.page_id} @ {self.published_at:%Y-%m-%d %H:%M}"


class TranslationReview(models.Model):
    """The revision of its source a translation was last made or reviewed against."""

    translation = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("translation"),
    )
    source_revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("source revision"),
    )
    fingerprint = models.CharField(_("fingerprint of the source"), max_length=64)
    reviewed_at = models.DateTimeField(_("reviewed at"), default=timezone.now)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )

    class Meta:
        verbose_name = _("translation review")
        verbose_name_plural = _("translation reviews")

    def __str__(self):
        return f"{self.translation_id} @ {self.reviewed_at:%Y-%m-%d %H:%M}"
