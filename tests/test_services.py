"""PostgreSQL and Redis, used when DATABASE_URL and REDIS_URL are set (as CI does)."""

import os

import pytest
from django.core.cache import cache, caches
from django.db import connection

from tests.support.pages import html_of


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set")
def test_cache_is_redis_when_redis_url_is_set():
    from django.core.cache.backends.redis import RedisCache

    assert isinstance(caches["default"], RedisCache)
    cache.set("service-check", "ok", 10)
    assert cache.get("service-check") == "ok"


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="DATABASE_URL does not point at PostgreSQL",
)
@pytest.mark.django_db
def test_site_runs_on_postgresql(client):
    assert connection.vendor == "postgresql"
    assert "Internet Segura" in html_of(client.get("/pt/"))


@pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="DATABASE_URL is set")
@pytest.mark.django_db
def test_embedded_default_is_sqlite():
    assert connection.vendor == "sqlite"
