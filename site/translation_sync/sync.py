"""Where each translation stands against its source, in a handful of queries.

A translation is up to date while its source's latest publication has the fingerprint it
was made or last reviewed against (see fingerprint.py). Only publications that changed a
page's fingerprint are read: the latest of them has the fingerprint the page has now.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.log_actions import log
from wagtail.models import Locale, Page, Revision

from .fingerprint import revision_fingerprint
from .models import Publication, TranslationReview

MISSING = "missing"
OUT_OF_DATE = "out_of_date"
UP_TO_DATE = "up_to_date"
STATES = {
    MISSING: _("Missing"),
    OUT_OF_DATE: _("Out of date"),
    UP_TO_DATE: _("Up to date"),
}


# --- Recording ----------------------------------------------------------------------------


def record_publication(page, revision):
    previous = (
        Publication.objects.filter(page_id=page.pk)
        .order_by("-published_at", "-pk")
        .values_list("fingerprint", flat=True)
        .first()
    )
    fingerprint = revision_fingerprint(revision)
    Publication.objects.create(
        page_id=page.pk, revision=revision, fingerprint=fingerprint, changed=fingerprint != previous
    )


def record_review(translation, source, user=None):
    """The translation now matches its source as it is: live, or its latest draft if none."""
    revision_id = source.live_revision_id if source.live else source.latest_revision_id
    revision = Revision.objects.filter(pk=revision_id).select_related("content_type").first()
    if revision is None:
        return None
    review, _created = TranslationReview.objects.update_or_create(
        translation_id=translation.pk,
        defaults={
            "source_revision": revision,
            "fingerprint": revision_fingerprint(revision),
            "reviewed_at": timezone.now(),
            "reviewed_by": user,
        },
    )
    return review


# --- Sources ------------------------------------------------------------------------------


def default_language_code():
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def default_locale():
    return Locale.objects.filter(language_code=default_language_code()).first()


def source_of(page, default=None):
    """The page in the default locale this page translates, or None."""
    default = default or default_locale()
    if default is None or page.locale_id == default.pk:
        return None
    return (
        Page.objects.filter(translation_key=page.translation_key, locale=default)
        .exclude(pk=page.pk)
        .first()
    )


# --- Assessing ----------------------------------------------------------------------------


@dataclass
class Standing:
    state: str
    changes: int = 0  # publications of the source that changed it since the review
    changed_at: datetime | None = None  # the latest of them
    reviewed_at: datetime | None = None
    reviewed_revision_id: int | None = None

    @property
    def state_label(self):
        return STATES[self.state]

    @property
    def never_reviewed(self):
        return self.state == OUT_OF_DATE and self.reviewed_at is None


def assess(translation_exists, review, source_changes, is_alias=False):
    """`review` has fingerprint/reviewed_at/source_revision_id (or is None); `source_changes`
    lists the source's (published_at, fingerprint) publications that changed it, oldest first.
    """
    if not translation_exists:
        return Standing(MISSING)
    if is_alias or not source_changes:
        # An alias follows its source by itself; a source never published has nothing newer.
        return Standing(UP_TO_DATE)
    if review is None:
        return Standing(OUT_OF_DATE, changes=len(source_changes), changed_at=source_changes[-1][0])
    reviewed = {
        "reviewed_at": review.reviewed_at,
        "reviewed_revision_id": review.source_revision_id,
    }
    if source_changes[-1][1] == review.fingerprint:
        return Standing(UP_TO_DATE, **reviewed)
    since = [
        published_at for published_at, _ in source_changes if published_at > review.reviewed_at
    ]
    return Standing(
        OUT_OF_DATE,
        changes=max(len(since), 1),
        changed_at=since[-1] if since else source_changes[-1][0],
        **reviewed,
    )


def changes_by_page(page_filter):
    changes = defaultdict(list)
    rows = (
        Publication.objects.filter(changed=True, **page_filter)
        .order_by("published_at", "pk")
        .values_list("page_id", "published_at", "fingerprint")
    )
    for page_id, published_at, fingerprint in rows:
        changes[page_id].append((published_at, fingerprint))
    return changes


def standing_of(translation):
    """Where one translation stands, with its source (None when it translates nothing)."""
    source = source_of(translation)
    if source is None:
        return None, None
    review = TranslationReview.objects.filter(translation_id=translation.pk).first()
    changes = changes_by_page({"page_id": source.pk})[source.pk]
    standing = assess(True, review, changes, is_alias=translation.alias_of_id is not None)
    return source, standing


# --- Every page by language ---------------------------------------------------------------


@dataclass
class Row:
    source_id: int
    source_title: str
    source_path: str
    depth: int
    locale: Locale
    translation_id: int | None
    translation_title: str
    standing: Standing

    @property
    def language(self):
        return self.locale.get_display_name()

    @property
    def state(self):
        return self.standing.state

    @property
    def state_label(self):
        return self.standing.state_label

    @property
    def changes(self):
        return self.standing.changes if self.state == OUT_OF_DATE else ""

    @property
    def changed_at(self):
        return self.standing.changed_at if self.state == OUT_OF_DATE else None

    @property
    def edit_url(self):
        if self.translation_id:
            return reverse("wagtailadmin_pages:edit", args=[self.translation_id])
        return None

    @property
    def translate_url(self):
        return reverse("simple_translation:submit_page_translation", args=[self.source_id])

    @property
    def compare_url(self):
        return compare_url(self.source_id, self.standing)


def compare_url(source_id, standing):
    """Wagtail's comparison of the source, from the reviewed revision to the live one."""
    if standing.state != OUT_OF_DATE or not standing.reviewed_revision_id:
        return None
    return reverse(
        "wagtailadmin_pages:revisions_compare",
        args=[source_id, standing.reviewed_revision_id, "live"],
    )


@dataclass
class Overview:
    rows: list
    languages: list  # the locales translations are made into
    sections: list  # (id, title, depth, path) of the default locale's pages with pages under them


def translation_overview():
    """Every page of the default locale, once per other language: 4 queries in all."""
    locales = list(Locale.objects.order_by("language_code"))
    code = default_language_code()
    default = next((locale for locale in locales if locale.language_code == code), None)
    if default is None:
        return Overview([], [], [])
    targets = [locale for locale in locales if locale.pk != default.pk]
    sources, translations = split_pages(default)
    reviews = {review.translation_id: review for review in TranslationReview.objects.all()}
    changes = changes_by_page({"page__locale_id": default.pk})
    rows = []
    for source in sources:
        for locale in targets:
            translation = translations.get((source["translation_key"], locale.pk))
            rows.append(row_of(source, locale, translation, reviews, changes))
    sections = [
        (source["id"], source["title"], source["depth"], source["path"])
        for source in sources
        if source["numchild"]
    ]
    return Overview(rows, targets, sections)


def split_pages(default):
    pages = Page.objects.filter(depth__gt=1).order_by("path")
    fields = ("id", "title", "path", "depth", "numchild", "locale_id", "translation_key")
    sources, translations = [], {}
    for page in pages.values(*fields, "alias_of_id"):
        if page["locale_id"] == default.pk:
            sources.append(page)
        else:
            translations[(page["translation_key"], page["locale_id"])] = page
    return sources, translations


def row_of(source, locale, translation, reviews, changes):
    standing = assess(
        translation is not None,
        reviews.get(translation["id"]) if translation else None,
        changes.get(source["id"], []),
        is_alias=bool(translation and translation["alias_of_id"]),
    )
    return Row(
        source_id=source["id"],
        source_title=source["title"],
        source_path=source["path"],
        depth=source["depth"],
        locale=locale,
        translation_id=translation["id"] if translation else None,
        translation_title=translation["title"] if translation else "",
        standing=standing,
    )


def counts_by_language(rows):
    """{locale: {state: count}} for the dashboard."""
    counts = {}
    for row in rows:
        counts.setdefault(row.locale, dict.fromkeys(STATES, 0))[row.state] += 1
    return counts


def mark_reviewed(translation, user):
    """Record that `translation` matches its source's live revision now (audit logged)."""
    source = source_of(translation)
    if source is None or not source.live:
        return None
    with transaction.atomic():
        review = record_review(translation, source, user=user)
        log(
            instance=translation,
            action="translation_sync.reviewed",
            user=user,
            data={"source_page_id": source.pk, "source_revision_id": review.source_revision_id},
        )
    return review


def keep_translation_in_step(page):
    """For the demo loader: a translation it writes matches its source's current revision."""
    source = source_of(page)
    if source is not None:
        record_review(page, source)
