"""What makes the content cache's generation change (see website.content_cache).

Anything a visitor's page may show: a page published, unpublished, saved, moved or deleted,
a view restriction, a site setting, a snippet, an image or document, a Site or a Locale.
Domains add their own (a booklet's PDF) by calling `content_changed` themselves. Image
renditions, alert-line reports, quiz tallies and sessions never change a page's content,
so they leave the cache alone.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from .content_cache import new_generation

CONTENT_MODELS = (
    Page,
    PageViewRestriction,
    BaseSiteSetting,
    BaseGenericSetting,
    AbstractImage,
    AbstractDocument,
    Site,
    Locale,
)


def shows_on_pages(model):
    return issubclass(model, CONTENT_MODELS) or model in get_snippet_models()


def content_changed(**kwargs):
    new_generation()


@receiver(post_save)
@receiver(post_delete)
def model_changed(sender, **kwargs):
    if shows_on_pages(sender):
        content_changed()


@receiver(m2m_changed)
def relation_changed(sender, instance, **kwargs):
    # A view restriction's groups, a page's tags.
    if shows_on_pages(type(instance)):
        content_changed()


page_published.connect(content_changed, dispatch_uid="content_cache_published")
page_unpublished.connect(content_changed, dispatch_uid="content_cache_unpublished")
post_page_move.connect(content_changed, dispatch_uid="content_cache_moved")
