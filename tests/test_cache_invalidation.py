"""What makes a cached page change (website.caching.invalidation), seen as a visitor sees
it: the change that visitors must see is served on the next request, and a draft is not."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from campaigns.booklets.models import GeneratedPDF
from tests.factories.pages import add_guidance_page, make_image
from tests.support.demo import demo_page
from tests.support.pages import html_of
from website.caching.generation import generation
from website.models import GuidancePage

HOME = "/pt/"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def cache_state(url):
    """Whether a new anonymous visitor gets `url` from the page cache, and the page."""
    response = Client().get(url)
    return response.get("X-Page-Cache"), response


def cached(*urls):
    for url in urls:
        Client().get(url)
        assert cache_state(url)[0] == "hit", url


def guidance_form(page, title, text, **actions):
    return nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "intro": page.intro,
            "body": streamfield([("text", rich_text(f"<p>{text}</p>"))]),
            **actions,
        }
    )


@pytest.mark.django_db
def test_a_draft_saved_in_the_admin_changes_nothing_visitors_see(admin_client, home_pt):
    page = add_guidance_page(home_pt, "Guia publicado", "guia-publicado")
    cached(page.url, HOME)

    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = guidance_form(page, "Guia em rascunho", "Texto ainda por rever")
    assert admin_client.post(edit, data).status_code == 302
    add = reverse("wagtailadmin_pages:add", args=["website", "guidancepage", home_pt.pk])
    new = GuidancePage(slug="guia-novo-em-rascunho", intro="Ainda não.")
    data = guidance_form(new, "Guia novo em rascunho", "Ninguém vê isto")
    assert admin_client.post(add, data).status_code == 302

    page.refresh_from_db()
    assert page.has_unpublished_changes and page.draft_title == "Guia em rascunho"
    assert GuidancePage.objects.get(slug="guia-novo-em-rascunho").live is False
    state, response = cache_state(page.url)
    assert state == "hit" and "Texto ainda por rever" not in html_of(response)
    assert cache_state(HOME)[0] == "hit"

    data = guidance_form(page, "Guia revisto", "Texto revisto", **{"action-publish": "Publish"})
    assert admin_client.post(edit, data).status_code == 302
    state, response = cache_state(page.url)
    assert state == "miss" and "Texto revisto" in html_of(response)


@pytest.mark.django_db
def test_a_moved_page_is_served_at_its_new_address_and_the_old_one_redirects(home_pt):
    first = add_guidance_page(home_pt, "Primeiro guia", "primeiro-guia")
    second = add_guidance_page(home_pt, "Segundo guia", "segundo-guia")
    child = add_guidance_page(first, "Guia que muda", "guia-que-muda")
    old_url = child.url
    cached(old_url)
    child.move(second, pos="last-child")
    new_url = "/pt/segundo-guia/guia-que-muda/"
    old = Client().get(old_url)
    assert (old.status_code, old["Location"]) == (301, new_url)  # Wagtail's own redirect
    state, response = cache_state(new_url)
    assert state == "miss" and "<h1>Guia que muda" in html_of(response)


@pytest.mark.django_db
def test_a_deleted_page_leaves_the_cache_at_once(home_pt):
    page = add_guidance_page(home_pt, "Guia que sai", "guia-que-sai")
    url = page.url
    cached(url)
    page.delete()
    assert Client().get(url).status_code == 404


@pytest.mark.django_db
def test_a_page_made_private_is_never_served_from_the_cache_again(home_pt):
    page = add_guidance_page(home_pt, "Guia reservado", "guia-reservado")
    cached(page.url)
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret-guia"
    )
    for _ in range(2):
        state, response = cache_state(page.url)
        assert state == "miss" and 'name="password"' in html_of(response)
        assert "<h1>Guia reservado" not in html_of(response)


@pytest.mark.django_db
def test_an_image_or_a_document_saved_starts_afresh():
    cached(HOME)
    make_image("A picture an editor uploaded")
    assert cache_state(HOME)[0] == "miss"
    cached(HOME)
    document = get_document_model().objects.create(title="A leaflet")
    assert cache_state(HOME)[0] == "miss"
    cached(HOME)
    document.delete()
    assert cache_state(HOME)[0] == "miss"


@pytest.mark.django_db
def test_a_new_booklet_pdf_reaches_the_cached_booklet_page():
    # The demo's booklet, whose PDF the test process made once: a booklet of the test's
    # own would need a PDF rendered for it.
    booklet = demo_page("booklet", "en")
    url = booklet.url
    cached(url)
    before = html_of(Client().get(url))
    stored = GeneratedPDF.objects.filter(booklet=booklet)
    assert stored.exists()
    for pdf in stored:
        pdf.file_size = 5 * 1024 * 1024  # a size no demo PDF has
        pdf.save()
    state, response = cache_state(url)
    assert state == "miss" and html_of(response) != before


@pytest.mark.django_db
def test_a_deploy_starts_a_new_generation_when_it_migrates():
    """Values pickled by the previous release are never read by the next one."""
    before = generation(None)
    call_command("migrate", verbosity=0)
    assert generation(None) != before
