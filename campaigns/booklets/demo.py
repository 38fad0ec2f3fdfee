"""The demo booklet "Tu e a Internet" / "You and the Internet", in both languages.

Called by `load_demo_content` after the home and guidance pages exist. Running it again
changes nothing: pages and images that exist (found by slug and title) are left alone.
"""

from io import BytesIO

from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Page

from website.demo import add_home_section, ensure_page

from . import demo_content, illustrations
from .models import BookletChapterPage, BookletPage


def load(home, english, stdout):
    images = {key: ensure_image(key) for key in illustrations.DRAWINGS}
    booklet = ensure_page(
        home,
        BookletPage,
        demo_content.BOOKLET,
        english,
        cover_image=images["cover"],
        age_from=demo_content.AGES[0],
        age_to=demo_content.AGES[1],
        show_in_menus=True,
    )
    for chapter in demo_content.CHAPTERS:
        texts = {
            language: {**fields, "body": with_objects(fields["body"], images)}
            for language, fields in chapter.items()
        }
        ensure_page(booklet, BookletChapterPage, texts, english)
    add_home_section(home, booklet, english, position=40)
    stdout.write(f"Booklet: {booklet.title} / {booklet.get_translation(english).title}")


def ensure_image(key):
    Image = get_image_model()
    title = demo_content.IMAGE_TITLES[key]
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title)
        png = ImageFile(BytesIO(illustrations.png_bytes(key)), name=f"booklet-{key}.png")
        image.file.save(f"booklet-{key}.png", png, save=False)
        image.save()
    return image


def with_objects(blocks, images):
    """The body with drawing keys and page slugs replaced by the images and pages."""
    body = []
    for name, value in blocks:
        if name == "illustration":
            value = {**value, "image": images[value["image"]]}
        elif name == "help":
            links = [{**link, "page": demo_page(link["page"])} for link in value["links"]]
            value = {**value, "links": links}
        body.append((name, value))
    return body


def demo_page(slug):
    return Page.objects.filter(slug=slug, locale__language_code="pt").first()
