"""The directory of help: filters, live entries only, and "open now" in Portugal's time,
right at every moment although pages are cached."""

import datetime
import time
import zoneinfo

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from campaigns.help.models import OpeningHours
from tests.factories.help import add_organisation, add_path, directory_for, time_of
from tests.support.pages import html_of

LISBON = zoneinfo.ZoneInfo("Europe/Lisbon")
MONDAY = datetime.date(2026, 12, 7)
# Only the entries these tests add are of this kind: the page lists just them.
KIND = "child_protection"


def at(day, hour, minute=0, second=0.0):
    whole = int(second)
    return datetime.datetime(
        day.year,
        day.month,
        day.day,
        hour,
        minute,
        whole,
        int((second - whole) * 1_000_000),
        tzinfo=LISBON,
    )


@pytest.fixture
def clock(monkeypatch):
    """The site's clock, set by the test (every "now" of the site reads timezone.now)."""

    class Clock:
        now = timezone.now()

        def set(self, moment):
            self.now = moment

        def jump(self, moment):
            """Move on by more than any cached copy's lifetime (a minute at most, which
            the test has checked): what was cached has expired, so it is dropped."""
            cache.clear()
            self.set(moment)

    fixed = Clock()
    monkeypatch.setattr(timezone, "now", lambda: fixed.now.astimezone(datetime.UTC))
    return fixed


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def listing(language="pt", **query):
    url = directory_for(language).url
    return Client().get(url, {"kind": KIND, **query})


def max_age(response):
    parts = dict(part.strip().partition("=")[::2] for part in response["Cache-Control"].split(","))
    assert "must-revalidate" in parts and "public" in parts
    return int(parts["max-age"])


@pytest.mark.django_db
def test_open_now_changes_at_the_opening_time_although_the_page_is_cached(clock, page_cache_on):
    add_organisation(
        "Comissão de teste", kind=KIND, hours=[(0, "09:00", "17:00"), (1, "09:00", "17:00")]
    )
    clock.set(at(MONDAY, 8, 30))
    before = listing()
    assert "Fechado agora. Abre hoje às 09:00" in html_of(before)
    assert max_age(before) == 60  # half an hour to go: a minute at most

    clock.jump(at(MONDAY, 8, 59, 58.5))
    just_before = listing()
    assert "Abre hoje às 09:00" in html_of(just_before)
    assert max_age(just_before) == 1
    assert listing()["X-Page-Cache"] == "hit"  # it is cached, for one second only

    time.sleep(1.1)
    clock.set(at(MONDAY, 9, 0))
    opening = listing()
    assert opening["X-Page-Cache"] == "miss"
    assert "Aberto agora, até às 17:00" in html_of(opening)

    clock.jump(at(MONDAY, 16, 59, 30))
    assert max_age(listing()) == 30
    clock.jump(at(MONDAY, 17, 0, 5))
    assert "Fechado agora. Abre amanhã às 09:00" in html_of(listing())


@pytest.mark.django_db
def test_a_holiday_and_other_hours_replace_the_weekday(clock):
    tuesday = MONDAY + datetime.timedelta(days=1)
    add_organisation(
        "Comissão em feriado",
        language="en",
        kind=KIND,
        hours=[(0, "09:00", "17:00"), (1, "09:00", "17:00"), (2, "09:00", "17:00")],
        exceptions=[(MONDAY, None, None), (tuesday, "14:00", "16:00")],
    )
    clock.set(at(MONDAY, 10))
    assert "Closed now. Opens tomorrow at 14:00" in html_of(listing("en"))
    clock.set(at(tuesday, 15))
    assert "Open now, until 16:00" in html_of(listing("en"))
    clock.set(at(tuesday, 16, 30))
    assert "Closed now. Opens tomorrow at 09:00" in html_of(listing("en"))
    clock.set(at(tuesday + datetime.timedelta(days=1), 18))
    assert "Closed now. Opens on Monday at 09:00" in html_of(listing("en"))


@pytest.mark.django_db
def test_hours_to_midnight_and_on_from_it_are_one_opening(clock):
    add_organisation(
        "Noite",
        language="en",
        kind=KIND,
        hours=[(0, "20:00", "00:00"), (1, "00:00", "02:00")],
    )
    clock.set(at(MONDAY, 23))
    assert "Open now, until 02:00" in html_of(listing("en"))


@pytest.mark.django_db
def test_the_ones_open_now_come_first_and_unknown_hours_say_so(clock):
    add_organisation("A fechada", language="en", kind=KIND, hours=[(0, "14:00", "15:00")])
    add_organisation("B sem horário", language="en", kind=KIND)
    add_organisation("C aberta", language="en", kind=KIND, hours=[(0, "09:00", "12:00")])
    clock.set(at(MONDAY, 10))
    html = html_of(listing("en"))
    assert html.index("C aberta") < html.index("A fechada") < html.index("B sem horário")
    assert "Opening hours not known" in html
    assert "3 places to turn to" in html


@pytest.mark.django_db
def test_filters_by_kind_and_need_and_only_live_entries_of_the_language():
    add_organisation("Ouvir", kind=KIND, needs=["talk"], phone="+351 000")
    add_organisation("Retirar imagens", kind=KIND, needs=["images"])
    add_organisation("Rascunho", kind=KIND, needs=["talk"], live=False)
    add_organisation("Só em inglês", language="en", kind=KIND, needs=["talk"])
    html = html_of(listing(need="talk"))
    assert "Ouvir" in html and 'href="tel:+351000"' in html
    assert "Retirar imagens" not in html
    assert "Rascunho" not in html and "Só em inglês" not in html
    assert 'href="/pt/quem-pode-ajudar/?kind=child_protection&amp;need=talk" aria-current' in html


@pytest.mark.django_db
def test_unknown_filter_values_are_ignored():
    add_organisation("Ouvir", kind=KIND)
    response = Client().get(directory_for("pt").url, {"kind": "<script>", "need": "x" * 500})
    assert response.status_code == 200
    assert "Ouvir" in html_of(response)
    assert "&lt;script" not in html_of(response)


@pytest.mark.django_db
def test_every_page_links_to_the_directory_beside_the_emergency_number(client):
    for url, link in [
        ("/pt/", 'href="/pt/quem-pode-ajudar/"'),
        ("/en/alerts/", 'href="/en/who-can-help/"'),
        ("/en/nothing-here/", 'href="/en/who-can-help/"'),
    ]:
        footer = html_of(client.get(url)).split('class="site-footer"')[1]
        assert link in footer, url


@pytest.mark.django_db
def test_new_hours_and_details_reach_the_directory_and_an_outcome_at_the_next_request(
    clock, home_pt
):
    """The entries and their hours are cached for a content generation; publishing an entry
    starts a new one."""
    organisation = add_organisation("Horário novo", kind=KIND, hours=[(0, "09:00", "17:00")])
    outcome_url = add_path(home_pt, "caminho", [organisation]).url + "resultado/threats/"
    clock.set(at(MONDAY, 10))
    assert "Aberto agora, até às 17:00" in html_of(listing())
    assert "Aberto agora, até às 17:00" in html_of(Client().get(outcome_url))

    organisation.opening_hours = [
        OpeningHours(weekday=0, opens=time_of("09:00"), closes=time_of("12:00"))
    ]
    organisation.phone = "+351 999"
    organisation.save_revision().publish()  # what the admin's "Publish" does
    for html in (html_of(listing()), html_of(Client().get(outcome_url))):
        assert "Aberto agora, até às 12:00" in html and 'href="tel:+351999"' in html
