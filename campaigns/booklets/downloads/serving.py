"""What a download answers: the editor's designed PDF first (for the PDF), then the newest
stored file of the booklet (the current version, or the one before it while that is being
made), or a short page saying that it is being prepared. Never made here: that takes
seconds, and a reader (or a crawler, many at once) must not wait for it or overload the
server."""

import logging

from django.db.models import Case, IntegerField, Value, When
from django.http import FileResponse, HttpResponseNotModified
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import http_date, quote_etag

from .content import fingerprint, safety_settings_for
from .formats import FORMATS, PDF
from .storage import drop_record_without_file
from .tasks import ask_for

logger = logging.getLogger(__name__)

# Browsers and the CDN may keep a download for a few minutes, then ask again (the ETag
# makes that cheap); publishing shows in the next download after that.
CURRENT_MAX_AGE = 300
# The version before the current one, served while the current one is being made: still
# this booklet, only not its newest content, so caches ask again soon.
OLDER_MAX_AGE = 60
# No file at all yet: readers are asked to come back after this many seconds.
RETRY_AFTER = 120


def stored_files(download_format, booklet, current):
    """The booklet's stored files of this format, the current version first, then the
    newest."""
    is_current = Case(
        When(fingerprint=current, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return download_format.model.objects.filter(booklet_id=booklet.pk).order_by(
        is_current, "-created_at", "-pk"
    )


def reader_fingerprint(download_format, booklet, chapters, request):
    return fingerprint(download_format, booklet, chapters, safety_settings_for(booklet, request))


def downloads_info(booklet, chapters, request):
    """What the download links show, per format: the address and the size of the file a
    download would get (the current version or the one before it); no size when there is
    none."""
    return {
        name: download_info(download_format, booklet, chapters, request)
        for name, download_format in FORMATS.items()
    }


def download_info(download_format, booklet, chapters, request):
    url = booklet.download_url(download_format.name)
    if download_format is PDF and booklet.designed_pdf_id:
        size = booklet.designed_pdf.get_file_size()
        return {"url": url, "size": size, "designed": True, "ready": True}
    current = reader_fingerprint(download_format, booklet, chapters, request)
    stored = stored_files(download_format, booklet, current).first()
    return {"url": url, "size": stored.file_size if stored else None, "ready": stored is not None}


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


def open_generated(download_format, booklet, request):
    """The newest stored file whose file is there, opened, and whether it is the current
    version; None when there is none."""
    current = reader_fingerprint(download_format, booklet, booklet.live_chapters(), request)
    for stored in stored_files(download_format, booklet, current):
        try:
            stored.file.open("rb")
        except (FileNotFoundError, ValueError):
            drop_record_without_file(stored)
            continue
        is_current = stored.fingerprint == current
        if not is_current:
            ask_for(download_format, booklet, current)
        return stored.file, stored.fingerprint, stored.created_at, is_current
    ask_for(download_format, booklet, current)
    return None


def serve_download(download_format, booklet, request):
    """The designed PDF when there is one for this language, or the newest generated file,
    or a page saying that it is being prepared."""
    designed = open_designed_pdf(booklet) if download_format is PDF else None
    opened = designed or open_generated(download_format, booklet, request)
    if opened is None:
        return being_prepared(download_format, booklet, request)
    file, etag, modified, is_current = opened
    etag = quote_etag(etag)
    if request.headers.get("If-None-Match") == etag:
        file.close()
        response = HttpResponseNotModified()
    else:
        response = FileResponse(
            file,
            as_attachment=True,
            filename=download_format.filename(booklet),
            content_type=download_format.content_type,
        )
    response["ETag"] = etag
    if modified:
        response["Last-Modified"] = http_date(modified.timestamp())
    if booklet.get_view_restrictions().exists():
        # A private booklet's files are for the people allowed to read it: no shared caches.
        patch_cache_control(response, private=True, max_age=0)
    else:
        max_age = CURRENT_MAX_AGE if is_current else OLDER_MAX_AGE
        patch_cache_control(response, public=True, max_age=max_age)
    return response


def being_prepared(download_format, booklet, request):
    """503 with Retry-After: no file of this booklet yet. A short page in its language
    leads to the printable version and back to the booklet."""
    response = TemplateResponse(
        request,
        "booklets/booklet_download_preparing.html",
        {"page": booklet, "self": booklet, "download_format": download_format.name},
        status=503,
    )
    with translation.override(booklet.locale.language_code):
        response.render()
    response["Retry-After"] = str(RETRY_AFTER)
    add_never_cache_headers(response)
    return response
