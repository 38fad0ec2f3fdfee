"""The public figures page, its CSV files, data package and feed, and the editors' true
counts: what is published is rounded and protected, in both languages."""

import csv
import datetime
import io
import json
import re
from xml.etree import ElementTree

import frictionless
import pytest

from campaigns.alertline.choices import Status
from quiz.tallies import add_counts
from tests.factories.figures import add_report, figures_page, moment, old_quarter, purge_reports_at
from tests.factories.quiz import make_quiz
from tests.support.admin import signed_in_as

pytestmark = pytest.mark.django_db

COUNT_COLUMNS = {"received", "forwarded", "spam", "responded", "completions", "answers"}
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def small_quarter(home_pt):
    """A sealed quarter with small counts everywhere, reports and quiz answers."""
    quarter = old_quarter()
    day = quarter.start + datetime.timedelta(days=10)
    for category, received in (("grooming", 3), ("sextortion", 12), ("cyberbullying", 27)):
        for number in range(received):
            add_report(
                moment(day),
                category,
                Status.SPAM if number == 0 and category == "cyberbullying" else Status.FORWARDED,
                response_hours=number + 1,
                forwarded=number % 6 == 0,
            )
    purge_reports_at(moment(quarter.publishable_on))
    quiz = make_quiz(home_pt, slug="figures-quiz", title="Figures quiz", public=(0, 1))
    structure, bands = quiz.structure(), quiz.ordered_bands()
    for pattern, times in enumerate((2, 5, 7)):
        answers = [answers[pattern % len(answers)] for _question, answers in structure]
        add_counts(quiz, answers, bands[pattern], day=day, times=times)
    return quarter


def counts_in_html(html):
    """Every count in the page's tables and in the chart descriptions."""
    cells = re.findall(r"<td>([^<]*)</td>", html)
    described = re.findall(r"<desc [^>]*>([^<]*)</desc>", html)
    values = [cell.split(" (")[0] for cell in cells]
    values += [part.split(": ")[1] for text in described for part in text.split("; ")]
    return values


def assert_protected(values):
    assert values
    for value in values:
        if value in {"c", "not available", "não disponível"}:
            continue
        assert int(value) >= 10 and int(value) % 5 == 0, value


def csv_rows(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


@pytest.mark.parametrize("language", ["pt", "en"])
def test_the_page_and_its_files_never_show_a_small_or_unrounded_count(
    client, small_quarter, language
):
    page = figures_page(language)
    html = client.get(page.quarter_url(small_quarter)).content.decode()
    assert_protected(counts_in_html(html))
    assert "Figures quiz" in html if language == "pt" else "Figures quiz" not in html
    urls = re.findall(r'href="([^"]*/csv/[a-z-]+/)"', html)
    assert len(urls) == 4
    for url in urls:
        for row in csv_rows(client, url):
            assert_protected([row[name] for name in COUNT_COLUMNS & set(row)])
    reports = csv_rows(client, page.quarter_url(small_quarter, name="csv/reports"))
    grooming = next(row for row in reports if row["category"] == "grooming")
    assert grooming["received"] == "c"  # 3 reports, and the next smallest with it
    assert next(row for row in reports if row["category"] == "all")["received"] == "40"


def test_the_page_speaks_the_readers_language(client, small_quarter):
    pt = client.get(figures_page("pt").quarter_url(small_quarter)).content.decode()
    en = client.get(figures_page("en").quarter_url(small_quarter)).content.decode()
    assert "Como fazemos e protegemos estes números" in pt and "Denúncias" in pt
    assert "How these figures are made and protected" in en
    assert (
        f'hreflang="en" href="http://testserver{figures_page("en").quarter_url(small_quarter)}"'
        in pt
    )


def test_the_data_package_is_valid_and_declares_its_licence_and_suppression(
    client, small_quarter, tmp_path
):
    page = figures_page("en")
    latest = client.get(page.quarter_url("latest", name="datapackage"))
    assert latest.status_code == 302  # the newest quarter's own, stable address
    response = client.get(page.quarter_url(small_quarter, name="datapackage"))
    package = json.loads(response.content)
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert "rounded to the nearest 5" in package["description"]
    for resource in package["resources"]:
        assert resource["schema"]["missingValues"] == ["c"]
        assert all(field.get("description") for field in resource["schema"]["fields"])
        # Validated from files on disk: the package names its tables by their addresses.
        address = resource["path"].removeprefix("http://testserver")
        (tmp_path / f"{resource['name']}.csv").write_bytes(client.get(address).content)
        resource["path"] = f"{resource['name']}.csv"
    (tmp_path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])
    assert len(package["resources"]) == 4


def test_the_feed_announces_each_published_quarter(client, small_quarter):
    page = figures_page("en")
    html = client.get(page.url).content.decode()
    feed_url = f"http://testserver{page.url}feed/"
    assert f'type="application/atom+xml" href="{feed_url}"' in html
    feed = ElementTree.fromstring(client.get(feed_url).content)
    links = [entry.find(f"{ATOM}link").get("href") for entry in feed.iter(f"{ATOM}entry")]
    assert links and all(re.search(r"/figures/[0-9]{4}-q[1-4]/$", link) for link in links)
    assert links == sorted(links, reverse=True)


def test_unknown_quarters_and_tables_are_not_found(client, small_quarter):
    page = figures_page("en")
    for url in (
        page.quarter_url(old_quarter(back=40)),
        page.quarter_url(small_quarter, name="csv/nothing"),
        page.url + "2026-q5/",
    ):
        assert client.get(url).status_code == 404, url


def test_editors_see_the_quizs_true_counts_and_handlers_the_alert_lines(client, small_quarter):
    url = f"/admin/open-figures/?quarter={small_quarter.slug}"
    signed_in_as(client, "editor")
    html = client.get(url).content.decode()
    assert "Figures quiz" in html and "<td>2</td>" in html  # the true count, not "c"
    assert 'id="true-reports"' not in html
    signed_in_as(client, "handler")
    html = client.get(url).content.decode()
    assert 'id="true-reports"' in html and "<td>3</td>" in html  # grooming: 3
    assert "Figures quiz" not in html
    client.logout()
    assert client.get(url).status_code == 302  # to the sign-in page


def test_each_chart_has_the_same_numbers_in_its_table(client, small_quarter):
    html = client.get(figures_page("en").quarter_url(small_quarter)).content.decode()
    figures = re.findall(r'<figure class="chart-figure">(.*?)</figure>', html, re.S)
    assert len(figures) == 2  # reports received and quiz completions, eight quarters each
    for figure in figures:
        described = re.search(r"<desc [^>]*>([^<]*)</desc>", figure)[1]
        in_chart = [part.split(": ") for part in described.split("; ")]
        in_table = re.findall(r'<th scope="row">([^<]*)</th><td>([^<]*)</td>', figure)
        assert [tuple(pair) for pair in in_chart] == in_table
        assert len(in_table) == 8 and in_table[-1][0] == small_quarter.label
