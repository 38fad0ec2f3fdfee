"""Pages that existed before this app: each live page's current publication is recorded,
and each translation is taken to be in step with its source as it is now (nothing tells
otherwise; an editor can check the report's "up to date" rows against the sources)."""

from django.conf import settings
from django.db import migrations
from django.utils import timezone


def fingerprint_of(revision):
    from website.translation_sync.fingerprint import revision_fingerprint

    return revision_fingerprint(revision)


def record_current_state(apps, schema_editor):
    from wagtail.coreutils import get_supported_content_language_variant

    Page = apps.get_model("wagtailcore", "Page")
    Locale = apps.get_model("wagtailcore", "Locale")
    Publication = apps.get_model("translation_sync", "Publication")
    TranslationReview = apps.get_model("translation_sync", "TranslationReview")
    default = Locale.objects.filter(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    ).first()
    if default is None:
        return
    now = timezone.now()
    fingerprints = {}
    for page in Page.objects.filter(live=True, live_revision__isnull=False).select_related(
        "live_revision__content_type"
    ):
        fingerprints[page.pk] = fingerprint_of(page.live_revision)
        Publication.objects.create(
            page=page,
            revision=page.live_revision,
            published_at=page.last_published_at or now,
            fingerprint=fingerprints[page.pk],
            changed=True,
        )
    sources = {
        page.translation_key: page
        for page in Page.objects.filter(locale=default, depth__gt=1, live=True)
    }
    for page in Page.objects.exclude(locale=default).filter(depth__gt=1):
        source = sources.get(page.translation_key)
        if source is None or source.pk not in fingerprints:
            continue
        TranslationReview.objects.get_or_create(
            translation=page,
            defaults={
                "source_revision_id": source.live_revision_id,
                "fingerprint": fingerprints[source.pk],
                "reviewed_at": now,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("translation_sync", "0001_initial")]

    operations = [
        migrations.RunPython(record_current_state, migrations.RunPython.noop, elidable=True)
    ]
