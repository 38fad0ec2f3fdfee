"""Safety basics: quick exit everywhere, a 500 page that needs no database, the right words."""

import re
from pathlib import Path

import pytest
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.utils import OperationalError
from django.test import Client, override_settings
from wagtail.models import Site

from tests.conftest import html_of
from website.models import SafetySettings

ROOT = Path(__file__).resolve().parent.parent
PUBLIC_URLS = [
    "/pt/",
    "/en/",
    "/pt/apagar-o-rasto/",
    "/en/cover-your-tracks/",
    "/pt/pesquisa/?q=ajuda",
    "/en/search/",
    "/pt/nao-existe/",
]


def quick_exit_link(html):
    return re.search(r'<a class="quick-exit__button" href="([^"]+)"[^>]*data-quick-exit', html)


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_every_page_has_quick_exit_right_after_the_skip_link(client, url):
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


@override_settings(
    DEBUG=False, QUICK_EXIT_URL="https://neutral.example.net/", EMERGENCY_NUMBER="112"
)
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "lang", "text"),
    [("/pt/apagar-o-rasto/", "pt", "Algo correu mal"), ("/en/", "en", "Something went wrong")],
)
def test_server_error_page_renders_with_the_database_down(monkeypatch, url, lang, text):
    def database_down(self, *args, **kwargs):
        raise OperationalError("the database is down")

    monkeypatch.setattr(BaseDatabaseWrapper, "ensure_connection", database_down)
    response = Client(raise_request_exception=False).get(url)
    assert response.status_code == 500
    html = html_of(response)
    assert f'<html lang="{lang}"' in html
    assert text in html
    assert quick_exit_link(html).group(1) == "https://neutral.example.net/"
    assert "112" in html
    assert 'class="skip-link"' in html


CSAM_WRONG_TERMS = re.compile(r"child[\s_-]*porn|pornografia[\s_-]*infantil", re.IGNORECASE)


def test_the_project_never_says_child_pornography():
    checked = 0
    for folder in ("site", "campaigns", "quiz", "locale"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in {".py", ".html", ".po", ".txt", ".js", ".css"}:
                checked += 1
                assert not CSAM_WRONG_TERMS.search(path.read_text(encoding="utf-8")), path
    assert checked > 20


def test_templates_and_styles_load_nothing_from_other_sites():
    pattern = re.compile(
        r"""(src|href)\s*=\s*["']?(https?:)?//|@import|url\(\s*["']?(https?:)?//"""
    )
    for path in (ROOT / "site").rglob("*"):
        if path.suffix in {".html", ".css", ".js"}:
            text = path.read_text(encoding="utf-8")
            assert not pattern.search(text), path


@pytest.mark.django_db
def test_public_pages_set_no_cookies(client):
    for url in PUBLIC_URLS:
        response = client.get(url)
        assert not response.cookies, url
