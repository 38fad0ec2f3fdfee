"""The admin login is throttled per account and per client (django-axes), says so in the
login page's language, can be unlocked by a superuser, and keeps no client addresses."""

import logging

import pytest
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client, override_settings

from tests.support.pages import html_of

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORDS = {"editor": "editor-demo-2026", "moderator": "moderator-demo-2026"}


def sign_in(client, username, password, language="en"):
    return client.post(
        LOGIN,
        {"username": username, "password": password},
        headers={"accept-language": language},
    )


def signed_in(response):
    return response.status_code == 302 and "/login/" not in response["Location"]


def fail_until_limit(client, username):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = sign_in(client, username, "not-the-password")
    return response


def test_failures_lock_the_account_and_the_right_password_is_refused_with_a_message():
    client = Client(REMOTE_ADDR="203.0.113.10")
    assert sign_in(client, "editor", "wrong").status_code == 200  # the ordinary error
    response = fail_until_limit(client, "editor")
    assert response.status_code == 429
    response = sign_in(client, "editor", PASSWORDS["editor"])
    assert response.status_code == 429
    html = html_of(response)
    assert "Too many failed sign-in attempts" in html
    assert 'role="alert"' in html
    assert 'name="username"' in html  # still Wagtail's sign-in page, not a bare 403
    assert "_auth_user_id" not in client.session


def test_the_account_stays_locked_from_another_client():
    fail_until_limit(Client(REMOTE_ADDR="203.0.113.11"), "editor")
    elsewhere = Client(REMOTE_ADDR="198.51.100.7")
    assert sign_in(elsewhere, "editor", PASSWORDS["editor"]).status_code == 429


def test_the_client_is_locked_for_every_account_but_others_are_not_affected():
    attacker = Client(REMOTE_ADDR="203.0.113.12")
    for username in ["nobody-1", "nobody-2", "nobody-3", "nobody-4", "nobody-5"]:
        sign_in(attacker, username, "guess")
    assert sign_in(attacker, "moderator", PASSWORDS["moderator"]).status_code == 429
    colleague = Client(REMOTE_ADDR="198.51.100.8")
    assert signed_in(sign_in(colleague, "moderator", PASSWORDS["moderator"]))


def test_the_lockout_message_is_in_the_login_pages_language():
    client = Client(REMOTE_ADDR="203.0.113.13")
    fail_until_limit(client, "editor")
    html = html_of(sign_in(client, "editor", PASSWORDS["editor"], language="pt-PT"))
    assert '<html lang="pt-pt"' in html
    assert "Demasiadas tentativas de entrada falhadas" in html
    assert "Too many" not in html


def test_a_superuser_unlocks_the_account_with_axes_reset_username():
    client = Client(REMOTE_ADDR="203.0.113.14")
    fail_until_limit(client, "editor")
    assert sign_in(client, "editor", PASSWORDS["editor"]).status_code == 429
    call_command("axes_reset_username", "editor", verbosity=0)
    assert signed_in(sign_in(Client(REMOTE_ADDR="198.51.100.9"), "editor", PASSWORDS["editor"]))


def test_a_success_before_the_limit_clears_the_count():
    client = Client(REMOTE_ADDR="203.0.113.15")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "editor", "wrong")
    assert signed_in(sign_in(client, "editor", PASSWORDS["editor"]))
    client.logout()
    assert sign_in(client, "editor", "wrong").status_code == 200


def test_no_address_is_stored_or_logged(caplog):
    caplog.set_level(logging.DEBUG)
    client = Client(REMOTE_ADDR="203.0.113.16", headers={"user-agent": "test"})
    fail_until_limit(client, "editor")
    sign_in(Client(REMOTE_ADDR="203.0.113.16"), "moderator", PASSWORDS["moderator"])
    stored = list(AccessAttempt.objects.values_list("ip_address", flat=True))
    assert stored and all(address.startswith("2001:db8:") for address in stored)
    assert not AccessLog.objects.exists()
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "203.0.113.16" not in logged
    assert "editor" not in logged


@override_settings(TRUSTED_PROXY_COUNT=0)
def test_a_spoofed_forwarded_for_does_not_escape_the_lock():
    fail_until_limit(Client(REMOTE_ADDR="203.0.113.17"), "nobody")
    spoofing = Client(REMOTE_ADDR="203.0.113.17", headers={"x-forwarded-for": "192.0.2.99"})
    assert sign_in(spoofing, "moderator", PASSWORDS["moderator"]).status_code == 429


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_trusted_proxy_the_client_comes_from_its_forwarded_for():
    proxy = "10.0.0.2"
    locked = Client(REMOTE_ADDR=proxy, headers={"x-forwarded-for": "192.0.2.50"})
    fail_until_limit(locked, "nobody")
    assert sign_in(locked, "moderator", PASSWORDS["moderator"]).status_code == 429
    # The same client cannot escape by adding its own entry on the left...
    spoofing = Client(REMOTE_ADDR=proxy, headers={"x-forwarded-for": "1.2.3.4, 192.0.2.50"})
    assert sign_in(spoofing, "moderator", PASSWORDS["moderator"]).status_code == 429
    # ...and another client behind the same proxy is not affected.
    other = Client(REMOTE_ADDR=proxy, headers={"x-forwarded-for": "192.0.2.51"})
    assert signed_in(sign_in(other, "moderator", PASSWORDS["moderator"]))


DEAD_REDIS = {
    "default": {
        "BACKEND": "website.caching.backend.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",  # the discard port: nothing answers there
    }
}


@override_settings(CACHES=DEAD_REDIS)
def test_signing_in_and_the_lock_work_while_the_cache_is_down():
    colleague = Client(REMOTE_ADDR="198.51.100.20")
    assert signed_in(sign_in(colleague, "editor", PASSWORDS["editor"]))
    assert fail_until_limit(Client(REMOTE_ADDR="203.0.113.18"), "nobody").status_code == 429


UNLOCK = "/admin/locked-sign-ins/"


def test_a_superuser_sees_the_locked_account_and_unlocks_it_in_the_admin(client):
    fail_until_limit(Client(REMOTE_ADDR="203.0.113.19"), "editor")
    client.force_login(get_user_model().objects.get(username="admin"))
    html = html_of(client.get(UNLOCK, headers={"accept-language": "en"}))
    assert "Unlock editor" in html
    assert "nobody" not in html and "2001:db8" not in html
    response = client.post(UNLOCK, {"username": "editor"}, follow=True)
    assert "editor can sign in again" in html_of(response)
    assert "No account is locked" in html_of(response)
    assert signed_in(sign_in(Client(REMOTE_ADDR="198.51.100.21"), "editor", PASSWORDS["editor"]))


def test_a_superuser_unlocks_every_connection_at_once(client):
    locked = Client(REMOTE_ADDR="203.0.113.20")
    fail_until_limit(locked, "nobody")
    client.force_login(get_user_model().objects.get(username="admin"))
    client.post(UNLOCK, {"action": "unlock-all"})
    assert signed_in(sign_in(locked, "moderator", PASSWORDS["moderator"]))


def test_only_superusers_may_unlock(client):
    fail_until_limit(Client(REMOTE_ADDR="203.0.113.21"), "editor")
    client.force_login(get_user_model().objects.get(username="moderator"))
    assert client.get(UNLOCK).status_code in {302, 403}
    assert client.post(UNLOCK, {"username": "editor"}).status_code in {302, 403}
    assert sign_in(Client(REMOTE_ADDR="198.51.100.22"), "editor", "x").status_code == 429
