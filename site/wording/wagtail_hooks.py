from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .checks import refused_in_object, warning_help, warning_name
from .models import WordingRule
from .views import add_refusal_messages, approval_refused


class WordingRuleViewSet(SnippetViewSet):
    model = WordingRule
    icon = "warning"
    menu_label = _("Wording rules")
    add_to_settings_menu = True
    list_display = ["phrase", "language", "action", "preferred"]
    list_filter = ["language", "action"]
    search_fields = ["phrase", "preferred"]


register_snippet(WordingRuleViewSet)


@hooks.register("register_admin_urls")
def register_wording_urls():
    return [
        path(
            "wording/approval-refused/<int:task_state_id>/",
            approval_refused,
            name="wording_approval_refused",
        )
    ]


@hooks.register("before_bulk_action")
def refuse_bulk_publishing(request, action_type, objects, action_class_instance):
    """Bulk publishing publishes each page's latest revision without its form: check them."""
    if action_type != "publish":
        return None
    pages = list(objects)
    if request.POST.get("include_descendants"):
        pages += [descendant for page in objects for descendant in page.get_descendants()]
    for page in pages:
        revision = page.get_latest_revision()
        problems = refused_in_object(revision.as_object() if revision else page.specific)
        if problems:
            heading = gettext(
                "“%(title)s” was not published: it uses wording that cannot be published."
            ) % {"title": page.get_admin_display_title()}
            add_refusal_messages(request, problems, heading)
            return redirect(action_class_instance.next_url)
    return None


@hooks.register("construct_wagtail_userbar")
def add_wording_checks(request, items, page):
    """One check per warned term in Wagtail's content checker (the Checks panel).

    The preview marks each warned term it uses (templatetags/wording_tags.py) and the
    check flags every mark. Axe's built-in `exists` check, used as a "none" check, fails
    on every element the rule selects, so no JavaScript of our own is needed.
    """
    checkers = [item for item in items if isinstance(item, ContentCheckerItem)]
    if not checkers:
        return
    warned = list(WordingRule.objects.filter(action=WordingRule.WARN))
    for checker in checkers:
        checker.axe_custom_rules = [*checker.axe_custom_rules, *map(axe_rule, warned)]
        checker.axe_messages = {
            **checker.axe_messages,
            **{r.check_id: axe_message(r) for r in warned},
        }
        if checker.axe_run_only:  # rule names (Wagtail's default): ours must be among them
            checker.axe_run_only = [*checker.axe_run_only, *(r.check_id for r in warned)]


def axe_rule(rule):
    return {
        "id": rule.check_id,
        "impact": "moderate",
        "selector": f'[data-wording-check="{rule.check_id}"]',
        "excludeHidden": False,
        "tags": ["best-practice"],
        "all": [],
        "any": [],
        "none": ["exists"],
        "enabled": True,
    }


def axe_message(rule):
    return {"error_name": warning_name(rule), "help_text": warning_help(rule)}
