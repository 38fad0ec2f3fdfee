"""The tests' Redis cache: several test processes share one Redis database (pytest-xdist's
workers, other checkouts' runs), each under its own key prefix (website/settings/test.py),
so emptying the cache between tests must remove this process's keys only; a plain
clear() empties the whole database under the other processes' feet."""

from website.caching.backend import ResilientRedisCache


class OwnKeysRedisCache(ResilientRedisCache):
    def clear(self):
        if not self.is_available():
            return False
        try:
            client = self._cache.get_client(write=True)
            keys = list(client.scan_iter(match=f"{self.key_prefix}:*", count=1000))
            if keys:
                client.delete(*keys)
        except Exception as error:  # the same failures as any other call
            self._failed(error)
            return False
        self._answered()
        return True
