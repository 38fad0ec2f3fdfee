"""What a published page computes for its template, kept once per generation: values
(`cached_for_page`) and HTML (the `{% content_fragment %}` tag).

Only for the published page as every visitor sees it: a preview (a draft under the live
page's id) or a page object that is not live is always built afresh. A fragment's key holds
its name and parts, the language, and the Site that answered (links to pages of another
Site are absolute). `CONTENT_CACHE_FRAGMENTS = False` turns both off.
"""

from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Page

from .routing import site_for_request
from .store import CACHE_SECONDS, cached


def fragments_cached():
    return getattr(settings, "CONTENT_CACHE_FRAGMENTS", True)


def cached_for_page(request, page, name, build, *parts, timeout=CACHE_SECONDS):
    """`build()` cached per page under the current generation, for the published page
    only."""
    if (
        not fragments_cached()
        or request is None
        or getattr(request, "is_preview", False)
        or not page.live
        or not page.pk
    ):
        return build()
    return cached(request, name, build, page.pk, *parts, timeout=timeout)


def may_share_fragments(context):
    request = context.get("request")
    page = context.get("page")
    if not fragments_cached() or request is None or getattr(request, "is_preview", False):
        return False
    return not (isinstance(page, Page) and not page.live)


class ContentFragmentNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts

    def render(self, context):
        if not may_share_fragments(context):
            return self.nodelist.render(context)
        request = context["request"]
        parts = [part.resolve(context) for part in self.parts]
        site = site_for_request(request)
        return cached(
            request,
            "fragment",
            lambda: self.nodelist.render(context),
            self.name.resolve(context),
            translation.get_language(),
            site.pk if site is not None else "",
            *parts,
        )


def content_fragment(parser, token):
    """`{% content_fragment "name" part… %}…{% endcontent_fragment %}`: the enclosed HTML,
    rendered once per content generation, language and Site, keyed by the name and parts.

    Only for HTML that depends on published content, the language and the given parts:
    never put a CSRF token, a form's values, messages, the user or anything else that
    differs by visitor or request inside one. Previews are always rendered afresh.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("content_fragment needs a name")
    nodelist = parser.parse(("endcontent_fragment",))
    parser.delete_first_token()
    return ContentFragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    )
