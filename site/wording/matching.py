"""Finding a rule's term in a text: whole words, whatever the capitals and the accents.

Both the text and the term are folded (lower case, accents removed) before matching, so
"Prostituição Infantil" and "prostituicao infantil" match alike. What is quoted back is
the text as the editor wrote it, found through a map from folded to written positions.
"""

import html
import re
import unicodedata
from dataclasses import dataclass

from django.utils.html import strip_tags


def strip_accents(text):
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_char(char):
    return strip_accents(char).casefold()


def fold(text):
    return "".join(fold_char(char) for char in text)


def fold_with_positions(text):
    """The folded text, and for each of its characters the position it came from."""
    folded, positions = [], []
    for position, char in enumerate(text):
        for folded_char in fold_char(char):
            folded.append(folded_char)
            positions.append(position)
    return "".join(folded), positions


def whole_words(body):
    return rf"(?<!\w)(?:{body})(?!\w)"


def term_regex(phrase, is_pattern=False):
    """A compiled regex for the phrase, on folded text, matching whole words only."""
    if is_pattern:
        # Not case-folded: that would turn \S into \s. The text is folded, the flag does
        # the rest.
        body = strip_accents(phrase).strip()
    else:
        # Any run of spaces (a line break in a paragraph) between the words.
        body = r"\s+".join(re.escape(word) for word in fold(phrase).split())
    return re.compile(whole_words(body), re.IGNORECASE)


def plain_text(html_source):
    """What a reader reads of a piece of rich text."""
    return html.unescape(strip_tags(html_source))


@dataclass(frozen=True)
class Finding:
    rule: object
    found: str  # as written in the text


def findings_in(text, rules):
    """Each rule whose term is in the text, with the words as written, once per rule."""
    if not text:
        return []
    folded, positions = fold_with_positions(text)
    findings = []
    for rule in rules:
        if rule.unless_text_says and term_regex(rule.unless_text_says).search(folded):
            continue
        match = term_regex(rule.phrase, rule.is_pattern).search(folded)
        if match and match.end() > match.start():
            start, end = positions[match.start()], positions[match.end() - 1] + 1
            findings.append(Finding(rule, text[start:end]))
    return findings
