"""The demo booklet's words, in both languages, written for this project for 11-17 year
olds: short, plain sentences that say what to do and never blame the reader.

Bodies are written the way every demo writes StreamField content (see `website.demo`):
`(block name, value)` pairs, rich text as plain HTML. Two values stand for objects the
loader finds: an illustration's `image` is a drawing's key, and a help link's `page` is
the slug of a Portuguese demo page.
"""

BOOKLET = {
    "pt": {
        "title": "Tu e a Internet",
        "slug": "tu-e-a-internet",
        "search_description": "Seis capítulos curtos sobre privacidade, amizades online, imagens e como pedir ajuda.",
        "intro": "Um guia curto para usares a internet com confiança.\n\nLê um capítulo de cada vez, ao teu ritmo. Também o podes descarregar em PDF ou imprimir, para ler na escola ou em casa.",
        "audience": "Jovens, e os pais e educadores que os acompanham",
        "cover_alt_text": "Desenho de um telemóvel com um coração no ecrã, rodeado de balões de conversa, um cadeado e um sol.",
    },
    "en": {
        "title": "You and the Internet",
        "slug": "you-and-the-internet",
        "search_description": "Six short chapters on privacy, friends online, images and how to get help.",
        "intro": "A short guide to using the internet with confidence.\n\nRead one chapter at a time, at your own pace. You can also download it as a PDF or print it, to read at school or at home.",
        "audience": "Young people, and the parents and educators who support them",
        "cover_alt_text": "Drawing of a phone with a heart on its screen, surrounded by chat bubbles, a padlock and a sun.",
    },
}
AGES = (11, 17)

CHAPTERS = [
    {
        "pt": {
            "title": "Para que serve a internet",
            "slug": "para-que-serve-a-internet",
            "summary": "Aprender, criar, jogar e falar com quem gostas.",
            "body": [
                (
                    "text",
                    "<p>A internet serve para aprender, criar, jogar e falar com quem gostas. Todos os dias podes descobrir coisas novas.</p><p>Como na rua, também online há cuidados a ter. Saber o que fazer ajuda-te a aproveitar o melhor.</p>",
                ),
                (
                    "illustration",
                    {
                        "image": "internet",
                        "alt_text": "Um globo azul ligado por linhas a círculos coloridos, como pessoas ligadas em rede.",
                        "caption": "A internet liga pessoas de todo o mundo.",
                    },
                ),
                (
                    "did_you_know",
                    {
                        "text": "<p>Online tens os mesmos direitos que fora do ecrã: à privacidade, à segurança e a ser tratado com respeito.</p>"
                    },
                ),
                (
                    "question",
                    {
                        "question": "A internet é perigosa?",
                        "answer": "<p>Quase sempre, não. A maior parte do que fazes online corre bem. Conhecer os riscos ajuda-te a reagir depressa quando alguma coisa não está certa.</p>",
                    },
                ),
            ],
        },
        "en": {
            "title": "What the internet is good for",
            "slug": "what-the-internet-is-good-for",
            "summary": "Learning, making things, playing and talking to people you like.",
            "body": [
                (
                    "text",
                    "<p>The internet is for learning, making things, playing and talking to people you like. Every day you can find something new.</p><p>As in the street, online there are things to watch out for. Knowing what to do helps you make the most of it.</p>",
                ),
                (
                    "illustration",
                    {
                        "image": "internet",
                        "alt_text": "A blue globe joined by lines to coloured circles, like people linked in a network.",
                        "caption": "The internet links people all over the world.",
                    },
                ),
                (
                    "did_you_know",
                    {
                        "text": "<p>Online you have the same rights as away from the screen: to privacy, to safety and to be treated with respect.</p>"
                    },
                ),
                (
                    "question",
                    {
                        "question": "Is the internet dangerous?",
                        "answer": "<p>Mostly, no. Most of what you do online goes well. Knowing the risks helps you act quickly when something is not right.</p>",
                    },
                ),
            ],
        },
    },
    {
        "pt": {
            "title": "A tua privacidade",
            "slug": "a-tua-privacidade",
            "summary": "O que é teu, fica contigo.",
            "body": [
                (
                    "text",
                    "<p>Os teus dados pessoais são teus: o nome, a morada, a escola, o número de telemóvel, as fotografias e as palavras-passe.</p><p>Partilha-os só com quem conheces bem e em quem confias.</p>",
                ),
                (
                    "illustration",
                    {
                        "image": "privacy",
                        "alt_text": "Um telemóvel com um cadeado amarelo no ecrã, ao lado de um cadeado verde grande.",
                        "caption": "",
                    },
                ),
                (
                    "steps",
                    {
                        "heading": "Protege as tuas contas",
                        "steps": [
                            "Usa uma palavra-passe longa e diferente em cada conta.",
                            "Ativa a verificação em dois passos.",
                            "Põe as tuas contas como privadas.",
                            "Desliga a localização nas aplicações que não precisam dela.",
                        ],
                    },
                ),
                (
                    "did_you_know",
                    {
                        "text": "<p>Uma fotografia pode mostrar onde estás: o nome da escola na camisola, ou a rua atrás de ti.</p>"
                    },
                ),
            ],
        },
        "en": {
            "title": "Your privacy",
            "slug": "your-privacy",
            "summary": "What is yours stays with you.",
            "body": [
                (
                    "text",
                    "<p>Your personal details are yours: your name, address, school, phone number, photos and passwords.</p><p>Share them only with people you know well and trust.</p>",
                ),
                (
                    "illustration",
                    {
                        "image": "privacy",
                        "alt_text": "A phone with a yellow padlock on its screen, next to a big green padlock.",
                        "caption": "",
                    },
                ),
                (
                    "steps",
                    {
                        "heading": "Protect your accounts",
                        "steps": [
                            "Use a long password, and a different one for each account.",
                            "Turn on two-step verification.",
                            "Set your accounts to private.",
                            "Turn off location in apps that do not need it.",
                        ],
                    },
                ),
                (
                    "did_you_know",
                    {
                        "text": "<p>A photo can show where you are: the school name on your shirt, or the street behind you.</p>"
                    },
                ),
            ],
        },
    },
    {
        "pt": {
            "title": "Pessoas que conheces online",
            "slug": "pessoas-que-conheces-online",
            "summary": "Novos amigos, e os sinais a que deves estar atento.",
            "body": [
                (
                    "text",
                    "<p>Online podes fazer amigos com os mesmos gostos que tu. Mas nem toda a gente é quem diz ser.</p><p>Desconfia se alguém te faz muitos elogios ou oferece presentes, te pede segredo, ou quer falar contigo só num sítio privado.</p>",
                ),
                (
                    "illustration",
                    {
                        "image": "people",
                        "alt_text": "Duas pessoas desenhadas, cada uma com um balão de conversa, e um ponto de interrogação entre elas.",
                        "caption": "Nem toda a gente é quem diz ser.",
                    },
                ),
                (
                    "steps",
                    {
                        "heading": "Se alguém te deixar desconfortável",
                        "steps": [
                            "Para de responder.",
                            "Guarda provas: tira capturas de ecrã das mensagens.",
                            "Bloqueia e denuncia a conta.",
                            "Fala com um adulto de confiança.",
                        ],
                    },
                ),
                (
                    "question",
                    {
                        "question": "E se combinei encontrar-me com alguém que conheci online?",
                        "answer": "<p>Conta a um adulto de confiança antes de ires. Encontra-te num sítio público e vai acompanhado. Se mudares de ideias, tens todo o direito de não ir.</p>",
                    },
                ),
            ],
        },
        "en": {
            "title": "People you meet online",
            "slug": "people-you-meet-online",
            "summary": "New friends, and the signs to watch for.",
            "body": [
                (
                    "text",
                    "<p>Online you can make friends who like the same things as you. But not everyone is who they say they are.</p><p>Be careful if someone gives you lots of compliments or gifts, asks you to keep secrets, or only wants to talk to you somewhere private.</p>",
                ),
                (
                    "illustration",
                    {
                        "image": "people",
                        "alt_text": "Two drawn people, each with a speech bubble, and a question mark between them.",
                        "caption": "Not everyone is who they say they are.",
                    },
                ),
                (
                    "steps",
                    {
                        "heading": "If someone makes you uncomfortable",
                        "steps": [
                            "Stop replying.",
                            "Keep proof: take screenshots of the messages.",
                            "Block and report the account.",
                            "Talk to an adult you trust.",
                        ],
                    },
                ),
                (
                    "question",
                    {
                        "question": "What if I agreed to meet someone I met online?",
                        "answer": "<p>Tell an adult you trust before you go. Meet in a public place and take someone with you. If you change your mind, you have every right not to go.</p>",
                    },
                ),
            ],
        },
    },
    {
        "pt": {
            "title": "Partilhar imagens",
            "slug": "partilhar-imagens",
            "summary": "Depois de enviada, uma imagem já não é só tua.",
            "body": [
                (
                    "text",
                    "<p>Depois de enviares uma imagem, deixas de controlar o que lhe acontece. Pode ser guardada, copiada ou reenviada.</p><p>Antes de partilhares, pensa com calma. Nunca tens de enviar nada que não queiras. E pede autorização antes de publicares fotos de outras pessoas.</p>",
                ),
                (
                    "illustration",
                    {
                        "image": "images",
                        "alt_text": "Um telemóvel com uma fotografia no ecrã e uma seta que aponta para três cópias da mesma fotografia.",
                        "caption": "Uma imagem enviada pode ser copiada muitas vezes.",
                    },
                ),
                (
                    "text",
                    "<h2>Imagens íntimas</h2><p>Imagens sexuais de menores de 18 anos são material de abuso sexual de crianças. Quem pede estas imagens, as passa a outras pessoas ou ameaça partilhá-las comete um crime.</p><p>Se enviaste uma imagem tua, a culpa não é tua. Podes pedir ajuda. Liga para a linha de alerta ou fala com um adulto de confiança. A linha de alerta ajuda-te a pedir que a imagem seja retirada.</p><p>Se alguém te enviar uma imagem destas, não a reenvies. Denuncia-a e fala com um adulto de confiança.</p>",
                ),
                (
                    "did_you_know",
                    {
                        "text": "<p>Ninguém tem o direito de te pressionar para enviares fotos íntimas. Se alguém insiste, o problema é dessa pessoa, não teu.</p>"
                    },
                ),
                (
                    "question",
                    {
                        "question": "E se eu já enviei uma foto de que me arrependo?",
                        "answer": "<p>A culpa não é tua, e não estás sozinho. Fala com um adulto de confiança ou liga para a linha de alerta. Há formas de pedir que a imagem seja retirada.</p>",
                    },
                ),
            ],
        },
        "en": {
            "title": "Sharing images",
            "slug": "sharing-images",
            "summary": "Once it is sent, an image is not only yours any more.",
            "body": [
                (
                    "text",
                    "<p>Once you send an image, you no longer control what happens to it. It can be saved, copied or sent on.</p><p>Before you share, take your time. You never have to send anything you do not want to. And ask before you post photos of other people.</p>",
                ),
                (
                    "illustration",
                    {
                        "image": "images",
                        "alt_text": "A phone with a photo on its screen and an arrow pointing to three copies of the same photo.",
                        "caption": "A sent image can be copied many times.",
                    },
                ),
                (
                    "text",
                    "<h2>Intimate images</h2><p>Sexual images of anyone under 18 are child sexual abuse material. People who ask for these images, pass them on or threaten to share them commit a crime.</p><p>If you sent a picture of yourself, you are not to blame. You can get help. Call the alert line or talk to an adult you trust. The alert line can help you ask for the image to be taken down.</p><p>If someone sends you an image like this, do not send it on. Report it and talk to an adult you trust.</p>",
                ),
                (
                    "did_you_know",
                    {
                        "text": "<p>Nobody has the right to pressure you into sending intimate photos. If someone keeps asking, the problem is theirs, not yours.</p>"
                    },
                ),
                (
                    "question",
                    {
                        "question": "What if I already sent a photo I regret?",
                        "answer": "<p>It is not your fault, and you are not alone. Talk to an adult you trust or call the alert line. There are ways to ask for the image to be taken down.</p>",
                    },
                ),
            ],
        },
    },
    {
        "pt": {
            "title": "Quando algo corre mal",
            "slug": "quando-algo-corre-mal",
            "summary": "Não é culpa tua, e há sempre quem possa ajudar.",
            "body": [
                (
                    "text",
                    "<p>Às vezes, algo corre mal: uma mensagem que assusta, uma ameaça, ou alguém que partilha uma foto tua sem autorização.</p><p>Não é culpa tua. E há sempre alguém que pode ajudar.</p>",
                ),
                (
                    "illustration",
                    {
                        "image": "wrong",
                        "alt_text": "Um triângulo de aviso amarelo com um ponto de exclamação, entre dois corações.",
                        "caption": "",
                    },
                ),
                (
                    "steps",
                    {
                        "heading": "O que fazer",
                        "steps": [
                            "Guarda provas: o nome da conta, a ligação e capturas de ecrã das mensagens, com a data.",
                            "Se for uma imagem íntima, não a copies nem a reenvies: guarda só a ligação e o nome da conta.",
                            "Não respondas a ameaças e não pagues nada.",
                            "Bloqueia a pessoa.",
                            "Conta a um adulto de confiança e denuncia.",
                        ],
                    },
                ),
                (
                    "question",
                    {
                        "question": "E se alguém me ameaçar com uma foto minha?",
                        "answer": "<p>Isso chama-se extorsão sexual, e é crime. Não pagues e não envies mais nada. Guarda as mensagens, bloqueia a pessoa e pede ajuda já. A culpa é de quem ameaça, nunca tua.</p>",
                    },
                ),
                (
                    "help",
                    {
                        "heading": "Onde pedir ajuda",
                        "show_alert_line": True,
                        "links": [{"label": "Dicas para jovens", "page": "para-jovens"}],
                    },
                ),
            ],
        },
        "en": {
            "title": "When something goes wrong",
            "slug": "when-something-goes-wrong",
            "summary": "It is not your fault, and there is always someone who can help.",
            "body": [
                (
                    "text",
                    "<p>Sometimes something goes wrong: a message that scares you, a threat, or someone sharing a photo of you without asking.</p><p>It is not your fault. And there is always someone who can help.</p>",
                ),
                (
                    "illustration",
                    {
                        "image": "wrong",
                        "alt_text": "A yellow warning triangle with an exclamation mark, between two hearts.",
                        "caption": "",
                    },
                ),
                (
                    "steps",
                    {
                        "heading": "What to do",
                        "steps": [
                            "Keep proof: the account name, the link and screenshots of the messages, with the date.",
                            "If it is an intimate image, do not copy it or send it on: keep only the link and the account name.",
                            "Do not answer threats and do not pay anything.",
                            "Block the person.",
                            "Tell an adult you trust, and report it.",
                        ],
                    },
                ),
                (
                    "question",
                    {
                        "question": "What if someone threatens me with a photo of me?",
                        "answer": "<p>This is called sextortion, and it is a crime. Do not pay and do not send anything else. Keep the messages, block the person and ask for help now. The fault lies with the person making threats, never with you.</p>",
                    },
                ),
                (
                    "help",
                    {
                        "heading": "Where to get help",
                        "show_alert_line": True,
                        "links": [{"label": "Tips for young people", "page": "para-jovens"}],
                    },
                ),
            ],
        },
    },
    {
        "pt": {
            "title": "Como denunciar",
            "slug": "como-denunciar",
            "summary": "Denunciar protege-te a ti e a outras pessoas.",
            "body": [
                (
                    "text",
                    "<p>Denunciar ajuda-te a ti e protege outras pessoas. Podes fazê-lo sem dar o teu nome.</p>",
                ),
                (
                    "illustration",
                    {
                        "image": "report",
                        "alt_text": "Um megafone azul com ondas de som vermelhas e uma bandeira vermelha.",
                        "caption": "",
                    },
                ),
                (
                    "steps",
                    {
                        "heading": "Formas de denunciar",
                        "steps": [
                            "Usa o botão de denúncia da aplicação ou do site.",
                            "Liga para a linha de alerta. Não tens de dar o teu nome.",
                            "Se alguém está em perigo agora, liga 112.",
                            "Se te derem um número de denúncia, guarda-o.",
                        ],
                    },
                ),
                (
                    "did_you_know",
                    {
                        "text": "<p>Nunca envies imagens de abuso, nem para as denunciar. Basta indicares a ligação ou o nome da conta.</p>"
                    },
                ),
                (
                    "help",
                    {
                        "heading": "Onde pedir ajuda",
                        "show_alert_line": True,
                        "links": [
                            {"label": "Apagar o rasto", "page": "apagar-o-rasto"},
                            {"label": "Para pais e cuidadores", "page": "para-pais"},
                        ],
                    },
                ),
            ],
        },
        "en": {
            "title": "How to report",
            "slug": "how-to-report",
            "summary": "Reporting protects you and other people.",
            "body": [
                (
                    "text",
                    "<p>Reporting helps you and protects other people. You can do it without giving your name.</p>",
                ),
                (
                    "illustration",
                    {
                        "image": "report",
                        "alt_text": "A blue megaphone with red sound waves and a red flag.",
                        "caption": "",
                    },
                ),
                (
                    "steps",
                    {
                        "heading": "Ways to report",
                        "steps": [
                            "Use the report button of the app or site.",
                            "Call the alert line. You do not have to give your name.",
                            "If someone is in danger right now, call 112.",
                            "If you are given a report number, keep it.",
                        ],
                    },
                ),
                (
                    "did_you_know",
                    {
                        "text": "<p>Never send images of abuse, not even to report them. The link or the account name is enough.</p>"
                    },
                ),
                (
                    "help",
                    {
                        "heading": "Where to get help",
                        "show_alert_line": True,
                        "links": [
                            {"label": "Cover your tracks", "page": "apagar-o-rasto"},
                            {"label": "For parents and carers", "page": "para-pais"},
                        ],
                    },
                ),
            ],
        },
    },
]

# Drawing key -> image title in the library (shared by both languages).
IMAGE_TITLES = {
    "cover": "Tu e a Internet: capa",
    "internet": "Tu e a Internet: a internet",
    "privacy": "Tu e a Internet: privacidade",
    "people": "Tu e a Internet: pessoas online",
    "images": "Tu e a Internet: partilhar imagens",
    "wrong": "Tu e a Internet: quando algo corre mal",
    "report": "Tu e a Internet: denunciar",
}
