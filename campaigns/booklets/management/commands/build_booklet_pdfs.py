"""Make every live booklet's current PDF that is missing, so that no reader waits for one.

Downloads never make a PDF (see `campaigns/booklets/pdf.py`). Run this on deploys: after
`migrate`, after `SITE_URL` or `PDF_LAYOUT_VERSION` changed, after restoring media. It
makes only what is missing: running it again does nothing.
"""

from django.core.management.base import BaseCommand

from campaigns.booklets.pdf import build_missing_pdfs


class Command(BaseCommand):
    help = "Make the PDF of every live booklet that has none for its current version."

    def handle(self, *args, **options):
        made = kept = 0
        for booklet, generated in build_missing_pdfs():
            language = booklet.locale.language_code
            if generated is None:
                kept += 1
                continue
            made += 1
            self.stdout.write(
                f"Made the PDF of {booklet.title} ({language}): "
                f"{generated.page_count} pages, {generated.file_size} bytes"
            )
        self.stdout.write(f"Booklet PDFs: {made} made, {kept} already up to date.")
