"""What the admin accepts as an upload, judged by the file's content, never by its name.

Images: PNG, JPEG or WebP as Willow reads them from the bytes (Wagtail already refuses a
file whose extension and content disagree, and anything Willow cannot open), within
WAGTAILIMAGES_MAX_UPLOAD_SIZE and WAGTAILIMAGES_MAX_IMAGE_PIXELS. Documents: PDF only,
whose bytes start with the PDF signature, within WAGTAILDOCS_MAX_UPLOAD_SIZE. Hooked in
through WAGTAILIMAGES_IMAGE_FORM_BASE and WAGTAILDOCS_DOCUMENT_FORM_BASE, so the single
and the multiple upload screens both use it.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

IMAGE_FORMATS = {"png", "jpeg", "webp"}  # Willow's names for what the bytes are
PDF_SIGNATURE = b"%PDF-"


def check_image_content(file):
    # WagtailImageField has opened a new upload with Willow and left it on `file.image`.
    image = getattr(file, "image", None)
    if image is not None and image.format_name not in IMAGE_FORMATS:
        raise ValidationError(
            _("Upload a PNG, JPEG or WebP image. This file's content is not one of them."),
            code="image_content",
        )


def check_pdf_content(file):
    file.seek(0)
    head = file.read(len(PDF_SIGNATURE))
    file.seek(0)
    if head != PDF_SIGNATURE:
        raise ValidationError(
            _("Upload a PDF document. This file's content is not a PDF."),
            code="document_content",
        )


class ImageForm(BaseImageForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            check_image_content(file)
        return file


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            check_pdf_content(file)
        return file
