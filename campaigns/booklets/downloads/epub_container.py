"""An EPUB 3 container written with the standard library: a zip whose first entry is the
`mimetype` file, stored uncompressed with no extra field (so readers can recognise it from
its first bytes), then `META-INF/container.xml` pointing to the package document, then the
package's files, compressed. Every entry has the same fixed date, so the same content makes
the same bytes."""

import io
import zipfile

MIMETYPE = b"application/epub+zip"
PACKAGE_PATH = "EPUB/package.opf"
CONTAINER_XML = f"""<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="{PACKAGE_PATH}" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
""".encode()
# The zip format's first representable date; the package document carries the real one.
FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def entry(name, compress_type):
    info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
    info.compress_type = compress_type
    return info


def write_epub(package_document, files):
    """The EPUB's bytes: the package document and `files` ({path inside EPUB/: bytes})."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(entry("mimetype", zipfile.ZIP_STORED), MIMETYPE)
        archive.writestr(entry("META-INF/container.xml", zipfile.ZIP_DEFLATED), CONTAINER_XML)
        archive.writestr(entry(PACKAGE_PATH, zipfile.ZIP_DEFLATED), package_document)
        for path, data in files.items():
            archive.writestr(entry(f"EPUB/{path}", zipfile.ZIP_DEFLATED), data)
    return buffer.getvalue()
