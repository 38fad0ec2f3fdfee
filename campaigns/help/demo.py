"""Demo directory of help in both languages. `load_demo_content` calls `load()`.

Only facts a newcomer can check: the EU's harmonised numbers (112, 116 111, 116 006, all
free to call), the alert line's number and the web addresses given in Portugal's reports
to the Global Alliance against Child Sexual Abuse Online. Every entry is marked as demo
content to check before going live; no opening hours, addresses or other numbers are
made up, so the editors' report lists every entry as not checked. Running it again
changes nothing: entries are found by their Portuguese name.
"""

from website.demo import add_home_section, ensure_page

from .choices import Kind, Need
from .models import HelpDirectoryPage, HelpOrganisation

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
    page = ensure_page(home, HelpDirectoryPage, DIRECTORY, english)
    add_home_section(home, page, english, position=5)
    for entry in ORGANISATIONS:
        ensure_organisation(entry, home.locale, english)
    stdout.write("Directory of help (demo entries to check before going live)")
    return page


def ensure_organisation(entry, portuguese, english):
    shared = {key: value for key, value in entry.items() if key not in ("pt", "en")}
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


def publish(organisation):
    organisation.save()
    organisation.save_revision().publish()
