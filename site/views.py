import hashlib
import logging
import sys
import unicodedata
from functools import cache as keep_result
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import DatabaseError, InterfaceError, OperationalError, connection, transaction
from django.http import (
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import render
from django.template import loader
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.cache import cache_control, never_cache
from wagtail.models import Locale, Page

from .content_cache import cached
from .pagination import page_of

logger = logging.getLogger(__name__)

SEARCH_QUERY_MAX_LENGTH = 100
SEARCH_RESULTS_PER_PAGE = 10
# Long enough for the searches of a busy hour, short enough not to fill the cache with
# searches nobody repeats.
SEARCH_CACHE_SECONDS = 60 * 10


def language_root(request):
    """`/`: send the visitor to their language, Portuguese when unsure.

    Only Accept-Language counts (no cookie), so a shared cache keyed on it is right.
    """
    language = settings.LANGUAGE_CODE
    for code, _quality in parse_accept_lang_header(request.headers.get("accept-language", "")):
        if code == "*":
            break
        try:
            language = translation.get_supported_language_variant(code)
            break
        except LookupError:
            continue
    response = HttpResponseRedirect(f"/{language}/")
    patch_vary_headers(response, ["Accept-Language"])
    return response


def admin_language_alias(request, language, rest):
    """/pt-pt/… (a link built in the admin's language) → /pt/…, permanently."""
    query = request.META.get("QUERY_STRING", "")
    target = f"/{language}/{rest}" + (f"?{query}" if query else "")
    return HttpResponsePermanentRedirect(target)


def alternate_urls_for_view(request):
    """Alternates for a view that is not a page: the same path and query in each language."""
    query = request.GET.urlencode()
    urls = {}
    for code, _name in settings.LANGUAGES:
        url = translate_url(request.path, code)
        urls[code] = f"{url}?{query}" if query else url
    return urls


def clean_query(raw_query):
    """Printable characters only (PostgreSQL rejects NUL), spaces folded, length capped."""
    printable = "".join(char for char in raw_query if unicodedata.category(char)[0] != "C")
    query = " ".join(printable.split())[:SEARCH_QUERY_MAX_LENGTH]
    if query.count('"') % 2:
        query = query.replace('"', " ").strip()  # an unclosed phrase is not a phrase
    return query


def find_results(query, page_number):
    """(how many pages match, the page number shown, its results, whether the number asked
    for was past the end). Raises DatabaseError when the search engine rejects the query."""
    results = (
        Page.objects.live().public().filter(locale=Locale.get_active()).specific().search(query)
    )
    paginator = Paginator(results, SEARCH_RESULTS_PER_PAGE)
    past_the_end = False
    # A savepoint: a query the search engine rejects must not break the request.
    with transaction.atomic():
        try:
            page = paginator.page(page_number or 1)
        except PageNotAnInteger:
            page = paginator.page(paginator.num_pages if page_number == "last" else 1)
        except EmptyPage:
            page = paginator.page(paginator.num_pages)
            past_the_end = True
        found = list(page.object_list)
    return paginator.count, page.number, found, past_the_end


def search_key(query, page_number):
    """One search of one language, as a cache key: a hash, so what people search for is
    not written in the cache as it is."""
    language = translation.get_language()
    return hashlib.sha256(f"{language}|{query}|{page_number}".encode()).hexdigest()


def cached_results(request, query, page_number):
    """`find_results`, kept for a while under the content generation: many visitors
    search the same few words, and the results change only when something is published."""
    return cached(
        request,
        "search",
        lambda: find_results(query, page_number),
        search_key(query, page_number),
        timeout=SEARCH_CACHE_SECONDS,
    )


def search(request):
    raw_query = request.GET.get("q", "")
    query = clean_query(raw_query)
    notice = ""
    if len(raw_query) > SEARCH_QUERY_MAX_LENGTH:
        notice = _("Your search was long, so we used only its first %(count)s characters.") % {
            "count": SEARCH_QUERY_MAX_LENGTH
        }
    results_page = None
    if query:
        try:
            total, number, found, past_the_end = cached_results(
                request, query, request.GET.get("page")
            )
            results_page = page_of(total, number, found, SEARCH_RESULTS_PER_PAGE)
            if past_the_end:
                notice = _("That page of results does not exist. Here is the last one.")
        except DatabaseError:
            logger.warning("Search engine rejected a query", exc_info=False)
            notice = _("We could not understand that search. Try plain words.")
    return render(
        request,
        "website/search.html",
        {
            "query": query,
            "results_page": results_page,
            "notice": notice,
            "search_key": search_key(query, request.GET.get("page")),
            "alternate_urls": alternate_urls_for_view(request),
        },
    )


def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /documents/"]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            lines.append(f"Disallow: {reverse('search')}")
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@keep_result
def favicon_bytes():
    return (Path(__file__).resolve().parent / "static/website/favicon.ico").read_bytes()


@cache_control(public=True, max_age=60 * 60 * 24)
def favicon(request):
    """`/favicon.ico`: browsers and crawlers ask for it whatever the page links to."""
    return HttpResponse(favicon_bytes(), content_type="image/x-icon")


@never_cache
def healthz(request):
    """For load balancers: 200 when the database answers, 503 when it does not."""
    checks = {"database": "ok", "cache": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        logger.exception("Health check: database unreachable")
        checks["database"] = "unavailable"
    try:
        # `add` (unlike `get` and `set`) says when the cache does not answer.
        cache.add("healthz", "1", 5)
    except Exception:
        logger.exception("Health check: cache unreachable")
        checks["cache"] = "unavailable"
    status = 200 if checks["database"] == "ok" else 503
    return JsonResponse(checks, status=status)


def language_from_path(path):
    prefix = path.lstrip("/").split("/", 1)[0]
    return prefix if prefix in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def render_without_database(request, template_name, status):
    """An error page that reads only settings.py: no database, no context processor.

    Something is already wrong, so the page must not depend on anything else; the quick
    exit still works.
    """
    language = language_from_path(request.path)
    with translation.override(language):
        html = loader.get_template(template_name).render(
            {
                "LANGUAGE_CODE": language,
                "quick_exit_url": settings.QUICK_EXIT_URL,
                "emergency_number": settings.EMERGENCY_NUMBER,
                "home_url": f"/{language}/",
            }
        )
    return HttpResponse(html, status=status)


# Seconds a visitor (or a load balancer) should wait before trying again.
RETRY_AFTER_DATABASE_DOWN = 30


def server_error(request, *args, **kwargs):
    """500, or 503 when the database cannot be reached: that passes, so say so.

    Django calls this while it handles the exception, so the exception is at hand.
    """
    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)):
        response = render_without_database(request, "503.html", 503)
        response["Retry-After"] = str(RETRY_AFTER_DATABASE_DOWN)
        return response
    return render_without_database(request, "500.html", 500)


def bad_request(request, exception=None, *args, **kwargs):
    return render_without_database(request, "400.html", 400)


def csrf_failure(request, reason="", template_name=None):
    """A form was sent without its security token (expired page, blocked cookie)."""
    return render_without_database(request, "403_csrf.html", 403)
