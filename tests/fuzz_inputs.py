"""What the hypothesis tests of public input share: their settings and the clean-up of
values that no browser can send."""

import os

from hypothesis import HealthCheck, settings

# HYPOTHESIS_PROFILE=thorough runs each property with the number of examples written
# beside it (CI's PostgreSQL and Redis run does); by default a quarter of them, at least
# ten, keep the everyday run quick. Hypothesis keeps the failing examples it finds in
# .hypothesis/ and tries them first next time, whichever the profile.
THOROUGH = os.environ.get("HYPOTHESIS_PROFILE", "fast") == "thorough"


def examples(max_examples):
    return max_examples if THOROUGH else max(10, max_examples // 4)


def fuzz_settings(max_examples):
    # Each example is a real request against the demo site: no deadline, and the demo
    # fixtures are shared by the examples on purpose.
    return settings(
        max_examples=examples(max_examples),
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


def clean(value):
    """The value as a browser could send it: lone surrogates replaced, lists item by item."""
    if isinstance(value, list):
        return [clean(item) for item in value]
    return value.encode("utf-8", "replace").decode("utf-8")
