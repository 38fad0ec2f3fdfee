"""Previews of every page type: the readability report, and the side-by-side mode.

Installed from `ReadabilityConfig.ready()` on `Page` and on every page type from the
apps that defines its own `preview_modes` or `serve_preview` (the quiz has modes for its
results), so a page type keeps its own modes and gains one more.

Each preview (in any mode but the side-by-side one) carries an empty element with the
page's readability, computed here in Python from the text of the rendered <main>. The
Checks panel reads it: a rule of the content checker (see checks.py) flags it when the
score is below the audience's target, and the editor's script fills in the content
metrics from its data attributes.
"""

import inspect
from functools import wraps

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.csp import CSP
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.userbar import Userbar
from wagtail.models import Locale, Page, get_page_models

from .audience import readability_audience
from .scoring import measure
from .text import main_text

BILINGUAL_MODE = "bilingual"
BILINGUAL_LABEL = _("Portuguese and English side by side")
REPORT_ID = "readability-report"


def install_on_page_models():
    for model in {Page, *get_page_models()}:
        if model is Page or "preview_modes" in vars(model):
            add_bilingual_mode(model)
        if model is Page or "serve_preview" in vars(model):
            wrap_serve_preview(model)


def add_bilingual_mode(model):
    original = inspect.getattr_static(model, "preview_modes")
    if getattr(original, "readability_installed", False):
        return

    def preview_modes(self):
        modes = list(original.__get__(self, type(self)) if hasattr(original, "fget") else original)
        # No modes means previews are off for this type: keep them off.
        if modes and BILINGUAL_MODE not in dict(modes):
            modes.append((BILINGUAL_MODE, BILINGUAL_LABEL))
        return modes

    installed = property(preview_modes)
    installed.fget.readability_installed = True
    model.preview_modes = installed


def wrap_serve_preview(model):
    original = inspect.getattr_static(model, "serve_preview")
    if getattr(original, "readability_installed", False):
        return

    @wraps(original)
    def serve_preview(self, request, mode_name):
        if mode_name == BILINGUAL_MODE:
            response = bilingual_preview(self, request)
        else:
            response = with_readability_report(self, request, original(self, request, mode_name))
        return framed_by_the_admin(response)

    serve_preview.readability_installed = True
    model.serve_preview = serve_preview


def framed_by_the_admin(response):
    """The public pages' strict policy, except that the editor's preview panel may frame
    it. Wagtail serves a preview through the whole middleware stack again, at the page's
    own address, so the public policy, which forbids any framing, would apply and the
    preview panel (and its checks) would stay blank."""
    response._csp_config = {**settings.SECURE_CSP, "frame-ancestors": [CSP.SELF]}
    return response


# --- The readability report ------------------------------------------------------------


def with_readability_report(page, request, response):
    """Add the report once (a page type's own serve_preview may call Page's), after the
    template is rendered."""
    if getattr(response, "readability_report", False):
        return response
    response.readability_report = True
    language = editor_language(request)

    def add_report(rendered):
        if rendered.status_code != 200 or "html" not in rendered.get("Content-Type", ""):
            return rendered
        html = rendered.content.decode(rendered.charset)
        with translation.override(language):
            extra = report_element(page, html)
        extra += checker_for(page, request, html)
        rendered.content = insert_before_body_end(html, extra).encode(rendered.charset)
        return rendered

    if isinstance(response, TemplateResponse) and not response.is_rendered:
        response.add_post_render_callback(add_report)
        return response
    return add_report(response)


def editor_language(request):
    """The admin language of the editor who asked for the preview: the page itself may
    be rendered in its own."""
    profile = getattr(request.user, "wagtail_userprofile", None)
    return profile.get_preferred_language() if profile else translation.get_language()


def page_language(page):
    if page.locale_id:
        return page.locale.language_code
    return settings.LANGUAGE_CODE


def checker_for(page, request, html):
    """Wagtail's userbar, which runs the content checker inside the preview and tells the
    editor's Checks panel when it is ready. The public templates leave it out (their
    pages are cached and shared), so without it the Checks panel never ran."""
    if "wagtail-userbar-template" in html:
        return ""
    return Userbar(object=page).render_html({"request": request, "page": page})


def report_element(page, html):
    result = measure(
        main_text(html),
        page_language(page),
        readability_audience(page),
    )
    return format_html(
        '<div id="{}" class="readability-report"{}></div>',
        REPORT_ID,
        format_html_join("", ' data-{}="{}"', report_data(result).items()),
    )


def report_data(result):
    """What the Checks panel shows, already in the editor's language."""
    data = {
        "language": result.language,
        "audience": result.audience,
        "formula": str(result.scale.formula),
        "words": result.words,
        "sentences": result.sentences,
        "syllables": result.syllables,
        "reading-time": ngettext("%(num)s min", "%(num)s mins", result.minutes)
        % {"num": result.minutes},
        "target": target_text(result),
    }
    if result.score is not None:
        data["score"] = round(result.score)
        data["band"] = gettext("%(band)s: %(suits)s") % {
            "band": result.band.name,
            "suits": result.band.suits,
        }
    if not result.meets_target:
        # The content checker's rule for this language and audience flags it.
        data["below-target"] = f"{result.language}-{result.audience}"
    return data


def target_text(result):
    audience = (
        gettext("young people")
        if result.audience == "young_people"
        else gettext("parents and educators")
    )
    return gettext("%(target)s (%(minimum)s or more) for %(audience)s") % {
        "target": result.target.name,
        "minimum": result.target.minimum,
        "audience": audience,
    }


def insert_before_body_end(html, element):
    head, marker, tail = html.rpartition("</body>")
    if not marker:
        return html + element
    return f"{head}{element}{marker}{tail}"


# --- Portuguese and English side by side -----------------------------------------------


def bilingual_preview(page, request):
    """The draft beside the latest revision of each of its translations, each rendered
    in its own language into a frame of its own."""
    sides = [draft_side(page, request)]
    for locale in other_locales(page):
        sides.append(translation_side(page, locale, request))
    order = [code for code, _name in settings.LANGUAGES]
    sides.sort(key=lambda side: order.index(side["code"]) if side["code"] in order else 99)
    response = TemplateResponse(
        request,
        "readability/bilingual_preview.html",
        {"page": page, "self": page, "sides": sides, "title": BILINGUAL_LABEL},
    )
    # The frame around the two pages speaks the editor's language.
    with translation.override(editor_language(request)):
        return response.render()


def other_locales(page):
    return Locale.objects.exclude(pk=page.locale_id).order_by("language_code")


def draft_side(page, request):
    code = page_language(page)
    return {
        "code": code,
        "name": language_name(code),
        "state": _("this draft"),
        "html": rendered_preview(page, code, request),
    }


def translation_side(page, locale, request):
    code = locale.language_code
    side = {"code": code, "name": language_name(code), "html": None}
    other = page.get_translation_or_none(locale) if page.pk else None
    if other is None:
        side["state"] = _("no translation")
        side["note"] = _(
            "This page has no translation in this language yet. Use “Translate” in the "
            "page's actions to make one."
        )
        return side
    latest = other.specific.get_latest_revision_as_object()
    side["state"] = (
        _("latest draft, not published yet") if other.has_unpublished_changes else _("as published")
    )
    side["html"] = rendered_preview(latest, code, request)
    return side


def rendered_preview(page, language_code, request):
    """The page's default preview, in the page's own language."""
    with translation.override(language_code):
        response = page.serve_preview(request, page.default_preview_mode)
        if hasattr(response, "render"):
            response.render()
        return response.content.decode(response.charset)


def language_name(code):
    # Each language by its own name ("Português", "English"), as the language switch does.
    return dict(settings.LANGUAGES).get(code, code)
