"""Every page uses at most 12 queries, the same number whatever the content, and what the
content cache keeps is replaced as soon as an editor changes something."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from tests.factories.pages import (
    add_alert,
    add_guidance_page,
    add_urgent_alert,
    index_for,
    make_booklet,
)
from tests.support.demo import demo_url
from tests.support.pages import PAGE_TYPES, html_of, live_urls_of
from website.models import SafetySettings

MAX_QUERIES = 12

STATUS_URLS = {"pt": "/pt/linha-alerta/estado/", "en": "/en/alert-line/status/"}
EXTRA_URLS = [
    # The demo's booklet, printed whole: its six chapters and their pictures.
    f"{demo_url('booklet', 'pt')}print/",
    f"{demo_url('booklet', 'en')}print/",
    "/en/alerts/?audience=parents&topic=grooming",
    "/pt/alertas/?audience=parents",
    "/pt/pesquisa/?q=ajuda",
    "/en/search/?q=help",
    "/pt/pesquisa/?q=zzzzqqqq",  # nothing found: the alert line is offered
    "/en/search/?q=blackmail",  # widened by a search synonym
    *STATUS_URLS.values(),
    "/pt/o-que-aconteceu/?step=under-18",
    "/en/what-happened/result/images-young/",
    "/pt/quem-pode-ajudar/?need=talk",
]


def queries_of(client, url):
    """Queries of the second view: the first fills the caches, as any earlier visitor does."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize("label", PAGE_TYPES)
@pytest.mark.parametrize("language", ["pt", "en"])
def test_every_page_type_uses_at_most_12_queries(client, label, language):
    url = live_urls_of(label)[language]
    assert queries_of(client, url) <= MAX_QUERIES


@pytest.mark.django_db
@pytest.mark.parametrize("url", EXTRA_URLS)
def test_print_view_filters_search_and_status_use_at_most_12_queries(client, url):
    assert queries_of(client, url) <= MAX_QUERIES


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["pt", "en"])
def test_the_quiz_result_uses_at_most_12_queries(client, language):
    from quiz.models import QuizPage
    from tests.factories.quiz import post_data

    quiz = QuizPage.objects.live().get(locale__language_code=language)
    data = post_data(quiz, [0] * len(quiz.structure()))
    client.get(quiz.url)  # the visitor opens the quiz first
    client.post(quiz.url, data)
    with CaptureQueriesContext(connection) as queries:
        response = client.post(quiz.url, data)
    assert response.status_code == 200
    assert "quiz-result" in html_of(response)
    assert len(queries) <= MAX_QUERIES


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_content(client, home_pt):
    add_guidance_page(home_pt, "Guia de teste", "guia-de-teste")
    urls = ["/pt/", "/pt/alertas/", "/pt/guia-de-teste/", "/pt/pesquisa/?q=alerta"]
    before = {url: queries_of(client, url) for url in urls}
    index = index_for("pt")
    for number in range(8):
        add_alert(index, f"Alerta extra {number}", f"alerta-extra-{number}")
        add_guidance_page(
            home_pt, f"Guia extra {number}", f"guia-extra-{number}", show_in_menus=True
        )
    after = {url: queries_of(client, url) for url in urls}
    # Search results may list other pages, never more queries.
    assert all(after[url] <= before[url] for url in urls), (before, after)


# --- A change is visible on the next request ------------------------------------------


@pytest.mark.django_db
def test_a_published_menu_page_shows_on_the_next_request(client, home_pt):
    add_guidance_page(home_pt, "Guia de teste", "guia-de-teste")
    assert "Novo guia no menu" not in html_of(client.get("/pt/guia-de-teste/"))
    add_guidance_page(home_pt, "Novo guia no menu", "novo-guia-no-menu", show_in_menus=True)
    assert "Novo guia no menu" in html_of(client.get("/pt/guia-de-teste/"))


@pytest.mark.django_db
def test_an_unpublished_menu_page_leaves_on_the_next_request(client, home_pt):
    page = add_guidance_page(home_pt, "Guia que sai", "guia-que-sai", show_in_menus=True)
    assert "Guia que sai" in html_of(client.get("/pt/"))
    page.unpublish()
    assert "Guia que sai" not in html_of(client.get("/pt/"))
    assert client.get("/pt/guia-que-sai/").status_code == 404


@pytest.mark.django_db
def test_a_published_alert_shows_in_the_home_section_on_the_next_request(client):
    client.get("/en/")
    add_alert(index_for("en"), "Brand new scam", "brand-new-scam")
    assert "Brand new scam" in html_of(client.get("/en/"))


@pytest.mark.django_db
def test_an_urgent_alert_shows_in_the_banner_on_the_next_request(client, home_pt):
    from datetime import timedelta

    add_guidance_page(home_pt, "Guia de teste", "guia-de-teste")
    client.get("/pt/guia-de-teste/")
    add_urgent_alert(
        index_for("pt"), "Alerta urgente novo", "alerta-urgente-novo", ends_in=timedelta(days=2)
    )
    assert "Alerta urgente novo" in html_of(client.get("/pt/guia-de-teste/"))


@pytest.mark.django_db
def test_a_changed_site_setting_shows_on_the_next_request(client):
    assert "+351 210 000 999" not in html_of(client.get("/en/alert-line/"))
    settings = SafetySettings.for_site(Site.objects.get(is_default_site=True))
    settings.alert_line_phone = "+351 210 000 999"
    settings.save()
    assert "+351 210 000 999" in html_of(client.get("/en/alert-line/"))


@pytest.mark.django_db
def test_a_page_made_private_is_private_on_the_next_request_and_so_are_its_children(
    client, home_pt
):
    from wagtail.models import PageViewRestriction

    parent = add_guidance_page(home_pt, "Guia que fica privado", "guia-privado")
    child = add_guidance_page(parent, "Filho do guia privado", "filho-privado")
    for url in (parent.url, child.url):  # their routes and restrictions are now cached
        assert client.get(url).status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=parent, restriction_type=PageViewRestriction.PASSWORD, password="s3cret-guia"
    )
    for url, title in ((parent.url, "Guia que fica privado"), (child.url, "Filho do guia")):
        html = html_of(client.get(url))
        assert 'name="password"' in html, url
        assert f"<h1>{title}" not in html, url
    # The right password still opens it: the restriction read through the cache is the real one.
    action = f"/pt/_util/authenticate_with_password/{restriction.pk}/{parent.pk}/"
    client.post(action, {"password": "s3cret-guia", "return_url": child.url})
    assert "<h1>Filho do guia privado" in html_of(client.get(child.url))
    restriction.delete()
    assert "<h1>Filho do guia privado" in html_of(Client().get(child.url))


@pytest.mark.django_db
def test_a_restriction_made_while_the_cache_drops_writes_is_still_enforced(
    client, home_pt, monkeypatch
):
    """A Redis that stops answering for a moment drops writes without an error (see
    website.caching.backend). The generation lives in the database, so no write lost there
    can keep a page public after it was made private."""
    from django.core.cache import cache
    from wagtail.models import PageViewRestriction

    page = add_guidance_page(home_pt, "Guia quase privado", "guia-quase-privado")
    for _ in range(2):  # the route, the page and its (absent) restrictions are now cached
        assert "<h1>Guia quase privado" in html_of(client.get(page.url))
    with monkeypatch.context() as outage:
        for method in ("set", "add", "delete", "delete_many", "clear"):
            outage.setattr(cache, method, lambda *args, **kwargs: None)
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret-quase"
        )
    html = html_of(client.get(page.url))
    assert 'name="password"' in html
    assert "<h1>Guia quase privado" not in html


@pytest.mark.django_db
def test_a_published_chapter_shows_in_the_printable_booklet_on_the_next_request(client, home_pt):
    from campaigns.booklets.models import BookletChapterPage

    booklet = make_booklet(home_pt, "livreto-de-teste", chapters=2)
    url = "/pt/livreto-de-teste/print/"
    assert "Resumo novo do capítulo" not in html_of(client.get(url))  # now cached
    chapter = BookletChapterPage.objects.child_of(booklet).first()
    chapter.summary = "Resumo novo do capítulo"
    chapter.save_revision().publish()
    assert "Resumo novo do capítulo" in html_of(client.get(url))


@pytest.mark.django_db
def test_search_finds_a_published_page_on_the_next_request_and_loses_it_when_unpublished(
    client, home_pt
):
    search = "/pt/pesquisa/?q=girafa"
    assert "Nada encontrado" in html_of(client.get(search))  # now cached
    page = add_guidance_page(home_pt, "A girafa curiosa", "girafa-curiosa")
    html = html_of(client.get(search))
    assert "/pt/girafa-curiosa/" in html
    page.unpublish()
    assert "/pt/girafa-curiosa/" not in html_of(client.get(search))


@pytest.mark.django_db
def test_a_moved_page_is_found_at_its_new_address(client, home_pt):
    page = add_guidance_page(home_pt, "Guia movido", "guia-movido")
    parent = add_guidance_page(home_pt, "Novo pai", "novo-pai")
    assert client.get("/pt/guia-movido/").status_code == 200
    page.move(parent, pos="last-child")
    # Wagtail leaves a redirect behind: the old address leads to the new one.
    assert client.get("/pt/guia-movido/")["Location"] == "/pt/novo-pai/guia-movido/"
    assert client.get("/pt/novo-pai/guia-movido/").status_code == 200


@pytest.mark.django_db
def test_a_cache_that_fails_leaves_the_site_working(client, home_en, monkeypatch):
    from django.core.cache import cache

    make_booklet(home_en, "test-booklet", chapters=1)

    def failing(method):
        real = getattr(cache, method)

        def call(key, *args, **kwargs):
            if key.startswith("content:"):
                raise ConnectionError("the cache is down")
            return real(key, *args, **kwargs)

        return call

    for method in ("get", "add", "set"):
        monkeypatch.setattr(cache, method, failing(method))
    for _ in range(2):  # nothing can be kept: each view builds its page from the database
        assert client.get("/pt/").status_code == 200
        assert client.get("/en/test-booklet/").status_code == 200
