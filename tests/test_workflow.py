"""Flow 7: an editor writes a page, translates it and submits it; a moderator publishes it."""

import smtplib
import socket

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from website.models import GuidancePage

pytestmark = pytest.mark.django_db


def as_user(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    return client


def submit_new_page(client, parent, title, slug):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "intro": "Uma introdução.",
            "body": streamfield([("text", rich_text("<p>Texto.</p>"))]),
            "action-submit": "Submit",
        }
    )
    url = reverse("wagtailadmin_pages:add", args=["website", "guidancepage", parent.pk])
    return client.post(url, data)


def approve(client, page):
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {"comment": ""})


def test_editor_submits_and_moderator_publishes(client, home_pt):
    response = submit_new_page(as_user(client, "editor"), home_pt, "Dicas novas", "dicas-novas")
    assert response.status_code == 302
    page = GuidancePage.objects.get(slug="dicas-novas")
    assert not page.live
    assert page.workflow_in_progress
    assert client.get("/pt/dicas-novas/").status_code == 404

    # Editors cannot approve their own work.
    assert approve(client, page).status_code in (302, 403)
    page.refresh_from_db()
    assert not page.live

    response = approve(as_user(client, "moderator"), page)
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    client.logout()
    assert client.get("/pt/dicas-novas/").status_code == 200


def test_editor_translates_then_submits_the_translation(client, home_pt):
    editor = as_user(client, "editor")
    page = GuidancePage(title="Olá", slug="ola", intro="Olá.", body=[])
    home_pt.add_child(instance=page)
    page.save_revision().publish()
    english = Locale.objects.get(language_code="en")
    editor.post(
        reverse("simple_translation:submit_page_translation", args=[page.pk]),
        {"locales": [english.pk]},
    )
    translation = page.get_translation(english).specific
    data = nested_form_data(
        {
            "title": "Hello",
            "slug": "hello",
            "intro": "Hello.",
            "body": streamfield([("text", rich_text("<p>Text.</p>"))]),
            "action-submit": "Submit",
        }
    )
    response = editor.post(reverse("wagtailadmin_pages:edit", args=[translation.pk]), data)
    assert response.status_code == 302
    translation.refresh_from_db()
    assert translation.workflow_in_progress
    approve(as_user(client, "moderator"), translation)
    translation.refresh_from_db()
    assert translation.live and translation.title == "Hello"
    client.logout()
    assert client.get("/en/hello/").status_code == 200


@pytest.mark.parametrize(
    "failure",
    [smtplib.SMTPServerDisconnected("gone"), socket.gaierror("no such host")],
)
def test_moderation_works_when_the_mail_server_fails(
    client, home_pt, settings, monkeypatch, failure
):
    def broken_server(*args, **kwargs):
        raise failure

    settings.MAILERS = {
        "default": {
            "BACKEND": "website.mail.ResilientSMTPBackend",
            "OPTIONS": {"host": "smtp.example.org", "port": 25},
        }
    }
    monkeypatch.setattr(smtplib, "SMTP", broken_server)
    response = submit_new_page(as_user(client, "editor"), home_pt, "Sem correio", "sem-correio")
    assert response.status_code == 302
    page = GuidancePage.objects.get(slug="sem-correio")
    assert page.workflow_in_progress
    response = approve(as_user(client, "moderator"), page)
    page.refresh_from_db()
    assert page.live
