"""The open data of a quarter: one CSV file per table and a Frictionless data package.

Counts in the files are the protected ones (rounded to 5, "c" for suppressed), and the
package says so: "c" is declared as the missing value of every table. Column names are
stable English codes; category, band, question and answer names are in the reader's
language.
"""

import csv
import io
import json

from django.utils.translation import gettext as _

from .disclosure import MINIMUM, ROUND_TO, SUPPRESSED, share

LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}


def count(figure):
    return figure.display if figure is not None else SUPPRESSED


def percent(value):
    return SUPPRESSED if value is None else str(value)


def field(name, kind, description, unit=""):
    described = {"name": name, "type": kind, "description": str(description)}
    if unit:
        described["unit"] = unit
    return described


def report_table(figures):
    reports = figures.reports
    fields = [
        field("quarter", "string", _("The quarter, as year-qN.")),
        field("category", "string", _('What the report was about; "all" for every category.')),
        field("category_name", "string", _("The category's name.")),
        field("received", "integer", _("Reports received."), "reports"),
        field("forwarded", "integer", _("Reports forwarded to the police."), "reports"),
        field("spam", "integer", _("Reports closed as spam."), "reports"),
        field("forwarded_percent", "integer", _("Share forwarded to the police."), "percent"),
        field("spam_percent", "integer", _("Share closed as spam."), "percent"),
    ]
    rows = list(reports.categories)
    rows.append(["all", _("All categories"), reports.received, reports.forwarded, reports.spam])
    return fields, [
        [figures.quarter.slug, code, label, count(received), count(forwarded), count(spam)]
        + [percent(share(forwarded, received)), percent(share(spam, received))]
        for code, label, received, forwarded, spam in rows
    ]


def response_table(figures):
    reports = figures.reports
    fields = [
        field("quarter", "string", _("The quarter, as year-qN.")),
        field("responded", "integer", _("Reports with a first response."), "reports"),
        field("median_hours", "integer", _("Median time to a first response."), "hours"),
        field(
            "p90_hours", "integer", _("90th percentile of the time to a first response."), "hours"
        ),
        field(
            "within_promise_percent",
            "integer",
            _("Share of first responses within the promised time."),
            "percent",
        ),
        field(
            "promised_working_days",
            "integer",
            _("The first response the alert-line page promises."),
            "working days",
        ),
    ]
    row = [
        figures.quarter.slug,
        count(reports.responded),
        percent(reports.median_hours),
        percent(reports.p90_hours),
        percent(reports.in_time_share),
        percent(reports.promised_days),
    ]
    return fields, [row]


def band_table(figures):
    fields = [
        field("quarter", "string", _("The quarter, as year-qN.")),
        field("quiz", "string", _("The quiz's title.")),
        field("band", "string", _("The result band.")),
        field(
            "completions", "integer", _("Quiz completions that reached this band."), "completions"
        ),
        field("percent", "integer", _("Share of the quiz's completions."), "percent"),
    ]
    rows = []
    for quiz in figures.quizzes:
        for band in quiz.bands:
            rows.append(
                [figures.quarter.slug, quiz.title, band.label, count(band)]
                + [percent(band.percent)]
            )
        rows.append(
            [figures.quarter.slug, quiz.title, _("All bands"), count(quiz.completions), "100"]
        )
    return fields, rows


def answer_table(figures):
    fields = [
        field("quarter", "string", _("The quarter, as year-qN.")),
        field("quiz", "string", _("The quiz's title.")),
        field("question", "string", _("A question marked public.")),
        field("answer", "string", _("One of its answers.")),
        field("answers", "integer", _("Times this answer was chosen."), "answers"),
        field("percent", "integer", _("Share of those who answered the question."), "percent"),
    ]
    rows = []
    for quiz in figures.quizzes:
        for question in quiz.questions:
            for answer in question.answers:
                rows.append(
                    [figures.quarter.slug, quiz.title, question.text, answer.label, count(answer)]
                    + [percent(answer.percent)]
                )
    return fields, rows


def tables(figures):
    """{file name: (title, fields, rows)} of the tables this quarter has."""
    found = {}
    if figures.reports is not None:
        found["reports"] = (_("Alert-line reports"), *report_table(figures))
        found["response-times"] = (_("Time to a first response"), *response_table(figures))
    if figures.quizzes:
        found["quiz-bands"] = (_("Quiz result bands"), *band_table(figures))
        found["quiz-answers"] = (
            _("Answers to the public quiz questions"),
            *answer_table(figures),
        )
    return found


def csv_text(fields, rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([described["name"] for described in fields])
    writer.writerows([str(value) for value in row] for row in rows)
    return out.getvalue()


def method_text():
    return _(
        "Alert-line figures count the reports received in the quarter, frozen before any "
        "report is deleted. Quiz figures add up the anonymous answers of every language. "
        "Every count is rounded to the nearest %(round)s. A count under %(minimum)s is shown "
        'as "%(c)s" (confidential). When one hidden count could be worked out from a total '
        "and the other counts, a second count is hidden too. Shares are worked out from the "
        "rounded counts."
    ) % {"round": ROUND_TO, "minimum": MINIMUM, "c": SUPPRESSED}


def datapackage(figures, site_name, page_url, url_of):
    """The package of a quarter; `url_of(name)` is the absolute address of a table."""
    resources = []
    for name, (title, fields, _rows) in tables(figures).items():
        resources.append(
            {
                "name": name,
                "title": str(title),
                "path": url_of(name),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {"fields": fields, "missingValues": [SUPPRESSED]},
            }
        )
    description = method_text()
    if figures.is_demo:
        description = _("Demo data: these figures are made up.") + " " + description
    package = {
        "name": f"open-figures-{figures.quarter.slug}",
        "title": _("%(site)s: figures for %(quarter)s")
        % {"site": site_name, "quarter": figures.quarter.label},
        "description": description,
        "homepage": page_url,
        "licenses": [LICENCE],
        "keywords": ["online safety", "alert line", "quiz"] + (["demo"] if figures.is_demo else []),
        "resources": resources,
    }
    return json.dumps(package, ensure_ascii=False, indent=2)
