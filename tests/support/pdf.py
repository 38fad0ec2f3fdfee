"""Reading a booklet PDF: its bytes, text, figures' alternative texts, pages and headings."""

import io
import re

from django.core.management import call_command
from pypdf import PdfReader

from campaigns.booklets.downloads.tasks import build_booklet_pdf


def get_pdf(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response, b"".join(response.streaming_content)


def pdf_text(data):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def structure_elements(data):
    """Every element of the PDF's structure tree (its tags), in reading order."""

    def walk(node):
        node = node.get_object()
        if not isinstance(node, dict):
            return
        yield node
        kids = node.get("/K")
        if kids is not None:
            kids = kids.get_object()
            for kid in kids if isinstance(kids, list) else [kids]:
                yield from walk(kid)

    yield from walk(PdfReader(io.BytesIO(data)).trailer["/Root"]["/StructTreeRoot"])


def figure_alt_texts(data):
    """The alternative texts of the figures in the PDF's structure tree."""
    return [
        str(node["/Alt"])
        for node in structure_elements(data)
        if node.get("/S") == "/Figure" and "/Alt" in node
    ]


def page_count(data):
    return len(PdfReader(io.BytesIO(data)).pages)


def pdf_headings(data):
    """The heading tags (/H1, /H2, …) of the PDF's structure tree, in order."""
    return [
        int(str(node["/S"])[2:])
        for node in structure_elements(data)
        if re.fullmatch(r"/H[1-6]", str(node.get("/S", "")))
    ]


def make_pdf(booklet):
    """Make the booklet's PDF through the task that publishing queues (downloads never
    make one)."""
    build_booklet_pdf.enqueue(booklet.pk)


def build_pdfs():
    """What a deploy runs: `manage.py build_booklet_pdfs`; returns what it printed."""
    out = io.StringIO()
    call_command("build_booklet_pdfs", stdout=out)
    return out.getvalue()


def stand_in_pdf(booklet, chapters, safety):
    """A tiny PDF that names what it was made from, and its page count: replaces WeasyPrint
    where a test is about when PDFs are made, not what they look like."""
    made_from = f"{booklet.title} | {safety.alert_line_phone}".encode()
    return b"%PDF-1.7\n% " + made_from + b"\n%%EOF\n", {"page_count": 1}
