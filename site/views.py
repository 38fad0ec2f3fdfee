import hashlib
import logging
import operator
import sys
import unicodedata
from functools import cache as keep_result
from functools import reduce
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import DatabaseError, InterfaceError, OperationalError, connection, transaction
from django.http import (
    Http404,
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
from wagtail import hooks
from wagtail.models import Locale, Page
from wagtail.search.query import PlainText

from .caching.routing import remember_served_route, route_for_request
from .caching.store import cached
from .middleware import read_only
from .models import SearchSynonym
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


def serve(request, path):
    """Wagtail's serve view, with the same hooks in the same order, finding the page
    through the route cache (`website.caching.routing`) rather than the database."""
    route = route_for_request(request, path)
    if route is None:
        raise Http404
    page, args, kwargs = route

    def serve_chain(page, request, args, kwargs):
        return page.serve(request, *args, **kwargs)

    on_serve_chain = serve_chain
    for wrap in reversed(hooks.get_hooks("on_serve_page")):
        on_serve_chain = wrap(on_serve_chain)
    for before_serve in hooks.get_hooks("before_serve_page"):
        result = before_serve(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    response = on_serve_chain(page, request, args, kwargs)
    remember_served_route(request, response)
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


def folded(text):
    """Lower case, without accents, words separated by single spaces, padded with one."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " " + " ".join("".join(c if c.isalnum() else " " for c in bare).split()) + " "


def synonyms_in(query):
    """What the words of `query` mean on this site's pages, from the editors' search
    synonyms in the active language (a word matches whole, whatever its capitals and
    accents)."""
    searched = folded(query)
    language = translation.get_language()
    return [
        alternative
        for synonym in SearchSynonym.objects.filter(locale__language_code=language)
        if folded(synonym.term).strip() and folded(synonym.term) in searched
        for alternative in synonym.alternatives()
    ]


def widened(query):
    """The query, or the query OR any of its synonyms (each matched with all its words,
    as the query itself is)."""
    alternatives = synonyms_in(query)
    if not alternatives:
        return query
    words = [PlainText(text, operator="and") for text in [query, *alternatives]]
    return reduce(operator.or_, words)


def find_results(query, page_number):
    """(how many pages match, the page number shown, its results, whether the number asked
    for was past the end). Raises DatabaseError when the search engine rejects the query."""
    results = (
        Page.objects.live()
        .public()
        .filter(locale=Locale.get_active())
        .specific()
        .search(widened(query))
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


def search_suggestions(request):
    """Where to turn when a search finds nothing: links that apps offer through the
    `register_search_suggestions` hook (the alert line), in the reader's language.

    Each hook takes the request and returns a list of {"title", "url", "text"}. `website`
    never imports those apps. Kept per language and content generation: they are pages.
    """

    def build():
        return [
            suggestion
            for hook in hooks.get_hooks("register_search_suggestions")
            for suggestion in hook(request) or []
        ]

    return cached(request, "search-suggestions", build, translation.get_language())


@read_only
def search(request):
    raw_query = request.GET.get("q", "")
    query = clean_query(raw_query)
    notice = ""
    if len(raw_query) > SEARCH_QUERY_MAX_LENGTH:
        notice = _("Your search was long, so we used only its first %(count)s characters.") % {
            "count": SEARCH_QUERY_MAX_LENGTH
        }
    results_page = None
    suggestions = []
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
        if not (results_page and results_page.object_list):
            suggestions = search_suggestions(request)
    return render(
        request,
        "website/search.html",
        {
            "query": query,
            "results_page": results_page,
            "notice": notice,
            "suggestions": suggestions,
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


def render_without_database(request, template_name, status, extra=None):
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
                **(extra or {}),
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
    """A form was sent without its security token (expired page, blocked cookie).

    The forms that take a report are never restored by the browser (so that Back after
    quick exit shows nothing), so what was written is shown here to copy, never stored.
    """
    response = render_without_database(
        request, "403_csrf.html", 403, {"typed": written_text(request)}
    )
    response["Cache-Control"] = "no-store"
    return response


def written_text(request):
    """What a person wrote in the form (words with spaces between them): not the tokens,
    the choices or the codes, which are single words."""
    if request.method != "POST":
        return []
    return [
        value.strip()
        for name, value in request.POST.items()
        if not name.startswith("csrf") and len(value.strip().split()) > 1
    ]
