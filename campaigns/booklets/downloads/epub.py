"""The booklet as an EPUB 3 in its language: the cover and introduction, the contents (the
navigation document), every published chapter in order with its illustrations and their
alternative texts, and "Need help?" with the safety numbers and the booklet's address, as
the PDF prints them. Reflowable, with the booklet's reading styles, and described by EPUB
Accessibility 1.1 metadata.

Each document is rendered from an HTML template, like the web pages and the PDF, then
parsed with tinyhtml5 (WeasyPrint's HTML parser) and written out as XHTML: images are copied
in from storage, links to the site become absolute, and `xml:lang` joins `lang`.
"""

import mimetypes
import posixpath
import uuid
import xml.etree.ElementTree as ET
from datetime import UTC
from urllib.parse import urljoin

import tinyhtml5
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .content import booklet_context, public_address
from .epub_container import write_epub
from .local_files import open_static_file, stored_file_at

# Bump when the EPUB's layout or interface words change, so every stored EPUB is rebuilt.
EPUB_LAYOUT_VERSION = 1

XHTML_NS = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"
SVG_NS = "http://www.w3.org/2000/svg"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ET.register_namespace("epub", EPUB_NS)
ET.register_namespace("svg", SVG_NS)
STYLESHEET = "styles/booklet.css"


class Package:
    """The files of the EPUB being written, and what the package document lists."""

    def __init__(self):
        self.files = {}
        self.items = []  # (id, path, media type, properties) in manifest order
        self.images = {}  # the site's address of an image -> its path in the EPUB

    def add(self, path, data, media_type, properties=""):
        self.files[path] = data
        self.items.append(
            {
                "id": f"item-{len(self.items) + 1}",
                "path": path,
                "media_type": media_type,
                "properties": properties,
            }
        )

    def image(self, url, properties=""):
        """The EPUB's own copy of the image at `url` (a rendition in storage)."""
        if url not in self.images:
            found = stored_file_at(url)
            if found is None:
                raise ValueError(f"Booklet EPUBs load nothing from other sites: {url}")
            name, data = found
            path = f"images/{posixpath.basename(name)}"
            self.add(path, data, mimetypes.guess_type(name)[0], properties)
            self.images[url] = path
        return self.images[url]


def render_booklet_epub(booklet, chapters, safety):
    """The EPUB's bytes, in the booklet's language; nothing more for its record."""
    language = booklet.locale.language_code
    context = booklet_context(booklet, chapters, safety)
    package = Package()
    with translation.override(language):
        package.add(STYLESHEET, open_static_file("booklets/css/epub.css"), "text/css")
        add_document(
            package,
            "cover.xhtml",
            "booklets/epub/cover.html",
            context,
            has_cover_image=context["cover"] is not None,
        )
        add_document(package, "nav.xhtml", "booklets/epub/nav.html", context, properties="nav")
        for number, chapter in enumerate(chapters, start=1):
            chapter_context = {**context, "chapter": chapter, "number": number}
            add_document(
                package, f"chapter-{number}.xhtml", "booklets/epub/chapter.html", chapter_context
            )
        add_document(package, "help.xhtml", "booklets/epub/help.html", context)
        package_document = render_to_string(
            "booklets/epub/package.opf",
            {
                **context,
                "identifier": uuid.uuid5(uuid.NAMESPACE_URL, public_address(booklet)),
                "modified": last_published(booklet, chapters),
                "items": package.items,
                "spine": [item for item in package.items if item["path"].endswith(".xhtml")],
                # Written here, not in the package template: makemessages reads only
                # .html, .txt and .py files.
                "publisher": _("Safe Internet"),
                "accessibility_summary": _(
                    "Every chapter is text that can be read aloud, resized and restyled. "
                    "Every illustration has a text description, so the text alone is "
                    "enough to read the booklet. Headings and a table of contents lead to "
                    "each chapter."
                ),
            },
        )
    return write_epub(package_document.encode(), package.files), {}


def last_published(booklet, chapters):
    """When its content last changed (dcterms:modified), so that the same content makes the
    same EPUB."""
    dates = [page.last_published_at for page in [booklet, *chapters] if page.last_published_at]
    latest = max(dates) if dates else timezone.now()
    return latest.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def add_document(package, path, template, context, properties="", has_cover_image=False):
    root = tinyhtml5.parse(render_to_string(template, context))
    if has_cover_image:
        # The cover image is the reading systems' thumbnail of the book.
        package.image(cover_url(root), properties="cover-image")
    make_epub_ready(root, package)
    if root.find(f".//{{{SVG_NS}}}svg") is not None:
        properties = " ".join(filter(None, [properties, "svg"]))
    package.add(path, xhtml_bytes(root), "application/xhtml+xml", properties)


def cover_url(root):
    return root.find(f".//{{{XHTML_NS}}}figure[@class='cover__figure']/{{{XHTML_NS}}}img").get(
        "src"
    )


def make_epub_ready(root, package):
    """Images from the EPUB's own files, site links absolute, `xml:lang` beside `lang`, and
    `data-epub-type` (which HTML templates can write) as `epub:type`."""
    for element in root.iter():
        if element.get("lang"):
            element.set(XML_LANG, element.get("lang"))
        epub_type = element.attrib.pop("data-epub-type", None)
        if epub_type:
            element.set(f"{{{EPUB_NS}}}type", epub_type)
        if element.tag == f"{{{XHTML_NS}}}img":
            element.set("src", package.image(element.get("src")))
            for attribute in ("srcset", "sizes", "loading", "decoding"):
                element.attrib.pop(attribute, None)
        elif element.tag == f"{{{XHTML_NS}}}a" and element.get("href", "").startswith("/"):
            element.set("href", urljoin(settings.SITE_URL + "/", element.get("href")))


def xhtml_bytes(root):
    # ElementTree cannot write a default namespace with unprefixed attributes: the HTML
    # elements lose their namespace, and the root declares it.
    prefix = f"{{{XHTML_NS}}}"
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith(prefix):
            element.tag = element.tag[len(prefix) :]
    root.set("xmlns", XHTML_NS)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n{body}\n'.encode()
