"""The kinds of download a booklet offers, each with what differs between them: its model,
its file type, its layout version and its renderer. Everything else (fingerprint, storage,
serving, tasks) is the same code for both."""

from dataclasses import dataclass

from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from ..models import GeneratedEPUB, GeneratedPDF
from .epub import EPUB_LAYOUT_VERSION
from .pdf import PDF_LAYOUT_VERSION


@dataclass(frozen=True)
class DownloadFormat:
    name: str  # the file's extension, the route's name and the task's key
    label: str  # what readers call it, in the download link and the "being prepared" page
    model: type
    content_type: str
    version_tag: str  # first in the fingerprint: bumping the layout version rebuilds all
    renderer: str  # dotted path, looked up when a file is made (WeasyPrint loads late)

    def render(self, booklet, chapters, safety):
        """The file's bytes and the model fields the renderer fills (a PDF's page count)."""
        return import_string(self.renderer)(booklet, chapters, safety)

    def filename(self, booklet):
        return f"{booklet.slug}-{booklet.locale.language_code}.{self.name}"


PDF = DownloadFormat(
    name="pdf",
    label=_("PDF"),
    model=GeneratedPDF,
    content_type="application/pdf",
    # The PDF's fingerprints began before the EPUB's: kept, so no PDF is made again for it.
    version_tag=f"v{PDF_LAYOUT_VERSION}",
    renderer="campaigns.booklets.downloads.pdf.render_booklet_pdf",
)
EPUB = DownloadFormat(
    name="epub",
    label=_("EPUB"),
    model=GeneratedEPUB,
    content_type="application/epub+zip",
    version_tag=f"epub-v{EPUB_LAYOUT_VERSION}",
    renderer="campaigns.booklets.downloads.epub.render_booklet_epub",
)
FORMATS = {download_format.name: download_format for download_format in (PDF, EPUB)}
