"""The booklet as a PDF: made with WeasyPrint once per published version, stored, served.

WeasyPrint never reaches the network: images and stylesheets are read from storage and
static files by `LocalFetcher`, and any other address is refused.
"""

import logging
import mimetypes
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.http import FileResponse, HttpResponseNotModified
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.http import http_date, quote_etag
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from website.models import SafetySettings

from .models import GeneratedPDF

logger = logging.getLogger(__name__)

# Browsers and the CDN may keep a PDF for a few minutes, then ask again (the ETag makes
# that cheap); publishing shows in the next download after that.
PDF_MAX_AGE = 300
PDF_VARIANT = "pdf/ua-1"  # tagged, with a structure tree, a title and a language


class LocalFetcher(URLFetcher):
    """Serve WeasyPrint's requests from media storage and static files, never the network."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        path = unquote(urlsplit(url).path)
        for prefix, opener in (
            (settings.MEDIA_URL, open_media_file),
            (settings.STATIC_URL, open_static_file),
        ):
            if prefix and path.startswith(prefix):
                name = path[len(prefix) :]
                body = opener(name)
                mime_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, body, {"Content-Type": mime_type})
        raise ValueError(f"Booklet PDFs load nothing from other sites: {url}")


def open_media_file(name):
    with default_storage.open(name, "rb") as media_file:
        return media_file.read()


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
    return SafetySettings.for_site(site) if site else None


def render_booklet_pdf(booklet, chapters, safety):
    """The PDF's bytes and its page count, in the booklet's language."""
    base_url = booklet.get_site().root_url + "/" if booklet.get_site() else "http://localhost/"
    with translation.override(booklet.locale.language_code):
        html = render_to_string(
            "booklets/booklet_pdf.html",
            {
                "page": booklet,
                "booklet": booklet,
                "chapters": chapters,
                "cover": booklet.cover(),
                "safety": safety,
                "settings": {"website": {"SafetySettings": safety}},
                "LANGUAGE_CODE": booklet.locale.language_code,
            },
        )
        document = HTML(string=html, base_url=base_url, url_fetcher=LocalFetcher()).render(
            pdf_variant=PDF_VARIANT
        )
        pdf_bytes = document.write_pdf(pdf_variant=PDF_VARIANT)
    return pdf_bytes, len(document.pages)


def current_pdf(booklet, chapters, safety):
    fingerprint = booklet.pdf_fingerprint(chapters, safety)
    return fingerprint, GeneratedPDF.objects.filter(
        booklet_id=booklet.pk, fingerprint=fingerprint
    ).first()


def build_pdf(booklet, request=None):
    """The stored PDF of the booklet's published content, made now if there is none yet.

    A live page's own fields hold its published content (drafts live in revisions), so
    the PDF shows what readers see on the web.
    """
    safety = safety_settings_for(booklet, request)
    fingerprint, stored = current_pdf(booklet, booklet.live_chapters(), safety)
    if stored is not None:
        return stored
    chapters = booklet.live_chapters_with_bodies()
    # Checked again with the chapters just read, so the stored name matches the content.
    fingerprint = booklet.pdf_fingerprint(chapters, safety)
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
    """Older versions are never served again; their files go once this commits."""
    GeneratedPDF.objects.filter(booklet_id=booklet.pk).exclude(pk=keep.pk).delete()


def pdf_download_info(booklet, chapters, request):
    """What the download button shows: its address and the file's size, when known."""
    if booklet.designed_pdf_id:
        document = booklet.designed_pdf
        return {"url": booklet.pdf_url(), "size": document.get_file_size(), "designed": True}
    _fingerprint, stored = current_pdf(booklet, chapters, safety_settings_for(booklet, request))
    return {"url": booklet.pdf_url(), "size": stored.file_size if stored else None}


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
    return document.file, f"doc-{document.pk}-{document.file_hash}", document.created_at


def open_generated_pdf(booklet, request):
    """The generated PDF, opened. A record whose file is gone (media not restored, another
    server, a deletion racing this download) is dropped and the PDF made again."""
    stored = build_pdf(booklet, request)
    try:
        stored.file.open("rb")
    except FileNotFoundError:
        logger.warning("The PDF of booklet %s had no file: making it again", booklet.pk)
        GeneratedPDF.objects.filter(pk=stored.pk).delete()
        stored = build_pdf(booklet, request)
        stored.file.open("rb")
    return stored.file, stored.fingerprint, stored.created_at


def serve_booklet_pdf(booklet, request):
    """The designed PDF when there is one for this language, or the generated one."""
    file, etag, modified = open_designed_pdf(booklet) or open_generated_pdf(booklet, request)
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
        patch_cache_control(response, public=True, max_age=PDF_MAX_AGE)
    return response
