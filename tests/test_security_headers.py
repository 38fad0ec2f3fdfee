"""Every public page and every error page sends the strict policy and the security
headers; the admin keeps working under its own policy."""

import pytest
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.utils import OperationalError
from django.test import Client

from tests.support.pages import EXTRA_VIEWS, PAGE_TYPES, live_urls_of


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ") if part}


def assert_strict_headers(response, where):
    policy = directives(response)
    assert policy["script-src"] == ["'self'"], where
    assert policy["style-src"] == ["'self'"], where
    for directive, value in [
        ("object-src", ["'none'"]),
        ("base-uri", ["'self'"]),
        ("form-action", ["'self'"]),
        ("frame-ancestors", ["'none'"]),
    ]:
        assert policy[directive] == value, (where, directive)
    assert "unsafe-inline" not in response["Content-Security-Policy"], where
    assert "*" not in response["Content-Security-Policy"], where
    assert response["X-Content-Type-Options"] == "nosniff", where
    assert response["Referrer-Policy"] == "same-origin", where
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "interest-cohort"):
        assert f"{feature}=()" in permissions, (where, feature)


@pytest.mark.django_db
@pytest.mark.parametrize("label", PAGE_TYPES)
def test_every_page_type_sends_the_strict_policy(client, label):
    for url in live_urls_of(label).values():
        assert_strict_headers(client.get(url), url)


@pytest.mark.django_db
@pytest.mark.parametrize("url", [*EXTRA_VIEWS, "/", "/sitemap.xml", "/robots.txt", "/healthz"])
def test_other_views_send_the_strict_policy(client, url):
    assert_strict_headers(client.get(url), url)


@pytest.mark.django_db
def test_error_pages_send_the_strict_policy(monkeypatch):
    not_found = Client().get("/en/nothing-here/")
    assert not_found.status_code == 404
    assert_strict_headers(not_found, "404")

    # 400: more fields than Django accepts (DATA_UPLOAD_MAX_NUMBER_FIELDS).
    too_many = "&".join(f"f{number}=1" for number in range(10_001))
    bad_request = Client().get(f"/pt/pesquisa/?{too_many}")
    assert bad_request.status_code == 400
    assert_strict_headers(bad_request, "400")

    # 403: a form sent without its security token.
    forbidden = Client(enforce_csrf_checks=True).post("/en/alert-line/", {"category": "other"})
    assert forbidden.status_code == 403
    assert_strict_headers(forbidden, "403")

    def database_down(self, *args, **kwargs):
        raise OperationalError("the database is down")

    with monkeypatch.context() as patch:
        patch.setattr(BaseDatabaseWrapper, "ensure_connection", database_down)
        unavailable = Client(raise_request_exception=False).get("/pt/")
    assert unavailable.status_code == 503
    assert_strict_headers(unavailable, "503")

    def broken(query):
        raise RuntimeError("a bug")

    monkeypatch.setattr("website.views.clean_query", broken)
    server_error = Client(raise_request_exception=False).get("/en/search/", {"q": "x"})
    assert server_error.status_code == 500
    assert_strict_headers(server_error, "500")


@pytest.mark.django_db
def test_the_admin_has_its_own_policy(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response)
    assert policy["frame-ancestors"] == ["'self'"], "previews are framed by the admin"
    assert policy["object-src"] == ["'none'"]
    assert "Permissions-Policy" in response
