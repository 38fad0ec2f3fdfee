"""With the CSRF cookie HttpOnly, the admin's own scripts still send the CSRF token: an
image uploaded through "Add multiple images" (a request made by JavaScript) is stored."""

import io

import pytest
from django.conf import settings
from PIL import Image as PillowImage
from playwright.sync_api import expect
from wagtail.images.models import Image

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def png_bytes():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (40, 30), "#336699").save(buffer, format="PNG")
    return buffer.getvalue()


def test_the_admin_uploads_by_script_with_an_httponly_csrf_cookie(page):
    assert settings.CSRF_COOKIE_HTTPONLY
    page.goto("/admin/login/")
    page.locator("#id_username").fill("admin")
    page.locator("#id_password").fill("admin-demo-2026")
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/")
    assert "csrftoken" not in page.evaluate("document.cookie")  # scripts cannot read it
    before = Image.objects.count()
    page.goto("/admin/images/multiple/add/")
    page.locator("#fileupload").set_input_files(
        {"name": "campaign-square.png", "mimeType": "image/png", "buffer": png_bytes()}
    )
    expect(page.locator("#upload-list .upload-success")).to_have_count(1, timeout=20_000)
    assert Image.objects.count() == before + 1
    assert Image.objects.filter(title="campaign-square").exists()
