"""Safety basics: quick exit everywhere, a 500 page that needs no database, the right words."""

import re
from pathlib import Path

import pytest
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.utils import OperationalError
from django.test import Client, RequestFactory, override_settings
from wagtail.models import Site

from tests.factories.pages import make_booklet
from tests.support.pages import EXTRA_VIEWS, PAGE_TYPES, html_of, live_urls_of
from website.models import SafetySettings
from website.views import server_error

ROOT = Path(__file__).resolve().parent.parent
PUBLIC_URLS = [
    "/pt/",
    "/pt/livreto-de-teste/",
    "/en/test-booklet/print/",
    "/pt/alertas/",
    "/en/alerts/?audience=parents&page=2",
    "/en/",
    "/pt/pagina-traduzida/",
    "/en/translated-page/",
    "/pt/pesquisa/?q=ajuda",
    "/en/search/",
    "/pt/nao-existe/",
]


@pytest.fixture
def public_pages(translated_page, home_pt, home_en):
    """The pages of PUBLIC_URLS that the site skeleton does not have: a guidance page with
    its translation, and a booklet in each language."""
    make_booklet(home_pt, "livreto-de-teste", chapters=1)
    make_booklet(home_en, "test-booklet", chapters=1)


def quick_exit_link(html):
    return re.search(r'<a class="quick-exit__button" href="([^"]+)"[^>]*data-quick-exit', html)


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_every_page_has_quick_exit_right_after_the_skip_link(client, public_pages, url):
    html = html_of(client.get(url))
    skip = html.index('class="skip-link"')
    exit_link = quick_exit_link(html)
    assert exit_link, url
    # Nothing focusable stands between the skip link and the exit button.
    assert "<a " not in html[: skip - 3].split("<body", 1)[1], "the skip link comes first"
    between = html[skip : exit_link.start()]
    assert "<a " not in between and "<button" not in between and "<input" not in between
    assert 'rel="noreferrer noopener"' in exit_link.group(0)


@pytest.mark.django_db
def test_quick_exit_label_in_both_languages(client):
    assert "Sair desta página" in html_of(client.get("/pt/"))
    assert "Exit this page" in html_of(client.get("/en/"))


@pytest.mark.django_db
def test_quick_exit_destination_comes_from_site_settings(client):
    settings = SafetySettings.for_site(Site.objects.get(is_default_site=True))
    settings.quick_exit_url = "https://weather.example.org/today"
    settings.save()
    assert quick_exit_link(html_of(client.get("/en/"))).group(1) == (
        "https://weather.example.org/today"
    )


def database_down(self, *args, **kwargs):
    raise OperationalError("the database is down")


# In production, with the settings that the error pages must show without the database
# (assert_friendly_error_page looks for them).
as_in_production_without_the_database = override_settings(
    DEBUG=False, QUICK_EXIT_URL="https://neutral.example.net/", EMERGENCY_NUMBER="112"
)


@as_in_production_without_the_database
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "lang", "text"),
    [("/pt/pesquisa/", "pt", "Algo correu mal"), ("/en/search/", "en", "Something went wrong")],
)
def test_server_error_page_renders_with_the_database_down(monkeypatch, url, lang, text):
    """A bug while the database is also down: the 500 page needs neither."""
    monkeypatch.setattr(BaseDatabaseWrapper, "ensure_connection", database_down)
    try:
        raise RuntimeError("a bug")
    except RuntimeError:
        response = server_error(RequestFactory().get(url))
    assert response.status_code == 500
    assert_friendly_error_page(html_of(response), lang, text)


@as_in_production_without_the_database
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "lang", "text"),
    [("/pt/pagina-traduzida/", "pt", "Voltamos já"), ("/en/", "en", "Back in a moment")],
)
def test_database_down_gives_a_503_in_the_visitors_language(
    translated_page, monkeypatch, url, lang, text
):
    monkeypatch.setattr(BaseDatabaseWrapper, "ensure_connection", database_down)
    response = Client(raise_request_exception=False).get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert_friendly_error_page(html_of(response), lang, text)


def assert_friendly_error_page(html, lang, text):
    assert f'<html lang="{lang}"' in html
    assert text in html
    assert quick_exit_link(html).group(1) == "https://neutral.example.net/"
    assert "112" in html
    assert 'class="skip-link"' in html


CSAM_WRONG_TERMS = re.compile(
    r"child[\s_-]*porn|pornografia[\s_-]*(infantil|de[\s_-]*menores)", re.IGNORECASE
)


# The list of terms that pages may not publish has to name them (website.wording).
REFUSED_TERMS_LIST = ROOT / "site" / "wording" / "demo.py"


def test_the_project_never_says_child_pornography():
    checked = 0
    for folder in ("site", "campaigns", "quiz", "locale"):
        for path in (ROOT / folder).rglob("*"):
            if path == REFUSED_TERMS_LIST:
                continue
            if path.suffix in {".py", ".html", ".po", ".txt", ".js", ".css"}:
                checked += 1
                assert not CSAM_WRONG_TERMS.search(path.read_text(encoding="utf-8")), path
    assert checked > 20


def test_templates_and_styles_load_nothing_from_other_sites():
    pattern = re.compile(
        r"""(src|href)\s*=\s*["']?(https?:)?//|@import|url\(\s*["']?(https?:)?//"""
    )
    checked = 0
    for path in [*(ROOT / "site").rglob("*"), *(ROOT / "campaigns").rglob("*")]:
        if path.suffix in {".html", ".css", ".js"}:
            checked += 1
            text = path.read_text(encoding="utf-8")
            assert not pattern.search(text), path
    assert checked > 20


def assert_no_inline_script_or_style(html, where):
    assert "style=" not in html and "<style" not in html, where
    for script in re.findall(r"<script[^>]*>", html):
        assert "src=" in script, (where, script)


@pytest.mark.django_db
@pytest.mark.parametrize("label", PAGE_TYPES)
def test_every_page_type_has_demo_pages_without_inline_script_or_style(client, label):
    """The coming CSP forbids inline scripts and styles: every page type in both languages."""
    urls = live_urls_of(label)
    assert set(urls) == {"pt", "en"}, f"the demo has no {label} page in both languages"
    for url in urls.values():
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_inline_script_or_style(html_of(response), url)


@pytest.mark.django_db
@pytest.mark.parametrize("url", EXTRA_VIEWS)
def test_other_views_have_no_inline_script_or_style(client, url):
    assert_no_inline_script_or_style(html_of(client.get(url)), url)


@pytest.mark.django_db
def test_public_pages_set_no_cookies(client, public_pages):
    for url in PUBLIC_URLS:
        response = client.get(url)
        assert not response.cookies, url


@pytest.mark.django_db
def test_private_pages_are_not_offered_as_translations_or_sections(client, translated_page):
    from wagtail.models import PageViewRestriction

    _portuguese, english = translated_page
    PageViewRestriction.objects.create(
        page=english, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    html = html_of(client.get("/pt/pagina-traduzida/"))
    assert "/en/translated-page/" not in html
    private = html_of(client.get("/en/translated-page/"))
    assert "This page is private" in private
    assert "Clear your history" not in private
    assert quick_exit_link(private), "the password page has quick exit too"
    assert '<html lang="en"' in private


@pytest.mark.django_db
def test_a_form_sent_without_its_token_gets_a_page_with_quick_exit(translated_page):
    from wagtail.models import PageViewRestriction

    _portuguese, page = translated_page
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    client = Client(enforce_csrf_checks=True)
    action = f"/en/_util/authenticate_with_password/{page.view_restrictions.get().pk}/{page.pk}/"
    response = client.post(action, {"password": "s3cret", "return_url": "/en/translated-page/"})
    assert response.status_code == 403
    html = html_of(response)
    assert "Please send the form again" in html
    assert quick_exit_link(html)


@override_settings(DEBUG=False)
def test_bad_request_page_has_quick_exit_and_no_database():
    from django.core.exceptions import SuspiciousOperation
    from django.test import RequestFactory

    from website.views import bad_request

    response = bad_request(RequestFactory().get("/pt/x/"), SuspiciousOperation("bad"))
    assert response.status_code == 400
    html = html_of(response)
    assert '<html lang="pt"' in html and quick_exit_link(html)


@override_settings(DEBUG=False)
@pytest.mark.parametrize(
    ("path", "says"),
    [
        ("/pt/x/", "Este endereço tem um erro. Volta atrás ou começa de novo na página inicial."),
        ("/en/x/", "This address has a mistake in it. Go back, or start again from the home page."),
    ],
)
def test_bad_request_page_says_plainly_what_is_wrong(path, says):
    from django.core.exceptions import SuspiciousOperation
    from django.test import RequestFactory

    from website.views import bad_request

    html = html_of(bad_request(RequestFactory().get(path), SuspiciousOperation("bad")))
    assert says in html
    assert "estragada" not in html and "is broken" not in html


@pytest.mark.django_db
def test_form_pages_set_only_a_csrf_cookie_that_ends_with_the_browser_session(client):
    for url in ("/en/alert-line/", "/pt/linha-alerta/estado/"):
        cookies = client.get(url).cookies
        assert set(cookies) == {"csrftoken"}, url
        assert not cookies["csrftoken"]["max-age"] and not cookies["csrftoken"]["expires"]
