"""Reading what the site answers: a response's HTML, every page type found from the
installed apps, and one live address of each in each language."""

from django.apps import apps
from wagtail.models import Page, get_page_models

from tests.support.demo import demo_url


def html_of(response):
    return response.content.decode()


# Every page type, found from the installed apps: a new domain is checked without editing
# the tests. Sub-routes and filtered views that render other templates are added by hand.
PAGE_TYPES = sorted(
    model._meta.label for model in get_page_models() if model is not Page and model.is_creatable
)


EXTRA_VIEWS = [
    f"{demo_url('booklet', 'en')}print/",
    "/en/alerts/?audience=parents&topic=grooming",
    "/pt/pesquisa/?q=ajuda",
    "/en/nothing-here/",
]


def live_urls_of(label):
    """The address of one live page of this type in each language (the demo has both)."""
    model = apps.get_model(label)
    urls = {}
    for page in model.objects.live().public().select_related("locale").order_by("path"):
        urls.setdefault(page.locale.language_code, page.url)
    return urls
