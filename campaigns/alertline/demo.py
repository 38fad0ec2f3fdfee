"""Demo alert-line page (both languages, a home section) and a few clearly fake reports.

The reports exist only because this command made them: each has a fixed demo reference
and a demo code printed below, so the status page can be tried. Running it again
changes nothing.
"""

import datetime

from django.utils import timezone

from website.demo import add_home_section, ensure_page

from .choices import Category, Role, Status
from .codes import hash_code
from .models import AlertLinePage, Report

PAGE = {
    "pt": {
        "title": "Linha Alerta",
        "slug": "linha-alerta",
        "intro": "Viste alguma coisa online que te preocupa? Conta-nos. Não precisas de dizer o teu nome.",
        "phone_hours": "Dias úteis, das 9h00 às 19h00.",
        "what_can_be_reported": "<ul><li>Um adulto que tenta ganhar a tua confiança para te fazer mal.</li><li>Ameaças de partilhar imagens tuas, ou pedidos de dinheiro por elas.</li><li>Imagens tuas partilhadas sem o teu acordo.</li><li>Material de abuso sexual de crianças online.</li><li>Ciberbullying.</li></ul>",
        "what_happens_next": "<p>Uma pessoa da nossa equipa lê a denúncia. Se for um crime, passamos à polícia. A polícia decide primeiro, para as provas não se perderem.</p>",
        "evidence_guidance": "<ul><li>Tira capturas de ecrã das conversas.</li><li>Aponta os nomes de utilizador, os links e as datas.</li><li>Não apagues as mensagens antes de as guardares.</li></ul>",
    },
    "en": {
        "title": "Alert line",
        "slug": "alert-line",
        "intro": "Saw something online that worries you? Tell us. You do not have to give your name.",
        "phone_hours": "Working days, 9:00 to 19:00.",
        "what_can_be_reported": "<ul><li>An adult trying to win your trust to harm you.</li><li>Threats to share images of you, or demands for money for them.</li><li>Images of you shared without your agreement.</li><li>Child sexual abuse material online.</li><li>Cyberbullying.</li></ul>",
        "what_happens_next": "<p>A person in our team reads the report. If it is a crime, we pass it to the police. The police decide first, so that evidence is not lost.</p>",
        "evidence_guidance": "<ul><li>Take screenshots of the conversations.</li><li>Write down usernames, links and dates.</li><li>Do not delete messages before you keep them.</li></ul>",
    },
}

# Clearly fake: "DEMO" in the text, example.org links, fixed references and codes.
DEMO_REPORTS = [
    (
        "XDEM2222",
        "DEMXCD222222222",
        Category.SEXTORTION,
        Status.NEW,
        "pt",
        "DEMONSTRAÇÃO: alguém pede dinheiro e ameaça partilhar uma foto.",
        "https://example.org/demo-perfil",
    ),
    (
        "XDEM3333",
        "DEMXCD333333333",
        Category.CYBERBULLYING,
        Status.IN_REVIEW,
        "en",
        "DEMO: a group chat posts mean comments about a classmate every day.",
        "Demo chat app",
    ),
    (
        "XDEM4444",
        "DEMXCD444444444",
        Category.GROOMING,
        Status.FORWARDED,
        "pt",
        "DEMONSTRAÇÃO: um adulto num jogo pede para falar em privado.",
        "Jogo de demonstração",
    ),
    (
        "XDEM5555",
        "DEMXCD555555555",
        Category.OTHER,
        Status.CLOSED,
        "en",
        "DEMO: a fake giveaway asks for passwords.",
        "https://example.org/demo-giveaway",
    ),
]


def ensure_reports(stdout):
    now = timezone.now()
    for index, (reference, code, category, status, language, text, where) in enumerate(
        DEMO_REPORTS
    ):
        if Report.objects.filter(reference=reference).exists():
            continue
        report = Report(
            reference=reference,
            code_hash=hash_code(code),
            category=category,
            where=where,
            when="DEMO",
            description=text,
            reporter_role=Role.OTHER,
            language=language,
            created_at=now - datetime.timedelta(days=index + 1),
        )
        report.contact = ""
        if status != Status.NEW:
            report.apply_status(
                Status.IN_REVIEW, when=report.created_at + datetime.timedelta(hours=5)
            )
            report.apply_status(status, when=report.created_at + datetime.timedelta(hours=8))
        report.save()
    stdout.write(
        "Alert line: demo reports (demo only) "
        + ", ".join(f"{ref}/{code}" for ref, code, *_rest in DEMO_REPORTS)
    )


def load(home, english, stdout):
    page = ensure_page(
        home,
        AlertLinePage,
        PAGE,
        english,
        first_response_days=2,
    )
    add_home_section(home, page, english, position=10)
    ensure_reports(stdout)
