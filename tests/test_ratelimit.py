"""The shared rate limit: counted in the cache, per client, and still safe when the cache
is down (each process counts on its own, and says so once)."""

import logging

from django.test import RequestFactory, override_settings

from website import ratelimit

DEAD_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",  # the discard port: nothing answers there
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
}


def request_from(address):
    return RequestFactory().post("/", REMOTE_ADDR=address)


def test_a_client_is_refused_after_its_limit_and_others_are_not():
    first, second = request_from("192.0.2.10"), request_from("192.0.2.11")
    assert all(ratelimit.allow(first, "test-limit", 3, 60) for _ in range(3))
    assert not ratelimit.allow(first, "test-limit", 3, 60)
    assert ratelimit.allow(second, "test-limit", 3, 60)


def test_the_address_is_never_part_of_the_key():
    assert "192.0.2.10" not in ratelimit.client_key(request_from("192.0.2.10"))


@override_settings(CACHES=DEAD_REDIS)
def test_with_the_cache_down_floods_are_still_refused_and_logged_once(caplog):
    caplog.set_level(logging.WARNING, logger="website.ratelimit")
    client = request_from("192.0.2.20")
    answers = [ratelimit.allow(client, "test-down", 5, 60) for _ in range(8)]
    assert answers == [True] * 5 + [False] * 3
    assert [record.message for record in caplog.records].count(
        "Rate limits: the cache is unavailable, counting per process"
    ) == 1


def behind_proxy(forwarded_for):
    return RequestFactory().post("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded_for)


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_trusted_proxy_each_client_has_its_own_limit():
    assert all(ratelimit.allow(behind_proxy("192.0.2.30"), "test-proxy", 2, 60) for _ in range(2))
    assert not ratelimit.allow(behind_proxy("192.0.2.30"), "test-proxy", 2, 60)
    # A forged entry on the left changes nothing; another client behind the proxy is served.
    assert not ratelimit.allow(behind_proxy("6.6.6.6, 192.0.2.30"), "test-proxy", 2, 60)
    assert ratelimit.allow(behind_proxy("192.0.2.31"), "test-proxy", 2, 60)


@override_settings(TRUSTED_PROXY_COUNT=0)
def test_without_a_trusted_proxy_a_forwarded_for_header_is_ignored():
    assert ratelimit.client_key(behind_proxy("192.0.2.40")) == ratelimit.client_key(
        behind_proxy("192.0.2.41")
    )
