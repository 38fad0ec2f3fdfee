"""What the hypothesis tests of public input share: their settings and the clean-up of
values that no browser can send."""

from hypothesis import HealthCheck, settings


def fuzz_settings(max_examples):
    # Each example is a real request against the demo site: no deadline, and the demo
    # fixtures are shared by the examples on purpose.
    return settings(
        max_examples=max_examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


def clean(value):
    """The value as a browser could send it: lone surrogates replaced, lists item by item."""
    if isinstance(value, list):
        return [clean(item) for item in value]
    return value.encode("utf-8", "replace").decode("utf-8")
