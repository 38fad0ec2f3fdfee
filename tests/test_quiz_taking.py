"""Taking a quiz without JavaScript: the form, its errors, tampering, the result."""

import re
from urllib.parse import unquote

import pytest
from django.core import signing
from wagtail.models import Locale

from quiz.models import AnswerTally, QuizPage
from quiz.views import SIGNING_SALT
from tests.factories.quiz import (  # noqa: F401 - fixtures
    answer_ids,
    count_at_once,
    fresh_rate_limits,
    make_questions,
    make_quiz,
    post_data,
)
from tests.support.pages import html_of

# 4 questions, answers worth 0, 1, 2: scores 0-8; bands 0-2 Low, 3-4 Some, 5-8 High.


@pytest.fixture
def quiz(home_pt):
    return make_quiz(home_pt)


def url_of(page):
    return page.get_url()


def checked_ids(html):
    return {int(value) for value in re.findall(r'value="(\d+)" checked', html)}


@pytest.mark.django_db
class TestForm:
    def test_one_fieldset_and_legend_per_question_with_radios(self, client, quiz):
        html = html_of(client.get(url_of(quiz)))
        assert html.count("<fieldset") == 4
        assert html.count("<legend") == 4
        assert html.count('type="radio"') == 12
        assert 'name="q1"' in html and 'name="q4"' in html
        assert "csrfmiddlewaretoken" in html
        assert "<script>" not in html and 'style="' not in html
        assert "quiz/js/quiz.js" in html and "defer" in html

    def test_no_cookie_beyond_csrf(self, client, quiz):
        response = client.get(url_of(quiz))
        response = client.post(url_of(quiz), post_data(quiz, [0, 1, 2, 0]))
        assert set(response.cookies) <= {"csrftoken"}
        assert set(client.cookies) <= {"csrftoken"}

    @pytest.mark.parametrize("language", ["pt", "en"])
    def test_the_privacy_note_says_which_cookie_is_set(self, client, language):
        page = QuizPage.objects.live().get(locale__language_code=language)  # the demo's
        response = client.get(url_of(page))
        assert "csrftoken" in response.cookies
        note = html_of(response).split('class="quiz__privacy">', 1)[1].split("</p>", 1)[0]
        for untrue in ("no cookie", "nem cookies", "sem cookies", "nenhum cookie"):
            assert untrue not in note
        assert "one cookie, for security" in note or "um só cookie, de segurança" in note


@pytest.mark.django_db
class TestErrors:
    def test_a_missing_answer_gives_the_form_back_with_a_summary(self, client, quiz):
        data = post_data(quiz, [1, 2, 0, 0])
        del data["q3"]
        response = client.post(url_of(quiz), data)
        assert response.status_code == 400
        html = html_of(response)
        assert "Há um problema" in html
        assert '<a href="#q3-1">Pergunta 3: Escolhe uma resposta para esta pergunta.</a>' in html
        assert 'aria-describedby="q3-error"' in html
        assert 'id="q3-error"' in html
        # What was already chosen is still chosen.
        ids = answer_ids(quiz)
        assert checked_ids(html) == {ids[0][1], ids[1][2], ids[3][0]}
        assert html.count("aria-describedby=") == 1

    def test_the_message_is_in_the_visitors_language(self, client, quiz):
        response = client.post(url_of(quiz), {})
        html = html_of(response)
        assert "Há um problema" in html
        assert "Escolhe uma resposta para esta pergunta." in html
        assert html.count('class="field-error"') == 4

    def assert_refused_on_question(self, client, quiz, data, number, message):
        response = client.post(url_of(quiz), data)
        assert response.status_code == 400
        html = html_of(response)
        assert f'href="#q{number}-1"' in html
        assert message in html
        assert not AnswerTally.objects.filter(page=quiz).exists()
        return html

    def test_an_answer_of_another_question(self, client, quiz):
        data = post_data(quiz, [0, 0, 0, 0])
        data["q2"] = answer_ids(quiz)[0][1]
        self.assert_refused_on_question(
            client, quiz, data, 2, "Essa resposta não é uma das respostas desta pergunta."
        )

    def test_an_answer_of_another_quiz(self, client, quiz, home_pt):
        other = make_quiz(home_pt, slug="other-quiz")
        data = post_data(quiz, [0, 0, 0, 0])
        data["q1"] = answer_ids(other)[0][0]
        self.assert_refused_on_question(
            client, quiz, data, 1, "Essa resposta não é uma das respostas desta pergunta."
        )

    def test_repeated_fields(self, client, quiz):
        ids = answer_ids(quiz)
        body = "&".join(
            [f"q1={ids[0][0]}", f"q1={ids[0][1]}", f"q2={ids[1][0]}", f"q3={ids[2][0]}"]
            + [f"q4={ids[3][0]}"]
        )
        response = client.post(url_of(quiz), body, content_type="application/x-www-form-urlencoded")
        assert response.status_code == 400
        assert "Escolhe só uma resposta para esta pergunta." in html_of(response)

    @pytest.mark.parametrize(
        "value", ["abc", "-1", "1.5", "9" * 40, "", " ", "0x10", "١٢", "\x00", "1e3"]
    )
    def test_values_that_are_not_an_answer_id(self, client, quiz, value):
        data = post_data(quiz, [0, 0, 0, 0])
        data["q4"] = value
        html = self.assert_refused_on_question(
            client, quiz, data, 4, "Essa resposta não é uma das respostas desta pergunta."
        )
        assert len(checked_ids(html)) == 3

    def test_unknown_fields_are_ignored(self, client, quiz):
        data = {**post_data(quiz, [0, 0, 0, 0]), "q99": "1", "score": "0"}
        assert client.post(url_of(quiz), data).status_code == 200

    def test_post_to_an_unpublished_quiz(self, client, quiz):
        url = url_of(quiz)
        data = post_data(quiz, [0, 0, 0, 0])
        quiz.unpublish()
        assert client.post(url, data).status_code == 404
        assert client.get(url).status_code == 404

    def test_a_quiz_without_questions_still_renders(self, client, home_pt):
        quiz = make_quiz(home_pt, slug="empty", questions=[], bands=[(0, 0, "Any", "Hi.")])
        assert client.get(url_of(quiz)).status_code == 200
        assert client.post(url_of(quiz), {}).status_code == 200


@pytest.mark.django_db
class TestResult:
    def post(self, client, quiz, choices):
        response = client.post(url_of(quiz), post_data(quiz, choices))
        assert response.status_code == 200
        return html_of(response)

    def test_band_chart_table_tips_help_and_again(self, client, quiz):
        html = self.post(client, quiz, [2, 1, 1, 0])  # 5 points: "Some"
        assert "<h1>Some</h1>" in html
        assert "A few things to look at." in html
        assert 'role="img"' in html and 'aria-labelledby="chart-title chart-desc"' in html
        assert '<title id="chart-title">' in html and '<desc id="chart-desc">' in html
        assert "<table" in html
        # Question 1 is strangers, 2 images, 3 gaming_money, 4 cyberbullying (by position).
        assert re.search(
            r"<th scope=\"row\">Contacto com desconhecidos</th><td>2</td><td>2</td>", html
        )
        assert re.search(r"<th scope=\"row\">Ciberbullying</th><td>0</td><td>2</td>", html)
        assert (
            "Tip 1.2" in html and "Tip 2.1" in html and "Tip 3.1" in html and "Tip 4." not in html
        )
        assert "+351 918 089 090" in html and 'href="tel:112"' in html
        assert f'href="{url_of(quiz)}"' in html  # take it again
        assert "Os teus pontos de risco: 4 de 8." in html

    def test_every_score_has_its_band(self, client, quiz):
        assert "<h1>Low</h1>" in self.post(client, quiz, [0, 0, 0, 0])
        assert "<h1>Low</h1>" in self.post(client, quiz, [1, 1, 0, 0])
        assert "<h1>Some</h1>" in self.post(client, quiz, [1, 1, 1, 0])
        assert "<h1>Some</h1>" in self.post(client, quiz, [2, 2, 0, 0])
        assert "<h1>High</h1>" in self.post(client, quiz, [2, 2, 1, 0])
        assert "<h1>High</h1>" in self.post(client, quiz, [2, 2, 2, 2])

    def test_the_signed_link_shows_the_same_result_and_counts_nothing(self, client, quiz):
        html = self.post(client, quiz, [2, 1, 1, 0])
        link = re.search(r'<a href="([^"]+/resultado/\?r=[^"]+)">', html).group(1)
        counted = AnswerTally.objects.filter(page=quiz).count()
        again = html_of(client.get(link))
        assert "<h1>Some</h1>" in again and "Tip 1.2" in again
        assert AnswerTally.objects.filter(page=quiz).count() == counted
        assert sum(AnswerTally.objects.filter(page=quiz).values_list("count", flat=True)) == 4

    def test_each_language_has_its_own_result_address_and_old_links_still_work(self, client, quiz):
        html = self.post(client, quiz, [2, 1, 1, 0])
        link = re.search(r'<a href="([^"]+)">Ligação para este resultado', html).group(1)
        assert link.startswith(f"{url_of(quiz)}resultado/?r=")
        old = link.replace("/resultado/", "/result/")
        for address in (link, old):
            assert "<h1>Some</h1>" in html_of(client.get(address.replace("&amp;", "&")))

    def test_only_the_link_is_said_to_hold_the_answers(self, client, quiz):
        """The result of the form's POST is at the quiz's own address: only the link below
        the note holds the answers, on the result and on the signed link's page alike."""
        html = self.post(client, quiz, [2, 1, 1, 0])
        signed = html_of(client.get(re.search(r'href="([^"]+/resultado/[^"]+)"', html).group(1)))
        for page in (html, signed):
            assert "endereço desta página" not in page
            note = re.search(r'class="quiz-result__link">([^<]+)</p>\s*<p[^>]*><a href', page)
            assert note.group(1).startswith("A ligação abaixo guarda só as tuas respostas")

    def test_the_signed_link_carries_only_answer_ids(self, client, quiz):
        html = self.post(client, quiz, [2, 1, 1, 0])
        token = re.search(r"/resultado/\?r=([^\"]+)\"", html).group(1)
        ids = answer_ids(quiz)
        assert signing.loads(unquote(token), salt=SIGNING_SALT) == [
            ids[0][2],
            ids[1][1],
            ids[2][1],
            ids[3][0],
        ]

    def test_a_forged_or_broken_link_is_a_404(self, client, quiz):
        ids = [row[2] for row in answer_ids(quiz)]
        forged = signing.dumps(ids, salt="another-salt")
        assert client.get(f"{url_of(quiz)}result/?r={forged}").status_code == 404
        assert client.get(f"{url_of(quiz)}result/?r=nonsense").status_code == 404
        assert client.get(f"{url_of(quiz)}result/").status_code == 404
        assert client.get(f"{url_of(quiz)}resultado/?r={forged}").status_code == 404

    @pytest.mark.parametrize(
        ("language", "says", "again"),
        [
            ("pt", "Esta ligação para o resultado não funciona", "Fazer o questionário outra vez"),
            ("en", "This result link does not work", "Take the quiz again"),
        ],
    )
    def test_a_broken_link_says_so_and_leads_back_to_the_quiz(self, client, language, says, again):
        quiz = QuizPage.objects.live().get(locale__language_code=language)  # the demo's
        good = re.search(r"\?r=([^\"]+)\"", self.post(client, quiz, [0] * 14)).group(1)
        for broken in (good[:-3], good + "x", "nonsense", ""):
            response = client.get(f"{url_of(quiz)}result/?r={broken}")
            assert response.status_code == 404
            html = html_of(response)
            assert f'<html lang="{language}"' in html
            assert says in html
            assert f'<a class="button" href="{url_of(quiz)}">{again}</a>' in html

    def test_a_link_that_no_longer_fits_gives_the_quiz_back(self, client, quiz, home_pt):
        other = make_quiz(home_pt, slug="other-quiz")
        token = signing.dumps([row[0] for row in answer_ids(other)], salt=SIGNING_SALT)
        response = client.get(f"{url_of(quiz)}result/?r={token}")
        assert response.status_code == 200
        assert "versão antiga do questionário" in html_of(response)
        short = signing.dumps([1, 2], salt=SIGNING_SALT)
        assert client.get(f"{url_of(quiz)}result/?r={short}").status_code == 200
        odd = signing.dumps({"a": 1}, salt=SIGNING_SALT)
        assert client.get(f"{url_of(quiz)}result/?r={odd}").status_code == 200

    def test_advice_links_and_language_switch_lead_to_the_same_result(
        self, client, home_pt, translated_page
    ):
        guide_pt, guide_en = translated_page
        english = Locale.objects.get(language_code="en")
        quiz = make_quiz(home_pt, links={1: [guide_pt]})
        copy = quiz.copy_for_translation(english)
        copy.title = "The quiz"
        copy.slug = "the-quiz"
        bands = list(copy.bands.all())
        for band, title in zip(bands, ["Fine", "Middle", "Careful"], strict=True):
            band.title = title
        copy.bands = bands
        copy.save_revision().publish()
        copy = QuizPage.objects.get(pk=copy.pk)

        html = self.post(client, quiz, [2, 1, 1, 0])
        assert f'href="{guide_pt.url}"' in html
        english_link = re.search(r'<a href="(/en/[^"]+)" hreflang="en"', html).group(1)
        assert english_link.startswith(copy.url + "result/?r=")
        english_html = html_of(client.get(english_link))
        assert "<h1>Middle</h1>" in english_html
        assert f'href="{guide_en.url}"' in english_html
        assert "Your risk points: 4 of 8." in english_html
        back = re.search(r'<a href="(/pt/[^"]+)" hreflang="pt"', english_html).group(1)
        assert back.startswith(quiz.url + "resultado/?r=")
        assert "<h1>Some</h1>" in html_of(client.get(back))
        # The switch passes the answers on; the English page matches them by position and
        # offers a link of its own with the English answers.
        own = re.search(r'href="[^"]+/result/\?r=([^"]+)">Link to this result', english_html)
        ids = answer_ids(copy)
        assert signing.loads(unquote(own.group(1)), salt=SIGNING_SALT) == [
            ids[0][2],
            ids[1][1],
            ids[2][1],
            ids[3][0],
        ]

    def test_answers_of_a_quiz_that_is_not_a_translation_are_refused(self, client, home_pt):
        quiz = make_quiz(home_pt)
        other = make_quiz(home_pt, slug="other-quiz")
        token = signing.dumps([row[1] for row in answer_ids(other)], salt=SIGNING_SALT)
        response = client.get(f"{url_of(quiz)}result/?r={token}")
        assert response.status_code == 200
        assert "versão antiga do questionário" in html_of(response)

    def test_many_questions(self, client, home_pt):
        quiz = make_quiz(home_pt, slug="long", questions=make_questions(20))
        html = self.post(client, quiz, [1] * 20)
        assert "Os teus pontos de risco: 20 de 40." in html
