"""Media and static files read straight from storage: the PDF and the EPUB embed images and
stylesheets, and neither may reach the network (a rendition may live in a bucket of its own)."""

from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from wagtail.images import get_image_model


def stored_file_at(url):
    """The name and bytes of the media or static file at `url`, or None. Renditions may
    live in a storage of their own, at absolute addresses (a bucket or its CDN domain)."""
    url_without_query = url.split("?", 1)[0]
    path = unquote(urlsplit(url).path)
    for storage in media_storages():
        prefix = storage.url("").split("?", 1)[0]
        candidate = unquote(url_without_query) if "//" in prefix else path
        if prefix and candidate.startswith(prefix):
            name = candidate[len(prefix) :]
            with storage.open(name, "rb") as media_file:
                return name, media_file.read()
    if settings.STATIC_URL and path.startswith(settings.STATIC_URL):
        name = path[len(settings.STATIC_URL) :]
        return name, open_static_file(name)
    return None


def media_storages():
    rendition_storage = get_image_model().get_rendition_model()._meta.get_field("file").storage
    return [rendition_storage, default_storage]


def open_static_file(name):
    if staticfiles_storage.exists(name):
        with staticfiles_storage.open(name, "rb") as static_file:
            return static_file.read()
    found = finders.find(name)
    if not found:
        raise FileNotFoundError(name)
    with open(found, "rb") as static_file:
        return static_file.read()
