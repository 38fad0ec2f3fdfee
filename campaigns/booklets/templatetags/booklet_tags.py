"""Template helpers for the whole-booklet views (print and PDF)."""

from bs4 import BeautifulSoup
from django import template
from django.utils.safestring import mark_safe
from wagtail.templatetags.wagtailcore_tags import richtext

register = template.Library()

HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]


@register.filter
def richtext_demoted(value, levels=1):
    """Rich text with its headings moved down (h2 → h3, h3 → h4), for a page where the
    chapter title is already the h2. The HTML is parsed, never matched with patterns;
    it comes from Wagtail's rich text, which allows only its own elements."""
    soup = BeautifulSoup(str(richtext(value)), "html.parser")
    for heading in soup.find_all(HEADINGS):
        heading.name = f"h{min(int(heading.name[1]) + int(levels), 6)}"
    return mark_safe(str(soup))  # noqa: S308 - the editor's sanitised rich text, re-serialised
