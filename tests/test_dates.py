"""Dates follow each language's conventions, wherever the site prints them: Portuguese
writes month names in lower case ("21 de novembro de 2026"), English writes the day
first ("21 November 2026")."""

import datetime
import re

import pytest
from django.utils import timezone

from campaigns.alertline.models import Report
from campaigns.alerts.models import AlertPage
from tests.support.alertline import STATUS_URL
from tests.support.pages import html_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]

PUBLISHED = datetime.date(2026, 11, 21)
REVIEW = datetime.date(timezone.localdate().year + 1, 3, 5)
EXPECTED = {
    "pt": ("21 de novembro de 2026", f"5 de março de {REVIEW.year}"),
    "en": ("21 November 2026", f"5 March {REVIEW.year}"),
}
CAPITALISED_MONTH = re.compile(
    r"\d \w+ (Janeiro|Fevereiro|Março|Abril|Maio|Junho|Julho|Agosto|Setembro|Outubro|"
    r"Novembro|Dezembro) \w+ \d{4}"
)


@pytest.fixture
def dated_alerts():
    AlertPage.objects.update(published_date=PUBLISHED, review_date=REVIEW)
    return {
        language: AlertPage.objects.live().filter(locale__language_code=language).first()
        for language in ("pt", "en")
    }


@pytest.mark.parametrize("language", ["pt", "en"])
def test_an_alert_shows_its_dates_in_the_readers_style(client, dated_alerts, language):
    html = html_of(client.get(dated_alerts[language].url))
    published, review = EXPECTED[language]
    assert f'<time datetime="2026-11-21">{published}</time>' in html
    assert review in html
    assert not CAPITALISED_MONTH.search(html)


@pytest.mark.parametrize("language", ["pt", "en"])
def test_the_alert_index_and_the_home_page_list_dates_in_the_readers_style(
    client, dated_alerts, language
):
    index = dated_alerts[language].get_parent()
    published = EXPECTED[language][0]
    for url in (index.url, f"/{language}/"):
        html = html_of(client.get(url))
        assert f'<time datetime="2026-11-21">{published}</time>' in html, url
        assert not CAPITALISED_MONTH.search(html), url


@pytest.mark.parametrize("language", ["pt", "en"])
@pytest.mark.usefixtures("fresh_cache")
def test_the_status_page_shows_when_the_report_arrived(client, language):
    received = timezone.make_aware(datetime.datetime(2026, 11, 21, 15, 30))
    Report.objects.filter(reference="XDEM3333").update(created_at=received)
    response = client.post(
        STATUS_URL[language],
        {"action": "lookup", "reference": "XDEM-3333", "code": "DEMXC-D3333-33333"},
    )
    html = html_of(response)
    assert f"<dd>{EXPECTED[language][0]}</dd>" in html
