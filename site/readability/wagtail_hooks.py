from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem

from .checks import add_readability_rules


@hooks.register("construct_wagtail_userbar")
def add_readability_to_content_checker(request, items, page):
    # The same items make the editor's Checks panel and the preview's "Checks" dialog.
    for item in items:
        if isinstance(item, ContentCheckerItem):
            add_readability_rules(item)


@hooks.register("insert_editor_js")
def readability_metrics_script():
    return format_html('<script src="{}" defer></script>', static("readability/js/checks-panel.js"))
