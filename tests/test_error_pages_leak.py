"""Error pages never leak: with DEBUG off, the 400, 403, 404 and 500 pages show no
traceback, no exception text, no setting and no path of the checkout, even when the
error's own message carries secrets."""

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client, override_settings

from tests.support.pages import html_of

pytestmark = pytest.mark.django_db


def secret_message():
    return f"leak {settings.SECRET_KEY} {settings.DATABASES} SECRET_KEY=xyz"


def assert_nothing_leaks(response, status):
    assert response.status_code == status
    body = html_of(response)
    assert "<html" in body  # the site's own page, not a bare message
    forbidden = [
        "Traceback",
        'File "',
        "leak ",
        settings.SECRET_KEY,
        "SECRET_KEY",
        "DATABASES",
        "ALERTLINE_CONTACT_KEYS",
        str(settings.DATABASES["default"]["NAME"]),
        str(settings.BASE_DIR),
        "site-packages",
        "django.core",
        "RuntimeError",
        "PermissionDenied",
        "SuspiciousOperation",
    ]
    for text in forbidden:
        assert text not in body, f"{status} page shows {text!r}"
    for key in settings.ALERTLINE_CONTACT_KEYS:
        assert key not in body


def raise_in_search(monkeypatch, error):
    def broken(query):
        raise error

    monkeypatch.setattr("website.views.clean_query", broken)
    return Client(raise_request_exception=False).get("/en/search/", {"q": "x"})


@override_settings(DEBUG=False)
def test_the_500_page_leaks_nothing(monkeypatch):
    assert_nothing_leaks(raise_in_search(monkeypatch, RuntimeError(secret_message())), 500)


@override_settings(DEBUG=False)
def test_the_400_page_leaks_nothing(monkeypatch):
    assert_nothing_leaks(raise_in_search(monkeypatch, SuspiciousOperation(secret_message())), 400)
    too_many = "&".join(f"f{number}=1" for number in range(10_001))
    assert_nothing_leaks(Client().get(f"/pt/pesquisa/?{too_many}"), 400)


@override_settings(DEBUG=False, ALLOWED_HOSTS=["internetsegura.example"])
def test_a_foreign_host_gets_the_400_page_without_details():
    response = Client(HTTP_HOST="attacker.example").get("/pt/")
    assert_nothing_leaks(response, 400)
    assert "attacker.example" not in html_of(response)


@override_settings(DEBUG=False)
def test_the_403_pages_leak_nothing(monkeypatch):
    csrf = Client(enforce_csrf_checks=True).post("/en/alert-line/", {"category": "other"})
    assert_nothing_leaks(csrf, 403)
    assert "CSRF token" not in html_of(csrf)  # Django's reason stays out of the page
    assert_nothing_leaks(raise_in_search(monkeypatch, PermissionDenied(secret_message())), 403)


@override_settings(DEBUG=False)
def test_the_404_pages_leak_nothing():
    assert_nothing_leaks(Client().get("/en/nothing-here/"), 404)
    body = html_of(Client().get("/no-language/at/all/"))
    assert "URLconf" not in body and "urlpatterns" not in body
