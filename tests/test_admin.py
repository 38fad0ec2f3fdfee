"""The admin: language per user, site settings, translation, and the demo logins' roles."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, Site

from tests.support.admin import choose_admin_language, signed_in_as
from tests.support.pages import html_of
from website.models import GuidancePage, SafetySettings

pytestmark = pytest.mark.django_db


def test_admin_follows_each_users_language_with_wagtails_own_catalogue(client):
    signed_in_as(client, "admin", "pt-pt")
    html = html_of(client.get("/admin/"))
    assert '<html lang="pt-pt"' in html
    assert "Painel" in html or "Páginas" in html
    choose_admin_language(get_user_model().objects.get(username="admin"), "en")
    html = html_of(client.get("/admin/"))
    assert '<html lang="en"' in html
    assert "Pages" in html


def test_admin_without_preference_uses_portuguese_by_default(client):
    signed_in_as(client, "admin", "")
    html = html_of(client.get("/admin/", headers={"accept-language": "pt-PT"}))
    assert '<html lang="pt-pt"' in html


def settings_url(site):
    return reverse("wagtailsettings:edit", args=["website", "safetysettings", site.pk])


def test_site_settings_screen_changes_what_every_page_shows(client):
    signed_in_as(client, "admin")
    site = Site.objects.get(is_default_site=True)
    response = client.post(
        settings_url(site),
        {
            "alert_line_phone": "+351 210 000 000",
            "emergency_number": "112",
            "quick_exit_url": "https://www.example.org/weather",
        },
    )
    assert response.status_code == 302
    saved = SafetySettings.for_site(site)
    assert saved.alert_line_phone == "+351 210 000 000"
    html = html_of(client.get("/en/"))
    assert 'href="tel:+351210000000">+351 210 000 000</a>' in html
    assert 'href="https://www.example.org/weather"' in html


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("quick_exit_url", "http://www.example.org/", "Use um endereço https://"),
        ("quick_exit_url", "https://localhost/pt/", "tem de sair deste site"),
        ("alert_line_phone", "call me maybe", "Use só algarismos e espaços"),
    ],
)
def test_site_settings_reject_bad_values_in_the_users_language(client, field, value, message):
    signed_in_as(client, "admin", "pt-pt")
    site = Site.objects.get(is_default_site=True)
    data = {
        "alert_line_phone": "+351 918 089 090",
        "emergency_number": "112",
        "quick_exit_url": "https://www.ipma.pt/",
    } | {field: value}
    response = client.post(settings_url(site), data)
    assert response.status_code == 200
    html = html_of(response)
    assert message in html
    assert value in html, "what the user typed is kept"
    assert SafetySettings.for_site(site).quick_exit_url == "https://www.ipma.pt/"


def test_editor_translates_a_page_with_simple_translation(client, home_pt):
    signed_in_as(client, "editor")
    page = GuidancePage(title="Nova página", slug="nova-pagina", intro="Olá.", body=[])
    home_pt.add_child(instance=page)
    page.save_revision().publish()
    url = reverse("simple_translation:submit_page_translation", args=[page.pk])
    english = page.locale.__class__.objects.get(language_code="en")
    response = client.post(url, {"locales": [english.pk]})
    assert response.status_code == 302
    copy = page.get_translation(english)
    assert copy.get_parent().specific.locale.language_code == "en"
    assert not copy.live, "the copy waits for a translator"


def test_demo_roles(client):
    editor = get_user_model().objects.get(username="editor")
    assert editor.groups.filter(name="Editors").exists()
    assert editor.has_perm("simple_translation.submit_translation")
    handler = get_user_model().objects.get(username="handler")
    assert handler.has_perm("wagtailadmin.access_admin")
    assert not Page.get_first_root_node().permissions_for_user(handler).can_edit()


def test_page_links_built_in_the_portuguese_admin_reach_the_page(client, translated_page):
    page, _english = translated_page
    with translation.override("pt-pt"):
        url = page.get_url()
    assert url == "/pt-pt/pagina-traduzida/", "Wagtail prefixes the admin's language"
    response = client.get(url + "?x=1")
    assert response.status_code == 301
    assert response["Location"] == "/pt/pagina-traduzida/?x=1"
    assert client.get(response["Location"]).status_code == 200
