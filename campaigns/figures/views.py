"""The figures page's routes: a quarter (the latest by default), its open data files, the
"latest" addresses and the Atom feed of published quarters.

Everything read from the database is cached per page until a quarter is frozen or the
content changes; the day is part of the key, since a new quarter becomes publishable at
midnight.
"""

import datetime

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from website.caching.fragments import cached_for_page

from .figures import published_quarters, quarter_figures
from .freeze import figures_token
from .opendata import csv_text, datapackage, method_text, tables
from .quarters import Quarter

FEED_LENGTH = 8


def published(page, request):
    today = timezone.localdate()
    return cached_for_page(
        request,
        page,
        "figures-quarters",
        lambda: published_quarters(today),
        figures_token(),
        today.isoformat(),
    )


def figures_of(page, request, quarter):
    language = page.locale.language_code
    return cached_for_page(
        request,
        page,
        "figures",
        lambda: quarter_figures(quarter, language),
        quarter.slug,
        figures_token(),
    )


def alternate_urls(page, request, quarter):
    """The same quarter on the page of each language."""
    return cached_for_page(
        request,
        page,
        "figures-alternates",
        lambda: {
            other.locale.language_code: other.specific.quarter_url(quarter, request)
            for other in page.get_translations(inclusive=True)
            .live()
            .public()
            .select_related("locale")
        },
        quarter.slug,
    )


def quarter_view(page, request, quarter):
    quarters = published(page, request)
    latest = quarters[-1] if quarters else None
    if quarter is not None and quarter not in quarters:
        raise Http404("No figures for that quarter")
    shown = quarter or latest
    context = {
        **page.get_context(request),
        "page": page,
        "self": page,
        "quarters": list(reversed(quarters)),
        "latest": latest,
        "feed_url": request.build_absolute_uri(page.url + page.reverse_subpage("feed")),
        "method": method_text(),
    }
    if shown is not None:
        figures = figures_of(page, request, shown)
        context.update(
            figures=figures,
            downloads=[
                (name, title, page.quarter_url(shown, request, f"csv/{name}"))
                for name, (title, _fields, _rows) in tables(figures).items()
            ],
            datapackage_url=page.quarter_url(shown, request, "datapackage"),
            latest_datapackage_url=page.quarter_url("latest", request, "datapackage"),
        )
        if quarter is not None:
            context["alternate_urls"] = alternate_urls(page, request, quarter)
    return TemplateResponse(request, "figures/figures_page.html", context)


def data_view(page, request, slug, name):
    quarters = published(page, request)
    if slug == "latest":
        if not quarters:
            raise Http404("No figures yet")
        # A stable address for scripts: it leads to the latest quarter's own address.
        return HttpResponseRedirect(page.quarter_url(quarters[-1], request, name))
    quarter = Quarter.from_slug(slug)
    if quarter not in quarters:
        raise Http404("No figures for that quarter")
    figures = figures_of(page, request, quarter)
    if name == "datapackage":
        body = datapackage(
            figures,
            _("Safe Internet"),
            request.build_absolute_uri(page.quarter_url(quarter, request)),
            lambda table: request.build_absolute_uri(
                page.quarter_url(quarter, request, f"csv/{table}")
            ),
        )
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        filename = f"{quarter.slug}-datapackage.json"
    else:
        found = tables(figures).get(name.removeprefix("csv/"))
        if found is None:
            raise Http404("No such table")
        _title, fields, rows = found
        response = HttpResponse(csv_text(fields, rows), content_type="text/csv; charset=utf-8")
        filename = f"{quarter.slug}-{name.removeprefix('csv/')}.csv"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Content-Language"] = translation.get_language()
    return response


def feed_view(page, request):
    """One entry per published quarter, newest first: a feed reader hears of each new one."""
    page_url = request.build_absolute_uri(page.url)
    self_url = request.build_absolute_uri(page.url + page.reverse_subpage("feed"))
    feed = Atom1Feed(
        title=f"{page.title} · {_('Safe Internet')}",
        link=page_url,
        description=page.intro or page.title,
        language=page.locale.language_code,
        feed_url=self_url,
        author_name=_("Safe Internet"),
        feed_guid=self_url,
    )
    for quarter in reversed(published(page, request)[-FEED_LENGTH:]):
        url = request.build_absolute_uri(page.quarter_url(quarter))
        published_at = timezone.make_aware(
            datetime.datetime.combine(quarter.publishable_on, datetime.time(9, 0))
        )
        feed.add_item(
            title=_("Figures for %(quarter)s") % {"quarter": quarter.label},
            link=url,
            description=_("Reports to the alert line and quiz answers, %(quarter)s.")
            % {"quarter": quarter.label},
            unique_id=url,
            pubdate=published_at,
            updateddate=published_at,
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response
