"""The demo content's own words, for the tests that are about the demo."""

DEMO_CHAPTERS_PT = [
    "Para que serve a internet",
    "A tua privacidade",
    "Pessoas que conheces online",
    "Partilhar imagens",
    "Quando algo corre mal",
    "Como denunciar",
]
DEMO_CHAPTERS_EN = [
    "What the internet is good for",
    "Your privacy",
    "People you meet online",
    "Sharing images",
    "When something goes wrong",
    "How to report",
]
