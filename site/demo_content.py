"""The demo site's words, in both languages. Written for this project, in plain language.

Each entry holds the Portuguese and the English version of one page. Rich text is plain
HTML that the loader cleans before it is stored.
"""

HOME = {
    "pt": {
        "title": "Internet Segura",
        "slug": "inicio",
        "intro": (
            "A internet é tua também. Aqui encontras dicas simples para a usares com mais "
            "segurança, e ajuda rápida se alguma coisa correr mal."
        ),
        "audiences": [
            (
                "young_people",
                "Sou jovem",
                "Dicas curtas, sem sermões. E o que fazer se algo correr mal.",
            ),
            (
                "parents",
                "Sou pai, mãe ou cuidador",
                "O que os jovens fazem online, sinais de alerta e como ajudar.",
            ),
            (
                "educators",
                "Sou educador",
                "Materiais para a sala de aula, em português e em inglês.",
            ),
        ],
    },
    "en": {
        "title": "Safe Internet",
        "slug": "home",
        "intro": (
            "The internet is yours too. Here you find simple tips to use it more safely, "
            "and quick help if something goes wrong."
        ),
        "audiences": [
            (
                "young_people",
                "I am a young person",
                "Short tips, no lectures. And what to do if something goes wrong.",
            ),
            (
                "parents",
                "I am a parent or carer",
                "What young people do online, signs to look for, and how to help.",
            ),
            (
                "educators",
                "I am an educator",
                "Material for the classroom, in Portuguese and in English.",
            ),
        ],
    },
}

# key -> {language: {title, slug, intro, body}}; body is a list of (block type, value).
GUIDANCE = {
    "young_people": {
        "pt": {
            "title": "Para jovens",
            "slug": "para-jovens",
            "intro": "A internet serve para aprender, criar e falar com amigos. Estas dicas ajudam-te a aproveitá-la com calma.",
            "body": [
                (
                    "text",
                    "<h2>O que é teu, fica contigo</h2><p>A tua palavra-passe é só tua. Não a emprestes, nem a amigos.</p><p>Antes de publicares, pensa: ficava bem se toda a escola visse?</p>",
                ),
                (
                    "did_you_know",
                    {
                        "text": "<p>Podes bloquear e denunciar uma conta sem que a outra pessoa saiba.</p>"
                    },
                ),
                (
                    "steps",
                    {
                        "heading": "Se alguém te deixar desconfortável",
                        "steps": [
                            "Para de responder.",
                            "Guarda provas: tira capturas de ecrã.",
                            "Bloqueia a conta.",
                            "Fala com um adulto de confiança.",
                        ],
                    },
                ),
                (
                    "question",
                    {
                        "question": "E se eu já enviei uma foto de que me arrependo?",
                        "answer": "<p>A culpa não é tua. Pede ajuda a um adulto de confiança ou liga para a linha de alerta. Há forma de pedir que a imagem seja retirada.</p>",
                    },
                ),
                ("help", {"heading": "Onde pedir ajuda", "show_alert_line": True, "links": []}),
            ],
        },
        "en": {
            "title": "For young people",
            "slug": "for-young-people",
            "intro": "The internet is for learning, making things and talking to friends. These tips help you enjoy it calmly.",
            "body": [
                (
                    "text",
                    "<h2>What is yours stays with you</h2><p>Your password is only yours. Do not lend it, not even to friends.</p><p>Before you post, ask yourself: would it be fine if the whole school saw it?</p>",
                ),
                (
                    "did_you_know",
                    {
                        "text": "<p>You can block and report an account without the other person knowing.</p>"
                    },
                ),
                (
                    "steps",
                    {
                        "heading": "If someone makes you uncomfortable",
                        "steps": [
                            "Stop replying.",
                            "Keep proof: take screenshots.",
                            "Block the account.",
                            "Talk to an adult you trust.",
                        ],
                    },
                ),
                (
                    "question",
                    {
                        "question": "What if I already sent a photo I regret?",
                        "answer": "<p>It is not your fault. Ask an adult you trust for help, or call the alert line. There are ways to ask for the image to be taken down.</p>",
                    },
                ),
                ("help", {"heading": "Where to get help", "show_alert_line": True, "links": []}),
            ],
        },
    },
    "parents": {
        "pt": {
            "title": "Para pais e cuidadores",
            "slug": "para-pais",
            "intro": "Não precisa de saber tudo sobre tecnologia. Precisa de estar por perto e de ouvir sem julgar.",
            "body": [
                (
                    "text",
                    "<h2>O que fazem os jovens online</h2><p>Jogam, conversam, veem vídeos e criam conteúdos. A maior parte do tempo, corre bem.</p><p>Pergunte que aplicações usam e peça que lhe mostrem. Interesse abre a porta à conversa.</p>",
                ),
                (
                    "steps",
                    {
                        "heading": "Sinais a que pode estar atento",
                        "steps": [
                            "Esconde o ecrã ou fica nervoso com mensagens.",
                            "Recebe presentes ou créditos de alguém que não conhece.",
                            "Muda de humor depois de usar o telemóvel.",
                            "Deixa de querer ir à escola ou de ver amigos.",
                        ],
                    },
                ),
                (
                    "did_you_know",
                    {
                        "text": "<p>Quem abusa de crianças online costuma pedir segredo. Diga ao seu filho que pode sempre contar-lhe, sem castigo.</p>"
                    },
                ),
                (
                    "steps",
                    {
                        "heading": "Se algo aconteceu",
                        "steps": [
                            "Mantenha a calma e agradeça a confiança.",
                            "Não apague nada: guarde capturas de ecrã, nomes de utilizador e datas.",
                            "Nunca copie nem reencaminhe imagens de abuso.",
                            "Contacte a linha de alerta ou a polícia.",
                        ],
                    },
                ),
                ("help", {"heading": "Onde pedir ajuda", "show_alert_line": True, "links": []}),
            ],
        },
        "en": {
            "title": "For parents and carers",
            "slug": "for-parents",
            "intro": "You do not need to know everything about technology. You need to be close by and to listen without judging.",
            "body": [
                (
                    "text",
                    "<h2>What young people do online</h2><p>They play, chat, watch videos and make things. Most of the time, it goes well.</p><p>Ask which apps they use and ask them to show you. Interest opens the door to talking.</p>",
                ),
                (
                    "steps",
                    {
                        "heading": "Signs to look out for",
                        "steps": [
                            "Hides the screen or gets nervous about messages.",
                            "Gets gifts or credit from someone you do not know.",
                            "Changes mood after using the phone.",
                            "No longer wants to go to school or see friends.",
                        ],
                    },
                ),
                (
                    "did_you_know",
                    {
                        "text": "<p>People who abuse children online often ask for secrecy. Tell your child they can always tell you, with no punishment.</p>"
                    },
                ),
                (
                    "steps",
                    {
                        "heading": "If something has happened",
                        "steps": [
                            "Stay calm and thank them for telling you.",
                            "Do not delete anything: keep screenshots, usernames and dates.",
                            "Never copy or forward images of abuse.",
                            "Contact the alert line or the police.",
                        ],
                    },
                ),
                ("help", {"heading": "Where to get help", "show_alert_line": True, "links": []}),
            ],
        },
    },
    "educators": {
        "pt": {
            "title": "Para educadores",
            "slug": "para-educadores",
            "intro": "Ideias simples para falar de segurança online na escola, com materiais para imprimir.",
            "body": [
                (
                    "text",
                    "<h2>Falar sem assustar</h2><p>Comece pelo que a internet tem de bom. Depois fale dos riscos e, sobretudo, do que fazer.</p><p>Os jovens ouvem melhor outros jovens. Deixe que partilhem o que sabem.</p>",
                ),
                (
                    "steps",
                    {
                        "heading": "Uma aula em quatro passos",
                        "steps": [
                            "Pergunte que aplicações a turma usa.",
                            "Leiam juntos um capítulo do livro.",
                            "Façam o questionário, cada um no seu telemóvel, sem partilhar resultados.",
                            "Combinem a quem pedir ajuda se algo correr mal.",
                        ],
                    },
                ),
                (
                    "question",
                    {
                        "question": "E se um aluno me contar algo grave?",
                        "answer": "<p>Ouça, agradeça e não prometa segredo. Siga as regras da escola e contacte a linha de alerta ou a polícia.</p>",
                    },
                ),
                ("help", {"heading": "Onde pedir ajuda", "show_alert_line": True, "links": []}),
            ],
        },
        "en": {
            "title": "For educators",
            "slug": "for-educators",
            "intro": "Simple ideas for talking about online safety at school, with material to print.",
            "body": [
                (
                    "text",
                    "<h2>Talk without scaring</h2><p>Start with what is good about the internet. Then talk about the risks and, above all, about what to do.</p><p>Young people listen best to other young people. Let them share what they know.</p>",
                ),
                (
                    "steps",
                    {
                        "heading": "A lesson in four steps",
                        "steps": [
                            "Ask which apps the class uses.",
                            "Read a chapter of the booklet together.",
                            "Take the quiz, each on their own phone, without sharing results.",
                            "Agree who to ask for help if something goes wrong.",
                        ],
                    },
                ),
                (
                    "question",
                    {
                        "question": "What if a student tells me something serious?",
                        "answer": "<p>Listen, thank them and do not promise secrecy. Follow the school's rules and contact the alert line or the police.</p>",
                    },
                ),
                ("help", {"heading": "Where to get help", "show_alert_line": True, "links": []}),
            ],
        },
    },
    "cover_your_tracks": {
        "pt": {
            "title": "Apagar o rasto",
            "slug": "apagar-o-rasto",
            "intro": "Se alguém vê o que fazes no computador ou no telemóvel, estas dicas ajudam-te a navegar com mais privacidade.",
            "body": [
                (
                    "text",
                    "<h2>O botão «Sair desta página» ajuda, mas não chega</h2><p>O botão abre logo outro site e tira esta página do botão «Voltar». Mas as páginas que abriste antes continuam no histórico do navegador. Por isso, segue também os passos abaixo.</p>",
                ),
                (
                    "steps",
                    {
                        "heading": "Apagar o histórico",
                        "steps": [
                            "Abre o menu do navegador (os três pontos ou três riscos).",
                            "Escolhe «Histórico» e depois «Limpar dados de navegação».",
                            "Escolhe o período e marca o histórico e os cookies.",
                            "Confirma. Se preferires, apaga só as páginas deste site.",
                        ],
                    },
                ),
                (
                    "steps",
                    {
                        "heading": "Usar a navegação privada",
                        "steps": [
                            "No menu do navegador, escolhe «Nova janela anónima» ou «Janela privada».",
                            "O que abrires nessa janela não fica no histórico quando a fechares.",
                            "Fecha a janela quando acabares.",
                        ],
                    },
                ),
                (
                    "did_you_know",
                    {
                        "text": "<p>A navegação privada não esconde o que fazes da escola, do trabalho ou do fornecedor de internet. Se puderes, usa um aparelho em que confias.</p>"
                    },
                ),
                (
                    "question",
                    {
                        "question": "Posso usar o atalho do teclado?",
                        "answer": "<p>Sim. Carrega três vezes na tecla Shift e a página fecha logo, tal como o botão.</p>",
                    },
                ),
                ("help", {"heading": "Onde pedir ajuda", "show_alert_line": True, "links": []}),
            ],
        },
        "en": {
            "title": "Cover your tracks",
            "slug": "cover-your-tracks",
            "intro": "If someone checks what you do on your computer or phone, these tips help you browse more privately.",
            "body": [
                (
                    "text",
                    "<h2>The “Exit this page” button helps, but it is not enough</h2><p>The button opens another site at once and takes this page out of the Back button. But the pages you opened before stay in the browser history. So follow the steps below too.</p>",
                ),
                (
                    "steps",
                    {
                        "heading": "Clear your history",
                        "steps": [
                            "Open the browser menu (the three dots or three lines).",
                            "Choose “History”, then “Clear browsing data”.",
                            "Choose the time range and tick history and cookies.",
                            "Confirm. If you prefer, delete only this site's pages.",
                        ],
                    },
                ),
                (
                    "steps",
                    {
                        "heading": "Use private browsing",
                        "steps": [
                            "In the browser menu, choose “New incognito window” or “Private window”.",
                            "What you open in that window is not kept in the history when you close it.",
                            "Close the window when you are done.",
                        ],
                    },
                ),
                (
                    "did_you_know",
                    {
                        "text": "<p>Private browsing does not hide what you do from your school, your work or your internet provider. If you can, use a device you trust.</p>"
                    },
                ),
                (
                    "question",
                    {
                        "question": "Can I use the keyboard shortcut?",
                        "answer": "<p>Yes. Press the Shift key three times and the page closes at once, just like the button.</p>",
                    },
                ),
                ("help", {"heading": "Where to get help", "show_alert_line": True, "links": []}),
            ],
        },
    },
    "about": {
        "pt": {
            "title": "Sobre este site",
            "slug": "sobre",
            "intro": "Este site ajuda crianças, jovens, famílias e escolas a usar a internet com segurança, e a denunciar o abuso.",
            "body": [
                (
                    "text",
                    "<h2>Quem somos</h2><p>Um serviço público de prevenção, com a polícia e o Ministério Público. Acreditamos que a melhor forma de estar seguro é estar informado.</p><h2>A tua privacidade</h2><p>Não usamos cookies de publicidade nem ferramentas de estatística de outras empresas. As respostas ao questionário são anónimas.</p>",
                ),
                (
                    "did_you_know",
                    {
                        "text": "<p>Dizemos «material de abuso sexual de crianças» e não outra expressão, porque cada imagem é o registo de um crime contra uma criança.</p>"
                    },
                ),
            ],
        },
        "en": {
            "title": "About this site",
            "slug": "about",
            "intro": "This site helps children, young people, families and schools use the internet safely, and report abuse.",
            "body": [
                (
                    "text",
                    "<h2>Who we are</h2><p>A public prevention service, with the police and the public prosecutor. We believe the best way to be safe is to be informed.</p><h2>Your privacy</h2><p>We use no advertising cookies and no statistics tools from other companies. Quiz answers are anonymous.</p>",
                ),
                (
                    "did_you_know",
                    {
                        "text": "<p>We say “child sexual abuse material” and no other phrase, because every image is the record of a crime against a child.</p>"
                    },
                ),
            ],
        },
    },
}

# What readers type, and the words the demo pages use for it (editors add more under
# Settings > Search synonyms).
SEARCH_SYNONYMS = {
    "pt": [
        ("chantagem", "sextorsão, ameaças, ameaçam"),
        ("nudes", "imagens íntimas, imagem íntima, fotos íntimas"),
    ],
    "en": [
        ("blackmail", "sextortion, threaten, threats"),
        ("nudes", "intimate images, intimate image, intimate photos, intimate picture"),
    ],
}

# Which guidance page each audience entry on the home page leads to.
AUDIENCE_PAGES = {"young_people": "young_people", "parents": "parents", "educators": "educators"}

DEMO_USERS = [
    # username, password, group, is_superuser, admin language
    ("admin", "admin-demo-2026", None, True, "en"),
    ("editor", "editor-demo-2026", "Editors", False, "pt-pt"),
    ("moderator", "moderator-demo-2026", "Moderators", False, "pt-pt"),
    ("handler", "handler-demo-2026", "Alert-line handlers", False, "pt-pt"),
]
