"""Local development: debug on by default, console mail, an insecure key that says so."""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-never-use-this-in-production"
ALLOWED_HOSTS = ["*"] if DEBUG else ALLOWED_HOSTS  # noqa: F405
STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
# With debug on, runserver serves static files itself. With DJANGO_DEBUG=0 it does not,
# so WhiteNoise serves them straight from the apps' folders, with no collectstatic.
MIDDLEWARE = middleware(serve_static_files=not DEBUG)  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SERVE_MEDIA = True  # image renditions, with or without DEBUG
# A fixed, public key for local contact details only (production needs its own).
ALERTLINE_CONTACT_KEYS = ALERTLINE_CONTACT_KEYS or ["ZGV2LW9ubHktYWxlcnRsaW5lLWtleS0zMi1ieXRlcyE="]  # noqa: F405
