"""Everything the site caches, one module per concern.

- `generation`: the token in the database that every cached value is keyed by; a new
  token makes everything cached before it unreachable, in every worker at once.
- `store`: values kept in the default cache (Redis in production) under the token, with
  a copy in each process.
- `backend`: the Redis cache backend that a dead Redis cannot take down.
- `routing`: the Site that answers a host, the page a path leads to and the view
  restrictions over a page, answered from the store.
- `fragments`: HTML and values that a page computes from published content.
- `page_cache`: whole pages for anonymous visitors.
- `frontend`: which addresses a proxy or CDN must forget when a page is published.
- `invalidation`: the one list of what replaces any of the above. Start there.

docs/caching.md draws the whole picture.
"""
