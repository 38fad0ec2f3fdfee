"""`website` is the base: it runs with no campaign domain installed, and reaches the
domains only through their own home sections, demo modules and search fields."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

CHECK_PAGES = textwrap.dedent(
    """
    import django
    django.setup()
    from django.apps import apps
    from django.test import Client

    domains = ("campaigns.alerts", "campaigns.booklets", "campaigns.figures",
               "campaigns.help", "quiz")
    assert not any(apps.is_installed(name) for name in domains), "domains left out"
    # One of the demo's own guidance pages, which the base loads without its domains.
    from website.demo_content import GUIDANCE
    parents = GUIDANCE["parents"]
    guidance = [f"/{language}/{parents[language]['slug']}/" for language in ("pt", "en")]
    client = Client()
    for url in ("/pt/", "/en/", *guidance,
                "/pt/pesquisa/?q=ajuda", "/en/search/?q=help", "/sitemap.xml"):
        response = client.get(url)
        print(url, response.status_code)
        assert response.status_code == 200, (url, response.status_code)
    """
)


CHECK_FIGURES_ALONE = textwrap.dedent(
    """
    import django
    django.setup()
    from django.apps import apps
    from django.test import Client

    assert apps.is_installed("campaigns.figures")
    assert not apps.is_installed("quiz") and not apps.is_installed("campaigns.alertline")
    client = Client()
    for url in ("/pt/numeros/", "/en/figures/", "/en/figures/feed/"):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    html = client.get("/en/figures/").content.decode()
    assert "There are no figures yet." in html and "Quiz:" not in html
    print("figures alone: 200")
    """
)


def run(args, env):
    result = subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


def test_the_site_runs_with_every_domain_left_out(tmp_path):
    base_only = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings_without_domains",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'base-only.sqlite3'}",
    }
    base_only.pop("REDIS_URL", None)
    manage = [sys.executable, "manage.py"]
    run([*manage, "migrate", "--no-input", "-v", "0"], base_only)
    demo = run([*manage, "load_demo_content"], base_only)
    assert "Demo content is ready." in demo
    assert "Booklet" not in demo and "Citizen alerts" not in demo
    assert "/sitemap.xml 200" in run([sys.executable, "-c", CHECK_PAGES], base_only)

    # The same database with the domains installed gets their pages and home sections...
    everything = {**base_only, "DJANGO_SETTINGS_MODULE": "website.settings.test"}
    run([*manage, "migrate", "--no-input", "-v", "0"], everything)
    assert "Booklet" in run([*manage, "load_demo_content"], everything)
    # ...and when they are left out again, their sections are skipped, never a 500.
    assert "/pt/ 200" in run([sys.executable, "-c", CHECK_PAGES], base_only)
    # The open figures without the alert line and the quiz show neither, and still work.
    figures_alone = {**base_only, "DJANGO_SETTINGS_MODULE": "tests.settings_figures_alone"}
    assert "figures alone: 200" in run([sys.executable, "-c", CHECK_FIGURES_ALONE], figures_alone)


@pytest.mark.django_db
def test_home_sections_come_from_the_domains_own_templates(client):
    """Each domain renders its own section; the home page template names none of them."""
    html = client.get("/en/").content.decode()
    assert 'class="section section--alerts"' in html
    assert 'class="section section--booklet"' in html
    home_template = (ROOT / "site/templates/website/home_page.html").read_text()
    for word in ("alert", "booklet", "quiz"):
        assert word not in home_template.lower()
