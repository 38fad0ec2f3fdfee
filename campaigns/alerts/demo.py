"""Demo citizen alerts in both languages. `load_demo_content` calls `load()`.

Running it again changes nothing: `website.demo.ensure_page` finds the index and each
alert by slug (and their English versions by translation), and creates only what is
missing. Written for this
project in plain words, after the Criminal Police's "Citizen Alert" advice.
"""

import datetime

from django.utils import timezone

from website.demo import add_home_section, ensure_page
from website.models import GuidancePage

from .choices import audience_field
from .models import AlertIndexPage, AlertPage, AlertRelatedAlert, AlertRelatedPage

INDEX = {
    "pt": {
        "title": "Alertas",
        "slug": "alertas",
        "intro": "Avisos curtos sobre perigos online que estão a acontecer agora: o que se passa, o que fazer, como guardar provas e onde fazer queixa.",
    },
    "en": {
        "title": "Citizen alerts",
        "slug": "alerts",
        "intro": "Short warnings about online dangers happening now: what is going on, what to do, how to keep evidence and where to complain.",
    },
}

POLICE = {
    "pt": ("Polícia Judiciária", "https://www.policiajudiciaria.pt/"),
    "en": ("Criminal Police (Polícia Judiciária)", "https://www.policiajudiciaria.pt/"),
}
ONLINE_COMPLAINT = {
    "pt": ("Queixa eletrónica", "https://queixaselectronicas.mai.gov.pt/"),
    "en": ("Online complaint (in Portuguese)", "https://queixaselectronicas.mai.gov.pt/"),
}

ALERTS = [
    {
        "key": "intimate_images",
        "topic": "intimate_images",
        "risk": "high",
        "audiences": ["young_people", "educators", "parents"],
        "days_ago": 20,
        "review_in": 160,
        "pt": {
            "title": "Uma fotografia íntima foi partilhada sem autorização",
            "slug": "fotografia-intima-partilhada",
            "summary": "Se uma fotografia tua foi enviada a outras pessoas sem o teu consentimento, a culpa não é tua. Há formas de a fazer desaparecer.",
            "happening": "<p>Fotografias íntimas enviadas a uma pessoa de confiança estão a ser reenviadas em grupos de conversa e redes sociais. Quem reenvia está a cometer um crime. Se a pessoa na imagem tem menos de 18 anos, a imagem é material de abuso sexual de crianças.</p>",
            "signs": [
                "Colegas comentam uma imagem que não enviaste a eles.",
                "Recebes mensagens de desconhecidos que falam de uma fotografia tua.",
            ],
            "todo": [
                "Não estás sozinho. Fala com um adulto de confiança.",
                "Pede à plataforma que retire a imagem, com as suas ferramentas de denúncia.",
                "Liga para a linha de alerta: ajudamos-te a fazer queixa.",
            ],
            "evidence": [
                "Faz capturas de ecrã das mensagens onde a imagem é mencionada, não da imagem.",
                "Anota os nomes de utilizador, as ligações e as datas.",
            ],
            "platform": (
                "Take It Down: retirar imagens íntimas de menores",
                "https://takeitdown.ncmec.org/pt-pt/",
            ),
        },
        "en": {
            "title": "An intimate picture was shared without permission",
            "slug": "intimate-picture-shared",
            "summary": "If a picture of you was sent to other people without your consent, it is not your fault. There are ways to get it taken down.",
            "happening": "<p>Intimate pictures sent to someone trusted are being forwarded in group chats and on social networks. Forwarding them is a crime. If the person in the picture is under 18, the picture is child sexual abuse material.</p>",
            "signs": [
                "Classmates talk about a picture you never sent them.",
                "Strangers message you about a picture of you.",
            ],
            "todo": [
                "You are not alone. Talk to an adult you trust.",
                "Ask the platform to remove the picture, with its own report tools.",
                "Call the alert line: we help you make a complaint.",
            ],
            "evidence": [
                "Take screenshots of the messages that mention the picture, not of the picture.",
                "Write down usernames, links and dates.",
            ],
            "platform": (
                "Take It Down: remove intimate images of under-18s",
                "https://takeitdown.ncmec.org/",
            ),
        },
    },
    {
        "key": "sextortion",
        "topic": "sextortion",
        "risk": "high",
        "audiences": ["young_people", "parents"],
        "days_ago": 2,
        "review_in": 60,
        "urgent_days": 60,
        "related": ["intimate_images"],
        "pt": {
            "title": "Ameaças para divulgar imagens íntimas (sextorsão)",
            "slug": "ameacas-sextorsao",
            "summary": "Perfis falsos pedem imagens íntimas e depois exigem dinheiro ou mais imagens. Não pagues e pede ajuda já.",
            "happening": "<p>Há muitos casos de perfis falsos, muitas vezes com a fotografia de uma pessoa jovem, que conversam durante dias e pedem uma imagem íntima. Depois ameaçam enviá-la à família e aos amigos se não receberem dinheiro. Quem ameaça é o único culpado.</p>",
            "signs": [
                "Uma pessoa que conheceste há pouco tempo quer mudar logo para outra aplicação.",
                "A conversa passa depressa para elogios e pedidos de imagens.",
                "Pedem dinheiro, cartões-presente ou mais imagens, com pressa.",
            ],
            "todo": [
                "Não pagues e não envies mais nada. Pagar não faz as ameaças parar.",
                "Deixa de responder, mas não apagues a conversa nem a conta.",
                "Conta a um adulto de confiança e liga para a linha de alerta.",
                "Denuncia o perfil na plataforma.",
            ],
            "evidence": [
                "Faz capturas de ecrã da conversa, com a data visível.",
                "Guarda o nome de utilizador e a ligação para o perfil.",
                "Anota os dados de pagamento que te pediram.",
            ],
            "platform": (
                "Take It Down: retirar imagens íntimas de menores",
                "https://takeitdown.ncmec.org/pt-pt/",
            ),
        },
        "en": {
            "title": "Threats to share intimate pictures (sextortion)",
            "slug": "sextortion-threats",
            "summary": "Fake profiles ask for intimate pictures, then demand money or more pictures. Do not pay, and get help now.",
            "happening": "<p>Many fake profiles, often with a young person's photo, chat for days and then ask for an intimate picture. Then they threaten to send it to family and friends unless they get money. The person making the threats is the only one to blame.</p>",
            "signs": [
                "Someone you met recently wants to move to another app at once.",
                "The chat turns quickly to compliments and requests for pictures.",
                "They ask for money, gift cards or more pictures, in a hurry.",
            ],
            "todo": [
                "Do not pay and do not send anything else. Paying does not stop the threats.",
                "Stop replying, but do not delete the chat or the account.",
                "Tell an adult you trust and call the alert line.",
                "Report the profile on the platform.",
            ],
            "evidence": [
                "Take screenshots of the conversation, with the date showing.",
                "Keep the username and the link to the profile.",
                "Write down any payment details they asked you to use.",
            ],
            "platform": (
                "Take It Down: remove intimate images of under-18s",
                "https://takeitdown.ncmec.org/",
            ),
        },
    },
    {
        "key": "grooming",
        "topic": "grooming",
        "risk": "high",
        "audiences": ["young_people", "parents", "educators"],
        "days_ago": 5,
        "review_in": 120,
        "pt": {
            "title": "Adultos que se fazem passar por jovens nos jogos online",
            "slug": "adultos-em-jogos-online",
            "summary": "Nos chats de jogos, há adultos que fingem ter a tua idade para ganhar confiança. Sabe reconhecer os sinais e o que fazer.",
            "happening": "<p>Em jogos com conversa por voz ou texto, há adultos que oferecem prendas no jogo, moedas ou ajuda para subir de nível. Com o tempo, pedem segredo, fotografias ou um encontro. Isto chama-se aliciamento, e a responsabilidade é sempre do adulto.</p>",
            "signs": [
                "Oferecem prendas ou moedas do jogo sem razão.",
                "Pedem para guardar segredo ou para falar noutra aplicação.",
                "Fazem perguntas sobre o teu corpo, a tua casa ou quando estás sozinho.",
            ],
            "todo": [
                "Para de responder e bloqueia a pessoa.",
                "Fala com um adulto de confiança. Não ficas em sarilhos por isso.",
                "Denuncia a conta no jogo.",
                "Liga para a linha de alerta ou apresenta queixa à polícia.",
            ],
            "evidence": [
                "Faz capturas de ecrã da conversa e do perfil.",
                "Anota o nome de utilizador, o nome do jogo, as datas e as horas.",
            ],
            "platform": ("Centro de segurança do Roblox", "https://en.help.roblox.com/"),
        },
        "en": {
            "title": "Adults pretending to be young people in online games",
            "slug": "adults-in-online-games",
            "summary": "In game chats, some adults pretend to be your age to win your trust. Know the signs and what to do.",
            "happening": "<p>In games with voice or text chat, some adults offer in-game gifts, coins or help to level up. Over time they ask for secrecy, photos or a meeting. This is called grooming, and the adult is always the one responsible.</p>",
            "signs": [
                "They give gifts or game coins for no reason.",
                "They ask you to keep a secret or to talk on another app.",
                "They ask about your body, your home or when you are alone.",
            ],
            "todo": [
                "Stop replying and block the person.",
                "Talk to an adult you trust. You are not in trouble for it.",
                "Report the account in the game.",
                "Call the alert line or make a complaint to the police.",
            ],
            "evidence": [
                "Take screenshots of the chat and of the profile.",
                "Write down the username, the game, the dates and the times.",
            ],
            "platform": ("Roblox safety help", "https://en.help.roblox.com/"),
        },
    },
    {
        "key": "scams",
        "topic": "scams",
        "risk": "medium",
        "audiences": ["parents", "young_people"],
        "days_ago": 35,
        "review_in": 90,
        "pt": {
            "title": "Mensagens falsas de prémios e cartões-presente",
            "slug": "premios-falsos",
            "summary": "Mensagens prometem telemóveis ou moedas de jogos grátis e pedem dados ou um pagamento pequeno. É uma burla.",
            "happening": "<p>Chegam mensagens e anúncios que dizem que ganhaste um prémio. Para o receber, pedem a palavra-passe, um código recebido por SMS ou o pagamento dos portes. Com esses dados, ficam com a conta ou com o dinheiro.</p>",
            "signs": [
                "Um prémio de um concurso em que não participaste.",
                "Pressa: a oferta acaba em poucos minutos.",
                "Pedem códigos de confirmação, palavras-passe ou dados do cartão.",
            ],
            "todo": [
                "Não cliques na ligação e não respondas.",
                "Nunca partilhes códigos que recebes por SMS.",
                "Se já deste dados, muda a palavra-passe e fala com o banco.",
                "Denuncia a mensagem na aplicação.",
            ],
            "evidence": [
                "Faz uma captura de ecrã da mensagem, com o remetente e a data.",
                "Copia a ligação para um texto, sem a abrir.",
            ],
            "platform": (
                "Denunciar burlas: Banco de Portugal",
                "https://clientebancario.bportugal.pt/",
            ),
        },
        "en": {
            "title": "Fake prize and gift-card messages",
            "slug": "fake-prizes",
            "summary": "Messages promise free phones or game coins and ask for details or a small payment. It is a scam.",
            "happening": "<p>Messages and adverts say you have won a prize. To get it, they ask for your password, a code sent by text message, or a delivery fee. With those details they take over the account or the money.</p>",
            "signs": [
                "A prize from a contest you never entered.",
                "A rush: the offer ends in a few minutes.",
                "They ask for confirmation codes, passwords or card details.",
            ],
            "todo": [
                "Do not click the link and do not reply.",
                "Never share codes that you receive by text message.",
                "If you already gave details, change the password and call the bank.",
                "Report the message in the app.",
            ],
            "evidence": [
                "Take a screenshot of the message, with the sender and the date.",
                "Copy the link into a note, without opening it.",
            ],
            "platform": (
                "Report scams: Bank of Portugal (in Portuguese)",
                "https://clientebancario.bportugal.pt/",
            ),
        },
    },
    {
        "key": "cyberbullying",
        "topic": "cyberbullying",
        "risk": "medium",
        "audiences": ["educators", "parents", "young_people"],
        "days_ago": 50,
        "review_in": 120,
        "pt": {
            "title": "Grupos de conversa usados para humilhar um colega",
            "slug": "grupos-para-humilhar",
            "summary": "Grupos criados para gozar com uma pessoa fazem muito mal. Quem vê também pode ajudar.",
            "happening": "<p>Há grupos de conversa criados à volta de uma pessoa, com montagens, alcunhas e mensagens para a excluir. Quem é alvo não fez nada para o merecer. A escola e a família podem ajudar a parar isto.</p>",
            "signs": [
                "Um jovem deixa de querer ir à escola ou de usar o telemóvel.",
                "Fica em baixo depois de ver mensagens.",
                "Colegas riem-se de algo que o jovem não vê.",
            ],
            "todo": [
                "Se és tu o alvo: não respondas, bloqueia e conta a alguém de confiança.",
                "Se estás no grupo: não reenvies, sai do grupo e avisa um adulto.",
                "Educadores: sigam o plano da escola e falem com as famílias.",
                "Denuncia o grupo e as mensagens na aplicação.",
            ],
            "evidence": [
                "Faz capturas de ecrã das mensagens, com os nomes e as datas.",
                "Anota o nome do grupo e quem o criou.",
            ],
            "platform": ("Ajuda do WhatsApp: denunciar", "https://faq.whatsapp.com/"),
        },
        "en": {
            "title": "Group chats used to humiliate a classmate",
            "slug": "group-chats-to-humiliate",
            "summary": "Groups made to mock one person do a lot of harm. People who see it can help too.",
            "happening": "<p>Some group chats are built around one person, with edited pictures, nicknames and messages to leave them out. The person targeted did nothing to deserve it. The school and the family can help stop it.</p>",
            "signs": [
                "A young person no longer wants to go to school or use their phone.",
                "They are low after reading messages.",
                "Classmates laugh at something the young person cannot see.",
            ],
            "todo": [
                "If you are the target: do not reply, block, and tell someone you trust.",
                "If you are in the group: do not forward, leave the group and tell an adult.",
                "Educators: follow the school's plan and talk to the families.",
                "Report the group and the messages in the app.",
            ],
            "evidence": [
                "Take screenshots of the messages, with the names and dates.",
                "Write down the group's name and who made it.",
            ],
            "platform": ("WhatsApp help: reporting", "https://faq.whatsapp.com/"),
        },
    },
    {
        "key": "privacy",
        "topic": "privacy",
        "risk": "low",
        "audiences": ["parents", "young_people"],
        "days_ago": 200,
        "review_in": -10,
        "related_pages": ["para-pais"],
        "pt": {
            "title": "Partilha da localização em tempo real nas aplicações",
            "slug": "localizacao-em-tempo-real",
            "summary": "Algumas aplicações mostram onde estás a toda a hora. Escolhe com quem partilhas a localização.",
            "happening": "<p>Mapas de amigos e histórias com localização mostram a casa, a escola e os sítios onde costumas estar. Pessoas que não conheces podem ver isso se a partilha estiver aberta.</p>",
            "signs": [
                "A aplicação mostra o teu ícone num mapa.",
                "Pessoas que mal conheces sabem onde estás.",
            ],
            "todo": [
                "Abre as definições de privacidade e escolhe o modo fantasma ou só amigos próximos.",
                "Desliga a localização nas fotografias.",
                "Pais: revejam as definições em conjunto, sem culpas.",
            ],
            "evidence": [
                "Se alguém usa a tua localização para te assustar, faz capturas de ecrã das mensagens.",
                "Anota o nome de utilizador e as datas.",
            ],
            "platform": ("Ajuda do Snapchat: segurança", "https://help.snapchat.com/"),
        },
        "en": {
            "title": "Live location sharing in social apps",
            "slug": "live-location-sharing",
            "summary": "Some apps show where you are all the time. Choose who you share your location with.",
            "happening": "<p>Friend maps and stories with a location show your home, your school and the places you go. People you do not know can see this if sharing is open.</p>",
            "signs": [
                "The app shows your icon on a map.",
                "People you hardly know know where you are.",
            ],
            "todo": [
                "Open the privacy settings and choose ghost mode or close friends only.",
                "Turn off location in photos.",
                "Parents: go through the settings together, without blame.",
            ],
            "evidence": [
                "If someone uses your location to scare you, take screenshots of the messages.",
                "Write down the username and the dates.",
            ],
            "platform": ("Snapchat safety help", "https://help.snapchat.com/"),
        },
    },
]


def steps(name, items):
    return [(name, item) for item in items]


def complaint_links(language, texts):
    links = [POLICE[language], ONLINE_COMPLAINT[language], texts["platform"]]
    return [("link", {"label": label, "url": url}) for label, url in links]


def alert_texts(language, texts):
    return {
        "title": texts["title"],
        "slug": texts["slug"],
        "summary": texts["summary"],
        "what_is_happening": texts["happening"],
        "signs": steps("sign", texts["signs"]),
        "what_to_do": steps("step", texts["todo"]),
        "keep_evidence": steps("step", texts["evidence"]),
        "where_to_complain": complaint_links(language, texts),
    }


def related_links(spec, created):
    """Each language's page needs its own link objects (a child belongs to one page)."""
    pages = [
        GuidancePage.objects.filter(slug=slug).first() for slug in spec.get("related_pages", [])
    ]
    return {
        "related_alerts": [
            AlertRelatedAlert(alert=created[key]) for key in spec.get("related", [])
        ],
        "related_pages": [AlertRelatedPage(link_page=page) for page in pages if page],
    }


def alert_settings(spec):
    """What both languages of an alert share: topic, dates, audiences."""
    today, now = timezone.localdate(), timezone.now()
    urgent_days = spec.get("urgent_days")
    return {
        "topic": spec["topic"],
        "risk_level": spec["risk"],
        "published_date": today - datetime.timedelta(days=spec["days_ago"]),
        "review_date": today + datetime.timedelta(days=spec["review_in"]),
        "urgent": bool(urgent_days),
        "urgent_until": now + datetime.timedelta(days=urgent_days) if urgent_days else None,
        **{audience_field(code): True for code in spec["audiences"]},
    }


def load(home, english, stdout):
    index = ensure_page(home, AlertIndexPage, INDEX, english, show_in_menus=True)
    created = {}
    for spec in ALERTS:
        texts = {
            language: {**alert_texts(language, spec[language]), **related_links(spec, created)}
            for language in ("pt", "en")
        }
        created[spec["key"]] = ensure_page(index, AlertPage, texts, english, **alert_settings(spec))
    add_home_section(home, index, english, position=20)
    stdout.write(f"Citizen alerts: {len(created)} in Portuguese and English.")
