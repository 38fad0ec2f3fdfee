"""Taking a quiz: the form, its errors, the result (after a POST or from a signed link).

The result link carries only the chosen answer ids, signed so they cannot be edited.
The language switch passes the same token to the other language's quiz, which matches
the answers by position (question order, then answer order): the translation action
copies children in order, so the n-th answer of the m-th question is the same answer in
every language. Rendering a result therefore never loads the other language's quiz. A
link that no longer matches the quiz (an editor changed it) gives the quiz back with a
short note, never an error page. A link that is cut short or changed gets a page of its own
(404) that says so and leads back to the quiz.
"""

import contextlib
import logging
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.db.models import OuterRef, Subquery
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from modelcluster.queryset import FakeQuerySet
from wagtail.models import Page

from website.caching.fragments import cached_for_page
from website.caching.routing import site_for_request
from website.ratelimit import allow
from website.translations import live_translations

from .models import Answer, BandLink, structure_of
from .scoring import compute_result
from .tallies import record_completion

logger = logging.getLogger(__name__)

SIGNING_SALT = "quiz.result"
RATE_PERIOD = 3600
# Any answer id above this is tampering: the id column is a 64-bit integer.
MAX_ID = 2**63 - 1

FORM_TEMPLATE = "quiz/quiz_page.html"
RESULT_TEMPLATE = "quiz/quiz_result.html"
BROKEN_LINK_TEMPLATE = "quiz/quiz_broken_link.html"

# The route name of the result's address in each language (the model's `result` routes);
# any other language uses the English one.
RESULT_ROUTES = {"pt": "resultado"}
DEFAULT_RESULT_ROUTE = "result"


class BrokenLink(Exception):
    """A result link whose signed answers cannot be read: cut short, changed or forged."""


def field_name(position):
    return f"q{position + 1}"


def parse_answers(structure, data):
    """The chosen answers by question position, and a message for each question in error.

    Never raises: anything that is not exactly one answer id of that very question is
    an error on that question, in the visitor's language.
    """
    chosen, errors = {}, {}
    for position, (_question, answers) in enumerate(structure):
        values = data.getlist(field_name(position))
        if not values:
            errors[position] = _("Choose an answer to this question.")
            continue
        if len(values) > 1:
            errors[position] = _("Choose only one answer to this question.")
            continue
        value = values[0].strip()
        answer_id = int(value) if value.isascii() and value.isdigit() and len(value) < 20 else None
        answer = next((answer for answer in answers if answer_id and answer.pk == answer_id), None)
        if answer is None:
            errors[position] = _("That answer is not one of this question's answers. Choose again.")
            continue
        chosen[position] = answer
    return chosen, errors


def form_items(structure, chosen, errors):
    items = []
    for position, (question, answers) in enumerate(structure):
        selected = chosen.get(position)
        items.append(
            {
                "number": position + 1,
                "name": field_name(position),
                "question": question,
                "answers": answers,
                "selected_id": selected.pk if selected else None,
                "error": errors.get(position, ""),
            }
        )
    return items


def render_form(page, request, structure, chosen=None, errors=None, notice="", status=200):
    chosen, errors = chosen or {}, errors or {}
    items = form_items(structure, chosen, errors)
    context = page.get_context(request)
    context.update(
        {
            "items": items,
            "errors": [item for item in items if item["error"]],
            "blank": not chosen and not errors,
            "notice": notice,
            "form_action": page.get_url(request),
        }
    )
    return TemplateResponse(request, FORM_TEMPLATE, context, status=status)


def take_quiz(page, request):
    # The questions and answers change only when the quiz is published.
    structure = cached_for_page(request, page, "quiz-structure", page.structure)
    if request.method != "POST":
        return render_form(page, request, structure)
    chosen, errors = parse_answers(structure, request.POST)
    if errors:
        return render_form(page, request, structure, chosen, errors, status=400)
    bands = cached_for_page(request, page, "quiz-bands", page.ordered_bands)
    result = compute_result(structure, chosen, bands)
    # A school class may share one address: the limit (QUIZ_COMPLETIONS_PER_HOUR) is generous.
    if allow(request, "quiz", getattr(settings, "QUIZ_COMPLETIONS_PER_HOUR", 100), RATE_PERIOD):
        record_completion(page, result)
    return render_result(page, request, structure, chosen, result)


def sign_answers(structure, chosen):
    return signing.dumps(
        [chosen[position].pk for position in range(len(structure))],
        salt=SIGNING_SALT,
        compress=True,
    )


def result_url(page, request, token):
    query = urlencode({"r": token})
    route = RESULT_ROUTES.get(translation.get_language(), DEFAULT_RESULT_ROUTE)
    return (page.get_url(request) or "/") + page.reverse_subpage(route) + "?" + query


def read_token(token):
    """The answer ids a signed token carries; BrokenLink for anything forged or broken."""
    try:
        ids = signing.loads(token, salt=SIGNING_SALT)
    except (signing.BadSignature, ValueError):
        raise BrokenLink from None
    if not isinstance(ids, list) or not all(type(i) is int for i in ids):
        return []
    return ids


def match_answers(structure, ids):
    """{question position: answer} when `ids` are one answer of each question, in order."""
    if len(ids) != len(structure):
        return None
    chosen = {}
    for position, ((_question, answers), answer_id) in enumerate(zip(structure, ids, strict=True)):
        answer = next((answer for answer in answers if answer.pk == answer_id), None)
        if answer is None:
            return None
        chosen[position] = answer
    return chosen


def answers_from_translation(page, structure, ids):
    """Answers of another language's quiz, matched to this one by position.

    The language switch passes the token on unchanged; the quiz it came from must be a
    translation of this one with the same shape.
    """
    source = Answer.objects.filter(pk__in=ids[:1]).values_list("question__page_id", flat=True)
    source_id = next(iter(source), None)
    if source_id is None or source_id == page.pk:
        return None
    if not Page.objects.filter(pk=source_id, translation_key=page.translation_key).exists():
        return None
    source_structure = structure_of(source_id)
    chosen = match_answers(source_structure, ids)
    if chosen is None or len(source_structure) != len(structure):
        return None
    try:
        return {
            position: structure[position][1][source_structure[position][1].index(answer)]
            for position, answer in chosen.items()
        }
    except IndexError:
        return None


def translated_result_urls(page, request, token):
    """The result in every language with a live, public translation of the quiz, each at
    its own language's address."""
    query = "?" + urlencode({"r": token})
    site = site_for_request(request)  # links to another Site are absolute
    quiz_urls = cached_for_page(
        request,
        page,
        "quiz-translation-urls",
        lambda: translation_urls(page, request),
        site.pk if site is not None else "",
    )
    return {
        language: url
        + page.reverse_subpage(RESULT_ROUTES.get(language, DEFAULT_RESULT_ROUTE))
        + query
        for language, url in quiz_urls.items()
    }


def translation_urls(page, request):
    translations = (
        Page.objects.live()
        .public()
        .filter(translation_key=page.translation_key)
        .select_related("locale")
    )
    return {other.locale.language_code: other.get_url(request) for other in translations}


def render_result(page, request, structure, chosen, result, preview=False):
    context = page.get_context(request)
    context.update(
        {
            "result": result,
            "band_links": cached_band_links(page, request, result.band),
            "chart": chart_rows(result.categories),
            "is_preview": preview,
        }
    )
    if not preview and len(chosen) == len(structure):
        token = sign_answers(structure, chosen)
        context["result_url"] = result_url(page, request, token)
        context["alternate_urls"] = translated_result_urls(page, request, token)
    return TemplateResponse(request, RESULT_TEMPLATE, context)


def signed_result(page, request, token):
    try:
        ids = read_token(token)
    except BrokenLink:
        return broken_link(page, request)
    structure = page.structure()
    chosen = match_answers(structure, ids)
    if chosen is None and ids:
        chosen = answers_from_translation(page, structure, ids)
    if chosen is None:
        notice = _(
            "This result link is from an older version of the quiz. Take it again: it is quick."
        )
        return render_form(page, request, structure, notice=notice)
    bands = page.ordered_bands()
    result = compute_result(structure, chosen, bands)
    return render_result(page, request, structure, chosen, result)


def broken_link(page, request):
    """Say the link does not work and lead back to the quiz, in the reader's language."""
    return TemplateResponse(request, BROKEN_LINK_TEMPLATE, page.get_context(request), status=404)


def preview_result(page, request, mode_name):
    """Preview of the result: the first answer of each question, or one band's page."""
    structure = page.structure()
    chosen = {position: answers[0] for position, (_q, answers) in enumerate(structure) if answers}
    bands = list(page.bands.all())
    result = compute_result(structure, chosen, bands)
    if mode_name.startswith("band-"):
        with contextlib.suppress(ValueError, IndexError):
            result.band = bands[int(mode_name.removeprefix("band-"))]
    return render_result(page, request, structure, chosen, result, preview=True)


def cached_band_links(page, request, band):
    """`band_links`, found once per content generation for a published quiz's saved band."""
    if band is None or band.pk is None:
        return band_links(page, band)
    return cached_for_page(
        request, page, "quiz-band-links", lambda: band_links(page, band), band.pk
    )


def band_links(page, band):
    """The band's advice pages in the visitor's language, in the editor's order.

    Pages are chosen once and copied with the quiz; each language shows its own
    translation, and leaves out a page that has none. One query (and Wagtail's check of
    private pages) for a saved band.
    """
    if band is None:
        return []
    links = band.links.all()
    if isinstance(links, FakeQuerySet) or band.pk is None:  # preview
        ids = [link.link_page_id for link in links]
        pages = live_translations(page.locale_id, ids)
        return [pages[page_id] for page_id in ids if page_id in pages]
    chosen = BandLink.objects.filter(band_id=band.pk)
    order = chosen.filter(link_page__translation_key=OuterRef("translation_key"))
    return list(
        Page.objects.live()
        .public()
        .filter(
            locale_id=page.locale_id,
            translation_key__in=chosen.values("link_page__translation_key"),
        )
        .annotate(link_order=Subquery(order.values("sort_order")[:1]))
        .order_by("link_order", "path")
    )


CHART_ROW = 44
CHART_BAR_WIDTH = 300


def chart_rows(categories):
    """Geometry for the per-category bar chart; the table beside it has the same numbers."""
    rows = []
    for row, category in enumerate(categories):
        rows.append(
            {
                "category": category,
                "y": row * CHART_ROW,
                "text_y": row * CHART_ROW + 14,
                "bar_y": row * CHART_ROW + 20,
                "width": round(CHART_BAR_WIDTH * category.percent / 100),
            }
        )
    return {
        "rows": rows,
        "height": max(len(rows) * CHART_ROW, CHART_ROW),
        "bar_width": CHART_BAR_WIDTH,
    }
