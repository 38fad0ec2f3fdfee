"""Every text a visitor reads on a page, with where it sits (for the message).

Found from the models, for every page type: text and rich-text fields, StreamField blocks
(walked down through structs, lists and nested streams), and the page's inline children
(a quiz's questions, their answers, its bands), from the page form while an editor works
or from a saved revision when a moderator approves. A block marked `wording_exempt` (the
legal citation) is skipped with everything inside it.
"""

from dataclasses import dataclass, field

from django.db import models
from django.utils.text import capfirst
from modelcluster.models import get_all_child_relations
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import RichText

from .matching import plain_text

# Text fields that readers never read: addresses and Wagtail's own copies.
NOT_READ_FIELDS = {"slug", "url_path", "draft_title"}
NOT_READ_FIELD_TYPES = (models.SlugField, models.URLField, models.EmailField)
NOT_READ_BLOCK_TYPES = (blocks.URLBlock, blocks.EmailBlock, blocks.ChoiceBlock)


@dataclass
class Piece:
    path: tuple  # labels, from the page down: ("Question 2", "Answer 1", "Tip")
    text: str
    form: object = field(default=None, repr=False)  # the form and field to mark, if any
    field_name: str = ""

    @property
    def place(self):
        return " › ".join(str(label) for label in self.path)


def is_read_field(model_field):
    if not isinstance(model_field, models.Field) or model_field.name in NOT_READ_FIELDS:
        return False
    if isinstance(model_field, NOT_READ_FIELD_TYPES) or model_field.choices:
        return False
    return isinstance(model_field, models.CharField | models.TextField | StreamField)


def field_label(model_field):
    return capfirst(model_field.verbose_name)


def texts_of_value(model_field, value):
    """The texts of one field's value: plain, rich (HTML) or a stream."""
    if isinstance(model_field, StreamField):
        yield from texts_of_block(model_field.stream_block, value)
    elif isinstance(value, str) and value:
        yield plain_text(value) if isinstance(model_field, RichTextField) else value


def texts_of_block(block, value):
    if value is None or getattr(block, "wording_exempt", False):
        return
    if isinstance(block, NOT_READ_BLOCK_TYPES):
        return
    if isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from texts_of_block(child.block, child.value)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from texts_of_block(child_block, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from texts_of_block(block.child_block, item)
    elif isinstance(value, RichText):
        yield plain_text(value.source)
    elif isinstance(block, blocks.RichTextBlock) and isinstance(value, str):
        yield plain_text(value)
    elif isinstance(value, str) and value:
        yield value


def read_fields(model):
    return [model_field for model_field in model._meta.get_fields() if is_read_field(model_field)]


# --- A saved object (a revision, a preview) ---------------------------------------------


def pieces_of_object(obj, path=()):
    for model_field in read_fields(type(obj)):
        value = getattr(obj, model_field.attname, None)
        for text in texts_of_value(model_field, value):
            yield Piece((*path, field_label(model_field)), text)
    for relation in get_all_child_relations(obj):
        children = getattr(obj, relation.get_accessor_name()).all()
        label = capfirst(relation.related_model._meta.verbose_name)
        for position, child in enumerate(children, start=1):
            yield from pieces_of_object(child, (*path, f"{label} {position}"))


# --- A page form and its nested formsets, while an editor works -------------------------


def kept_forms(formset):
    """The forms of a formset that will be saved: filled in, not marked for deletion."""
    formset.is_valid()  # cleans the forms, once
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None) or {}
        if data and not data.get("DELETE"):
            yield form


def pieces_of_form(form, path=()):
    model = form._meta.model
    cleaned = getattr(form, "cleaned_data", None) or {}
    for model_field in read_fields(model):
        if model_field.name not in cleaned:
            continue
        label = field_label(model_field)
        for text in texts_of_value(model_field, cleaned[model_field.name]):
            yield Piece((*path, label), text, form, model_field.name)
    for formset in getattr(form, "formsets", {}).values():
        label = capfirst(formset.model._meta.verbose_name)
        for position, child_form in enumerate(kept_forms(formset), start=1):
            yield from pieces_of_form(child_form, (*path, f"{label} {position}"))
