"""Readability that fits each language, and the side-by-side preview.

The known texts' values are computed by hand from the formulas, with syllables counted
by hand (the dictionary division: sa-ú-de, á-gua), and the tests allow ±2.
"""

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.models import Page, get_page_models
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from campaigns.booklets.models import BookletChapterPage
from tests.factories.pages import make_booklet
from tests.support.admin import signed_in_as
from tests.support.pages import html_of
from website.models import GuidancePage
from website.readability.scoring import (
    english_syllables,
    measure,
    portuguese_syllables,
)

# Four sentences, 23 words, 47 syllables:
# Tu(1) não(1) es-tás(2) so-zi-nho(3) | Se(1) al-guém(2) te(1) pe-de(2) fo-to-gra-fi-as(5)
# fa-la(2) com(1) um(1) a-dul-to(3) de(1) con-fi-an-ça(4) | A(1) tu-a(2) sa-ú-de(3)
# im-por-ta(3) | Be-be(2) á-gua(2) e(1) des-can-sa(3)
# 248.835 - 1.015 x 23/4 - 84.6 x 47/23 = 70.12
PT_TITLE = "Tu não estás sozinho"
PT_INTRO = "Se alguém te pede fotografias, fala com um adulto de confiança."
PT_BODY = ["A tua saúde importa.", "Bebe água e descansa."]
PT_SCORE = 248.835 - 1.015 * 23 / 4 - 84.6 * 47 / 23

# Four sentences, 23 words, 29 syllables:
# You are not a-lone (5) | If some-one asks you for pho-tos, talk to an a-dult you trust (15)
# Your health mat-ters (4) | Drink wa-ter and rest (5)
# 206.835 - 1.015 x 23/4 - 84.6 x 29/23 = 94.33
EN_TITLE = "You are not alone"
EN_INTRO = "If someone asks you for photos, talk to an adult you trust."
EN_BODY = ["Your health matters.", "Drink water and rest."]
EN_SCORE = 206.835 - 1.015 * 23 / 4 - 84.6 * 29 / 23

# One long sentence of long words: far below "easy" for young people.
PT_DENSE = (
    "A investigação criminal da criminalidade informática relacionada com a exploração "
    "sexual de crianças compreende, nomeadamente, o aliciamento, a extorsão sexual e a "
    "partilha não consentida de imagens íntimas, em articulação institucional com o "
    "Ministério Público."
)


def pt_text():
    return "\n".join([PT_TITLE, PT_INTRO, *PT_BODY])


def en_text():
    return "\n".join([EN_TITLE, EN_INTRO, *EN_BODY])


# --- The formulas, on known texts -------------------------------------------------------


def test_portuguese_syllables_keep_hiatus_apart():
    assert portuguese_syllables("saúde") == 3  # sa-ú-de: a hiatus, not a diphthong
    assert portuguese_syllables("água") == 2  # á-gua
    # Dictionaries divide ó-di-o (the orthographic division, which the count follows);
    # hyphenation dictionaries (Pyphen, and textstat through it) cannot split one letter
    # off a word's ends at all.
    assert portuguese_syllables("ódio") == 3
    assert portuguese_syllables("país") == 2
    assert portuguese_syllables("criança") == 3


def test_english_syllables_follow_the_usual_heuristic():
    counts = {"alone": 2, "someone": 2, "table": 2, "make": 1, "wanted": 2, "health": 1}
    assert {word: english_syllables(word) for word in counts} == counts


def test_portuguese_text_is_scored_with_martins_flesch_for_portuguese():
    result = measure(pt_text(), "pt")
    assert (result.words, result.sentences, result.syllables) == (23, 4, 47)
    assert result.score == pytest.approx(PT_SCORE, abs=2)
    assert result.band.minimum == 50  # "easy": 50 to 75
    assert result.minutes == 1


def test_english_text_is_scored_with_flesch_reading_ease():
    result = measure(en_text(), "en-gb")
    assert (result.words, result.sentences) == (23, 4)
    assert result.score == pytest.approx(EN_SCORE, abs=2)
    assert result.band.minimum == 90  # "very easy": 90 and over


def test_each_audience_has_its_target():
    dense = measure(PT_DENSE, "pt", "young_people")
    assert dense.score < 25 and not dense.meets_target
    assert dense.target.minimum == 50
    easy = measure(pt_text(), "pt", "young_people")
    assert easy.meets_target
    assert measure(pt_text(), "pt", "standard").target.minimum == 40
    assert measure(en_text(), "en", "young_people").target.minimum == 70


def test_reading_time_uses_each_languages_speed():
    words = " ".join(["palavra"] * 600)
    assert measure(words, "pt").minutes == 3  # 600 / 200 words a minute
    assert measure(words.replace("palavra", "word"), "en").minutes == 3  # 600 / 238


# --- Through the admin ------------------------------------------------------------------


def guidance_form(page, title, intro, paragraphs):
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "intro": intro,
            "body": streamfield([("text", rich_text(body))]),
        }
    )


def preview(client, page, data, mode=""):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    assert client.post(url, data).json()["is_valid"]
    response = client.get(url, {"mode": mode})
    assert response.status_code == 200
    return html_of(response)


def report_of(html):
    match = re.search(r'<div id="readability-report"([^>]*)></div>', html)
    assert match, "the preview carries the readability report"
    return dict(re.findall(r'data-([\w-]+)="([^"]*)"', match.group(1)))


@pytest.mark.django_db
def test_the_preview_reports_the_portuguese_score_for_its_audience(client, translated_page):
    signed_in_as(client, "editor", "en")
    page, _english = translated_page
    report = report_of(preview(client, page, guidance_form(page, PT_TITLE, PT_INTRO, PT_BODY)))
    assert report["language"] == "pt"
    assert abs(int(report["score"]) - PT_SCORE) <= 2
    assert report["words"] == "23" and report["syllables"] == "47"
    assert report["band"] == "easy: school years 5 to 8 (ages 10 to 14)"
    assert report["target"] == "standard (40 or more) for parents and educators"
    assert report["reading-time"] == "1 min"
    assert "below-target" not in report


@pytest.mark.django_db
def test_the_preview_reports_the_english_score_in_the_editors_language(client, translated_page):
    signed_in_as(client, "editor", "pt-pt")
    _page, english = translated_page
    data = guidance_form(english, EN_TITLE, EN_INTRO, EN_BODY)
    report = report_of(preview(client, english, data))
    assert report["language"] == "en"
    assert abs(int(report["score"]) - EN_SCORE) <= 2
    assert report["band"] == "muito fácil: 5.º ano dos EUA (10 a 11 anos)"
    assert report["target"] == "padrão (60 ou mais) para pais e educadores"


def chapter_form(chapter, text):
    return nested_form_data(
        {
            "title": chapter.title,
            "slug": chapter.slug,
            "summary": "",
            "body": streamfield([("text", rich_text(f"<p>{text}</p>"))]),
        }
    )


@pytest.mark.django_db
def test_a_hard_chapter_is_flagged_below_the_young_peoples_target(client, home_pt):
    signed_in_as(client, "editor", "en")
    booklet = make_booklet(home_pt, "livreto-de-teste", chapters=1)
    chapter = BookletChapterPage.objects.child_of(booklet).get()
    report = report_of(preview(client, chapter, chapter_form(chapter, PT_DENSE * 4)))
    assert report["audience"] == "young_people"
    assert report["below-target"] == "pt-young_people"
    assert report["target"] == "easy (50 or more) for young people"


def axe_configuration(html):
    match = re.search(
        r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>',
        html,
        re.S,
    )
    return json.loads(match.group(1))


def assert_flags_the_report(configuration, rule):
    custom = {each["id"]: each for each in configuration["spec"]["rules"]}
    assert custom[rule]["selector"] == f'#readability-report[data-below-target="{rule[12:]}"]'
    assert rule in configuration["options"]["runOnly"]


@pytest.mark.django_db
def test_the_checks_panel_shows_the_hint_in_english_and_portuguese(client, home_pt):
    booklet = make_booklet(home_pt, "livreto-de-teste", chapters=1)
    chapter = BookletChapterPage.objects.child_of(booklet).get()
    edit_url = reverse("wagtailadmin_pages:edit", args=[chapter.pk])

    signed_in_as(client, "editor", "en")
    html = html_of(client.get(edit_url))
    configuration = axe_configuration(html)
    assert_flags_the_report(configuration, "readability-pt-young_people")
    message = configuration["messages"]["readability-pt-young_people"]
    assert message["error_name"] == "Harder to read than the target for young people"
    assert "aim for 50 or more" in message["help_text"]
    assert "Readability for its language" in html
    assert "readability/js/checks-panel.js" in html
    # Wagtail's own checks are still there.
    assert "alt-text-quality" in configuration["options"]["runOnly"]

    signed_in_as(client, "editor", "pt-pt")
    html = html_of(client.get(edit_url))
    message = axe_configuration(html)["messages"]["readability-en-standard"]
    assert message["error_name"] == "Mais difícil de ler do que o alvo para pais e educadores"
    assert "Legibilidade na sua língua" in html


@pytest.mark.django_db
def test_the_previews_checks_dialog_flags_the_report_too(client, home_pt):
    signed_in_as(client, "editor", "en")
    booklet = make_booklet(home_pt, "livreto-de-teste", chapters=1)
    chapter = BookletChapterPage.objects.child_of(booklet).get()
    html = preview(client, chapter, chapter_form(chapter, PT_DENSE))
    assert_flags_the_report(axe_configuration(html), "readability-pt-young_people")


# --- Portuguese and English side by side ------------------------------------------------


def test_every_page_type_offers_the_side_by_side_preview(db):
    for model in get_page_models():
        if model is Page or not model.is_creatable:
            continue
        modes = dict(model().preview_modes)
        with translation.override("en"):
            assert modes["bilingual"] == "Portuguese and English side by side", model
        with translation.override("pt"):
            assert modes["bilingual"] == "Português e inglês lado a lado", model


def test_a_page_types_own_preview_modes_are_kept(db):
    from quiz.models import QuizPage

    modes = dict(QuizPage().preview_modes)
    assert "result" in modes and "bilingual" in modes
    assert list(modes).count("bilingual") == 1


def srcdoc_of(html, language):
    match = re.search(
        rf'data-bilingual-side="{language}">.*?<iframe[^>]*srcdoc="([^"]*)"', html, re.S
    )
    return match and match.group(1)


@pytest.mark.django_db
def test_the_draft_is_shown_beside_its_translations_latest_revision(client, translated_page):
    signed_in_as(client, "editor", "en")
    page, english = translated_page
    # The translation's latest revision is a draft, not yet published.
    english.title = "Latest English draft"
    english.save_revision()
    html = preview(client, page, guidance_form(page, PT_TITLE, PT_INTRO, PT_BODY), mode="bilingual")
    assert "Portuguese and English side by side" in html
    portuguese_side, english_side = srcdoc_of(html, "pt"), srcdoc_of(html, "en")
    assert PT_INTRO in portuguese_side
    assert "&lt;html lang=&quot;pt&quot;" in portuguese_side
    assert "Latest English draft" in english_side
    assert "&lt;html lang=&quot;en&quot;" in english_side
    assert "English</span>: latest draft, not published yet" in html
    assert html.index('data-bilingual-side="pt"') < html.index('data-bilingual-side="en"')
    assert "<script>" not in html


@pytest.mark.django_db
def test_a_page_without_translation_says_so_in_the_editors_language(client, home_pt):
    signed_in_as(client, "editor", "pt-pt")
    alone = GuidancePage(title="Só em português", slug="so-em-portugues", intro="Olá.", body=[])
    home_pt.add_child(instance=alone)
    alone.save_revision()
    html = preview(client, alone, guidance_form(alone, PT_TITLE, PT_INTRO, PT_BODY), "bilingual")
    assert "Português e inglês lado a lado" in html
    assert PT_INTRO in srcdoc_of(html, "pt")
    assert srcdoc_of(html, "en") is None
    assert "Esta página ainda não tem tradução nesta língua." in html


@pytest.mark.django_db
def test_the_side_by_side_mode_is_listed_in_the_editor(client, translated_page):
    signed_in_as(client, "editor", "en")
    page, _english = translated_page
    html = html_of(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
    assert '<option value="bilingual"' in html
    assert "Portuguese and English side by side" in html


def test_content_checker_items_keep_their_own_rules():
    from website.readability.checks import add_readability_rules

    item = ContentCheckerItem()
    add_readability_rules(item)
    ids = [rule["id"] for rule in item.axe_custom_rules]
    assert ids[:2] == ["alt-text-quality", "empty-meta-description"]
    assert "readability-pt-young_people" in ids
    assert ContentCheckerItem.axe_custom_rules[-1]["id"] == "empty-meta-description"


@pytest.mark.django_db
def test_previews_can_be_framed_by_the_editor_and_carry_the_checker(
    client, translated_page, home_pt
):
    """Wagtail serves a preview through the middleware again at the page's address: it
    got the public policy (frame-ancestors 'none'), so the preview panel stayed blank, and
    the public templates have no userbar, so the Checks panel never ran."""
    signed_in_as(client, "editor", "en")
    booklet = make_booklet(home_pt, "livreto-de-teste", chapters=1)
    chapter = BookletChapterPage.objects.child_of(booklet).get()
    page, _english = translated_page
    for previewed, data, mode in [
        (chapter, chapter_form(chapter, "Olá."), ""),
        (page, guidance_form(page, PT_TITLE, PT_INTRO, PT_BODY), "bilingual"),
    ]:
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[previewed.pk])
        assert client.post(url, data).json()["is_valid"]
        response = client.get(url, {"mode": mode, "in_preview_panel": "true"})
        policy = response.headers["Content-Security-Policy"]
        assert "frame-ancestors 'self'" in policy
        assert "script-src 'self';" in policy, "still no inline scripts"
        assert "wagtail-userbar-template" in html_of(response)
