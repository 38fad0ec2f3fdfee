"""The one way every app builds its demo content: find it, or create, publish, translate.

A demo page is described by one dictionary per language (`{"pt": {...}, "en": {...}}`),
plus the fields both languages share. It is found by its Portuguese slug under its parent,
or created and published; its English translation is made once the same way. Existing pages
are never changed, so running the loader again changes nothing and an editor's changes to
the demo are kept.

StreamField content is written as a list of `(block name, value)` pairs, with rich text as
plain HTML: `to_stream_value` walks the field's own blocks, so rich text is cleaned wherever
it sits (inside structs, lists and nested streams) and nothing else needs converting. A
rich-text field is plain HTML too, cleaned the same way. Child relations (inline panels)
are lists of unsaved objects, given in each language's dictionary: a child object belongs
to one page, so each language needs its own.
"""

from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import RichText

from .sanitize import clean_rich_text
from .translation_sync.sync import keep_translation_in_step


def publish(page):
    page.save_revision().publish()
    # The demo writes both languages together: a translation it publishes is in step with
    # its source as the source is now (the home page's sections are added to both later).
    keep_translation_in_step(page)
    return page


def ensure_page(parent, page_class, texts, english, **shared):
    """The Portuguese page under `parent` with its English translation, both published."""
    portuguese = texts["pt"]
    page = page_class.objects.child_of(parent).filter(slug=portuguese["slug"]).first()
    if page is None:
        page = page_class()
        fill(page, {**shared, **portuguese})
        parent.add_child(instance=page)
        publish(page)
    if "en" in texts and not page.has_translation(english):
        translation = page.copy_for_translation(english)
        fill(translation, {**shared, **texts["en"]})
        translation.save()
        publish(translation)
    return page


def fill(page, fields):
    for name, value in fields.items():
        field = page._meta.get_field(name) if hasattr(page, name) else None
        if isinstance(field, StreamField) and isinstance(value, list):
            value = to_stream_value(field.stream_block, value)
        elif isinstance(field, RichTextField) and isinstance(value, str):
            value = clean_rich_text(value)
        setattr(page, name, value)


def to_stream_value(block, value):
    """Demo data (pairs, dicts, lists, HTML strings) as the python value of `block`."""
    if isinstance(block, blocks.RichTextBlock):
        return RichText(clean_rich_text(value)) if isinstance(value, str) else value
    if isinstance(block, blocks.StreamBlock):
        return [(name, to_stream_value(block.child_blocks[name], item)) for name, item in value]
    if isinstance(block, blocks.ListBlock):
        return [to_stream_value(block.child_block, item) for item in value]
    if isinstance(block, blocks.StructBlock):
        given = {
            name: to_stream_value(block.child_blocks[name], item) for name, item in value.items()
        }
        return block.normalize(
            {
                name: given.get(name, child.get_default())
                for name, child in block.child_blocks.items()
            }
        )
    return value


def add_home_section(home, page, english=None, position=0):
    """Show `page` as a section of the home page (each language shows its translation).

    `position` orders the demo's sections whatever order the apps load in: the alert line
    (10), the alerts (20), the quiz (30), the booklet (40). Editors reorder them freely.
    """
    homes = [home.specific]
    if english is not None and home.has_translation(english):
        homes.append(home.get_translation(english).specific)
    for each_home in homes:
        if not each_home.sections.filter(section_page=page).exists():
            each_home.sections.add(each_home.sections.model(section_page=page, sort_order=position))
            publish(each_home)
