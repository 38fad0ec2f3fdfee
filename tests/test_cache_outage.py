"""Redis down: every page is still served, the outage is logged once, /healthz says so, and
Redis is used again when it answers, without a restart."""

import logging
import os
import socket

import pytest
from django.core.cache import caches
from django.test import Client, override_settings

from tests.factories.pages import add_guidance_page, make_booklet

DEAD_REDIS = {
    "default": {
        "BACKEND": "website.caching.backend.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",  # the discard port: nothing answers there
    }
}
PAGES = ["/pt/", "/en/alerts/", "/pt/livreto-de-teste/", "/pt/pesquisa/?q=ajuda", "/en/for-carers/"]


@pytest.fixture
def pages(home_pt, home_en):
    """The booklet and the guidance page of PAGES, made while the cache still answers."""
    make_booklet(home_pt, "livreto-de-teste", chapters=1)
    add_guidance_page(home_en, "For carers", "for-carers")


def redis_answers():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.mark.django_db
@override_settings(CACHES=DEAD_REDIS)
def test_pages_are_served_with_redis_down_and_the_outage_is_logged_once(pages, caplog):
    caplog.set_level(logging.WARNING, logger="website.caching.backend")
    client = Client()
    for url in PAGES * 2:
        assert client.get(url).status_code == 200, url
    outages = [record for record in caplog.records if "unavailable" in record.message]
    assert len(outages) == 1


@pytest.mark.django_db
@override_settings(CACHES=DEAD_REDIS)
def test_healthz_says_the_cache_is_down_and_stays_up():
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "unavailable"}


@pytest.mark.skipif(not redis_answers(), reason="no Redis answers on 127.0.0.1:6379")
@override_settings(
    CACHES={
        "default": {
            "BACKEND": "website.caching.backend.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
            "KEY_PREFIX": f"outage-test-{os.getpid()}",
            "OPTIONS": {"retry_after": 0.0},
        }
    }
)
def test_redis_is_used_again_once_it_answers(caplog):
    caplog.set_level(logging.WARNING, logger="website.caching.backend")
    cache = caches["default"]
    cache.set("comes-back", "yes", 30)
    cache._failed(ConnectionError("Redis stopped"))  # what a failed call records
    # The next call finds Redis answering again: no restart, and one line in the log.
    assert cache.get("comes-back") == "yes"
    assert cache.add("counter", 0, 30) in (True, False)
    assert [record.message for record in caplog.records] == [
        "Cache unavailable (ConnectionError): serving without it",
        "Cache available again",
    ]
    cache.delete_many(["comes-back", "counter"])
