"""Static files as production serves them: fingerprinted and compressed by WhiteNoise, with
a cache lifetime of years for the fingerprinted names (they change when the file does)."""

import gzip
import re

import pytest
from django.core.management import call_command
from django.test import Client


@pytest.fixture
def production_static_files(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    # The admin's own files (most of them, by far) are left out: the public pages link
    # none, and compressing them all took most of this test's time.
    call_command("collectstatic", "--no-input", "--ignore", "wagtail*", verbosity=0)
    return tmp_path


@pytest.mark.django_db
def test_pages_link_fingerprinted_files_that_whitenoise_serves_compressed_for_years(
    production_static_files,
):
    client = Client()  # a new client loads WhiteNoise, which reads the collected files
    html = client.get("/pt/").content.decode()
    stylesheet = re.search(r'href="(/static/website/css/site\.[0-9a-f]{12}\.css)"', html)
    assert stylesheet, "the page links the fingerprinted stylesheet"
    response = client.get(stylesheet.group(1), HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "immutable" in response["Cache-Control"]
    assert int(re.search(r"max-age=(\d+)", response["Cache-Control"]).group(1)) >= 365 * 86400
    body = b"".join(response.streaming_content)
    assert b"{" in gzip.decompress(body)
