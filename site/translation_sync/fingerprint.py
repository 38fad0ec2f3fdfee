"""A fingerprint of what editors wrote in a revision, blind to what Wagtail keeps by itself.

Two revisions with the same words, links, choices and dates an editor set have the same
fingerprint, whatever Wagtail changed around them: a re-publish, a scheduled go-live, a
move, a lock, the comments, new ids for the same inline items (the quiz's questions and
answers get their ids only once published), new ids for the same StreamField blocks, or
the keys Draftail adds to rich-text paragraphs the first time a page is saved in the admin.
Everything an editor sets counts, not only text: a changed link, date or choice can make
a translation wrong as surely as a changed sentence.
"""

import hashlib
import json
import re

from django.apps import apps
from modelcluster.models import get_all_child_relations
from wagtail.models.pages import COMMENTS_RELATION_NAME

# Fields Wagtail sets itself: the tree, the locale, revisions, publishing, schedule, locks.
BOOKKEEPING = frozenset(
    {
        "pk",
        "id",
        "page_ptr",
        "path",
        "depth",
        "numchild",
        "translation_key",
        "locale",
        "latest_revision",
        "latest_revision_created_at",
        "live",
        "live_revision",
        "has_unpublished_changes",
        "first_published_at",
        "last_published_at",
        "go_live_at",
        "expire_at",
        "expired",
        "locked",
        "locked_at",
        "locked_by",
        "draft_title",
        "url_path",
        "content_type",
        "owner",
        "alias_of",
        COMMENTS_RELATION_NAME,
    }
)


def revision_fingerprint(revision):
    """The fingerprint of a Revision (or of any row with `content` and `content_type`)."""
    content_type = revision.content_type
    model = apps.get_model(content_type.app_label, content_type.model)
    return content_fingerprint(model, revision.content)


def content_fingerprint(model, content):
    editorial = editor_content(model, content)
    serialised = json.dumps(editorial, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(serialised.encode()).hexdigest()


def editor_content(model, data, parent_keys=()):
    children = {relation.get_accessor_name(): relation for relation in child_relations(model)}
    kept = {}
    for key, value in data.items():
        if key in BOOKKEEPING or key in parent_keys:
            continue
        if key in children and isinstance(value, list):
            relation = children[key]
            child_model = relation.related_model
            own_key = (relation.field.name,)
            value = [editor_content(child_model, item, own_key) for item in value]
        else:
            value = without_block_ids(value)
        kept[key] = value
    return kept


def child_relations(model):
    return get_all_child_relations(model) if model is not None else []


# Draftail gives each paragraph a key on its first save in the admin: not a change of words.
BLOCK_KEY = re.compile(r' data-block-key="[^"]*"')


def without_block_ids(value):
    """StreamField data without its blocks' ids (old revisions keep it as a JSON string)."""
    if isinstance(value, str) and value.startswith("[{"):
        try:
            value = json.loads(value)
        except ValueError:
            return BLOCK_KEY.sub("", value)
    if isinstance(value, str):
        return BLOCK_KEY.sub("", value)
    if isinstance(value, list):
        return [without_block_ids(item) for item in value]
    if isinstance(value, dict):
        is_block = "type" in value and "value" in value
        return {
            key: without_block_ids(item)
            for key, item in value.items()
            if not (is_block and key == "id")
        }
    return value
