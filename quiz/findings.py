"""The parents' page: guess first (a GET form, nothing stored), then see the answers.

A question shows figures only once at least 50 young people answered it in this
language; any answer chosen by fewer than 10 shows as "fewer than 10".
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from website.caching.fragments import cached_for_page

from . import insights
from .models import AnswerTally, QuizPage
from .tallies import tallies_token

GUESSES = [
    ("few", gettext_lazy("Fewer than 1 in 10"), 0, 10),
    ("some", gettext_lazy("About 1 in 4"), 10, 35),
    ("half", gettext_lazy("About half"), 35, 65),
    ("most", gettext_lazy("Most of them"), 65, 101),
]


def guess_label(code):
    return next((str(label) for key, label, _low, _high in GUESSES if key == code), "")


def share_text(risky, total):
    """How many chose an answer with risk points, without exposing a small group."""
    minimum = insights.PARENTS_MINIMUM_CELL
    if risky < minimum:
        return _("Fewer than %(minimum)s of the %(total)s young people who answered.") % {
            "minimum": minimum,
            "total": total,
        }
    if total - risky < minimum:
        return _("All but fewer than %(minimum)s of the %(total)s young people who answered.") % {
            "minimum": minimum,
            "total": total,
        }
    return _("%(percent)s%% of the %(total)s young people who answered (%(count)s).") % {
        "percent": round(100 * risky / total),
        "total": total,
        "count": risky,
    }


def actual_guess(risky, total):
    percent = 100 * risky / total
    return next(key for key, _label, low, high in GUESSES if low <= percent < high)


def published_findings(page):
    """(the quiz, one chart per public question, whether the counts are the demo's), or
    None when the page is not under a quiz."""
    quiz = QuizPage.objects.filter(pk=page.get_parent().pk).first() if page.pk else None
    if quiz is None:
        return None
    charts = insights.answers_per_question(
        quiz, minimum=insights.PARENTS_MINIMUM_CELL, public_only=True
    )
    is_demo = AnswerTally.objects.filter(page=quiz, is_demo=True).exists()
    return quiz, charts, is_demo


def findings_context(page, request):
    # Counted once per change of the counts or the content, not once per visitor.
    found = cached_for_page(
        request, page, "findings", lambda: published_findings(page), tallies_token()
    )
    if found is None:
        return {"questions": [], "guesses": GUESSES}
    quiz, charts, is_demo = found
    asked = request.GET.get("q", "")
    guess = request.GET.get("guess", "")
    items = []
    for number, chart in enumerate(charts, start=1):
        question = chart.question
        item = {"number": number, "question": question, "chart": chart, "error": ""}
        item["enough"] = chart.total >= insights.PARENTS_MINIMUM_COMPLETIONS
        if asked == str(number):
            if guess == "skip" or guess_label(guess):
                item["revealed"] = True
                item["guess"] = guess_label(guess)
            else:
                item["error"] = _("Choose one of the guesses, or see the answers without guessing.")
        if item.get("revealed") and item["enough"]:
            risky = sum(
                cell.count
                for cell, answer_points in zip(chart.cells, chart.points, strict=True)
                if answer_points > 0
            )
            item["share"] = share_text(risky, chart.total)
            item["close"] = guess == actual_guess(risky, chart.total)
        items.append(item)
    return {
        "quiz": quiz,
        "questions": items,
        "guesses": GUESSES,
        "has_error": any(item["error"] for item in items),
        "is_demo": is_demo,
        "minimum_cell": insights.PARENTS_MINIMUM_CELL,
        "minimum_completions": insights.PARENTS_MINIMUM_COMPLETIONS,
    }
