"""Every public page type, in both languages and in its error states, is HTML that the
W3C Nu Html Checker accepts.

The pages are rendered once with Django's test client, written to a folder, and checked
by one run of the checker (one Java start for all of them). scripts/vnu.sh installs the
pinned checker; .ci/run refuses a run where this test was skipped.
"""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from quiz.models import QuizFindingsPage, QuizPage
from tests.factories.quiz import post_data
from tests.support.alertline import REPORT_URL, STATUS_URL, VALID, pair_from
from tests.support.pages import PAGE_TYPES, html_of, live_urls_of

VNU_JAR = Path(__file__).resolve().parent.parent / "node_modules/vnu-jar/build/dist/vnu.jar"
JAVA = shutil.which("java")

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(JAVA is None, reason="java is missing: install default-jre-headless"),
    pytest.mark.skipif(
        not VNU_JAR.exists(), reason=f"{VNU_JAR} is missing: run scripts/vnu.sh to install it"
    ),
    pytest.mark.usefixtures("fresh_cache"),
]

LANGUAGES = ("pt", "en")
EXTRA_URLS = {
    "pt": [
        "/pt/tu-e-a-internet/print/",
        "/pt/alertas/?audience=parents",
        "/pt/pesquisa/",
        "/pt/pesquisa/?q=ajuda",
        "/pt/pesquisa/?q=zzzqqqxxx",
        "/pt/nada-aqui/",
        "/pt/o-que-aconteceu/?step=under-18",
        "/pt/o-que-aconteceu/resultado/images-young/",
        "/pt/quem-pode-ajudar/?need=talk&kind=helpline",
    ],
    "en": [
        "/en/you-and-the-internet/print/",
        "/en/alerts/?audience=parents&topic=grooming",
        "/en/search/",
        "/en/search/?q=help",
        "/en/search/?q=zzzqqqxxx",
        "/en/nothing-here/",
        "/en/what-happened/?step=danger-threats",
        "/en/what-happened/result/danger/",
        "/en/who-can-help/?kind=child_protection",
    ],
}


def page_type_views(client, language):
    for label in PAGE_TYPES:
        url = live_urls_of(label)[language]
        yield url, client.get(url)


def extra_views(client, language):
    for url in EXTRA_URLS[language]:
        yield url, client.get(url)


def alert_line_views(client, language):
    """The report form sent empty, a report sent, the status page and its look-ups."""
    form_url, status_url = REPORT_URL[language], STATUS_URL[language]
    yield f"{form_url} (empty report)", client.post(form_url, {})
    sent = client.post(form_url, {**VALID, "website": ""})
    yield f"{form_url} (report sent)", sent
    reference, code = pair_from(sent)
    yield status_url, client.get(status_url)
    yield (
        f"{status_url} (wrong code)",
        client.post(status_url, {"action": "lookup", "reference": reference, "code": "A" * 15}),
    )
    yield (
        f"{status_url} (empty look-up)",
        client.post(status_url, {"action": "lookup", "reference": "", "code": ""}),
    )
    yield (
        f"{status_url} (found)",
        client.post(status_url, {"action": "lookup", "reference": reference, "code": code}),
    )


def quiz_views(client, language):
    """The quiz sent with no answers, its result, and the findings before and after a guess."""
    quiz = QuizPage.objects.live().get(locale__language_code=language)
    yield f"{quiz.url} (no answers)", client.post(quiz.url, {})
    answers = post_data(quiz, [0] * len(quiz.structure()))
    yield f"{quiz.url} (result)", client.post(quiz.url, answers)
    findings = QuizFindingsPage.objects.live().get(locale__language_code=language)
    yield f"{findings.url} (no guess)", client.get(findings.url, {"q": "1"})
    yield f"{findings.url} (guessed)", client.get(findings.url, {"q": "1", "guess": "half"})


def rendered_pages(client):
    """{name: html} of every view, in both languages."""
    pages = {}
    for language in LANGUAGES:
        for views in (page_type_views, extra_views, alert_line_views, quiz_views):
            for name, response in views(client, language):
                assert response.status_code in (200, 400, 404), (name, response.status_code)
                assert response["Content-Type"].startswith("text/html"), name
                pages[name] = html_of(response)
    return pages


def file_name(number, name):
    return f"{number:02d}-{re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')}.html"


def checker_errors(folder):
    """The checker's errors, by file name: one run over every file in the folder."""
    files = sorted(str(path) for path in folder.glob("*.html"))
    result = subprocess.run(  # noqa: S603 (the system's Java and the pinned checker)
        [JAVA, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(result.stderr)["messages"]
    errors = {}
    for message in messages:
        name = Path(message.get("url", "")).name
        where = f"line {message.get('lastLine', '?')}"
        errors.setdefault(name, []).append(f"{where}: {message['message']}")
    return errors


def test_every_page_and_error_state_is_valid_html_in_both_languages(client, tmp_path):
    pages = rendered_pages(client)
    assert len(pages) >= 2 * (len(PAGE_TYPES) + len(EXTRA_URLS["pt"]) + 10)
    names = {}
    for number, (name, html) in enumerate(sorted(pages.items())):
        names[file_name(number, name)] = name
        (tmp_path / file_name(number, name)).write_text(html, encoding="utf-8")
    errors = checker_errors(tmp_path)
    report = [
        f"{names.get(file, file)}: {message}"
        for file, messages in sorted(errors.items())
        for message in messages
    ]
    assert not report, "\n".join(report)
