"""The session and CSRF cookies, as a browser receives them from the admin sign-in with the
production settings: Secure, HttpOnly and SameSite=Lax; the CSRF cookie ends with the
browser session."""

import json

import pytest
from django.test import Client, override_settings

from tests.support.commands import manage

pytestmark = pytest.mark.django_db

COOKIE_SETTINGS = [
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE",
    "CSRF_COOKIE_AGE",
]


@pytest.fixture(scope="module")
def production_cookie_settings():
    """The values website.settings.production really has (it cannot load in this process)."""
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {COOKIE_SETTINGS!r}}}))"
    )
    result = manage("shell", "-c", code)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_cookies_are_secure_httponly_and_samesite(production_cookie_settings):
    with override_settings(**production_cookie_settings):
        client = Client(REMOTE_ADDR="198.51.100.30")
        login_page = client.get("/admin/login/", secure=True)
        csrf = login_page.cookies["csrftoken"]
        response = client.post(
            "/admin/login/",
            {"username": "editor", "password": "editor-demo-2026"},
            secure=True,
        )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    for cookie in (csrf, session):
        header = cookie.output().lower()
        assert "; secure" in header, header
        assert "; httponly" in header, header
        assert "; samesite=lax" in header, header
    assert "expires" not in csrf.output().lower()  # gone when the browser closes
    assert "max-age" not in csrf.output().lower()
