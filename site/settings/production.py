"""Production: HTTPS everywhere, secrets from the environment, nothing insecure by default."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, require_secret_key

DEBUG = False
SECRET_KEY = require_secret_key(os.environ.get("SECRET_KEY", ""))

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

if not ALERTLINE_CONTACT_KEYS:  # noqa: F405
    raise ImproperlyConfigured(
        "ALERTLINE_CONTACT_KEYS must be set: comma-separated base64 keys of 32 bytes "
        "(python -c 'import os,base64;print(base64.b64encode(os.urandom(32)).decode())')."
    )
