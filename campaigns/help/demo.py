"""Demo directory of help in both languages. `load_demo_content` calls `load()`.

Only facts a newcomer can check: the EU's harmonised numbers (112, 116 111, 116 006, all
free to call), the alert line's number and the web addresses given in Portugal's reports
to the Global Alliance against Child Sexual Abuse Online. Every entry is marked as demo
content to check before going live; no opening hours, addresses or other numbers are
made up, so the editors' report lists every entry as not checked. Running it again
changes nothing: entries are found by their Portuguese name.
"""

from wagtail.models import Page

from website.demo import add_home_section, ensure_page, to_stream_value

from .choices import Kind, Need
from .models import (
    HelpDirectoryPage,
    HelpOrganisation,
    HelpPathPage,
    PathChoice,
    PathOutcome,
    PathQuestion,
)

DIRECTORY = {
    "pt": {
        "title": "Quem pode ajudar",
        "slug": "quem-pode-ajudar",
        "intro": "Serviços que te podem ouvir, ajudar e receber uma queixa. Os que estão abertos agora aparecem primeiro.",
    },
    "en": {
        "title": "Who can help",
        "slug": "who-can-help",
        "intro": "Services that can listen to you, help you and take a complaint. The ones open now come first.",
    },
}

ORGANISATIONS = [
    {
        "key": "112",
        "kind": Kind.EMERGENCY,
        "needs": [Need.DANGER],
        "phone": "112",
        "always_open": True,
        "free": True,
        "pt": {
            "name": "112: número europeu de emergência",
            "summary": "Liga se alguém está em perigo agora. Atende a polícia, os bombeiros e a ambulância.",
            "who_they_help": "Toda a gente",
        },
        "en": {
            "name": "112: European emergency number",
            "summary": "Call if someone is in danger now. Police, fire service and ambulance answer.",
            "who_they_help": "Everyone",
        },
    },
    {
        "key": "116111",
        "kind": Kind.HELPLINE,
        "needs": [Need.TALK, Need.BULLYING, Need.THREATS, Need.IMAGES, Need.CONTACT],
        "phone": "116 111",
        "free": True,
        "pt": {
            "name": "116 111: linha de apoio à criança",
            "summary": "Número europeu para crianças e jovens falarem com alguém sobre o que os preocupa.",
            "who_they_help": "Crianças e jovens",
        },
        "en": {
            "name": "116 111: child helpline",
            "summary": "European number for children and young people to talk to someone about what worries them.",
            "who_they_help": "Children and young people",
        },
    },
    {
        "key": "116006",
        "kind": Kind.VICTIM_SUPPORT,
        "needs": [Need.TALK, Need.THREATS, Need.IMAGES],
        "phone": "116 006",
        "free": True,
        "pt": {
            "name": "116 006: linha de apoio à vítima",
            "summary": "Número europeu de apoio a vítimas de crime e às suas famílias.",
            "who_they_help": "Vítimas de crime de todas as idades e as suas famílias",
        },
        "en": {
            "name": "116 006: victim support helpline",
            "summary": "European number that supports victims of crime and their families.",
            "who_they_help": "Victims of crime of any age and their families",
        },
    },
    {
        "key": "alertline",
        "kind": Kind.POLICE,
        "needs": [Need.THREATS, Need.IMAGES, Need.CONTACT, Need.ABUSE_MATERIAL, Need.BULLYING],
        "phone": "91 808 90 90",
        "website": "http://internetsegura.pt",
        "pt": {
            "name": "Linha Alerta da Polícia Judiciária",
            "summary": "Recebe denúncias de crimes online contra crianças e dá conselhos a quem liga.",
            "who_they_help": "Jovens, famílias e qualquer pessoa que viu um crime online",
        },
        "en": {
            "name": "Criminal Police alert line",
            "summary": "Takes reports of online crimes against children and gives advice to callers.",
            "who_they_help": "Young people, families and anyone who saw a crime online",
        },
    },
    {
        "key": "pgr",
        "kind": Kind.PROSECUTION,
        "needs": [Need.THREATS, Need.IMAGES, Need.ABUSE_MATERIAL],
        "website": "http://cibercrime.pgr.pt",
        "pt": {
            "name": "Gabinete Cibercrime da Procuradoria-Geral da República",
            "summary": "Explica como fazer queixa de um crime online ao Ministério Público.",
            "who_they_help": "Toda a gente, com um livro próprio para crianças e jovens",
        },
        "en": {
            "name": "Cybercrime Office of the Prosecutor General",
            "summary": "Explains how to make a complaint about an online crime to the Public Prosecutor.",
            "who_they_help": "Everyone, with a booklet for children and young people",
        },
    },
    {
        "key": "inhope",
        "kind": Kind.PLATFORM,
        "needs": [Need.ABUSE_MATERIAL],
        "website": "http://www.inhope.org/gns/home.aspx",
        "pt": {
            "name": "INHOPE: rede de linhas de denúncia",
            "summary": "Rede internacional que faz retirar material de abuso sexual de crianças da internet.",
            "who_they_help": "Qualquer pessoa que encontrou este material online",
        },
        "en": {
            "name": "INHOPE: network of reporting hotlines",
            "summary": "International network that gets child sexual abuse material taken off the internet.",
            "who_they_help": "Anyone who came across such material online",
        },
    },
    {
        "key": "insafe",
        "kind": Kind.HELPLINE,
        "needs": [Need.TALK, Need.BULLYING],
        "website": "http://www.saferinternet.org",
        "pt": {
            "name": "Rede Safer Internet (Insafe)",
            "summary": "Rede europeia de centros para uma internet mais segura, com linhas de ajuda em cada país.",
            "who_they_help": "Crianças, jovens, famílias e escolas",
        },
        "en": {
            "name": "Safer Internet network (Insafe)",
            "summary": "European network of safer internet centres, with helplines in each country.",
            "who_they_help": "Children, young people, families and schools",
        },
    },
]


def load(home, english, stdout):
    directory = ensure_page(home, HelpDirectoryPage, DIRECTORY, english)
    organisations = {
        entry["key"]: ensure_organisation(entry, home.locale, english) for entry in ORGANISATIONS
    }
    path = ensure_page(
        home, HelpPathPage, path_texts(home, organisations), english, **path_links(home)
    )
    add_home_section(home, path, english, position=1)
    add_home_section(home, directory, english, position=5)
    stdout.write(
        "“What happened?” and the directory of help (demo entries to check before going live)"
    )
    return path


def ensure_organisation(entry, portuguese, english):
    shared = {key: value for key, value in entry.items() if key not in ("key", "pt", "en")}
    organisation = HelpOrganisation.objects.filter(
        locale=portuguese, name=entry["pt"]["name"]
    ).first()
    if organisation is None:
        organisation = HelpOrganisation(locale=portuguese, demo=True, **shared, **entry["pt"])
        publish(organisation)
    if not HelpOrganisation.objects.filter(
        translation_key=organisation.translation_key, locale=english
    ).exists():
        translation = organisation.copy_for_translation(english)
        for name, value in entry["en"].items():
            setattr(translation, name, value)
        publish(translation)
    return organisation


def publish(organisation):
    organisation.save()
    organisation.save_revision().publish()


# --- "What happened?" -------------------------------------------------------------------

PATH = {
    "pt": {
        "title": "O que aconteceu?",
        "slug": "o-que-aconteceu",
        "intro": "Responde a duas ou três perguntas e vê o que fazer agora e quem te pode ajudar. Não guardamos nada do que escolhes.",
    },
    "en": {
        "title": "What happened?",
        "slug": "what-happened",
        "intro": "Answer two or three questions and see what to do now and who can help. We keep nothing of what you choose.",
    },
}

DANGER = {
    "pt": (
        "Alguém está em perigo agora?",
        "Por exemplo: alguém vai encontrar-se contigo hoje, ou alguém disse que se quer magoar.",
    ),
    "en": (
        "Is anyone in danger right now?",
        "For example: someone is meeting you today, or someone said they want to hurt themselves.",
    ),
}
YES_NO = {"pt": ("Sim", "Não"), "en": ("Yes", "No")}

# (key, {language: (question, hint)}, [(choice per language, leads to)])
QUESTIONS = [
    (
        "start",
        {"pt": ("O que aconteceu?", ""), "en": ("What happened?", "")},
        [
            (
                {
                    "pt": "Alguém ameaça partilhar fotografias minhas ou pede dinheiro",
                    "en": "Someone is threatening to share photos of me or asking for money",
                },
                "danger-threats",
            ),
            (
                {
                    "pt": "Uma fotografia ou um vídeo meu foi partilhado sem o meu consentimento",
                    "en": "A photo or video of me was shared without my consent",
                },
                "under-18",
            ),
            (
                {
                    "pt": "Alguém que conheci online quer encontrar-se comigo ou pede fotografias",
                    "en": "Someone I met online wants to meet me or asks for pictures",
                },
                "danger-meeting",
            ),
            (
                {
                    "pt": "Vi imagens sexuais de uma criança online",
                    "en": "I saw sexual images of a child online",
                },
                "abuse-material",
            ),
            (
                {
                    "pt": "Estou a ser alvo de bullying ou assédio online",
                    "en": "I'm being bullied or harassed online",
                },
                "bullying",
            ),
            (
                {"pt": "Estou preocupado com outra pessoa", "en": "I'm worried about someone else"},
                "danger-someone",
            ),
            ({"pt": "Outra coisa", "en": "Something else"}, "something-else"),
        ],
    ),
    ("danger-threats", DANGER, [("yes", "danger"), ("no", "threats")]),
    ("danger-meeting", DANGER, [("yes", "danger"), ("no", "meeting")]),
    ("danger-someone", DANGER, [("yes", "danger"), ("no", "someone-else")]),
    (
        "under-18",
        {
            "pt": (
                "Tens menos de 18 anos?",
                "Se a fotografia é de quando tinhas menos de 18 anos, responde sim.",
            ),
            "en": (
                "Are you under 18?",
                "If the picture is from when you were under 18, answer yes.",
            ),
        },
        [("yes", "images-young"), ("no", "images-adult")],
    ),
]

NEVER_SEND = {
    "pt": "Não pagues e não envies mais nada. Quem ameaça raramente para depois de receber.",
    "en": "Do not pay and do not send anything more. People who threaten rarely stop once they get it.",
}
SCREENSHOTS = {
    "pt": [
        "Faz capturas de ecrã das mensagens, do perfil e do nome de utilizador.",
        "Anota as ligações e as datas.",
    ],
    "en": [
        "Take screenshots of the messages, the profile and the username.",
        "Write down the links and the dates.",
    ],
}

# key -> shared fields and each language's title, steps and evidence
OUTCOMES = {
    "danger": {
        "danger_first": True,
        "organisations": ["112", "116111"],
        "pt": (
            "Liga já para o 112",
            [
                "Liga para o 112 e diz onde estás.",
                "Fica num sítio seguro, perto de pessoas em quem confias.",
                "Quando estiveres em segurança, volta aqui para saber o que fazer a seguir.",
            ],
            [],
        ),
        "en": (
            "Call 112 now",
            [
                "Call 112 and say where you are.",
                "Stay somewhere safe, near people you trust.",
                "Once you are safe, come back here to see what to do next.",
            ],
            [],
        ),
    },
    "threats": {
        "organisations": ["alertline", "116111", "116006"],
        "report_category": "sextortion",
        "related_alert": "ameacas-sextorsao",
        "pt": (
            "Alguém te ameaça com fotografias ou pede dinheiro",
            [
                NEVER_SEND["pt"],
                "A culpa não é tua. Fala com um adulto de confiança.",
                "Não apagues a conversa: guarda as provas primeiro.",
                "Bloqueia a pessoa depois de guardares as provas.",
                "Faz queixa à linha de alerta.",
            ],
            SCREENSHOTS["pt"],
        ),
        "en": (
            "Someone threatens you with pictures or asks for money",
            [
                NEVER_SEND["en"],
                "It is not your fault. Talk to an adult you trust.",
                "Do not delete the chat: keep the evidence first.",
                "Block the person once the evidence is kept.",
                "Report it to the alert line.",
            ],
            SCREENSHOTS["en"],
        ),
    },
    "images-young": {
        "organisations": ["alertline", "116111", "pgr"],
        "report_category": "images_shared",
        "images_of_a_child": True,
        "related_alert": "fotografia-intima-partilhada",
        "pt": (
            "Uma fotografia tua foi partilhada e tens menos de 18 anos",
            [
                "A culpa não é tua. Partilhar essa imagem é crime.",
                "Fala com um adulto de confiança.",
                "Faz queixa à linha de alerta: a polícia trata primeiro das provas.",
                "Pergunta por serviços que retiram a imagem sem ela sair do teu telemóvel, como o Take It Down.",
                "Pede à plataforma que retire a publicação, com a sua ferramenta de denúncia.",
            ],
            [
                "Faz capturas de ecrã das mensagens onde falam da imagem, nunca da imagem.",
                "Anota os nomes de utilizador, as ligações e as datas.",
            ],
        ),
        "en": (
            "A picture of you was shared and you are under 18",
            [
                "It is not your fault. Sharing that picture is a crime.",
                "Talk to an adult you trust.",
                "Report it to the alert line: the police deal with the evidence first.",
                "Ask about services that remove the picture without it leaving your phone, such as Take It Down.",
                "Ask the platform to remove the post, with its reporting tool.",
            ],
            [
                "Take screenshots of the messages that talk about the picture, never of the picture.",
                "Write down the usernames, links and dates.",
            ],
        ),
    },
    "images-adult": {
        "organisations": ["alertline", "116006", "pgr"],
        "report_category": "images_shared",
        "pt": (
            "Uma fotografia tua foi partilhada sem o teu consentimento",
            [
                "A culpa não é tua. Partilhar essa imagem sem consentimento é crime.",
                "Pede à plataforma que retire a publicação, com a sua ferramenta de denúncia.",
                "Podes apresentar queixa ao Ministério Público ou à polícia.",
            ],
            SCREENSHOTS["pt"],
        ),
        "en": (
            "A picture of you was shared without your consent",
            [
                "It is not your fault. Sharing that picture without consent is a crime.",
                "Ask the platform to remove the post, with its reporting tool.",
                "You can make a complaint to the Public Prosecutor or the police.",
            ],
            SCREENSHOTS["en"],
        ),
    },
    "meeting": {
        "organisations": ["alertline", "116111"],
        "report_category": "grooming",
        "related_alert": "adultos-em-jogos-online",
        "pt": (
            "Alguém que conheceste online quer encontrar-se contigo ou pede fotografias",
            [
                "Não vás ao encontro e não envies fotografias.",
                "Conta a um adulto de confiança.",
                "Guarda a conversa antes de bloquear a pessoa.",
                "Faz queixa à linha de alerta.",
            ],
            SCREENSHOTS["pt"],
        ),
        "en": (
            "Someone you met online wants to meet you or asks for pictures",
            [
                "Do not go to the meeting and do not send pictures.",
                "Tell an adult you trust.",
                "Keep the chat before you block the person.",
                "Report it to the alert line.",
            ],
            SCREENSHOTS["en"],
        ),
    },
    "abuse-material": {
        "organisations": ["alertline", "inhope"],
        "report_category": "csam",
        "images_of_a_child": True,
        "pt": (
            "Viste imagens sexuais de uma criança online",
            [
                "Fecha a página.",
                "Faz queixa à linha de alerta, com o endereço onde as viste.",
                "Se estás abalado, fala com alguém de confiança.",
            ],
            ["Copia o endereço da página ou o nome da conta, nada mais."],
        ),
        "en": (
            "You saw sexual images of a child online",
            [
                "Close the page.",
                "Report it to the alert line, with the address where you saw them.",
                "If you are upset, talk to someone you trust.",
            ],
            ["Copy the page's address or the account's name, nothing else."],
        ),
    },
    "bullying": {
        "organisations": ["116111", "insafe"],
        "report_category": "cyberbullying",
        "related_alert": "grupos-para-humilhar",
        "pt": (
            "Estás a ser alvo de bullying ou assédio online",
            [
                "A culpa não é tua. Fala com um adulto de confiança ou liga para o 116 111.",
                "Não respondas a quem te ataca.",
                "Bloqueia e denuncia a conta na plataforma.",
                "Se há ameaças, faz queixa à linha de alerta.",
            ],
            SCREENSHOTS["pt"],
        ),
        "en": (
            "You are being bullied or harassed online",
            [
                "It is not your fault. Talk to an adult you trust or call 116 111.",
                "Do not answer the people attacking you.",
                "Block and report the account on the platform.",
                "If there are threats, report them to the alert line.",
            ],
            SCREENSHOTS["en"],
        ),
    },
    "someone-else": {
        "organisations": ["alertline", "116111", "116006"],
        "report_category": "other",
        "pt": (
            "Estás preocupado com outra pessoa",
            [
                "Ouve a pessoa sem a culpar.",
                "Não reenvies imagens nem mensagens, nem para mostrar a alguém.",
                "Procura ajuda com ela: uma linha de apoio ou a linha de alerta.",
            ],
            ["Anota o que viste: nomes de utilizador, ligações e datas."],
        ),
        "en": (
            "You are worried about someone else",
            [
                "Listen to the person without blaming them.",
                "Do not forward pictures or messages, not even to show someone.",
                "Get help together: a helpline or the alert line.",
            ],
            ["Write down what you saw: usernames, links and dates."],
        ),
    },
    "something-else": {
        "organisations": ["116111", "alertline", "insafe"],
        "report_category": "other",
        "pt": (
            "Outra coisa aconteceu",
            [
                "Fala com um adulto de confiança ou liga para uma linha de apoio.",
                "Se é um crime, faz queixa à linha de alerta.",
            ],
            SCREENSHOTS["pt"],
        ),
        "en": (
            "Something else happened",
            [
                "Talk to an adult you trust or call a helpline.",
                "If it is a crime, report it to the alert line.",
            ],
            SCREENSHOTS["en"],
        ),
    },
}


def path_texts(home, organisations):
    """Both languages of the path, each with its own questions, choices and outcomes."""
    texts = {}
    for language in ("pt", "en"):
        texts[language] = {
            **PATH[language],
            "questions": [
                question(key, words[language], choices, language)
                for key, words, choices in QUESTIONS
            ],
            "outcomes": [
                outcome(key, fields, language, organisations) for key, fields in OUTCOMES.items()
            ],
        }
    return texts


def question(key, words, choices, language):
    text, hint = words
    labels = {"yes": YES_NO[language][0], "no": YES_NO[language][1]}
    return PathQuestion(
        key=key,
        text=text,
        hint=hint,
        choices=[
            PathChoice(
                label=labels[label] if isinstance(label, str) else label[language], leads_to=target
            )
            for label, target in choices
        ],
    )


def outcome(key, fields, language, organisations):
    title, steps, evidence = fields[language]
    stream = PathOutcome._meta.get_field("what_to_do").stream_block
    made = PathOutcome(
        key=key,
        title=title,
        danger_first=fields.get("danger_first", False),
        images_of_a_child=fields.get("images_of_a_child", False),
        report_category=fields.get("report_category", ""),
        what_to_do=to_stream_value(stream, [("step", step) for step in steps]),
        keep_evidence=to_stream_value(stream, [("step", step) for step in evidence]),
        related_alert=page_by_slug(fields.get("related_alert")),
    )
    made.organisations = [organisations[name] for name in fields["organisations"]]
    return made


def page_by_slug(slug):
    return Page.objects.filter(slug=slug, locale__language_code="pt").first() if slug else None


def path_links(home):
    """The alert-line page the outcomes' reports go to, when the alert line has one."""
    return {"alert_line": page_by_slug("linha-alerta")}
