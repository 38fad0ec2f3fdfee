"""The demo booklet: complete in both languages, in words that never blame a young person."""

import re

import pytest

from campaigns.booklets.models import BookletChapterPage
from tests.support.demo import DEMO_CHAPTERS_EN, DEMO_CHAPTERS_PT

# --- Demo content -------------------------------------------------------------------------


@pytest.mark.django_db
def test_demo_booklet_is_complete_in_both_languages(booklets, home_pt, home_en):
    booklet, english = booklets
    for page, titles in ((booklet, DEMO_CHAPTERS_PT), (english, DEMO_CHAPTERS_EN)):
        chapters = BookletChapterPage.objects.child_of(page).live().order_by("path")
        assert [chapter.title for chapter in chapters] == titles
        assert page.cover_image and page.cover_alt_text
        for chapter in chapters:
            illustrations = [
                block.value for block in chapter.body if block.block_type == "illustration"
            ]
            assert illustrations, chapter.title
            assert all(value["image"] and value["alt_text"] for value in illustrations)
    assert english.locale.language_code == "en" and english.live
    assert booklet.pk in [s.section_page_id for s in home_pt.sections.all()]
    assert booklet.pk in [s.section_page_id for s in home_en.sections.all()]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("slug", "said", "never_said"),
    [
        (
            "partilhar-imagens",
            [
                "Quem pede estas imagens, as passa a outras pessoas ou ameaça partilhá-las "
                "comete um crime.",
                "Se enviaste uma imagem tua, a culpa não é tua.",
                "A linha de alerta ajuda-te a pedir que a imagem seja retirada.",
                "fala com um adulto de confiança",
            ],
            ["Partilhá-las é crime", "toda a escola"],
        ),
        (
            "sharing-images",
            [
                "People who ask for these images, pass them on or threaten to share them "
                "commit a crime.",
                "If you sent a picture of yourself, you are not to blame.",
                "The alert line can help you ask for the image to be taken down.",
                "talk to an adult you trust",
            ],
            ["Sharing them is a crime", "whole school"],
        ),
    ],
)
def test_demo_chapter_on_sharing_images_never_blames_the_young_person(slug, said, never_said):
    chapter = BookletChapterPage.objects.get(slug=slug)
    text = " ".join(
        str(block.value.source if hasattr(block.value, "source") else block.value)
        for block in chapter.body
    )
    text = re.sub(r"<[^>]+>", " ", text)
    for words in said:
        assert words in text, words
    for words in never_said:
        assert words not in text, words
    assert "pornogra" not in text.lower()
