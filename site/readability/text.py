"""The text a visitor reads on a rendered page, for the readability score."""

from bs4 import BeautifulSoup

# Elements whose end also ends a unit of reading: a heading or a list item has no full
# stop, and must not run into the next one.
BLOCKS = [
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "label",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
    "button",
    "option",
]
# Never read as text: code, hidden parts and the words a screen reader skips.
SKIPPED = ["script", "style", "template", "noscript", "svg", "[hidden]", '[aria-hidden="true"]']


def main_text(html):
    """The text of the page's <main> (the whole body when there is none), with a line
    break at the end of every block."""
    soup = BeautifulSoup(html, "html.parser")
    root = soup.find("main") or soup.body or soup
    for element in root.select(", ".join(SKIPPED)):
        element.decompose()
    for element in root.find_all(BLOCKS):
        element.append("\n")
    return root.get_text()
