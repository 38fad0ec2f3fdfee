"""The demo content, named in one place: for the tests that are about the demo, and for the
booklet download tests that share the demo's one PDF build. Every slug, title and address
is read from the demo's own data modules, never copied, so rewording the demo changes what
these tests look for along with it.

Keys are the demo's own: a guidance page's key in `website.demo_content.GUIDANCE`
("cover_your_tracks"), an alert's `key` in `campaigns.alerts.demo.ALERTS` ("sextortion"),
"booklet" for the booklet, and ("chapter", n) for its chapter n (from 0).
"""

from wagtail.models import Locale, Page

from campaigns.alerts import demo as alerts_demo
from campaigns.booklets import demo_content as booklet_demo
from campaigns.help import demo as help_demo
from quiz import demo as quiz_demo
from website import demo_content as site_demo

LANGUAGES = ("pt", "en")

DEMO_CHAPTERS_PT = [chapter["pt"]["title"] for chapter in booklet_demo.CHAPTERS]
DEMO_CHAPTERS_EN = [chapter["en"]["title"] for chapter in booklet_demo.CHAPTERS]
DEMO_CHAPTER_SLUGS_PT = [chapter["pt"]["slug"] for chapter in booklet_demo.CHAPTERS]
DEMO_CHAPTER_SLUGS_EN = [chapter["en"]["slug"] for chapter in booklet_demo.CHAPTERS]
DEMO_BOOKLET_SLUG_PT = booklet_demo.BOOKLET["pt"]["slug"]
DEMO_BOOKLET_SLUG_EN = booklet_demo.BOOKLET["en"]["slug"]
DEMO_BOOKLET_TITLE_PT = booklet_demo.BOOKLET["pt"]["title"]
DEMO_BOOKLET_TITLE_EN = booklet_demo.BOOKLET["en"]["title"]
# The booklet's addresses, as the site serves them ("/pt/<slug>/").
DEMO_BOOKLET_PT = f"/pt/{DEMO_BOOKLET_SLUG_PT}/"
DEMO_BOOKLET_EN = f"/en/{DEMO_BOOKLET_SLUG_EN}/"

# Pages that hold the site together rather than say something: the home pages, the about
# page and each domain's landing page. Their slugs are short, generic words ("about",
# "quiz", "alerts") that any test may use for its own reasons.
SKELETON_GUIDANCE = {"about"}

_ALERTS = {spec["key"]: spec for spec in alerts_demo.ALERTS}


def demo_texts(key, language):
    """The demo's own dictionary of words (title, slug, …) for one page in one language."""
    if key == "booklet":
        return booklet_demo.BOOKLET[language]
    if isinstance(key, tuple) and key[0] == "chapter":
        return booklet_demo.CHAPTERS[key[1]][language]
    if key in site_demo.GUIDANCE:
        return site_demo.GUIDANCE[key][language]
    if key in _ALERTS:
        return _ALERTS[key][language]
    raise KeyError(f"no demo page has the key {key!r}")


def demo_slug(key, language="pt"):
    return demo_texts(key, language)["slug"]


def demo_title(key, language="pt"):
    return demo_texts(key, language)["title"]


def demo_url(key, language="pt"):
    """The page's address, as the site serves it (the home page is the language's root)."""
    if isinstance(key, tuple) and key[0] == "chapter":
        return f"{demo_url('booklet', language)}{demo_slug(key, language)}/"
    if key in _ALERTS:
        return f"/{language}/{alerts_demo.INDEX[language]['slug']}/{demo_slug(key, language)}/"
    return f"/{language}/{demo_slug(key, language)}/"


def demo_page(key, language="pt"):
    """The demo's page itself (its specific class), in that language."""
    locale = Locale.objects.get(language_code=language)
    return Page.objects.get(locale=locale, url_path__endswith=demo_url(key, language)[3:]).specific


def demo_translations(key):
    """The Portuguese page and its English translation."""
    return demo_page(key, "pt"), demo_page(key, "en")


def distinctive_demo_strings():
    """Words only the demo's content uses: the slugs and titles of its guidance pages (but
    the skeleton's), alerts, booklet and chapters, its quiz questions and the steps of its
    "What happened?" path. A test that is not about the demo contains none of them."""
    found = set()
    pages = [
        *(key for key in site_demo.GUIDANCE if key not in SKELETON_GUIDANCE),
        *_ALERTS,
        "booklet",
        *(("chapter", number) for number in range(len(booklet_demo.CHAPTERS))),
    ]
    for key in pages:
        for language in LANGUAGES:
            found.update((demo_slug(key, language), demo_title(key, language)))
    for question in quiz_demo.QUESTIONS:
        for language in LANGUAGES:
            found.add(question[language][0])
    for _key, texts, _choices in help_demo.QUESTIONS:
        for language in LANGUAGES:
            found.add(texts[language][0])
    for _key, spec in help_demo.OUTCOMES.items():
        for language in LANGUAGES:
            found.add(spec[language][0])
    # The path's first question is the path page's own title, a skeleton page.
    return found - {help_demo.PATH[language]["title"] for language in LANGUAGES}


def demo_audience_links(language):
    """The demo home page's audience entries: (heading, address of the page it leads to)."""
    return [
        (heading, demo_url(site_demo.AUDIENCE_PAGES[audience], language))
        for audience, heading, _summary in site_demo.HOME[language]["audiences"]
    ]


# The question the "What happened?" path asks before its outcomes: is anyone in danger now?
DEMO_DANGER_QUESTION = {language: help_demo.DANGER[language][0] for language in LANGUAGES}
