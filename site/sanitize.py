"""The one place that uses bleach, so it can be swapped when bleach is retired.

Text from the public is stored as typed and escaped when shown; these functions are for
the few places where HTML must be produced from text nobody in the admin wrote.
"""

import bleach
from bleach.linkifier import Linker

RICH_TEXT_TAGS = ["p", "br", "h2", "h3", "b", "strong", "i", "em", "ul", "ol", "li", "a"]
RICH_TEXT_ATTRIBUTES = {"a": ["href"]}
SAFE_PROTOCOLS = ["https", "mailto", "tel"]


def clean_rich_text(html):
    """HTML that may enter a rich-text field from outside the editor (imports, demo)."""
    return bleach.clean(
        html,
        tags=RICH_TEXT_TAGS,
        attributes=RICH_TEXT_ATTRIBUTES,
        protocols=SAFE_PROTOCOLS,
        strip=True,
    )


def _https_only(attrs, new=False):
    href = attrs.get((None, "href"), "")
    if not href.startswith("https://"):
        return None  # leave it as text
    attrs[(None, "rel")] = "nofollow noopener"
    return attrs


_linker = Linker(callbacks=[_https_only], skip_tags=["pre", "code"], parse_email=False)


def linkify_plain_text(text):
    """Escape plain text and make its https links clickable (handlers' replies)."""
    return _linker.linkify(bleach.clean(text, tags=[], strip=False))
