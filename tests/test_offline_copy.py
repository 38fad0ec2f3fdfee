"""The offline copy over HTTP: the worker's answer, which pages offer a copy (and which
never do), the version that tells a kept copy to renew itself, and quick exit's clearing
address."""

import hashlib
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from tests.factories.pages import add_chapter, index_for, make_booklet
from tests.support.pages import html_of

pytestmark = pytest.mark.django_db

WORKER = "/offline-worker.js"


def controls(html):
    """The offline-copy controls' attributes, or None when the page has none."""
    match = re.search(r"<section class=\"offline-copy\"[^>]*>", html)
    return dict(re.findall(r'(data-[a-z-]+)="([^"]*)"', match.group(0))) if match else None


def test_the_worker_is_served_from_the_root_unversioned_by_the_browser_cache(client):
    response = client.get(WORKER)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "no-cache"
    source = Path(finders.find("website/js/offline-worker.js")).read_text(encoding="utf-8")
    version = hashlib.sha256(source.encode()).hexdigest()[:16]
    assert f'var VERSION = "{version}";' in response.content.decode()
    assert "unversioned" not in response.content.decode()
    assert client.get(WORKER, headers={"if-none-match": response["ETag"]}).status_code == 304
    assert client.post(WORKER).status_code == 405


def test_the_worker_fits_the_sites_content_security_policy(client, home_pt):
    booklet = make_booklet(home_pt, "livreto", chapters=1)
    policy = client.get(booklet.url)["Content-Security-Policy"]
    # A worker falls back to script-src: the site's own origin, nothing relaxed.
    assert "script-src 'self';" in policy
    assert "worker-src" not in policy and "unsafe" not in policy


def test_a_booklet_offers_its_chapters_print_view_and_pdf_hidden_until_scripts_show_it(
    client, home_pt
):
    booklet = make_booklet(home_pt, "kept", chapters=2)
    html = html_of(client.get(booklet.url))
    found = controls(html)
    assert found["data-offline-scope"] == booklet.url
    assert found["data-offline-worker"] == WORKER
    assert re.search(r"<section class=\"offline-copy\"[^>]*\shidden>", html), "no JS: hidden"
    marked = html[html.index('class="booklet__chapters" data-offline-keep') :]
    for chapter in booklet.get_children().live():
        assert chapter.url in marked[: marked.index("</ol>")]
    assert f'<a href="{booklet.print_url()}" data-offline-keep>' in html
    assert 'data-text-kept="Guardado neste dispositivo em %s.' in html
    assert "Quem usar este dispositivo pode encontrar uma cópia" in html


def test_publishing_a_chapter_changes_the_version_a_kept_copy_compares(client, home_en):
    booklet = make_booklet(home_en, "renewed", chapters=1)
    before = controls(html_of(client.get(booklet.url)))["data-offline-version"]
    chapter = booklet.get_children().first().specific
    chapter.save_revision().publish()
    after_edit = controls(html_of(client.get(booklet.url)))["data-offline-version"]
    add_chapter(booklet, "A new chapter", "new-chapter")
    after_new = controls(html_of(client.get(booklet.url)))["data-offline-version"]
    assert len({before, after_edit, after_new}) == 3


def test_kept_pages_carry_the_notice_and_only_the_lists_offer_a_copy(client, home_en):
    booklet = make_booklet(home_en, "kept-in-english", chapters=2)
    chapter = booklet.get_children().live().first()
    for url in (chapter.url, booklet.print_url()):
        html = html_of(client.get(url))
        assert "data-offline-notice" in html and "website/js/offline.js" in html
        assert controls(html) is None
    index = index_for("en")
    assert controls(html_of(client.get(index.url)))["data-offline-scope"] == index.url
    assert 'class="alert-list" data-offline-keep' in html_of(client.get(index.url))
    # A filtered list is not what a copy keeps.
    assert controls(html_of(client.get(index.url + "?audience=parents"))) is None


@pytest.mark.parametrize(
    "url", ["/pt/linha-alerta/", "/en/alert-line/status/", "/en/quiz/", "/pt/pesquisa/?q=ajuda"]
)
def test_the_alert_line_quiz_and_search_never_offer_or_load_a_copy(client, url):
    html = html_of(client.get(url))
    assert "offline" not in html.replace("offline-capable", "")


def test_quick_exit_leaves_through_an_address_that_clears_the_site(client):
    html = html_of(client.get("/en/"))
    assert re.search(r'data-quick-exit data-clearing-exit="/exit/"', html)
    response = client.get("/exit/")
    assert response.status_code == 302
    assert response["Location"] == "https://www.ipma.pt/"
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert "no-store" in response["Cache-Control"]
    assert client.post("/exit/").status_code == 405
