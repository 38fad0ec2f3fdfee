"""Pages for a test, in either language, with sensible defaults: guidance pages, alerts,
booklets and their chapters (the quiz's are in factories/quiz.py)."""

import datetime
import io

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail.rich_text import RichText

from campaigns.alerts.models import AlertIndexPage, AlertPage
from campaigns.booklets.models import BookletChapterPage, BookletPage
from website.models import GuidancePage
from website.translation_sync.sync import keep_translation_in_step


def add_guidance_page(parent, title, slug, **fields):
    page = GuidancePage(title=title, slug=slug, intro=fields.pop("intro", "Intro."), **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def add_translation(page, language, title, slug, **fields):
    """`page` translated into `language` (under its parent's translation), published and in
    step with its source, as a translator leaves it."""
    translation = page.copy_for_translation(Locale.objects.get(language_code=language))
    translation.title, translation.slug = title, slug
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    translation.save_revision().publish()
    keep_translation_in_step(translation)
    return type(page).objects.get(pk=translation.pk)


def add_translated_guidance_page(home_pt, slug="pagina-traduzida", slug_en="translated-page"):
    """A Portuguese guidance page and its English translation, both published."""
    page = add_guidance_page(home_pt, "Página traduzida", slug, intro="Uma página de teste.")
    return page, add_translation(page, "en", "Translated page", slug_en, intro="A test page.")


def index_for(language):
    return AlertIndexPage.objects.get(locale__language_code=language)


def add_alert(index, title, slug, **fields):
    values = {
        "summary": f"Summary of {title}.",
        "what_is_happening": "<p>Something is happening.</p>",
        "what_to_do": [("step", "Stop replying.")],
        "where_to_complain": [
            ("link", {"label": "Police", "page": None, "url": "https://example.org/"})
        ],
        "topic": "scams",
        "for_parents": True,
    } | fields
    if "published_date" in fields and "review_date" not in fields:
        values["review_date"] = fields["published_date"] + datetime.timedelta(days=180)
    alert = AlertPage(title=title, slug=slug, **values)
    index.add_child(instance=alert)
    alert.save_revision().publish()
    return alert


def add_urgent_alert(index, title, slug, ends_in=datetime.timedelta(days=1), **fields):
    """An alert in its language's urgent banner until `ends_in` from now (already over when
    negative)."""
    return add_alert(
        index, title, slug, urgent=True, urgent_until=timezone.now() + ends_in, **fields
    )


def make_image(title="Test picture", colour=(200, 30, 30)):
    buffer = io.BytesIO()
    PILImage.new("RGB", (160, 100), colour).save(buffer, format="PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=f"{title.replace(' ', '-')}.png")
    )


def chapter_body(images=1, text="Keep your password to yourself."):
    body = [("text", RichText(f"<p>{text}</p>"))]
    for number in range(images):
        body.append(
            (
                "illustration",
                {
                    "image": make_image(f"Picture {number}", (20 * number % 255, 90, 140)),
                    "alt_text": f"Picture number {number}",
                    "caption": "",
                },
            )
        )
    body.append(("steps", {"heading": "What to do", "steps": ["Stop.", "Tell someone."]}))
    return body


def add_chapter(booklet, title, slug, images=1, publish=True):
    chapter = BookletChapterPage(
        title=title, slug=slug, body=chapter_body(images, title), live=publish
    )
    booklet.add_child(instance=chapter)
    if publish:
        chapter.save_revision().publish()
    return chapter


def make_booklet(home, slug, chapters=2, images_per_chapter=1):
    booklet = BookletPage(
        title=f"Booklet {slug}",
        slug=slug,
        intro="A short guide.",
        audience="Young people",
        age_from=11,
        age_to=17,
        cover_image=make_image("Cover"),
        cover_alt_text="A drawn cover",
    )
    home.add_child(instance=booklet)
    booklet.save_revision().publish()
    for number in range(chapters):
        add_chapter(booklet, f"Chapter {slug} {number}", f"chapter-{number}", images_per_chapter)
    return BookletPage.objects.get(pk=booklet.pk)
