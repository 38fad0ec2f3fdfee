"""Media on S3-compatible storage: the production settings build it from the environment
(renditions public, everything else private), and booklet PDFs are made and served from
a storage that has no files on disk."""

import io
import json

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage, default_storage
from pypdf import PdfReader
from wagtail.images import get_image_model

from campaigns.booklets.downloads.tasks import build_booklet_pdf
from campaigns.booklets.models import GeneratedPDF
from tests.factories.pages import make_booklet
from tests.support.commands import manage

S3_ENVIRONMENT = {
    "AWS_STORAGE_BUCKET_NAME": "campaigns-media",
    "AWS_S3_ENDPOINT_URL": "https://s3.example",
    "AWS_S3_REGION_NAME": "eu-west-1",
    "AWS_S3_CUSTOM_DOMAIN": "media.internetsegura.example",
    "AWS_ACCESS_KEY_ID": "test-access-key",
    "AWS_SECRET_ACCESS_KEY": "test-secret-key",
}

DESCRIBE_STORAGES = """
import json
from django.conf import settings
from django.core.files.storage import InMemoryStorage, default_storage
from wagtail.images import get_image_model
renditions = get_image_model().get_rendition_model()._meta.get_field("file").storage
print(json.dumps({
    name: {
        "class": storage.__class__.__name__,
        **{key: str(getattr(storage, key, None)) for key in (
            "bucket_name", "endpoint_url", "region_name", "access_key", "default_acl",
            "querystring_auth", "custom_domain", "location")},
        "url": storage.url("images/photo.jpg").split("?")[0],
    }
    for name, storage in (("default", default_storage), ("renditions", renditions))
} | {"documents": getattr(settings, "WAGTAILDOCS_SERVE_METHOD", None),
     "images": settings.SECURE_CSP["img-src"]}))
"""


def described_storages(**env):
    result = manage("shell", "-c", DESCRIBE_STORAGES, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_puts_media_in_the_bucket_from_the_environment():
    storages = described_storages(**S3_ENVIRONMENT)
    default, renditions = storages["default"], storages["renditions"]
    for storage in (default, renditions):
        assert storage["class"] == "S3Storage"
        assert storage["bucket_name"] == "campaigns-media"
        assert storage["endpoint_url"] == "https://s3.example"
        assert storage["region_name"] == "eu-west-1"
        assert storage["access_key"] == "test-access-key"
    # Originals, documents and PDFs: private, signed, served through the site's views.
    assert default["default_acl"] == "private" and default["querystring_auth"] == "True"
    assert storages["documents"] == "serve_view"
    # Renditions: public, unsigned, at the CDN domain.
    assert renditions["default_acl"] == "public-read" and renditions["querystring_auth"] == "False"
    assert renditions["url"] == "https://media.internetsegura.example/renditions/images/photo.jpg"
    assert "https://media.internetsegura.example" in storages["images"]  # allowed by the CSP


def test_without_a_bucket_media_stay_on_disk():
    storages = described_storages()
    assert storages["default"]["class"] == "FileSystemStorage"
    assert storages["renditions"]["class"] == "FileSystemStorage"


@pytest.mark.django_db
def test_booklet_pdf_is_made_and_served_from_a_storage_without_paths(client, settings, home_pt):
    booklet = make_booklet(home_pt, "livreto-de-teste")
    images = get_image_model().objects.all()
    originals = {image.file.name: image.file.read() for image in images}
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.InMemoryStorage",
            "OPTIONS": {"base_url": "https://media.example/m/"},
        },
    }
    for name, data in originals.items():
        assert default_storage.save(name, ContentFile(data)) == name
    get_image_model().get_rendition_model().objects.all().delete()
    GeneratedPDF.objects.all().delete()
    cache.clear()

    build_booklet_pdf.enqueue(booklet.pk)
    response = client.get("/pt/livreto-de-teste/pdf/")
    assert response.status_code == 200
    data = b"".join(response.streaming_content)
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata.title == booklet.title
    # The cover and the illustrations were read from the new storage as images.
    assert sum(len(page.images) for page in reader.pages) >= 2
    stored = GeneratedPDF.objects.get(booklet=booklet)
    assert default_storage.exists(stored.file.name)
    assert isinstance(stored.file.storage._wrapped, InMemoryStorage)  # not on disk
    rendition = get_image_model().get_rendition_model().objects.first()
    assert rendition.url.startswith("https://media.example/m/")  # read back by the fetcher
    again = client.get("/pt/livreto-de-teste/pdf/")
    assert b"".join(again.streaming_content) == data
