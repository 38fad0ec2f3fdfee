"""The booklet as a PDF, in one place: what it depends on (its fingerprint), how it is
made (WeasyPrint, once per published version, after publishing), where it is stored
(`GeneratedPDF`) and how it is served (the designed PDF first, then the generated one).

A download never makes a PDF: it serves the newest stored one (the current version or, while
that is being made, the one before it) or says that the PDF is being prepared. PDFs are made
after publishing, after the safety settings change, and by `manage.py build_booklet_pdfs`.

`models.py` imports this module and never the other way round; WeasyPrint is imported only
when a PDF is made, so loading the models (migrations, the admin, every request) does not
load it. WeasyPrint never reaches the network: images and stylesheets are read from storage
and static files by `LocalFetcher`, and any other address is refused.
"""

import hashlib
import logging
import mimetypes
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, models, transaction
from django.db.models import Case, IntegerField, Value, When
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import FileResponse, HttpResponseNotModified
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import http_date, quote_etag
from django.utils.translation import gettext_lazy as _
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from website.models import SafetySettings

logger = logging.getLogger(__name__)

# Bump when the PDF's layout or interface words change, so every stored PDF is rebuilt.
PDF_LAYOUT_VERSION = 4

# Browsers and the CDN may keep a PDF for a few minutes, then ask again (the ETag makes
# that cheap); publishing shows in the next download after that.
PDF_MAX_AGE = 300
# The version before the current one, served while the current one is being made: still
# this booklet, only not its newest content, so caches ask again soon.
OLDER_PDF_MAX_AGE = 60
# No PDF at all yet: readers are asked to come back after this many seconds.
PDF_RETRY_AFTER = 120
CHAPTER_LABEL = "booklets.BookletChapterPage"
PDF_VARIANT = "pdf/ua-1"  # tagged, with a structure tree, a title and a language


def local_fetcher():
    """A WeasyPrint URL fetcher that serves media and static files, and nothing else."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            found = stored_file_at(url)
            if found is None:
                raise ValueError(f"Booklet PDFs load nothing from other sites: {url}")
            name, body = found
            mime_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body, {"Content-Type": mime_type})

    return LocalFetcher()


def stored_file_at(url):
    """The name and bytes of the media or static file at `url`, or None. Renditions may
    live in a storage of their own, at absolute addresses (a bucket or its CDN domain)."""
    url_without_query = url.split("?", 1)[0]
    path = unquote(urlsplit(url).path)
    for storage in media_storages():
        prefix = storage.url("").split("?", 1)[0]
        candidate = unquote(url_without_query) if "//" in prefix else path
        if prefix and candidate.startswith(prefix):
            name = candidate[len(prefix) :]
            with storage.open(name, "rb") as media_file:
                return name, media_file.read()
    if settings.STATIC_URL and path.startswith(settings.STATIC_URL):
        name = path[len(settings.STATIC_URL) :]
        return name, open_static_file(name)
    return None


def media_storages():
    rendition_storage = get_image_model().get_rendition_model()._meta.get_field("file").storage
    return [rendition_storage, default_storage]


def open_static_file(name):
    if staticfiles_storage.exists(name):
        with staticfiles_storage.open(name, "rb") as static_file:
            return static_file.read()
    found = finders.find(name)
    if not found:
        raise FileNotFoundError(name)
    with open(found, "rb") as static_file:
        return static_file.read()


def safety_settings_for(booklet, request=None):
    if request is not None:
        return SafetySettings.for_request(request)
    site = booklet.get_site()
    if site is None:
        return None
    # Read from the database, not the content cache: a build runs right after the settings
    # were saved, and must print the numbers just saved.
    return SafetySettings.base_queryset().get_or_create(site=site)[0]


def booklet_model():
    # models.py imports this module: the booklet's model is reached through the relation.
    return GeneratedPDF._meta.get_field("booklet").related_model


class GeneratedPDF(models.Model):
    """A PDF made from one booklet's published content: one per language and version.

    `fingerprint` names what it was made from (see `pdf_fingerprint`), so a stored PDF is
    served until the booklet or one of its chapters is published again.
    """

    booklet = models.ForeignKey(
        "booklets.BookletPage", on_delete=models.CASCADE, related_name="generated_pdfs"
    )
    fingerprint = models.CharField(max_length=64)
    file = models.FileField(upload_to="booklets/pdf/")
    file_size = models.PositiveIntegerField()
    page_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "booklets"
        verbose_name = _("generated booklet PDF")
        constraints = [
            models.UniqueConstraint(
                fields=["booklet", "fingerprint"], name="booklets_one_pdf_per_version"
            )
        ]

    def __str__(self):
        return self.file.name


def pdf_fingerprint(booklet, chapters, safety):
    """What the generated PDF depends on: its revisions, its chapters in order, and the
    phone numbers that "where to get help" prints. A change makes a new PDF."""
    parts = [
        f"v{PDF_LAYOUT_VERSION}",
        booklet.locale.language_code if booklet.locale_id else "",
        f"{booklet.pk}:{booklet.live_revision_id}",
        ",".join(f"{chapter.pk}:{chapter.live_revision_id}" for chapter in chapters),
        f"{safety.alert_line_phone}|{safety.emergency_number}" if safety else "",
        settings.SITE_URL,  # printed on the cover
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def render_booklet_pdf(booklet, chapters, safety):
    """The PDF's bytes and its page count, in the booklet's language."""
    from weasyprint import HTML

    base_url = settings.SITE_URL + "/"
    with translation.override(booklet.locale.language_code):
        html = render_to_string(
            "booklets/booklet_pdf.html",
            {
                "page": booklet,
                "booklet": booklet,
                "booklet_address": public_address(booklet),
                "chapters": chapters,
                "cover": booklet.cover(),
                "safety": safety,
                "settings": {"website": {"SafetySettings": safety}},
                "LANGUAGE_CODE": booklet.locale.language_code,
            },
        )
        document = HTML(string=html, base_url=base_url, url_fetcher=local_fetcher()).render(
            pdf_variant=PDF_VARIANT
        )
        pdf_bytes = document.write_pdf(pdf_variant=PDF_VARIANT)
    return pdf_bytes, len(document.pages)


def public_address(booklet):
    """The booklet's address on the site's public host (SITE_URL), whatever host the
    request or Wagtail's site record has: a PDF is printed and passed on."""
    _site_id, _root_url, path = booklet.get_url_parts() or (None, None, booklet.url or "/")
    return settings.SITE_URL + path


def current_pdf(booklet, chapters, safety):
    fingerprint = pdf_fingerprint(booklet, chapters, safety)
    return fingerprint, GeneratedPDF.objects.filter(
        booklet_id=booklet.pk, fingerprint=fingerprint
    ).first()


def has_file(stored):
    return bool(stored.file.name) and stored.file.storage.exists(stored.file.name)


def drop_pdf_without_file(stored):
    """A record whose file is gone (media not restored, another server, a deletion racing
    this one) is never served: it goes, so the next build makes the PDF again."""
    logger.warning("The PDF of booklet %s had no file: dropped", stored.booklet_id)
    GeneratedPDF.objects.filter(pk=stored.pk).delete()


# --- Made by a task or a command, never by a download ---------------------------------


def build_pdf(booklet):
    """The stored PDF of the booklet's published content, made now if there is none yet
    or its file is gone. It takes seconds: the task and the command call it, never a
    download.

    A live page's own fields hold its published content (drafts live in revisions), so
    the PDF shows what readers see on the web.
    """
    safety = safety_settings_for(booklet)
    _fingerprint, stored = current_pdf(booklet, booklet.live_chapters(), safety)
    if stored is not None:
        if has_file(stored):
            return stored
        drop_pdf_without_file(stored)
    chapters = booklet.live_chapters_with_bodies()
    # Checked again with the chapters just read, so the stored name matches the content.
    fingerprint = pdf_fingerprint(booklet, chapters, safety)
    pdf_bytes, page_count = render_booklet_pdf(booklet, chapters, safety)
    generated = GeneratedPDF(
        booklet_id=booklet.pk,
        fingerprint=fingerprint,
        file_size=len(pdf_bytes),
        page_count=page_count,
    )
    generated.file.save(
        f"{booklet.slug}-{booklet.locale.language_code}-{fingerprint[:12]}.pdf",
        ContentFile(pdf_bytes),
        save=False,
    )
    try:
        with transaction.atomic():
            generated.save()
    except IntegrityError:
        # Another worker made the same PDF at the same moment: keep theirs.
        generated.file.delete(save=False)
        return GeneratedPDF.objects.get(booklet_id=booklet.pk, fingerprint=fingerprint)
    logger.info("Made the PDF of booklet %s (%s bytes)", booklet.pk, len(pdf_bytes))
    remove_old_pdfs(booklet, keep=generated)
    return generated


def remove_old_pdfs(booklet, keep):
    """Older versions are not served once the current one exists; their files go once
    this commits."""
    GeneratedPDF.objects.filter(booklet_id=booklet.pk).exclude(pk=keep.pk).delete()


def build_missing_pdfs():
    """Make every live booklet's current PDF that is missing (or whose file is gone), for
    `manage.py build_booklet_pdfs`. Yields each booklet and its new PDF, or None when it
    already had one: running it again makes nothing."""
    for booklet in booklet_model().objects.live().select_related("locale").order_by("path"):
        _fingerprint, stored = current_pdf(
            booklet, booklet.live_chapters(), safety_settings_for(booklet)
        )
        if stored is not None and has_file(stored):
            yield booklet, None
        else:
            yield booklet, build_pdf(booklet)


# --- Served to readers ----------------------------------------------------------------


def stored_pdfs(booklet, fingerprint):
    """The booklet's stored PDFs, the current version first, then the newest."""
    is_current = Case(
        When(fingerprint=fingerprint, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return GeneratedPDF.objects.filter(booklet_id=booklet.pk).order_by(
        is_current, "-created_at", "-pk"
    )


def reader_fingerprint(booklet, chapters, request):
    return pdf_fingerprint(booklet, chapters, safety_settings_for(booklet, request))


def pdf_download_info(booklet, chapters, request):
    """What the download button shows: its address and the size of the file a download
    would get (the current version or the one before it); no size when there is none."""
    if booklet.designed_pdf_id:
        document = booklet.designed_pdf
        return {
            "url": booklet.pdf_url(),
            "size": document.get_file_size(),
            "designed": True,
            "ready": True,
        }
    fingerprint = reader_fingerprint(booklet, chapters, request)
    stored = stored_pdfs(booklet, fingerprint).first()
    return {
        "url": booklet.pdf_url(),
        "size": stored.file_size if stored else None,
        "ready": stored is not None,
    }


def open_designed_pdf(booklet):
    """The editor's designed PDF, opened, or None when there is none or its file is gone."""
    if not booklet.designed_pdf_id:
        return None
    document = booklet.designed_pdf
    if document is None:
        return None
    try:
        document.file.open("rb")
    except (FileNotFoundError, ValueError):
        logger.warning(
            "The designed PDF of booklet %s has no file: serving the generated one", booklet.pk
        )
        return None
    return document.file, f"doc-{document.pk}-{document.file_hash}", document.created_at, True


def open_generated_pdf(booklet, request):
    """The newest stored PDF whose file is there, opened, and whether it is the current
    version; None when there is none. Never made here: that takes seconds, and a reader
    (or a crawler, many at once) must not wait for it or overload the server."""
    fingerprint = reader_fingerprint(booklet, booklet.live_chapters(), request)
    for stored in stored_pdfs(booklet, fingerprint):
        try:
            stored.file.open("rb")
        except (FileNotFoundError, ValueError):
            drop_pdf_without_file(stored)
            continue
        is_current = stored.fingerprint == fingerprint
        if not is_current:
            ask_for_pdf(booklet, fingerprint)
        return stored.file, stored.fingerprint, stored.created_at, is_current
    ask_for_pdf(booklet, fingerprint)
    return None


def ask_for_pdf(booklet, fingerprint):
    """With a real task queue, a download that finds no current PDF queues one, once per
    version every few minutes. The immediate backend would make it inside this request:
    then publishing, the settings or the command make it instead."""
    if isinstance(build_booklet_pdf.get_backend(), ImmediateBackend):
        return
    try:
        first_to_ask = cache.add(f"booklet-pdf-asked:{booklet.pk}:{fingerprint}", True, 300)
    except Exception:  # a cache that went away: a queued build more is harmless
        first_to_ask = True
    if first_to_ask:
        queue_pdf(booklet.pk)


def serve_booklet_pdf(booklet, request):
    """The designed PDF when there is one for this language, or the newest generated one,
    or a page saying that the PDF is being prepared."""
    opened = open_designed_pdf(booklet) or open_generated_pdf(booklet, request)
    if opened is None:
        return pdf_being_prepared(booklet, request)
    file, etag, modified, is_current = opened
    etag = quote_etag(etag)
    if request.headers.get("If-None-Match") == etag:
        file.close()
        response = HttpResponseNotModified()
    else:
        response = FileResponse(
            file,
            as_attachment=True,
            filename=booklet.pdf_filename(),
            content_type="application/pdf",
        )
    response["ETag"] = etag
    if modified:
        response["Last-Modified"] = http_date(modified.timestamp())
    if booklet.get_view_restrictions().exists():
        # A private booklet's PDF is for the people allowed to read it: no shared caches.
        patch_cache_control(response, private=True, max_age=0)
    else:
        max_age = PDF_MAX_AGE if is_current else OLDER_PDF_MAX_AGE
        patch_cache_control(response, public=True, max_age=max_age)
    return response


def pdf_being_prepared(booklet, request):
    """503 with Retry-After: no PDF of this booklet yet. A short page in its language
    leads to the printable version and back to the booklet."""
    response = TemplateResponse(
        request,
        "booklets/booklet_pdf_preparing.html",
        {"page": booklet, "self": booklet},
        status=503,
    )
    with translation.override(booklet.locale.language_code):
        response.render()
    response["Retry-After"] = str(PDF_RETRY_AFTER)
    add_never_cache_headers(response)
    return response


# --- Made after publishing and after the safety settings change -----------------------
# Publishing or unpublishing a booklet or one of its chapters, or saving the phone numbers
# the PDF prints, queues a new PDF, made after the transaction commits. The "default"
# backend is the immediate one: the editor's request makes it, never a reader's. Until it
# is made, readers get the version before (or the "being prepared" page); a deploy that
# changes SITE_URL or the layout runs `manage.py build_booklet_pdfs`.


@task()
def build_booklet_pdf(booklet_id):
    booklet = booklet_model().objects.live().filter(pk=booklet_id).first()
    if booklet is None:
        return None
    return build_pdf(booklet).file_size


def queue_pdf(booklet_id):
    try:
        build_booklet_pdf.enqueue(booklet_id)
    except Exception:
        # Never fail a publish or a settings save: the command makes what is missing.
        logger.exception("Could not make the PDF of booklet %s", booklet_id)


def booklet_id_of(page):
    """The booklet a published page belongs to: itself, or a chapter's parent."""
    if isinstance(page, booklet_model()):
        return page.pk
    if page._meta.label == CHAPTER_LABEL:
        parent = page.get_parent()
        return parent.pk if parent is not None else None
    return None


@receiver(page_published)
@receiver(page_unpublished)
def booklet_changed(sender, instance, **kwargs):
    booklet_id = booklet_id_of(instance)
    if booklet_id is not None:
        transaction.on_commit(lambda: queue_pdf(booklet_id))


# A chapter can also leave a booklet without being unpublished: made private (itself or
# through an ancestor) or moved. (Deleting a live page unpublishes it first: Wagtail's own
# pre_delete handler sends page_unpublished.) Its PDF must not keep it: a new one is queued,
# and until it is made readers get the one before (a minute at most in caches).


def booklets_affected_by(page):
    """The live booklets whose PDF a change to `page` alters: itself or any booklet below
    it, and a chapter's booklet."""
    affected = set(
        booklet_model()
        .objects.live()
        .filter(path__startswith=page.path)
        .values_list("pk", flat=True)
    )
    if is_chapter(page):
        try:
            parent = page.get_parent()
        except ObjectDoesNotExist:  # gone already
            parent = None
        if parent is not None:
            affected.add(parent.pk)
    return affected


def is_chapter(page):
    specific_class = page.specific_class
    return specific_class is not None and specific_class._meta.label == CHAPTER_LABEL


def queue_pdfs_after_commit(booklet_ids):
    if booklet_ids:
        transaction.on_commit(lambda: [queue_pdf(pk) for pk in sorted(booklet_ids)])


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, instance, raw=False, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first() if not raw else None
    if page is not None:
        queue_pdfs_after_commit(booklets_affected_by(page))


@receiver(post_page_move)
def page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    affected = booklets_affected_by(instance)
    if is_chapter(instance):
        affected |= {parent_page_before.pk, parent_page_after.pk}
    queue_pdfs_after_commit(affected)


@receiver(post_save, sender=SafetySettings)
def safety_settings_changed(sender, instance, created, raw=False, **kwargs):
    """Every PDF of the site prints these phone numbers. A new record holds the defaults
    the PDFs already print (and is made by a reader's first request): nothing to do."""
    if created or raw:
        return
    site_id = instance.site_id
    transaction.on_commit(lambda: queue_pdfs_of_site(site_id), robust=True)


def queue_pdfs_of_site(site_id):
    for booklet in booklet_model().objects.live().order_by("path"):
        site = booklet.get_site()
        if site is not None and site.pk == site_id:
            queue_pdf(booklet.pk)


@receiver(post_delete, sender=GeneratedPDF)
def remove_pdf_file(sender, instance, **kwargs):
    """A stored PDF leaves with its record (a newer version, or its booklet deleted),
    once the deletion is committed."""
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: delete_unless_used(storage, name))


def delete_unless_used(storage, name):
    # A record dropped because its file was gone is replaced by one that may reuse the name.
    if not GeneratedPDF.objects.filter(file=name).exists():
        storage.delete(name)
