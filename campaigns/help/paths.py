"""The rules a "What happened?" path must keep, checked on the whole path at once.

A reader must never be stuck (a dead end), go round in circles (a loop), answer more than
three questions, or end on an outcome that gives no way to get help; and every outcome
must be reachable, or its advice is lost. `problems` works on plain data (keys and where
each choice leads), so the admin form and the tests use the same rules.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

MAX_QUESTIONS = 3


@dataclass
class Question:
    key: str
    leads_to: list = field(default_factory=list)  # one key per choice


@dataclass
class Outcome:
    key: str
    gives_help: bool


def problems(questions, outcomes):
    """Messages in the active language; none when the path is sound. The first question
    is where the path starts."""
    found = duplicate_keys(questions, outcomes)
    if not questions:
        return [*found, _("Add at least one question: the path starts at the first one.")]
    found += dead_ends(questions, outcomes)
    if found:
        return found  # loops and depth make sense only once every choice leads somewhere
    by_key = {question.key: question for question in questions}
    reached, loops, deepest = walk(by_key, questions[0].key)
    found += [
        _("The path goes round in a loop at the question “%(key)s”.") % {"key": key}
        for key in loops
    ]
    if deepest > MAX_QUESTIONS:
        found.append(
            _("A reader may have to answer %(count)s questions: the path allows three at most.")
            % {"count": deepest}
        )
    for item in [*questions, *outcomes]:
        if item.key not in reached:
            found.append(
                _("No choice leads to “%(key)s”: a reader can never reach it.") % {"key": item.key}
            )
    for outcome in outcomes:
        if not outcome.gives_help:
            found.append(
                _(
                    "The outcome “%(key)s” gives no way to get help: choose who can help, an "
                    "alert-line category or a place to report."
                )
                % {"key": outcome.key}
            )
    return found


def duplicate_keys(questions, outcomes):
    seen, found = set(), []
    for item in [*questions, *outcomes]:
        if item.key in seen:
            found.append(
                _("The key “%(key)s” is used twice: each needs its own.") % {"key": item.key}
            )
        seen.add(item.key)
    return found


def dead_ends(questions, outcomes):
    keys = {item.key for item in [*questions, *outcomes]}
    found = []
    for question in questions:
        if not question.leads_to:
            found.append(
                _("The question “%(key)s” has no choices: a reader would be stuck.")
                % {"key": question.key}
            )
        for target in question.leads_to:
            if target not in keys:
                found.append(
                    _(
                        "A choice of the question “%(key)s” leads to “%(target)s”, which is "
                        "neither a question nor an outcome."
                    )
                    % {"key": question.key, "target": target}
                )
    return found


def walk(by_key, start):
    """(every key reached, the questions where a loop closes, the most questions asked)."""
    reached, loops = set(), []

    def visit(key, asked):
        reached.add(key)
        question = by_key.get(key)
        if question is None:  # an outcome
            return len(asked)
        if key in asked:
            if key not in loops:
                loops.append(key)
            return len(asked)
        return max(visit(target, [*asked, key]) for target in question.leads_to)

    return reached, loops, visit(start, [])
