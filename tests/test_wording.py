"""Safe wording: refused terms never go live, by any path; warned terms show in the checks.

Through Wagtail's own admin views, as the demo editor and moderator. The demo's rules are
loaded with the demo site (website/wording/demo.py).
"""

import html
import json
import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.factories.pages import add_guidance_page
from tests.support.admin import signed_in_as
from website.models import GuidancePage
from website.wording.models import WordingRule

pytestmark = pytest.mark.django_db

PT_REFUSAL = "não pode ser publicado"
EN_REFUSAL = "cannot be published"


def text_of(response):
    """The page's text, with the messages that StreamField errors carry as JSON."""
    content = html.unescape(response.content.decode())
    return re.sub(r"\\u([0-9a-f]{4})", lambda match: chr(int(match[1], 16)), content)


def guidance_form(action=None, title="Dicas", body="<p>Texto.</p>", blocks=None, **fields):
    data = {
        "title": title,
        "slug": fields.pop("slug", "dicas"),
        "intro": fields.pop("intro", "Uma introdução."),
        "body": streamfield(blocks or [("text", rich_text(body))]),
        **fields,
    }
    if action:
        data[f"action-{action}"] = action
    return nested_form_data(data)


def list_block(values):
    items = {
        str(position): {"value": value, "deleted": "", "order": position, "id": ""}
        for position, value in enumerate(values)
    }
    return {"count": len(values), **items}


def edit(client, page, data):
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


@pytest.fixture
def page(home_pt):
    return add_guidance_page(home_pt, "Dicas", "dicas")


def live_title(page):
    return GuidancePage.objects.get(pk=page.pk).title


def approve(client, page):
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {"comment": ""}, follow=True)


# --- Publishing -----------------------------------------------------------------------


def test_refused_term_blocks_publishing_with_a_portuguese_message(client, page):
    moderator = signed_in_as(client, "moderator", "pt-pt")
    response = edit(moderator, page, guidance_form("publish", title="Pornografia Infantil online"))
    assert response.status_code == 200
    content = text_of(response)
    assert "Título: “Pornografia Infantil” não pode ser publicado." in content
    assert "Escreva “material de abuso sexual de crianças”" in content
    assert live_title(page) == "Dicas"


def test_refused_term_blocks_publishing_with_an_english_message(client, page):
    moderator = signed_in_as(client, "moderator", "en")
    body = "<p>Report <b>child pornography</b> to the police.</p>"
    response = edit(moderator, page, guidance_form("publish", body=body))
    assert response.status_code == 200
    content = text_of(response)
    assert "Body: “child pornography” cannot be published." in content
    assert "Write “child sexual abuse material” instead." in content
    assert not GuidancePage.objects.get(pk=page.pk).has_unpublished_changes


@pytest.mark.parametrize(
    ("title", "refused"),
    [
        ("PORNOGRAFIA DE MENORES", True),
        ("prostituicao infantil", True),  # written without the accent
        ("Prostituição   Infantil.", True),
        ("pornografia infantilizada", False),  # not the whole word
        ("contra a exploração sexual de crianças", False),
    ],
)
def test_refused_terms_match_whole_words_whatever_the_case_and_accents(
    client, page, title, refused
):
    response = edit(
        signed_in_as(client, "moderator", "pt-pt"), page, guidance_form("publish", title=title)
    )
    assert (response.status_code == 200) is refused
    assert (live_title(page) == title) is not refused


def test_a_draft_with_a_refused_term_can_be_saved(client, page):
    response = edit(
        signed_in_as(client, "editor", "pt-pt"), page, guidance_form(title="Pornografia infantil")
    )
    assert response.status_code == 302
    latest = GuidancePage.objects.get(pk=page.pk).get_latest_revision()
    assert latest.as_object().title == "Pornografia infantil"
    assert live_title(page) == "Dicas"


def test_a_new_page_with_a_refused_term_cannot_be_published(client, home_pt):
    url = reverse("wagtailadmin_pages:add", args=["website", "guidancepage", home_pt.pk])
    data = guidance_form("publish", slug="nova", intro="Sobre prostituição infantil.")
    response = signed_in_as(client, "moderator", "pt-pt").post(url, data)
    assert response.status_code == 200
    assert "Introdução: “prostituição infantil” não pode ser publicado" in text_of(response)
    assert not GuidancePage.objects.filter(slug="nova").exists()


def test_a_refused_term_in_a_nested_block_is_found(client, page):
    items = ["Guarde as provas.", "Denuncie a pornografia de menores."]
    steps = {"heading": "O que fazer", "steps": list_block(items)}
    response = edit(
        signed_in_as(client, "moderator", "en"),
        page,
        guidance_form("publish", blocks=[("steps", steps)]),
    )
    assert response.status_code == 200
    assert "“pornografia de menores” cannot be published" in text_of(response)


def test_bulk_publishing_refuses_a_draft_with_a_refused_term(client, page):
    edit(signed_in_as(client, "editor", "pt-pt"), page, guidance_form(title="Pornografia infantil"))
    moderator = signed_in_as(client, "moderator", "en")
    url = (
        reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
        + f"?id={page.pk}&next=/admin/"
    )
    response = moderator.post(url, {"include_descendants": ""}, follow=True)
    assert "“Pornografia infantil” cannot be published" in text_of(response)
    assert live_title(page) == "Dicas"


# --- Submitting for moderation, and the moderator's approval ---------------------------


def test_refused_term_blocks_submitting_for_moderation(client, page):
    response = edit(
        signed_in_as(client, "editor", "pt-pt"),
        page,
        guidance_form("submit", title="Pornografia infantil"),
    )
    assert response.status_code == 200
    assert "Título: “Pornografia infantil” não pode ser publicado" in text_of(response)
    page.refresh_from_db()
    assert not page.workflow_in_progress


def submit_then_refuse(client, page, phrase):
    """An editor submits a page; while it waits, moderators refuse one of its phrases."""
    response = edit(
        signed_in_as(client, "editor", "pt-pt"),
        page,
        guidance_form("submit", title=f"Sobre {phrase}"),
    )
    assert response.status_code == 302
    WordingRule.objects.create(
        language="pt", phrase=phrase, action=WordingRule.REFUSE, preferred="outra coisa"
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("pt-pt", "Título: “palavra proibida” não pode ser publicado. Escreva “outra coisa”"),
        ("en", "Title: “palavra proibida” cannot be published. Write “outra coisa” instead."),
    ],
)
def test_the_moderator_cannot_approve_a_refused_term(client, page, language, expected):
    submit_then_refuse(client, page, "palavra proibida")
    response = approve(signed_in_as(client, "moderator", language), page)
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert expected in text_of(response)
    page.refresh_from_db()
    assert page.workflow_in_progress
    assert live_title(page) == "Dicas"


def test_the_moderator_approves_clean_wording(client, page):
    response = edit(
        signed_in_as(client, "editor", "pt-pt"), page, guidance_form("submit", title="Dicas novas")
    )
    assert response.status_code == 302
    approve(signed_in_as(client, "moderator", "pt-pt"), page)
    assert live_title(page) == "Dicas novas"


def test_approving_from_the_editor_checks_the_form(client, page):
    submit_then_refuse(client, page, "palavra proibida")
    page.refresh_from_db()
    data = guidance_form(title="Sobre palavra proibida")
    data.update({"action-workflow-action": "true", "workflow-action-name": "approve"})
    response = edit(signed_in_as(client, "moderator", "en"), page, data)
    assert response.status_code == 200
    assert "“palavra proibida” cannot be published" in text_of(response)
    assert live_title(page) == "Dicas"


# --- Scheduling -----------------------------------------------------------------------


def in_an_hour():
    return (timezone.localtime() + timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")


def test_refused_term_blocks_scheduling(client, page):
    data = guidance_form("publish", title="Pornografia infantil", go_live_at=in_an_hour())
    response = edit(signed_in_as(client, "moderator", "pt-pt"), page, data)
    assert response.status_code == 200
    assert "não pode ser publicado" in text_of(response)
    assert not Revision.objects.filter(object_id=str(page.pk), approved_go_live_at__isnull=False)


def schedule(client, page, title):
    data = guidance_form("publish", title=title, go_live_at=in_an_hour())
    assert edit(client, page, data).status_code == 302
    revision = Revision.objects.get(object_id=str(page.pk), approved_go_live_at__isnull=False)
    # The hour has passed.
    past = timezone.now() - timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    GuidancePage.objects.filter(pk=page.pk).update(go_live_at=past)
    return revision


def test_a_scheduled_revision_with_a_term_refused_since_is_not_published(client, page):
    revision = schedule(signed_in_as(client, "moderator", "pt-pt"), page, "Sobre palavra proibida")
    WordingRule.objects.create(
        language="pt", phrase="palavra proibida", action=WordingRule.REFUSE, preferred="outra"
    )
    call_command("publish_scheduled", stdout=open("/dev/null", "w"), stderr=open("/dev/null", "w"))  # noqa: SIM115
    assert live_title(page) == "Dicas"
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None


def test_a_scheduled_revision_with_clean_wording_is_published(client, page):
    schedule(signed_in_as(client, "moderator", "pt-pt"), page, "Sobre outra coisa")
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert live_title(page) == "Sobre outra coisa"


# --- Legal citations ------------------------------------------------------------------


def test_a_legal_citation_may_quote_a_legal_name(client, page):
    citation = {"quote": "Artigo 176.º Pornografia de menores", "source": "Código Penal"}
    blocks = [("text", rich_text("<p>O que diz a lei.</p>")), ("legal_citation", citation)]
    response = edit(
        signed_in_as(client, "moderator", "pt-pt"), page, guidance_form("publish", blocks=blocks)
    )
    assert response.status_code == 302
    client.logout()
    content = text_of(client.get("/pt/dicas/"))
    assert "Artigo 176.º Pornografia de menores" in content
    assert "as palavras da própria lei" in content


# --- The quiz: questions, answers, tips and bands --------------------------------------


def question(text, answers):
    answers = [{"text": a, "points": p, "tip": t} for a, p, t in answers]
    return {
        "text": text,
        "category": "images",
        "parents_prompt": "",
        "answers": inline_formset(answers, initial=0),
    }


def band(title, message="Continua assim."):
    return {
        "min_score": 0,
        "max_score": 3,
        "title": title,
        "message": message,
        "links": inline_formset([], initial=0),
    }


FIRST_QUESTION = question("Quem vê as tuas fotos?", [("Amigos", 0, ""), ("Todos", 1, "")])


def quiz_data(questions, bands, action="publish"):
    return nested_form_data(
        {
            "title": "Quiz",
            "slug": "quiz-palavras",
            "intro": "Responda com calma.",
            "questions": inline_formset(questions, initial=0),
            "bands": inline_formset(bands, initial=0),
            f"action-{action}": action,
        }
    )


def test_a_refused_term_in_a_quiz_answer_tip_is_blocked(client, home_pt):
    tip = "Isso é pornografia de menores: denuncie."
    questions = [FIRST_QUESTION, question("Recebeste uma foto?", [("Não", 0, ""), ("Sim", 2, tip)])]
    data = quiz_data(questions, [band("Tudo bem")])
    url = reverse("wagtailadmin_pages:add", args=["quiz", "quizpage", home_pt.pk])
    response = signed_in_as(client, "moderator", "en").post(url, data)
    assert response.status_code == 200
    assert "Question 2 › Answer 2 › Tip: “pornografia de menores” cannot be published" in text_of(
        response
    )


def test_a_refused_term_in_a_quiz_band_is_blocked(client, home_pt):
    bands = [band("Tudo bem", message="Fala de prostituição infantil.")]
    url = reverse("wagtailadmin_pages:add", args=["quiz", "quizpage", home_pt.pk])
    response = signed_in_as(client, "moderator", "pt-pt").post(
        url, quiz_data([FIRST_QUESTION], bands)
    )
    assert response.status_code == 200
    assert "“prostituição infantil” não pode ser publicado" in text_of(response)


# --- Warned terms, in the Checks panel ------------------------------------------------


def test_warned_terms_are_checks_in_the_checks_panel(client, page):
    rule = WordingRule.objects.get(language="en", phrase="revenge porn")
    response = signed_in_as(client, "editor", "en").get(
        reverse("wagtailadmin_pages:edit", args=[page.pk])
    )
    found = re.search(
        r'id="checker-axe-configuration"[^>]*>(.*?)</script>', response.content.decode(), re.S
    )
    config = json.loads(found[1])
    assert rule.check_id in config["options"]["runOnly"]
    assert {r["id"] for r in config["spec"]["rules"]} >= {rule.check_id}
    message = config["messages"][rule.check_id]
    assert message["error_name"] == "Wording to reconsider: “revenge porn”"
    assert "Consider writing “sharing intimate images without consent”." in message["help_text"]


def preview(client, page, data):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    assert client.post(url, data).json()["is_valid"]
    return text_of(client.get(url))


def test_a_warned_term_is_marked_in_the_preview_and_never_blocks(client, home_en):
    english = add_guidance_page(home_en, "Tips", "tips")
    editor = signed_in_as(client, "editor", "en")
    rule = WordingRule.objects.get(language="en", phrase="revenge porn")
    body = "<p>What people call Revenge Porn is a crime.</p>"
    data = guidance_form(title="Tips", slug="tips", intro="Intro.", body=body)
    content = preview(editor, english, data)
    assert f'<span data-wording-check="{rule.check_id}">Body: Revenge Porn</span>' in content
    assert "<wagtail-userbar" in content

    moderator = signed_in_as(client, "moderator", "en")
    data = guidance_form("publish", title="Tips", slug="tips", intro="Intro.", body=body)
    assert edit(moderator, english, data).status_code == 302


def test_a_short_form_is_fine_once_the_full_form_is_there(client, home_en):
    english = add_guidance_page(home_en, "Tips", "tips")
    editor = signed_in_as(client, "editor", "en")
    short = guidance_form(title="Tips", slug="tips", body="<p>This is sextortion.</p>")
    full = guidance_form(
        title="Tips", slug="tips", body="<p>This is sexual extortion (sextortion).</p>"
    )
    assert "<span data-wording-check=" in preview(editor, english, short)
    assert "<span data-wording-check=" not in preview(editor, english, full)


def test_public_pages_carry_no_userbar_nor_marks(client, page):
    signed_in_as(client, "editor", "pt-pt")
    content = client.get("/pt/dicas/").content.decode()
    assert "wagtail-userbar" not in content
    assert "data-wording-check" not in content


# --- The list itself -------------------------------------------------------------------


def rule_form(**fields):
    return {
        "phrase": "pornografia",
        "language": "pt",
        "action": "warn",
        "preferred": "outra",
        "reason": "",
        "unless_text_says": "",
        **fields,
    }


def test_moderators_keep_the_list_and_editors_only_read_it(client):
    add_url = reverse("wagtailsnippets_wording_wordingrule:add")
    list_url = reverse("wagtailsnippets_wording_wordingrule:list")
    editor = signed_in_as(client, "editor", "pt-pt")
    assert editor.get(list_url).status_code == 200
    assert editor.post(add_url, rule_form()).status_code in (302, 403)
    assert not WordingRule.objects.filter(phrase="pornografia").exists()

    moderator = signed_in_as(client, "moderator", "pt-pt")
    assert moderator.post(add_url, rule_form()).status_code == 302
    assert WordingRule.objects.filter(phrase="pornografia").exists()


def test_a_broken_pattern_gets_a_clear_error(client):
    add_url = reverse("wagtailsnippets_wording_wordingrule:add")
    response = signed_in_as(client, "moderator", "en").post(
        add_url, rule_form(phrase="(unclosed", is_pattern="on")
    )
    assert response.status_code == 200
    assert "This is not a valid pattern" in text_of(response)
