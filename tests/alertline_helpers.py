"""Shared helpers for the alert-line tests (not a test module)."""

import re

import pytest
from django.core.cache import cache

from campaigns.alertline.models import AlertLinePage

REPORT_URL = {"pt": "/pt/linha-alerta/", "en": "/en/alert-line/"}
STATUS_URL = {"pt": "/pt/linha-alerta/estado/", "en": "/en/alert-line/status/"}

VALID = {
    "category": "sextortion",
    "where": "InstaDemo, https://example.org/perfil\nhttps://example.org/outro",
    "when": "ontem à noite",
    "description": "Alguém pede dinheiro <b>e</b> ameaça partilhar uma foto.",
    "reporter_role": "self",
    "contact": "",
    "website": "",
}


def alert_line_page(language="pt"):
    return AlertLinePage.objects.get(locale__language_code=language)


def pair_from(response):
    html = response.content.decode()
    reference = re.search(r'data-testid="reference">([^<]+)<', html).group(1)
    code = re.search(r'data-testid="code">([^<]+)<', html).group(1)
    return reference, code


def send_report(client, language="pt", **changes):
    return client.post(REPORT_URL[language], {**VALID, **changes})


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate limits live in the cache: each test starts with none used."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def committed_demo_site(committed_demo):
    """Transactional tests start from an empty database: the demo site, committed."""
