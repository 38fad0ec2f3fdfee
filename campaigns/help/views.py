"""The reader's side of "What happened?": a question, or an outcome at its own address.

Each choice is a plain link to the next question (`?step=<key>`) or to an outcome, so the
path works without JavaScript and the address holds only the editors' keys. Nothing the
reader chose is stored and no cookie is set: the pages are the same for everyone, and
the page cache may share them (an outcome only until an organisation it lists opens or
closes, see `freshness.py`).
"""

from django.http import Http404
from django.template.response import TemplateResponse
from wagtail.models import Page

from website.caching.fragments import cached_for_page
from website.caching.routing import site_for_request
from website.translations import live_translations

from . import freshness
from .models import OUTCOME_ROUTES, HelpOrganisation, PathOutcome, with_timetables


def show_step(page, request):
    questions = path_of(page, request)["questions"]
    key = request.GET.get("step", "")
    chosen = [question for question in questions if question["key"] == key]
    question = (chosen or questions or [None])[0]
    if question is None:
        raise Http404
    context = page.get_context(request)
    context.update(
        question=question,
        is_first=question is questions[0],
        choices=[
            (label, target_url(page, request, target)) for label, target in question["choices"]
        ],
    )
    if question is not questions[0]:
        context["alternate_urls"] = {
            language: f"{url}?step={question['key']}"
            for language, url in page_urls(page, request).items()
        }
    return TemplateResponse(request, "help/help_path_page.html", context)


def target_url(page, request, key):
    if key in path_of(page, request)["outcome_keys"]:
        return page.outcome_url(request, key)
    return page.step_url(request, key)


def show_outcome(page, request, key):
    found = cached_for_page(request, page, "help-outcome", lambda: outcome_of(page, key), key)
    if found is None:
        raise Http404
    outcome, organisations, linked = found
    context = page.get_context(request)
    alert_line = linked.get(page.alert_line_id)
    context.update(
        outcome=outcome,
        entries=freshness.with_openings(request, organisations),
        alert_line_url=report_url(alert_line, request, outcome.report_category),
        related=[
            linked[pk]
            for pk in (outcome.related_alert_id, outcome.related_chapter_id)
            if pk in linked
        ],
        start_url=page.get_url(request),
        alternate_urls={
            language: url
            + page.reverse_subpage(OUTCOME_ROUTES.get(language, "result"), args=(key,))
            for language, url in page_urls(page, request).items()
        },
    )
    return freshness.limit_shared_copies(
        request, TemplateResponse(request, "help/help_outcome.html", context)
    )


def outcome_of(page, key):
    """The outcome, its entries with their hours, and the pages it links to, read once per
    content generation: whether each entry is open is worked out at every request."""
    outcome = PathOutcome.objects.filter(page=page, key=key).first()
    if outcome is None:
        return None
    linked = live_translations(
        page.locale_id, [outcome.related_alert_id, outcome.related_chapter_id, page.alert_line_id]
    )
    return outcome, organisations_for(outcome, page.locale_id), linked


def organisations_for(outcome, locale_id):
    """The outcome's chosen entries as the reader's language has them, live ones only."""
    keys = [organisation.translation_key for organisation in outcome.organisations.all()]
    chosen = HelpOrganisation.objects.filter(
        translation_key__in=keys, locale_id=locale_id, live=True
    )
    found = {organisation.translation_key: organisation for organisation in with_timetables(chosen)}
    return [found[key] for key in keys if key in found]


def report_url(alert_line, request, category):
    if alert_line is None or not category:
        return ""
    return f"{alert_line.get_url(request)}?category={category}"


def path_of(page, request):
    """The questions with their choices, and the outcome keys: read once per content
    generation, so a step costs no query whatever the size of the path."""

    def build():
        questions = [
            {
                "key": question.key,
                "text": question.text,
                "hint": question.hint,
                "choices": [(choice.label, choice.leads_to) for choice in question.choices.all()],
            }
            for question in page.questions.prefetch_related("choices")
        ]
        outcome_keys = set(page.outcomes.values_list("key", flat=True))
        return {"questions": questions, "outcome_keys": outcome_keys}

    if getattr(request, "_help_path", None) is None:
        request._help_path = cached_for_page(request, page, "help-path", build)
    return request._help_path


def page_urls(page, request):
    """The path page's address in each language with a live, public translation."""

    def build():
        translations = (
            Page.objects.live()
            .public()
            .filter(translation_key=page.translation_key)
            .select_related("locale")
        )
        return {other.locale.language_code: other.get_url(request) for other in translations}

    site = site_for_request(request)
    return cached_for_page(
        request, page, "help-path-urls", build, site.pk if site is not None else ""
    )
