import hashlib
from dataclasses import dataclass

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page

from website.caching import fragments, store

register = template.Library()


@dataclass(frozen=True)
class LanguageVersion:
    code: str
    name: str
    url: str
    exists: bool  # False: the url is that language's home page, not a translation
    is_current: bool
    switch_url: str  # the language switch keeps the query (filters use the same codes)


@register.simple_tag(takes_context=True)
def language_versions(context):
    """The current page in every language, computed once per request.

    A Wagtail page offers its live translations; a view that is not a page (search, a
    quiz result) or a page's own sub-route (a booklet's print view) passes
    `alternate_urls`, which wins over the page. Without either, each language's home page.
    """
    request = context.get("request")
    cached = getattr(request, "_language_versions", None)
    if cached is not None:
        return cached
    urls = dict(context.get("alternate_urls") or {})
    query = ""
    page = context.get("page")
    if isinstance(page, Page) and page.pk and not urls:
        urls = store.cached(
            request, "translations", lambda: translation_urls(page, request), page.pk
        )
        query = request.GET.urlencode() if request is not None else ""
    current = translation.get_language()
    versions = [
        LanguageVersion(
            code=code,
            name=name,
            url=urls.get(code) or f"/{code}/",
            exists=code in urls,
            is_current=code == current,
            switch_url=(urls[code] + f"?{query}") if code in urls and query else "",
        )
        for code, name in settings.LANGUAGES
    ]
    if request is not None:
        request._language_versions = versions
    return versions


def translation_urls(page, request):
    translations = page.get_translations(inclusive=True).live().public().select_related("locale")
    return {other.locale.language_code: other.get_url(request) for other in translations}


# Search engines show about this many characters of a description.
DESCRIPTION_LENGTH = 160


@register.simple_tag
def site_description():
    """The description of a view that is not a page (search, an error page)."""
    return _(
        "Help for young people, parents and educators to be safe online: alerts, a quiz, "
        "a booklet, and the alert line to report abuse."
    )


@register.simple_tag(takes_context=True)
def page_description(context):
    """The page's search description, else its lead text (intro, or an alert's or a
    chapter's summary), shortened; else the site's."""
    page = context.get("page")
    if isinstance(page, Page):
        for field in ("search_description", "intro", "summary"):
            text = " ".join(str(getattr(page, field, "") or "").split())
            if text:
                return shortened(text, DESCRIPTION_LENGTH)
    return site_description()


def shortened(text, length):
    """At most `length` characters, cut between words."""
    if len(text) <= length:
        return text
    return text[: length - 1].rsplit(" ", 1)[0].rstrip(" ,;:.") + "…"


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    request = context.get("request")
    return request.build_absolute_uri(url) if request else url


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """Top-level pages of the active language's home that editors put in the menu."""
    request = context.get("request")
    language = translation.get_language()
    return store.cached(request, "menu", lambda: load_menu_pages(language), language)


def load_menu_pages(language):
    homes = Page.objects.filter(depth=2, locale__language_code=language).live().order_by("path")
    site_root = homes.first()
    if site_root is None:
        return []
    return list(site_root.get_children().live().in_menu().public())


@register.simple_tag
def home_url():
    return f"/{translation.get_language()}/"


@register.simple_tag(takes_context=True)
def site_banners(context):
    """Site-wide banners that apps offer through the `register_site_banners` hook.

    Each hook takes the request and returns HTML (or an empty string). `website` never
    imports the apps built on it; they register here instead. Plain strings are escaped.
    """
    request = context.get("request")
    parts = [hook(request) for hook in hooks.get_hooks("register_site_banners")]
    return mark_safe("".join(conditional_escape(part) for part in parts if part))  # noqa: S308


@register.simple_tag(takes_context=True)
def help_links(context):
    """Links to where to turn, shown beside the emergency number on every page, that apps
    offer through the `register_help_links` hook (each takes the request and returns HTML,
    or an empty string). Plain strings are escaped. The footer that shows them is kept per
    content generation and language, so a hook's HTML may depend on nothing else."""
    request = context.get("request")
    parts = [hook(request) for hook in hooks.get_hooks("register_help_links")]
    return mark_safe("".join(conditional_escape(part) for part in parts if part))  # noqa: S308


@register.simple_tag(takes_context=True)
def home_section(context, page):
    """A home section rendered with its page type's own template (see website.sections)."""
    request = context.get("request")
    template = context.template.engine.get_template(page.home_section_template)

    def render():
        with context.push(section=page, **page.home_section_context(request)):
            return template.render(context)

    # A section shows published content only: rendered once per content generation.
    language = translation.get_language()
    return store.cached(request, "home-section-html", render, page.pk, language)


# HTML rendered once per content generation (website.caching.fragments).
register.tag("content_fragment", fragments.content_fragment)


@register.inclusion_tag("website/includes/offline_copy.html")
def offline_copy_controls(page, kept_pages):
    """ "Keep on this device" for a page and the pages it lists (marked data-offline-keep
    in its template). The version names their published revisions: when one changes, a
    kept copy is kept again on the reader's next visit with a connection."""
    revisions = [(page.pk, page.live_revision_id)] + [
        (kept.pk, kept.live_revision_id) for kept in kept_pages
    ]
    return {
        "scope": page.url,
        "version": hashlib.sha256(repr(revisions).encode()).hexdigest()[:16],
    }
