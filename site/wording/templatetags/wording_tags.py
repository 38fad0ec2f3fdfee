from django import template
from django.utils import translation
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar
from wagtail.models import PAGE_TEMPLATE_VAR

from ..checks import warned_in_object

register = template.Library()


def is_preview(context):
    return getattr(context.get("request"), "is_preview", False)


@register.simple_tag(takes_context=True)
def preview_userbar(context):
    """Wagtail's userbar, in previews only: it runs the editor's Checks panel on the
    preview. It renders in the editor's admin language, which it would leave active for
    the rest of the thread: the page's language is put back."""
    if not is_preview(context):
        return ""
    with translation.override(translation.get_language()):
        return wagtailuserbar(context)


@register.inclusion_tag("wording/warning_marks.html", takes_context=True)
def wording_warning_marks(context):
    """In a preview only: a hidden mark for each warned term the page uses, which the
    Checks panel's wording checks find (wagtail_hooks.add_wording_checks)."""
    page = context.get(PAGE_TEMPLATE_VAR)
    if not is_preview(context) or page is None:
        return {"problems": []}
    return {"problems": warned_in_object(page)}
