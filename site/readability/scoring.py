"""Readability scores that fit each language, computed on the server.

Portuguese: Flesch's reading ease as adapted to Portuguese by Martins, Ghiraldelo, Nunes
and Oliveira Jr. (1996): 248.835 - 1.015 x words per sentence - 84.6 x syllables per
word, with syllables counted by silabificador, which keeps hiatus apart (sa-ú-de).
English: Flesch's reading ease (1948): 206.835 - 1.015 x words per sentence - 84.6 x
syllables per word, with the usual vowel-group heuristic for syllables.

The bands, the targets and the reading speeds are explained in docs/editors.md
("Readability").
"""

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from django.utils.translation import gettext_lazy as _
from silabificador import syllabify

YOUNG_PEOPLE = "young_people"
STANDARD = "standard"

# A word has at least one letter; hyphens and apostrophes inside it keep it whole
# ("dá-lhe", "don't"). Figures such as "112" are not words for the formula.
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# A sentence ends at . ! ? … followed by a space, or where a block ends (a heading or a
# list item has no full stop, and is still read as one unit).
SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)|\n")


@dataclass(frozen=True)
class Band:
    minimum: float
    name: str
    suits: str


@dataclass(frozen=True)
class Target:
    minimum: float
    name: str


@dataclass(frozen=True)
class Scale:
    language: str
    formula: str
    constant: float
    words_per_minute: int
    bands: tuple  # from the easiest down
    targets: dict  # audience -> Target

    def band_for(self, score):
        return next(band for band in self.bands if score >= band.minimum)


@dataclass(frozen=True)
class Readability:
    scale: Scale
    words: int
    sentences: int
    syllables: int
    audience: str

    @property
    def language(self):
        return self.scale.language

    @property
    def score(self):
        if not self.words:
            return None
        return (
            self.scale.constant
            - 1.015 * self.words / self.sentences
            - 84.6 * self.syllables / self.words
        )

    @property
    def band(self):
        return None if self.score is None else self.scale.band_for(self.score)

    @property
    def target(self):
        return self.scale.targets[self.audience]

    @property
    def meets_target(self):
        return self.score is None or self.score >= self.target.minimum

    @property
    def minutes(self):
        if not self.words:
            return 0
        return max(1, round(self.words / self.scale.words_per_minute))


PORTUGUESE = Scale(
    language="pt",
    formula=_("Flesch adapted to Portuguese (Martins et al., 1996)"),
    constant=248.835,
    # European Portuguese adults read the IReST texts aloud at 191 words a minute
    # (Macedo and Silva, 2013); silent reading is a little faster.
    words_per_minute=200,
    bands=(
        Band(75, _("very easy"), _("school years 1 to 4 (ages 6 to 10)")),
        Band(50, _("easy"), _("school years 5 to 8 (ages 10 to 14)")),
        Band(25, _("difficult"), _("secondary school (ages 15 to 17)")),
        Band(-math.inf, _("very difficult"), _("higher education")),
    ),
    targets={
        YOUNG_PEOPLE: Target(50, _("easy")),
        STANDARD: Target(40, _("standard")),
    },
)

ENGLISH = Scale(
    language="en",
    formula=_("Flesch reading ease (Flesch, 1948)"),
    constant=206.835,
    # Silent reading of non-fiction by adults (Brysbaert, 2019).
    words_per_minute=238,
    bands=(
        Band(90, _("very easy"), _("5th grade (ages 10 to 11)")),
        Band(80, _("easy"), _("6th grade (ages 11 to 12)")),
        Band(70, _("fairly easy"), _("7th grade (ages 12 to 13)")),
        Band(60, _("standard"), _("8th and 9th grade (ages 13 to 15)")),
        Band(50, _("fairly difficult"), _("10th to 12th grade (ages 15 to 18)")),
        Band(30, _("difficult"), _("college")),
        Band(-math.inf, _("very difficult"), _("university graduates")),
    ),
    targets={
        YOUNG_PEOPLE: Target(70, _("easy")),
        STANDARD: Target(60, _("standard")),
    },
)

SCALES = {"pt": PORTUGUESE, "en": ENGLISH}


def scale_for(language_code):
    """The scale of a language code such as "pt", "pt-pt" or "en-gb"; English otherwise."""
    return SCALES.get((language_code or "").split("-")[0].lower(), ENGLISH)


@lru_cache(maxsize=20000)
def portuguese_syllables(word):
    return len(syllabify(word.lower()))


@lru_cache(maxsize=20000)
def english_syllables(word):
    letters = re.sub(r"[^a-z]", "", word.lower())
    if not letters:
        return 0
    if len(letters) <= 3:
        return 1
    # A final silent e ("make", "makes", "liked"); "-le" after a consonant is voiced
    # ("table"), and so is "-ed" after t or d ("wanted").
    letters = re.sub(r"(?:[^laeiouy]es|[^laeiouytd]ed|[^laeiouy]e)$", "", letters)
    letters = re.sub(r"^y", "", letters)
    return max(1, len(re.findall(r"[aeiouy]+", letters)))


SYLLABLE_COUNTERS = {"pt": portuguese_syllables, "en": english_syllables}


def words_of(text):
    return WORD.findall(text)


def sentence_count(text):
    return sum(1 for part in SENTENCE_END.split(text) if WORD.search(part))


def measure(text, language_code, audience=STANDARD):
    """The readability of plain text in its language, for the audience's target."""
    scale = scale_for(language_code)
    count_syllables = SYLLABLE_COUNTERS[scale.language]
    words = words_of(text)
    return Readability(
        scale=scale,
        words=len(words),
        sentences=max(1, sentence_count(text)),
        syllables=sum(count_syllables(word) for word in words),
        audience=audience if audience in scale.targets else STANDARD,
    )
