"""Bad input on the report form: a clear error in the visitor's language, a summary that
links to each field, everything typed kept, nothing stored, and never a 500."""

import html as htmllib
import re

import pytest
from django.test import Client

from campaigns.alertline.models import Report
from tests.support.alertline import REPORT_URL, VALID, error_summary, send_report

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]


def page_of(response):
    return htmllib.unescape(response.content.decode())


def summary_links(response):
    return re.findall(r'<a href="#([^"]+)"', error_summary(response))


@pytest.fixture
def count():
    return Report.objects.count


@pytest.mark.parametrize(
    ("changes", "field_id", "message"),
    [
        ({"category": ""}, "id_category_0", "Choose what happened"),
        ({"category": "child_pornography"}, "id_category_0", "Choose one of the options"),
        ({"description": "x" * 5001}, "id_description", "5000"),
        ({"where": "app\x00game"}, "id_where", "Null characters are not allowed"),
        ({"reporter_role": "boss"}, "id_reporter_role_0", "who is reporting"),
        ({"contact": "ana@", "contact_consent": "on"}, "id_contact", "email address"),
        ({"contact": "ana@example.org"}, "id_contact_consent", "Tick this box"),
        ({"contact_consent": "on"}, "id_contact", "Write how we can contact you"),
    ],
)
def test_each_error_is_listed_linked_and_nothing_typed_is_lost(
    client, count, changes, field_id, message
):
    before = count()
    data = {**VALID, "description": "Um texto que a pessoa escreveu com cuidado."}
    data.update(changes)
    response = client.post(REPORT_URL["en"], data)
    assert response.status_code == 200
    assert count() == before
    assert field_id in summary_links(response)
    text = page_of(response)
    assert message in text
    assert f'id="{field_id}"' in response.content.decode()
    # Everything typed is back in the form (the NUL byte aside, which cannot be shown).
    for name in ("where", "when", "description"):
        if "\x00" not in data[name]:
            assert data[name][:200] in text
    if data.get("contact"):
        assert f'value="{data["contact"]}"' in response.content.decode()


def test_errors_are_in_portuguese_on_the_portuguese_page(client):
    response = send_report(client, category="")
    assert "Há um problema" in page_of(response)
    assert "Escolhe o que aconteceu" in page_of(response)


def test_a_missing_csrf_token_gets_the_friendly_403_in_the_visitors_language(count):
    before = count()
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(REPORT_URL["pt"], VALID)
    assert response.status_code == 403
    assert "Envia o formulário outra vez" in page_of(response)
    response = strict.post(REPORT_URL["en"], {**VALID, "csrfmiddlewaretoken": "forged"})
    assert response.status_code == 403
    assert "copy it, open the form again" in page_of(response)
    assert count() == before
    # The form is never restored by the browser (quick exit, then Back, must show nothing),
    # so what was written is on this page to copy, and the page is not kept.
    assert VALID["description"] in page_of(response)
    assert VALID["where"] in page_of(response)
    assert "forged" not in page_of(response)
    assert response["Cache-Control"] == "no-store"


def test_a_flood_from_one_client_is_stopped_and_what_was_typed_is_kept(client, count):
    for _ in range(10):
        assert send_report(client).status_code == 200
    before = count()
    response = send_report(client, language="en", description="O décimo primeiro relato.")
    assert response.status_code == 429
    assert "Many reports were sent from your connection" in page_of(response)
    assert "O décimo primeiro relato." in page_of(response)
    assert count() == before
    # Another client is not affected.
    other = Client(REMOTE_ADDR="192.0.2.77")
    assert send_report(other).status_code == 200


def test_a_bot_that_fills_the_honeypot_stores_nothing(client, count):
    before = count()
    response = send_report(client, language="en", website="https://spam.example")
    assert response.status_code == 200
    assert "Something filled in a hidden field" in page_of(response)
    assert count() == before
    # A person whose browser filled it is not blocked twice: it comes back empty, and the
    # summary links to nothing they cannot see.
    assert "spam.example" not in page_of(response)
    assert "id_website" not in summary_links(response)
    assert send_report(client, language="en").status_code == 200
    assert count() == before + 1


def test_line_breaks_count_once_as_the_browser_counts_them(client, count):
    text = ("a" * 49 + "\r\n") * 100  # 5,000 characters in the browser, 5,100 sent
    before = count()
    assert send_report(client, language="en", description=text).status_code == 200
    assert count() == before + 1
    assert Report.objects.latest("pk").description == ("a" * 49 + "\n") * 99 + "a" * 49
    too_long = send_report(client, language="en", description="a" * 5001)
    assert "Make it shorter: up to 5000 characters (it has 5001)." in page_of(too_long)


def test_field_errors_are_described_by_their_message(client):
    response = send_report(client, language="en", description="")
    html = response.content.decode()
    described = re.search(r'<textarea[^>]*id="id_description"[^>]*>', html).group(0)
    error_id = re.search(r'aria-describedby="[^"]*?(id_description_error)', described).group(1)
    assert f'id="{error_id}"' in html


def test_the_honeypot_is_out_of_reach_for_people(client):
    html = client.get(REPORT_URL["en"]).content.decode()
    honeypot = re.search(r'<div class="form-honeypot" aria-hidden="true">.*?</div>', html, re.S)
    assert honeypot and 'tabindex="-1"' in honeypot.group(0)
