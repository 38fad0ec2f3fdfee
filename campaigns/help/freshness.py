"""How long a page that says "open now" may be kept, by every cache on the way.

A page of the directory, or an outcome that lists who can help, is right only until the
first listed organisation opens or closes. So:
- the page cache (`website.caching.page_cache`) keeps it until that moment and a minute at most,
  through the `limit_page_cache_seconds` hook (`wagtail_hooks.py`);
- the response tells browsers and the front-end cache the same (`max-age`), with
  `must-revalidate` so that the proxy never serves it stale while it fetches a new copy
  (deploy/varnish/default.vcl gives such pages no grace);
- the list is never inside a content fragment: fragments last a whole content generation.
The openings are worked out from the hours at each request that is not a cache hit.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.cache import patch_cache_control

from .opening import Opening, describe, opening_at, seconds_it_stays_true

# However long nothing opens or closes, the status is worked out again after a minute:
# the front-end cache is not purged when an editor changes an entry's hours.
AT_MOST_SECONDS = 60


@dataclass(frozen=True)
class Entry:
    organisation: object
    opening: Opening
    opening_text: str


def with_openings(request, organisations):
    """Each organisation with its opening now, those open first; the request remembers
    how long what they say stays true."""
    now = timezone.now()
    entries = []
    for organisation in organisations:
        opening = opening_at(organisation, now)
        entries.append(Entry(organisation, opening, describe(opening, now)))
    entries.sort(key=lambda entry: not entry.opening.is_open)  # stable: keeps the order
    seconds = seconds_it_stays_true([entry.opening for entry in entries], now)
    remember(request, AT_MOST_SECONDS if seconds is None else min(seconds, AT_MOST_SECONDS))
    return entries


def remember(request, seconds):
    earlier = getattr(request, "help_opening_seconds", None)
    request.help_opening_seconds = seconds if earlier is None else min(earlier, seconds)


def seconds_for(request):
    """How long the page served for `request` stays true; None if it shows no opening."""
    return getattr(request, "help_opening_seconds", None)


def limit_shared_copies(request, response):
    seconds = seconds_for(request)
    if seconds is not None and response.status_code == 200:
        patch_cache_control(response, public=True, max_age=seconds, must_revalidate=True)
    return response
