"""Settings shared by every environment, safe for production.

Everything that differs between machines comes from the environment, so that the
same code runs on a laptop (SQLite, local memory) and behind a CDN (PostgreSQL, Redis).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from pythonjsonlogger.core import RESERVED_ATTRS

PROJECT_DIR = Path(__file__).resolve().parent.parent  # the `website` package
BASE_DIR = PROJECT_DIR.parent  # the checkout, or site-packages when installed


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "website",
    "website.translation_sync",
    "website.wording",
    "campaigns",
    "campaigns.booklets",
    "campaigns.alerts",
    "campaigns.alertline",
    "campaigns.help",
    "quiz",
    "campaigns.figures",
    "website.readability",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]


def middleware(serve_static_files=True):
    """Every middleware, outermost first: the one list of what runs around a request.

    Development with debug on passes `serve_static_files=False` (dev.py): runserver then
    serves static files itself, and WhiteNoise stays out of the way.
    """
    static_files = ["whitenoise.middleware.WhiteNoiseMiddleware"] if serve_static_files else []
    return [
        # HTTPS redirect, HSTS and the other security headers that Django sets.
        "django.middleware.security.SecurityMiddleware",
        # The strict Content-Security-Policy and Permissions-Policy, on every answer,
        # cached or not, static file or page.
        "website.middleware.SecurityHeadersMiddleware",
        # Static files, answered before anything below looks at the request.
        *static_files,
        # Whole pages for anonymous visitors (website/caching/page_cache.py): inside the
        # security headers, outside sessions, CSRF and messages, so what it keeps is exactly
        # what a visitor received. It also reads the content generation once per request.
        "website.caching.page_cache.PageCacheMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        # The language from the URL's /pt/ or /en/ prefix.
        "django.middleware.locale.LocaleMiddleware",
        # Wagtail's own Portuguese catalogue (pt-pt) inside the admin.
        "website.middleware.AdminLanguageMiddleware",
        # The trailing slash.
        "django.middleware.common.CommonMiddleware",
        # Before CSRF: PUT or DELETE on a page is "method not allowed", not a stale form.
        "website.middleware.PublicMethodsMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
        # Editors' redirects, for paths no page answers.
        "wagtail.contrib.redirects.middleware.RedirectMiddleware",
        # The Site that answers the host, from the content cache, before any template asks
        # Wagtail for it (website/caching/routing.py).
        "website.caching.routing.SiteFromCacheMiddleware",
        # Last, as django-axes asks: locks out repeated failed admin sign-ins (see below).
        "axes.middleware.AxesMiddleware",
    ]


MIDDLEWARE = middleware()

# --- Caches in front of the pages (website/caching/, docs/caching.md) --------------------
# Seconds a whole page is kept for anonymous visitors; 0 turns the page cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# The layers below the page cache, each measured in docs/performance.md; the switches
# exist so that bench/pages.py can measure the site without each one.
CONTENT_CACHE_ROUTES = env_bool("CONTENT_CACHE_ROUTES", True)
CONTENT_CACHE_FRAGMENTS = env_bool("CONTENT_CACHE_FRAGMENTS", True)
CONTENT_CACHE_COPIES_PER_PROCESS = int(os.environ.get("CONTENT_CACHE_COPIES_PER_PROCESS", "500"))

ROOT_URLCONF = "website.urls"
WSGI_APPLICATION = "website.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------
# SQLite in the checkout by default (git ignores the file); PostgreSQL in production.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
# A restarted database: reused connections are checked before use, and a new connection
# gives up after a few seconds, so visitors get the 503 page quickly, and the site
# recovers by itself when the database is back.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = int(
        os.environ.get("DATABASE_CONNECT_TIMEOUT", "3")
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------
# Redis when REDIS_URL is set, so that every worker shares rate limits and fragments.
# ResilientRedisCache (website/caching/backend.py) serves the site while Redis is down.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "website.caching.backend.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "campaigns"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Passwords and sessions -----------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# The form pages' CSRF cookie ends with the browser session: on a shared device it must
# not show for a year that someone opened the alert line.
CSRF_COOKIE_AGE = None
CSRF_COOKIE_SAMESITE = "Lax"

# --- Languages ------------------------------------------------------------------------
# Portuguese is the default. Wagtail creates its first Locale from LANGUAGE_CODE.
LANGUAGE_CODE = "pt"
LANGUAGES = [("pt", "Português"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Wagtail ships its admin catalogue as pt_PT, not pt: the admin is offered in pt-pt and
# AdminLanguageMiddleware maps the visitor's `pt` onto it.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("pt-pt", "Português"), ("en", "English")]
LOCALE_PATHS = [path for path in (PROJECT_DIR / "locale", BASE_DIR / "locale") if path.is_dir()]
TIME_ZONE = "Europe/Lisbon"
USE_I18N = True
USE_TZ = True

# --- Dates ----------------------------------------------------------------------------
# One date style per language ("21 de novembro de 2026", "21 November 2026"): the site's
# formats come before Django's, and its catalogue writes Portuguese months in lower case.
FORMAT_MODULE_PATH = ["website.formats"]

# --- Static and media files -----------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Django serves image renditions itself only when asked; in production the web server or
# CDN serves MEDIA_ROOT/images/ at /media/images/.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Mail -----------------------------------------------------------------------------
# Django 6.1 reads MAILERS. EMAIL_URL-like settings are split into plain variables.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "no-reply@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
MAILERS = {
    "default": {
        "BACKEND": os.environ.get("EMAIL_BACKEND_CLASS", "website.mail.ResilientSMTPBackend"),
        "OPTIONS": {
            key: value
            for key, value in {
                "host": os.environ.get("EMAIL_HOST", "localhost"),  # Django 6.1 needs one
                "port": int(os.environ["EMAIL_PORT"]) if os.environ.get("EMAIL_PORT") else None,
                "username": os.environ.get("EMAIL_HOST_USER"),
                "password": os.environ.get("EMAIL_HOST_PASSWORD"),
                "use_tls": env_bool("EMAIL_USE_TLS", False) or None,
                "timeout": 10,
            }.items()
            if value is not None
        },
    }
}

# --- Background tasks -----------------------------------------------------------------
# Wagtail uses the django-tasks backport through the same TASKS setting as Django 6.1.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    # The alert line's notices: Django's own django.tasks. In production set
    # ALERTLINE_TASKS_BACKEND=django_tasks_db.DatabaseBackend (a persistent queue, run by
    # `manage.py db_worker --backend alertline`). It has an alias of its own because
    # django-tasks-db 0.13 runs only django.tasks tasks on Django 6, while Wagtail's own
    # tasks use the django_tasks backport on "default".
    "alertline": {
        "BACKEND": os.environ.get(
            "ALERTLINE_TASKS_BACKEND", "django.tasks.backends.immediate.ImmediateBackend"
        )
    },
}
if TASKS["alertline"]["BACKEND"].startswith("django_tasks_db."):
    INSTALLED_APPS.append("django_tasks_db")

# --- Wagtail --------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Internet Segura"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Portuguese stemming with accents folded ("seguranca" finds "segurança"), created
    # by the migration website/0003. The backend has one configuration for the whole
    # index, so English pages use it too. After changing it: manage.py update_index.
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "portuguese_unaccent"
    # The search index's SearchVectorField and GIN indexes need it (system check E005).
    INSTALLED_APPS.append("django.contrib.postgres")
WAGTAILDOCS_EXTENSIONS = ["pdf"]
WAGTAILIMAGES_EXTENSIONS = ["png", "jpg", "jpeg", "webp"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = False
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "website/password_required.html"  # noqa: S105 (quick exit)
WAGTAIL_ENABLE_UPDATE_CHECK = False  # no calls home from the admin
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Front-end cache (proxy or CDN) ---------------------------------------------------
# Publishing a page purges both languages' addresses of it, its listing parent and the
# home pages (website/caching/frontend.py). FRONTEND_CACHE_URL: a proxy accepting PURGE,
# such as Varnish (http://127.0.0.1:6081); Cloudflare and CloudFront by their variables.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
        "ZONEID": os.environ["CLOUDFLARE_ZONEID"],
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {  # needs boto3 (the `s3` extra)
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }
for _backend in WAGTAILFRONTENDCACHE.values():
    if env_list("FRONTEND_CACHE_HOSTNAMES"):
        _backend["HOSTNAMES"] = env_list("FRONTEND_CACHE_HOSTNAMES")
# Each translation is purged at its own address. Wagtail would otherwise copy every URL
# into each language prefix (/pt/linha-alerta/ -> /en/linha-alerta/), which do not exist.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# --- Public address -------------------------------------------------------------------
# The site's address as the public sees it (https://internetsegura.example), printed in
# the booklet PDFs, where the request's host or Wagtail's site record (often `localhost`)
# would be wrong. It falls back to WAGTAILADMIN_BASE_URL; production refuses to start
# without one of them.
SITE_URL = (os.environ.get("SITE_URL") or WAGTAILADMIN_BASE_URL).rstrip("/")

# --- Safety ---------------------------------------------------------------------------
# Where quick exit leads when the database cannot be read (the 500 page). Editors set
# the everyday destination in the admin's site settings.
QUICK_EXIT_URL = os.environ.get("QUICK_EXIT_URL", "https://www.ipma.pt/")
EMERGENCY_NUMBER = os.environ.get("EMERGENCY_NUMBER", "112")

# --- Alert line -----------------------------------------------------------------------
# Keys for the reporters' contact details (never SECRET_KEY): comma-separated base64 keys
# of 32 bytes; the first encrypts, all decrypt, so a new key can be put first and the old
# ones removed after `manage.py reencrypt_contacts`. Production refuses to start without.
ALERTLINE_CONTACT_KEYS = env_list("ALERTLINE_CONTACT_KEYS")
# Who hears that a report arrived (the message carries only its reference).
ALERTLINE_NOTIFY_EMAILS = env_list("ALERTLINE_NOTIFY_EMAILS")
# Reports per hour from one client (a school may share one address: keep it generous).
ALERTLINE_REPORTS_PER_HOUR = int(os.environ.get("ALERTLINE_REPORTS_PER_HOUR", "10"))
# Quiz completions counted per hour from one client; more still see their result.
QUIZ_COMPLETIONS_PER_HOUR = int(os.environ.get("QUIZ_COMPLETIONS_PER_HOUR", "100"))
# Retention, in days (manage.py purge_reports).
ALERTLINE_KEEP_CLOSED_DAYS = int(os.environ.get("ALERTLINE_KEEP_CLOSED_DAYS", "90"))
ALERTLINE_KEEP_CONTACT_DAYS = int(os.environ.get("ALERTLINE_KEEP_CONTACT_DAYS", "30"))
ALERTLINE_KEEP_SPAM_DAYS = int(os.environ.get("ALERTLINE_KEEP_SPAM_DAYS", "7"))

# --- Security headers -----------------------------------------------------------------
CSRF_FAILURE_VIEW = "website.views.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Public pages load scripts, styles, images and fonts from this site only, and nothing
# runs inline: scripts and styles are static files (a test checks every page type).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# Wagtail's admin uses inline scripts and styles, and frames its own previews.
ADMIN_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
# Browser features the site never uses.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)

# --- Admin login throttle (django-axes) ------------------------------------------------
# Failed admin sign-ins are counted in the database per account and per client; past the
# limit both are refused (even with the right password) until the cool-off ends or a
# superuser unlocks them (docs/deployment.md). The client is a keyed hash of its address
# (website.clients), so neither the database nor the logs keep addresses.
# Behind reverse proxies, the number of proxies whose X-Forwarded-For is believed.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
INSTALLED_APPS.append("axes")
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: it refuses locked-out sign-ins
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("ADMIN_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("ADMIN_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # either one past the limit locks
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "website.clients.pseudonymous_address"
AXES_CLIENT_STR_CALLABLE = "website.admin_login.anonymous_client"
AXES_LOCKOUT_CALLABLE = "website.admin_login.locked_out"
AXES_VERBOSE = False
AXES_DISABLE_ACCESS_LOG = True  # no record of successful sign-ins with their clients
AXES_ENABLE_ACCESS_FAILURE_LOG = False

# --- Cookies --------------------------------------------------------------------------
# Scripts never read the CSRF cookie: forms carry the token, and Wagtail's admin scripts
# take it from the page (wagtailConfig.CSRF_TOKEN). Production also makes both cookies
# Secure (settings/production.py); both are SameSite=Lax and HttpOnly.
CSRF_COOKIE_HTTPONLY = True

# --- Admin uploads ------------------------------------------------------------------
# Checked by content, not by name (website/uploads.py): PNG, JPEG and WebP images, PDF
# documents, within these sizes. Raise them here, not in the checks.
WAGTAILIMAGES_IMAGE_FORM_BASE = "website.uploads.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "website.uploads.DocumentForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000  # a 8000 × 5000 photograph
WAGTAILDOCS_MAX_UPLOAD_SIZE = 30 * 1024 * 1024

# --- Logging --------------------------------------------------------------------------
# JSON lines (python-json-logger, maintained) for the log collector. No personal data:
# requests are never logged with their query strings or bodies, and the request object
# that Django attaches to its error records (address, cookies, query string) is never
# written out. The path stays in the message.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            "reserved_attrs": [*RESERVED_ATTRS, "request"],
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}


def require_secret_key(key):
    if not key or len(key) < 50:
        # Not translated: settings load before the translation machinery.
        raise ImproperlyConfigured(
            "SECRET_KEY must be set in the environment to at least 50 random characters."
        )
    return key
