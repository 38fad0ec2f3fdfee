"""Values that every page reads, kept in the default cache under the content generation.

The default cache is Redis in production (shared by every worker) and local memory
otherwise. A key is `content:<generation>:<name>:<parts…>`; a new generation
(`website.caching.invalidation`) leaves every key behind at once. Values live a day at most,
a safety net rather than a way to expire.

The cache is an optimisation, never a dependency: when it cannot be read, values are built
from the database as before.
"""

import logging
import pickle
import threading
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache

from .generation import generation

logger = logging.getLogger(__name__)

CACHE_SECONDS = 60 * 60 * 24
_MISSING = object()


def _key(token, name, *parts):
    return ":".join(["content", token, name, *(str(part) for part in parts)])


def cached_value(request, name, *parts):
    """What was cached under the current generation, or None."""
    token = generation(request)
    if token is None:
        return None
    try:
        value = _read(_key(token, name, *parts))
    except Exception:
        return None
    return None if value is _MISSING else value


def store_value(request, name, value, *parts):
    token = generation(request)
    if token is None:
        return
    try:
        cache.set(_key(token, name, *parts), value, CACHE_SECONDS)
    except Exception:  # a value that will not pickle or a cache that went away
        logger.warning("Content cache could not store %s", name)


def cached(request, name, build, *parts, timeout=CACHE_SECONDS):
    """`build()`, cached under the current generation and the key `name` + `parts`, for
    `timeout` seconds at most."""
    token = generation(request)
    if token is None:
        return build()
    key = _key(token, name, *parts)
    try:
        value = _read(key)
    except Exception:
        return build()
    if value is _MISSING:
        value = build()
        try:
            cache.set(key, value, timeout)
        except Exception:  # a value that will not pickle or a cache that went away
            logger.warning("Content cache could not store %s", name)
    return value


# --- A copy in each process --------------------------------------------------------------
# A value stored under a token never changes: a change gets a new token, hence a new key.
# So each process may keep what it read, and a page asks the shared cache (a network round
# trip to Redis) only for the tokens. Values are kept pickled, so every request unpickles
# its own copy, as it would from the shared cache, and nothing is shared between requests.
# CONTENT_CACHE_COPIES_PER_PROCESS sets how many; 0 turns the copy off.

_recent = OrderedDict()
_recent_lock = threading.Lock()


def copies_per_process():
    return getattr(settings, "CONTENT_CACHE_COPIES_PER_PROCESS", 500)


def _read(key):
    """The value under `key`, from this process or the shared cache, or _MISSING."""
    with _recent_lock:
        pickled = _recent.get(key)
        if pickled is not None:
            _recent.move_to_end(key)
    if pickled is not None:
        return pickle.loads(pickled)  # noqa: S301 (written by this process just before)
    value = cache.get(key, _MISSING)
    if value is not _MISSING:
        _keep(key, value)
    return value


def _keep(key, value):
    limit = copies_per_process()
    if not limit:
        return
    try:
        pickled = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    except Exception:  # the shared cache would have refused it too
        return
    with _recent_lock:
        _recent[key] = pickled
        _recent.move_to_end(key)
        while len(_recent) > limit:
            _recent.popitem(last=False)
