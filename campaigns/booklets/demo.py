"""The demo booklet "Tu e a Internet" / "You and the Internet", in both languages.

Called by `load_demo_content` after the home and guidance pages exist. Running it again
changes nothing: pages and images that exist (found by slug and title) are left alone.
"""

from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.rich_text import RichText

from website.demo_tools import ensure_translation, publish
from website.sanitize import clean_rich_text

from . import demo_content, illustrations
from .models import BookletChapterPage, BookletPage


def load(home, english, stdout):
    images = {key: ensure_image(key) for key in illustrations.DRAWINGS}
    booklet = ensure_booklet(home, english, images)
    for position, chapter in enumerate(demo_content.CHAPTERS, start=1):
        ensure_chapter(booklet, english, chapter, images, position)
    point_home_pages_at(home, english, booklet)
    stdout.write(f"Booklet: {booklet.title} / {booklet.get_translation(english).title}")


def ensure_image(key):
    Image = get_image_model()
    title = demo_content.IMAGE_TITLES[key]
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title)
        image.file.save(
            f"booklet-{key}.png",
            ImageFile(_bytes_file(illustrations.png_bytes(key)), name=f"booklet-{key}.png"),
            save=False,
        )
        image.save()
    return image


def _bytes_file(data):
    from io import BytesIO

    return BytesIO(data)


def booklet_fields(language, images):
    texts = demo_content.BOOKLET[language]
    return {
        "title": texts["title"],
        "slug": texts["slug"],
        "search_description": texts["search_description"],
        "introduction": texts["introduction"],
        "audience": texts["audience"],
        "cover_alt_text": texts["cover_alt_text"],
        "cover_image": images["cover"],
        "age_from": demo_content.AGES[0],
        "age_to": demo_content.AGES[1],
    }


def ensure_booklet(home, english, images):
    slug = demo_content.BOOKLET["pt"]["slug"]
    booklet = BookletPage.objects.child_of(home).filter(slug=slug).first()
    if booklet is None:
        booklet = BookletPage(**booklet_fields("pt", images), show_in_menus=True)
        home.add_child(instance=booklet)
        publish(booklet)
    ensure_translation(booklet, english, booklet_fields("en", images))
    return booklet


def ensure_chapter(booklet, english, texts, images, position):
    portuguese = texts["pt"]
    chapter = BookletChapterPage.objects.child_of(booklet).filter(slug=portuguese["slug"]).first()
    if chapter is None:
        chapter = BookletChapterPage(
            title=portuguese["title"],
            slug=portuguese["slug"],
            summary=portuguese["summary"],
            body=build_body(portuguese["body"], images),
        )
        booklet.add_child(instance=chapter)
        publish(chapter)
    english_texts = texts["en"]
    ensure_translation(
        chapter,
        english,
        {
            "title": english_texts["title"],
            "slug": english_texts["slug"],
            "summary": english_texts["summary"],
            "body": build_body(english_texts["body"], images),
        },
    )
    return chapter


def build_body(blocks, images):
    """StreamField data from the demo's blocks, with rich text cleaned as the site does."""
    pages_by_slug = {}
    body = []
    for block in blocks:
        block_type = block[0]
        if block_type == "illustration":
            _type, key, alt_text, caption = block
            value = {"image": images[key], "alt_text": alt_text, "caption": caption}
        elif block_type == "text":
            value = RichText(clean_rich_text(block[1]))
        elif block_type == "help":
            value = dict(block[1])
            links = []
            for _kind, slug, label in value["links"]:
                if slug not in pages_by_slug:
                    pages_by_slug[slug] = Page.objects.filter(
                        slug=slug, locale__language_code="pt"
                    ).first()
                links.append({"label": label, "page": pages_by_slug[slug], "url": ""})
            value["links"] = links
        else:
            value = {
                key: RichText(clean_rich_text(item)) if key in {"text", "answer"} else item
                for key, item in block[1].items()
            }
        body.append((block_type, value))
    return body


def point_home_pages_at(home, english, booklet):
    """Each home page's booklet section: the home page shows its language's translation."""
    for page in (home, home.get_translation(english)):
        page = page.specific
        if page.booklet_page_id != booklet.pk:
            page.booklet_page = booklet
            publish(page)
