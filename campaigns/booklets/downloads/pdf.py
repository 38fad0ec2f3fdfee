"""The booklet as a tagged PDF, made with WeasyPrint from the same content as the web pages.

WeasyPrint is imported only here, when a PDF is made. It never reaches the network: images
and stylesheets are read from storage and static files by `LocalFetcher`, and any other
address is refused.
"""

import mimetypes

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from .content import booklet_context
from .local_files import stored_file_at

# Bump when the PDF's layout or interface words change, so every stored PDF is rebuilt.
PDF_LAYOUT_VERSION = 4
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


def render_booklet_pdf(booklet, chapters, safety):
    """The PDF's bytes and what the record keeps of it (its page count), in the booklet's
    language."""
    from weasyprint import HTML

    base_url = settings.SITE_URL + "/"
    with translation.override(booklet.locale.language_code):
        html = render_to_string(
            "booklets/booklet_pdf.html", booklet_context(booklet, chapters, safety)
        )
        document = HTML(string=html, base_url=base_url, url_fetcher=local_fetcher()).render(
            pdf_variant=PDF_VARIANT
        )
        pdf_bytes = document.write_pdf(pdf_variant=PDF_VARIANT)
    return pdf_bytes, {"page_count": len(document.pages)}
