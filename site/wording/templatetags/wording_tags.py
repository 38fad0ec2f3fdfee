from django import template
from wagtail.models import PAGE_TEMPLATE_VAR

from ..checks import warned_in_object

register = template.Library()


@register.inclusion_tag("wording/warning_marks.html", takes_context=True)
def wording_warning_marks(context):
    """In a preview only: a hidden mark for each warned term the page uses, which the
    Checks panel's wording checks find (wagtail_hooks.add_wording_checks)."""
    request = context.get("request")
    page = context.get(PAGE_TEMPLATE_VAR)
    if not getattr(request, "is_preview", False) or page is None:
        return {"problems": []}
    return {"problems": warned_in_object(page)}
