"""Production: HTTPS everywhere, secrets from the environment, nothing insecure by default.

It refuses to start rather than run unsafely: with debug pages asked for, without a long
secret key, or on SQLite (which one small installation may allow with ALLOW_SQLITE=1).
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, env_bool, require_secret_key

# Not translated: settings load before the translation machinery.
if env_bool("DJANGO_DEBUG", False):
    raise ImproperlyConfigured(
        "DJANGO_DEBUG is on: debug pages leak settings, never in production."
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3" and not env_bool("ALLOW_SQLITE"):
    raise ImproperlyConfigured(
        "DATABASE_URL points at SQLite. Use PostgreSQL, or set ALLOW_SQLITE=1 for a small "
        "installation with one server."
    )
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

if not (os.environ.get("SITE_URL") or os.environ.get("WAGTAILADMIN_BASE_URL")):
    raise ImproperlyConfigured(
        "SITE_URL must be set to the site's public address, such as "
        "https://internetsegura.example (booklet PDFs print it)."
    )

# --- Media on S3-compatible object storage --------------------------------------------
# With AWS_STORAGE_BUCKET_NAME set, uploads live in a bucket (django-storages, the `s3`
# extra) instead of MEDIA_ROOT, so that every app server sees the same files. Image
# renditions are public (read by browsers, straight from the bucket or its CDN domain);
# everything else — original images, documents, booklet PDFs — is private, signed by
# django-storages when read, and reaches visitors only through the site's views, which
# check privacy: /documents/ (streamed, never redirected to the bucket) and a booklet's
# pdf/ address.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    _s3_options = {
        "bucket_name": AWS_STORAGE_BUCKET_NAME,
        "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
        # Unset: boto3 finds the keys itself (instance role, ~/.aws).
        "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
        "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
        "file_overwrite": False,
    }
    STORAGES = {
        **STORAGES,  # noqa: F405
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**_s3_options, "default_acl": "private", "querystring_auth": True},
        },
        "renditions": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **_s3_options,
                "location": "renditions",
                "default_acl": "public-read",
                "querystring_auth": False,
                "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            },
        },
    }
    WAGTAILIMAGES_RENDITION_STORAGE = "renditions"
    WAGTAILDOCS_SERVE_METHOD = "serve_view"
    # Browsers load renditions from the bucket's address: the CSP must allow it.
    _renditions_origin = (
        f"https://{os.environ['AWS_S3_CUSTOM_DOMAIN']}"
        if os.environ.get("AWS_S3_CUSTOM_DOMAIN")
        else os.environ.get("AWS_S3_ENDPOINT_URL") or "https://*.amazonaws.com"
    )
    SECURE_CSP = {**SECURE_CSP, "img-src": [*SECURE_CSP["img-src"], _renditions_origin]}  # noqa: F405
