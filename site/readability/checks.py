"""The readability hint in Wagtail's content checker (the Checks panel and the preview's
"Checks" dialog).

Wagtail's checker runs axe-core in the browser. The score itself is computed on the
server, in the preview (preview.py), and written on an empty element: one rule per
language and audience matches that element only when the score is below the target, and
fails on it (an empty element has no visible text), so the checker lists one issue with
the message below, in the editor's language. A hint, never a block: nothing here stops
saving or publishing.
"""

from django.utils.translation import gettext_lazy as _

from .preview import REPORT_ID
from .scoring import SCALES, YOUNG_PEOPLE

AUDIENCE_NAMES = {YOUNG_PEOPLE: _("young people"), "standard": _("parents and educators")}


def rule_id(language, audience):
    return f"readability-{language}-{audience}"


def readability_rules():
    for language, scale in SCALES.items():
        for audience, target in scale.targets.items():
            yield language, audience, target


def axe_rule(language, audience):
    return {
        "id": rule_id(language, audience),
        "impact": "minor",
        "selector": f'#{REPORT_ID}[data-below-target="{language}-{audience}"]',
        "tags": ["best-practice"],
        "any": ["has-visible-text"],
        "enabled": True,
    }


def axe_message(language, audience, target):
    return {
        "error_name": _("Harder to read than the target for %(audience)s")
        % {"audience": AUDIENCE_NAMES[audience]},
        "help_text": _(
            "%(formula)s: aim for %(minimum)s or more. Shorter sentences and shorter "
            "words help. The score is under Content metrics."
        )
        % {"formula": SCALES[language].formula, "minimum": target.minimum},
    }


def add_readability_rules(item):
    """Add the rules to a content checker item, keeping whatever it already has (another
    app may add its own checks the same way)."""
    rules = [axe_rule(language, audience) for language, audience, _target in readability_rules()]
    item.axe_custom_rules = [*item.axe_custom_rules, *rules]
    if item.axe_run_only:
        item.axe_run_only = [*item.axe_run_only, *(rule["id"] for rule in rules)]
    item.axe_messages = {
        **item.axe_messages,
        **{
            rule_id(language, audience): axe_message(language, audience, target)
            for language, audience, target in readability_rules()
        },
    }
