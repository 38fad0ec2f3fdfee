from unittest import mock

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connections
from django.test import Client
from django.utils import translation
from wagtail.models import Locale, Page

from campaigns.booklets.downloads import pdf as booklet_pdf
from campaigns.booklets.models import GeneratedEPUB, GeneratedPDF
from tests import database_snapshot, shared_demo
from tests.factories.pages import add_translated_guidance_page
from tests.support.demo import demo_translations, demo_url
from website.caching.generation import new_generation
from website.models import HomePage

# Modules whose tests give the same result on SQLite and on PostgreSQL with Redis: CI runs
# them once, in its PostgreSQL and Redis pass (.ci/run; docs/testing.md says why).
ONE_PASS_MODULES = {
    # Their own SQLite database, in subprocesses that drop DATABASE_URL and REDIS_URL.
    "tests/test_extension_points.py",
    "tests/test_alertline_tasks.py",
    "tests/test_production_settings.py",
    # Faults: the cache is replaced by a Redis that does not answer, the mail or a
    # page made to fail; the production stack is the one that must survive them.
    "tests/test_cache_outage.py",
    "tests/test_alertline_data_loss.py",
}


def pytest_itemcollected(item):
    """Marked as soon as collected, so that `-m "not one_pass"` leaves them out."""
    if item.path.relative_to(item.config.rootpath).as_posix() in ONE_PASS_MODULES:
        item.add_marker(pytest.mark.one_pass)


def uses_database(item):
    """Marked, or needing the database through a fixture that asks for `django_db_setup`
    itself rather than for `db`."""
    return item.get_closest_marker("django_db") is not None or any(
        name in item.fixturenames
        for name in ("db", "transactional_db", "live_server", "django_db_setup")
    )


def uses_transactions(item):
    """A test whose database work is committed: pytest-django empties every table after it."""
    marker = item.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or marker.args[:1] == (True,)):
        return True
    return any(name in item.fixturenames for name in ("transactional_db", "live_server"))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """pytest-django runs the tests without a database last. Some of them are the longest
    of all (whole sites migrated and loaded in subprocesses): run them first instead, so
    that with one process per core they overlap the rest rather than finish alone. The
    database tests keep pytest-django's order (transactions first, then transactional)."""
    items.sort(key=uses_database)


def pytest_configure(config):
    shared_demo.configure(config)


def pytest_unconfigure(config):
    shared_demo.unconfigure(config)


# The demo booklets' stored PDFs and EPUBs, by file name: put back after each test (see below).
DEMO_DOWNLOAD_FILES = {}


@pytest.fixture(scope="session")
def demo_builder():
    """Whether this process builds the demo site (True), takes the copy another process
    built (False), or builds its own (None: one process, or PostgreSQL): tests/shared_demo.py."""
    folder = shared_demo.run_folder()
    if folder is None:
        yield None
        return
    builds = shared_demo.claim_build(folder)
    yield builds
    if builds:
        shared_demo.give_up_unless_shared(folder)


@pytest.fixture(scope="session")
def django_db_use_migrations(demo_builder, django_db_use_migrations):
    """A process that takes another's copy makes its tables without migrating: the copy
    brings the migrated tables and their records."""
    if demo_builder is False:
        shared_demo.remember_migration_settings()  # pytest-django changes them next
        return False
    return django_db_use_migrations


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, demo_builder, django_db_blocker):
    """Load the bilingual demo site once (per pytest-xdist worker on PostgreSQL, per run on
    SQLite), in each worker's own database; each test runs in a transaction on top of it.
    A copy of it is kept for the tests that need it committed (`committed_demo`)."""
    folder = shared_demo.run_folder()
    with django_db_blocker.unblock():
        if demo_builder is False:
            shared_demo.take_shared_copy(folder)
            shared_demo.put_migration_settings_back()
        else:
            call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
            make_the_demo_renditions()
            if demo_builder:
                shared_demo.share(folder)
        for stored in [*GeneratedPDF.objects.all(), *GeneratedEPUB.objects.all()]:
            with stored.file.open("rb") as stored_file:
                DEMO_DOWNLOAD_FILES[stored.file.name] = stored_file.read()
        # Transactional tests ask for serialized_rollback only so that the flush after
        # them skips post_migrate; they start from `committed_demo`, which replaces every
        # row, so reloading what Django serialized after migrating would be lost work.
        for connection in connections.all():
            connection._test_serialized_contents = "[]"
        return database_snapshot.take()


def make_the_demo_renditions():
    """Visit every demo page once, and both print views, so that its images' renditions
    (WebP, three widths each) are in the copy that every test starts from. Made again in
    each test, they took up to 0.6 s a page (the print view of the whole booklet)."""
    client = Client()
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    for url in [page.url for page in pages] + [
        f"{demo_url('booklet', language)}print/" for language in ("pt", "en")
    ]:
        assert client.get(url).status_code == 200, url


# Whether a transactional test has emptied this worker's database since the demo was put
# back (its tables are flushed afterwards).
_demo_flushed = False


@pytest.fixture
def demo_in_place(request, django_db_setup, django_db_blocker):
    """pytest-django runs the transactional tests last, but pytest-xdist's work stealing can
    hand a worker plain tests after it has run some: put the demo back before such a test
    opens its transaction."""
    global _demo_flushed
    if uses_transactions(request.node):
        _demo_flushed = True
    elif _demo_flushed:
        with django_db_blocker.unblock():
            database_snapshot.restore(django_db_setup)
            new_generation()
        _demo_flushed = False


@pytest.fixture
def _django_db_helper(demo_in_place, _django_db_helper):
    """pytest-django's own set-up of each database test, once the demo is in place."""
    return _django_db_helper


@pytest.fixture
def committed_demo(transactional_db, django_db_setup):
    """The demo site committed, as it was just after it was loaded, for transactional
    tests and the live server (which answers from its own connection). Putting the copy
    back costs a fraction of a second where loading the demo again took seconds; what
    the test commits is flushed afterwards as for any transactional test."""
    database_snapshot.restore(django_db_setup)
    # The content cache outlives the test: start from a generation no test has used.
    new_generation()


@pytest.fixture(autouse=True)
def keep_demo_download_files():
    """A test that runs its commit callbacks (publishing a chapter makes a new PDF and EPUB,
    and the old ones' files go once the deletion commits) deletes a demo file, while the
    rollback keeps its record. Downloads never make a file again: put the file back (and
    its bytes, if a later file took the free name)."""
    yield
    for name, data in DEMO_DOWNLOAD_FILES.items():
        if default_storage.exists(name) and default_storage.size(name) == len(data):
            continue
        default_storage.delete(name)
        assert default_storage.save(name, ContentFile(data)) == name


@pytest.fixture(autouse=True)
def fresh_content_generation(request):
    """Each test that uses the database starts with an empty content cache: tests change
    the database inside transactions that are rolled back, while the cache (and what it
    learnt) persists. A new random token, inside the test's own transaction, is enough."""
    if "_django_db_helper" in request.fixturenames:
        request.getfixturevalue("_django_db_helper")
        new_generation()


@pytest.fixture(autouse=True)
def reset_active_language():
    yield
    translation.activate("pt")


@pytest.fixture
def fresh_cache():
    """Rate limits live in the cache: a test that uses them starts with none used."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def home_pt(db):
    return HomePage.objects.get(locale__language_code="pt")


@pytest.fixture
def home_en(db):
    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def translated_page(home_pt, home_en):
    """A guidance page of the test's own in Portuguese, and its English translation."""
    return add_translated_guidance_page(home_pt)


@pytest.fixture
def cover_your_tracks(db):
    """The Portuguese page and its English translation."""
    return demo_translations("cover_your_tracks")


# --- Booklets ---------------------------------------------------------------------------


@pytest.fixture
def booklets(db):
    return demo_translations("booklet")


@pytest.fixture
def count_renders(db):
    """Spy on the PDF renderer: the number of times a PDF was actually made. The demo
    loader made the demo PDFs when the test process built the demo: forget them, so each
    test starts with none."""
    GeneratedPDF.objects.all().delete()
    with mock.patch.object(
        booklet_pdf, "render_booklet_pdf", wraps=booklet_pdf.render_booklet_pdf
    ) as spy:
        yield spy
