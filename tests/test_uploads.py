"""Admin uploads are judged by content, not by name: only PNG, JPEG and WebP images and PDF
documents, within the configured sizes, through the admin's own add screens."""

import io

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image as PillowImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

from tests.support.admin import choose_admin_language, signed_in_as

pytestmark = pytest.mark.django_db

HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def picture(image_format, size=(40, 30), mode="RGB"):
    buffer = io.BytesIO()
    PillowImage.new(mode, size, 1).save(buffer, format=image_format)
    return buffer.getvalue()


@pytest.fixture
def admin(client):
    return signed_in_as(client, "admin")


def upload(client, model, admin_address, name, content):
    """Send a file through the admin's own "add" form; returns the answer and whether
    the file was stored."""
    before = model.objects.count()
    response = client.post(
        admin_address,
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    stored = model.objects.count() - before
    assert stored in {0, 1}
    return response, stored == 1


def upload_image(client, name, content):
    return upload(client, Image, "/admin/images/add/", name, content)


def upload_document(client, name, content):
    return upload(client, Document, "/admin/documents/add/", name, content)


@pytest.mark.parametrize(
    ("name", "image_format"),
    [("photo.png", "PNG"), ("photo.jpg", "JPEG"), ("photo.jpeg", "JPEG"), ("photo.webp", "WEBP")],
)
def test_real_png_jpeg_and_webp_images_are_accepted(admin, name, image_format):
    response, stored = upload_image(admin, name, picture(image_format))
    assert stored, response.content.decode()[:500]
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("innocent.png", HTML),
        ("innocent.png", SVG),
        ("innocent.svg", SVG),
        ("innocent.png", PDF),
        ("innocent.jpg", picture("PNG")),  # the right kind of file under the wrong name
        ("innocent.png", picture("GIF")),
        ("innocent.gif", picture("GIF")),
        ("innocent.png", b""),
    ],
)
def test_files_that_are_not_what_their_name_says_are_refused(admin, name, content):
    response, stored = upload_image(admin, name, content)
    assert not stored
    assert response.status_code == 200
    assert "error" in response.content.decode()


@override_settings(WAGTAILIMAGES_EXTENSIONS=["png", "jpg", "jpeg", "webp", "gif"])
def test_the_content_check_holds_even_if_more_extensions_are_allowed(admin):
    response, stored = upload_image(admin, "animation.gif", picture("GIF"))
    assert not stored
    assert "Upload a PNG, JPEG or WebP image" in response.content.decode()


def test_an_image_with_too_many_pixels_is_refused(admin):
    width = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS // 5000 + 1
    huge = picture("PNG", size=(width, 5000), mode="1")  # small file, many pixels
    assert len(huge) < settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    response, stored = upload_image(admin, "huge.png", huge)
    assert not stored
    assert "too many pixels" in response.content.decode()


def test_an_image_file_over_the_size_limit_is_refused(admin):
    padded = picture("PNG") + b"\0" * settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    response, stored = upload_image(admin, "padded.png", padded)
    assert not stored
    assert "too big" in response.content.decode()


def test_the_multiple_upload_screen_refuses_a_disguised_file(admin):
    before = Image.objects.count()
    response = admin.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("innocent.png", SVG)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.json()["success"] is False
    assert Image.objects.count() == before


def test_a_real_pdf_is_accepted(admin):
    response, stored = upload_document(admin, "booklet.pdf", PDF)
    assert stored, response.content.decode()[:500]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("booklet.pdf", HTML),
        ("booklet.pdf", picture("PNG")),
        ("booklet.pdf", b" %PDF-1.4 not at the start"),
        ("booklet.pdf", b""),
        ("booklet.html", HTML),
        ("booklet.exe", b"MZ\x90\x00"),
        ("booklet.svg", SVG),
    ],
)
def test_documents_that_are_not_pdfs_are_refused(admin, name, content):
    response, stored = upload_document(admin, name, content)
    assert not stored
    assert response.status_code == 200


def test_the_pdf_check_speaks_the_admins_language(admin):
    choose_admin_language(get_user_model().objects.get(username="admin"), "pt-pt")
    response, stored = upload_document(admin, "folheto.pdf", HTML)
    assert not stored
    assert "Carrega um documento PDF" in response.content.decode()


def test_a_document_over_the_size_limit_is_refused(admin):
    response, stored = upload_document(
        admin, "big.pdf", PDF + b"\0" * settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    )
    assert not stored
    assert "too big" in response.content.decode()
