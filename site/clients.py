"""Who the client is, behind the configured proxies, without keeping its address.

Behind a reverse proxy REMOTE_ADDR is the proxy. Each trusted proxy appends the address it
saw to X-Forwarded-For, so with TRUSTED_PROXY_COUNT proxies in front of the site the client
is that many entries from the right; anything further left is whatever the client sent and
is never believed. With no trusted proxy (the default) the header is ignored.
"""

import hashlib
import hmac
import ipaddress

from django.conf import settings

# IPv6 documentation prefix (RFC 3849): a pseudonym can never be mistaken for an address.
PSEUDONYM_PREFIX = bytes.fromhex("20010db8")


def client_address(request):
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(forwarded) < count:
        return remote  # not every trusted proxy took part: believe none of the header
    candidate = forwarded[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def pseudonymous_address(request):
    """A keyed hash of the client's address, shaped as an address for django-axes.

    The same client always gets the same pseudonym (so it can be throttled), and the
    database and logs never hold the address itself.
    """
    digest = hmac.new(
        settings.SECRET_KEY.encode(), client_address(request).encode(), hashlib.sha256
    ).digest()
    return str(ipaddress.IPv6Address(PSEUDONYM_PREFIX + digest[:12]))
