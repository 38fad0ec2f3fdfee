"""Images are renditions sized for their slot, in WebP, with a srcset, a width and a
height, made once: a second view creates none."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from tests.factories.pages import make_booklet
from tests.support.pages import html_of

# A booklet's cover, and the illustrations of its chapters in the print view.
COVER_AND_ILLUSTRATIONS = ["/pt/livreto-de-teste/", "/en/test-booklet/print/"]


@pytest.fixture
def pictured_booklets(home_pt, home_en):
    make_booklet(home_pt, "livreto-de-teste", chapters=1)
    make_booklet(home_en, "test-booklet", chapters=2)


def image_tags(html):
    return re.findall(r"<img [^>]*>", html)


@pytest.mark.django_db
@pytest.mark.parametrize("url", COVER_AND_ILLUSTRATIONS)
def test_images_have_a_webp_srcset_a_width_and_a_height(client, pictured_booklets, url):
    tags = image_tags(html_of(client.get(url)))
    assert tags, "the booklet shows images"
    for tag in tags:
        assert 'width="' in tag and 'height="' in tag, tag
        assert "srcset=" in tag and "sizes=" in tag, tag
        sources = re.search(r'srcset="([^"]+)"', tag).group(1).split(", ")
        assert len(sources) >= 2 and all(".webp " in source for source in sources), tag


@pytest.mark.django_db
@pytest.mark.parametrize("url", COVER_AND_ILLUSTRATIONS)
def test_a_second_view_creates_no_rendition(client, pictured_booklets, url):
    renditions = get_image_model().get_rendition_model().objects
    client.get(url)
    before = renditions.count()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert renditions.count() == before
    assert not [q for q in queries.captured_queries if "INSERT" in q["sql"].upper()]
