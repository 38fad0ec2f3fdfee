"""A Redis cache that a dead Redis cannot take down.

Wagtail looks up the site's root paths in the default cache on every page, so a plain
RedisCache turns a stopped Redis into an error on every page. This one treats the cache as
what it is, an optimisation: when Redis does not answer (within a short timeout), reads
miss and writes are dropped, and for the next few seconds Redis is not even asked, so an
outage costs each request nothing. After that it is asked again, so the site uses Redis
again as soon as it is back, without a restart. The outage and the recovery are logged
once each, not once per request.

Counters are different: `add` and `incr` raise `CacheUnavailable`, so that callers who
count (the rate limits) know to count somewhere else rather than believe a zero.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)


class CacheUnavailable(Exception):
    pass


class ResilientRedisCache(RedisCache):
    # Seconds to leave Redis alone after it failed, before asking it again.
    retry_after = 5.0

    def __init__(self, server, params):
        options = params.setdefault("OPTIONS", {})
        # A dead cache must cost milliseconds: redis-py waits forever by default.
        options.setdefault("socket_connect_timeout", 0.25)
        options.setdefault("socket_timeout", 0.5)
        self.retry_after = float(options.pop("retry_after", self.retry_after))
        super().__init__(server, params)
        self._down_until = 0.0
        self._down = False
        self._lock = threading.Lock()

    # --- Health -----------------------------------------------------------------------

    def is_available(self):
        return time.monotonic() >= self._down_until

    def _failed(self, error):
        with self._lock:
            self._down_until = time.monotonic() + self.retry_after
            if not self._down:
                self._down = True
                logger.error("Cache unavailable (%s): serving without it", type(error).__name__)

    def _answered(self):
        if self._down:
            with self._lock:
                if self._down:
                    self._down = False
                    logger.warning("Cache available again")

    def _call(self, method, *args, fallback=None, strict=False, **kwargs):
        if not self.is_available():
            if strict:
                raise CacheUnavailable("the cache is unavailable")
            return fallback
        try:
            result = getattr(super(), method)(*args, **kwargs)
        except Exception as error:  # redis-py raises several kinds; none may reach a page
            self._failed(error)
            if strict:
                raise CacheUnavailable("the cache is unavailable") from error
            return fallback
        self._answered()
        return result

    # --- Reads miss and writes are dropped while Redis is away -------------------------

    def get(self, key, default=None, version=None):
        return self._call("get", key, default=default, version=version, fallback=default)

    def get_many(self, keys, version=None):
        return self._call("get_many", keys, version=version, fallback={})

    def has_key(self, key, version=None):
        return self._call("has_key", key, version=version, fallback=False)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", key, value, timeout, version=version, fallback=None)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", data, timeout, version=version, fallback=list(data))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", key, timeout, version=version, fallback=False)

    def delete(self, key, version=None):
        return self._call("delete", key, version=version, fallback=False)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", keys, version=version, fallback=None)

    def clear(self):
        return self._call("clear", fallback=False)

    # --- Counters say so -------------------------------------------------------------

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", key, value, timeout, version=version, strict=True)

    def incr(self, key, delta=1, version=None):
        return self._call("incr", key, delta, version=version, strict=True)
