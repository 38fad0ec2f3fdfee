"""The rules applied to a page: which refused and warned terms it uses, and the messages.

A rule applies to every page, whatever the page's language: a refused term is refused
anywhere, and a Portuguese page quoting an English term needs the same care. The rule's
language is the language of its term and of its preferred wording. Messages are built in
the language active when they are shown (the editor's or the moderator's admin
language); the term found, the preferred wording and the reason are quoted as written.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .matching import Finding, findings_in
from .models import WordingRule
from .texts import Piece, pieces_of_form, pieces_of_object


@dataclass(frozen=True)
class Problem:
    piece: Piece
    finding: Finding

    @property
    def message(self):
        rule = self.finding.rule
        message = _(
            "%(place)s: “%(found)s” cannot be published. Write “%(preferred)s” instead."
        ) % {"place": self.piece.place, "found": self.finding.found, "preferred": rule.preferred}
        return f"{message} {rule.reason}".strip()


def rules(action):
    return list(WordingRule.objects.filter(action=action))


def problems_in(pieces, rule_list):
    if not rule_list:
        return []
    return [
        Problem(piece, finding)
        for piece in pieces
        for finding in findings_in(piece.text, rule_list)
    ]


def refused_in_object(obj):
    """The refused terms a saved object (a revision's page) would publish."""
    return problems_in(pieces_of_object(obj), rules(WordingRule.REFUSE))


def refused_in_form(form):
    """The refused terms in a page form and its nested formsets, as the editor left them."""
    return problems_in(pieces_of_form(form), rules(WordingRule.REFUSE))


def warned_in_object(obj):
    return problems_in(pieces_of_object(obj), rules(WordingRule.WARN))


def warning_name(rule):
    return _("Wording to reconsider: “%(phrase)s”") % {"phrase": rule.phrase}


def warning_help(rule):
    help_text = _("Consider writing “%(preferred)s”.") % {"preferred": rule.preferred}
    return f"{help_text} {rule.reason}".strip()
