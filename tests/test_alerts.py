"""Citizen alerts: page types, validation, filters, pagination, feeds, the urgent banner,
the review report, the home page section and constant query counts."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from campaigns.alerts import banners
from campaigns.alerts.models import (
    AlertIndexPage,
    AlertPage,
    AlertRelatedAlert,
    AlertRelatedPage,
)
from tests.factories.pages import (
    add_alert,
    add_guidance_page,
    add_translation,
    add_urgent_alert,
    index_for,
)
from tests.support.admin import choose_admin_language, signed_in_as
from tests.support.pages import html_of
from website.caching.generation import generation, generation_for_request, new_generation
from website.models import GuidancePage, HomePage

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def alert_titles(html):
    listing = html.split('class="alert-list"', 1)
    if len(listing) == 1:
        return []
    items = listing[1].split("</ol>", 1)[0].split("<h3><a ")[1:]
    return [item.split(">", 1)[1].split("</a>", 1)[0] for item in items]


# --- Page types and the admin -----------------------------------------------------------


@pytest.mark.django_db
class TestAlertPageTypes(WagtailPageTestCase):
    def setUp(self):
        choose_admin_language(self.login(), "en")  # admin messages in English
        self.index_pt = index_for("pt")
        self.index_en = index_for("en")
        home_pt = HomePage.objects.get(locale__language_code="pt")
        self.guidance = add_guidance_page(home_pt, "Guia ligado", "guia-ligado")

    def test_where_alert_pages_can_be_created(self):
        self.assertCanCreateAt(HomePage, AlertIndexPage)
        self.assertCanCreateAt(AlertIndexPage, AlertPage)
        self.assertCanNotCreateAt(HomePage, AlertPage)
        self.assertCanNotCreateAt(AlertPage, AlertPage)
        self.assertCanNotCreateAt(GuidancePage, AlertIndexPage)
        self.assertAllowedSubpageTypes(AlertIndexPage, {AlertPage})
        self.assertAllowedParentPageTypes(AlertPage, {AlertIndexPage})

    def form_data(self, slug, **overrides):
        data = {
            "title": "Fake giveaways",
            "slug": slug,
            "summary": "Free phones that are not free.",
            "what_is_happening": rich_text("<p>Messages promise a <b>prize</b>.</p>"),
            "signs": streamfield([("sign", "A prize you did not enter for.")]),
            "what_to_do": streamfield([("step", "Do not click."), ("step", "Tell someone.")]),
            "keep_evidence": streamfield([("step", "Take a screenshot.")]),
            "where_to_complain": streamfield(
                [("link", {"label": "Police", "page": "", "url": "https://example.org/report"})]
            ),
            "topic": "scams",
            "risk_level": "high",
            "for_parents": "on",
            "for_educators": "on",
            "published_date": "2026-11-01",
            "review_date": "2027-05-01",
            "urgent": "",
            "urgent_until": "",
            "related_alerts": inline_formset([]),
            "related_pages": inline_formset([{"link_page": self.guidance.pk}]),
        } | overrides
        return nested_form_data(data)

    def test_create_an_alert_through_the_admin_in_both_languages(self):
        for index, slug in ((self.index_en, "fake-giveaways"), (self.index_pt, "brindes-falsos")):
            self.assertCanCreate(index, AlertPage, self.form_data(slug))
            alert = AlertPage.objects.get(slug=slug)
            assert alert.locale == index.locale
            assert "<b>prize</b>" in alert.what_is_happening
            assert [step.value for step in alert.what_to_do] == ["Do not click.", "Tell someone."]
            assert [sign.value for sign in alert.signs] == ["A prize you did not enter for."]
            assert [step.value for step in alert.keep_evidence] == ["Take a screenshot."]
            link = alert.where_to_complain[0].value
            assert (link["label"], link["url"]) == ("Police", "https://example.org/report")
            assert (alert.topic, alert.risk_level) == ("scams", "high")
            assert alert.audience_codes == ["parents", "educators"]
            assert alert.published_date == datetime.date(2026, 11, 1)
            assert alert.review_date == datetime.date(2027, 5, 1)
            assert alert.related_pages.get().link_page.slug == "guia-ligado"

    def test_the_admin_form_tells_editors_never_to_handle_images_of_abuse(self):
        url = reverse("wagtailadmin_pages:add", args=["alerts", "alertpage", self.index_en.pk])
        html = html_of(self.client.get(url))
        assert "Never copy, download or send images of abuse" in html
        assert 'name="urgent_until"' in html and 'name="for_parents"' in html

    def post_new_alert(self, data):
        url = reverse("wagtailadmin_pages:add", args=["alerts", "alertpage", self.index_en.pk])
        return self.client.post(url, data)

    def test_an_alert_needs_a_step_a_place_to_complain_and_an_audience(self):
        data = self.form_data(
            "no-steps",
            what_to_do=streamfield([]),
            where_to_complain=streamfield([]),
            for_parents="",
            for_educators="",
        )
        response = self.post_new_alert(data)
        assert response.status_code == 200
        html = html_of(response)
        assert "Add at least one step that says what to do." in html
        assert "Add at least one place where people can complain." in html
        assert "Choose at least one audience." in html
        assert not AlertPage.objects.filter(slug="no-steps").exists()

    def test_an_urgent_alert_needs_an_end_date(self):
        response = self.post_new_alert(self.form_data("urgent-no-end", urgent="on"))
        assert "An urgent alert needs an end date for its banner." in html_of(response)
        assert not AlertPage.objects.filter(slug="urgent-no-end").exists()

    def test_a_complaint_link_is_a_page_or_an_address_not_both(self):
        both = streamfield(
            [("link", {"label": "Both", "page": self.guidance.pk, "url": "https://example.org/"})]
        )
        response = self.post_new_alert(self.form_data("both-links", where_to_complain=both))
        assert "Choose a page or type a web address, not both." in html_of(response)
        assert not AlertPage.objects.filter(slug="both-links").exists()

    def test_the_review_date_cannot_come_before_publication(self):
        response = self.post_new_alert(self.form_data("early-review", review_date="2026-10-01"))
        assert "The review date cannot come before the published date." in html_of(response)

    def test_alerts_render_and_preview_in_both_languages(self):
        for index in (self.index_pt, self.index_en):
            self.assertPageIsRenderable(index)
            self.assertPageIsRenderable(index, route_path="/feed/")
            self.assertPageIsPreviewable(index)
            alert = AlertPage.objects.child_of(index).live().first()
            self.assertPageIsRenderable(alert)
            post_data = self.form_data(alert.slug, title=alert.title)
            self.assertPageIsPreviewable(alert, post_data=post_data)


# --- What readers see -------------------------------------------------------------------


@pytest.fixture
def linked_alerts(translated_page):
    """A Portuguese alert that links another alert and a guidance page, chosen in
    Portuguese, and the English translations of all three."""
    guidance_pt, _guidance_en = translated_page
    index_pt = index_for("pt")
    other = add_alert(index_pt, "Outro alerta", "outro-alerta")
    add_translation(other, "en", "Another alert", "another-alert")
    alert = add_alert(
        index_pt,
        "Ameaças de teste",
        "ameacas-de-teste",
        what_to_do=[("step", "Não pagues.")],
        where_to_complain=[
            ("link", {"label": "Polícia", "page": None, "url": "https://police.example.org/"})
        ],
    )
    alert.related_alerts = [AlertRelatedAlert(alert=other)]
    alert.related_pages = [AlertRelatedPage(link_page=guidance_pt)]
    alert.save_revision().publish()
    add_translation(
        AlertPage.objects.get(pk=alert.pk),
        "en",
        "Test threats",
        "test-threats",
        what_to_do=[("step", "Do not pay and do not send anything else.")],
        where_to_complain=[
            ("link", {"label": "Police", "page": None, "url": "https://police.example.org/"})
        ],
    )


@pytest.mark.django_db
def test_an_alert_page_says_what_to_do_and_where_to_complain(client, linked_alerts):
    html = html_of(client.get("/en/alerts/test-threats/"))
    assert "<h1>Test threats</h1>" in html
    assert "Do not pay and do not send anything else." in html
    assert "Never copy, download or send images of abuse" in html
    assert 'href="tel:+351918089090"' in html, "the alert line from the site settings"
    assert 'href="https://police.example.org/"' in html
    # Related alert chosen in Portuguese, shown in English.
    assert 'href="/en/alerts/another-alert/"' in html
    html = html_of(client.get("/pt/alertas/ameacas-de-teste/"))
    assert "Nunca copies, descarregues nem envies imagens de abuso" in html
    assert 'href="/pt/alertas/outro-alerta/"' in html


@pytest.mark.django_db
def test_related_pages_show_in_the_readers_language(client, linked_alerts):
    html = html_of(client.get("/en/alerts/test-threats/"))
    assert '<a href="/en/translated-page/">' in html
    assert "/pt/pagina-traduzida/" not in html


@pytest.mark.django_db
def test_index_lists_alerts_of_its_language_newest_first(client):
    html = html_of(client.get("/en/alerts/"))
    titles = alert_titles(html)
    expected = list(
        AlertPage.objects.live()
        .filter(locale__language_code="en")
        .order_by("-published_date")
        .values_list("title", flat=True)
    )
    assert titles == expected and len(titles) >= 6
    assert "Ameaças" not in html


@pytest.fixture
def audience_alerts():
    """Alerts for one audience or another, on one topic or another."""
    index_en, index_pt = index_for("en"), index_for("pt")
    add_alert(
        index_en,
        "Alert for educators",
        "alert-for-educators",
        for_parents=False,
        for_educators=True,
        topic="cyberbullying",
    )
    add_alert(
        index_en,
        "Alert for parents and young people",
        "alert-for-parents",
        for_young_people=True,
        topic="scams",
    )
    add_alert(index_pt, "Aliciamento para pais", "aliciamento-para-pais", topic="grooming")
    add_alert(
        index_pt,
        "Aliciamento para educadores",
        "aliciamento-para-educadores",
        for_parents=False,
        for_educators=True,
        topic="grooming",
    )
    add_alert(index_pt, "Burla para pais", "burla-para-pais", topic="scams")


@pytest.mark.django_db
def test_filter_by_audience_and_topic_in_both_languages(client, audience_alerts):
    educators = html_of(client.get("/en/alerts/", {"audience": "educators"}))
    titles = alert_titles(educators)
    assert "Alert for parents and young people" not in titles
    assert "Alert for educators" in titles
    assert 'aria-current="true">Educators</a>' in educators
    both = html_of(client.get("/pt/alertas/", {"audience": "parents", "topic": "grooming"}))
    expected = AlertPage.objects.live().filter(
        locale__language_code="pt", for_parents=True, topic="grooming"
    )
    assert sorted(alert_titles(both)) == sorted(expected.values_list("title", flat=True))
    assert "Aliciamento para pais" in alert_titles(both)
    assert "Aliciamento para educadores" not in alert_titles(both)
    assert "Burla para pais" not in alert_titles(both)
    assert 'aria-current="true">Pais e cuidadores</a>' in both
    assert 'aria-current="true">Aliciamento</a>' in both


@pytest.mark.django_db
def test_pagination_keeps_the_filters_and_shows_ten_per_page(client):
    index = index_for("en")
    for number in range(12):
        add_alert(
            index,
            f"Parents alert {number:02d}",
            f"parents-alert-{number:02d}",
            published_date=datetime.date(2030, 1, 1) + datetime.timedelta(days=number),
        )
    first = html_of(client.get("/en/alerts/", {"audience": "parents"}))
    titles = alert_titles(first)
    assert len(titles) == 10
    assert titles[0] == "Parents alert 11" and titles[9] == "Parents alert 02"
    assert 'href="/en/alerts/?audience=parents&amp;page=2" rel="next"' in first
    second = html_of(client.get("/en/alerts/", {"audience": "parents", "page": "2"}))
    assert alert_titles(second)[:2] == ["Parents alert 01", "Parents alert 00"]
    assert 'href="/en/alerts/?audience=parents" rel="prev"' in second
    assert "Page 2 of 2" in second


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("audience=aliens", "We do not know that audience"),
        ("topic=%3Cscript%3Ealert(1)%3C/script%3E", "We do not know that topic"),
        ("page=999", "That page does not exist. Here is the last one."),
        ("page=-1", "That page number is not valid"),
        ("page=0", "That page number is not valid"),
        ("page=abc", "That page number is not valid"),
        ("page=1e3", "That page number is not valid"),
        ("page=99999999999999999999999", "That page number is not valid"),
        ("page=%00", "That page number is not valid"),
        ("audience=parents&audience=educators", "The address had a setting more than once"),
        ("page=1&page=2", "The address had a setting more than once"),
        ("audience[]=parents&topic=%FF%FE", "We do not know that topic"),
    ],
)
def test_hostile_parameters_get_a_normal_page_with_a_message(client, query, message):
    response = client.get(f"/en/alerts/?{query}")
    assert response.status_code == 200
    html = html_of(response)
    assert message in html
    assert "<script>alert(1)" not in html
    assert alert_titles(html), "alerts are still listed"


@pytest.mark.django_db
def test_hostile_parameter_messages_are_in_portuguese(client):
    html = html_of(client.get("/pt/alertas/", {"audience": "x", "page": "zz"}))
    assert "Não conhecemos esse público" in html
    assert "Esse número de página não é válido" in html


@pytest.mark.django_db
def test_a_filter_with_no_alerts_says_so(client):
    html = html_of(client.get("/en/alerts/", {"topic": "harmful_content"}))
    assert "There are no alerts here yet." in html
    assert "0 alerts" in html


# --- Feeds ------------------------------------------------------------------------------


def parse_feed(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "language"), [("/pt/alertas/feed/", "pt"), ("/en/alerts/feed/", "en")]
)
def test_each_language_has_a_valid_atom_feed(client, url, language):
    title = f"Feed test alert {language}"
    add_alert(index_for(language), title, "feed-test-alert")
    feed = parse_feed(client.get(url))
    assert feed.tag == f"{ATOM}feed"
    assert feed.get(XML_LANG) == language
    assert feed.find(f"{ATOM}id").text.startswith("http://testserver/")
    assert feed.find(f"{ATOM}updated").text
    assert feed.find(f"{ATOM}author/{ATOM}name").text
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == AlertPage.objects.live().filter(locale__language_code=language).count()
    titles = [entry.find(f"{ATOM}title").text for entry in entries]
    assert title in titles
    for entry in entries:
        link = entry.find(f"{ATOM}link").get("href")
        assert link.startswith(f"http://testserver/{language}/"), link
        assert entry.find(f"{ATOM}id").text == link
        assert entry.find(f"{ATOM}updated").text and entry.find(f"{ATOM}summary").text
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links["self"] == f"http://testserver{url}"
    assert links["alternate"].startswith(f"http://testserver/{language}/")


@pytest.mark.django_db
def test_a_feed_per_audience(client, audience_alerts):
    feed = parse_feed(client.get("/en/alerts/feed/", {"audience": "educators"}))
    titles = {entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")}
    assert "Alert for educators" in titles
    assert "Alert for parents and young people" not in titles
    assert client.get("/en/alerts/feed/", {"audience": "aliens"}).status_code == 404


@pytest.mark.django_db
def test_the_index_links_its_feeds_in_the_head_and_the_page(client):
    html = html_of(client.get("/en/alerts/"))
    head = html.split("</head>")[0]
    assert (
        '<link rel="alternate" type="application/atom+xml" '
        'href="http://testserver/en/alerts/feed/"' in head
    )
    assert "audience=" not in head
    html = html_of(client.get("/en/alerts/", {"audience": "parents"}))
    head, body = html.split("</head>")
    assert 'href="http://testserver/en/alerts/feed/?audience=parents"' in head
    assert (
        'href="http://testserver/en/alerts/feed/?audience=parents" type="application/atom+xml"'
        in body
    )
    assert "Feed of alerts for Parents and carers (Atom)" in body


# --- The urgent banner ------------------------------------------------------------------


def banner_in(html):
    return 'class="urgent-banner"' in html


@pytest.mark.django_db
def test_an_urgent_alert_shows_on_every_page_of_its_language_only(
    client, monkeypatch, translated_page
):
    alert = add_urgent_alert(
        index_for("pt"),
        "Burla urgente de teste",
        "burla-urgente-de-teste",
        ends_in=datetime.timedelta(hours=2),
    )
    for url in ["/pt/", "/pt/pagina-traduzida/", "/pt/alertas/", "/pt/pesquisa/?q=x", "/pt/x/"]:
        html = html_of(client.get(url))
        assert "Burla urgente de teste" in html.split("<main", 1)[0], url
        assert 'href="/pt/alertas/burla-urgente-de-teste/"' in html
    for url in ["/en/", "/en/translated-page/", "/en/alerts/", "/en/search/?q=x"]:
        assert "Burla urgente de teste" not in html_of(client.get(url)), url

    # Readable without JavaScript: text and link in the HTML, the button waits for the script.
    html = html_of(client.get("/pt/"))
    banner = html.split('<div class="urgent-banners">', 1)[1].split("</div>", 1)[0]
    assert "data-hide-banner hidden" in banner
    assert '<script src="/static/alerts/js/urgent-banner.js" defer></script>' in banner
    assert "<script>" not in html and "style=" not in html

    # After the end date it is gone, with no publishing in between (the cache is warm).
    later = alert.urgent_until + datetime.timedelta(minutes=1)
    monkeypatch.setattr(banners.timezone, "now", lambda: later)
    assert "Burla urgente de teste" not in html_of(client.get("/pt/")).split("<main", 1)[0]


@pytest.mark.django_db
def test_the_banner_costs_one_query_then_none_and_publishing_clears_it(client):
    assert "Urgent test scam" not in html_of(client.get("/en/"))  # the cache is now warm
    alert = add_urgent_alert(index_for("en"), "Urgent test scam", "urgent-test-scam")
    assert "Urgent test scam" in html_of(client.get("/en/")), "publishing cleared the cache"
    new_generation()
    with generation_for_request():  # as inside one request: the token is read once
        generation()
        with CaptureQueriesContext(connection) as first:
            titles = [item["title"] for item in banners.urgent_alerts("en")]
        assert "Urgent test scam" in titles
        assert len(first.captured_queries) == 1
        with CaptureQueriesContext(connection) as second:
            banners.urgent_alerts("en")
        assert len(second.captured_queries) == 0
    alert.unpublish()
    assert "Urgent test scam" not in html_of(client.get("/en/"))


@pytest.mark.django_db
def test_making_an_urgent_alert_private_takes_it_out_of_the_banner_at_once(client):
    from wagtail.models import PageViewRestriction

    alert = add_urgent_alert(index_for("en"), "Soon private alert", "soon-private-alert")
    assert "Soon private alert" in html_of(client.get("/en/"))  # the cache is warm
    restriction = PageViewRestriction.objects.create(
        page=alert, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert "Soon private alert" not in html_of(client.get("/en/"))
    restriction.delete()
    assert "Soon private alert" in html_of(client.get("/en/"))


@pytest.mark.django_db
def test_an_urgent_flag_without_a_future_end_date_shows_nothing(client):
    add_urgent_alert(
        index_for("en"),
        "Expired urgent alert",
        "expired-urgent-alert",
        ends_in=-datetime.timedelta(minutes=1),
    )
    assert "Expired urgent alert" not in html_of(client.get("/en/")).split("<main", 1)[0]


# --- Editors' report, home page ---------------------------------------------------------


@pytest.fixture
def overdue_alert():
    """A Portuguese alert past its review date, and its English translation."""
    today = timezone.localdate()
    alert = add_alert(
        index_for("pt"),
        "Alerta por rever",
        "alerta-por-rever",
        topic="privacy",
        published_date=today - datetime.timedelta(days=300),
        review_date=today - datetime.timedelta(days=10),
    )
    return alert, add_translation(alert, "en", "Alert to review", "alert-to-review")


@pytest.mark.django_db
def test_editors_see_alerts_past_their_review_date(client, overdue_alert):
    signed_in_as(client, "editor")
    overdue, _english = overdue_alert
    fresh = add_alert(index_for("en"), "Fresh alert", "fresh-alert")
    response = client.get(reverse("alerts_review_report"))
    assert response.status_code == 200
    html = html_of(response)
    assert overdue.title in html
    assert reverse("wagtailadmin_pages:edit", args=[overdue.pk]) in html
    assert fresh.title not in html
    assert reverse("alerts_review_report") in html_of(client.get("/admin/"))


@pytest.mark.django_db
def test_editors_can_download_the_review_report(client, overdue_alert):
    signed_in_as(client, "editor")
    response = client.get(reverse("alerts_review_report"), {"export": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = b"".join(response.streaming_content).decode().splitlines()
    overdue = AlertPage.objects.filter(review_date__lt=timezone.localdate())
    assert overdue.count() >= 2
    assert len(rows) == 1 + overdue.count(), "a heading and each overdue alert"
    assert "Alert to review,en,Privacidade," in "\n".join(rows[1:])  # pt admin


@pytest.mark.django_db
def test_the_review_report_is_not_public(client):
    response = client.get(reverse("alerts_review_report"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_alert_line_handlers_do_not_get_the_review_report(client, overdue_alert):
    signed_in_as(client, "handler")
    response = client.get(reverse("alerts_review_report"))
    assert response.status_code == 302, "Wagtail sends users without permission away"
    assert "Alerta por rever" not in html_of(client.get(response["Location"]))
    assert reverse("alerts_review_report") not in html_of(client.get("/admin/"))


@pytest.mark.django_db
def test_home_page_shows_the_latest_three_alerts_of_its_language(client):
    html = html_of(client.get("/en/"))
    section = html.split('id="alerts-heading"', 1)[1].split("</section>", 1)[0]
    alerts = AlertPage.objects.live().filter(locale__language_code="en")
    newest = list(alerts.order_by("-published_date")[:4])
    assert section.count("<li>") == 3
    for alert in newest[:3]:
        assert f'<a href="{alert.url}">{alert.title}</a>' in section
    assert newest[3].title not in section, "only the newest 3"
    assert 'href="/en/alerts/"' in section
    html = html_of(client.get("/pt/"))
    section = html.split('id="alerts-heading"', 1)[1].split("</section>", 1)[0]
    alerts = AlertPage.objects.live().filter(locale__language_code="pt")
    assert alerts.order_by("-published_date").first().title in section
    assert 'href="/pt/alertas/"' in section


# --- Constant query counts --------------------------------------------------------------


def count_queries(client, url):
    client.get(url)  # warm the per-process caches (site root paths, the banner)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries)


def replace_alerts(index, count, start=0):
    for number in range(start, start + count):
        alert = add_alert(index, f"Alert {number}", f"alert-{number}", for_educators=True)
        # Each alert links another page, so a per-alert query would show.
        AlertRelatedPage.objects.create(page=alert, link_page=index)


@pytest.mark.django_db
def test_index_and_alert_pages_use_a_constant_number_of_queries(client, django_assert_num_queries):
    index = index_for("en")
    for alert in AlertPage.objects.child_of(index):
        alert.delete()
    replace_alerts(index, 3)
    urls = [
        "/en/alerts/",
        "/en/alerts/?audience=educators&page=1",
        "/en/alerts/feed/",
        "/en/alerts/alert-0/",
        "/en/",
    ]
    counts = {url: count_queries(client, url) for url in urls}
    replace_alerts(index, 12, start=3)
    assert AlertPage.objects.child_of(index).live().count() == 15
    for url in urls:
        client.get(url)
        with django_assert_num_queries(counts[url]):
            assert client.get(url).status_code == 200
    print("query counts with 3 and 15 alerts:", counts)


# --- Demo content -----------------------------------------------------------------------


@pytest.mark.django_db
def test_demo_alerts_cover_the_topics_in_both_languages():
    for language in ("pt", "en"):
        alerts = AlertPage.objects.live().filter(locale__language_code=language)
        assert alerts.count() >= 6
        assert len({alert.topic for alert in alerts}) >= 6
        assert any(alert.is_urgent_now() for alert in alerts)
        assert any(alert.is_due_for_review() for alert in alerts)
    for home in HomePage.objects.all():
        assert index_for("pt").pk in [s.section_page_id for s in home.sections.all()]


@pytest.mark.django_db
def test_loading_the_demo_again_changes_nothing():
    from django.core.management import call_command
    from wagtail.models import Page, Revision

    before = (Page.objects.count(), Revision.objects.count(), AlertPage.objects.count())
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (Page.objects.count(), Revision.objects.count(), AlertPage.objects.count()) == before


@pytest.mark.django_db
def test_feed_identity_ignores_stray_parameters(client):
    response = client.get("/en/alerts/feed/", {"audience": ["parents", "educators"], "x": "1"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "x=1" not in text
    assert "<id>http://testserver/en/alerts/feed/?audience=parents</id>" in text
