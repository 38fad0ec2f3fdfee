"""The alert index's filters, pagination and Atom feeds.

Everything a visitor can put in the address is read here. Unknown, repeated or garbled
values never fail: the visitor gets a normal page and a short notice in their language.
"""

import datetime
import re
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from website.caching.fragments import cached_for_page
from website.pagination import page_of

from .choices import ALERTS_PER_PAGE, AUDIENCES, FEED_LENGTH, TOPICS, audience_q

PAGE_NUMBER = re.compile(r"^[0-9]{1,9}$")


def clean_value(value):
    return value.strip().lower()[:50]


class AlertListing:
    """One page of the index: the filters that apply, the alerts, and the links around it."""

    def __init__(self, index_page, request):
        self.index_page = index_page
        self.request = request
        self.base_url = index_page.get_url(request) or ""
        self.notices = []
        params = request.GET if request is not None else {}
        self.audience = self.read_choice(
            params,
            "audience",
            AUDIENCES,
            gettext_lazy("We do not know that audience, so alerts for everyone are shown."),
        )
        self.topic = self.read_choice(
            params,
            "topic",
            TOPICS,
            gettext_lazy("We do not know that topic, so alerts on every topic are shown."),
        )
        self.page = self.paginate(params)

    # --- Reading the address ---------------------------------------------------------

    def first_value(self, params, name):
        values = params.getlist(name) if hasattr(params, "getlist") else []
        if len(values) > 1:
            self.add_notice(_("The address had a setting more than once. We used the first."))
        return clean_value(values[0]) if values else ""

    def read_choice(self, params, name, choices, unknown_message):
        value = self.first_value(params, name)
        if value and value not in dict(choices):
            self.add_notice(str(unknown_message))
            return ""
        return value

    def matching_alerts(self):
        """The alerts these filters show. Built only when the cache misses: building it
        reads every view restriction (Wagtail's `public()`)."""
        alerts = self.index_page.alerts()
        if self.audience:
            alerts = alerts.filter(audience_q(self.audience))
        if self.topic:
            alerts = alerts.filter(topic=self.topic)
        return alerts

    def paginate(self, params):
        raw = self.first_value(params, "page")
        number = 1
        if raw:
            if PAGE_NUMBER.match(raw) and int(raw) >= 1:
                number = int(raw)
            else:
                self.add_notice(_("That page number is not valid, so the first page is shown."))
        # The count and each page of alerts change only when something is published.
        filters = (self.audience, self.topic)
        total = cached_for_page(
            self.request,
            self.index_page,
            "alert-count",
            lambda: self.matching_alerts().count(),
            *filters,
        )
        last = Paginator(range(total), ALERTS_PER_PAGE).num_pages
        if number > last:
            self.add_notice(_("That page does not exist. Here is the last one."))
            number = last
        start = (number - 1) * ALERTS_PER_PAGE
        shown = cached_for_page(
            self.request,
            self.index_page,
            "alert-page",
            lambda: list(self.matching_alerts()[start : start + ALERTS_PER_PAGE]),
            *filters,
            number,
        )
        return page_of(total, number, shown, ALERTS_PER_PAGE)

    def add_notice(self, message):
        if message not in self.notices:
            self.notices.append(message)

    # --- Links -----------------------------------------------------------------------

    def url(self, audience=None, topic=None, page=None):
        params = {"audience": audience, "topic": topic, "page": page if page != 1 else None}
        query = urlencode({key: value for key, value in params.items() if value})
        return f"{self.base_url}?{query}" if query else self.base_url

    @property
    def is_filtered(self):
        return bool(self.audience or self.topic)

    @property
    def audience_label(self):
        return dict(AUDIENCES).get(self.audience, "")

    @property
    def topic_label(self):
        return dict(TOPICS).get(self.topic, "")

    def audience_links(self):
        links = [("", _("Everyone"), self.url(topic=self.topic), not self.audience)]
        for code, label in AUDIENCES:
            links.append((code, label, self.url(code, self.topic), code == self.audience))
        return links

    def topic_links(self):
        links = [("", _("All topics"), self.url(audience=self.audience), not self.topic)]
        for code, label in TOPICS:
            links.append((code, label, self.url(self.audience, code), code == self.topic))
        return links

    def previous_url(self):
        if self.page.has_previous():
            return self.url(self.audience, self.topic, self.page.previous_page_number())
        return ""

    def next_url(self):
        if self.page.has_next():
            return self.url(self.audience, self.topic, self.page.next_page_number())
        return ""

    def feed_url(self):
        return self.index_page.feed_url(self.request)

    def audience_feed_url(self):
        if not self.audience:
            return ""
        return self.index_page.feed_url(self.request, audience=self.audience)


# --- Atom ------------------------------------------------------------------------------


def absolute(request, url):
    return request.build_absolute_uri(url)


def build_feed(index_page, request):
    """The Atom feed of one language, optionally for one audience or one topic."""
    # The first value of each, as the index reads them.
    audience = clean_value((request.GET.getlist("audience") or [""])[0])
    topic = clean_value((request.GET.getlist("topic") or [""])[0])
    if (audience and audience not in dict(AUDIENCES)) or (topic and topic not in dict(TOPICS)):
        raise Http404("Unknown filter")  # a feed reader needs a clear "no such feed"
    alerts = index_page.alerts()
    title = index_page.title
    if audience:
        alerts = alerts.filter(audience_q(audience))
        title = f"{title}: {dict(AUDIENCES)[audience]}"
    if topic:
        alerts = alerts.filter(topic=topic)
        title = f"{title}: {dict(TOPICS)[topic]}"
    language = index_page.locale.language_code
    index_url = absolute(request, index_page.get_url(request))
    # The feed's identity comes from the cleaned filters only: stray query parameters
    # must not make a "new" feed.
    query = urlencode(
        [(name, value) for name, value in (("audience", audience), ("topic", topic)) if value]
    )
    self_url = index_page.feed_url(request) + (f"?{query}" if query else "")
    feed = Atom1Feed(
        title=f"{title} · {_('Safe Internet')}",
        link=index_url,
        description=index_page.intro or index_page.title,
        language=language,
        feed_url=self_url,
        author_name=_("Safe Internet"),
        feed_guid=self_url,
    )
    labels = dict(TOPICS)
    for alert in alerts[:FEED_LENGTH]:
        url = absolute(request, alert.get_url(request))
        published = timezone.make_aware(
            datetime.datetime.combine(alert.published_date, datetime.time(9, 0))
        )
        feed.add_item(
            title=alert.title,
            link=url,
            description=alert.summary,
            unique_id=url,
            pubdate=published,
            updateddate=max(published, alert.last_published_at or published),
            categories=[str(labels.get(alert.topic, alert.topic))]
            + [str(label) for label in alert.audience_labels],
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response
