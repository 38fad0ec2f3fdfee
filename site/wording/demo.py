"""The demo's wording rules, from the Luxembourg Terminology Guidelines (2016) and the
IWF and INHOPE glossaries. Found by language and term; existing rules are left as they
are, so running the loader again changes nothing and a moderator's edits are kept."""

from .models import WordingRule

REFUSE, WARN = WordingRule.REFUSE, WordingRule.WARN

CSAM_REASON = {
    "en": "It is a record of a child being abused, not pornography (Luxembourg Guidelines).",
    "pt": "É o registo do abuso de uma criança, não pornografia (Orientações do Luxemburgo).",
}
EXPLOITATION_REASON = {
    "en": "A child cannot consent: it is exploitation, never work (Luxembourg Guidelines).",
    "pt": "Uma criança não pode consentir: é exploração, nunca trabalho "
    "(Orientações do Luxemburgo).",
}
REVENGE_REASON = {
    "en": "'Revenge' and 'porn' suggest the person deserved it or consented.",
    "pt": "'Vingança' e 'pornografia' sugerem que a pessoa mereceu ou consentiu.",
}
BLAME_REASON = {
    "en": "It blames the victim. The fault is with the person who shared or threatened.",
    "pt": "Culpa a vítima. A culpa é de quem partilhou ou ameaçou.",
}

# (language, term, is a pattern, action, preferred wording, reason, unless the text says)
RULES = [
    ("en", "child pornography", False, REFUSE, "child sexual abuse material", CSAM_REASON, ""),
    ("en", "child porn", False, REFUSE, "child sexual abuse material", CSAM_REASON, ""),
    ("pt", "pornografia infantil", False, REFUSE, "material de abuso sexual de crianças",
     CSAM_REASON, ""),
    ("pt", "pornografia de menores", False, REFUSE, "material de abuso sexual de crianças",
     CSAM_REASON, ""),
    ("en", "child prostitution", False, REFUSE, "sexual exploitation of children",
     EXPLOITATION_REASON, ""),
    ("pt", "prostituição infantil", False, REFUSE, "exploração sexual de crianças",
     EXPLOITATION_REASON, ""),
    ("en", "revenge porn", False, WARN, "sharing intimate images without consent",
     REVENGE_REASON, ""),
    ("pt", "pornografia de vingança", False, WARN, "partilha de imagens íntimas sem consentimento",
     REVENGE_REASON, ""),
    ("en", "sextortion", False, WARN, "sexual extortion (sextortion), on first use",
     {"en": "Not every reader knows the short word: say what it is the first time."},
     "sexual extortion"),
    ("pt", "sextorsão", False, WARN, "extorsão sexual (sextorsão), na primeira vez",
     {"pt": "Nem todos conhecem a palavra curta: diga o que é da primeira vez."},
     "extorsão sexual"),
    ("en", "(she|he) sent (it|them)", True, WARN,
     "say what the person who shared or threatened did", BLAME_REASON, ""),
    ("pt", "(ela|ele) é que (enviou|mandou)", True, WARN,
     "diga o que fez quem partilhou ou ameaçou", BLAME_REASON, ""),
]  # fmt: skip


def load(home, english, stdout):
    for language, phrase, is_pattern, action, preferred, reason, unless in RULES:
        WordingRule.objects.get_or_create(
            language=language,
            phrase=phrase,
            defaults={
                "is_pattern": is_pattern,
                "action": action,
                "preferred": preferred,
                "reason": reason[language],
                "unless_text_says": unless,
            },
        )
