"""sitemap.xml, robots.txt, /healthz, /favicon.ico and the demo content command."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from wagtail.models import Page, Revision

from tests.factories.pages import add_guidance_page, make_booklet

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return [loc.text for loc in root.iter(f"{SITEMAP}loc")]


def test_sitemap_lists_both_languages(client, translated_page):
    locations = sitemap_locations(client)
    paths = [loc.split("localhost", 1)[1] for loc in locations]
    for path in ("/pt/", "/en/", "/pt/pagina-traduzida/", "/en/translated-page/"):
        assert path in paths
    assert len(paths) == len(set(paths))


def test_sitemap_leaves_out_drafts(client, home_pt):
    page = add_guidance_page(home_pt, "Rascunho", "rascunho")
    assert any(loc.endswith("/pt/rascunho/") for loc in sitemap_locations(client))
    page.unpublish()
    assert not any(loc.endswith("/pt/rascunho/") for loc in sitemap_locations(client))


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Disallow: /pt/pesquisa/" in text and "Disallow: /en/search/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_healthz_reports_database_and_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_demo_content_is_idempotent():
    counts = (Page.objects.count(), Revision.objects.count())
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (Page.objects.count(), Revision.objects.count()) == counts


def test_every_demo_page_exists_in_both_languages():
    pages = Page.objects.filter(depth__gte=2).live()
    keys = {}
    for page in pages.select_related("locale"):
        keys.setdefault(page.translation_key, set()).add(page.locale.language_code)
    assert len(keys) >= 6
    assert all(languages == {"pt", "en"} for languages in keys.values())


def test_image_renditions_are_served_but_not_other_media(client, home_pt):
    import re

    make_booklet(home_pt, "livreto-de-teste", chapters=1)
    html = client.get("/pt/livreto-de-teste/").content.decode()
    image_url = re.search(r'src="(/media/images/[^"]+)"', html).group(1)
    response = client.get(image_url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/")
    assert client.get("/media/original_images/anything.png").status_code == 404
    assert client.get("/media/booklets/pdf/anything.pdf").status_code == 404
    assert client.get("/media/booklets/epub/anything.epub").status_code == 404
    assert client.get("/media/images/../documents/x.pdf").status_code == 404


def test_favicon_is_the_sites_icon_and_every_page_links_its_icons(client):
    response = client.get("/favicon.ico", follow=True)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/")
    assert response.content.startswith(b"\x00\x00\x01\x00")  # an ICO file
    for url in ("/pt/", "/en/alert-line/", "/en/nothing-here/"):
        html = client.get(url).content.decode()
        assert '<link rel="icon" href="/favicon.ico"' in html
        svg = re.search(r'<link rel="icon" href="/static/([^"]+\.svg)"', html).group(1)
        assert finders.find(svg)
