"""Reading a booklet: the booklet and chapter pages, the language switch, the print view,
its headings, and query counts that do not grow with chapters or images."""

import itertools
import re
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaigns.booklets.models import BookletPage
from tests.factories.pages import add_chapter, make_booklet
from tests.support.demo import (
    DEMO_BOOKLET_EN,
    DEMO_BOOKLET_PT,
    DEMO_CHAPTER_SLUGS_EN,
    DEMO_CHAPTER_SLUGS_PT,
    DEMO_CHAPTERS_EN,
    DEMO_CHAPTERS_PT,
)
from tests.support.pages import html_of
from tests.support.pdf import get_pdf, pdf_headings

# --- Reading on the web -------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "titles", "words"),
    [
        (
            DEMO_BOOKLET_PT,
            DEMO_CHAPTERS_PT,
            ["Índice", "Dos 11 aos 17 anos", "Descarregar o livro (PDF)", "Jovens, e os pais"],
        ),
        (
            DEMO_BOOKLET_EN,
            DEMO_CHAPTERS_EN,
            ["Contents", "Ages 11 to 17", "Download the booklet (PDF)", "Young people, and"],
        ),
    ],
)
def test_booklet_page_shows_cover_introduction_readers_contents_and_download(
    client, url, titles, words
):
    html = html_of(client.get(url))
    booklet = BookletPage.objects.get(url_path__endswith=url.split("/")[2] + "/")
    assert re.search(
        rf'<img alt="{re.escape(booklet.cover_alt_text)}"[^>]+src="/media/images/', html
    )
    assert booklet.intro.split("\n")[0] in html
    for word in words:
        assert word in html
    contents = html[html.index('id="contents-heading"') :]
    links = re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', contents)
    assert [title for _href, title in links][: len(titles)] == titles
    for href, _title in links:
        assert href.startswith(url) and client.get(href).status_code == 200
    assert f'href="{url}pdf/"' in html


@pytest.mark.django_db
def test_download_button_shows_the_file_size_once_the_pdf_is_made(client, booklets):
    booklet, _english = booklets
    response, data = get_pdf(client, f"{DEMO_BOOKLET_PT}pdf/")
    html = html_of(client.get(DEMO_BOOKLET_PT))
    size = re.search(r'class="booklet__download-size">, ([^<]+)</span>', html)
    assert size, "the size appears next to the button"
    kilobytes = len(data) / 1024
    assert size.group(1) == f"{kilobytes:.1f}\xa0KB".replace(".", ",")


@pytest.mark.django_db
def test_chapters_link_to_previous_next_and_the_contents(client):
    first = html_of(client.get(f"{DEMO_BOOKLET_EN}{DEMO_CHAPTER_SLUGS_EN[0]}/"))
    assert 'rel="prev"' not in first
    assert (
        f'<a href="{DEMO_BOOKLET_EN}{DEMO_CHAPTER_SLUGS_EN[1]}/" rel="next">'
        f'<span class="chapter-nav__label">Next chapter</span> {DEMO_CHAPTERS_EN[1]}</a>' in first
    )
    assert f'<a href="{DEMO_BOOKLET_EN}#contents">Back to the contents</a>' in first
    assert "Chapter 1 of 6" in first

    middle = html_of(client.get(f"{DEMO_BOOKLET_PT}{DEMO_CHAPTER_SLUGS_PT[3]}/"))
    assert f'href="{DEMO_BOOKLET_PT}{DEMO_CHAPTER_SLUGS_PT[2]}/" rel="prev"' in middle
    assert f'href="{DEMO_BOOKLET_PT}{DEMO_CHAPTER_SLUGS_PT[4]}/" rel="next"' in middle
    assert "Capítulo 4 de 6" in middle and "Capítulo seguinte" in middle
    assert "material de abuso sexual de crianças" in middle

    last = html_of(client.get(f"{DEMO_BOOKLET_EN}{DEMO_CHAPTER_SLUGS_EN[5]}/"))
    assert 'rel="next"' not in last
    assert f'href="{DEMO_BOOKLET_EN}{DEMO_CHAPTER_SLUGS_EN[4]}/" rel="prev"' in last


@pytest.mark.django_db
def test_drafts_stay_out_of_the_contents_and_the_chapter_links(client, booklets):
    booklet, _english = booklets
    draft = add_chapter(booklet, "Rascunho secreto", "rascunho", publish=False)
    assert not draft.live
    assert "Rascunho secreto" not in html_of(client.get(DEMO_BOOKLET_PT))
    last = html_of(client.get(f"{DEMO_BOOKLET_PT}{DEMO_CHAPTER_SLUGS_PT[5]}/"))
    assert 'rel="next"' not in last
    assert "Rascunho secreto" not in html_of(client.get(f"{DEMO_BOOKLET_PT}print/"))


@pytest.mark.django_db
def test_language_switch_leads_to_the_same_chapter(client):
    html = html_of(client.get(f"{DEMO_BOOKLET_PT}{DEMO_CHAPTER_SLUGS_PT[1]}/"))
    assert (
        f'hreflang="en" href="http://testserver{DEMO_BOOKLET_EN}{DEMO_CHAPTER_SLUGS_EN[1]}/"'
        in html
    )
    assert f'<a href="{DEMO_BOOKLET_EN}{DEMO_CHAPTER_SLUGS_EN[1]}/" hreflang="en"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "other_language", "other_url"),
    [
        (f"{DEMO_BOOKLET_PT}print/", "en", f"{DEMO_BOOKLET_EN}print/"),
        (f"{DEMO_BOOKLET_EN}print/", "pt", f"{DEMO_BOOKLET_PT}print/"),
    ],
)
def test_print_view_alternates_and_language_switch_lead_to_the_other_print_view(
    client, url, other_language, other_url
):
    html = html_of(client.get(url))
    language = url[1:3]
    alternates = dict(
        re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html)
    )
    assert alternates == {
        language: f"http://testserver{url}",
        other_language: f"http://testserver{other_url}",
        "x-default": "http://testserver/",
    }
    assert f'<a href="{other_url}" hreflang="{other_language}"' in html
    # The contents page keeps its own alternates.
    contents = html_of(client.get(url.removesuffix("print/")))
    assert (
        f'hreflang="{other_language}" href="http://testserver{other_url.removesuffix("print/")}"'
        in contents
    )


@pytest.mark.django_db
def test_print_view_of_an_untranslated_booklet_has_only_its_own_alternate(client, home_en):
    make_booklet(home_en, "only-english", chapters=1)
    html = html_of(client.get("/en/only-english/print/"))
    alternates = dict(
        re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html)
    )
    assert alternates == {
        "en": "http://testserver/en/only-english/print/",
        "x-default": "http://testserver/",
    }
    assert '<a href="/pt/" hreflang="pt"' in html


@pytest.mark.django_db
def test_home_pages_lead_to_the_booklet_in_their_language(client):
    assert f'href="{DEMO_BOOKLET_PT}"' in html_of(client.get("/pt/"))
    assert f'href="{DEMO_BOOKLET_EN}"' in html_of(client.get("/en/"))


@pytest.mark.django_db
def test_booklet_pages_load_their_stylesheet(client):
    for url in (DEMO_BOOKLET_PT, f"{DEMO_BOOKLET_EN}print/"):
        assert "booklets/css/booklet.css" in html_of(client.get(url))


# --- Print --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_print_page_holds_the_whole_booklet_with_answers_open(client):
    html = html_of(client.get(f"{DEMO_BOOKLET_EN}print/"))
    main = html[html.index("<main") :]
    positions = [main.index(f"</span> {title}</h2>") for title in DEMO_CHAPTERS_EN]
    assert positions == sorted(positions), "chapters in order"
    assert "<details" not in main, "answers print open"
    assert "What if I already sent a photo I regret?" in main
    assert "There are ways to ask for the image to be taken down." in main
    assert main.count('<img alt="') >= 7, "the cover and an illustration per chapter"
    # The contents point inside the page.
    assert re.search(rf'<li><a href="#chapter-\d+">{DEMO_CHAPTERS_EN[1]}</a></li>', main)


def heading_levels(html):
    """(level, text) of every heading in the page's main content, in order."""
    main = html[html.index("<main") :]
    return [
        (int(level), re.sub(r"<[^>]+>", "", text).strip())
        for level, text in re.findall(r"<h([1-6])\b[^>]*>(.*?)</h\1>", main, re.S)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("url", [f"{DEMO_BOOKLET_EN}print/", f"{DEMO_BOOKLET_PT}print/"])
def test_print_page_headings_nest_under_the_chapter_titles(client, url):
    levels = heading_levels(html_of(client.get(url)))
    assert levels[0][0] == 1
    titles = [text for level, text in levels if level == 2]
    assert len(titles) == 1 + 6, titles  # the contents and one per chapter
    assert all(level in (3, 4) for level, _text in levels[2:] if level != 2)
    assert any(level == 3 for level, _text in levels), "steps, help and text headings"
    # A heading never skips a level on the way down.
    for (before, _b), (after, _a) in itertools.pairwise(levels):
        assert after <= before + 1, levels


@pytest.mark.django_db
def test_block_and_text_headings_keep_h2_on_a_chapter_page(client):
    levels = heading_levels(html_of(client.get(f"{DEMO_BOOKLET_EN}{DEMO_CHAPTER_SLUGS_EN[3]}/")))
    assert (2, "Intimate images") in levels
    levels = heading_levels(html_of(client.get(f"{DEMO_BOOKLET_EN}{DEMO_CHAPTER_SLUGS_EN[5]}/")))
    assert all(level in (1, 2) for level, _text in levels), levels
    assert [level for level, _text in levels].count(2) >= 2


@pytest.mark.django_db
def test_pdf_headings_nest_under_the_chapter_titles(client):
    _response, data = get_pdf(client, f"{DEMO_BOOKLET_EN}pdf/")
    levels = pdf_headings(data)
    # About, contents, six chapters, "Need help?": everything else sits below them.
    assert levels.count(2) == 9, levels
    assert levels.count(3) >= 6, levels


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        f"{DEMO_BOOKLET_EN}{DEMO_CHAPTER_SLUGS_EN[3]}/",
        f"{DEMO_BOOKLET_EN}print/",
        f"{DEMO_BOOKLET_PT}{DEMO_CHAPTER_SLUGS_PT[3]}/",
    ],
)
def test_did_you_know_is_a_note_not_a_landmark(client, url):
    html = html_of(client.get(url))
    assert "<aside" not in html[html.index("<main") :]
    assert '<div class="did-you-know" role="note">' in html


def test_print_stylesheets_hide_navigation_and_write_links_out():
    from django.contrib.staticfiles import finders

    css = Path(finders.find("booklets/css/booklet.css")).read_text(encoding="utf-8")
    print_rules = css[css.index("@media print") :]
    for selector in (".site-header", ".site-footer", ".chapter-nav", ".booklet__download"):
        assert selector in print_rules.split("{")[1], selector
    site_print = Path(finders.find("website/css/print.css")).read_text(encoding="utf-8")
    assert 'content: " (" attr(href) ")"' in site_print


# --- Query counts -------------------------------------------------------------------------


def count_queries(client, url):
    client.get(url)  # warm up: renditions and site caches are made once
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_booklet_page_uses_the_same_queries_for_2_or_6_chapters(
    client,
    home_pt,
    django_assert_num_queries,
    django_assert_max_num_queries,
    django_capture_on_commit_callbacks,
):
    # Published: their PDFs are made after the commit, and the button shows their size.
    with django_capture_on_commit_callbacks(execute=True):
        small = make_booklet(home_pt, "pequeno", chapters=2, images_per_chapter=1)
        large = make_booklet(home_pt, "grande", chapters=6, images_per_chapter=3)
    expected = count_queries(client, small.url)
    client.get(large.url)
    with django_assert_num_queries(expected):
        html = html_of(client.get(large.url))
    assert html.count('<li><a href="/pt/grande/chapter-') == 6
    assert 'class="booklet__download-size"' in html
    with django_assert_max_num_queries(12):
        client.get(small.url)

    expected = count_queries(client, small.url + "print/")
    client.get(large.url + "print/")
    with django_assert_num_queries(expected):
        html = html_of(client.get(large.url + "print/"))
    assert html.count('alt="Picture number') == 18


@pytest.mark.django_db
def test_chapter_page_uses_the_same_queries_whatever_its_images_and_siblings(
    client, home_pt, django_assert_num_queries, django_assert_max_num_queries
):
    small = make_booklet(home_pt, "pequeno", chapters=2, images_per_chapter=1)
    large = make_booklet(home_pt, "grande", chapters=6, images_per_chapter=4)
    small_chapter = small.url + "chapter-1/"
    large_chapter = large.url + "chapter-3/"
    expected = count_queries(client, small_chapter)
    client.get(large_chapter)
    with django_assert_num_queries(expected):
        html = html_of(client.get(large_chapter))
    assert html.count('alt="Picture number') == 4
    with django_assert_max_num_queries(12):
        client.get(small_chapter)
