"""The demo's open figures: the page in both languages, and eight quarters of made-up
figures, marked as demo data everywhere they are shown. `load_demo_content` calls `load()`.

The alert line's demo figures are aggregate rows (marked `is_demo`), never reports made
up and stored as if real; the quiz's are demo tallies (also marked) on one day of each
quarter. Running it again changes nothing: both are written only when none exist.
"""

from django.apps import apps
from django.utils import timezone

from website.demo import add_home_section, ensure_page

from .freeze import SEALED
from .models import FiguresPage, ReportFigures
from .quarters import last_quarters, latest_publishable

PAGE = {
    "pt": {
        "title": "Números",
        "slug": "numeros",
        "intro": "Quantas denúncias chegam à linha de alerta, quanto tempo demoramos a responder e o que os jovens nos dizem no questionário. Um trimestre de cada vez, sem mostrar ninguém.",
    },
    "en": {
        "title": "Figures",
        "slug": "figures",
        "intro": "How many reports reach the alert line, how long we take to answer, and what young people tell us in the quiz. One quarter at a time, without showing anyone.",
    },
}

# Reports per quarter and category in the first demo quarter; later quarters grow a little.
DEMO_REPORTS = {
    "grooming": 46,
    "sextortion": 38,
    "images_shared": 27,
    "csam": 21,
    "cyberbullying": 64,
    "other": 7,
}
# How long first responses took, in hours, and how many took that long (per category).
DEMO_HOURS = {"3": 2, "9": 3, "20": 4, "30": 2, "52": 1}


def load(home, english, stdout):
    page = ensure_page(home, FiguresPage, PAGE, english)
    add_home_section(home, page, english, position=50)
    quarters = last_quarters(latest_publishable(timezone.localdate()), 8)
    if apps.is_installed("campaigns.alertline"):
        add_demo_reports(quarters)
    if apps.is_installed("quiz"):
        add_demo_tallies(quarters)
    SEALED.replace()
    stdout.write("Open figures: eight quarters of demo figures (marked as demo data).")


def add_demo_reports(quarters):
    if ReportFigures.objects.filter(is_demo=True).exists():
        return
    now = timezone.now()
    rows = []
    for step, quarter in enumerate(quarters):
        for category, base in DEMO_REPORTS.items():
            received = base + 3 * step + (step % 3)
            responded = received - 1 - step % 2
            hours = {key: value * responded // 12 for key, value in DEMO_HOURS.items()}
            hours["3"] += responded - sum(hours.values())
            rows.append(
                ReportFigures(
                    quarter_start=quarter.start,
                    category=category,
                    received=received,
                    forwarded=received // 3 if category != "other" else 0,
                    spam=received // 8,
                    responded=responded,
                    responded_in_time=responded - hours["52"],
                    response_hours=hours,
                    promised_days=2,
                    sealed_at=now,
                    is_demo=True,
                )
            )
    ReportFigures.objects.bulk_create(rows)


def add_demo_tallies(quarters):
    from quiz.models import AnswerTally, QuizPage
    from quiz.tallies import add_counts

    days = [quarter.start.replace(day=15) for quarter in quarters]
    if AnswerTally.objects.filter(is_demo=True, day__in=days).exists():
        return
    for quiz in QuizPage.objects.live().specific():
        structure, bands = quiz.structure(), quiz.ordered_bands()
        if not structure or not bands:
            continue
        for step, day in enumerate(days):
            # A few answer patterns each quarter, with counts that grow over the quarters.
            for pattern in range(len(bands)):
                answers = [
                    answers[(pattern + position) % len(answers)]
                    for position, (_question, answers) in enumerate(structure)
                ]
                times = (
                    40 + 6 * step - 12 * pattern + (7 if quiz.locale.language_code == "pt" else 0)
                )
                add_counts(
                    quiz, answers, bands[pattern], day=day, times=max(times, 3), is_demo=True
                )
