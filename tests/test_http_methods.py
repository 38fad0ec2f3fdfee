"""Public pages answer only the methods they take: anything else is 405 Method Not Allowed
with an Allow header, never the CSRF page (which tells a visitor their form expired)."""

import pytest
from django.test import Client

from tests.support.pages import html_of

# Each test has a guidance page of its own in both languages.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("translated_page")]

READ_ONLY = {"GET", "HEAD", "OPTIONS"}
WITH_FORMS = READ_ONLY | {"POST"}
ADDRESSES = [
    ("/pt/pagina-traduzida/", READ_ONLY),
    ("/en/translated-page/", READ_ONLY),
    ("/pt/", READ_ONLY),
    ("/en/search/", READ_ONLY),
    ("/pt/pesquisa/", READ_ONLY),
    ("/pt/linha-alerta/", WITH_FORMS),
    ("/en/alert-line/", WITH_FORMS),
    ("/pt/linha-alerta/estado/", WITH_FORMS),
    ("/pt/questionario/", WITH_FORMS),
    ("/en/quiz/", WITH_FORMS),
]


def allowed(response):
    return {method.strip() for method in response["Allow"].split(",")}


@pytest.mark.parametrize(("url", "methods"), ADDRESSES)
@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_writing_methods_are_not_allowed(url, methods, method):
    response = getattr(Client(enforce_csrf_checks=True), method)(url)
    assert response.status_code == 405, (url, method)
    assert allowed(response) == methods
    assert "Content-Security-Policy" in response  # the site's headers are still there


@pytest.mark.parametrize(("url", "methods"), ADDRESSES)
def test_options_lists_the_methods(url, methods):
    response = Client().options(url)
    assert response.status_code == 200
    assert allowed(response) == methods


def test_post_to_a_page_without_a_form_is_not_allowed():
    for url in ("/pt/pagina-traduzida/", "/en/search/"):
        response = Client(enforce_csrf_checks=True).post(url)
        assert response.status_code == 405
        assert allowed(response) == READ_ONLY


def test_form_pages_still_check_their_security_token():
    for url, says in (
        ("/pt/linha-alerta/", "Envia o formulário outra vez"),
        ("/en/quiz/", "Please send the form again"),
    ):
        response = Client(enforce_csrf_checks=True).post(url, {})
        assert response.status_code == 403
        assert says in html_of(response)


def test_a_path_that_leads_nowhere_is_still_not_found():
    assert Client().put("/en/nothing-here/").status_code == 404


def test_reading_pages_is_unchanged():
    for url, _methods in ADDRESSES:
        assert Client().get(url).status_code == 200, url
        assert Client().head(url).status_code == 200, url
