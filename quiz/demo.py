"""The demo quiz in both languages. `load_demo_content` calls `load()`.

Written for this project in the voice of a friend a little older who knows the internet:
say what to do, never blame. Running it again changes nothing: the quiz is found by its
slug under the home page, and only what is missing is created.
"""

import datetime

from django.utils import timezone
from wagtail.models import Page
from wagtail.rich_text import RichText

from website.demo import add_home_section, ensure_page, publish
from website.models import GuidancePage

from .models import (
    Answer,
    AnswerTally,
    BandLink,
    BandTally,
    Question,
    QuizFindingsPage,
    QuizPage,
    ResultBand,
)

QUIZ = {
    "pt": {
        "title": "Quão seguro estás online?",
        "slug": "questionario",
        "intro": "Catorze perguntas rápidas sobre o que fazes online: redes sociais, conversas, fotografias e jogos. Responde com sinceridade. Não há respostas erradas, e ninguém fica a saber o que escolheste.",
    },
    "en": {
        "title": "How safe are you online?",
        "slug": "quiz",
        "intro": "Fourteen quick questions about what you do online: social media, chats, photos and games. Answer honestly. There are no wrong answers, and nobody finds out what you chose.",
    },
}

# Each question: category, shown to parents or not, points per answer, then the texts.
# Answers are (text, tip); the tip appears with the result when that answer is chosen.
QUESTIONS = [
    {
        "category": "privacy",
        "points": [0, 1, 2],
        "pt": (
            "Quem consegue ver o teu perfil e o que publicas?",
            [
                ("Só amigos que conheço pessoalmente.", ""),
                (
                    "Amigos e amigos de amigos.",
                    "Vê as definições de privacidade: “só amigos” é um bom começo.",
                ),
                ("Qualquer pessoa.", "Põe a conta em privado. Demora um minuto nas definições."),
            ],
        ),
        "en": (
            "Who can see your profile and your posts?",
            [
                ("Only friends I know in real life.", ""),
                (
                    "Friends and friends of friends.",
                    "Check your privacy settings: “friends only” is a good start.",
                ),
                ("Anyone.", "Make your account private. It takes one minute in the settings."),
            ],
        ),
    },
    {
        "category": "privacy",
        "points": [0, 1, 2],
        "pt": (
            "Partilhas a tua localização em apps, mapas ou histórias?",
            [
                ("Não, está desligada.", ""),
                (
                    "Só com amigos próximos.",
                    "De vez em quando, confirma quem consegue ver onde estás.",
                ),
                (
                    "Está ligada para todos, ou não sei.",
                    "Liga o modo fantasma ou desliga a localização. Onde vives e estudas é só teu.",
                ),
            ],
        ),
        "en": (
            "Do you share your location in apps, maps or stories?",
            [
                ("No, it is off.", ""),
                (
                    "Only with close friends.",
                    "Every now and then, check who can see where you are.",
                ),
                (
                    "It is on for everyone, or I don't know.",
                    "Turn on ghost mode or switch location off. Where you live and study is yours.",
                ),
            ],
        ),
    },
    {
        "category": "privacy",
        "points": [0, 1, 2],
        "pt": (
            "E as tuas palavras-passe?",
            [
                ("Cada conta tem a sua, e não as partilho.", ""),
                (
                    "Uso a mesma em várias contas.",
                    "Usa uma palavra-passe diferente em cada conta importante e liga a verificação em dois passos.",
                ),
                (
                    "O meu melhor amigo ou namorado sabe-as.",
                    "Muda as palavras-passe que partilhaste. As amizades mudam; as tuas contas devem continuar tuas.",
                ),
            ],
        ),
        "en": (
            "What about your passwords?",
            [
                ("Each account has its own, and I don't share them.", ""),
                (
                    "I use the same one for several accounts.",
                    "Use a different password for each important account and turn on two-step verification.",
                ),
                (
                    "My best friend or partner knows them.",
                    "Change the passwords you shared. Friendships change; your accounts should stay yours.",
                ),
            ],
        ),
    },
    {
        "category": "strangers",
        "public": True,
        "points": [0, 1, 2],
        "pt": (
            "Já adicionaste alguém online que nunca conheceste pessoalmente?",
            [
                ("Não.", ""),
                (
                    "Sim, mas só amigos de amigos.",
                    "Amigos de amigos também podem não ser quem dizem. Mantém as conversas em espaços abertos.",
                ),
                (
                    "Sim, várias vezes.",
                    "Online, as pessoas nem sempre são quem dizem ser. Se algo te parecer estranho, fala com alguém de confiança.",
                ),
            ],
            "Dos jovens que responderam a este questionário, quantos dizem que já adicionaram alguém que nunca conheceram?",
        ),
        "en": (
            "Have you added someone online that you never met in person?",
            [
                ("No.", ""),
                (
                    "Yes, but only friends of friends.",
                    "Friends of friends may not be who they say either. Keep chats in open spaces.",
                ),
                (
                    "Yes, several times.",
                    "Online, people are not always who they say they are. If something feels odd, talk to someone you trust.",
                ),
            ],
            "Of the young people who took this quiz, how many say they have added someone they never met?",
        ),
    },
    {
        "category": "strangers",
        "points": [0, 1, 2],
        "pt": (
            "Alguém que conheceste online pede para falarem numa app privada ou para guardares segredo. O que fazes?",
            [
                ("Digo que não e conto a alguém de confiança.", ""),
                (
                    "Aceito, mas fico atento.",
                    "Pedir segredo é um sinal de alerta. Podes parar de responder e bloquear quando quiseres.",
                ),
                (
                    "Aceito, não tem mal.",
                    "Pedir segredo é um sinal de alerta. Para de responder, bloqueia e conta a um adulto de confiança.",
                ),
            ],
        ),
        "en": (
            "Someone you met online asks to move to a private app or to keep your chats secret. What do you do?",
            [
                ("I say no and tell someone I trust.", ""),
                (
                    "I go along, but I stay careful.",
                    "Asking for secrecy is a warning sign. You can stop replying and block whenever you want.",
                ),
                (
                    "I go along, it's fine.",
                    "Asking for secrecy is a warning sign. Stop replying, block, and tell an adult you trust.",
                ),
            ],
        ),
    },
    {
        "category": "strangers",
        "public": True,
        "points": [0, 1, 2],
        "pt": (
            "Irias encontrar-te com alguém que só conheces da internet?",
            [
                ("Não.", ""),
                (
                    "Sim, com um adulto de confiança e num sítio público.",
                    "Bom plano. Diz a alguém onde vais e a que horas.",
                ),
                (
                    "Sim, sozinho.",
                    "Se quiseres mesmo ir, leva um adulto de confiança e escolhe um sítio público. Diz sempre a alguém onde vais.",
                ),
            ],
            "Quantos jovens dizem que se encontrariam com alguém que só conhecem da internet?",
        ),
        "en": (
            "Would you meet someone you only know from the internet?",
            [
                ("No.", ""),
                (
                    "Yes, with an adult I trust, in a public place.",
                    "Good plan. Tell someone where you are going and when.",
                ),
                (
                    "Yes, on my own.",
                    "If you really want to go, take an adult you trust and choose a public place. Always tell someone where you are going.",
                ),
            ],
            "How many young people say they would meet someone they only know from the internet?",
        ),
    },
    {
        "category": "images",
        "points": [0, 1, 2],
        "pt": (
            "Alguém te pede uma fotografia que não querias que toda a gente visse. O que fazes?",
            [
                ("Digo que não.", ""),
                (
                    "Fico a pensar.",
                    "Podes sempre dizer que não, mesmo a alguém de quem gostas. Quem gosta de ti não insiste.",
                ),
                (
                    "Já enviei uma.",
                    "A culpa não é tua se alguém a usar mal. Se uma fotografia tua for partilhada ou usada para te ameaçar, fala com um adulto de confiança ou liga para a linha de alerta: há forma de a retirar.",
                ),
            ],
        ),
        "en": (
            "Someone asks you for a photo you would not want everyone to see. What do you do?",
            [
                ("I say no.", ""),
                (
                    "I think about it.",
                    "You can always say no, even to someone you like. People who care about you don't insist.",
                ),
                (
                    "I have already sent one.",
                    "It is not your fault if someone misuses it. If a photo of you is shared or used to threaten you, talk to an adult you trust or call the alert line: it can be taken down.",
                ),
            ],
        ),
    },
    {
        "category": "images",
        "public": True,
        "points": [0, 1, 2],
        "pt": (
            "Já reenviaste uma fotografia ou vídeo de outra pessoa sem lhe perguntar?",
            [
                ("Nunca.", ""),
                (
                    "Uma ou duas vezes, era a brincar.",
                    "Pergunta antes de partilhar a imagem de alguém. Partilhar uma imagem íntima de alguém com menos de 18 anos é crime, mesmo a brincar.",
                ),
                (
                    "Sim, muitas vezes.",
                    "Pergunta sempre antes. Se receberes uma imagem íntima de alguém, não a passes: apaga-a e conta a um adulto de confiança.",
                ),
            ],
            "Quantos jovens dizem que já reenviaram a fotografia de alguém sem perguntar?",
        ),
        "en": (
            "Have you forwarded a photo or video of someone else without asking them?",
            [
                ("Never.", ""),
                (
                    "Once or twice, as a joke.",
                    "Ask before you share someone's picture. Sharing an intimate image of someone under 18 is a crime, even as a joke.",
                ),
                (
                    "Yes, often.",
                    "Always ask first. If you receive an intimate image of someone, don't pass it on: delete it and tell an adult you trust.",
                ),
            ],
            "How many young people say they have forwarded someone's photo without asking?",
        ),
    },
    {
        "category": "gaming_money",
        "points": [0, 1, 2],
        "pt": (
            "Compras caixas de recompensa, pacotes ou baús nos jogos?",
            [
                ("Nunca.", ""),
                (
                    "Às vezes.",
                    "Uma caixa de recompensa é uma aposta: pagas sem saber o que vais ter. Define um limite por mês.",
                ),
                (
                    "Muitas vezes, até sair o que quero.",
                    "Os jogos são feitos para continuares a comprar. Faz uma pausa e fala com alguém sobre quanto gastas.",
                ),
            ],
        ),
        "en": (
            "Do you buy loot boxes, packs or chests in games?",
            [
                ("Never.", ""),
                (
                    "Sometimes.",
                    "A loot box is a bet: you pay without knowing what you will get. Set yourself a monthly limit.",
                ),
                (
                    "Often, until I get what I want.",
                    "Games are built to keep you buying. Take a break and talk to someone about how much you spend.",
                ),
            ],
        ),
    },
    {
        "category": "gaming_money",
        "public": True,
        "points": [0, 1, 2],
        "pt": (
            "Já gastaste dinheiro num jogo sem perguntar a quem paga?",
            [
                ("Não.", ""),
                (
                    "Uma vez.",
                    "Combina um limite com quem paga e liga a palavra-passe para compras.",
                ),
                (
                    "Várias vezes.",
                    "Acontece a muita gente. Conta a quem paga, combinem um limite e liguem a palavra-passe para compras.",
                ),
            ],
            "Quantos jovens dizem que já gastaram dinheiro num jogo sem perguntar a quem paga?",
        ),
        "en": (
            "Have you spent money in a game without asking the person who pays?",
            [
                ("No.", ""),
                ("Once.", "Agree a limit with whoever pays, and turn on a password for purchases."),
                (
                    "Several times.",
                    "It happens to lots of people. Tell whoever pays, agree a limit together and turn on a password for purchases.",
                ),
            ],
            "How many young people say they have spent money in a game without asking the person who pays?",
        ),
    },
    {
        "category": "gaming_money",
        "points": [0, 1, 2],
        "pt": (
            "Jogas jogos em que apostas moedas, skins ou pontos para ganhar mais (abrir caixas, roletas)?",
            [
                ("Não.", ""),
                (
                    "Já experimentei.",
                    "Apostar skins é jogo a dinheiro, mesmo que pareça só um jogo. Fica atento a quanto gastas.",
                ),
                (
                    "Sim, muitas vezes.",
                    "Estes jogos são feitos para quereres recuperar o que perdeste. Se for difícil parar, fala com alguém de confiança.",
                ),
            ],
        ),
        "en": (
            "Do you play games where you bet coins, skins or points to win more (case openings, roulette)?",
            [
                ("No.", ""),
                (
                    "I have tried.",
                    "Betting skins is gambling, even if it looks like part of a game. Keep an eye on what you spend.",
                ),
                (
                    "Yes, often.",
                    "These games are built to make you chase what you lost. If it is hard to stop, talk to someone you trust.",
                ),
            ],
        ),
    },
    {
        "category": "gaming_money",
        "points": [0, 1, 2],
        "pt": (
            "Jogas jogos de combate ou de guerra com chat de voz aberto a desconhecidos?",
            [
                ("Não, ou só com amigos.", ""),
                (
                    "Às vezes.",
                    "Põe o chat de voz só para amigos. Se alguém te insultar ou pedir coisas, silencia e bloqueia.",
                ),
                (
                    "Sim, quase sempre.",
                    "Põe o chat de voz só para amigos. Se alguém te ameaçar, te pedir fotografias ou presentes, bloqueia, denuncia e conta a alguém.",
                ),
            ],
        ),
        "en": (
            "Do you play combat or war games with voice chat open to strangers?",
            [
                ("No, or only with friends.", ""),
                (
                    "Sometimes.",
                    "Set voice chat to friends only. If someone insults you or asks you for things, mute and block.",
                ),
                (
                    "Yes, nearly always.",
                    "Set voice chat to friends only. If someone threatens you or asks for photos or gifts, block, report and tell someone.",
                ),
            ],
        ),
    },
    {
        "category": "cyberbullying",
        "public": True,
        "points": [0, 1, 2],
        "pt": (
            "Num grupo de conversa, estão a gozar com alguém. O que fazes?",
            [
                ("Apoio a pessoa ou conto a alguém.", ""),
                (
                    "Nada, fico de fora.",
                    "Até uma mensagem privada a dizer “isto não está bem” ajuda. Também podes denunciar as mensagens.",
                ),
                (
                    "Rio-me ou partilho.",
                    "Partilhar torna tudo maior. Podes sair da conversa e, se conseguires, apoiar a pessoa.",
                ),
            ],
            "Quantos jovens dizem que ficam de fora ou se juntam quando alguém é gozado num grupo de conversa?",
        ),
        "en": (
            "In a group chat, people are making fun of someone. What do you do?",
            [
                ("I support the person or tell someone.", ""),
                (
                    "Nothing, I stay out of it.",
                    "Even a private message saying “this isn't OK” helps. You can also report the messages.",
                ),
                (
                    "I laugh or share it.",
                    "Sharing makes it bigger. You can step out of the chat and, if you can, support the person.",
                ),
            ],
            "How many young people say they stay out of it or join in when someone is mocked in a group chat?",
        ),
    },
    {
        "category": "cyberbullying",
        "points": [0, 1, 2],
        "pt": (
            "Se alguém te fizesse bullying online, contavas a alguém?",
            [
                ("Sim, a um adulto de confiança.", ""),
                (
                    "Talvez, só a um amigo.",
                    "Contar a um amigo já é bom. Um adulto de confiança pode ajudar a fazer parar.",
                ),
                (
                    "Não, resolvia sozinho.",
                    "Não tens de passar por isso sozinho. Guarda capturas de ecrã, bloqueia e conta a alguém de confiança. A linha de alerta também ajuda.",
                ),
            ],
        ),
        "en": (
            "If someone bullied you online, would you tell someone?",
            [
                ("Yes, an adult I trust.", ""),
                (
                    "Maybe, only a friend.",
                    "Telling a friend is a good start. An adult you trust can help make it stop.",
                ),
                (
                    "No, I would handle it alone.",
                    "You don't have to deal with it alone. Keep screenshots, block, and tell someone you trust. The alert line can help too.",
                ),
            ],
        ),
    },
]

# Advice pages by slug (Portuguese); apps that are not installed simply have none.
BANDS = [
    {
        "min": 0,
        "max": 8,
        "links": ["a-tua-privacidade", "localizacao-em-tempo-real"],
        "pt": (
            "Estás atento",
            "Já cuidas bem de ti online. Continua assim e partilha o que sabes com os teus amigos: pode fazer-lhes falta.",
        ),
        "en": (
            "You know your way around",
            "You already look after yourself online. Keep it up, and share what you know with your friends: they might need it.",
        ),
    },
    {
        "min": 9,
        "max": 18,
        "links": ["a-tua-privacidade", "pessoas-que-conheces-online", "premios-falsos"],
        "pt": (
            "Há umas coisas a ajustar",
            "Quase tudo o que fazes está bem. Umas definições e uns hábitos podem deixar-te mais seguro. Vê as dicas abaixo: cada uma leva dois minutos.",
        ),
        "en": (
            "A few things to adjust",
            "Most of what you do is fine. A few settings and habits could keep you safer. Look at the tips below: each one takes a couple of minutes.",
        ),
    },
    {
        "min": 19,
        "max": 28,
        "links": ["quando-algo-corre-mal", "como-denunciar", "adultos-em-jogos-online"],
        "pt": (
            "Vamos ver isto juntos",
            "Muita gente da tua idade responde assim: a internet é feita para ser fácil partilhar e gastar. As dicas abaixo ajudam-te a voltar a ter o controlo. E se alguma coisa te preocupa, podes falar connosco.",
        ),
        "en": (
            "Let's look at this together",
            "Lots of people your age answer like this: the internet is built to make sharing and spending easy. The tips below help you take back control. And if something worries you, you can talk to us.",
        ),
    },
]


def build_questions(language):
    questions = []
    for position, spec in enumerate(QUESTIONS):
        text, answers, *prompt = spec[language]
        questions.append(
            Question(
                sort_order=position,
                text=text,
                category=spec["category"],
                public=spec.get("public", False),
                parents_prompt=prompt[0] if prompt else "",
                answers=[
                    Answer(text=answer, points=points, tip=tip, sort_order=order)
                    for order, ((answer, tip), points) in enumerate(
                        zip(answers, spec["points"], strict=True)
                    )
                ],
            )
        )
    return questions


def build_bands(language, pages_by_slug):
    return [
        ResultBand(
            sort_order=position,
            min_score=spec["min"],
            max_score=spec["max"],
            title=spec[language][0],
            message=spec[language][1],
            links=[
                BandLink(link_page=pages_by_slug[s]) for s in spec["links"] if s in pages_by_slug
            ],
        )
        for position, spec in enumerate(BANDS)
    ]


def advice_pages(home):
    """The Portuguese booklet chapters and alerts the bands point at, where they exist."""
    slugs = {slug for spec in BANDS for slug in spec["links"]}
    pages = Page.objects.descendant_of(home).filter(slug__in=slugs, locale_id=home.locale_id)
    return {page.slug: page for page in pages}


FINDINGS = {
    "pt": {
        "title": "O que os jovens nos disseram",
        "slug": "o-que-os-jovens-nos-disseram",
        "intro": "Tente adivinhar primeiro: depois veja o que os jovens responderam ao nosso questionário. Muitos pais ficam surpreendidos.",
    },
    "en": {
        "title": "What young people told us",
        "slug": "what-young-people-told-us",
        "intro": "Guess first: then see what young people answered in our quiz. Many parents are surprised.",
    },
}

PARENTS_LINK = {
    "pt": '<h2>O que os jovens nos disseram</h2><p>Sabe quantos jovens já adicionaram alguém que nunca conheceram? Adivinhe e depois veja as respostas ao nosso questionário.</p><p><a linktype="page" id="{id}">O que os jovens nos disseram</a></p>',
    "en": '<h2>What young people told us</h2><p>Do you know how many young people have added someone they never met? Guess, then see the answers to our quiz.</p><p><a linktype="page" id="{id}">What young people told us</a></p>',
}

# Demo tallies: completions per day in each language, and how answers split (by
# question, rotated so that the questions differ). Made up, and labelled as demo data.
DEMO_DAYS = 10
DEMO_PER_DAY = {"pt": 12, "en": 7}
DEMO_SPLITS = [(0.55, 0.3), (0.4, 0.35), (0.7, 0.2), (0.35, 0.4), (0.6, 0.25)]
DEMO_BAND_SPLIT = (0.45, 0.4)


def split(total, shares):
    counts = [round(total * share) for share in shares]
    return [*counts, total - sum(counts)]


def add_demo_tallies(quiz, language):
    if AnswerTally.objects.filter(page=quiz, is_demo=True).exists():
        return
    per_day = DEMO_PER_DAY[language]
    today = timezone.localdate()
    answer_rows, band_rows = [], []
    bands = quiz.ordered_bands()
    for offset in range(1, DEMO_DAYS + 1):
        day = today - datetime.timedelta(days=offset)
        for position, (question, answers) in enumerate(quiz.structure()):
            counts = split(per_day, DEMO_SPLITS[position % len(DEMO_SPLITS)][: len(answers) - 1])
            answer_rows += [
                AnswerTally(
                    page=quiz, question=question, answer=answer, day=day, count=count, is_demo=True
                )
                for answer, count in zip(answers, counts, strict=True)
            ]
        counts = split(per_day, DEMO_BAND_SPLIT[: len(bands) - 1])
        band_rows += [
            BandTally(page=quiz, band=band, day=day, count=count, is_demo=True)
            for band, count in zip(bands, counts, strict=True)
        ]
    AnswerTally.objects.bulk_create(answer_rows)
    BandTally.objects.bulk_create(band_rows)


def link_from_parents_page(home, english, findings):
    """The parents' guidance page points at the findings, in each language, once."""
    parents = GuidancePage.objects.child_of(home).filter(slug="para-pais").first()
    if parents is None:
        return
    for language, page in (("pt", parents), ("en", parents.get_translation_or_none(english))):
        target = findings if language == "pt" else findings.get_translation_or_none(english)
        if page is None or target is None:
            continue
        page = page.specific
        marker = f'linktype="page" id="{target.pk}"'
        if any(marker in str(getattr(block.value, "source", "")) for block in page.body):
            continue
        html = PARENTS_LINK[language].format(id=target.pk)
        page.body.insert(len(page.body) - 1, ("text", RichText(html)))
        publish(page)


def load(home, english, stdout):
    pages_by_slug = advice_pages(home)
    texts = {
        language: {
            **QUIZ[language],
            "questions": build_questions(language),
            "bands": build_bands(language, pages_by_slug),
        }
        for language in ("pt", "en")
    }
    quiz = ensure_page(home, QuizPage, texts, english, show_in_menus=True)
    add_home_section(home, quiz, english, position=30)
    findings = ensure_page(quiz, QuizFindingsPage, FINDINGS, english)
    add_demo_tallies(quiz, "pt")
    if quiz.has_translation(english):
        add_demo_tallies(quiz.get_translation(english).specific, "en")
    link_from_parents_page(home, english, findings)
    stdout.write(f"Quiz: {len(QUESTIONS)} questions in Portuguese and English.")
