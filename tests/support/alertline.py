"""The alert line as the tests reach it: its addresses, a valid report, sending one and
reading the reference and code from the answer."""

import html
import re

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


def error_summary(response):
    """The error summary at the top of a refused form, its entities read as text."""
    page = html.unescape(response.content.decode())
    found = re.search(r'<div class="error-summary".*?</div>', page, re.S)
    assert found, "no error summary"
    return found.group(0)
