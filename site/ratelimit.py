"""Per-client limits kept only in the cache, for forms that anyone can send.

The client is a salted hash of its address: the address itself is never stored. When the
cache cannot be reached, each process counts on its own, so a flood is still refused and an
ordinary visitor is never blocked by an outage. The outage is logged once, not per request.
"""

import hashlib
import logging
import threading
import time

from django.conf import settings
from django.core.cache import cache

from website.clients import client_address

logger = logging.getLogger(__name__)

_local_counts = {}
_local_lock = threading.Lock()
_cache_down = threading.Event()


def client_key(request):
    address = client_address(request)  # behind TRUSTED_PROXY_COUNT proxies
    salted = f"{settings.SECRET_KEY}|{address}".encode()
    return hashlib.sha256(salted).hexdigest()[:32]


def _name(request, scope, period, key):
    bucket = int(time.time() // period)
    return f"ratelimit:{scope}:{key or client_key(request)}:{bucket}"


def allow(request, scope, limit, period, key=None):
    """True while this client (or `key`) has made at most `limit` attempts in `period` s."""
    name = _name(request, scope, period, key)
    try:
        cache.add(name, 0, timeout=period + 1)
        count = cache.incr(name)
    except Exception:
        count = _count_locally(name, period)
        if not _cache_down.is_set():
            _cache_down.set()
            logger.warning("Rate limits: the cache is unavailable, counting per process")
    else:
        if _cache_down.is_set():
            _cache_down.clear()
            logger.warning("Rate limits: the cache is back")
    return count <= limit


def under_limit(request, scope, limit, period):
    """True while this client has made fewer than `limit` attempts in `period` s; counts
    nothing. For limits on failures alone: ask first, then `allow()` only on a failure."""
    name = _name(request, scope, period, None)
    try:
        count = cache.get(name) or 0
    except Exception:
        with _local_lock:
            count, until = _local_counts.get(name, (0, 0))
            count = count if until >= time.monotonic() else 0
    return count < limit


def _count_locally(name, period):
    now = time.monotonic()
    with _local_lock:
        for stale in [key for key, (_count, until) in _local_counts.items() if until < now]:
            del _local_counts[stale]
        count, until = _local_counts.get(name, (0, now + period))
        _local_counts[name] = (count + 1, until)
        return count + 1
