"""Make every live booklet's current downloads that are missing, so that no reader waits.

Downloads never make a file (see `campaigns/booklets/downloads/`). Run this on deploys:
after `migrate`, after `SITE_URL` or a layout version changed, after restoring media. It
makes only what is missing: running it again does nothing.
"""

from django.core.management.base import BaseCommand

from campaigns.booklets.downloads.storage import build_missing


class Command(BaseCommand):
    help = "Make the PDF and EPUB of every live booklet that has none for its current version."

    def handle(self, *args, **options):
        made = kept = 0
        for booklet, download_format, generated in build_missing():
            if generated is None:
                kept += 1
                continue
            made += 1
            pages = getattr(generated, "page_count", None)
            self.stdout.write(
                f"Made the {download_format.label} of {booklet.title} "
                f"({booklet.locale.language_code}): "
                + (f"{pages} pages, " if pages else "")
                + f"{generated.file_size} bytes"
            )
        self.stdout.write(f"Booklet downloads: {made} made, {kept} already up to date.")
