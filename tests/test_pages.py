"""Page types: where they can be created, what the admin saves, how they render."""

import pytest
from django.utils import translation
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from campaigns.booklets.models import BookletPage
from tests.factories.pages import add_guidance_page, add_translated_guidance_page, make_booklet
from tests.support.demo import demo_audience_links
from tests.support.pages import html_of
from website.models import GuidancePage, HomePage, HomePageSection


@pytest.mark.django_db
class TestPageTypes(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.home_pt = HomePage.objects.get(locale__language_code="pt")
        self.home_en = HomePage.objects.get(locale__language_code="en")

    def test_where_pages_can_be_created(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanCreateAt(HomePage, GuidancePage)
        self.assertCanCreateAt(GuidancePage, GuidancePage)
        self.assertCanNotCreateAt(GuidancePage, HomePage)
        self.assertCanNotCreateAt(Page, GuidancePage)

    def test_allowed_children(self):
        self.assertAllowedSubpageTypes(GuidancePage, {GuidancePage})
        self.assertAllowedParentPageTypes(GuidancePage, {HomePage, GuidancePage})

    def test_create_guidance_page_with_every_block_through_the_admin(self):
        body = streamfield(
            [
                ("text", rich_text("<p>Keep your password to yourself.</p>")),
                ("did_you_know", {"text": rich_text("<p>You can block quietly.</p>")}),
                (
                    "steps",
                    {
                        "heading": "What to do",
                        "steps": streamfield(
                            [("item", "Stop replying."), ("item", "Tell someone.")]
                        ),
                    },
                ),
                (
                    "help",
                    {
                        "heading": "Where to get help",
                        "show_alert_line": "on",
                        "links": streamfield(
                            [
                                (
                                    "item",
                                    {"label": "About", "page": "", "url": "https://example.org/"},
                                )
                            ]
                        ),
                    },
                ),
                (
                    "question",
                    {"question": "Is it my fault?", "answer": rich_text("<p>No, never.</p>")},
                ),
            ]
        )
        self.assertCanCreate(
            self.home_en,
            GuidancePage,
            nested_form_data(
                {
                    "title": "Staying safe",
                    "slug": "staying-safe",
                    "intro": "Short tips.",
                    "body": body,
                }
            ),
        )
        page = GuidancePage.objects.get(slug="staying-safe")
        blocks = [(child.block_type, child.value) for child in page.body]
        assert [name for name, _ in blocks] == ["text", "did_you_know", "steps", "help", "question"]
        assert "Keep your password to yourself." in blocks[0][1].source
        assert list(blocks[2][1]["steps"]) == ["Stop replying.", "Tell someone."]
        assert blocks[3][1]["links"][0]["url"] == "https://example.org/"
        assert blocks[4][1]["question"] == "Is it my fault?"
        assert page.locale.language_code == "en"

    def test_home_page_audience_entries_saved_from_the_admin(self):
        target = add_guidance_page(self.home_pt, "Para cuidadores", "para-cuidadores")
        booklet = make_booklet(self.home_pt, "livreto-de-teste", chapters=0)
        data = nested_form_data(
            {
                "title": "Outra casa",
                "slug": "outra-casa",
                "intro": "Olá.",
                "sections": inline_formset([{"section_page": booklet.pk}]),
                "audience_entries": inline_formset(
                    [
                        {
                            "audience": "parents",
                            "heading": "Sou pai",
                            "summary": "Ajuda para pais.",
                            "link_page": target.pk,
                        }
                    ]
                ),
            }
        )
        self.assertCanCreate(Page.get_first_root_node(), HomePage, data)
        home = HomePage.objects.get(slug="outra-casa")
        entry = home.audience_entries.get()
        assert (entry.audience, entry.heading, entry.link_page_id) == (
            "parents",
            "Sou pai",
            target.pk,
        )
        assert [section.section_page_id for section in home.sections.all()] == [booklet.pk]

    def test_pages_render_and_preview_in_both_languages(self):
        for home in (self.home_pt, self.home_en):
            self.assertPageIsRenderable(home)
            self.assertPageIsPreviewable(home)
        for page in add_translated_guidance_page(self.home_pt):
            # The page's address is computed outside a request: in the page's language, not
            # the one the last admin request left active in this thread (the preview's
            # userbar gives the test's superuser a profile, and with it the admin's pt-pt).
            translation.activate(page.locale.language_code)
            self.assertPageIsRenderable(page)
            # StreamField data is built by the editor's JavaScript, so it is given here.
            post_data = nested_form_data(
                {
                    "title": page.title,
                    "slug": page.slug,
                    "intro": page.intro,
                    "body": streamfield([("text", rich_text("<p>Preview text.</p>"))]),
                }
            )
            self.assertPageIsPreviewable(page, post_data=post_data)


@pytest.mark.django_db
def test_home_page_has_audience_entry_points_in_both_languages(client):
    """The demo's home page, with the entries its loader gives it."""
    for language in ("pt", "en"):
        html = html_of(client.get(f"/{language}/"))
        entries = demo_audience_links(language)
        assert len(entries) == 3
        for text, href in entries:
            assert f'<a href="{href}">{text}</a>' in html


def add_section(home, page):
    home.sections.add(HomePageSection(section_page=page, sort_order=99))
    home.save_revision().publish()


@pytest.mark.django_db
def test_home_sections_show_only_when_their_page_exists(client, home_pt, home_en, locales):
    booklet = make_booklet(home_pt, "livreto-de-teste", chapters=0)
    target = BookletPage(
        title="Crescer online",
        slug="crescer-online",
        intro="Olá.",
        audience="Jovens",
        age_from=11,
        age_to=17,
        cover_image=booklet.cover_image,
        cover_alt_text="Um telemóvel.",
    )
    home_pt.add_child(instance=target)
    target.save_revision().publish()
    # A translated home page keeps pointing at the Portuguese page, as a copy does.
    for home in (home_pt, home_en):
        add_section(home, target)
    html = html_of(client.get("/pt/"))
    assert html.count('class="section section--booklet"') == 2 and "/pt/crescer-online/" in html
    html = html_of(client.get("/en/"))
    assert html.count('class="section section--booklet"') == 1, "no English page yet"

    english = target.copy_for_translation(locales["en"])
    english.slug = "growing-up-online"
    english.save_revision().publish()
    html = html_of(client.get("/en/"))
    assert html.count('class="section section--booklet"') == 2 and "/en/growing-up-online/" in html

    target.unpublish()
    assert "/pt/crescer-online/" not in html_of(client.get("/pt/"))
    assert booklet.live


@pytest.mark.django_db
def test_a_page_that_cannot_be_a_section_is_skipped(client, home_pt):
    """A guidance page has no section of its own: the home page leaves it out, no error."""
    sections = html_of(client.get("/pt/")).count('class="section ')
    assert sections == home_pt.sections.count()  # every demo section renders
    add_section(home_pt, add_guidance_page(home_pt, "Sem secção", "sem-seccao"))
    response = client.get("/pt/")
    assert response.status_code == 200
    assert html_of(response).count('class="section ') == sections
