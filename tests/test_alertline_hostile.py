"""The alert line against a hostile journey: nobody who knows a reference can
lock its owner out, a resent form is received once, an error on the status page keeps
the status page, and every message reads right in both languages."""

import html as htmllib
import re

import pytest
from django.test import Client

from campaigns.alertline.models import Report
from tests.support.alertline import (
    REPORT_URL,
    STATUS_URL,
    VALID,
    error_summary,
    pair_from,
    send_report,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]


def text_of(response):
    return htmllib.unescape(response.content.decode())


def look_up(client, reference, code, language="en", **extra):
    return client.post(
        STATUS_URL[language], {"action": "lookup", "reference": reference, "code": code, **extra}
    )


# --- Nobody can lock a reporter out -----------------------------------------------------


def test_wrong_codes_from_elsewhere_never_lock_out_the_right_pair(client):
    reference, code = pair_from(send_report(client))
    attacker = Client(REMOTE_ADDR="10.1.1.1")
    for _ in range(12):
        assert look_up(attacker, reference, "B" * 15).status_code == 200
    owner = Client(REMOTE_ADDR="10.2.2.2")
    response = look_up(owner, reference, code)
    assert response.status_code == 200
    assert 'data-testid="status"' in response.content.decode()


def test_correct_look_ups_never_count_towards_the_limit(client):
    reference, code = pair_from(send_report(client))
    for _ in range(35):
        response = look_up(client, reference, code)
        assert response.status_code == 200, "a correct look-up was refused"
    assert 'data-testid="status"' in response.content.decode()


def test_a_clients_own_failures_still_stop_it_even_with_a_right_pair(client):
    reference, code = pair_from(send_report(client))
    guesser = Client(REMOTE_ADDR="10.3.3.3")
    for _ in range(30):
        look_up(guesser, reference, "C" * 15)
    response = look_up(guesser, reference, code)
    assert response.status_code == 429
    assert "Too many tries" in text_of(response)
    # The summary does not send the person to a field that cannot fix it.
    assert "<a href" not in error_summary(response)


# --- An error on the status page keeps the status page ----------------------------------


@pytest.mark.parametrize("language", ["pt", "en"])
def test_a_withdrawal_without_the_box_ticked_shows_the_report_with_the_error(client, language):
    reference, code = pair_from(send_report(client, language=language))
    response = client.post(
        STATUS_URL[language], {"action": "withdraw", "reference": reference, "code": code}
    )
    text = text_of(response)
    assert response.status_code == 200
    assert 'data-testid="status"' in text, "the status page became the look-up form"
    withdraw = "Withdraw my report" if language == "en" else "Retirar a minha denúncia"
    check = "Check my report" if language == "en" else "Consultar a minha denúncia"
    assert withdraw in text and check not in text
    tick = (
        "Tick the box to confirm that you want to withdraw it."
        if language == "en"
        else "Marca a caixa para confirmar que a queres retirar."
    )
    field = re.search(r'<div class="form-field form-field--error">.*?</div>', text, re.S)
    assert field and tick in field.group(0) and 'id="id_confirm"' in field.group(0)
    assert 'href="#id_confirm"' in error_summary(response)
    assert ".:" not in error_summary(response)
    assert Report.objects.get(reference=reference.replace("-", "")).status == "new"


def test_an_empty_addition_shows_the_report_with_the_error_and_adds_nothing(client):
    reference, code = pair_from(send_report(client, language="en"))
    response = client.post(
        STATUS_URL["en"], {"action": "add", "reference": reference, "code": code, "text": " "}
    )
    text = text_of(response)
    assert 'data-testid="status"' in text
    assert "Add to my report" in text and "Check my report" not in text
    assert 'href="#id_text"' in error_summary(response)
    assert "Write what you want to add." in error_summary(response)
    assert not Report.objects.get(reference=reference.replace("-", "")).additions.exists()


def test_the_error_summary_drops_a_labels_final_punctuation(client):
    response = client.post(REPORT_URL["en"], {**VALID, "category": ""})
    summary = error_summary(response)
    assert "What happened: Choose what happened." in summary
    assert "?:" not in summary and ".:" not in summary


# --- One report per send ----------------------------------------------------------------


def blank_form_token(client, language="pt"):
    page = client.get(REPORT_URL[language]).content.decode()
    return re.search(r'name="submission" value="([^"]+)"', page).group(1)


def test_each_blank_form_has_its_own_one_time_token(client):
    assert blank_form_token(client) != blank_form_token(client)


@pytest.mark.parametrize("language", ["pt", "en"])
def test_sending_the_same_form_again_answers_already_received_without_a_new_code(
    client, language, django_capture_on_commit_callbacks
):
    data = {**VALID, "submission": blank_form_token(client, language)}
    before = Report.objects.count()
    with django_capture_on_commit_callbacks(execute=False) as notices:
        first = client.post(REPORT_URL[language], data)
        again = client.post(REPORT_URL[language], data)  # a reload of the confirmation
    reference, _code = pair_from(first)
    assert Report.objects.count() == before + 1
    assert len(notices) == 1, "the handlers must hear of one report"
    text = text_of(again)
    assert again.status_code == 200
    assert 'data-testid="code"' not in text
    assert re.search(r'data-testid="reference">([^<]+)<', text).group(1) == reference
    assert (
        "We already received this report" if language == "en" else "Já recebemos esta denúncia"
    ) in text
    assert again["Cache-Control"] == "no-store"


def test_a_resend_does_not_use_up_the_clients_report_limit(client, settings):
    settings.ALERTLINE_REPORTS_PER_HOUR = 1
    data = {**VALID, "submission": blank_form_token(client)}
    before = Report.objects.count()
    client.post(REPORT_URL["pt"], data)
    assert client.post(REPORT_URL["pt"], data).status_code == 200
    assert Report.objects.count() == before + 1


def test_the_same_token_with_other_words_is_a_new_report(client):
    token = blank_form_token(client)
    before = Report.objects.count()
    client.post(REPORT_URL["pt"], {**VALID, "submission": token})
    response = client.post(
        REPORT_URL["pt"], {**VALID, "submission": token, "description": "Outra coisa."}
    )
    assert 'data-testid="code"' in response.content.decode()
    assert Report.objects.count() == before + 2


def test_a_form_sent_back_with_errors_keeps_its_token(client):
    token = blank_form_token(client)
    response = client.post(REPORT_URL["pt"], {**VALID, "category": "", "submission": token})
    assert f'name="submission" value="{token}"' in response.content.decode()


# --- What the forms say -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "where", "when"),
    [
        ("en", "Where did it happen? (optional)", "When did it happen? (optional)"),
        ("pt", "Onde aconteceu? (opcional)", "Quando aconteceu? (opcional)"),
    ],
)
def test_every_optional_field_is_marked_optional(client, language, where, when):
    text = text_of(client.get(REPORT_URL[language]))
    assert where in text and when in text


def test_the_length_message_is_in_european_portuguese(client):
    response = client.post(REPORT_URL["pt"], {**VALID, "when": "x" * 201})
    text = text_of(response)
    assert "Garanta" not in text
    assert "Escreve menos: até 200 caracteres (tem 201)." in text


def test_the_report_limit_message_links_to_no_field(client, settings):
    settings.ALERTLINE_REPORTS_PER_HOUR = 0
    response = send_report(client, language="en")
    assert response.status_code == 429
    summary = error_summary(response)
    assert "Many reports were sent" in summary
    assert "id_category_0" not in summary


@pytest.mark.parametrize("language", ["pt", "en"])
def test_pages_that_hold_what_was_typed_are_never_stored_or_restored(client, language):
    reference, code = pair_from(send_report(client, language=language))
    answers = [
        client.get(REPORT_URL[language]),
        client.get(STATUS_URL[language]),
        look_up(client, reference, code, language),
        client.post(REPORT_URL[language], {**VALID, "category": ""}),
    ]
    for response in answers:
        assert response["Cache-Control"] == "no-store"
        forms = re.findall(r"<form [^>]*>", response.content.decode())
        assert forms and all('autocomplete="off"' in form for form in forms if "post" in form)


def test_the_code_field_offers_to_show_what_was_typed(client):
    text = text_of(client.get(STATUS_URL["pt"]))
    code_field = re.search(r'<input type="password"[^>]*>', text).group(0)
    assert 'data-show-label="Mostrar o código"' in code_field
    assert 'data-hide-label="Esconder o código"' in code_field
    assert "alertline/js/alertline" in text
